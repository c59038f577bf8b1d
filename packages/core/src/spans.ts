/**
 * Span maths for `spans` questions (named entities, evidence highlighting). Pure: no DOM, runs in
 * browsers and in Node.
 *
 * Two units meet here. Span offsets (the contract) count Unicode code points; `Intl.Segmenter`
 * and the DOM count UTF-16 code units. Boundary helpers (`TextBoundaries`, `snapToGraphemes`,
 * `wordBoundaries`, `trimWhitespace`) take and return UTF-16 offsets; span helpers (`makeSpan`,
 * `addSpan`, `segmentText`, …) take code points and convert through a `CodePointIndex`.
 * Needs `Intl.Segmenter` (Chrome 87, Safari 14.1, Firefox 125, Node 16).
 */
import type { Span } from './model/types.js';
import { CodePointIndex } from './validate/codepoints.js';

/** The offsets (code points, end exclusive) and label of a span, without its text. */
export interface SpanRange {
  start: number;
  end: number;
  label: string;
}

/** Why `addSpan` refused a candidate. */
export type AddSpanRefusal = 'invalid' | 'duplicate' | 'overlap';

/** The outcome of `addSpan`: the new sorted list, or the reason (and the clashing span). */
export type AddSpanResult =
  { ok: true; spans: Span[]; span: Span } | { ok: false; reason: AddSpanRefusal; conflict?: Span };

/** A run of text between two span boundaries, with the spans that cover it. */
export interface TextSegment {
  /** Code-point offset of the first character. */
  start: number;
  /** Code-point offset after the last character. */
  end: number;
  /** UTF-16 offset of the first character. */
  start16: number;
  /** UTF-16 offset after the last character. */
  end16: number;
  /** The segment's text. */
  text: string;
  /** Indices (ascending) into the `spans` passed to `segmentText` of the spans covering this run. */
  spans: number[];
}

/** A word-like token found by `wordBoundaries` (UTF-16 offsets). */
export interface Token {
  start: number;
  end: number;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Spans

/** Orders spans by start, then end, then label (code-unit order, so the result is locale-free). */
export function compareSpans(a: SpanRange, b: SpanRange): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** A sorted copy (see `compareSpans`); the span objects themselves are kept. */
export function sortSpans<T extends SpanRange>(spans: readonly T[]): T[] {
  return [...spans].sort(compareSpans);
}

/** Whether two spans share at least one code point (touching spans do not overlap). */
export function overlaps(a: Pick<SpanRange, 'start' | 'end'>, b: Pick<SpanRange, 'start' | 'end'>): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether two spans have the same offsets and label. */
export function sameSpan(a: SpanRange, b: SpanRange): boolean {
  return a.start === b.start && a.end === b.end && a.label === b.label;
}

/** Whether `s` has integer offsets with `0 <= start < end <= length`. */
export function isValidRange(s: Pick<SpanRange, 'start' | 'end'>, length: number): boolean {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= length;
}

/**
 * A span over code points [start, end) of `text`, with its covered `text` and UTF-16 offsets
 * filled in. Pass the text's `CodePointIndex` when making many spans over a long text.
 * Throws a RangeError for offsets outside the text or an empty range.
 */
export function makeSpan(text: string, start: number, end: number, label: string, index?: CodePointIndex): Span {
  const idx = index && index.text === text ? index : new CodePointIndex(text);
  if (!isValidRange({ start, end }, idx.length)) {
    throw new RangeError(`span [${start}, ${end}) is empty or outside the text (${idx.length} code points)`);
  }
  const startUtf16 = idx.toUtf16(start);
  const endUtf16 = idx.toUtf16(end);
  return { start, end, label, text: text.slice(startUtf16, endUtf16), startUtf16, endUtf16 };
}

/**
 * Adds `candidate` to `spans`, keeping the list sorted. Refuses an empty or malformed range, an
 * identical span (same offsets and label, overlap allowed or not), and — unless `overlap` is
 * true — a span that shares a code point with an existing one. Never mutates `spans`.
 */
export function addSpan(spans: readonly Span[], candidate: Span, options: { overlap?: boolean } = {}): AddSpanResult {
  if (
    !Number.isInteger(candidate.start) ||
    !Number.isInteger(candidate.end) ||
    candidate.start < 0 ||
    candidate.start >= candidate.end
  ) {
    return { ok: false, reason: 'invalid' };
  }
  const duplicate = spans.find((s) => sameSpan(s, candidate));
  if (duplicate) return { ok: false, reason: 'duplicate', conflict: duplicate };
  if (!options.overlap) {
    const clash = sortSpans(spans).find((s) => overlaps(s, candidate));
    if (clash) return { ok: false, reason: 'overlap', conflict: clash };
  }
  return { ok: true, spans: sortSpans([...spans, candidate]), span: candidate };
}

/** `spans` without `span` (by identity, else the first with the same offsets and label), sorted. */
export function removeSpan(spans: readonly Span[], span: SpanRange): Span[] {
  let at = spans.indexOf(span as Span);
  if (at < 0) at = spans.findIndex((s) => sameSpan(s, span));
  return sortSpans(at < 0 ? spans : [...spans.slice(0, at), ...spans.slice(at + 1)]);
}

/**
 * Splits `text` at every span boundary, for rendering: contiguous segments covering the whole
 * text, each listing the spans over it (long unlabelled stretches stay one segment). Spans with
 * offsets outside the text are ignored. Cost grows with the number of spans, not the text length
 * (given the text's `CodePointIndex`).
 */
export function segmentText(text: string, spans: readonly SpanRange[], index?: CodePointIndex): TextSegment[] {
  const idx = index && index.text === text ? index : new CodePointIndex(text);
  const n = idx.length;
  if (n === 0) return [];
  const cuts = new Set<number>([0, n]);
  const valid: number[] = [];
  spans.forEach((s, i) => {
    if (!isValidRange(s, n)) return;
    valid.push(i);
    cuts.add(s.start);
    cuts.add(s.end);
  });
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = valid.sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
  const segments: TextSegment[] = [];
  let active: number[] = [];
  let next = 0;
  let start16 = 0;
  for (let k = 0; k < points.length - 1; k++) {
    const start = points[k]!;
    const end = points[k + 1]!;
    active = active.filter((i) => spans[i]!.end > start);
    while (next < byStart.length && spans[byStart[next]!]!.start <= start) active.push(byStart[next++]!);
    const end16 = idx.toUtf16(end);
    segments.push({
      start,
      end,
      start16,
      end16,
      text: text.slice(start16, end16),
      spans: [...active].sort((a, b) => a - b),
    });
    start16 = end16;
  }
  return segments;
}

/**
 * A lane per span for drawing overlapping spans as stacked underlines: spans that overlap get
 * different lanes, and each span keeps its lane along its whole length. Lane 0 is nearest the
 * text; longer spans get lower lanes when they start together.
 */
export function assignLanes(spans: readonly SpanRange[]): number[] {
  const lanes = spans.map(() => 0);
  const order = spans
    .map((_, i) => i)
    .sort((a, b) => spans[a]!.start - spans[b]!.start || spans[b]!.end - spans[a]!.end || a - b);
  const laneEnds: number[] = [];
  for (const i of order) {
    const span = spans[i]!;
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane < 0) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = span.end;
    lanes[i] = lane;
  }
  return lanes;
}

