// TEMPORARY review experiments — delete before finishing.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createStore, get, set } from 'idb-keyval';
import { sendKeys } from '@web/test-runner-commands';
import type { Annotation, TaskOf, TextTask } from '@tagwerk/core';
import { draftKey } from './journal.js';
import { TagwerkTestWidget } from './test-widget.js';
import './test-widget.js';

/** A test widget whose prepare() waits until the test releases it. */
class SlowWidget extends TagwerkTestWidget {
  static gates = new Map<string, () => void>();
  protected override prepare(task: TaskOf<'text'>): Promise<void> {
    return new Promise((resolve) => SlowWidget.gates.set(task.id, resolve));
  }
}
customElements.define('zz-slow-widget', SlowWidget);

let seq = 0;
function makeTask(overrides: Partial<TextTask> = {}): TextTask {
  seq += 1;
  return {
    id: `zz-${Date.now()}-${seq}`,
    kind: 'text',
    title: `Task ${seq}`,
    record: { text: 'Hello' },
    questions: [
      { id: 'why', type: 'text', label: 'Why?', required: true },
      {
        id: 'mood',
        type: 'choice',
        label: 'Mood',
        options: [
          { id: 'pos', label: 'Positive' },
          { id: 'neg', label: 'Negative' },
        ],
      },
    ],
    ...overrides,
  };
}

const frame = () => new Promise((r) => requestAnimationFrame(r));

function envelope(task: TextTask, answers: Record<string, unknown>, extra: Partial<Annotation> = {}): Annotation {
  return {
    schemaVersion: 1,
    kind: 'text',
    taskId: task.id,
    result: { answers },
    meta: {
      startedAt: new Date().toISOString(),
      submittedAt: null,
      activeMs: 0,
      idleMs: 0,
      edits: 0,
      undos: 0,
      locale: 'en',
      widget: 'x',
    },
    ...extra,
  } as Annotation;
}

