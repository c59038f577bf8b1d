import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { press } from '../../ui/test/keys.js';
import {
  parseTask,
  validateAnnotation,
  type PairwiseAnswer,
  type TagwerkChangeEvent,
  type TagwerkInvalidEvent,
  type TextAnnotation,
  type TextTask,
} from '@tagwerk/core';
import { publishedSchemaErrors } from '../../core/test/published-schema.js';
import { mountReady, shadowQuery } from '../../ui/test/widget-fixture.js';
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
import type { TagwerkTextRater } from './index.js';
import './index.js';

let seq = 0;
/** A copy with a fresh id: drafts are journaled per task id and must not leak between tests. */
function fresh(task: TextTask): TextTask {
  seq += 1;
  return { ...structuredClone(task), id: `${task.id}-${Date.now()}-${seq}` };
}

async function mount(task: TextTask, attrs = ''): Promise<TagwerkTextRater> {
  const el = document.createElement('tagwerk-text-rater');
  for (const attr of attrs.split(' ').filter(Boolean)) {
    const [name, value = ''] = attr.split('=');
    el.setAttribute(name!, value);
  }
  el.task = task;
  return mountReady(el, 1100);
}

const $ = <T extends Element = HTMLElement>(el: TagwerkTextRater, selector: string): T => shadowQuery<T>(el, selector);

/** Click on the record's plain text, as a worker reading it would (no control gets focus). */
async function clickRecord(el: TagwerkTextRater): Promise<void> {
  $(el, '[part="record"]').scrollIntoView({ block: 'start', inline: 'start' });
  const box = $(el, '[part="record"]').getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + 8), Math.round(box.y + 4)] });
}

/** Focus the first control of a question, as Tab would. */
function focusQuestion(el: TagwerkTextRater, id: string): void {
  const question = $(el, `[data-question="${id}"]`);
  (question.querySelector<HTMLElement>('input, textarea') ?? question).focus();
}

/** Submit with the keyboard shortcut and return the envelope, checked against the published schema. */
async function submitByKeyboard(el: TagwerkTextRater): Promise<TextAnnotation> {
  const submitted = oneEvent(el, 'tagwerk-submit');
  await press('Control+Enter');
  const { detail } = await submitted;
  const annotation = detail.annotation as TextAnnotation;
  expect(await publishedSchemaErrors(annotation)).to.deep.equal([]);
  expect(validateAnnotation(annotation, el.task as TextTask).errors).to.deep.equal([]);
  expect(annotation.kind).to.equal('text');
  return annotation;
}

