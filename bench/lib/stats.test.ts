import { expect } from 'chai';
import { compare, compareAll, median, prng, quantile, sample, summarize } from './stats.js';

describe('bench stats', () => {
  it('takes medians and interpolated quantiles', () => {
    expect(median([3, 1, 2])).to.equal(2);
    expect(median([4, 1, 3, 2])).to.equal(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.95)).to.be.closeTo(10.5, 1e-9);
    expect(quantile([7], 0.95)).to.equal(7);
    expect(median([])).to.be.NaN;
  });

  it('summarizes without reordering the input', () => {
    const values = [5, 1, 4];
    const summary = summarize(values);
    expect(summary).to.include({ n: 3, median: 4, min: 1, max: 5 });
    expect(summary.mean).to.be.closeTo(10 / 3, 1e-9);
    expect(values).to.deep.equal([5, 1, 4]);
  });

  it('discards warm-up rounds and runs `before` ahead of every call', async () => {
    const log: string[] = [];
    const times = await sample(() => log.push('work'), { warmup: 2, samples: 3, before: () => log.push('before') });
    expect(times).to.have.length(3);
    expect(log).to.deep.equal(Array.from({ length: 5 }, () => ['before', 'work']).flat());
  });

  it('interleaves ours and the baseline, alternating which goes first', async () => {
    const order: string[] = [];
    const paired = await compare(
      () => order.push('A'),
      () => order.push('B'),
      { warmup: 1, samples: 4 },
    );
    expect(order.join('')).to.equal('AB' + 'BA' + 'AB' + 'BA' + 'AB');
    expect(paired.ours).to.have.length(4);
    expect(paired.baseline).to.have.length(4);
  });

  it('rotates any number of sides so each takes every position', async () => {
    const order: string[] = [];
    const times = await compareAll(
      { a: () => order.push('A'), b: () => order.push('B'), c: () => order.push('C') },
      { warmup: 1, samples: 3 },
    );
    expect(order.join(' ')).to.equal('A B C B C A C A B A B C');
    expect(Object.keys(times)).to.deep.equal(['a', 'b', 'c']);
    for (const side of Object.values(times)) expect(side).to.have.length(3);
  });

  it('awaits asynchronous work inside the timed span', async () => {
    const [ms] = await sample(() => new Promise((resolve) => setTimeout(resolve, 20)), { warmup: 0, samples: 1 });
    expect(ms).to.be.at.least(15);
  });

  it('generates the same sequence for the same seed', () => {
    const a = prng(42);
    const b = prng(42);
    const c = prng(43);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).to.deep.equal(first);
    expect(Array.from({ length: 5 }, c)).not.to.deep.equal(first);
    for (const value of first) expect(value).to.be.within(0, 1).and.not.equal(1);
  });
});
