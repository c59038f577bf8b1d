import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, setViewport } from '@web/test-runner-commands';
import {
  parseTask,
  validateAnnotation,
  type PairwiseAnswer,
  type TagwerkChangeEvent,
  type TextAnnotation,
  type TextTask,
} from '@tagwerk/core';
import { publishedSchemaErrors } from '../../core/test/published-schema.js';
import { mountReady, text } from '../../ui/test/widget-fixture.js';
import {
  conversationTask,
  nerTask,
  nerText,
  pairwiseTask,
  rankingTask,
  relevanceTask,
  rtlTask,
  rubricTask,
  sentimentTask,
} from '../test/fixtures.js';
import { TextRaterHarness } from '../test/harness.js';
import './index.js';

let seq = 0;
/** A copy with a fresh id: drafts are journaled per task id and must not leak between tests. */
function fresh(task: TextTask): TextTask {
  seq += 1;
  return { ...structuredClone(task), id: `${task.id}-${Date.now()}-${seq}` };
}

async function mount(task: TextTask, attrs = ''): Promise<TextRaterHarness> {
  const el = document.createElement('tagwerk-text-rater');
  for (const attr of attrs.split(' ').filter(Boolean)) {
    const [name, value = ''] = attr.split('=');
    el.setAttribute(name!, value);
  }
  el.task = task;
  return new TextRaterHarness(await mountReady(el, 1100));
}

/** Submit with the keyboard shortcut and return the envelope, checked against the published schema. */
async function submitByKeyboard(rater: TextRaterHarness): Promise<TextAnnotation> {
  const outcome = await rater.submit('keyboard');
  if (!outcome.submitted) throw new Error(`refused: ${JSON.stringify(outcome.errors)}`);
  const annotation = outcome.annotation;
  expect(await publishedSchemaErrors(annotation)).to.deep.equal([]);
  expect(validateAnnotation(annotation, rater.element.task as TextTask).errors).to.deep.equal([]);
  expect(annotation.kind).to.equal('text');
  expect(rater.status()).to.equal('Ready to submit');
  return annotation;
}

