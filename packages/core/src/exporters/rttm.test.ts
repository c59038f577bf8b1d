import { expect } from 'chai';
import type { AudioAnnotation, Segment } from '../model/types.js';
import { audioAnnotation, imageAnnotation } from '../validate/test-fixtures.js';
import { toRTTM } from './rttm.js';

function withSegments(segments: Segment[]): AudioAnnotation {
  const annotation = audioAnnotation();
  annotation.result.segments = segments;
  return annotation;
}

describe('exporters: toRTTM', () => {
  it('writes one SPEAKER line per segment with 3-decimal start and duration (hand-checked)', () => {
    expect(toRTTM(audioAnnotation(), 'interview')).to.equal(
      'SPEAKER interview 1 1.250 3.550 <NA> <NA> A <NA> <NA>\n' +
        'SPEAKER interview 1 4.800 4.201 <NA> <NA> B <NA> <NA>\n',
    );
  });

  it('sorts by start, says unknown without a speaker, and replaces white space with _', () => {
    const rttm = toRTTM(
      withSegments([
        { id: 'b', start: 0.3, end: 0.6, speaker: 'Dr  Who', text: '' },
        { id: 'a', start: 0.1, end: 0.3, text: 'hi' },
        { id: 'z', start: 2, end: 2, text: 'empty range' },
      ]),
      ' call 7\t',
    );
    expect(rttm).to.equal(
      'SPEAKER call_7 1 0.100 0.200 <NA> <NA> unknown <NA> <NA>\n' +
        'SPEAKER call_7 1 0.300 0.300 <NA> <NA> Dr_Who <NA> <NA>\n',
    );
    // Ten fields per line, whatever the names.
    for (const line of rttm.trim().split('\n')) expect(line.split(' ')).to.have.length(10);
  });

  it('rejects an empty file id and other kinds', () => {
    expect(() => toRTTM(audioAnnotation(), ' ')).to.throw(TypeError, /fileId/);
    expect(() => toRTTM(imageAnnotation(), 'f')).to.throw(TypeError, /audio annotation/);
  });
});