describe('<tagwerk-text-rater>', () => {
  before(() => setViewport({ width: 1280, height: 900 }));
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
    const el = await mount(fresh(rubricTask));
    await expect(el).to.be.accessible();
    focusQuestion(el, 'helpfulness');
    await sendKeys({ press: '4' });
    await el.updateComplete;
    await press('Tab'); // next question: correctness
    await sendKeys({ press: '5' });
    await sendKeys({ press: 'KeyJ' }); // next question shortcut: harmlessness (stars)
    await sendKeys({ press: '3' });
    await el.updateComplete;
    expect(el.value!.result.answers['harmless']).to.equal(3);
    expect($(el, '[data-question="harmless"]').querySelectorAll('.scale-option.on').length).to.equal(3);
    const annotation = await submitByKeyboard(el);
    expect(annotation.result.answers).to.deep.equal({ helpfulness: 4, correctness: 5, harmless: 3 });
  });

  it('rubric: a low correctness makes the rationale required; submit explains and focuses it', async () => {
    const el = await mount(fresh(rubricTask));
    focusQuestion(el, 'helpfulness');
    await sendKeys({ press: '3' });
    focusQuestion(el, 'correctness');
    await sendKeys({ press: '2' });
    focusQuestion(el, 'harmless');
    await sendKeys({ press: '5' });
    const invalid = oneEvent<TagwerkInvalidEvent>(el, 'tagwerk-invalid');
    await press('Control+Enter');
    const { detail } = await invalid;
    expect(detail.errors.map((e) => e.path)).to.deep.equal(['/result/answers/why']);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.localName).to.equal('textarea');
    await sendKeys({ type: 'Invents a metal' });
    await el.updateComplete;
    expect($(el, '[data-question="why"] .counter').textContent).to.contain('15 / 500');
    const annotation = await submitByKeyboard(el);
    expect(annotation.result.answers['why']).to.equal('Invents a metal');
  });

  it('rubric: the mouse works too (click an anchor-labelled value)', async () => {
    const el = await mount(fresh(rubricTask));
    const option = $(el, '[data-question="helpfulness"] .scale-option:last-child');
    const box = option.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await el.updateComplete;
    expect(el.value!.result.answers['helpfulness']).to.equal(5);
    expect(option.textContent).to.contain('excellent');
  });

  it('pairwise: A/B keys follow the display order, strength by digit, shownOrder recorded', async () => {
    const task = fresh(pairwiseTask);
    const el = await mount(task);
    await expect(el).to.be.accessible();
    const shown = [...el.shadowRoot!.querySelectorAll<HTMLElement>('article[data-response]')].map(
      (a) => a.dataset['response'],
    );
    focusQuestion(el, 'preference');
    await sendKeys({ press: 'KeyA' }); // the response shown first, labelled A
    await el.updateComplete;
    await sendKeys({ press: '3' }); // much better
    await el.updateComplete;
    const answer = el.value!.result.answers['preference'] as PairwiseAnswer;
    expect(answer.shownOrder).to.deep.equal(shown);
    expect(answer.choice).to.equal(shown[0] === 'left' ? 'a' : 'b'); // a is pair[0] whatever the display
    expect(answer.strength).to.equal(3);
    const annotation = await submitByKeyboard(el);
    expect((annotation.result.answers['preference'] as PairwiseAnswer).strength).to.equal(3);
  });

  it('pairwise: the mouse picks a side and a strength', async () => {
    const el = await mount(fresh(pairwiseTask));
    const click = async (element: Element) => {
      element.scrollIntoView({ block: 'center' });
      const box = element.getBoundingClientRect();
      await sendMouse({
        type: 'click',
        position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
      });
      await el.updateComplete;
    };
    const options = [...$(el, '[data-question="preference"] .pairwise').querySelectorAll('label')];
    await click(options[1]!); // "B is better": the response shown second
    await click($(el, '[data-question="preference"] .strength label:nth-child(1)'));
    const answer = el.value!.result.answers['preference'] as PairwiseAnswer;
    expect(answer.choice).to.equal(answer.shownOrder[1] === 'left' ? 'a' : 'b');
    expect(answer.strength).to.equal(1);
  });

  it('pairwise: the display order is randomised per task, but stable for one task', async () => {
    const orders = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const el = await mount({ ...structuredClone(pairwiseTask), id: `order-${i}` });
      orders.add(
        [...el.shadowRoot!.querySelectorAll<HTMLElement>('article[data-response]')]
          .map((a) => a.dataset['response'])
          .join(),
      );
      const again = await mount({ ...structuredClone(pairwiseTask), id: `order-${i}` });
      const repeat = [...again.shadowRoot!.querySelectorAll<HTMLElement>('article[data-response]')]
        .map((a) => a.dataset['response'])
        .join();
      expect(orders.has(repeat)).to.equal(true);
    }
    expect(orders.size).to.equal(2);
  });

  it('pairwise: a tie drops the strength and makes the reason required', async () => {
    const el = await mount(fresh(pairwiseTask));
    focusQuestion(el, 'preference');
    await sendKeys({ press: 'KeyT' });
    await el.updateComplete;
    expect((el.value!.result.answers['preference'] as PairwiseAnswer).choice).to.equal('tie');
    expect(el.validate().errors.map((e) => e.path)).to.deep.equal(['/result/answers/reason']);
    expect($(el, '[data-question="reason"] .q-required')).to.exist;
  });

  it('relevance: a grade per result with digits in each row', async () => {
    const el = await mount(fresh(relevanceTask));
    await expect(el).to.be.accessible();
    const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('li.result')];
    expect(rows.length).to.equal(3);
    rows[0]!.querySelector('input')!.focus();
    await sendKeys({ press: '3' });
    rows[1]!.querySelector('input')!.focus();
    await sendKeys({ press: '0' });
    rows[2]!.querySelector('input')!.focus();
    await sendKeys({ press: '1' });
    const link = rows[0]!.querySelector('a')!;
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    const annotation = await submitByKeyboard(el);
    expect(annotation.result.answers['grades']).to.deep.equal({ 'res-1': 3, 'res-2': 0, 'res-3': 1 });
  });

  it('choice: single by digit, multiple by digits and Space, with mouse as well', async () => {
    const el = await mount(fresh(sentimentTask));
    await expect(el).to.be.accessible();
    await clickRecord(el);
    await sendKeys({ press: '4' }); // no question focused: goes to the first unanswered one
    await el.updateComplete;
    expect(el.value!.result.answers['sentiment']).to.equal('mixed');
    focusQuestion(el, 'emotions');
    await sendKeys({ press: '1' });
    await sendKeys({ press: '4' });
    await sendKeys({ press: '1' }); // toggles anger off again
    await el.updateComplete;
    const checkbox = [...$(el, '[data-question="emotions"]').querySelectorAll<HTMLInputElement>('input')][1]!;
    const box = checkbox.closest('label')!.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await el.updateComplete;
    const annotation = await submitByKeyboard(el);
    expect(annotation.result.answers).to.deep.equal({ sentiment: 'mixed', emotions: ['joy', 'gratitude'] });
  });

  it('choice: "None of these" by 0 is an explicit, valid answer that clears the others', async () => {
    const el = await mount(fresh(sentimentTask));
    focusQuestion(el, 'emotions');
    await sendKeys({ press: '2' });
    await sendKeys({ press: '0' });
    await el.updateComplete;
    expect(el.value!.result.answers['emotions']).to.deep.equal([]);
    expect($(el, '[data-question="emotions"] .choice.none input').matches(':checked')).to.equal(true);
    await sendKeys({ press: '2' }); // picking an emotion again replaces "none"
    expect(el.value!.result.answers['emotions']).to.deep.equal(['joy']);
    await sendKeys({ press: '0' });
    focusQuestion(el, 'sentiment');
    await sendKeys({ press: '2' });
    const annotation = await submitByKeyboard(el);
    expect(annotation.result.answers).to.deep.equal({ sentiment: 'neutral', emotions: [] });
  });

  it('emits tagwerk-change for each edit, never for a programmatic value', async () => {
    const el = await mount(fresh(sentimentTask));
    const events: TagwerkChangeEvent[] = [];
    el.addEventListener('tagwerk-change', (e) => events.push(e));
    await clickRecord(el);
    await sendKeys({ press: '3' });
    expect(events.length).to.equal(1);
    expect(events[0]!.detail.valid).to.equal(true);
    el.value = { ...el.value!, result: { answers: { sentiment: 'neutral' } } };
    await el.updateComplete;
    expect(events.length).to.equal(1);
    expect(
      $<HTMLInputElement>(el, '[data-question="sentiment"] input:checked').closest('label')!.textContent,
    ).to.contain('Neutral');
  });

  it('hotkeys do not fire while typing in the rationale', async () => {
    const el = await mount(fresh(rubricTask));
    focusQuestion(el, 'why');
    await sendKeys({ type: 'A 4 star answer' });
    await el.updateComplete;
    expect(el.value!.result.answers).to.deep.equal({ why: 'A 4 star answer' });
  });

  it('lays several responses side by side when wide, stacked when narrow', async () => {
    const el = await mount(fresh(pairwiseTask));
    const cards = () =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('article[data-response]')].map((a) => a.getBoundingClientRect());
    let [a, b] = cards();
    expect(Math.abs(a!.top - b!.top)).to.be.lessThan(2);
    el.parentElement!.style.width = '420px';
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    [a, b] = cards();
    expect(b!.top).to.be.greaterThan(a!.bottom - 1);
  });

  it('renders response markdown: headings, lists, tables, code, safe links', async () => {
    const el = await mount(fresh(rubricTask));
    const body = $(el, 'article[data-response] .response-body');
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
    await expect(el).to.be.accessible();
    const base = $(el, '[part="base"]');
    expect(getComputedStyle(base).direction).to.equal('rtl');
    const options = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-question="quality"] .scale-option')];
    // Value 1 sits at the right-hand (inline-start) end in RTL.
    expect(options[0]!.getBoundingClientRect().left).to.be.greaterThan(options[4]!.getBoundingClientRect().left);
  });

  it('a 200-turn conversation renders and answers', async () => {
    const el = await mount(fresh(conversationTask(200)));
    expect(el.shadowRoot!.querySelectorAll('.turn').length).to.equal(200);
    await clickRecord(el);
    await sendKeys({ press: '6' });
    expect(el.value!.result.answers['quality']).to.equal(6);
  });

  it('a 1 MB response mounts as plain text and can be formatted on request', async () => {
    const big = `# Big\n\n${'lorem ipsum dolor sit amet, '.repeat(40_000)}`;
    const task = fresh({
      ...rubricTask,
      record: { prompt: 'p', responses: [{ id: 'r1', text: big, format: 'markdown' }] },
    });
    const el = await mount(task);
    expect($(el, '.response-body').querySelector('h1')).to.equal(null);
    $<HTMLButtonElement>(el, 'article[data-response] button.link').click();
    await el.updateComplete;
    expect($(el, '.response-body').querySelector('h1')?.textContent).to.equal('Big');
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
      expect($(el, '[part="error"]').textContent).to.contain(path);
    }
  });

  it('training mode shows where the worker agreed', async () => {
    const task = fresh(sentimentTask);
    const el = document.createElement('tagwerk-text-rater');
    el.mode = 'training';
    el.autosave = 'off';
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
    const ready = oneEvent(el, 'tagwerk-ready');
    await fixture(html`<div>${el}</div>`);
    await ready;
    await clickRecord(el);
    await sendKeys({ press: '4' });
    focusQuestion(el, 'emotions');
    await sendKeys({ press: '2' });
    await el.submit();
    await el.updateComplete;
    expect($(el, '.feedback').textContent).to.contain('1 of 2');
  });

  it('ranking: keyboard grab/move/drop and a tie, as the contract shapes it', async () => {
    const el = await mount(fresh(rankingTask));
    await expect(el).to.be.accessible();
    const field = $(el, 'tagwerk-ranking-field');
    field.focus(); // the first row: Answer 1
    await sendKeys({ press: 'Space' }); // grab
    await sendKeys({ press: 'End' }); // to the bottom
    await sendKeys({ press: 'Space' }); // drop
    await el.updateComplete;
    expect(el.value!.result.answers['order']).to.deep.equal(['a2', 'a3', 'a1']);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' }); // Answer 3
    await sendKeys({ press: 'KeyT' }); // tie with Answer 2
    await el.updateComplete;
    expect(el.value!.result.answers['order']).to.deep.equal([['a2', 'a3'], 'a1']);
    const annotation = await submitByKeyboard(el);
    expect(annotation.result.answers['order']).to.deep.equal([['a2', 'a3'], 'a1']);
  });

  it('ranking: a real mouse drag reorders', async () => {
    const el = await mount(fresh(rankingTask));
    const rows = () => [...$(el, 'tagwerk-ranking-field').shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
    const [first, , third] = rows().map((r) => r.getBoundingClientRect());
    const x = Math.round(first!.x + 12);
    await sendMouse({ type: 'move', position: [x, Math.round(first!.y + first!.height / 2)] });
    await sendMouse({ type: 'down' });
    for (let step = 1; step <= 6; step++) {
      const y = first!.y + first!.height / 2 + ((third!.bottom - 2 - (first!.y + first!.height / 2)) * step) / 6;
      await sendMouse({ type: 'move', position: [x, Math.round(y)] });
    }
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(el.value!.result.answers['order']).to.deep.equal(['a2', 'a3', 'a1']);
  });

  it('spans: keyboard selection and a label hotkey create an exact code-point span', async () => {
    const el = await mount(fresh(nerTask));
    await expect(el).to.be.accessible();
    const field = $(el, 'tagwerk-spans-field');
    field.focus();
    await press('Shift+ArrowRight'); // select the first word token: "Ada"
    await sendKeys({ press: 'KeyP' }); // Person, by the label's hotkey
    await el.updateComplete;
    const spans = el.value!.result.answers['entities'] as Array<{
      start: number;
      end: number;
      label: string;
      text: string;
    }>;
    expect(spans).to.have.length(1);
    expect(spans[0]).to.include({ start: 0, end: 3, label: 'PERSON', text: 'Ada' });
    expect([...nerText].slice(spans[0]!.start, spans[0]!.end).join('')).to.equal(spans[0]!.text);
    await submitByKeyboard(el);
  });
});
