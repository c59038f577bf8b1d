import { expect } from 'chai';
import fc from 'fast-check';
import type { PairwiseQuestion, Question, SpansQuestion, TextTask } from './model/types.js';
import {
  isRequiredNow,
  pairwiseChoiceShownAt,
  pairwiseShownOrder,
  scaleValueForDigit,
  scaleValues,
  spansFieldText,
} from './questions.js';

const pairwise = (randomize: boolean, id = 'pref'): PairwiseQuestion => ({
  id,
  type: 'pairwise',
  label: 'Which is better?',
  pair: ['r1', 'r2'],
  randomize,
});

describe('question helpers', () => {
  describe('scaleValues', () => {
    it('lists every integer of the scale, lowest first', () => {
      expect(scaleValues({ min: 1, max: 5 })).to.deep.equal([1, 2, 3, 4, 5]);
      expect(scaleValues({ min: -2, max: 2 })).to.deep.equal([-2, -1, 0, 1, 2]);
      expect(scaleValues({ min: 3, max: 3 })).to.deep.equal([3]);
    });
  });

  describe('scaleValueForDigit', () => {
    it('on a scale within 0…9, the digit is the value', () => {
      const scale = { min: 1, max: 5 };
      expect(scaleValueForDigit(scale, 4)).to.equal(4);
      expect(scaleValueForDigit(scale, 1)).to.equal(1);
      expect(scaleValueForDigit(scale, 0)).to.equal(undefined);
      expect(scaleValueForDigit(scale, 6)).to.equal(undefined);
      expect(scaleValueForDigit({ min: 0, max: 3 }, 0)).to.equal(0);
    });

    it('on other scales, digit n picks the n-th step and 0 the tenth', () => {
      expect(scaleValueForDigit({ min: -2, max: 2 }, 1)).to.equal(-2);
      expect(scaleValueForDigit({ min: -2, max: 2 }, 5)).to.equal(2);
      expect(scaleValueForDigit({ min: -2, max: 2 }, 6)).to.equal(undefined);
      expect(scaleValueForDigit({ min: 1, max: 10 }, 0)).to.equal(10);
      expect(scaleValueForDigit({ min: 1, max: 10 }, 9)).to.equal(9);
    });

    it('refuses what is not a digit', () => {
      expect(scaleValueForDigit({ min: 1, max: 5 }, NaN)).to.equal(undefined);
      expect(scaleValueForDigit({ min: 1, max: 5 }, 2.5)).to.equal(undefined);
    });

    it('always returns a value of the scale, or undefined', () => {
      fc.assert(
        fc.property(fc.integer({ min: -20, max: 20 }), fc.nat(20), fc.integer({ min: 0, max: 9 }), (min, span, d) => {
          const scale = { min, max: min + span };
          const value = scaleValueForDigit(scale, d);
          return value === undefined || scaleValues(scale).includes(value);
        }),
      );
    });
  });

  describe('pairwiseShownOrder', () => {
    it('keeps the pair order unless the question randomises', () => {
      expect(pairwiseShownOrder(pairwise(false), 't-1')).to.deep.equal(['r1', 'r2']);
    });

    it('never changes between releases (pinned orders)', () => {
      // A changed order would show a reloaded draft's pair the other way round.
      const orders = ['t-1', 't-2', 't-3', 't-4', 't-5', 't-6', 't-7', 't-8'].map((id) =>
        pairwiseShownOrder(pairwise(true), id).join(''),
      );
      expect(orders).to.deep.equal(['r2r1', 'r1r2', 'r2r1', 'r2r1', 'r1r2', 'r2r1', 'r1r2', 'r1r2']);
    });

    it('is a deterministic permutation of the pair, and shows both orders across tasks', () => {
      const seen = new Set<string>();
      fc.assert(
        fc.property(fc.string(), fc.string({ minLength: 1 }), (taskId, questionId) => {
          const order = pairwiseShownOrder(pairwise(true, questionId), taskId);
          seen.add(order.join(','));
          expect([...order].sort()).to.deep.equal(['r1', 'r2']);
          expect(pairwiseShownOrder(pairwise(true, questionId), taskId)).to.deep.equal(order);
        }),
        { numRuns: 200 },
      );
      expect([...seen].sort()).to.deep.equal(['r1,r2', 'r2,r1']);
    });
  });

  describe('pairwiseChoiceShownAt', () => {
    it('maps display positions to the contract a/b (a is pair[0])', () => {
      const q = pairwise(true);
      expect(pairwiseChoiceShownAt(q, ['r2', 'r1'], 'first')).to.equal('b');
      expect(pairwiseChoiceShownAt(q, ['r2', 'r1'], 'second')).to.equal('a');
      expect(pairwiseChoiceShownAt(q, ['r1', 'r2'], 'first')).to.equal('a');
    });
  });

  describe('isRequiredNow', () => {
    const why: Question = {
      id: 'why',
      type: 'text',
      label: 'Why?',
      requiredWhen: { question: 'score', lte: 2 },
    };

    it('is true for a required question whatever the answers', () => {
      expect(isRequiredNow({ id: 'score', type: 'rating', label: 'S', required: true, scale: { min: 1, max: 5 } }, {}))
        .to.be.true;
    });

    it("follows a text question's requiredWhen", () => {
      expect(isRequiredNow(why, {})).to.be.false;
      expect(isRequiredNow(why, { score: 4 })).to.be.false;
      expect(isRequiredNow(why, { score: 2 })).to.be.true;
    });

    it('is false for an optional question', () => {
      expect(isRequiredNow({ id: 'c', type: 'choice', label: 'C', options: [{ id: 'x', label: 'X' }] }, { c: 'x' })).to
        .be.false;
    });
  });

  describe('spansFieldText', () => {
    const record: TextTask['record'] = {
      prompt: 'the prompt',
      text: 'the text',
      responses: [{ id: 'r1', text: 'response one', format: 'plain' }],
    };
    const spans = (field: string): SpansQuestion => ({
      id: 's',
      type: 'spans',
      label: 'Mark',
      field,
      labels: [{ id: 'PER', name: 'Person' }],
    });

    it("returns the text, the prompt or a response's text", () => {
      expect(spansFieldText(spans('text'), record)).to.equal('the text');
      expect(spansFieldText(spans('prompt'), record)).to.equal('the prompt');
      expect(spansFieldText(spans('r1'), record)).to.equal('response one');
    });

    it('returns "" when the field or the record is missing', () => {
      expect(spansFieldText(spans('r9'), record)).to.equal('');
      expect(spansFieldText(spans('text'), {})).to.equal('');
      expect(spansFieldText(spans('text'), undefined)).to.equal('');
    });
  });
});
