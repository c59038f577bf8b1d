import { expect } from 'chai';
import { attribute } from './bundle-size.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 VLQ, as source maps encode each field. */
function vlq(value: number): string {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v) digit |= 32;
    out += BASE64[digit];
  } while (v);
  return out;
}

const segment = (...fields: number[]) => fields.map(vlq).join('');

describe('bundle-size source map attribution', () => {
  it('decodes VLQ fields, including large and negative ones', () => {
    // Third source (index 2), then back to the first (−2), at columns 0 and 40.
    const mappings = [segment(0, 2, 0, 0), segment(40, -2, 5, 17)].join(',');
    const code = `${'a'.repeat(40)}${'b'.repeat(10)}`;
    const runs = attribute(code, { sources: ['x', 'y', 'z'], mappings });
    expect(runs).to.deep.equal([
      { source: 2, text: 'a'.repeat(40) },
      { source: 0, text: 'b'.repeat(10) },
    ]);
  });

  it('covers every character: unmapped segments, a line start without one, newlines', () => {
    const code = 'HEADER\nfoo(bar)`\n  template text`;baz';
    // Line 0: nothing mapped. Line 1: source 0 at 0, source 1 at 4, an unmapped 1-field segment at 8.
    // Line 2: continues the template literal (no segment at column 0), then source 0 at column 17.
    const mappings = ['', [segment(0, 0, 0, 0), segment(4, 1, 0, 4), segment(4)].join(','), segment(17, -1, 1, 0)].join(
      ';',
    );
    const runs = attribute(code, { sources: ['a.ts', 'b.ts'], mappings });
    expect(runs.map((r) => r.text).join('')).to.equal(code);
    expect(runs).to.deep.equal([
      { source: -1, text: 'HEADER' },
      { source: -1, text: '\n' },
      { source: 0, text: 'foo(' },
      { source: 1, text: 'bar)' },
      { source: -1, text: '`' },
      { source: -1, text: '\n' },
      { source: -1, text: '  template text`;' },
      { source: 0, text: 'baz' },
    ]);
  });

  it("attributes a template literal's continuation lines to the source that opened it", () => {
    const code = 'css`\n  a { b: c }\n`;';
    const runs = attribute(code, { sources: ['styles.ts'], mappings: segment(0, 0, 0, 0) });
    expect(runs.every((r) => r.source === 0)).to.equal(true);
    expect(runs.map((r) => r.text).join('')).to.equal(code);
  });
});