// ---------------------------------------------------------------------------------------------
// Boundaries (UTF-16 offsets)

let graphemeSegmenter: Intl.Segmenter | undefined;
let wordSegmenter: Intl.Segmenter | undefined;

const WHITE = /^\s+$/u;
// A token is a word, or a symbol such as an emoji or "+": anything but white space and punctuation.
const NON_TOKEN = /^[\s\p{P}]*$/u;

/** Whether a word-granularity segment is a token a worker would select (words, numbers, emoji, symbols). */
export function isToken(segment: string, isWordLike?: boolean): boolean {
  return isWordLike === true || !NON_TOKEN.test(segment);
}

/**
 * Grapheme-cluster and word-token boundaries of one text, for moving a caret and snapping a
 * selection. The segmenters run once per text and are then queried around an offset
 * (`Segments.containing`), so a step costs about the length of the segments it crosses, not the
 * text's. All offsets are UTF-16 code units, clamped to [0, text.length].
 */
export class TextBoundaries {
  /** The text. */
  readonly text: string;
  private graphemeSegments: Intl.Segments | undefined;
  private wordSegments: Intl.Segments | undefined;

  constructor(text: string) {
    this.text = text;
  }

  private get graphemes(): Intl.Segments {
    graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    return (this.graphemeSegments ??= graphemeSegmenter.segment(this.text));
  }

  private get words(): Intl.Segments {
    wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    return (this.wordSegments ??= wordSegmenter.segment(this.text));
  }

  private clamp(i: number): number {
    return Math.max(0, Math.min(this.text.length, Math.trunc(i) || 0));
  }

  /** Start of the grapheme cluster containing `i` (the text's length stays). */
  graphemeFloor(i: number): number {
    const p = this.clamp(i);
    return p >= this.text.length ? p : this.graphemes.containing(p)!.index;
  }

  /** `i` when it is a cluster boundary, else the end of the cluster containing it. */
  graphemeCeil(i: number): number {
    const p = this.clamp(i);
    if (p === 0) return 0;
    const g = this.graphemes.containing(p - 1)!;
    return g.index + g.segment.length;
  }

  /** The boundary after the cluster at `i`. */
  nextGrapheme(i: number): number {
    const p = this.clamp(i);
    if (p >= this.text.length) return p;
    const g = this.graphemes.containing(p)!;
    return g.index + g.segment.length;
  }

  /** The boundary before `i` (the start of the cluster that ends at or contains `i - 1`). */
  prevGrapheme(i: number): number {
    const p = this.clamp(i);
    return p === 0 ? 0 : this.graphemes.containing(p - 1)!.index;
  }

