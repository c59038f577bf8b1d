import { expect } from 'chai';
import fc from 'fast-check';
import { DEFAULT_HISTORY_LIMIT, History } from './history.js';

describe('History', () => {
  it('starts with the initial snapshot and nothing to undo or redo', () => {
    const h = new History('a');
    expect(h.present).to.equal('a');
    expect(h.canUndo).to.equal(false);
    expect(h.canRedo).to.equal(false);
    expect(h.undo()).to.equal(undefined);
    expect(h.redo()).to.equal(undefined);
    expect(h.undoCount).to.equal(0);
    expect(h.redoCount).to.equal(0);
  });

  it('undoes and redoes pushes in order', () => {
    const h = new History(0);
    h.push(1, { now: 0 });
    h.push(2, { now: 10 });
    h.push(3, { now: 20 });
    expect(h.undo()).to.equal(2);
    expect(h.undo()).to.equal(1);
    expect(h.canRedo).to.equal(true);
    expect(h.redo()).to.equal(2);
    expect(h.present).to.equal(2);
    expect(h.undo()).to.equal(1);
    expect(h.undo()).to.equal(0);
    expect(h.undo()).to.equal(undefined);
    expect(h.present).to.equal(0);
    expect(h.undoCount).to.equal(4);
    expect(h.redoCount).to.equal(1);
  });

  it('does not count refused undos and redos', () => {
    const h = new History(0);
    h.undo();
    h.redo();
    expect(h.undoCount).to.equal(0);
    expect(h.redoCount).to.equal(0);
  });

  it('clears the redo stack on a new push', () => {
    const h = new History('a');
    h.push('b', { now: 0 });
    h.undo();
    expect(h.canRedo).to.equal(true);
    h.push('c', { now: 5000 });
    expect(h.canRedo).to.equal(false);
    expect(h.redo()).to.equal(undefined);
    expect(h.undo()).to.equal('a');
  });

  it('ignores a push equal to the present and returns false', () => {
    const h = new History({ n: 1 }, { equals: (a, b) => a.n === b.n });
    expect(h.push({ n: 1 })).to.equal(false);
    expect(h.canUndo).to.equal(false);
    expect(h.push({ n: 2 })).to.equal(true);
    expect(h.canUndo).to.equal(true);
  });

  it('compares with Object.is by default', () => {
    const snapshot = { n: 1 };
    const h = new History(snapshot);
    expect(h.push(snapshot)).to.equal(false);
    expect(h.push({ n: 1 })).to.equal(true);
    expect(new History(NaN).push(NaN)).to.equal(false);
  });

  it('supports snapshots that are themselves undefined or null', () => {
    const h = new History<string | undefined>(undefined);
    h.push('x', { now: 0 });
    expect(h.undo()).to.equal(undefined);
    expect(h.present).to.equal(undefined);
    expect(h.canRedo).to.equal(true);
    expect(h.redo()).to.equal('x');
  });

  describe('coalescing', () => {
    it('merges consecutive pushes with one key into one undo step', () => {
      const h = new History('');
      'word'.split('').reduce((text, ch, i) => {
        h.push(text + ch, { coalesceKey: 'text:why', now: 1000 + i * 150 });
        return text + ch;
      }, '');
      expect(h.present).to.equal('word');
      expect(h.undoDepth).to.equal(1);
      expect(h.undo()).to.equal('');
      expect(h.redo()).to.equal('word');
    });

    it('slides the window: each push must follow the previous within coalesceMs', () => {
      const h = new History('');
      h.push('a', { coalesceKey: 'k', now: 0 });
      h.push('ab', { coalesceKey: 'k', now: 999 });
      h.push('abc', { coalesceKey: 'k', now: 1998 });
      expect(h.undoDepth).to.equal(1);
      h.push('abcd', { coalesceKey: 'k', now: 2998 }); // exactly 1000 ms later: a new step
      expect(h.undoDepth).to.equal(2);
      expect(h.undo()).to.equal('abc');
    });

    it('does not merge different keys, keyless pushes, or after undo/redo/seal', () => {
      const h = new History(0);
      h.push(1, { coalesceKey: 'a', now: 0 });
      h.push(2, { coalesceKey: 'b', now: 1 });
      expect(h.undoDepth).to.equal(2);
      h.push(3, { now: 2 });
      h.push(4, { now: 3 });
      expect(h.undoDepth).to.equal(4);

      h.push(5, { coalesceKey: 'c', now: 4 });
      h.undo();
      h.push(6, { coalesceKey: 'c', now: 5 });
      expect(h.undoDepth).to.equal(5);
      h.undo();
      h.redo();
      h.push(7, { coalesceKey: 'c', now: 6 });
      expect(h.undoDepth).to.equal(6);
      h.seal();
      h.push(8, { coalesceKey: 'c', now: 7 });
      expect(h.undoDepth).to.equal(7);
    });

    it('does not merge when the clock went backwards', () => {
      const h = new History(0);
      h.push(1, { coalesceKey: 'k', now: 5000 });
      h.push(2, { coalesceKey: 'k', now: 4000 });
      expect(h.undoDepth).to.equal(2);
    });

    it('drops a step whose merged result equals its base (type then delete)', () => {
      const h = new History('x');
      h.push('xa', { coalesceKey: 'k', now: 0 });
      h.push('x', { coalesceKey: 'k', now: 100 });
      expect(h.present).to.equal('x');
      expect(h.canUndo).to.equal(false);
      // The group ended with it: the next keystroke is a fresh step whose base is 'x'.
      h.push('xb', { coalesceKey: 'k', now: 200 });
      expect(h.undo()).to.equal('x');
    });

    it('honours a custom coalesceMs', () => {
      const h = new History(0, { coalesceMs: 100 });
      h.push(1, { coalesceKey: 'k', now: 0 });
      h.push(2, { coalesceKey: 'k', now: 150 });
      expect(h.undoDepth).to.equal(2);
    });

    it('uses Date.now() when no time is given', () => {
      const h = new History(0);
      h.push(1, { coalesceKey: 'k' });
      h.push(2, { coalesceKey: 'k' });
      expect(h.undoDepth).to.equal(1);
    });
  });

  describe('limit', () => {
    it('defaults to 200 undo steps, dropping the oldest', () => {
      const h = new History(0);
      for (let i = 1; i <= 250; i++) h.push(i, { now: i * 10_000 });
      expect(DEFAULT_HISTORY_LIMIT).to.equal(200);
      expect(h.undoDepth).to.equal(200);
      let last: number | undefined;
      while (h.canUndo) last = h.undo();
      expect(last).to.equal(50);
      expect(h.redoDepth).to.equal(200);
    });

    it('accepts a custom limit, including 0 (no undo)', () => {
      const h = new History('a', { limit: 2 });
      h.push('b');
      h.push('c');
      h.push('d');
      expect(h.undo()).to.equal('c');
      expect(h.undo()).to.equal('b');
      expect(h.undo()).to.equal(undefined);

      const none = new History('a', { limit: 0 });
      expect(none.push('b')).to.equal(true);
      expect(none.present).to.equal('b');
      expect(none.canUndo).to.equal(false);
    });

    it('rejects invalid options', () => {
      expect(() => new History(0, { limit: -1 })).to.throw(RangeError, /limit/);
      expect(() => new History(0, { limit: 1.5 })).to.throw(RangeError);
      expect(() => new History(0, { coalesceMs: NaN })).to.throw(RangeError, /coalesceMs/);
    });
  });

  it('reset replaces everything and zeroes the counters', () => {
    const h = new History(0);
    h.push(1, { coalesceKey: 'k', now: 0 });
    h.push(2, { now: 1 });
    h.undo();
    h.redo();
    h.reset(10);
    expect(h.present).to.equal(10);
    expect(h.canUndo).to.equal(false);
    expect(h.canRedo).to.equal(false);
    expect(h.undoCount).to.equal(0);
    expect(h.redoCount).to.equal(0);
    h.push(11, { coalesceKey: 'k', now: 2 });
    h.push(12, { coalesceKey: 'k', now: 3 });
    expect(h.undo()).to.equal(10);
  });

  it('behaves like an unbounded reference model trimmed to the limit (property)', () => {
    type Op = { t: 'push'; v: number } | { t: 'undo' } | { t: 'redo' };
    const op = fc.oneof(
      fc.record({ t: fc.constant('push' as const), v: fc.integer({ min: 0, max: 5 }) }),
      fc.constant({ t: 'undo' as const }),
      fc.constant({ t: 'redo' as const }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(op, { maxLength: 60 }), (limit, ops: Op[]) => {
        const h = new History(0, { limit });
        let past: number[] = [];
        let future: number[] = [];
        let present = 0;
        let undos = 0;
        ops.forEach((o, i) => {
          if (o.t === 'push') {
            const changed = h.push(o.v, { now: i * 10_000 });
            expect(changed).to.equal(o.v !== present);
            if (o.v !== present) {
              past = limit === 0 ? [] : [...past, present].slice(-limit);
              future = [];
              present = o.v;
            }
          } else if (o.t === 'undo') {
            const r = h.undo();
            if (past.length) {
              future.push(present);
              present = past.pop()!;
              undos++;
              expect(r).to.equal(present);
            } else expect(r).to.equal(undefined);
          } else {
            const r = h.redo();
            if (future.length) {
              past.push(present);
              present = future.pop()!;
              expect(r).to.equal(present);
            } else expect(r).to.equal(undefined);
          }
          expect(h.present).to.equal(present);
          expect(h.undoDepth).to.equal(past.length);
          expect(h.redoDepth).to.equal(future.length);
          expect(h.undoDepth).to.be.at.most(limit);
          expect(h.undoCount).to.equal(undos);
        });
      }),
    );
  });
});
