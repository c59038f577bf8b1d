import { expect } from 'chai';
import fc from 'fast-check';
import { cer, wer } from './text-distance.js';

describe('metrics: wer', () => {
  it('gives hand-checked values', () => {
    // One substitution (sat → sit) and one deletion (the) over 6 reference words.
    expect(wer('the cat sat on the mat', 'the cat sit on mat')).to.equal(2 / 6);
    // One insertion over 3 words.
    expect(wer('the cat sat', 'the cat sat down')).to.equal(1 / 3);
    expect(wer('a b c d', 'x y z w')).to.equal(1);
  });

  it('lower-cases and deletes punctuation by default, and can keep both', () => {
    expect(wer('Hello, World!', 'hello world')).to.equal(0);
    expect(wer("Don't stop.", 'dont stop')).to.equal(0);
    expect(wer('Hello, world!', 'hello world', { ignoreCase: false })).to.equal(0.5);
    expect(wer('Hello, world', 'hello world', { stripPunctuation: false })).to.equal(0.5);
  });

  it('ignores bracketed tags only on request', () => {
    expect(wer('Hello and welcome [laughs]', 'hello and welcome')).to.equal(0.25);
    expect(wer('Hello and welcome [laughs]', 'hello [inaudible] and welcome', { ignoreTags: true })).to.equal(0);
  });

  it('treats Unicode canonically (NFC) and splits on any white space', () => {
    expect(wer('Zoë\tis\nhere', 'Zoe\u0308  is here')).to.equal(0);
  });

  it('handles empty strings: both empty 0, empty reference 1, empty hypothesis 1', () => {
    expect(wer('', '')).to.equal(0);
    expect(wer('  ...  ', '')).to.equal(0);
    expect(wer('', 'anything at all')).to.equal(1);
    expect(wer('some words', '')).to.equal(1);
  });

  it('clamps to 1 when insertions outnumber the reference', () => {
    expect(wer('yes', 'no no no no')).to.equal(1);
  });

  it('is 0 for identical strings, in [0, 1], and 0 only for equal word sequences (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(wer(a, a)).to.equal(0);
        const v = wer(a, b);
        expect(v).to.be.within(0, 1);
      }),
    );
    const word = fc.constantFrom('a', 'b', 'c', 'dd');
    fc.assert(
      fc.property(fc.array(word), fc.array(word), (a, b) => {
        const v = wer(a.join(' '), b.join(' '));
        expect(v === 0).to.equal(a.join(' ') === b.join(' '));
      }),
    );
  });
});

describe('metrics: cer', () => {
  it('gives hand-checked values', () => {
    expect(cer('abc', 'abd')).to.equal(1 / 3);
    // "kitten" → "sitting": the classic distance 3, over 6 characters.
    expect(cer('kitten', 'sitting')).to.equal(3 / 6);
    // Spaces count, runs of white space as one.
    expect(cer('a b', 'a  b')).to.equal(0);
    expect(cer('a b', 'ab')).to.equal(1 / 3);
  });

  it('counts grapheme clusters: an emoji sequence or an accented letter is one character', () => {
    // 👩‍💻 is 3 code points; replacing it with 👋 is one substitution.
    expect(cer('hi 👩‍💻', 'hi 👋')).to.equal(1 / 4);
    expect(cer('e\u0301', 'e', { stripPunctuation: false })).to.equal(1);
    expect(cer('café', 'cafe')).to.equal(1 / 4);
  });

  it('handles empty strings and clamps', () => {
    expect(cer('', '')).to.equal(0);
    expect(cer('', 'x')).to.equal(1);
    expect(cer('x', 'xyz')).to.equal(1);
  });

  it('is 0 for identical strings and in [0, 1] (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (a, b) => {
        expect(cer(a, a)).to.equal(0);
        expect(cer(a, b)).to.be.within(0, 1);
      }),
    );
  });
});