describe('<tagwerk-text-rater>', () => {
  before(() => setViewport({ width: 1280, height: 900 }));
  afterEach(() => resetMouse());

  it('every fixture passes parseTask', () => {
    for (const task of [
      rubricTask,
      pairwiseTask,
      rankingTask,
      relevanceTask,
      sentimentTask,
      nerTask,
      rtlTask,
      conversationTask(4),
    ]) {
      const parsed = parseTask(task);
      expect(parsed.ok ? [] : parsed.errors, task.id).to.deep.equal([]);
    }
  });

  it('rubric: accessible; digits rate the focused criterion; stars; submit by shortcut', async () => {
    const rater = await mount(fresh(rubricTask));
    await expect(rater.element).to.be.accessible();
    expect(rater.status()).to.equal('3 items open');
    await rater.rate('helpfulness', 4);
    expect(rater.status()).to.equal('2 items open');
    await rater.press('Tab'); // next question: correctness
    expect(rater.question('correctness').contains(rater.focused)).to.equal(true);
    await rater.rate('correctness', 5, 'keyboard', { focus: false });
    await rater.press('KeyJ'); // next question shortcut: harmlessness (stars)
    expect(rater.question('harmless').contains(rater.focused)).to.equal(true);
    await rater.rate('harmless', 3, 'keyboard', { focus: false });
    expect(rater.answers['harmless']).to.equal(3);
    expect(rater.question('harmless').querySelectorAll('.scale-option.on').length).to.equal(3);
    const annotation = await submitByKeyboard(rater);
    expect(annotation.result.answers).to.deep.equal({ helpfulness: 4, correctness: 5, harmless: 3 });
  });

  it('rubric: a low correctness makes the rationale required; submit explains and focuses it', async () => {
    const rater = await mount(fresh(rubricTask));
    await rater.rate('helpfulness', 3);
    await rater.rate('correctness', 2);
    await rater.rate('harmless', 5);
    const refused = await rater.submit('keyboard');
    expect(refused.submitted).to.equal(false);
    expect(refused.submitted ? [] : refused.errors.map((e) => e.path)).to.deep.equal(['/result/answers/why']);
    expect(rater.errorsShown()).to.have.length(1);
    expect(rater.errorsShown()[0]).to.contain('What is wrong with it?').and.not.contain('/result/'); // no JSON Pointer for workers
    expect(rater.focused?.localName).to.equal('textarea');
    expect(rater.question('why').contains(rater.focused)).to.equal(true);
    await sendKeys({ type: 'Invents a metal' });
    await rater.element.updateComplete;
    expect(text(rater.question('why').querySelector('.counter')!)).to.contain('15 / 500');
    const annotation = await submitByKeyboard(rater);
    expect(annotation.result.answers['why']).to.equal('Invents a metal');
    expect(rater.errorsShown()).to.deep.equal([]);
  });

  it('rubric: the mouse works too (click an anchor-labelled value), and so does the submit button', async () => {
    const rater = await mount(fresh(rubricTask));
    await rater.rate('helpfulness', 5, 'mouse');
    expect(rater.answers['helpfulness']).to.equal(5);
    expect(text(rater.question('helpfulness').querySelector('.scale-option:last-child')!)).to.contain('excellent');
    const refused = await rater.submit('button');
    expect(refused.submitted ? [] : refused.errors.map((e) => e.path)).to.deep.equal([
      '/result/answers/correctness',
      '/result/answers/harmless',
    ]);
    await rater.rate('correctness', 4, 'mouse');
    await rater.rate('harmless', 4, 'mouse');
    const outcome = await rater.submit('button');
    expect(outcome.submitted && outcome.annotation.result.answers).to.deep.equal({
      helpfulness: 5,
      correctness: 4,
      harmless: 4,
    });
  });

  it('pairwise: A/B keys follow the display order, strength by digit, shownOrder recorded', async () => {
    const rater = await mount(fresh(pairwiseTask));
    await expect(rater.element).to.be.accessible();
    const shown = rater.responsesShown();
    await rater.prefer('preference', 'first', 3); // A, the response shown first; then 3: much better
    const answer = rater.preference('preference')!;
    expect(answer.shownOrder).to.deep.equal(shown);
    expect(answer.choice).to.equal(shown[0] === 'left' ? 'a' : 'b'); // a is pair[0] whatever the display
    expect(answer.strength).to.equal(3);
    const annotation = await submitByKeyboard(rater);
    expect((annotation.result.answers['preference'] as PairwiseAnswer).strength).to.equal(3);
  });

  it('pairwise: the mouse picks a side and a strength', async () => {
    const rater = await mount(fresh(pairwiseTask));
    await rater.prefer('preference', 'second', 1, 'mouse'); // "B is better": the response shown second
    const answer = rater.preference('preference')!;
    expect(answer.choice).to.equal(answer.shownOrder[1] === 'left' ? 'a' : 'b');
    expect(answer.choice).to.equal(rater.choiceShown('preference', 'second'));
    expect(answer.strength).to.equal(1);
  });

  it('pairwise: the display order is randomised per task, but stable for one task', async () => {
    const orders = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const rater = await mount({ ...structuredClone(pairwiseTask), id: `order-${i}` });
      orders.add(rater.responsesShown().join());
      const again = await mount({ ...structuredClone(pairwiseTask), id: `order-${i}` });
      expect(orders.has(again.responsesShown().join())).to.equal(true);
    }
    expect(orders.size).to.equal(2);
  });

  it('pairwise: a tie drops the strength and makes the reason required', async () => {
    const rater = await mount(fresh(pairwiseTask));
    await rater.prefer('preference', 'first', 2);
    await rater.prefer('preference', 'tie');
    expect(rater.preference('preference')).to.not.have.property('strength');
    expect(rater.preference('preference')!.choice).to.equal('tie');
    expect(rater.element.validate().errors.map((e) => e.path)).to.deep.equal(['/result/answers/reason']);
    expect(rater.question('reason').querySelector('.q-required')).to.exist;
    expect(rater.question('preference').querySelector('.strength')).to.equal(null);
  });

  it('relevance: a grade per result with digits in each row', async () => {
    const rater = await mount(fresh(relevanceTask));
    await expect(rater.element).to.be.accessible();
    expect(rater.queryAll('li.result').length).to.equal(3);
    await rater.answer('grades', { 'res-1': 3, 'res-2': 0 });
    await rater.grade('grades', 'res-3', 1, 'mouse');
    const link = rater.query<HTMLAnchorElement>('li.result a');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    await rater.grade('grades', 'res-3', 1); // back to the keyboard: the focus is in the row
    const annotation = await submitByKeyboard(rater);
    expect(annotation.result.answers['grades']).to.deep.equal({ 'res-1': 3, 'res-2': 0, 'res-3': 1 });
  });

  it('choice: single by digit, multiple by digits and Space, with mouse as well', async () => {
    const rater = await mount(fresh(sentimentTask));
    await expect(rater.element).to.be.accessible();
    await rater.clickRecord();
    await rater.press('Digit4'); // no question focused: goes to the first unanswered one
    expect(rater.answers['sentiment']).to.equal('mixed');
    await rater.choose('emotions', ['anger', 'gratitude', 'anger']); // toggles anger off again
    expect(rater.answers['emotions']).to.deep.equal(['gratitude']);
    await rater.choose('emotions', 'joy', 'mouse');
    const annotation = await submitByKeyboard(rater);
    expect(annotation.result.answers).to.deep.equal({ sentiment: 'mixed', emotions: ['joy', 'gratitude'] });
  });

  it('choice: "None of these" by 0 is an explicit, valid answer that clears the others', async () => {
    const rater = await mount(fresh(sentimentTask));
    await rater.choose('emotions', ['joy', '']);
    expect(rater.answers['emotions']).to.deep.equal([]);
    expect(rater.question('emotions').querySelector('.choice.none input')!.matches(':checked')).to.equal(true);
    await rater.choose('emotions', 'joy'); // picking an emotion again replaces "none"
    expect(rater.answers['emotions']).to.deep.equal(['joy']);
    await rater.choose('emotions', []);
    await rater.answer('sentiment', 'neutral');
    const annotation = await submitByKeyboard(rater);
    expect(annotation.result.answers).to.deep.equal({ sentiment: 'neutral', emotions: [] });
  });

  it('emits tagwerk-change for each edit, never for a programmatic value', async () => {
    const rater = await mount(fresh(sentimentTask));
    const events: TagwerkChangeEvent[] = [];
    rater.element.addEventListener('tagwerk-change', (e) => events.push(e));
    await rater.clickRecord();
    const change = rater.waitForChange();
    await rater.press('Digit3');
    expect((await change).valid).to.equal(true);
    expect(events.length).to.equal(1);
    expect(events[0]!.detail.annotation.result).to.deep.equal({ answers: { sentiment: 'positive' } });
    rater.element.value = { ...rater.value!, result: { answers: { sentiment: 'neutral' } } };
    await rater.element.updateComplete;
    expect(events.length).to.equal(1);
    expect(text(rater.question('sentiment').querySelector('input:checked')!.closest('label')!)).to.contain('Neutral');
  });

  it('hotkeys do not fire while typing in the rationale', async () => {
    const rater = await mount(fresh(rubricTask));
    await rater.typeAnswer('why', 'A 4 star answer');
    expect(rater.answers).to.deep.equal({ why: 'A 4 star answer' });
  });

  it('lays several responses side by side when wide, stacked when narrow', async () => {
    const rater = await mount(fresh(pairwiseTask));
    const cards = () => rater.queryAll('article[data-response]').map((a) => a.getBoundingClientRect());
    const [a, b] = cards();
    expect(Math.abs(a!.top - b!.top)).to.be.lessThan(2);
    rater.element.parentElement!.style.width = '420px';
    await waitUntil(() => {
      const [first, second] = cards();
      return second!.top > first!.bottom - 1;
    }, 'the responses stack');
  });

  it('renders response markdown: headings, lists, tables, code, safe links', async () => {
    const rater = await mount(fresh(rubricTask));
    const body = rater.query('article[data-response] .response-body');
    expect(body.querySelector('ol li strong')?.textContent).to.equal('Light reactions');
    expect(body.querySelector('table')).to.exist;
    expect(body.querySelector('pre code')?.textContent).to.contain('6 CO2');
    const link = body.querySelector('a')!;
    expect([link.target, link.rel.includes('noopener')]).to.deep.equal(['_blank', true]);
  });

  it('RTL: Arabic content and German chrome lay out right to left', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar" dir="rtl" style="width: 900px"></div>`);
    const el = document.createElement('tagwerk-text-rater');
    el.autosave = 'off';
    el.task = fresh(rtlTask);
    const ready = oneEvent(el, 'tagwerk-ready');
    wrapper.append(el);
    await ready;
    await el.updateComplete;
    const rater = new TextRaterHarness(el);
    await expect(el).to.be.accessible();
    expect(getComputedStyle(rater.query('[part="base"]')).direction).to.equal('rtl');
    const options = rater.question('quality').querySelectorAll<HTMLElement>('.scale-option');
    // Value 1 sits at the right-hand (inline-start) end in RTL.
    expect(options[0]!.getBoundingClientRect().left).to.be.greaterThan(options[4]!.getBoundingClientRect().left);
    await rater.rate('quality', 1, 'mouse');
    expect(rater.answers['quality']).to.equal(1);
  });

  it('a 200-turn conversation renders and answers', async () => {
    const rater = await mount(fresh(conversationTask(200)));
    expect(rater.queryAll('.turn').length).to.equal(200);
    await rater.clickRecord();
    await rater.press('Digit6');
    expect(rater.answers['quality']).to.equal(6);
  });

  it('a 1 MB response mounts as plain text and can be formatted on request', async () => {
    const big = `# Big\n\n${'lorem ipsum dolor sit amet, '.repeat(40_000)}`;
    const task = fresh({
      ...rubricTask,
      record: { prompt: 'p', responses: [{ id: 'r1', text: big, format: 'markdown' }] },
    });
    const rater = await mount(task);
    expect(rater.query('.response-body').querySelector('h1')).to.equal(null);
    await rater.formatResponse();
    expect(rater.query('.response-body').querySelector('h1')?.textContent).to.equal('Big');
  });

  it('rejects a task with unknown responses, duplicate ids, an empty scale or an unknown type, in the widget', async () => {
    const base = {
      kind: 'text',
      record: {
        responses: [
          { id: 'r1', text: 'x' },
          { id: 'r2', text: 'y' },
        ],
      },
    };
    const cases: Array<[unknown, string]> = [
      [
        { ...base, id: 'bad-1', questions: [{ id: 'q', type: 'pairwise', label: 'x', pair: ['r1', 'ghost'] }] },
        '/questions/0/pair/1',
      ],
      [
        {
          ...base,
          id: 'bad-2',
          record: {
            responses: [
              { id: 'r1', text: 'x' },
              { id: 'r1', text: 'y' },
            ],
          },
          questions: [{ id: 'q', type: 'text', label: 'x' }],
        },
        '/record/responses/1/id',
      ],
      [
        { ...base, id: 'bad-3', questions: [{ id: 's', type: 'rating', label: 'x', scale: { min: 3, max: 3 } }] },
        '/questions/0/scale',
      ],
      [{ ...base, id: 'bad-4', questions: [{ id: 'u', type: 'vibes', label: 'x' }] }, '/questions/0/type'],
    ];
    for (const [task, path] of cases) {
      const el = document.createElement('tagwerk-text-rater');
      const error = oneEvent(el, 'tagwerk-error');
      el.task = task;
      await fixture(html`<div>${el}</div>`);
      const { detail } = await error;
      expect(detail.code).to.equal('task-invalid');
      expect(detail.message).to.contain(path);
      await el.updateComplete;
      expect(new TextRaterHarness(el).query('[part="error"]').textContent).to.contain(path);
    }
  });

  it('training mode shows where the worker agreed', async () => {
    const task = fresh(sentimentTask);
    const el = document.createElement('tagwerk-text-rater');
    el.mode = 'training';
    el.task = task;
    el.reference = {
      schemaVersion: 1,
      kind: 'text',
      taskId: task.id,
      result: { answers: { sentiment: 'mixed', emotions: ['gratitude', 'joy'] } },
      meta: {
        startedAt: '2026-01-01T00:00:00Z',
        submittedAt: null,
        activeMs: 0,
        idleMs: 0,
        edits: 0,
        undos: 0,
        locale: 'en',
        widget: 'x',
      },
    };
    const rater = new TextRaterHarness(await mountReady(el));
    await rater.clickRecord();
    await rater.press('Digit4');
    await rater.choose('emotions', 'joy');
    const outcome = await rater.submit('button');
    expect(outcome.submitted).to.equal(true);
    expect(text(rater.query('.feedback'))).to.contain('1 of 2');
  });

  it('ranking: keyboard grab/move/drop and a tie, as the contract shapes it', async () => {
    const rater = await mount(fresh(rankingTask));
    await expect(rater.element).to.be.accessible();
    await rater.rank('order', 0, 2); // Answer 1 to the bottom
    expect(rater.answers['order']).to.deep.equal(['a2', 'a3', 'a1']);
    expect(rater.rankingShown('order')).to.deep.equal(['Answer 2', 'Answer 3', 'Answer 1']);
    await rater.tieWithPrevious('order', 1); // Answer 3 ties with Answer 2
    expect(rater.answers['order']).to.deep.equal([['a2', 'a3'], 'a1']);
    const annotation = await submitByKeyboard(rater);
    expect(annotation.result.answers['order']).to.deep.equal([['a2', 'a3'], 'a1']);
  });

  it('ranking: a real mouse drag reorders', async () => {
    const rater = await mount(fresh(rankingTask));
    await rater.rank('order', 0, 2, 'mouse');
    expect(rater.answers['order']).to.deep.equal(['a2', 'a3', 'a1']);
  });

  it('spans: keyboard selection and a label hotkey create an exact code-point span', async () => {
    const rater = await mount(fresh(nerTask));
    await expect(rater.element).to.be.accessible();
    await rater.selectSpan('entities', { tokens: 1, label: 'Person' }); // the first word token, "Ada"; P
    const spans = rater.answers['entities'] as Array<{ start: number; end: number; label: string; text: string }>;
    expect(spans).to.have.length(1);
    expect(spans[0]).to.include({ start: 0, end: 3, label: 'PERSON', text: 'Ada' });
    expect([...nerText].slice(spans[0]!.start, spans[0]!.end).join('')).to.equal(spans[0]!.text);
    // A place (the sixth token: the emoji counts as one), its label from the palette by mouse.
    await rater.selectSpan('entities', { skip: 5, tokens: 1, label: 'Place' }, 'mouse');
    expect((rater.answers['entities'] as typeof spans)[1]).to.include({
      start: 20,
      end: 26,
      label: 'PLACE',
      text: 'Zürich',
    });
    await submitByKeyboard(rater);
  });
});
