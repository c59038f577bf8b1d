import { expect } from '@open-wc/testing';
import type { Segment } from '@tagwerk/core';
import {
  edgeLimits,
  formatTime,
  insertTag,
  mergeSegments,
  nextSegmentId,
  segmentAt,
  splitSegment,
  transcriptOf,
} from './segments.js';

const seg = (id: string, start: number, end: number, text = '', extra: Partial<Segment> = {}): Segment => ({
  id,
  start,
  end,
  text,
  ...extra,
});

describe('segment arithmetic', () => {
  const list = [seg('a', 0, 1), seg('b', 1, 2), seg('c', 1.5, 3), seg('d', 4, 5)];

  it('formats times as mm:ss.mmm, hours folded into minutes', () => {
    expect(formatTime(0)).to.equal('00:00.000');
    expect(formatTime(61.2345)).to.equal('01:01.235');
    expect(formatTime(3725)).to.equal('62:05.000');
    expect(formatTime(-1)).to.equal('00:00.000');
  });

  it('finds the segment at a time (the later one where they overlap; ends are exclusive)', () => {
    expect(segmentAt(list, 0.5)?.id).to.equal('a');
    expect(segmentAt(list, 1)?.id).to.equal('b');
    expect(segmentAt(list, 1.7)?.id).to.equal('c');
    expect(segmentAt(list, 3.5)).to.equal(undefined);
    expect(segmentAt(list, 5)).to.equal(undefined);
  });

  it('limits edges by the media, the other edge and the neighbours (unless overlap is allowed)', () => {
    const sorted = [seg('a', 0.5, 1), seg('b', 1.2, 2), seg('c', 2.5, 3)];
    expect(edgeLimits(sorted, 1, 'start', 10, false)).to.deep.equal({ min: 1, max: 1.99 });
    expect(edgeLimits(sorted, 1, 'end', 10, false)).to.deep.equal({ min: 1.21, max: 2.5 });
    expect(edgeLimits(sorted, 0, 'start', 10, false)).to.deep.equal({ min: 0, max: 0.99 });
    expect(edgeLimits(sorted, 2, 'end', 10, false)).to.deep.equal({ min: 2.51, max: 10 });
    expect(edgeLimits(sorted, 1, 'start', 10, true)).to.deep.equal({ min: 0, max: 1.99 });
    expect(edgeLimits(sorted, 1, 'end', 10, true)).to.deep.equal({ min: 1.21, max: 10 });
  });

  it('splits with the text on either side; refuses splits that leave less than 10 ms', () => {
    const prefilled = seg('p', 1, 3, 'hello world', { origin: 'prefill', speaker: 'A' });
    const [first, second] = splitSegment(prefilled, 2.0004, 'n', 'hello', 'world')!;
    expect(first).to.deep.equal({
      id: 'p',
      start: 1,
      end: 2,
      text: 'hello',
      origin: 'prefill',
      speaker: 'A',
      modified: true,
    });
    expect(second).to.deep.equal({ id: 'n', start: 2, end: 3, text: 'world', origin: 'worker', speaker: 'A' });
    expect(splitSegment(prefilled, 1.005, 'n', '', '')).to.equal(null);
    expect(splitSegment(prefilled, 2.995, 'n', '', '')).to.equal(null);
  });

  it('merges: the first keeps id, speaker and label; texts joined by one space; pre-fill marked modified', () => {
    const merged = mergeSegments(
      seg('a', 0, 1, 'one ', { origin: 'prefill' }),
      seg('b', 1.5, 2, ' two', { speaker: 'B', label: 'x' }),
    );
    expect(merged).to.deep.equal({
      id: 'a',
      start: 0,
      end: 2,
      text: 'one two',
      origin: 'prefill',
      modified: true,
      speaker: 'B',
      label: 'x',
    });
    expect(mergeSegments(seg('a', 0, 1, ''), seg('b', 1, 2, 'two')).text).to.equal('two');
  });

  it('joins the transcript in time order; ids never collide', () => {
    expect(transcriptOf([seg('b', 2, 3, ' world '), seg('a', 0, 1, 'hello'), seg('c', 4, 5, '  ')])).to.equal(
      'hello world',
    );
    expect(nextSegmentId([seg('s2', 0, 1), seg('s3', 1, 2)])).to.equal('s4');
    expect(nextSegmentId([])).to.equal('s1');
  });

  it('inserts a tag with spaces only where a word touches it', () => {
    expect(insertTag('so it', 2, 2, '[laughs]')).to.deep.equal({ text: 'so [laughs] it', caret: 11 });
    expect(insertTag('so ', 3, 3, '[x]')).to.deep.equal({ text: 'so [x]', caret: 6 });
    expect(insertTag('', 0, 0, '[x]')).to.deep.equal({ text: '[x]', caret: 3 });
    expect(insertTag('a word b', 2, 6, '[inaudible]')).to.deep.equal({ text: 'a [inaudible] b', caret: 13 });
  });
});
