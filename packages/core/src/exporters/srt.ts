import type { Annotation } from '../model/types.js';
import { nameOf } from './voc.js';
import { cues, formatTimestamp, type SRTOptions } from './webvtt.js';

/**
 * An audio envelope as SubRip (SRT): numbered cues from 1, sorted by start (then end), timed
 * `HH:MM:SS,mmm --> HH:MM:SS,mmm`, a blank line after each. SRT has no escaping: text is kept
 * as is (players may interpret `<i>`-style tags), except that blank lines are dropped (they would
 * end the cue), lines are trimmed, and any `-->` (or longer arrow) becomes `->` so no text line
 * reads as a timing line. Segments with no text, or whose end is not after their start, are left out.
 */
export function toSRT(annotation: Annotation, options: SRTOptions = {}): string {
  let out = '';
  let counter = 0;
  for (const cue of cues(annotation, 'toSRT')) {
    const lines = cue.lines.map((line) => line.replace(/-{2,}>/g, '->'));
    const speaker = cue.segment.speaker;
    if (options.speakers && speaker !== undefined) {
      const name = nameOf(options.speakerNames, speaker)
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/-{2,}>/g, '->');
      lines[0] = `${name}: ${lines[0] ?? ''}`;
    }
    counter++;
    out += `${counter}\n${formatTimestamp(cue.start, ',')} --> ${formatTimestamp(cue.end, ',')}\n${lines.join('\n')}\n\n`;
  }
  return out;
}
