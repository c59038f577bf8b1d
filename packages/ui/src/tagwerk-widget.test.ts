import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createStore, get } from 'idb-keyval';
import { DraftJournal, IndexedDbStore, draftKey } from './journal.js';
import { sendKeys } from '@web/test-runner-commands';
import { press } from '../test/keys.js';
import {
  type TagwerkChangeEvent,
  type TagwerkErrorEvent,
  type TagwerkInvalidEvent,
  type TagwerkSubmitEvent,
  type TextAnnotation,
  type TextTask,
  validateAnnotation,
} from '@tagwerk/core';
import type { TagwerkTestWidget } from './test-widget.js';
import './test-widget.js';

let seq = 0;
/** A fresh task id per test: drafts are keyed by task id and must not leak between tests. */
function makeTask(overrides: Partial<TextTask> = {}): TextTask {
  seq += 1;
  return {
    id: `base-${Date.now()}-${seq}`,
    kind: 'text',
    title: 'Rate the answer',
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

async function ready(el: TagwerkTestWidget): Promise<TagwerkTestWidget> {
  if (!el.value) await oneEvent(el, 'tagwerk-ready');
  await el.updateComplete;
  return el;
}

async function mount(task: TextTask = makeTask(), attrs: Record<string, string> = {}): Promise<TagwerkTestWidget> {
  const el = document.createElement('tagwerk-test-widget');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.task = task;
  const readyEvent = oneEvent(el, 'tagwerk-ready');
  await fixture(html`<div>${el}</div>`);
  await readyEvent;
  await el.updateComplete;
  return el;
}

const q = <T extends Element>(el: TagwerkTestWidget, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the widget`);
  return found;
};

async function typeInto(el: TagwerkTestWidget, questionId: string, text: string): Promise<void> {
  q<HTMLTextAreaElement>(el, `textarea[data-question="${questionId}"]`).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

/** Runs `fn` while every IndexedDB put and localStorage write fails as a full disk does. */
async function withFullStorage(fn: () => Promise<void>): Promise<void> {
  const put = IDBObjectStore.prototype.put;
  const setItem = Storage.prototype.setItem;
  const quota = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  IDBObjectStore.prototype.put = quota;
  Storage.prototype.setItem = quota;
  try {
    await fn();
  } finally {
    IDBObjectStore.prototype.put = put;
    Storage.prototype.setItem = setItem;
  }
}

describe('TagwerkWidget (through tagwerk-test-widget)', () => {
  it('is accessible when ready', async () => {
    const el = await mount(makeTask({ instructions: '# Read me\n\nBe **kind**.' }));
    await expect(el).to.be.accessible();
  });

  it('shows an empty state without a task', async () => {
    const el = await fixture<TagwerkTestWidget>(html`<tagwerk-test-widget></tagwerk-test-widget>`);
    expect(el.value).to.equal(null);
    expect(q(el, '.state').textContent).to.contain('No task yet');
    await expect(el).to.be.accessible();
  });

  it('rejects an invalid task with a path-addressed, translated error and a tagwerk-error event', async () => {
    const el = document.createElement('tagwerk-test-widget');
    el.setAttribute('lang', 'de');
    const errorEvent = oneEvent<TagwerkErrorEvent>(el, 'tagwerk-error');
    el.task = {
      id: 't',
      kind: 'text',
      record: {},
      questions: [{ id: 'q', type: 'rating', label: 'x', scale: { min: 5, max: 1 } }],
    };
    await fixture(html`<div>${el}</div>`);
    const event = await errorEvent;
    expect(event.detail.code).to.equal('task-invalid');
    expect(event.detail.message).to.contain('/questions/0/scale');
    await el.updateComplete;
    const alert = q(el, '[part="error"]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Diese Aufgabe kann nicht angezeigt werden');
    expect(alert.textContent).to.contain('/questions/0/scale');
    await expect(el).to.be.accessible();
  });

  it('refuses a task of another kind', async () => {
    const el = document.createElement('tagwerk-test-widget');
    const errorEvent = oneEvent<TagwerkErrorEvent>(el, 'tagwerk-error');
    el.task = { id: 'i', kind: 'image', image: { url: 'a.png' }, labels: [], tools: [] };
    await fixture(html`<div>${el}</div>`);
    expect((await errorEvent).detail.message).to.contain('kind');
  });

  it('takes the task as a JSON attribute, and reports broken JSON', async () => {
    const task = makeTask();
    const el = await fixture<TagwerkTestWidget>(
      html`<tagwerk-test-widget task=${JSON.stringify(task)}></tagwerk-test-widget>`,
    );
    await ready(el);
    expect(el.value?.taskId).to.equal(task.id);

    const broken = document.createElement('tagwerk-test-widget');
    const errorEvent = oneEvent<TagwerkErrorEvent>(broken, 'tagwerk-error');
    broken.setAttribute('task', '{"id": "x", ');
    await fixture(html`<div>${broken}</div>`);
    expect((await errorEvent).detail.code).to.equal('task-invalid');
  });

  it('fetches task-src, and reports a failed fetch with a retry button', async () => {
    const el = document.createElement('tagwerk-test-widget');
    el.taskSrc = '/packages/core/test/fixtures/text-task.json';
    const readyEvent = oneEvent(el, 'tagwerk-ready');
    await fixture(html`<div>${el}</div>`);
    expect((await readyEvent).detail.taskId).to.equal('fixture-text-1');

    const missing = document.createElement('tagwerk-test-widget');
    missing.taskSrc = '/packages/core/test/fixtures/does-not-exist.json';
    const errorEvent = oneEvent<TagwerkErrorEvent>(missing, 'tagwerk-error');
    await fixture(html`<div>${missing}</div>`);
    expect((await errorEvent).detail.code).to.equal('task-load-failed');
    await missing.updateComplete;
    expect(q(missing, '[part="error"] button').textContent).to.contain('Try again');
  });

  it('fires tagwerk-change for typing, merged into one undo step, and never for programmatic sets', async () => {
    const el = await mount();
    const changes: TagwerkChangeEvent[] = [];
    el.addEventListener('tagwerk-change', (e) => changes.push(e));
    await typeInto(el, 'why', 'Clear');
    expect(changes.length).to.equal(5);
    const last = changes.at(-1)!.detail;
    expect(last.annotation.result).to.deep.equal({ answers: { why: 'Clear' } });
    expect(last.valid).to.equal(true);

    el.value = { ...el.value!, result: { answers: { why: 'From the host' } } };
    await el.updateComplete;
    expect(changes.length).to.equal(5);
    expect(q<HTMLTextAreaElement>(el, 'textarea').value).to.equal('From the host');
  });

  it('undoes and redoes with the keyboard, counting undos in meta', async () => {
    const el = await mount();
    await typeInto(el, 'why', 'abc');
    q<HTMLInputElement>(el, 'input[type="radio"]').click();
    await el.updateComplete;
    expect(el.value!.result.answers).to.deep.equal({ why: 'abc', mood: 'pos' });
    q<HTMLButtonElement>(el, 'button[part="submit-button"]').focus();
    await press('Control+KeyZ');
    expect(el.value!.result.answers).to.deep.equal({ why: 'abc' });
    await press('Control+KeyZ');
    expect(el.value!.result.answers).to.deep.equal({});
    await press('Control+Shift+KeyZ');
    expect(el.value!.result.answers).to.deep.equal({ why: 'abc' });
    expect(el.value!.meta.undos).to.equal(2);
    expect(el.value!.meta.edits).to.equal(4);
  });

  it('refuses submit while a required answer is missing, lists it and focuses the question', async () => {
    const el = await mount();
    const invalid = oneEvent<TagwerkInvalidEvent>(el, 'tagwerk-invalid');
    let rejected: unknown;
    await el.submit().catch((e: unknown) => (rejected = e));
    const event = await invalid;
    expect(event.detail.errors.map((e) => e.path)).to.include('/result/answers/why');
    expect((rejected as { errors: unknown[] }).errors).to.have.length.greaterThan(0);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('data-question')).to.equal('why');
    expect(q(el, '.submit-errors').textContent).to.contain('One thing needs your attention');
  });

  it('submits a valid envelope with meta and clears the draft', async () => {
    const el = await mount(undefined, { lang: 'de-CH' });
    await typeInto(el, 'why', 'ok');
    const submitted = oneEvent<TagwerkSubmitEvent>(el, 'tagwerk-submit');
    const annotation = await el.submit();
    const { detail } = await submitted;
    expect(detail.annotation).to.deep.equal(annotation);
    expect(annotation.kind).to.equal('text');
    expect(annotation.meta.submittedAt).to.be.a('string');
    expect(annotation.meta.locale).to.equal('de-CH');
    expect(annotation.meta.widget).to.equal('@tagwerk/test-widget@0.0.0');
    expect(annotation.meta.edits).to.equal(2);
    expect(Number.isInteger(annotation.meta.activeMs)).to.equal(true);
    expect(validateAnnotation(annotation, el.task as TextTask).valid).to.equal(true);
  });

  it('restores a draft after the element is recreated, and starts over on request', async () => {
    const task = makeTask();
    const first = await mount(task);
    await typeInto(first, 'why', 'draft text');
    first.remove(); // disconnect flushes the journal
    // The flush is asynchronous: wait until IndexedDB holds the draft.
    const drafts = createStore('tagwerk', 'drafts');
    await waitUntil(
      async () => (await get(draftKey('tagwerk-test-widget', task.id), drafts)) !== undefined,
      'draft stored',
    );
    const second = await mount(task);
    expect(second.value!.result.answers).to.deep.equal({ why: 'draft text' });
    expect(second.value!.meta.edits).to.equal(10);
    expect(q(second, '.notice').textContent).to.contain('restored');
    q<HTMLButtonElement>(second, '.notice button').click();
    await second.updateComplete;
    expect(second.value!.result.answers).to.deep.equal({});
  });

  it('does not journal with autosave="off"', async () => {
    const task = makeTask();
    const first = await mount(task, { autosave: 'off' });
    await typeInto(first, 'why', 'x');
    first.remove();
    const second = await mount(task, { autosave: 'off' });
    expect(second.value!.result.answers).to.deep.equal({});
  });

  it('takes part in forms: value, required validity, reset, and the light-DOM mirror', async () => {
    const task = makeTask();
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <tagwerk-test-widget name="annotation" required form-mirror .task=${task}></tagwerk-test-widget>
      </form>`,
    );
    const el = await ready(form.querySelector('tagwerk-test-widget')!);
    expect(form.checkValidity()).to.equal(false);
    await typeInto(el, 'why', 'yes');
    expect(form.checkValidity()).to.equal(true);
    const data = new FormData(form);
    const entries = data.getAll('annotation');
    expect(entries.length).to.equal(1); // the element itself; no mirror inside a native form
    expect(JSON.parse(entries[0] as string).result.answers.why).to.equal('yes');
    expect(form.querySelector('input[data-tagwerk-mirror]')).to.equal(null);
    form.reset();
    await el.updateComplete;
    expect(el.value!.result.answers).to.deep.equal({});
    expect(form.checkValidity()).to.equal(false);
  });

  it('keeps hotkeys inside the widget that has focus, off while typing, remappable and switchable off', async () => {
    const task = makeTask();
    const container = await fixture<HTMLDivElement>(
      html`<div>
        <tagwerk-test-widget .task=${task} autosave="off"></tagwerk-test-widget>
        <tagwerk-test-widget .task=${makeTask()} autosave="off"></tagwerk-test-widget>
      </div>`,
    );
    const [a, b] = [...container.querySelectorAll('tagwerk-test-widget')] as TagwerkTestWidget[];
    await ready(a!);
    await ready(b!);
    q<HTMLButtonElement>(a!, 'button[part="submit-button"]').focus();
    await sendKeys({ press: 'KeyM' });
    expect([a!.actionCount, b!.actionCount]).to.deep.equal([1, 0]);
    await typeInto(a!, 'why', 'mm');
    expect(a!.actionCount).to.equal(1);
    a!.keymap = { mark: ['KeyN'] };
    q<HTMLButtonElement>(a!, 'button[part="submit-button"]').focus();
    await sendKeys({ press: 'KeyM' });
    await sendKeys({ press: 'KeyN' });
    expect(a!.actionCount).to.equal(2);
    a!.hotkeys = 'off';
    await a!.updateComplete;
    q<HTMLButtonElement>(a!, 'button[part="submit-button"]').focus();
    await sendKeys({ press: 'KeyN' });
    expect(a!.actionCount).to.equal(2);
  });

  it('opens the shortcut sheet on ?', async () => {
    const el = await mount();
    q<HTMLButtonElement>(el, 'button[part="submit-button"]').focus();
    await press('Shift+Slash');
    const dialog = q<HTMLDialogElement>(el, 'dialog.shortcuts');
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('Undo');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(false);
  });

  it('follows lang and dir of its ancestors, including later changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de" dir="rtl"><tagwerk-test-widget .task=${makeTask()}></tagwerk-test-widget></div>`,
    );
    const el = await ready(wrapper.querySelector('tagwerk-test-widget')!);
    const base = q(el, '[part="base"]');
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(q(el, 'button[part="submit-button"]').textContent.trim()).to.equal('Absenden');
    wrapper.setAttribute('lang', 'en');
    wrapper.setAttribute('dir', 'ltr');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await el.updateComplete;
    expect(q(el, 'button[part="submit-button"]').textContent.trim()).to.equal('Submit');
    expect(base.getAttribute('dir')).to.equal('ltr');
  });

  it('ignores edits when readonly', async () => {
    const el = await mount(makeTask(), { readonly: '' });
    await typeInto(el, 'why', 'no');
    expect(el.value!.result.answers).to.deep.equal({});
  });

  it('disabled: the working area is inert, nothing changes, and the status says so', async () => {
    const el = await mount(makeTask(), { disabled: '' });
    expect(q<HTMLElement>(el, '[part="surface"]').inert).to.equal(true);
    q<HTMLTextAreaElement>(el, 'textarea').focus();
    await sendKeys({ type: 'no' });
    expect(el.value!.result.answers).to.deep.equal({});
    expect(q(el, 'footer .status').textContent).to.contain('Editing is switched off');
    await expect(el).to.be.accessible();
  });

  it('review mode needs a verdict, and an edit counts as a correction', async () => {
    const task = makeTask();
    const el = document.createElement('tagwerk-test-widget');
    el.mode = 'review';
    el.task = task;
    el.value = {
      schemaVersion: 1,
      kind: 'text',
      taskId: task.id,
      result: { answers: { why: 'by someone else' } },
      meta: {
        startedAt: new Date().toISOString(),
        submittedAt: new Date().toISOString(),
        activeMs: 1,
        idleMs: 0,
        edits: 1,
        undos: 0,
        locale: 'en',
        widget: 'x',
      },
    };
    await fixture(html`<div>${el}</div>`);
    await ready(el);
    expect(el.validate().errors.map((e) => e.code)).to.include('review-required');
    const [approve] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.review-bar .actions button');
    approve!.click();
    await el.updateComplete;
    expect(el.validate().valid).to.equal(true);
    expect(el.value.review).to.deep.equal({ verdict: 'approved' });
    await typeInto(el, 'why', '!');
    expect(el.value.review?.verdict).to.equal('corrected');
    await expect(el).to.be.accessible();
  });

  it('training mode shows per-question feedback after submit', async () => {
    const task = makeTask();
    const el = document.createElement('tagwerk-test-widget');
    el.mode = 'training';
    el.setAttribute('autosave', 'off');
    el.task = task;
    el.reference = {
      schemaVersion: 1,
      kind: 'text',
      taskId: task.id,
      result: { answers: { why: 'gold', mood: 'neg' } },
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
    };
    await fixture(html`<div>${el}</div>`);
    await ready(el);
    await typeInto(el, 'why', 'gold');
    q<HTMLInputElement>(el, 'input[type="radio"]').click(); // "pos": differs from the reference
    await el.submit();
    await el.updateComplete;
    const feedback = q(el, '.feedback');
    expect(feedback.textContent).to.contain('1 of 2');
    expect(feedback.querySelectorAll('li.agree').length).to.equal(1);
    expect(feedback.querySelectorAll('li.differ').length).to.equal(1);
  });

  it('renders hostile instructions inert: no script, no handlers, safe links', async () => {
    (window as unknown as { __pwned?: number }).__pwned = 0;
    const el = await mount(
      makeTask({
        instructions:
          'Hi <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> [x](javascript:window.__pwned=3) [ok](https://example.org) <a href="#" onclick="window.__pwned=4">a</a><svg onload="window.__pwned=5"></svg><style>*{display:none}</style>',
      }),
    );
    const panel = q(el, '[part="instructions"] .md');
    expect(panel.querySelector('script, svg, style, img')).to.equal(null);
    expect(panel.textContent).to.contain('<script>'); // raw HTML is shown as text, never parsed
    for (const node of panel.querySelectorAll('*')) {
      expect([...node.attributes].map((a) => a.name).filter((n) => n.startsWith('on'))).to.deep.equal([]);
    }
    const links = [...panel.querySelectorAll('a')];
    expect(links.some((a) => (a.getAttribute('href') ?? '').includes('javascript'))).to.equal(false);
    const safe = links.find((a) => a.getAttribute('href') === 'https://example.org')!;
    expect(safe.target).to.equal('_blank');
    expect(safe.rel).to.contain('noopener');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(0);
  });

  it('keeps working and fires storage-unavailable when drafts cannot be saved (quota, private mode)', async () => {
    await withFullStorage(async () => {
      const el = await mount();
      const storageError = oneEvent<TagwerkErrorEvent>(el, 'tagwerk-error');
      await typeInto(el, 'why', 'still here');
      el.remove(); // flushes the journal now instead of after the debounce
      const { detail } = await storageError;
      expect(detail.code).to.equal('storage-unavailable');
      expect(detail.message).to.equal(
        'Drafts cannot be kept on this device (QuotaExceededError): a reload or a closed tab loses work that was not submitted.',
      );
      expect(el.value!.result.answers).to.deep.equal({ why: 'still here' });
    });
  });

  it("says visibly, once and in the page's language, that work cannot be kept when every store fails", async () => {
    await withFullStorage(async () => {
      const el = await mount(makeTask(), { lang: 'de' });
      const events: TagwerkErrorEvent[] = [];
      el.addEventListener('tagwerk-error', (e) => events.push(e));
      await typeInto(el, 'why', 'a');
      await waitUntil(() => events.length > 0, 'a storage-unavailable event');
      await typeInto(el, 'why', 'bc');
      await el.updateComplete;
      const notice = q(el, '.notice.warning[role="alert"]');
      expect(notice.textContent?.trim()).to.equal(
        'Ihre Arbeit kann auf diesem Gerät nicht gespeichert werden. Lassen Sie diese Seite bis zum Absenden geöffnet: Neuladen oder Schließen verwirft Ihre Antworten.',
      );
      expect(events.map((e) => e.detail.message)).to.deep.equal([
        'Entwürfe können auf diesem Gerät nicht gespeichert werden (QuotaExceededError): Beim Neuladen oder Schließen des Tabs geht nicht abgesendete Arbeit verloren.',
      ]);
      await expect(el).to.be.accessible();
    });
  });

  it("the same task in two places (tabs): each shows the other's edits, and a reload has both", async () => {
    const task = makeTask();
    const a = await mount(task);
    const b = await mount(task);
    await typeInto(a, 'why', 'from A');
    await waitUntil(() => b.value?.result.answers.why === 'from A', "B shows A's answer");
    await b.updateComplete;
    expect(q(b, '.notice[role="status"]').textContent).to.contain('another tab');
    const editsOfA = a.value!.meta.edits;
    q<HTMLInputElement>(b, 'input[type="radio"]').click(); // "pos"
    await waitUntil(() => a.value?.result.answers.mood === 'pos', "A shows B's choice");
    expect(a.value!.result.answers).to.deep.equal({ why: 'from A', mood: 'pos' });
    expect(a.value!.meta.edits, "B's edit is not counted as A's").to.equal(editsOfA);
    a.remove();
    b.remove();
    const reloaded = await mount(task);
    expect(reloaded.value!.result.answers).to.deep.equal({ why: 'from A', mood: 'pos' });
  });

  it('opens the instructions the first time and remembers they were read', async () => {
    const instructions = `Read me ${Date.now()}`;
    const first = await mount(makeTask({ instructions }));
    const panel = q<HTMLDetailsElement>(first, 'details[part="instructions"]');
    expect(panel.open).to.equal(true);
    q<HTMLElement>(first, 'details[part="instructions"] summary').click(); // collapse: read
    await new Promise((resolve) => panel.addEventListener('toggle', resolve, { once: true }));
    const second = await mount(makeTask({ instructions }));
    expect(q<HTMLDetailsElement>(second, 'details[part="instructions"]').open).to.equal(false);
    const other = await mount(makeTask({ instructions: `${instructions} (changed)` }));
    expect(q<HTMLDetailsElement>(other, 'details[part="instructions"]').open).to.equal(true);
  });

  it('themes: dark and light pin the colour scheme; custom properties restyle it', async () => {
    const el = await mount(makeTask(), { theme: 'dark' });
    await expect(el).to.be.accessible(); // contrast holds in dark as well
    const base = q(el, '[part="base"]');
    const dark = getComputedStyle(base).backgroundColor;
    el.theme = 'light';
    await el.updateComplete;
    const light = getComputedStyle(base).backgroundColor;
    expect(dark).not.to.equal(light);
    expect(light).to.equal('rgb(255, 255, 255)');
    el.style.setProperty('--tagwerk-color-background', 'rgb(1, 2, 3)');
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  describe('lifecycle edge cases', () => {
    /** Stores `value` as the draft of `taskId`, as an earlier visit would have. */
    async function storeDraft(taskId: string, value: unknown): Promise<void> {
      const journal = new DraftJournal<unknown>({ widget: 'tagwerk-test-widget', taskId });
      journal.write(value);
      await journal.flush();
    }

    it('a task change never restarts the previous task: one ready per task, error and empty states shown', async () => {
      const a = makeTask();
      const b = makeTask();
      const el = document.createElement('tagwerk-test-widget');
      el.autosave = 'off';
      const readies: string[] = [];
      el.addEventListener('tagwerk-ready', (e) => readies.push(e.detail.taskId));
      el.task = a;
      const first = oneEvent(el, 'tagwerk-ready');
      await fixture(html`<div>${el}</div>`);
      await first;
      const second = oneEvent(el, 'tagwerk-ready');
      el.task = b;
      await second;
      await el.updateComplete;
      expect(readies).to.deep.equal([a.id, b.id]);
      expect(el.value!.taskId).to.equal(b.id);

      const failed = oneEvent(el, 'tagwerk-error');
      el.task = { id: 'x', kind: 'text' };
      await failed;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="error"]'), 'the error panel replaces the old task').to.exist;
      expect(el.value).to.equal(null);

      el.task = null;
      await el.updateComplete;
      await el.updateComplete;
      expect(el.value).to.equal(null);
      expect(el.shadowRoot!.querySelector('.state')!.textContent).to.contain('No task yet');
    });

    it('a stored draft that no longer fits is dropped and the host pre-fill stays; a malformed one too', async () => {
      const task = makeTask();
      await storeDraft(task.id, {
        result: { answers: { mood: 'gone-option' } },
        meta: { startedAt: '2026-01-01T00:00:00.000Z', activeMs: 1, idleMs: 1, edits: 1, undos: 0 },
      });
      const el = document.createElement('tagwerk-test-widget');
      el.task = task;
      const meta = { startedAt: '2026-01-01T00:00:00.000Z', submittedAt: null, activeMs: 0, idleMs: 0, edits: 0 };
      const prefill: TextAnnotation = {
        schemaVersion: 1,
        kind: 'text',
        taskId: task.id,
        result: { answers: { why: 'pre-filled' } },
        meta: { ...meta, undos: 0, locale: 'en', widget: 'x@1' },
      };
      el.value = prefill;
      const readyEvent = oneEvent(el, 'tagwerk-ready');
      await fixture(html`<div>${el}</div>`);
      await readyEvent;
      const valueOf = (w: TagwerkTestWidget) => w.value;
      expect(valueOf(el)!.result.answers).to.deep.equal({ why: 'pre-filled' });

      const other = makeTask();
      await storeDraft(other.id, { result: { answers: {} }, junk: true });
      const el2 = document.createElement('tagwerk-test-widget');
      el2.task = other;
      const ready2 = oneEvent(el2, 'tagwerk-ready');
      await fixture(html`<div>${el2}</div>`);
      await ready2;
      expect(el2.value!.meta.edits).to.equal(0);
      expect(el2.shadowRoot!.querySelector('.notice'), 'nothing was restored').to.equal(null);
    });

    it('reset() leaves no draft behind, also after a submit', async () => {
      const task = makeTask();
      const el = await mount(task);
      await typeInto(el, 'why', 'x');
      await el.submit();
      el.reset();
      el.remove(); // flushes whatever the journal holds
      const again = await mount(task);
      expect(again.value!.result.answers, 'nothing restored').to.deep.equal({});
      expect(again.shadowRoot!.querySelector('.notice')).to.equal(null);
    });

    it('an empty task-src body shows the empty state, not an endless spinner', async () => {
      const realFetch = window.fetch;
      window.fetch = () => Promise.resolve(new Response(''));
      try {
        const el = document.createElement('tagwerk-test-widget');
        el.taskSrc = '/empty-task.json';
        await fixture(html`<div>${el}</div>`);
        await waitUntil(() => el.shadowRoot!.querySelector('.state:not(:has(.spinner))'), 'the empty state');
        expect(el.shadowRoot!.querySelector('.state')!.textContent).to.contain('No task yet');
      } finally {
        window.fetch = realFetch;
      }
    });

    it('a mode set a moment ago counts at once for validate() and submit()', async () => {
      const el = await mount();
      await typeInto(el, 'why', 'done');
      expect(el.validate().valid).to.equal(true);
      el.mode = 'review';
      expect(el.validate().errors.map((e) => e.code)).to.deep.equal(['review-required']);
      let refused: unknown;
      await el.submit().catch((e: unknown) => (refused = e));
      expect(refused).to.be.instanceOf(Error);
    });

    it("a form submission cancelled by a later listener keeps the submitted widget's draft", async () => {
      const task = makeTask();
      const form = await fixture<HTMLFormElement>(
        html`<form method="post" action="/__tagwerk-form-sink">
          <tagwerk-test-widget name="a" .task=${task}></tagwerk-test-widget>
        </form>`,
      );
      const el = await ready(form.querySelector('tagwerk-test-widget')!);
      await typeInto(el, 'why', 'kept');
      const store = new IndexedDbStore();
      const key = draftKey('tagwerk-test-widget', task.id);
      await waitUntil(async () => (await store.get(key)) !== undefined, 'the draft is stored');
      // The page's own check refuses the submission after the widget accepted it.
      form.addEventListener('submit', (e) => e.preventDefault());
      const accepted = oneEvent(el, 'tagwerk-submit');
      form.requestSubmit();
      await accepted;
      await new Promise((resolve) => setTimeout(resolve)); // the form's submit event is through
      expect(await store.get(key), 'the draft survives a submission that was never sent').to.exist;
      el.reset();
    });
  });
});
