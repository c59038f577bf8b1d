import { expect } from 'chai';
import { CodePointIndex, codePointLength, codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from './codepoints.js';

const ZWJ_CODER = '👩‍💻'; // woman, zero-width joiner, laptop: 3 code points, 5 UTF-16 units

describe('code points', () => {
  it('counts astral characters once', () => {
    expect(codePointLength('')).to.equal(0);
    expect(codePointLength('abc')).to.equal(3);
    expect(codePointLength('😀')).to.equal(1);
    expect(codePointLength(ZWJ_CODER)).to.equal(3);
    expect(ZWJ_CODER.length).to.equal(5);
    expect(codePointLength('a😀b🎉')).to.equal(4);
  });

  it('counts combining marks, Arabic and Hebrew as their code points', () => {
    expect(codePointLength('Zoe\u0308')).to.equal(4); // e + combining diaeresis
    expect(codePointLength('القاهرة')).to.equal(7);
    expect(codePointLength('עברית')).to.equal(5);
  });

  it('counts a lone surrogate as one code point', () => {
    expect(codePointLength('\ud800')).to.equal(1);
    expect(codePointLength('\udc00\ud800')).to.equal(2);
    expect(codePointLength('\ud800\ud83d\ude00')).to.equal(2);
  });

  it('converts code points to UTF-16 offsets and back', () => {
    const s = `A${ZWJ_CODER}b`;
    expect([0, 1, 2, 3, 4, 5].map((cp) => codePointToUtf16(s, cp))).to.deep.equal([0, 1, 3, 4, 6, 7]);
    expect([0, 1, 3, 4, 6, 7].map((i) => utf16ToCodePoint(s, i))).to.deep.equal([0, 1, 2, 3, 4, 5]);
  });

  it('maps an index inside a surrogate pair to that pair', () => {
    expect(utf16ToCodePoint('a😀b', 2)).to.equal(1);
    expect(utf16ToCodePoint('a😀b', 3)).to.equal(2);
  });

  it('returns -1 out of range', () => {
    expect(codePointToUtf16('a😀', 3)).to.equal(-1);
    expect(codePointToUtf16('abc', 4)).to.equal(-1);
    expect(codePointToUtf16('abc', -1)).to.equal(-1);
    expect(codePointToUtf16('abc', 1.5)).to.equal(-1);
    expect(utf16ToCodePoint('abc', 4)).to.equal(-1);
  });

  it('slices by code points', () => {
    const s = `Ada ${ZWJ_CODER} met Zoë`;
    expect(sliceCodePoints(s, 0, 5)).to.equal('Ada 👩');
    expect(sliceCodePoints(s, 4, 7)).to.equal(ZWJ_CODER);
    expect(sliceCodePoints(s, 12, 15)).to.equal('Zoë');
    expect(sliceCodePoints(s, 3, 2)).to.equal(null);
    expect(sliceCodePoints(s, 0, 99)).to.equal(null);
    expect(sliceCodePoints('😀', 0, 1)).to.equal('😀');
  });

  it('handles 1 MB strings quickly', () => {
    const big = `${'x'.repeat(500_000)}😀${'y'.repeat(500_000)}`;
    const started = Date.now();
    expect(codePointLength(big)).to.equal(1_000_001);
    expect(codePointToUtf16(big, 1_000_001)).to.equal(big.length);
    expect(utf16ToCodePoint(big, big.length)).to.equal(1_000_001);
    expect(sliceCodePoints(big, 500_000, 500_002)).to.equal('😀y');
    expect(Date.now() - started).to.be.below(1000);
  });
});

describe('CodePointIndex', () => {
  it('agrees with the one-off functions at every offset', () => {
    const text = `Ada ${ZWJ_CODER} 😀\ud800x`.repeat(40) + '🎉';
    const index = new CodePointIndex(text);
    expect(index.length).to.equal(codePointLength(text));
    for (let cp = 0; cp <= index.length; cp++)
      expect(index.toUtf16(cp), `cp ${cp}`).to.equal(codePointToUtf16(text, cp));
    for (let i = 0; i <= text.length; i++) expect(index.toCodePoint(i), `i ${i}`).to.equal(utf16ToCodePoint(text, i));
    expect(index.toUtf16(index.length + 1)).to.equal(-1);
    expect(index.toCodePoint(text.length + 1)).to.equal(-1);
    expect(index.slice(4, 7)).to.equal(ZWJ_CODER);
  });

  it('is the identity for text without surrogates', () => {
    const index = new CodePointIndex('plain ascii and Zoë');
    expect(index.length).to.equal(19);
    expect(index.toUtf16(7)).to.equal(7);
    expect(index.toCodePoint(7)).to.equal(7);
  });

  it('answers many lookups over 1 MB of emoji text quickly', () => {
    const text = '👩‍💻 abc 🎉 '.repeat(80_000); // ~1 MB of UTF-16
    const started = Date.now();
    const index = new CodePointIndex(text);
    let sum = 0;
    for (let k = 0; k < 20_000; k++) sum += index.toUtf16((k * 37) % index.length);
    expect(sum).to.be.greaterThan(0);
    expect(Date.now() - started).to.be.below(1500);
  });
});
