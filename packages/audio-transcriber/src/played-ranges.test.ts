import { expect } from '@open-wc/testing';
import { PlayedRanges } from './played-ranges.js';

describe('PlayedRanges', () => {
  it('counts continuous playback, not jumps', () => {
    const played = new PlayedRanges();
    for (let t = 0; t <= 2; t += 0.25) played.progress(t);
    played.progress(5); // a skip forward: not heard
    for (let t = 5; t <= 6; t += 0.25) played.progress(t);
    played.stop();
    expect(played.heard(10)).to.be.closeTo(3, 1e-9);
    expect(played.toJSON()).to.deep.equal([
      [0, 2],
      [5, 6],
    ]);
  });

  it('merges overlapping and touching ranges; replays count once', () => {
    const played = new PlayedRanges();
    played.add(1, 2);
    played.add(4, 5);
    played.add(1.5, 4);
    played.add(0, 0.5);
    expect(played.toJSON()).to.deep.equal([
      [0, 0.5],
      [1, 5],
    ]);
    played.add(0, 5);
    expect(played.heard(5)).to.equal(5);
  });

  it('reports the share rounded down, forgiving the slack at the ends only', () => {
    const played = new PlayedRanges();
    played.add(0.1, 4.9);
    expect(played.share(5)).to.equal(1); // 0.1 s missing at either end: timer granularity
    expect(played.share(5, 0)).to.equal(0.96);
    // Skipping ahead in small steps while playing leaves gaps: they are not heard.
    const skipper = new PlayedRanges();
    for (let t = 0; t < 5; t += 0.4) skipper.add(t, t + 0.2);
    expect(skipper.share(5)).to.be.below(0.55);
    played.add(0, 0.05);
    expect(new PlayedRanges().share(5)).to.equal(0);
    expect(played.share(0)).to.equal(0);
  });

  it('restores from a draft, ignoring junk', () => {
    const restored = PlayedRanges.from([[0, 1], ['x', 2], [3, Infinity], null, [2, 3]]);
    expect(restored.toJSON()).to.deep.equal([
      [0, 1],
      [2, 3],
    ]);
    expect(PlayedRanges.from({ evil: true }).toJSON()).to.deep.equal([]);
  });
});
