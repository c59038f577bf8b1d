/**
 * Pure segment arithmetic of the transcriber: ordering, the segment under the playhead, how far
 * an edge may move, splitting and merging. Times are seconds at millisecond precision.
 */
import type { Segment } from '@tagwerk/core';

/** Rounds to the contract's millisecond precision. */
export const ms = (t: number): number => Math.round(t * 1000) / 1000;

/** The shortest segment an edit may leave (one millisecond more than nothing). */
export const MIN_SEGMENT_SECONDS = 0.01;

export const byStart = (a: Segment, b: Segment): number => a.start - b.start || a.end - b.end;

/** `mm:ss.mmm` (hours are folded into the minutes: the list stays aligned). */
export function formatTime(seconds: number): string {
  const total = Math.max(0, Math.round(seconds * 1000));
  const minutes = Math.floor(total / 60000);
  const secs = Math.floor((total % 60000) / 1000);
  const millis = total % 1000;
  return `${String(minutes).padStart(2, '0')}:${String(secs).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
}

/** The segment playing at `time` (sorted input; with overlaps, the one that started last). */
export function segmentAt(segments: readonly Segment[], time: number): Segment | undefined {
  let found: Segment | undefined;
  for (const segment of segments) {
    if (segment.start > time) break;
    if (time < segment.end) found = segment;
  }
  return found;
}

/** Where an edge of `segments[index]` may go: inside the media, before the other edge, not over a neighbour. */
export function edgeLimits(
  segments: readonly Segment[],
  index: number,
  edge: 'start' | 'end',
  duration: number,
  allowOverlap: boolean,
): { min: number; max: number } {
  const segment = segments[index]!;
  if (edge === 'start') {
    const previous = allowOverlap ? undefined : segments[index - 1];
    return { min: previous ? Math.min(previous.end, segment.start) : 0, max: ms(segment.end - MIN_SEGMENT_SECONDS) };
  }
  const next = allowOverlap ? undefined : segments[index + 1];
  return { min: ms(segment.start + MIN_SEGMENT_SECONDS), max: next ? Math.max(next.start, segment.end) : duration };
}

/** Joins the segments' text in time order: the transcript as one string (for WER/CER). */
export function transcriptOf(segments: readonly Pick<Segment, 'start' | 'end' | 'text'>[]): string {
  return [...segments]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((s) => s.text.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * Splits `segment` at `time` into two: the first keeps its id and `textBefore`, the second gets
 * `newId` and `textAfter`. Returns null when `time` leaves either part shorter than the minimum.
 */
export function splitSegment(
  segment: Segment,
  time: number,
  newId: string,
  textBefore: string,
  textAfter: string,
): [Segment, Segment] | null {
  const at = ms(time);
  if (at - segment.start < MIN_SEGMENT_SECONDS || segment.end - at < MIN_SEGMENT_SECONDS) return null;
  const touched = segment.origin === 'prefill' ? { modified: true } : {};
  const first: Segment = { ...segment, end: at, text: textBefore, ...touched };
  const second: Segment = { ...segment, id: newId, start: at, text: textAfter, origin: 'worker' };
  delete second.modified;
  return [first, second];
}

/** Merges `a` with the following `b`: `a`'s id, speaker and label win; the texts are joined. */
export function mergeSegments(a: Segment, b: Segment): Segment {
  const merged: Segment = {
    ...a,
    start: Math.min(a.start, b.start),
    end: Math.max(a.end, b.end),
    text: [a.text.trimEnd(), b.text.trimStart()].filter(Boolean).join(' '),
  };
  if (merged.speaker === undefined && b.speaker !== undefined) merged.speaker = b.speaker;
  if (merged.label === undefined && b.label !== undefined) merged.label = b.label;
  if (a.origin === 'prefill' || b.origin === 'prefill') {
    merged.origin = a.origin ?? b.origin ?? 'prefill';
    if (merged.origin === 'prefill') merged.modified = true;
  }
  return merged;
}

/** A fresh id `s<n>` not used by any of `segments`. */
export function nextSegmentId(segments: readonly Segment[]): string {
  const taken = new Set(segments.map((s) => s.id));
  let n = segments.length + 1;
  while (taken.has(`s${n}`)) n += 1;
  return `s${n}`;
}

/** Inserts `tag` into `text` at `[start, end)` with a space on either side where a word touches it. */
export function insertTag(text: string, start: number, end: number, tag: string): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before && !/\s$/.test(before) ? ' ' : '';
  const trail = after && !/^\s/.test(after) ? ' ' : '';
  const inserted = `${lead}${tag}${trail}`;
  return { text: `${before}${inserted}${after}`, caret: before.length + lead.length + tag.length + trail.length };
}
