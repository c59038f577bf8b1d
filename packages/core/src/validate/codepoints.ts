/**
 * Offset maths between Unicode code points (what span offsets count, as Python's `str` does) and
 * UTF-16 code units (what JavaScript strings and DOM ranges count). A lone surrogate counts as one
 * code point. Out-of-range offsets give -1 rather than throwing: callers report them as errors.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Number of code points in `s` (astral characters such as emoji count once). */
export function codePointLength(s: string): number {
  const first = s.search(SURROGATE);
  if (first < 0) return s.length;
  let count = s.length;
  for (let i = first; i < s.length - 1; i++) {
    if (isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1))) {
      count--;
      i++;
    }
  }
  return count;
}

/** UTF-16 index where code point `cp` starts; `codePointLength(s)` maps to `s.length`; -1 when out of range. */
export function codePointToUtf16(s: string, cp: number): number {
  if (!Number.isInteger(cp) || cp < 0) return -1;
  const first = s.search(SURROGATE);
  if (first < 0 || cp <= first) return cp <= s.length ? cp : -1;
  return walkForward(s, first, first, cp);
}

/** From UTF-16 index `from`, which starts code point `at`, walks to code point `cp`. */
function walkForward(s: string, from: number, at: number, cp: number): number {
  let i = from;
  let k = at;
  const n = s.length;
  while (k < cp && i < n) {
    i += isHigh(s.charCodeAt(i)) && i + 1 < n && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
    k++;
  }
  return k === cp ? i : -1;
}

/**
 * Code-point index of the character at UTF-16 index `i` (`s.length` maps to the code-point
 * length). An index inside a surrogate pair maps to that pair. -1 when out of range.
 */
export function utf16ToCodePoint(s: string, i: number): number {
  if (!Number.isInteger(i) || i < 0 || i > s.length) return -1;
  const first = s.search(SURROGATE);
  if (first < 0 || i <= first) return i;
  return countTo(s, first, first, i);
}

/** Counts code points from UTF-16 index `from` (code point `at`) up to the one containing `i`. */
function countTo(s: string, from: number, at: number, i: number): number {
  let k = at;
  let j = from;
  while (j < i) {
    const pair = isHigh(s.charCodeAt(j)) && j + 1 < s.length && isLow(s.charCodeAt(j + 1));
    if (pair && j + 1 === i) return k; // i points at the low half: the pair's own index
    j += pair ? 2 : 1;
    k++;
  }
  return k;
}

/** The code points [start, end) of `s`, or null when the range is out of bounds or reversed. */
export function sliceCodePoints(s: string, start: number, end: number): string | null {
  const from = codePointToUtf16(s, start);
  if (from < 0 || !Number.isInteger(end) || end < start) return null;
  const to = walkForward(s, from, start, end);
  return to < 0 ? null : s.slice(from, to);
}

const STRIDE_BITS = 6; // a checkpoint every 64 code points: at most 63 steps per lookup

/**
 * A reusable index over one text for many offset conversions (e.g. hundreds of spans over a 1 MB
 * response): built in one pass, then each lookup walks at most 63 characters.
 */
export class CodePointIndex {
  /** The indexed text. */
  readonly text: string;
  /** Its length in code points. */
  readonly length: number;
  /** UTF-16 offset of every 64th code point; null when the text has no surrogates (identity). */
  private readonly checkpoints: Uint32Array | null;

  constructor(text: string) {
    this.text = text;
    if (!SURROGATE.test(text)) {
      this.length = text.length;
      this.checkpoints = null;
      return;
    }
    const points: number[] = [];
    let k = 0;
    const n = text.length;
    for (let i = 0; i < n; k++) {
      if ((k & ((1 << STRIDE_BITS) - 1)) === 0) points.push(i);
      i += isHigh(text.charCodeAt(i)) && i + 1 < n && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
    }
    this.length = k;
    this.checkpoints = Uint32Array.from(points);
  }

  /** UTF-16 index where code point `cp` starts (`length` maps to `text.length`); -1 when out of range. */
  toUtf16(cp: number): number {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.length) return -1;
    if (!this.checkpoints) return cp;
    if (cp === this.length) return this.text.length;
    const slot = cp >> STRIDE_BITS;
    return walkForward(this.text, this.checkpoints[slot] ?? 0, slot << STRIDE_BITS, cp);
  }

  /** Code-point index of the character at UTF-16 index `i` (inside a pair: the pair's); -1 when out of range. */
  toCodePoint(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i > this.text.length) return -1;
    const points = this.checkpoints;
    if (!points) return i;
    let lo = 0;
    let hi = points.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((points[mid] ?? 0) <= i) lo = mid;
      else hi = mid - 1;
    }
    return countTo(this.text, points[lo] ?? 0, lo << STRIDE_BITS, i);
  }

  /** The code points [start, end), or null when out of bounds or reversed. */
  slice(start: number, end: number): string | null {
    if (end < start) return null;
    const from = this.toUtf16(start);
    const to = this.toUtf16(end);
    return from < 0 || to < 0 ? null : this.text.slice(from, to);
  }
}
