import { expect } from 'chai';
import fc from 'fast-check';
import {
  entryIndexOf,
  flatten,
  hasTies,
  isPermutation,
  membersOf,
  moveItem,
  normalizeRanking,
  rankingEquals,
  rankOf,
  removeItem,
  stepItem,
  tieWith,
  tieWithPrevious,
  untie,
  type RankingAnswer,
  type RankingLike,
} from './ranking.js';

const IDS = ['a', 'b', 'c', 'd', 'e'] as const;

/** Deep-freezes a ranking so any mutation by the code under test throws. */
function frozen(ranking: RankingAnswer): RankingLike {
  return Object.freeze(ranking.map((entry) => (typeof entry === 'string' ? entry : Object.freeze([...entry]))));
}

/** Random well-formed rankings of IDS: a shuffle cut into groups (no group of one). */
const arbRanking: fc.Arbitrary<RankingAnswer> = fc
  .tuple(
    fc.shuffledSubarray([...IDS], { minLength: IDS.length, maxLength: IDS.length }),
    fc.array(fc.boolean(), { minLength: IDS.length, maxLength: IDS.length }),
  )
  .map(([order, joins]) => {
    const groups: string[][] = [];
    order.forEach((id, i) => {
      if (i > 0 && joins[i]) groups[groups.length - 1]!.push(id);
      else groups.push([id]);
    });
    return groups.map((g) => (g.length === 1 ? g[0]! : g));
  });

const arbId = fc.constantFrom(...IDS);

