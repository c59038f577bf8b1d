/**
 * Undo/redo over immutable snapshots. Pure: no DOM, no timers; the caller passes the time of each
 * push (or lets it default to `Date.now()`).
 *
 * Snapshots are stored by reference, never copied: callers must treat them as immutable (produce a
 * new object per edit), which also makes unchanged sub-trees free to keep.
 */

/** Options of a {@link History}. */
export interface HistoryOptions<T> {
  /** Maximum number of undo steps kept; the oldest are dropped beyond it. Default 200. */
  limit?: number;
  /** Pushes equal to the present are ignored. Default `Object.is`. */
  equals?: (a: T, b: T) => boolean;
  /** Consecutive pushes with one coalesce key merge while less than this apart. Default 1000 ms. */
  coalesceMs?: number;
}

/** Options of {@link History.push}. */
export interface PushOptions {
  /**
   * Pushes with the same key, each within `coalesceMs` of the previous one, form one undo step
   * (e.g. `"text:why"` for every keystroke in one field, so typing a word is one step).
   */
  coalesceKey?: string;
  /** Time of the edit in ms (any monotonic-ish clock). Default `Date.now()`. */
  now?: number;
}

/** Default number of undo steps kept. */
export const DEFAULT_HISTORY_LIMIT = 200;
/** Default coalescing window in ms. */
export const DEFAULT_COALESCE_MS = 1000;

/** A bounded undo/redo stack of snapshots with keystroke coalescing. */
export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private current: T;
  private readonly limit: number;
  private readonly equals: (a: T, b: T) => boolean;
  private readonly coalesceMs: number;
  private groupKey: string | undefined;
  private groupAt = 0;
  private undos = 0;
  private redos = 0;

  constructor(initial: T, options: HistoryOptions<T> = {}) {
    const { limit = DEFAULT_HISTORY_LIMIT, equals = Object.is, coalesceMs = DEFAULT_COALESCE_MS } = options;
    if (!Number.isInteger(limit) || limit < 0)
      throw new RangeError(`History limit must be an integer >= 0, got ${limit}`);
    if (!(coalesceMs >= 0)) throw new RangeError(`History coalesceMs must be >= 0, got ${coalesceMs}`);
    this.current = initial;
    this.limit = limit;
    this.equals = equals;
    this.coalesceMs = coalesceMs;
  }

  /** The current snapshot. */
  get present(): T {
    return this.current;
  }

  /** Whether {@link undo} would change the present. */
  get canUndo(): boolean {
    return this.past.length > 0;
  }

  /** Whether {@link redo} would change the present. */
  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** How many undos were performed since construction or the last {@link reset} (`meta.undos`). */
  get undoCount(): number {
    return this.undos;
  }

  /** How many redos were performed since construction or the last {@link reset}. */
  get redoCount(): number {
    return this.redos;
  }

  /** Number of undo steps currently available. */
  get undoDepth(): number {
    return this.past.length;
  }

  /** Number of redo steps currently available. */
  get redoDepth(): number {
    return this.future.length;
  }

  /**
   * Records `next` as the present and clears the redo stack. Returns false (and changes nothing)
   * when `next` equals the present.
   */
  push(next: T, options: PushOptions = {}): boolean {
    if (this.equals(next, this.current)) return false;
    const now = options.now ?? Date.now();
    const key = options.coalesceKey;
    const elapsed = now - this.groupAt;
    // A clock going backwards (negative elapsed) starts a new step rather than merging forever.
    const merge =
      key !== undefined && key === this.groupKey && elapsed >= 0 && elapsed < this.coalesceMs && this.past.length > 0;
    this.future = [];
    if (merge) {
      this.current = next;
      this.groupAt = now;
      // Typing then deleting the same letters leaves nothing to undo: drop the empty step.
      const base = this.past[this.past.length - 1] as T;
      if (this.equals(base, next)) {
        this.past.pop();
        this.groupKey = undefined;
      }
      return true;
    }
    this.past.push(this.current);
    if (this.past.length > this.limit) this.past.splice(0, this.past.length - this.limit);
    this.current = next;
    this.groupKey = key;
    this.groupAt = now;
    return true;
  }

  /** Steps back one snapshot; returns the new present, or undefined when there is nothing to undo. */
  undo(): T | undefined {
    if (this.past.length === 0) return undefined;
    this.future.push(this.current);
    this.current = this.past.pop() as T;
    this.undos += 1;
    this.groupKey = undefined;
    return this.current;
  }

  /** Steps forward one snapshot; returns the new present, or undefined when there is nothing to redo. */
  redo(): T | undefined {
    if (this.future.length === 0) return undefined;
    this.past.push(this.current);
    this.current = this.future.pop() as T;
    this.redos += 1;
    this.groupKey = undefined;
    return this.current;
  }

  /** Ends the current coalescing group: the next push is a new undo step (e.g. on field blur). */
  seal(): void {
    this.groupKey = undefined;
  }

  /** Replaces everything with a single snapshot (new task or programmatic value); zeroes the counters. */
  reset(initial: T): void {
    this.past = [];
    this.future = [];
    this.current = initial;
    this.groupKey = undefined;
    this.undos = 0;
    this.redos = 0;
  }
}
