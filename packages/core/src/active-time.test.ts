import { expect } from 'chai';
import fc from 'fast-check';
import { ActiveTimeTracker, DEFAULT_IDLE_THRESHOLD_MS } from './active-time.js';

const SEC = 1000;
const MIN = 60 * SEC;

/** A tracker on a fake clock that the test moves by hand. */
function fixture(options: { idleThresholdMs?: number } = {}) {
  let time = 1_000_000;
  const tracker = new ActiveTimeTracker({ ...options, now: () => time });
  return {
    tracker,
    at: (ms: number) => {
      time = 1_000_000 + ms;
    },
    snap: () => {
      const { activeMs, idleMs } = tracker.snapshot();
      return { activeMs, idleMs };
    },
  };
}

describe('ActiveTimeTracker', () => {
  it('defaults to a 30 s idle threshold', () => {
    expect(DEFAULT_IDLE_THRESHOLD_MS).to.equal(30_000);
    const { tracker, at, snap } = fixture();
    tracker.start();
    at(30 * SEC);
    expect(snap()).to.deep.equal({ activeMs: 30 * SEC, idleMs: 0 });
    at(31 * SEC);
    expect(snap()).to.deep.equal({ activeMs: 30 * SEC, idleMs: 1 * SEC });
  });

  it('counts nothing before start and reports startedAt', () => {
    const { tracker, at } = fixture();
    at(5 * SEC);
    tracker.activity();
    expect(tracker.snapshot()).to.deep.equal({ activeMs: 0, idleMs: 0, startedAt: 1_005_000 });
    expect(tracker.isStarted).to.equal(false);
    at(10 * SEC);
    tracker.start();
    at(12 * SEC);
    expect(tracker.snapshot()).to.deep.equal({ activeMs: 2 * SEC, idleMs: 0, startedAt: 1_010_000 });
  });

  it('ignores a second start', () => {
    const { tracker, at, snap } = fixture();
    tracker.start();
    at(10 * SEC);
    tracker.start();
    expect(snap()).to.deep.equal({ activeMs: 10 * SEC, idleMs: 0 });
    expect(tracker.snapshot().startedAt).to.equal(1_000_000);
  });

  it('counts continuous typing as active throughout', () => {
    const { tracker, at, snap } = fixture();
    tracker.start();
    for (let t = 0; t <= 10 * MIN; t += 200) {
      at(t);
      tracker.activity();
    }
    expect(snap()).to.deep.equal({ activeMs: 10 * MIN, idleMs: 0 });
  });

  it('credits the threshold window of a 5-minute break as active and the rest as idle', () => {
    const { tracker, at, snap } = fixture();
    tracker.start();
    for (const t of [20 * SEC, 40 * SEC, 1 * MIN]) {
      at(t);
      tracker.activity();
    }
    at(6 * MIN); // 5 minutes without input
    expect(tracker.isIdle()).to.equal(true);
    tracker.activity();
    at(6 * MIN + 20 * SEC);
    // Active: 0–1:30 (work plus the 30 s window) and 6:00–6:20; idle: 1:30–6:00.
    expect(snap()).to.deep.equal({ activeMs: 90 * SEC + 20 * SEC, idleMs: 5 * MIN - 30 * SEC });
  });

  it('treats the threshold edge exactly: at the threshold still active, one ms later idle', () => {
    const { tracker, at, snap } = fixture({ idleThresholdMs: 10 * SEC });
    tracker.start();
    at(10 * SEC);
    expect(tracker.isIdle()).to.equal(false);
    expect(snap()).to.deep.equal({ activeMs: 10 * SEC, idleMs: 0 });
    at(10 * SEC + 1);
    expect(tracker.isIdle()).to.equal(true);
    expect(snap()).to.deep.equal({ activeMs: 10 * SEC, idleMs: 1 });
  });

  it('keeps the chain active when input lands exactly on the threshold', () => {
    const { tracker, at, snap } = fixture({ idleThresholdMs: 10 * SEC });
    tracker.start();
    at(10 * SEC);
    tracker.activity();
    at(20 * SEC);
    tracker.activity();
    at(25 * SEC);
    expect(snap()).to.deep.equal({ activeMs: 25 * SEC, idleMs: 0 });
  });

  it('counts hidden time as idle and cuts the active window short when hiding', () => {
    const { tracker, at, snap } = fixture();
    tracker.start();
    at(10 * SEC);
    tracker.activity();
    at(15 * SEC);
    tracker.setHidden(true); // 25 s of the window remain, but the worker left
    expect(tracker.isHidden).to.equal(true);
    expect(tracker.isIdle()).to.equal(true);
    at(2 * MIN + 15 * SEC);
    expect(snap()).to.deep.equal({ activeMs: 15 * SEC, idleMs: 2 * MIN });
  });

  it('counts becoming visible as input', () => {
    const { tracker, at, snap } = fixture();
    tracker.start();
    at(10 * SEC);
    tracker.setHidden(true);
    at(5 * MIN);
    tracker.setHidden(false);
    at(5 * MIN + 20 * SEC);
    expect(snap()).to.deep.equal({ activeMs: 10 * SEC + 20 * SEC, idleMs: 5 * MIN - 10 * SEC });
  });

  it('ignores activity while hidden', () => {
    const { tracker, at, snap } = fixture({ idleThresholdMs: 10 * SEC });
    tracker.start();
    tracker.setHidden(true);
    for (let t = 1 * SEC; t <= 60 * SEC; t += SEC) {
      at(t);
      tracker.activity();
    }
    expect(snap()).to.deep.equal({ activeMs: 0, idleMs: 60 * SEC });
  });

  it('repeated visibility reports change nothing', () => {
    const { tracker, at, snap } = fixture({ idleThresholdMs: 10 * SEC });
    tracker.start();
    at(5 * SEC);
    tracker.setHidden(false);
    tracker.setHidden(false);
    at(30 * SEC);
    // Visible → visible is not a return to the tab, so it does not count as input.
    expect(snap()).to.deep.equal({ activeMs: 10 * SEC, idleMs: 20 * SEC });
  });

  it('starts hidden when told before start (tab opened in the background)', () => {
    const { tracker, at, snap } = fixture();
    tracker.setHidden(true);
    tracker.start();
    at(1 * MIN);
    expect(snap()).to.deep.equal({ activeMs: 0, idleMs: 1 * MIN });
    tracker.setHidden(false);
    at(1 * MIN + 5 * SEC);
    expect(snap()).to.deep.equal({ activeMs: 5 * SEC, idleMs: 1 * MIN });
  });

  it('stays monotonic when the clock jumps backwards', () => {
    const { tracker, at, snap } = fixture();
    tracker.start();
    at(20 * SEC);
    tracker.activity();
    const before = snap();
    at(-1 * 60 * MIN); // the system clock was set back an hour
    expect(snap()).to.deep.equal(before);
    tracker.activity();
    at(-1 * 60 * MIN + 10 * SEC);
    expect(snap()).to.deep.equal({ activeMs: 30 * SEC, idleMs: 0 });
  });

  it('ignores non-finite times', () => {
    const { tracker, at, snap } = fixture();
    tracker.start();
    at(5 * SEC);
    tracker.activity(NaN);
    tracker.snapshot(Infinity);
    expect(snap()).to.deep.equal({ activeMs: 5 * SEC, idleMs: 0 });
  });

  it('reports integer milliseconds with a fractional clock', () => {
    const tracker = new ActiveTimeTracker({ idleThresholdMs: 100 });
    tracker.start(0.25);
    tracker.activity(50.5);
    const s = tracker.snapshot(200.75);
    expect(Number.isInteger(s.activeMs)).to.equal(true);
    expect(Number.isInteger(s.idleMs)).to.equal(true);
    expect(s).to.deep.equal({ activeMs: 150, idleMs: 50, startedAt: 0.25 });
  });

  it('reset zeroes the totals and restarts at the given time', () => {
    const { tracker, at, snap } = fixture();
    tracker.start();
    at(2 * MIN);
    tracker.reset();
    expect(tracker.snapshot().startedAt).to.equal(1_120_000);
    expect(snap()).to.deep.equal({ activeMs: 0, idleMs: 0 });
    at(2 * MIN + 10 * SEC);
    expect(snap()).to.deep.equal({ activeMs: 10 * SEC, idleMs: 0 });
  });

  it('rejects a negative threshold', () => {
    expect(() => new ActiveTimeTracker({ idleThresholdMs: -1 })).to.throw(RangeError);
  });

  it('always splits the elapsed time exactly, never going backwards (property)', () => {
    type Step = { dt: number; op: 'input' | 'hide' | 'show' | 'snap' };
    const step = fc.record({
      dt: fc.integer({ min: -5000, max: 60_000 }),
      op: fc.constantFrom('input' as const, 'hide' as const, 'show' as const, 'snap' as const),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps: Step[]) => {
        const tracker = new ActiveTimeTracker({ idleThresholdMs: 30_000 });
        let raw = 0;
        let elapsed = 0;
        tracker.start(raw);
        let prev = tracker.snapshot(raw);
        for (const { dt, op } of steps) {
          raw += dt;
          elapsed += Math.max(0, dt);
          if (op === 'input') tracker.activity(raw);
          else if (op === 'hide') tracker.setHidden(true, raw);
          else if (op === 'show') tracker.setHidden(false, raw);
          const s = tracker.snapshot(raw);
          expect(s.activeMs + s.idleMs).to.equal(elapsed);
          expect(s.activeMs).to.be.at.least(prev.activeMs);
          expect(s.idleMs).to.be.at.least(prev.idleMs);
          prev = s;
        }
      }),
    );
  });
});