async function typeInto(el: TagwerkTestWidget, text: string): Promise<void> {
  el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[data-question="why"]')!.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('zz review experiments', () => {
  it('E1 slow prepare: after a task change the old task stays shown, editable, and fires ready again', async () => {
    const a = makeTask();
    const b = makeTask();
    const el = document.createElement('zz-slow-widget') as SlowWidget;
    const readies: string[] = [];
    const errors: string[] = [];
    el.addEventListener('tagwerk-ready', (e) => readies.push(e.detail.taskId));
    el.addEventListener('tagwerk-error', (e) => errors.push(e.detail.code));
    el.task = a;
    await fixture(html`<div>${el}</div>`);
    await waitUntil(() => SlowWidget.gates.has(a.id));
    SlowWidget.gates.get(a.id)!();
    await waitUntil(() => readies.length === 1);
    await el.updateComplete;

    el.task = b;
    el.value = envelope(b, { why: 'prefill for B' }); // host sets value with the task
    await el.updateComplete;
    await frame();
    await el.updateComplete;
    console.log('E1 after task change: value.taskId =', el.value?.taskId, 'readies =', JSON.stringify(readies), 'errors =', JSON.stringify(errors));
    console.log('E1 title shown =', el.shadowRoot!.querySelector('[part="title"]')?.textContent, 'spinner =', !!el.shadowRoot!.querySelector('.spinner'), 'textarea =', !!el.shadowRoot!.querySelector('textarea'));
    // The worker types into what they see:
    await typeInto(el, 'typed while B loads');
    console.log('E1 value after typing =', JSON.stringify(el.value?.result), el.value?.taskId);
    const stale = { value: el.value?.taskId, readies: [...readies], errors: [...errors] };

    SlowWidget.gates.get(b.id)!();
    await waitUntil(() => readies.includes(b.id));
    await el.updateComplete;
    console.log('E1 after B ready: value =', JSON.stringify(el.value?.result), 'readies =', JSON.stringify(readies));
    // Flush the journal and look what B's key holds.
    el.remove();
    const drafts = createStore('tagwerk', 'drafts');
    await new Promise((r) => setTimeout(r, 200));
    const stored = (await get(draftKey('zz-slow-widget', b.id), drafts)) as { value?: { result?: unknown } } | undefined;
    console.log('E1 B journal =', JSON.stringify(stored?.value?.result));
    expect(stale.value, 'value while B loads').to.equal(null);
    expect(stale.readies, 'ready fired again for the superseded task').to.deep.equal([a.id]);
    expect(stale.errors, 'no spurious errors').to.deep.equal([]);
  });

  it('E2 fast: ready fires once per task and never again for the superseded one', async () => {
    const a = makeTask();
    const b = makeTask();
    const el = document.createElement('tagwerk-test-widget');
    el.autosave = 'off';
    const readies: string[] = [];
    el.addEventListener('tagwerk-ready', (e) => readies.push(e.detail.taskId));
    el.task = a;
    await fixture(html`<div>${el}</div>`);
    await waitUntil(() => readies.length === 1);
    el.task = b;
    await waitUntil(() => readies.includes(b.id));
    await frame();
    console.log('E2 readies', JSON.stringify(readies));
    expect(readies).to.deep.equal([a.id, b.id]);
  });

  it('E3 a stored draft of an older task version must not also drop the pre-fill', async () => {
    const task = makeTask();
    const drafts = createStore('tagwerk', 'drafts');
    // A draft journaled against an older version (an option that no longer exists).
    await set(
      draftKey('tagwerk-test-widget', task.id),
      {
        savedAt: Date.now(),
        value: {
          result: { answers: { mood: 'gone-option' } },
          meta: { startedAt: new Date().toISOString(), activeMs: 1, idleMs: 0, edits: 3, undos: 0 },
        },
      },
      drafts,
    );
    const el = document.createElement('tagwerk-test-widget');
    const errors: string[] = [];
    el.addEventListener('tagwerk-error', (e) => errors.push(e.detail.code));
    el.task = task;
    el.value = envelope(task, { why: 'pre-filled' });
    const ready = oneEvent(el, 'tagwerk-ready');
    await fixture(html`<div>${el}</div>`);
    await ready;
    console.log('E3 value', JSON.stringify(el.value?.result), 'errors', JSON.stringify(errors));
    expect(el.value!.result.answers).to.deep.equal({ why: 'pre-filled' });
  });

  it('E4 mode set at run time takes effect for a synchronous submit()/validate()', async () => {
    const task = makeTask();
    const el = document.createElement('tagwerk-test-widget');
    el.autosave = 'off';
    el.task = task;
    el.value = envelope(task, { why: 'x' });
    const ready = oneEvent(el, 'tagwerk-ready');
    await fixture(html`<div>${el}</div>`);
    await ready;
    el.mode = 'review';
    const v = el.validate();
    let outcome = 'resolved';
    await el.submit().catch(() => (outcome = 'rejected'));
    console.log('E4 validate after mode=review', v.valid, 'submit', outcome);
    expect(v.valid, 'review without verdict').to.equal(false);
    expect(outcome).to.equal('rejected');
  });

  it('E5 submit then reset (e.g. form.reset()) must not journal a draft that shows "restored" on reload', async () => {
    const task = makeTask();
    const first = document.createElement('tagwerk-test-widget');
    first.task = task;
    let ready = oneEvent(first, 'tagwerk-ready');
    await fixture(html`<div>${first}</div>`);
    await ready;
    await typeInto(first, 'done');
    await first.submit();
    first.reset();
    first.remove();
    const drafts = createStore('tagwerk', 'drafts');
    await new Promise((r) => setTimeout(r, 200));
    const stored = await get(draftKey('tagwerk-test-widget', task.id), drafts);
    console.log('E5 stored after submit+reset', JSON.stringify(stored));
    const second = document.createElement('tagwerk-test-widget');
    second.task = task;
    ready = oneEvent(second, 'tagwerk-ready');
    await fixture(html`<div>${second}</div>`);
    await ready;
    await second.updateComplete;
    console.log('E5 restored notice', !!second.shadowRoot!.querySelector('.notice'), JSON.stringify(second.value?.meta));
    expect(stored).to.equal(undefined);
  });

  it('E6 moving the element in the DOM keeps one listener each, no new ready', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><div id="a"></div><div id="b"></div></div>`);
    const el = document.createElement('tagwerk-test-widget');
    el.autosave = 'off';
    el.task = makeTask();
    const readies: string[] = [];
    el.addEventListener('tagwerk-ready', (e) => readies.push(e.detail.taskId));
    root.querySelector('#a')!.append(el);
    await waitUntil(() => readies.length === 1);
    await el.updateComplete;
    root.querySelector('#b')!.append(el);
    root.querySelector('#a')!.append(el);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.focus();
    await sendKeys({ press: 'KeyM' });
    await frame();
    console.log('E6 actionCount', el.actionCount, 'readies', readies.length);
    expect(el.actionCount).to.equal(1);
    expect(readies.length).to.equal(1);
    expect(el.value).to.not.equal(null);
  });

  it('E7 keymap errors are reported, once per keymap', async () => {
    const el = document.createElement('tagwerk-test-widget');
    el.autosave = 'off';
    el.task = makeTask();
    const errors: string[] = [];
    el.addEventListener('tagwerk-error', (e) => errors.push(e.detail.code));
    el.keymap = { mark: ['Bogus+Nope'] };
    const ready = oneEvent(el, 'tagwerk-ready');
    await fixture(html`<div>${el}</div>`);
    await ready;
    await el.updateComplete;
    el.task = makeTask();
    await oneEvent(el, 'tagwerk-ready');
    await el.updateComplete;
    console.log('E7 errors', JSON.stringify(errors));
    expect(errors.filter((c) => c === 'keymap-invalid').length).to.be.greaterThan(0);
  });

  it('E8 task-src that returns an empty body shows the empty state, not a spinner forever', async () => {
    const el = document.createElement('tagwerk-test-widget');
    el.taskSrc = 'data:application/json,';
    await fixture(html`<div>${el}</div>`);
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    const state = el.shadowRoot!.querySelector('.state')?.textContent?.trim();
    console.log('E8 state', state, 'spinner', !!el.shadowRoot!.querySelector('.spinner'));
    expect(el.shadowRoot!.querySelector('.spinner')).to.equal(null);
  });

  it('E9 value after submit and a run-time mode change', async () => {
    const task = makeTask();
    const el = document.createElement('tagwerk-test-widget');
    el.autosave = 'off';
    el.task = task;
    const ready = oneEvent(el, 'tagwerk-ready');
    await fixture(html`<div>${el}</div>`);
    await ready;
    await typeInto(el, 'x');
    const submitted = await el.submit();
    console.log('E9 value===submitted', el.value === submitted);
    el.setAttribute('lang', 'de');
    await frame();
    await el.updateComplete;
    console.log('E9 after lang=de: value.meta.locale', el.value?.meta.locale, 'validate lang', el.validate().valid);
  });

  it('E10 two widgets in one form: a refusal by the second leaves the first submitted with its draft cleared', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><form method="post" action="/__sink"><button id="go">Go</button></form></div>`);
    const form = root.querySelector('form')!;
    const w1 = document.createElement('tagwerk-test-widget');
    const w2 = document.createElement('tagwerk-test-widget');
    const t1 = makeTask();
    w1.task = t1;
    w2.task = makeTask();
    w1.setAttribute('name', 'a1');
    w2.setAttribute('name', 'a2');
    const r1 = oneEvent(w1, 'tagwerk-ready');
    const r2 = oneEvent(w2, 'tagwerk-ready');
    form.prepend(w1, w2);
    await r1;
    await r2;
    await typeInto(w1, 'one');
    const events: string[] = [];
    w1.addEventListener('tagwerk-submit', () => events.push('w1 submit'));
    w2.addEventListener('tagwerk-invalid', () => events.push('w2 invalid'));
    let posted = 0;
    const onSubmit = (e: SubmitEvent) => {
      if (!e.defaultPrevented) posted += 1;
      e.preventDefault();
    };
    window.addEventListener('submit', onSubmit);
    form.requestSubmit();
    window.removeEventListener('submit', onSubmit);
    await new Promise((r) => setTimeout(r, 100));
    const stored = await get(draftKey('tagwerk-test-widget', t1.id), createStore('tagwerk', 'drafts'));
    console.log('E10 events', JSON.stringify(events), 'posted', posted, 'w1 submittedAt', w1.value?.meta.submittedAt, 'w1 draft', JSON.stringify(stored));
  });
});
