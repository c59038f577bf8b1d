import { expect } from 'chai';
import type { AudioAnnotation, Segment } from '../model/types.js';
import { audioAnnotation, textAnnotation } from '../validate/test-fixtures.js';
import { toSRT } from './srt.js';

function withSegments(segments: Segment[]): AudioAnnotation {
  const annotation = audioAnnotation();
  annotation.result.segments = segments;
  return annotation;
}

/** Reads SRT back: counter, times in ms and text of each cue. */
function parseSRT(text: string): Array<{ n: number; start: number; end: number; text: string }> {
  const ms = (stamp: string): number => {
    const [, h, m, s, f] = /^(\d{2,}):(\d{2}):(\d{2}),(\d{3})$/.exec(stamp)!;
    return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(f);
  };
  return text
    .split('\n\n')
    .filter((b) => b !== '')
    .map((block) => {
      const [n, timing, ...lines] = block.split('\n');
      const [start, end] = timing!.split(' --> ') as [string, string];
      return { n: Number(n), start: ms(start), end: ms(end), text: lines.join('\n') };
    });
}

describe('exporters: toSRT', () => {
  it('writes numbered cues with comma timestamps and a blank line after each (hand-checked)', () => {
    expect(toSRT(audioAnnotation())).to.equal(
      [
        '1',
        '00:00:01,250 --> 00:00:04,800',
        'Hello and welcome [laughs]',
        '',
        '2',
        '00:00:04,800 --> 00:00:09,001',
        'Thanks 👋',
        '',
        '',
      ].join('\n'),
    );
  });

  it('prefixes speakers on request', () => {
    const srt = toSRT(audioAnnotation(), { speakers: true, speakerNames: { A: 'Host' } });
    expect(parseSRT(srt).map((c) => c.text)).to.deep.equal(['Host: Hello and welcome [laughs]', 'B: Thanks 👋']);
  });

  it('sorts, numbers kept cues contiguously, drops blank lines and defuses arrows', () => {
    const srt = toSRT(
      withSegments([
        { id: 'b', start: 10, end: 12, text: 'second\n\n\n42\n00:00:01,000 ---> 00:00:02,000' },
        { id: 'x', start: 5, end: 6, text: '\n \n' },
        { id: 'a', start: 1.5, end: 2.25, text: 'first' },
      ]),
    );
    expect(parseSRT(srt)).to.deep.equal([
      { n: 1, start: 1500, end: 2250, text: 'first' },
      { n: 2, start: 10_000, end: 12_000, text: 'second\n42\n00:00:01,000 -> 00:00:02,000' },
    ]);
    expect(srt.split('\n').filter((l) => l.includes('-->'))).to.have.length(2);
  });

  it('is empty without segments, and throws for other kinds', () => {
    expect(toSRT(withSegments([]))).to.equal('');
    expect(() => toSRT(textAnnotation())).to.throw(TypeError, /audio annotation/);
  });
});
