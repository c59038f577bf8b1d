import { expect } from 'chai';
import fc from 'fast-check';
import type { Answers, TextAnnotation } from '../model/types.js';
import { audioAnnotation, audioTask, textAnnotation, textTask } from '../validate/test-fixtures.js';
import { agreement, krippendorffAlpha } from './agreement.js';

const task = textTask();
function withAnswers(answers: Answers, taskId = task.id): TextAnnotation {
  const a = textAnnotation();
  a.taskId = taskId;
  a.result.answers = answers;
  return a;
}

describe('metrics: agreement', () => {
  it('is the share of annotators giving the majority answer, per question', () => {
    const result = agreement(
      [
        withAnswers({ helpfulness: 4, sentiment: 'negative' }),
        withAnswers({ helpfulness: 4, sentiment: 'positive' }),
        withAnswers({ helpfulness: 2, sentiment: 'negative' }),
        withAnswers({ helpfulness: 4 }),
      ],
      task,
    );
    expect(result).to.deep.equal({ helpfulness: 3 / 4, sentiment: 2 / 3 });
  });

  it('compares choice sets regardless of order, and a single choice as a set of one', () => {
    const result = agreement(
      [
        withAnswers({ emotions: ['joy', 'surprise'], sentiment: 'negative' }),
        withAnswers({ emotions: ['surprise', 'joy'], sentiment: ['negative'] }),
        withAnswers({ emotions: ['joy'], sentiment: [] }),
      ],
      task,
    );
    expect(result).to.deep.equal({ emotions: 2 / 3, sentiment: 2 / 3 });
  });

  it('compares pairwise answers by choice only', () => {
    const result = agreement(
      [
        withAnswers({ preference: { choice: 'a', strength: 1, shownOrder: ['r1', 'r2'] } }),
        withAnswers({ preference: { choice: 'a', strength: 3, shownOrder: ['r2', 'r1'] } }),
        withAnswers({ preference: { choice: 'b', shownOrder: ['r1', 'r2'] } }),
      ],
      task,
    );
    expect(result).to.deep.equal({ preference: 2 / 3 });
  });

  it('compares rankings with tied groups as sets, relevance as maps, text after white-space folding', () => {
    const result = agreement(
      [
        withAnswers({ ranking: ['r1', ['r3', 'r2']], relevance: { 'res-1': 3, 'res-2': 0 }, why: 'Too long.' }),
        withAnswers({ ranking: ['r1', ['r2', 'r3']], relevance: { 'res-2': 0, 'res-1': 3 }, why: '  Too\n long. ' }),
        withAnswers({ ranking: ['r1', 'r2', 'r3'], relevance: { 'res-1': 2, 'res-2': 0 }, why: 'too long.' }),
        withAnswers({ ranking: [['r1'], ['r2', 'r3']], relevance: { 'res-1': 3, 'res-2': 0 }, why: 'Too long.' }),
      ],
      task,
    );
    expect(result).to.deep.equal({ ranking: 3 / 4, relevance: 3 / 4, why: 3 / 4 });
  });

  it('compares spans as sets of (start, end, label)', () => {
    const a = { start: 0, end: 3, label: 'PERSON', text: 'Ada' };
    const b = { start: 12, end: 15, label: 'PERSON', text: 'Zoë' };
    const result = agreement(
      [
        withAnswers({ entities: [a, b] }),
        withAnswers({ entities: [b, { ...a, startUtf16: 0, endUtf16: 3 }] }),
        withAnswers({ entities: [a, { ...b, label: 'PLACE' }] }),
      ],
      task,
    );
    expect(result).to.deep.equal({ entities: 2 / 3 });
  });

  it('ignores other tasks and leaves out questions fewer than two annotators answered', () => {
    const result = agreement(
      [withAnswers({ helpfulness: 4, why: 'x' }), withAnswers({ helpfulness: 4 }), withAnswers({ why: 'x' }, 'other')],
      task,
    );
    expect(result).to.deep.equal({ helpfulness: 1 });
    expect(agreement([], task)).to.deep.equal({});
  });

  it('works for the file-level questions of audio tasks', () => {
    const a = audioAnnotation();
    const b = audioAnnotation();
    b.result.answers = { quality: 2 };
    expect(agreement([a, b, audioAnnotation()], audioTask())).to.deep.equal({ quality: 2 / 3 });
  });

  it('is in [0, 1] and 1 when everybody answers alike (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 20 }), (ratings) => {
        const v = agreement(
          ratings.map((r) => withAnswers({ helpfulness: r })),
          task,
        )['helpfulness'];
        expect(v).to.be.within(1 / ratings.length, 1);
        expect(v === 1).to.equal(new Set(ratings).size === 1);
      }),
    );
  });
});

describe('metrics: krippendorffAlpha', () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 coders, 12 units,
  // missing values; published alphas: nominal 0.743, interval 0.849.
  const _ = null;
  const coders = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];
  const units = coders[0]!.map((_v, i) => coders.map((c) => c[i]));

  it('reproduces the published example', () => {
    expect(krippendorffAlpha(units, 'nominal')).to.be.closeTo(0.743, 0.0005);
    expect(krippendorffAlpha(units, 'interval')).to.be.closeTo(0.849, 0.0005);
    expect(krippendorffAlpha(units)).to.equal(krippendorffAlpha(units, 'interval'));
  });

  it('is 1 for perfect agreement, NaN when undefined, and accepts strings for nominal data', () => {
    expect(
      krippendorffAlpha([
        [1, 1],
        [2, 2, 2],
        [3, 3],
      ]),
    ).to.equal(1);
    expect(
      krippendorffAlpha(
        [
          ['a', 'a'],
          ['b', 'b', null],
        ],
        'nominal',
      ),
    ).to.equal(1);
    expect(
      krippendorffAlpha([
        [1, 1],
        [1, 1],
      ]),
    ).to.be.NaN;
    expect(krippendorffAlpha([[1], [2, null]])).to.be.NaN;
    expect(() => krippendorffAlpha([['a', 'b']], 'interval')).to.throw(TypeError);
  });

  it('is negative for systematic disagreement', () => {
    expect(
      krippendorffAlpha([
        [1, 5],
        [5, 1],
        [1, 5],
      ]),
    ).to.be.below(0);
  });
});