  /** [start, end) widened outward to grapheme-cluster boundaries (reversed ranges are ordered). */
  snap(start: number, end: number): { start: number; end: number } {
    const a = Math.min(start, end);
    const b = Math.max(start, end);
    return { start: this.graphemeFloor(a), end: Math.max(this.graphemeFloor(a), this.graphemeCeil(b)) };
  }

  /** [start, end) without leading and trailing white-space clusters (may become empty). */
  trim(start: number, end: number): { start: number; end: number } {
    let a = this.clamp(start);
    let b = this.clamp(end);
    while (a < b) {
      const g = this.graphemes.containing(a)!;
      if (!WHITE.test(g.segment)) break;
      a = g.index + g.segment.length;
    }
    while (b > a) {
      const g = this.graphemes.containing(b - 1)!;
      if (!WHITE.test(g.segment)) break;
      b = g.index;
    }
    return { start: Math.min(a, b), end: b };
  }

  /** Start of the first token that starts after `i`, or null. */
  nextTokenStart(i: number): number | null {
    const p = this.clamp(i);
    for (let s = this.words.containing(p); s; s = this.words.containing(s.index + s.segment.length)) {
      if (s.index > p && isToken(s.segment, s.isWordLike)) return s.index;
    }
    return null;
  }

  /** End of the first token that ends after `i`, or null. */
  nextTokenEnd(i: number): number | null {
    const p = this.clamp(i);
    for (let s = this.words.containing(p); s; s = this.words.containing(s.index + s.segment.length)) {
      if (isToken(s.segment, s.isWordLike)) return s.index + s.segment.length;
    }
    return null;
  }

  /** Start of the last token that starts before `i`, or null. */
  prevTokenStart(i: number): number | null {
    const p = this.clamp(i);
    for (
      let s = p > 0 ? this.words.containing(p - 1) : undefined;
      s;
      s = s.index > 0 ? this.words.containing(s.index - 1) : undefined
    ) {
      if (isToken(s.segment, s.isWordLike)) return s.index;
    }
    return null;
  }

  /** End of the last token that ends before `i`, or null. */
  prevTokenEnd(i: number): number | null {
    const p = this.clamp(i);
    for (
      let s = p > 0 ? this.words.containing(p - 1) : undefined;
      s;
      s = s.index > 0 ? this.words.containing(s.index - 1) : undefined
    ) {
      const end = s.index + s.segment.length;
      if (end < p && isToken(s.segment, s.isWordLike)) return end;
    }
    return null;
  }

  /** The token containing `i`, or starting at `i`; null between tokens. */
  tokenAt(i: number): Token | null {
    const p = this.clamp(i);
    if (p >= this.text.length) return null;
    const s = this.words.containing(p)!;
    return isToken(s.segment, s.isWordLike)
      ? { start: s.index, end: s.index + s.segment.length, text: s.segment }
      : null;
  }

  /** The tokens that intersect [start, end), in order. */
  tokens(start = 0, end = this.text.length): Token[] {
    const a = this.clamp(start);
    const b = this.clamp(end);
    const found: Token[] = [];
    for (
      let s = a < b ? this.words.containing(a) : undefined;
      s && s.index < b;
      s = this.words.containing(s.index + s.segment.length)
    ) {
      if (isToken(s.segment, s.isWordLike))
        found.push({ start: s.index, end: s.index + s.segment.length, text: s.segment });
    }
    return found;
  }
}

/** [start, end) (UTF-16) widened to grapheme-cluster boundaries, so 👩‍💻, 🇩🇪 or é (e + U+0301) is never split. */
export function snapToGraphemes(text: string, start: number, end: number): { start: number; end: number } {
  return new TextBoundaries(text).snap(start, end);
}

/** [start, end) (UTF-16) without surrounding white space. */
export function trimWhitespace(text: string, start: number, end: number): { start: number; end: number } {
  return new TextBoundaries(text).trim(start, end);
}

/** The word tokens (words, numbers, emoji, symbols; not spaces or punctuation) intersecting [start, end) (UTF-16). */
export function wordBoundaries(text: string, start = 0, end = text.length): Token[] {
  return new TextBoundaries(text).tokens(start, end);
}

/**
 * At most `max` grapheme clusters of `text`, with "…" when cut. Only the head of the text is
 * segmented, so a span over a megabyte costs no more than a short one.
 */
export function truncateGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const headLength = max * 8 + 32;
  const head = text.slice(0, headLength);
  const cut = head.length < text.length;
  let count = 0;
  let end = 0;
  for (const g of graphemeSegmenter.segment(head)) {
    const gEnd = g.index + g.segment.length;
    // The head's last cluster may have been cut short: never count it.
    if (count === max || (cut && gEnd === head.length)) break;
    end = gEnd;
    count += 1;
  }
  return end >= text.length ? text : `${text.slice(0, end)}…`;
}
