import { expect } from 'chai';
import fc from 'fast-check';
import type { Answer, Question, TextAnnotation } from '../model/types.js';
import { textAnnotation, textTask } from '../validate/test-fixtures.js';
import { agreement } from './agreement.js';
import { answersAgree } from './answers.js';

const task = textTask();
const question = (id: string): Question => task.questions.find((q) => q.id === id)!;

/** What agreement() says about two annotators answering `id` with `a` and `b`: 1 when alike. */
function agreementOfTwo(id: string, a: unknown, b: unknown): number | undefined {
  const annotation = (value: unknown): TextAnnotation => {
    const x = textAnnotation();
    x.result.answers = { [id]: value as Answer };
    return x;
  };
  return agreement([annotation(a), annotation(b)], task)[id];
}

/** The feedback rule before answersAgree: JSON equality, pairwise answers by choice. */
function jsonEqualFeedback(a: unknown, b: unknown): boolean {
  if (a && b && typeof a === 'object' && typeof b === 'object' && 'choice' in a && 'choice' in b)
    return a.choice === b.choice;
  return JSON.stringify(a) === JSON.stringify(b);
}

describe('metrics: answersAgree', () => {
  it('compares ratings as numbers', () => {
    expect(answersAgree(question('helpfulness'), 4, 4)).to.equal(true);
    expect(answersAgree(question('helpfulness'), 4, 3)).to.equal(false);
  });

  it('compares choices as sets: order and repeats do not count, a single choice is a set of one', () => {
    const emotions = question('emotions');
    expect(answersAgree(emotions, ['joy', 'surprise'], ['surprise', 'joy', 'joy'])).to.equal(true);
    expect(answersAgree(emotions, ['joy', 'surprise'], ['joy'])).to.equal(false);
    const sentiment = question('sentiment');
    expect(answersAgree(sentiment, 'negative', ['negative'])).to.equal(true);
    expect(answersAgree(sentiment, [], [])).to.equal(true);
    expect(answersAgree(sentiment, 'negative', [])).to.equal(false);
  });

  it('compares pairwise answers by choice: strength and the display order do not count', () => {
    const preference = question('preference');
    const a = { choice: 'a', strength: 1, shownOrder: ['r1', 'r2'] };
    expect(answersAgree(preference, a, { choice: 'a', strength: 3, shownOrder: ['r2', 'r1'] })).to.equal(true);
    expect(answersAgree(preference, a, { choice: 'a', shownOrder: ['r1', 'r2'] })).to.equal(true);
    expect(answersAgree(preference, a, { choice: 'tie', shownOrder: ['r1', 'r2'] })).to.equal(false);
    expect(answersAgree(preference, a, { ...a, choice: 'b' })).to.equal(false);
  });

  it('compares rankings in order, tied groups as sets, a group of one as its item', () => {
    const ranking = question('ranking');
    expect(answersAgree(ranking, ['r1', ['r3', 'r2']], ['r1', ['r2', 'r3']])).to.equal(true);
    expect(answersAgree(ranking, [['r1'], 'r2', 'r3'], ['r1', 'r2', 'r3'])).to.equal(true);
    expect(answersAgree(ranking, ['r1', 'r2', 'r3'], ['r1', 'r3', 'r2'])).to.equal(false);
    expect(answersAgree(ranking, ['r1', ['r2', 'r3']], ['r1', 'r2', 'r3'])).to.equal(false);
    expect(answersAgree(ranking, [['r1', 'r2'], 'r3'], ['r3', ['r1', 'r2']])).to.equal(false);
  });

  it('compares relevance grades per result, whatever the key order', () => {
    const relevance = question('relevance');
    expect(answersAgree(relevance, { 'res-1': 3, 'res-2': 0 }, { 'res-2': 0, 'res-1': 3 })).to.equal(true);
    expect(answersAgree(relevance, { 'res-1': 3, 'res-2': 0 }, { 'res-1': 2, 'res-2': 0 })).to.equal(false);
    expect(answersAgree(relevance, { 'res-1': 3, 'res-2': 0 }, { 'res-1': 3 })).to.equal(false);
  });

  it('compares spans as sets of (start, end, label), not their text or UTF-16 offsets', () => {
    const entities = question('entities');
    const ada = { start: 0, end: 3, label: 'PERSON', text: 'Ada' };
    const zoe = { start: 12, end: 15, label: 'PERSON', text: 'Zoë' };
    expect(answersAgree(entities, [ada, zoe], [zoe, { ...ada, startUtf16: 0, endUtf16: 3 }])).to.equal(true);
    expect(answersAgree(entities, [ada, zoe], [ada, { ...zoe, label: 'PLACE' }])).to.equal(false);
    expect(answersAgree(entities, [ada, zoe], [ada, { ...zoe, end: 14 }])).to.equal(false);
    expect(answersAgree(entities, [ada], [ada, zoe])).to.equal(false);
    expect(answersAgree(entities, [], [])).to.equal(true);
  });

  it('compares text after NFC, trimming and folding white space; case and punctuation count', () => {
    const why = question('why');
    expect(answersAgree(why, 'Too long.', '  Too\n\tlong. ')).to.equal(true);
    expect(answersAgree(why, 'Zoe\u0308', 'Zoë')).to.equal(true);
    expect(answersAgree(why, 'Too long.', 'too long.')).to.equal(false);
    expect(answersAgree(why, 'Too long.', 'Too long')).to.equal(false);
  });

  it('agrees on unanswered only with unanswered, and never throws on malformed values', () => {
    const entities = question('entities');
    expect(answersAgree(entities, undefined, undefined)).to.equal(true);
    expect(answersAgree(entities, undefined, null)).to.equal(true);
    expect(answersAgree(entities, [], undefined)).to.equal(false);
    expect(answersAgree(question('why'), '', undefined)).to.equal(false);
    expect(answersAgree(entities, 3, 3)).to.equal(true);
    expect(answersAgree(entities, 3, [3])).to.equal(false);
  });

  it('is what agreement() counts: where the old JSON-equality feedback and agreement() disagreed', () => {
    // Each pair: agreement() called them the same answer, training feedback called it wrong.
    const cases: Array<[string, unknown, unknown]> = [
      ['relevance', { 'res-1': 3, 'res-2': 0 }, { 'res-2': 0, 'res-1': 3 }],
      ['ranking', ['r1', ['r3', 'r2']], ['r1', ['r2', 'r3']]],
      ['emotions', ['joy', 'surprise'], ['surprise', 'joy']],
      ['sentiment', 'negative', ['negative']],
      ['why', 'B invents a citation.', 'B invents a citation. '],
      [
        'entities',
        [{ start: 0, end: 3, label: 'PERSON', text: 'Ada' }],
        [{ start: 0, end: 3, label: 'PERSON', text: 'Ada', startUtf16: 0, endUtf16: 3 }],
      ],
    ];
    for (const [id, a, b] of cases) {
      expect(jsonEqualFeedback(a, b), id).to.equal(false);
      expect(agreementOfTwo(id, a, b), id).to.equal(1);
      expect(answersAgree(question(id), a, b), id).to.equal(true);
    }
  });

  it('agrees with agreement() on any two answers, and is symmetric (property)', () => {
    const id = fc.constantFrom('r1', 'r2', 'r3');
    const answers: Record<string, fc.Arbitrary<unknown>> = {
      helpfulness: fc.integer({ min: 1, max: 3 }),
      sentiment: fc.oneof(
        fc.constantFrom('positive', 'negative'),
        fc.array(fc.constantFrom('positive', 'negative'), { maxLength: 2 }),
      ),
      emotions: fc.array(fc.constantFrom('joy', 'surprise', 'anger'), { maxLength: 3 }),
      preference: fc.record({
        choice: fc.constantFrom('a', 'b', 'tie'),
        strength: fc.integer({ min: 1, max: 3 }),
        shownOrder: fc.constantFrom(['r1', 'r2'], ['r2', 'r1']),
      }),
      ranking: fc.array(fc.oneof(id, fc.array(id, { minLength: 1, maxLength: 2 })), { maxLength: 3 }),
      relevance: fc.dictionary(fc.constantFrom('res-1', 'res-2'), fc.integer({ min: 0, max: 1 })),
      why: fc.constantFrom('ok', ' ok', 'ok ', 'o k', 'OK'),
      entities: fc.array(
        fc.record({
          start: fc.integer({ min: 0, max: 1 }),
          end: fc.constant(2),
          label: fc.constantFrom('PERSON', 'PLACE'),
          text: fc.constantFrom('x', 'y'),
        }),
        { maxLength: 3 },
      ),
    };
    for (const [qid, arbitrary] of Object.entries(answers)) {
      fc.assert(
        fc.property(arbitrary, arbitrary, (a, b) => {
          const same = answersAgree(question(qid), a, b);
          expect(same).to.equal(answersAgree(question(qid), b, a));
          expect(agreementOfTwo(qid, a, b) === 1, qid).to.equal(same);
        }),
      );
    }
  });
});
