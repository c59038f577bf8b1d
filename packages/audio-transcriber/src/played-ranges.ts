/**
 * Which parts of a recording were heard: a set of disjoint, sorted time ranges fed by playback
 * progress. A jump (seek, skip) starts a new range rather than counting what was skipped.
 */

/** A step of more than this between two progress reports is a jump, not playback. */
const MAX_STEP_SECONDS = 1;

export class PlayedRanges {
  /** Disjoint, sorted `[start, end]` pairs in seconds. */
  private ranges: Array<[number, number]> = [];
  private last: number | undefined;

  /**
   * Playback reached `time` (seconds). Counted from the previous report when playback ran on
   * continuously (forward, by at most a second); otherwise a new range starts here.
   */
  progress(time: number): void {
    if (!Number.isFinite(time) || time < 0) return;
    const last = this.last;
    this.last = time;
    if (last === undefined) return;
    const step = time - last;
    if (step > 0 && step <= MAX_STEP_SECONDS) this.add(last, time);
  }

  /** Playback stopped (pause, seek, end): the next report starts a new range. */
  stop(time?: number): void {
    if (time !== undefined) this.progress(time);
    this.last = undefined;
  }

  /** Marks `[start, end]` as heard. */
  add(start: number, end: number): void {
    if (!(end > start)) return;
    const merged: Array<[number, number]> = [];
    let placed = false;
    for (const range of this.ranges) {
      if (range[1] < start) merged.push(range);
      else if (range[0] > end) {
        if (!placed) merged.push([start, end]);
        placed = true;
        merged.push(range);
      } else {
        start = Math.min(start, range[0]);
        end = Math.max(end, range[1]);
      }
    }
    if (!placed) merged.push([start, end]);
    this.ranges = merged;
  }

  /** Seconds heard, within `[0, duration]`. */
  heard(duration: number): number {
    let total = 0;
    for (const [start, end] of this.ranges) total += Math.max(0, Math.min(end, duration) - Math.max(start, 0));
    return total;
  }

  /**
   * Share of `duration` heard, in [0, 1], rounded down to 0.001. Up to `slack` seconds missing at
   * the very start and at the very end are forgiven (the first and last frames of playback);
   * gaps between heard parts never are — they are where the worker skipped.
   */
  share(duration: number, slack = 0.25): number {
    if (!(duration > 0)) return 0;
    let covered = this.heard(duration);
    const first = this.ranges[0];
    const last = this.ranges.at(-1);
    if (first && first[0] > 0 && first[0] <= slack) covered += first[0];
    if (last && last[1] < duration && duration - last[1] <= slack) covered += duration - last[1];
    return Math.min(1, Math.floor((covered / duration) * 1000) / 1000);
  }

  /** The ranges, for a draft (JSON). */
  toJSON(): Array<[number, number]> {
    return this.ranges.map(([s, e]) => [s, e]);
  }

  /** Restores ranges from a draft; anything malformed is ignored. */
  static from(value: unknown): PlayedRanges {
    const played = new PlayedRanges();
    if (!Array.isArray(value)) return played;
    for (const item of value.slice(0, 100_000)) {
      if (Array.isArray(item) && typeof item[0] === 'number' && typeof item[1] === 'number') {
        if (Number.isFinite(item[0]) && Number.isFinite(item[1])) played.add(item[0], item[1]);
      }
    }
    return played;
  }
}
