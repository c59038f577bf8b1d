/**
 * Active-time accounting for `meta.activeMs` / `meta.idleMs`. Pure: the caller reports input and
 * visibility changes and may pass the time of each (any millisecond clock, e.g. `performance.now()`).
 *
 * The rules, chosen so the numbers are explainable to a worker and a requester:
 * - Time counts as active while the tab is visible and the last input was at most
 *   `idleThresholdMs` ago. The threshold window after an input is credited as active (reading an
 *   image or a response between clicks is work); only time beyond it counts as idle.
 * - `start()` and the tab becoming visible again count as input (the worker is looking at the task).
 * - Hidden time counts as idle (the worker was away), and input while hidden is ignored.
 * - Before `start()` nothing is counted.
 * - `activeMs + idleMs` is the elapsed time since `start()` (integer ms each). A clock that jumps
 *   backwards adds nothing and never makes the totals shrink; non-finite times are ignored.
 */

/** Options of an {@link ActiveTimeTracker}. */
export interface ActiveTimeOptions {
  /** Input-free time after which the worker counts as idle. Default 30000 ms. */
  idleThresholdMs?: number;
  /** Default clock for calls without an explicit time. Default `Date.now`. */
  now?: () => number;
}

/** Totals at one moment. */
export interface ActiveTimeSnapshot {
  /** Time spent working, in integer ms. */
  activeMs: number;
  /** Time spent idle or away (hidden tab), in integer ms. */
  idleMs: number;
  /** When `start()` (or the last `reset()`) happened, on the tracker's clock. */
  startedAt: number;
}

/** Default idle threshold: 30 s without input. */
export const DEFAULT_IDLE_THRESHOLD_MS = 30_000;

/** Splits elapsed time into active and idle from input and visibility reports. */
export class ActiveTimeTracker {
  private readonly threshold: number;
  private readonly clock: () => number;
  private started = false;
  private hidden = false;
  private startedAt = 0;
  // Monotonic time: advances by the positive steps of the caller's clock only.
  private lastRaw = 0;
  private mono = 0;
  private accountedTo = 0;
  private lastInput = 0;
  private active = 0;
  private idle = 0;

  constructor(options: ActiveTimeOptions = {}) {
    const { idleThresholdMs = DEFAULT_IDLE_THRESHOLD_MS, now = Date.now } = options;
    if (!(idleThresholdMs >= 0)) throw new RangeError(`idleThresholdMs must be >= 0, got ${idleThresholdMs}`);
    this.threshold = idleThresholdMs;
    this.clock = now;
  }

  /** Whether `start()` was called. */
  get isStarted(): boolean {
    return this.started;
  }

  /** Whether the tab is currently reported hidden. */
  get isHidden(): boolean {
    return this.hidden;
  }

  /** Starts counting (the task became interactive); counts as input. Ignored once started. */
  start(now: number = this.clock()): void {
    if (this.started) return;
    if (!Number.isFinite(now)) now = this.clock();
    this.started = true;
    this.startedAt = now;
    this.lastRaw = now;
    this.mono = 0;
    this.accountedTo = 0;
    this.lastInput = 0;
  }

  /** Reports user input (pointer, key, wheel, media control…). Ignored while hidden or before start. */
  activity(now: number = this.clock()): void {
    if (!this.started) return;
    this.advance(now);
    if (!this.hidden) this.lastInput = this.mono;
  }

  /** Reports a visibility change; becoming visible counts as input. */
  setHidden(hidden: boolean, now: number = this.clock()): void {
    if (this.started) {
      this.advance(now);
      if (this.hidden && !hidden) this.lastInput = this.mono;
    }
    this.hidden = hidden;
  }

  /** Whether the worker counts as idle at `now` (hidden, or no input for longer than the threshold). */
  isIdle(now: number = this.clock()): boolean {
    if (!this.started) return false;
    this.advance(now);
    return this.hidden || this.mono - this.lastInput > this.threshold;
  }

  /** Totals up to `now`; before `start()` both are 0 and `startedAt` is `now`. */
  snapshot(now: number = this.clock()): ActiveTimeSnapshot {
    if (!this.started) return { activeMs: 0, idleMs: 0, startedAt: now };
    this.advance(now);
    // Rounded separately so neither total ever decreases between snapshots (their sum may differ
    // from the elapsed time by 1 ms with a fractional clock such as performance.now()).
    return { activeMs: Math.round(this.active), idleMs: Math.round(this.idle), startedAt: this.startedAt };
  }

  /** Zeroes the totals and starts again at `now` (keeps the visibility state). */
  reset(now: number = this.clock()): void {
    this.started = false;
    this.active = 0;
    this.idle = 0;
    this.start(now);
  }

  /** Moves the accounting cursor to `now`, splitting the gap into active and idle. */
  private advance(now: number): void {
    if (!Number.isFinite(now)) return;
    const step = now - this.lastRaw;
    this.lastRaw = now;
    // A backwards jump (clock change) adds nothing; later steps count normally from there.
    if (step > 0) this.mono += step;
    const from = this.accountedTo;
    const to = this.mono;
    if (to <= from) return;
    if (this.hidden) {
      this.idle += to - from;
    } else {
      const activeUntil = Math.min(to, Math.max(from, this.lastInput + this.threshold));
      this.active += activeUntil - from;
      this.idle += to - activeUntil;
    }
    this.accountedTo = to;
  }
}
