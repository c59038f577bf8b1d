import { expect } from '@open-wc/testing';
import type { Question } from '@tagwerk/core';
import { questionActions } from './questions.js';

describe('questionActions', () => {
  const rating: Question = { id: 'q', type: 'rating', label: 'Quality', scale: { min: 1, max: 5 } };
  const pairwise: Question = { id: 'p', type: 'pairwise', label: 'Better?', pair: ['a', 'b'] };

  it('offers nothing without questions, digits and J/K with any, A/B/T/G/X only with a pairwise one', () => {
    expect(questionActions([])).to.deep.equal([]);
    const ids = questionActions([rating]).map((a) => a.id);
    expect(ids).to.include.members(['pick-1', 'pick-0', 'next-question', 'previous-question']);
    expect(ids).not.to.include('prefer-a');
    expect(questionActions([rating, pairwise]).map((a) => a.id)).to.include.members([
      'prefer-a',
      'prefer-b',
      'tie',
      'both-good',
      'both-bad',
    ]);
  });
});
