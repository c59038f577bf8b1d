import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { parseTask, type Kind, type TagwerkErrorCode, type TaskOf, type ValidationError } from '@tagwerk/core';

/** Why a task could not be shown: the code of the `tagwerk-error` and the errors to list. */
export class LoadFailure extends Error {
  constructor(
    readonly code: TagwerkErrorCode,
    readonly errors: ValidationError[],
  ) {
    super(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n'));
    this.name = 'LoadFailure';
  }
}

/**
 * Thrown by a widget's `prepare()` when its media cannot be used, or when the task turns out
 * wrong once the media is known (`task-invalid`, e.g. a pre-fill past the end of the audio);
 * shown and reported as is.
 */
export class MediaError extends Error {
  constructor(
    readonly code: 'media-load-failed' | 'media-decode-failed' | 'task-invalid',
    message: string,
    /** JSON Pointer into the task, e.g. "/image/url". */
    readonly path = '',
  ) {
    super(message);
    this.name = 'MediaError';
  }
}

interface LoaderHost extends ReactiveControllerHost {
  task: unknown;
  taskSrc: string | undefined;
}

export interface TaskLoaderOptions<K extends Kind, P> {
  /** The kind the widget takes (read at load time: a subclass field). */
  kind: () => K;
  /** The language of parse errors. */
  locale: () => string;
  /** Translated messages for a failed fetch or media load. */
  messages: { taskLoad: (reason: string) => string; media: (reason: string) => string };
  /** Called with the parsed task before `prepare`, so its title shows while media load. */
  parsed: (task: TaskOf<K> | undefined) => void;
  /** Loads what the task needs before it is shown (media, the stored draft); may throw MediaError. */
  prepare: (task: TaskOf<K>, signal: AbortSignal) => Promise<P>;
}

/** A loaded task and what `prepare` gave for it. */
export interface Loaded<K extends Kind, P> {
  task: TaskOf<K>;
  prepared: P;
}

const isEmpty = (input: unknown): boolean => input === null || input === undefined || input === '';

/**
 * Loading, one concern: the `task` property (object or JSON string) or `task-src` (fetched), then
 * parsing against the widget's kind, then the widget's `prepare`. Runs again when either input
 * changes; a newer load aborts an older one (its fetch and its media), whose result is dropped.
 * `retry()` runs the same load again (after a failed fetch or media load).
 */
export class TaskLoader<K extends Kind, P> {
  private attempt = 0;
  /** The last load found nothing to show (an empty `task-src` body). */
  private foundNothing = false;
  private readonly job: Task<readonly [unknown, string | undefined, number], Loaded<K, P>>;

  constructor(
    private readonly host: LoaderHost,
    private readonly options: TaskLoaderOptions<K, P>,
  ) {
    this.job = new Task(host, {
      args: () => [host.task, host.taskSrc, this.attempt] as const,
      task: ([input, src], { signal }) => this.load(input, src, signal),
    });
  }

  /** `empty` (nothing to show), `loading`, `error` or `ready`. */
  get phase(): 'empty' | 'loading' | 'error' | 'ready' {
    switch (this.job.status) {
      case TaskStatus.INITIAL:
        return this.foundNothing || (isEmpty(this.host.task) && !this.host.taskSrc) ? 'empty' : 'loading';
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.ERROR:
        return 'error';
      case TaskStatus.COMPLETE:
        return 'ready';
    }
  }

  /** The failure shown in the error state. */
  get failure(): LoadFailure | undefined {
    return this.job.status === TaskStatus.ERROR ? (this.job.error as LoadFailure) : undefined;
  }

  /** The loaded task once ready. */
  get value(): Loaded<K, P> | undefined {
    return this.job.status === TaskStatus.COMPLETE ? this.job.value : undefined;
  }

  /** Loads the same input again. */
  retry(): void {
    this.attempt += 1;
    this.host.requestUpdate();
  }

  private async load(input: unknown, src: string | undefined, signal: AbortSignal): Promise<Loaded<K, P>> {
    this.options.parsed(undefined);
    this.foundNothing = false;
    if (isEmpty(input) && src) input = await this.fetchTask(src, signal);
    // A newer load has started: @lit/task drops this result, and nothing here may touch the host.
    signal.throwIfAborted();
    if (isEmpty(input)) {
      this.foundNothing = true;
      return initialState as never;
    }
    const parsed = parseTask(input, { locale: this.options.locale(), kind: this.options.kind() });
    if (!parsed.ok) throw new LoadFailure('task-invalid', parsed.errors);
    const task = parsed.value as TaskOf<K>;
    this.options.parsed(task);
    try {
      return { task, prepared: await this.options.prepare(task, signal) };
    } catch (error) {
      // A widget may throw a MediaError to say what failed (decode vs load) in its own words.
      if (error instanceof MediaError) {
        throw new LoadFailure(error.code, [{ path: error.path, code: error.code, message: error.message }]);
      }
      const message = this.options.messages.media(String((error as Error)?.message ?? error));
      throw new LoadFailure('media-load-failed', [{ path: '', code: 'media-load-failed', message }]);
    }
  }

  private async fetchTask(src: string, signal: AbortSignal): Promise<string> {
    try {
      const response = await fetch(src, { signal, credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return await response.text();
    } catch (error) {
      if (signal.aborted) throw error;
      const message = this.options.messages.taskLoad(String((error as Error).message ?? error));
      throw new LoadFailure('task-load-failed', [{ path: '', code: 'task-load-failed', message }]);
    }
  }
}
