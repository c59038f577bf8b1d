import type { Annotation } from '../model/types.js';
import { audioSegments } from './webvtt.js';

/**
 * An audio envelope as RTTM speaker turns (the NIST format diarization scorers read), one line
 * per segment, sorted by start: `SPEAKER <fileId> 1 <start> <duration> <NA> <NA> <speaker> <NA> <NA>`,
 * seconds with 3 decimals (times rounded to milliseconds first). RTTM fields are separated by
 * white space, so `fileId` and speaker ids are trimmed and each inner run of white space becomes
 * `_` (`"call 7"` → `call_7`); a segment
 * without a speaker is attributed to `unknown`. Segments whose end is not after their start are
 * left out. Throws when `fileId` is empty.
 */
export function toRTTM(annotation: Annotation, fileId: string): string {
  const file = field(fileId);
  if (file === '') throw new TypeError('toRTTM: fileId must not be empty');
  let out = '';
  for (const segment of audioSegments(annotation, 'toRTTM')) {
    const { start, end } = segment;
    if (![start, end].every((t) => typeof t === 'number' && Number.isFinite(t) && t >= 0)) continue;
    const startMs = Math.round(start * 1000);
    const durationMs = Math.round(end * 1000) - startMs;
    if (durationMs <= 0) continue;
    const speaker = segment.speaker === undefined ? '' : field(segment.speaker);
    out += `SPEAKER ${file} 1 ${seconds(startMs)} ${seconds(durationMs)} <NA> <NA> ${speaker || 'unknown'} <NA> <NA>\n`;
  }
  return out;
}

const field = (s: string): string => String(s).trim().replace(/\s+/g, '_');

/** Whole milliseconds as seconds with exactly 3 decimals, without binary-fraction noise. */
const seconds = (ms: number): string => `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}`;