describe('ranking', () => {
  describe('normalizeRanking', () => {
    it('returns the ids in order when there is no value', () => {
      expect(normalizeRanking(undefined, IDS)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
      expect(normalizeRanking(null, ['x'])).to.deep.equal(['x']);
      expect(normalizeRanking([], [])).to.deep.equal([]);
    });

    it('keeps a valid ranking as it is, groups included', () => {
      expect(normalizeRanking(['c', ['a', 'e'], 'b', 'd'], IDS)).to.deep.equal(['c', ['a', 'e'], 'b', 'd']);
    });

    it('drops unknown and repeated ids and appends missing ones in the given order', () => {
      expect(normalizeRanking(['z', 'c', 'c', ['a', 'c', 'y']], IDS)).to.deep.equal(['c', 'a', 'b', 'd', 'e']);
    });

    it('drops empty groups and turns a group of one into a plain id', () => {
      expect(normalizeRanking([[], ['b'], ['z', 'a'], 'c'], ['a', 'b', 'c'])).to.deep.equal(['b', 'a', 'c']);
    });

    it('spreads groups when ties are not allowed', () => {
      expect(normalizeRanking(['c', ['a', 'e'], 'b'], IDS, { allowTies: false })).to.deep.equal([
        'c',
        'a',
        'e',
        'b',
        'd',
      ]);
    });

    it('tolerates values of the wrong shape (drafts are untrusted)', () => {
      expect(normalizeRanking('abc' as unknown as RankingLike, ['a'])).to.deep.equal(['a']);
      expect(normalizeRanking([1, null, ['b', 2], { id: 'a' }] as unknown as RankingLike, ['a', 'b'])).to.deep.equal([
        'b',
        'a',
      ]);
    });

    it('always yields a permutation of the ids and never mutates its input', () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.oneof(
              fc.constantFrom('a', 'b', 'c', 'x'),
              fc.array(fc.constantFrom('a', 'b', 'c', 'x'), { maxLength: 3 }),
            ),
          ),
          (value) => {
            const before = JSON.stringify(value);
            const out = normalizeRanking(value, ['a', 'b', 'c']);
            expect(isPermutation(out, ['a', 'b', 'c'])).to.equal(true);
            expect(JSON.stringify(value)).to.equal(before);
          },
        ),
      );
    });
  });

  describe('entryIndexOf, membersOf, removeItem', () => {
    const r = frozen(['a', ['b', 'c'], 'd']);

    it('finds the entry that holds an id', () => {
      expect(entryIndexOf(r, 'a')).to.equal(0);
      expect(entryIndexOf(r, 'c')).to.equal(1);
      expect(entryIndexOf(r, 'd')).to.equal(2);
      expect(entryIndexOf(r, 'x')).to.equal(-1);
      expect(membersOf('a')).to.deep.equal(['a']);
      expect(membersOf(['b', 'c'])).to.deep.equal(['b', 'c']);
    });

    it('removes an id, shrinking its group to a plain id', () => {
      expect(removeItem(r, 'b')).to.deep.equal(['a', 'c', 'd']);
      expect(removeItem(r, 'a')).to.deep.equal([['b', 'c'], 'd']);
      expect(removeItem(frozen([['a', 'b', 'c']]), 'b')).to.deep.equal([['a', 'c']]);
      expect(removeItem(r, 'x')).to.deep.equal(['a', ['b', 'c'], 'd']);
    });
  });

  describe('moveItem', () => {
    const r = frozen(['a', 'b', 'c', 'd']);

    it('moves an item to an entry index of the result', () => {
      expect(moveItem(r, 'a', 2)).to.deep.equal(['b', 'c', 'a', 'd']);
      expect(moveItem(r, 'd', 0)).to.deep.equal(['d', 'a', 'b', 'c']);
      expect(moveItem(r, 'b', 1)).to.deep.equal(['a', 'b', 'c', 'd']);
    });

    it('clamps the index', () => {
      expect(moveItem(r, 'a', Infinity)).to.deep.equal(['b', 'c', 'd', 'a']);
      expect(moveItem(r, 'c', -3)).to.deep.equal(['c', 'a', 'b', 'd']);
      expect(moveItem(r, 'c', 1.9)).to.deep.equal(['a', 'c', 'b', 'd']);
      expect(() => moveItem(r, 'c', Number.NaN)).to.throw(RangeError);
    });

    it('takes a tied item out of its group', () => {
      const tied = frozen(['a', ['b', 'c', 'd']]);
      expect(moveItem(tied, 'c', 0)).to.deep.equal(['c', 'a', ['b', 'd']]);
      expect(moveItem(frozen([['a', 'b'], 'c']), 'a', 2)).to.deep.equal(['b', 'c', 'a']);
    });

    it('leaves the ranking as it is for an unknown id (but returns a copy)', () => {
      const out = moveItem(r, 'x', 0);
      expect(out).to.deep.equal(['a', 'b', 'c', 'd']);
      expect(out).not.to.equal(r);
    });
  });

  describe('stepItem', () => {
    it('swaps an untied item with its neighbour entry', () => {
      const r = frozen(['a', 'b', 'c']);
      expect(stepItem(r, 'b', -1)).to.deep.equal(['b', 'a', 'c']);
      expect(stepItem(r, 'b', 1)).to.deep.equal(['a', 'c', 'b']);
    });

    it('does nothing at the ends', () => {
      const r = frozen(['a', 'b', 'c']);
      expect(stepItem(r, 'a', -1)).to.deep.equal(['a', 'b', 'c']);
      expect(stepItem(r, 'c', 1)).to.deep.equal(['a', 'b', 'c']);
      expect(stepItem(r, 'x', 1)).to.deep.equal(['a', 'b', 'c']);
    });

    it('passes a tied group as a whole', () => {
      const r = frozen(['a', ['b', 'c'], 'd']);
      expect(stepItem(r, 'a', 1)).to.deep.equal([['b', 'c'], 'a', 'd']);
      expect(stepItem(r, 'd', -1)).to.deep.equal(['a', 'd', ['b', 'c']]);
    });

    it('moves a tied item just out of its group', () => {
      const r = frozen(['a', ['b', 'c', 'd'], 'e']);
      expect(stepItem(r, 'c', -1)).to.deep.equal(['a', 'c', ['b', 'd'], 'e']);
      expect(stepItem(r, 'c', 1)).to.deep.equal(['a', ['b', 'd'], 'c', 'e']);
      expect(stepItem(frozen([['a', 'b']]), 'a', -1)).to.deep.equal(['a', 'b']);
    });
  });

  describe('tieWith and tieWithPrevious', () => {
    it('joins an item to another item or its group', () => {
      const r = frozen(['a', 'b', ['c', 'd'], 'e']);
      expect(tieWith(r, 'e', 'a')).to.deep.equal([['a', 'e'], 'b', ['c', 'd']]);
      expect(tieWith(r, 'a', 'd')).to.deep.equal(['b', ['c', 'd', 'a'], 'e']);
      expect(tieWith(r, 'c', 'b')).to.deep.equal(['a', ['b', 'c'], 'd', 'e']);
    });

    it('leaves the ranking unchanged for unknown or already tied items', () => {
      const r = frozen(['a', ['b', 'c']]);
      expect(tieWith(r, 'b', 'c')).to.deep.equal(['a', ['b', 'c']]);
      expect(tieWith(r, 'a', 'a')).to.deep.equal(['a', ['b', 'c']]);
      expect(tieWith(r, 'x', 'a')).to.deep.equal(['a', ['b', 'c']]);
      expect(tieWith(r, 'a', 'x')).to.deep.equal(['a', ['b', 'c']]);
    });

    it('ties with the entry above', () => {
      expect(tieWithPrevious(frozen(['a', 'b', 'c']), 'b')).to.deep.equal([['a', 'b'], 'c']);
      expect(tieWithPrevious(frozen([['a', 'b'], 'c']), 'c')).to.deep.equal([['a', 'b', 'c']]);
      // A tied item moves on to the rank above its own group.
      expect(tieWithPrevious(frozen(['a', ['b', 'c']]), 'c')).to.deep.equal([['a', 'c'], 'b']);
    });

    it('does nothing in the first entry', () => {
      expect(tieWithPrevious(frozen(['a', 'b']), 'a')).to.deep.equal(['a', 'b']);
      expect(tieWithPrevious(frozen([['a', 'b'], 'c']), 'b')).to.deep.equal([['a', 'b'], 'c']);
      expect(tieWithPrevious(frozen(['a']), 'x')).to.deep.equal(['a']);
    });
  });

  describe('untie', () => {
    it('places an untied item directly below its former group', () => {
      expect(untie(frozen(['a', ['b', 'c', 'd'], 'e']), 'b')).to.deep.equal(['a', ['c', 'd'], 'b', 'e']);
      expect(untie(frozen([['a', 'b']]), 'a')).to.deep.equal(['b', 'a']);
      expect(untie(frozen([['a', 'b']]), 'b')).to.deep.equal(['a', 'b']);
    });

    it('does nothing for an item that is not tied', () => {
      expect(untie(frozen(['a', ['b', 'c']]), 'a')).to.deep.equal(['a', ['b', 'c']]);
      expect(untie(frozen(['a']), 'x')).to.deep.equal(['a']);
    });

    it('undoes tieWithPrevious for the last member of a group', () => {
      fc.assert(
        fc.property(arbRanking, arbId, (r, id) => {
          const index = entryIndexOf(r, id);
          fc.pre(index > 0 && typeof r[index] === 'string');
          expect(untie(tieWithPrevious(r, id), id)).to.deep.equal(r);
        }),
      );
    });
  });

  describe('rankOf', () => {
    it('uses competition ranking for ties', () => {
      const r = frozen(['a', ['b', 'c'], 'd', ['e']]);
      expect(rankOf(r, 'a')).to.equal(1);
      expect(rankOf(r, 'b')).to.equal(2);
      expect(rankOf(r, 'c')).to.equal(2);
      expect(rankOf(r, 'd')).to.equal(4);
      expect(rankOf(r, 'e')).to.equal(5);
      expect(rankOf(r, 'x')).to.equal(undefined);
    });

    it('is one plus the number of items ranked strictly better', () => {
      fc.assert(
        fc.property(arbRanking, arbId, (r, id) => {
          const index = entryIndexOf(r, id);
          const better = r.slice(0, index).reduce((n, e) => n + membersOf(e).length, 0);
          expect(rankOf(r, id)).to.equal(better + 1);
        }),
      );
    });
  });

  describe('flatten, hasTies, isPermutation, rankingEquals', () => {
    it('flattens groups in place', () => {
      expect(flatten(frozen(['a', ['b', 'c'], 'd']))).to.deep.equal(['a', 'b', 'c', 'd']);
      expect(flatten([])).to.deep.equal([]);
    });

    it('tells whether there are ties', () => {
      expect(hasTies(frozen(['a', 'b']))).to.equal(false);
      expect(hasTies(frozen(['a', ['b', 'c']]))).to.equal(true);
    });

    it('accepts exactly the complete, well-formed rankings', () => {
      expect(isPermutation(['b', ['a', 'c']], ['a', 'b', 'c'])).to.equal(true);
      expect(isPermutation([], [])).to.equal(true);
      expect(isPermutation(['a', 'b'], ['a', 'b', 'c'])).to.equal(false); // missing
      expect(isPermutation(['a', 'b', 'c', 'x'], ['a', 'b', 'c'])).to.equal(false); // unknown
      expect(isPermutation(['a', ['b', 'a'], 'c'], ['a', 'b', 'c'])).to.equal(false); // repeated
      expect(isPermutation(['a', [], 'b', 'c'], ['a', 'b', 'c'])).to.equal(false); // empty group
    });

    it('compares rankings entry by entry', () => {
      expect(rankingEquals(['a', ['b', 'c']], ['a', ['b', 'c']])).to.equal(true);
      expect(rankingEquals(['a', ['b', 'c']], ['a', ['c', 'b']])).to.equal(false);
      expect(rankingEquals(['a', 'b'], ['a', ['b']])).to.equal(false);
      expect(rankingEquals(['a'], ['a', 'b'])).to.equal(false);
      expect(rankingEquals([['a', 'b']], [['a', 'b', 'c']])).to.equal(false);
    });
  });

  describe('properties', () => {
    it('every operation keeps a permutation without groups of one and never mutates its input', () => {
      fc.assert(
        fc.property(
          arbRanking,
          arbId,
          arbId,
          fc.integer({ min: -2, max: 7 }),
          fc.constantFrom<-1 | 1>(-1, 1),
          (r, id, other, to, dir) => {
            const input = frozen(r);
            const results = [
              moveItem(input, id, to),
              stepItem(input, id, dir),
              tieWith(input, id, other),
              tieWithPrevious(input, id),
              untie(input, id),
              removeItem(input, id).concat(id),
            ];
            for (const out of results) {
              expect(isPermutation(out, IDS), JSON.stringify({ r, out })).to.equal(true);
              expect(out.every((e) => typeof e === 'string' || e.length > 1)).to.equal(true);
              expect(normalizeRanking(out, IDS)).to.deep.equal(out);
            }
            expect(input).to.deep.equal(r);
          },
        ),
      );
    });

    it('moveItem puts the item, untied, exactly at the clamped index', () => {
      fc.assert(
        fc.property(arbRanking, arbId, fc.integer({ min: -2, max: 7 }), (r, id, to) => {
          const out = moveItem(r, id, to);
          const expected = Math.max(0, Math.min(out.length - 1, to));
          expect(out[expected]).to.equal(id);
        }),
      );
    });

    it('stepping down then up restores an untied item that is not last', () => {
      fc.assert(
        fc.property(arbRanking, arbId, (r, id) => {
          const index = entryIndexOf(r, id);
          fc.pre(typeof r[index] === 'string' && index < r.length - 1);
          expect(stepItem(stepItem(r, id, 1), id, -1)).to.deep.equal(r);
        }),
      );
    });

    it('moving an item never changes the relative order of the others', () => {
      fc.assert(
        fc.property(arbRanking, arbId, fc.integer({ min: 0, max: 5 }), (r, id, to) => {
          const others = (x: RankingLike) => flatten(x).filter((v) => v !== id);
          expect(others(moveItem(r, id, to))).to.deep.equal(others(r));
        }),
      );
    });
  });
});
