import { expect } from 'chai';
import { formatRatio, formatTarget, formatValue, ratioOf, renderTable, verdictOf } from './table.js';
import type { Row } from './types.js';

const timed = (ours: number, baseline?: number, extra: Partial<Row> = {}): Row => ({
  measure: 'total',
  unit: 'ms',
  ours,
  ...(baseline === undefined ? {} : { baseline: { name: 'Ajv', value: baseline } }),
  ...extra,
});

describe('bench table', () => {
  it('computes ours / baseline and says which way it goes', () => {
    expect(ratioOf(timed(300, 100))).to.equal(3);
    expect(ratioOf(timed(300))).to.equal(undefined);
    expect(ratioOf(timed(300, 0))).to.equal(undefined);
    expect(formatRatio(timed(300, 100))).to.equal('3.00× (slower)');
    expect(formatRatio(timed(50, 100))).to.equal('0.500× (faster)');
    expect(formatRatio(timed(101, 100))).to.equal('1.01× (≈)');
    // A rate is better when higher: a ratio below 1 is slower.
    expect(formatRatio({ ...timed(50, 100), unit: 'ann/s' })).to.equal('0.500× (slower)');
    expect(formatRatio({ ...timed(50, 100), unit: 'B' })).to.equal('0.500× (smaller)');
  });

  it('judges targets on our value or on the ratio', () => {
    expect(verdictOf(timed(40))).to.equal('–');
    expect(verdictOf(timed(40, undefined, { target: { on: 'ours', max: 50 } }))).to.equal('pass');
    expect(verdictOf(timed(60, undefined, { target: { on: 'ours', max: 50 } }))).to.equal('FAIL');
    expect(verdictOf({ ...timed(55), unit: 'fps', target: { on: 'ours', min: 60 } })).to.equal('FAIL');
    expect(verdictOf(timed(140, 100, { target: { on: 'ratio', max: 1.5 } }))).to.equal('pass');
    expect(verdictOf(timed(160, 100, { target: { on: 'ratio', max: 1.5 } }))).to.equal('FAIL');
    // A ratio target without a baseline cannot pass.
    expect(verdictOf(timed(10, undefined, { target: { on: 'ratio', max: 1.5 } }))).to.equal('FAIL');
  });

  it('formats values with their units', () => {
    expect(formatValue(412.3, 'ms')).to.equal('412 ms');
    expect(formatValue(3.14159, 'ms')).to.equal('3.14 ms');
    expect(formatValue(12_345, 'ms')).to.equal('12.3 s');
    expect(formatValue(243_000, 'ann/s')).to.equal('243k ann/s');
    expect(formatValue(1_500_000, 'ann/s')).to.equal('1.50M ann/s');
    expect(formatValue(512, 'B')).to.equal('512 B');
    expect(formatValue(39_321.6, 'B')).to.equal('38.4 kB');
    expect(formatTarget({ on: 'ours', max: 50 }, 'ms')).to.equal('≤ 50.0 ms');
    expect(formatTarget({ on: 'ratio', max: 1.5 }, 'ms')).to.equal('ratio ≤ 1.50×');
  });

  it('renders a markdown table with shared, numbered notes and failed scenarios', () => {
    const text = renderTable([
      {
        scenario: 'a',
        env: 'node',
        wallMs: 1,
        rows: [timed(300, 100, { note: 'same note' }), timed(3, 1, { measure: 'second', note: 'same note' })],
      },
      { scenario: 'b', env: 'browser', wallMs: 1, rows: [], error: 'boom | bang' },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).to.match(
      /^\| scenario +\| env +\| measure +\| ours +\| baseline +\| ratio +\| target +\| verdict +\|$/,
    );
    expect(lines[1]).to.match(/^\|-+\|/);
    expect(lines[2]).to.contain('| total [1] ').and.contain('100 ms (Ajv)').and.contain('3.00× (slower)');
    expect(lines[3]).to.contain('| second [1] ');
    expect(lines[4]).to.contain('| chromium ').and.contain('error [2]').and.contain('FAIL');
    expect(lines.slice(-2)).to.deep.equal(['[1] same note', '[2] boom | bang']);
    // Every table line has the same width, so the markdown reads as a table in a terminal too.
    expect(new Set(lines.slice(0, 5).map((line) => [...line].length)).size).to.equal(1);
  });
});
