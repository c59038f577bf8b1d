import { expect } from 'chai';
import { fnv1a, stableHash } from './hash.js';

describe('stableHash (FNV-1a, 32 bits)', () => {
  it('matches the published FNV-1a test vectors', () => {
    expect(fnv1a('')).to.equal(0x811c9dc5);
    expect(fnv1a('a')).to.equal(0xe40c292c);
    expect(fnv1a('foobar')).to.equal(0xbf9cf968);
  });

  it('keeps the keys earlier releases stored (base 36 over UTF-16 code units)', () => {
    // Computed by the widget base's former private copy; a change would forget every
    // "instructions read" flag already in workers' browsers.
    expect(stableHash('')).to.equal('ztntfp');
    expect(stableHash('a')).to.equal('1r9wi7g');
    expect(stableHash('Rate **this** answer.')).to.equal('xm5x0x');
    expect(stableHash('Ada 👩‍💻')).to.equal('1pm5zza');
  });

  it('returns an unsigned value for every input', () => {
    for (const text of ['', 'x', 'é', '\u{1F600}', 'a'.repeat(1000)]) {
      const h = fnv1a(text);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32, text).to.equal(true);
    }
  });
});
