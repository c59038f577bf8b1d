import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { attribute, breakdown, engineSplit } from './bundle-size.js';

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

describe('bundle-size engine split', () => {
  const packages = fileURLToPath(new URL('../../packages/', import.meta.url));
  const widget = { name: '@tagwerk/audio-transcriber', dir: join(packages, 'audio-transcriber') };
  const store = '/repo/node_modules/.pnpm/peaks.js@4.0.0/node_modules';
  const sources = [
    `${store}/peaks.js/dist/peaks.esm.js`,
    `${store}/konva/lib/Core.js`,
    join(packages, 'core', 'src', 'index.ts'),
    join(widget.dir, 'src', 'audio-transcriber.ts'),
    `${store}/lit-html/lit-html.js`,
    `${store}/waveform-data/dist/waveform-data.esm.js`,
  ];
  // One run per source, in this order: PPPP KKK CC WWWWW LL DD.
  const code = 'PPPPKKKCCWWWWWLLDD';
  const mappings = [
    segment(0, 0, 0, 0),
    segment(4, 1, 0, 0),
    segment(3, 1, 0, 0),
    segment(2, 1, 0, 0),
    segment(5, 1, 0, 0),
    segment(2, 1, 0, 0),
  ].join(',');

  it("groups a bundle's bytes by package, and splits the engine from Tagwerk's code", () => {
    const parts = breakdown(code, { sources, mappings }, '/repo/dist', widget);
    expect(Object.fromEntries(parts.groups)).to.deep.equal({
      'peaks.js': 4,
      konva: 3,
      '@tagwerk/core': 2,
      '@tagwerk/audio-transcriber (own code)': 5,
      lit: 2,
      'waveform-data': 2,
    });
    expect(parts.thirdPartyCode).to.equal('PPPPKKKLLDD');
    const split = engineSplit(parts, widget.name, ['peaks.js', 'konva', 'waveform-data']);
    expect(split).to.deep.equal({ engine: 'PPPPKKKDD', tagwerk: 'WWWWWCC', missing: [] });
    expect(engineSplit(parts, widget.name, ['fabric']).missing).to.deep.equal(['fabric']);
  });
});
