import type { Annotation, Segment } from '../model/types.js';
import { nameOf, type NameMap } from './voc.js';

/** Options of {@link toWebVTT} and {@link toSRT}. */
export interface SubtitleOptions {
  /** Display names by speaker id (e.g. from the task's `speakers`); the id is used otherwise. */
  speakerNames?: NameMap;
}

/** Options of {@link toSRT}. */
export interface SRTOptions extends SubtitleOptions {
  /** Prefix each cue with `Speaker: ` (default `false`: SRT has no speaker markup). */
  speakers?: boolean;
}

/**
 * An audio envelope as WebVTT: a `WEBVTT` header, then one cue per segment, sorted by start (then
 * end), timed `HH:MM:SS.mmm --> HH:MM:SS.mmm` (milliseconds rounded). A segment's speaker becomes
 * a voice span `<v Speaker>…</v>`. Cue text is escaped (`&`, `<`, `>`, which also defuses `-->`),
 * blank lines are dropped (a blank line would end the cue) and lines are trimmed. Segments with
 * no text, or whose end is not after their start, are left out.
 */
export function toWebVTT(annotation: Annotation, options: SubtitleOptions = {}): string {
  let out = 'WEBVTT\n';
  for (const cue of cues(annotation, 'toWebVTT')) {
    const text = cue.lines.map(escapeVtt).join('\n');
    const speaker =
      cue.segment.speaker === undefined ? '' : voiceName(nameOf(options.speakerNames, cue.segment.speaker));
    out += `\n${formatTimestamp(cue.start, '.')} --> ${formatTimestamp(cue.end, '.')}\n`;
    out += speaker ? `<v ${speaker}>${text}</v>\n` : `${text}\n`;
  }
  return out;
}

/** A segment ready to become a cue: times in whole milliseconds, text split into non-blank lines. */
export interface Cue {
  segment: Segment;
  start: number;
  end: number;
  lines: string[];
}

/**
 * The segments of an audio envelope as cues, sorted by start then end; segments without text or
 * with non-finite or empty time ranges (after rounding to milliseconds) are dropped.
 * @internal shared by the subtitle exporters.
 */
export function cues(annotation: Annotation, caller: string): Cue[] {
  const segments = audioSegments(annotation, caller);
  const out: Cue[] = [];
  for (const segment of segments) {
    const start = toMs(segment.start);
    const end = toMs(segment.end);
    if (start === null || end === null || end <= start) continue;
    const lines = String(segment.text ?? '')
      .split(/\r\n|\r|\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (lines.length > 0) out.push({ segment, start, end, lines });
  }
  return out;
}

/**
 * The segments of an audio envelope, sorted by start then end (stable).
 * @internal
 */
export function audioSegments(annotation: Annotation, caller: string): Segment[] {
  if (!annotation || annotation.kind !== 'audio') {
    throw new TypeError(
      `${caller}: expected an audio annotation envelope, got kind ${JSON.stringify(annotation?.kind)}`,
    );
  }
  return [...annotation.result.segments].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Seconds to whole milliseconds, or null for non-finite or negative times. */
function toMs(seconds: number): number | null {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return null;
  return Math.round(seconds * 1000);
}

/**
 * `HH:MM:SS.mmm` (WebVTT, separator `.`) or `HH:MM:SS,mmm` (SRT, separator `,`) for a time in
 * whole milliseconds; hours grow past two digits when needed.
 * @internal
 */
export function formatTimestamp(ms: number, separator: '.' | ','): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${separator}${pad(ms % 1000, 3)}`;
}

const escapeVtt = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A voice annotation: one line, escaped (`>` would end the tag, `&` start a reference). */
const voiceName = (s: string): string => escapeVtt(s.replace(/\s+/g, ' ').trim());
