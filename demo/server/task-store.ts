/**
 * The demo's task queue: one task per `demo/tasks/*.json` file (in file-name order), each with a
 * reference annotation in `demo/tasks/references/<task id>.json` that review mode shows as someone
 * else's work and training mode uses as the gold answer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A queue entry as stored on disk: the raw task JSON and its reference annotation. */
export interface StoredTask {
  file: string;
  task: Record<string, unknown> & { id: string; kind: string };
  reference: Record<string, unknown> | null;
}

/** The directory holding the sample tasks. */
export const TASKS_DIR = new URL('../tasks/', import.meta.url).pathname;

/** Reads every sample task (fresh on each call, so edits show up without a restart). */
export function readTasks(dir: string = TASKS_DIR): StoredTask[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const task = JSON.parse(readFileSync(join(dir, file), 'utf8')) as StoredTask['task'];
      const referencePath = join(dir, 'references', `${task.id}.json`);
      const reference = existsSync(referencePath)
        ? (JSON.parse(readFileSync(referencePath, 'utf8')) as Record<string, unknown>)
        : null;
      return { file, task, reference };
    });
}
