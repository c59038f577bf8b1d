import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { stableHash } from '@tagwerk/core';
import { DraftJournal, type DraftStorageError } from '../journal.js';

export interface DraftControllerOptions<T> {
  /** The journal's namespace (the element's tag name). */
  widget: () => string;
  /** Drafts are kept: the `autosave` attribute is not "off". */
  enabled: () => boolean;
  /** A store failed (once per store; `lostOnReload` once no store outlives the page). */
  onError: (error: DraftStorageError) => void;
  /** Another tab with the same task saved: the draft merged with its edits, to be shown. */
  onRemote: (draft: T) => void;
}

const READ_PREFIX = 'tagwerk:read:';

/**
 * Drafts, one concern: the journal of the current task (opened per task, flushed when the page is
 * hidden or left and when the element leaves the page), and the "instructions read" flag, which
 * is read once per task rather than on every render.
 */
export class DraftController<T> implements ReactiveController {
  private journal: DraftJournal<T> | undefined;
  private instructionsKey: string | undefined;
  private instructionsRead = false;
  private cleanups: Array<() => void> = [];

  constructor(
    host: ReactiveControllerHost,
    private readonly options: DraftControllerOptions<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Synchronously: after pagehide (or a hidden, frozen or discarded page) nothing async is sure
    // to run, so the pending draft goes to localStorage right here.
    const flush = (): void => this.journal?.flushSync();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    document.addEventListener('freeze', flush);
    window.addEventListener('pagehide', flush);
    this.cleanups.push(
      () => document.removeEventListener('visibilitychange', onVisibility),
      () => document.removeEventListener('freeze', flush),
      () => window.removeEventListener('pagehide', flush),
    );
  }

  hostDisconnected(): void {
    this.journal?.flushSync();
    this.cleanups.splice(0).forEach((fn) => fn());
  }

  /** Opens the journal of a task (closing the previous one) and reads its stored draft. */
  async open(taskId: string, instructions: string | undefined): Promise<T | undefined> {
    this.journal?.dispose();
    this.journal = this.options.enabled()
      ? new DraftJournal<T>({
          widget: this.options.widget(),
          taskId,
          onError: this.options.onError,
          onRemote: (draft) => this.options.onRemote(draft),
        })
      : undefined;
    this.instructionsKey = instructions ? `${READ_PREFIX}${stableHash(instructions)}` : undefined;
    this.instructionsRead = this.instructionsKey ? readFlag(this.instructionsKey) : false;
    return this.journal?.load().catch(() => undefined);
  }

  /** Journals the draft (debounced by the journal). */
  write(draft: T): void {
    if (this.options.enabled()) this.journal?.write(draft);
  }

  /** Drops the stored draft (after a submit, a reset, or `autosave="off"`). */
  clear(): void {
    void this.journal?.clear();
  }

  /** Whether drafts survive a reload (false once every store beyond the page's memory failed). */
  get persistent(): boolean {
    return this.journal?.persistent ?? true;
  }

  /** The worker has read this task's instructions before (the panel starts closed). */
  get hasReadInstructions(): boolean {
    return this.instructionsRead;
  }

  /** Remembers that the instructions were read (closed by the worker, or the task submitted). */
  markInstructionsRead(): void {
    if (!this.instructionsKey || this.instructionsRead) return;
    this.instructionsRead = true;
    try {
      localStorage.setItem(this.instructionsKey, '1');
    } catch {
      // Private mode: the panel simply opens again next time.
    }
  }
}

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}
