/** The demo server's HTTP API (demo/server/api-plugin.ts), as the page calls it. */
import type { Annotation, Task } from '@tagwerk/core';

/** One schema or contract problem the server found. */
export interface ServerError {
  path: string;
  code: string;
  message: string;
}

/** The server's answer to a submission. */
export interface Verdict {
  accepted: boolean;
  schemaErrors: ServerError[];
  contractErrors: ServerError[];
  id: string | null;
}

/** An accepted submission as the server stores it. */
export interface Submission {
  id: string;
  taskId: string;
  kind: string;
  receivedAt: string;
  annotation: Annotation;
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok && response.status !== 422 && response.status !== 400) {
    throw new Error(`${response.status} ${response.statusText}`);
  }
  return (await response.json()) as T;
}

/** The task queue. */
export async function fetchTasks(): Promise<Task[]> {
  return (await json<{ tasks: Task[] }>(await fetch('/api/tasks'))).tasks;
}

/** The reference annotation of a task: shown for review, or the gold answer in training. */
export async function fetchReference(taskId: string): Promise<Annotation | null> {
  const response = await fetch(`/api/tasks/${encodeURIComponent(taskId)}/reference`);
  return response.status === 404 ? null : json<Annotation>(response);
}

/** Every accepted submission, oldest first. */
export async function fetchSubmissions(): Promise<Submission[]> {
  return (await json<{ submissions: Submission[] }>(await fetch('/api/submissions'))).submissions;
}

/** Forgets every accepted submission on the server. */
export async function clearSubmissions(): Promise<void> {
  await json<unknown>(await fetch('/api/submissions', { method: 'DELETE' }));
}

/**
 * Posts an envelope for the server to validate and store. `locale` asks for its error messages
 * in the worker's language. Returns the verdict with the HTTP status.
 */
export async function postSubmission(envelope: unknown, locale: string): Promise<{ status: number; verdict: Verdict }> {
  const response = await fetch('/api/submissions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': locale },
    body: JSON.stringify(envelope),
  });
  return { status: response.status, verdict: await json<Verdict>(response) };
}
