/**
 * Timing and statistics shared by every scenario, in Node and in the browser: `performance.now()`,
 * warm-up rounds that are thrown away, several samples, medians and p95s. Comparisons run ours
 * and the baseline interleaved so that drift (thermal throttling, a background GC, JIT tiers)
 * lands on both sides instead of on whichever ran second.
 */

/** Summary of a list of samples. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** The q-quantile (0 ≤ q ≤ 1) by linear interpolation between closest ranks (R type 7). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower]!;
  const b = sorted[upper]!;
  return a + (b - a) * (position - lower);
}

/** The median of `values` (NaN for none). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** n, median, p95, min, max and mean of `values`. */
export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  return {
    n,
    median: median(values),
    p95: quantile(values, 0.95),
    min: n ? Math.min(...values) : Number.NaN,
    max: n ? Math.max(...values) : Number.NaN,
    mean: n ? values.reduce((sum, v) => sum + v, 0) / n : Number.NaN,
  };
}

type Work = () => unknown;

/** How many rounds to run; warm-up rounds are timed but discarded. */
export interface SampleOptions {
  warmup: number;
  samples: number;
  /** Runs untimed before every timed call, e.g. a GC so one side does not pay for the other's garbage. */
  before?: () => unknown;
}

async function timeOnce(work: Work): Promise<number> {
  const start = performance.now();
  const out = work();
  // Only await real promises: an extra microtask per synchronous call would be measured too.
  if (out instanceof Promise) await out;
  return performance.now() - start;
}

/** Time `work` `samples` times after `warmup` untimed rounds; returns milliseconds per call. */
export async function sample(work: Work, options: SampleOptions): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < options.warmup + options.samples; round++) {
    await options.before?.();
    const ms = await timeOnce(work);
    if (round >= options.warmup) times.push(ms);
  }
  return times;
}

/** Milliseconds per call of each side, index-aligned by round. */
export interface Paired {
  ours: number[];
  baseline: number[];
}

/**
 * Time ours and the baseline interleaved: round i runs A then B, round i+1 B then A (ABBA), so a
 * linear drift over the run and any "second one is warmer" effect cancel out of the medians.
 */
export async function compare(ours: Work, baseline: Work, options: SampleOptions): Promise<Paired> {
  const result: Paired = { ours: [], baseline: [] };
  for (let round = 0; round < options.warmup + options.samples; round++) {
    const order: Array<[keyof Paired, Work]> =
      round % 2 === 0
        ? [
            ['ours', ours],
            ['baseline', baseline],
          ]
        : [
            ['baseline', baseline],
            ['ours', ours],
          ];
    for (const [side, work] of order) {
      await options.before?.();
      const ms = await timeOnce(work);
      if (round >= options.warmup) result[side].push(ms);
    }
  }
  return result;
}

/**
 * Like `compare`, for any number of sides: round i runs the sides rotated by i (ABC, BCA, CAB, …),
 * so every side takes every position equally often. Returns milliseconds per call, by side name.
 */
export async function compareAll<K extends string>(
  works: Readonly<Record<K, Work>>,
  options: SampleOptions,
): Promise<Record<K, number[]>> {
  const names = Object.keys(works) as K[];
  const result = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < options.warmup + options.samples; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!;
      await options.before?.();
      const ms = await timeOnce(works[name]);
      if (round >= options.warmup) result[name].push(ms);
    }
  }
  return result;
}

/** Seeded PRNG (mulberry32): the same seed gives the same data in Node and in Chromium. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
