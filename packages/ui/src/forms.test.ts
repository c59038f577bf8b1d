/**
 * The widget inside a host's native <form>, driven as a worker would: typing, the page's own
 * submit button, the widget's Submit. What the form posts is read, as the page's last `submit`
 * listener, with `new FormData(form, submitter)` — the entry list the browser would send — and the
 * navigation is then cancelled so the test page stays.
 */
import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Annotation, TextTask } from '@tagwerk/core';
import type { TagwerkTestWidget } from './test-widget.js';
import './test-widget.js';

let seq = 0;
function makeTask(): TextTask {
  seq += 1;
  return {
    id: `forms-${Date.now()}-${seq}`,
    kind: 'text',
    title: 'Rate the answer',
    record: { text: 'Hello' },
    questions: [{ id: 'why', type: 'text', label: 'Why?', required: true }],
  };
}

interface Page {
  form: HTMLFormElement;
  el: TagwerkTestWidget;
  pageButton: HTMLButtonElement;
  /** Every entry list the form handed to the browser for sending. */
  posted: FormData[];
  events: string[];
}

/**
 * A POST form as a HIT template writes it, aimed at a hidden frame so the test page stays.
 * `widgetAttrs` go on the widget (e.g. `required`, `form-mirror`).
 */
async function page(widgetAttrs: string[] = [], formAttrs: string[] = []): Promise<Page> {
  const root = await fixture<HTMLDivElement>(
    html`<div>
      <form method="post" action="/__tagwerk-form-sink">
        <label for="w">Annotation</label>
        <input name="worker-note" aria-label="Note" />
        <button type="submit" id="page-submit">Send</button>
      </form>
    </div>`,
  );
  const form = root.querySelector('form')!;
  for (const a of formAttrs) form.setAttribute(a, '');
  const el = document.createElement('tagwerk-test-widget');
  el.id = 'w';
  el.setAttribute('name', 'annotation');
  el.autosave = 'off';
  for (const a of widgetAttrs) el.setAttribute(a, '');
  el.task = makeTask();
  const ready = oneEvent(el, 'tagwerk-ready');
  form.prepend(el);
  await ready;
  await el.updateComplete;
  const posted: FormData[] = [];
  const events: string[] = [];
  const onSubmit = (e: SubmitEvent): void => {
    if (e.target !== form) return;
    if (!e.defaultPrevented) posted.push(new FormData(form, e.submitter));
    e.preventDefault();
  };
  window.addEventListener('submit', onSubmit);
  cleanups.push(() => window.removeEventListener('submit', onSubmit));
  for (const type of ['tagwerk-submit', 'tagwerk-invalid', 'invalid'])
    el.addEventListener(type, () => events.push(type));
  return { form, el, pageButton: root.querySelector('#page-submit')!, posted, events };
}

async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

async function typeAnswer(el: TagwerkTestWidget, text: string): Promise<void> {
  el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[data-question="why"]')!.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

const submitButton = (el: TagwerkTestWidget): HTMLButtonElement =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!;

/** The annotation entries of a posted entry list, parsed. */
const annotations = (data: FormData): Annotation[] =>
  data.getAll('annotation').map((v) => JSON.parse(v as string) as Annotation);

/** The element focused inside the widget's shadow root (through nested roots). */
function deepActive(el: Element): Element | null {
  let active = el.shadowRoot?.activeElement ?? null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const cleanups: Array<() => void> = [];

describe('TagwerkWidget in a native form', () => {
  it('required, in a real widget (the text rater): the browser focuses the missing answer and the widget lists it', async () => {
    await import('../../text-rater/src/index.js');
    const form = await fixture<HTMLFormElement>(
      html`<form method="post" action="/__tagwerk-form-sink">
        <button type="submit">Send</button>
      </form>`,
    );
    const el = document.createElement('tagwerk-text-rater');
    el.setAttribute('name', 'annotation');
    el.setAttribute('required', '');
    el.autosave = 'off';
    el.task = {
      id: `forms-rater-${Date.now()}`,
      kind: 'text',
      record: { prompt: 'Hi', responses: [{ id: 'r1', text: 'Hello', format: 'plain' }] },
      questions: [{ id: 'quality', type: 'rating', label: 'Quality', required: true, scale: { min: 1, max: 5 } }],
    };
    const ready = oneEvent(el, 'tagwerk-ready');
    form.prepend(el);
    await ready;
    await el.updateComplete;
    let posted = 0;
    const onSubmit = (e: SubmitEvent): void => {
      posted += e.defaultPrevented ? 0 : 1;
      e.preventDefault();
    };
    window.addEventListener('submit', onSubmit);
    cleanups.push(() => window.removeEventListener('submit', onSubmit));
    await click(form.querySelector('button')!);
    await el.updateComplete;
    await nextFrame();
    expect(posted).to.equal(0);
    const active = deepActive(el);
    expect(active?.closest('[data-question]')?.getAttribute('data-question'), 'focus is on the question').to.equal(
      'quality',
    );
    expect(active?.matches('input, button, textarea, select, [tabindex]'), 'on one of its controls').to.equal(true);
    expect(el.shadowRoot!.querySelector('.submit-errors')?.textContent).to.contain('Quality');
  });

  afterEach(async () => {
    cleanups.splice(0).forEach((fn) => fn());
    await resetMouse();
  });

  it("posts the submitted envelope when the page's own button submits (submit() runs first)", async () => {
    const { el, pageButton, posted, events } = await page();
    await typeAnswer(el, 'clear');
    const sent = oneEvent(el, 'tagwerk-submit');
    await click(pageButton);
    await sent;
    await nextFrame();
    expect(posted.length).to.equal(1);
    const [annotation, ...more] = annotations(posted[0]!);
    expect(more, 'the annotation is posted exactly once').to.be.empty;
    expect(annotation!.meta.submittedAt).to.be.a('string');
    expect(annotation!.result.answers['why']).to.equal('clear');
    expect(events.filter((e) => e === 'tagwerk-submit')).to.have.length(1);
    expect(el.value!.meta.submittedAt, 'the value stays the submitted envelope until the next edit').to.equal(
      annotation!.meta.submittedAt,
    );
  });

  it("posts the submitted envelope, once, when the widget's Submit submits the form", async () => {
    const { el, posted, events } = await page();
    await typeAnswer(el, 'clear');
    const sent = oneEvent(el, 'tagwerk-submit');
    await click(submitButton(el));
    const { detail } = await sent;
    await nextFrame();
    expect(posted.length).to.equal(1);
    const posted1 = annotations(posted[0]!);
    expect(posted1).to.have.length(1);
    expect(posted1[0]).to.deep.equal(JSON.parse(JSON.stringify(detail.annotation)));
    expect(posted1[0]!.meta.submittedAt).to.be.a('string');
    expect(
      events.filter((e) => e === 'tagwerk-submit'),
      'submit() is not run again by the form',
    ).to.have.length(1);
  });

  it('an edit after a submit makes it a draft again: the next form submission submits anew', async () => {
    const { el, pageButton, posted } = await page();
    await typeAnswer(el, 'one');
    const first = oneEvent(el, 'tagwerk-submit');
    await click(pageButton);
    await first;
    await typeAnswer(el, ' two');
    expect(el.value!.meta.submittedAt).to.equal(null);
    const again = oneEvent(el, 'tagwerk-submit');
    await click(pageButton);
    await again;
    await nextFrame();
    const last = annotations(posted.at(-1)!)[0]!;
    expect(last.result.answers['why']).to.equal('one two');
    expect(last.meta.submittedAt).to.be.a('string');
  });

  it('refuses a form submission visibly while the annotation is incomplete (not required, novalidate alike)', async () => {
    for (const formAttrs of [[], ['novalidate']]) {
      const { el, pageButton, posted, events } = await page([], formAttrs);
      const refused = oneEvent(el, 'tagwerk-invalid');
      await click(pageButton);
      const { detail } = await refused;
      await el.updateComplete;
      await nextFrame();
      expect(posted, 'nothing was sent').to.be.empty;
      expect(detail.errors[0]!.path).to.equal('/result/answers/why');
      const list = el.shadowRoot!.querySelector('.submit-errors');
      expect(list, 'the missing answers are listed').to.exist;
      expect(list!.textContent).to.contain('Why?');
      expect(deepActive(el)?.getAttribute('data-question'), 'focus moved to the missing answer').to.equal('why');
      expect(events).not.to.include('tagwerk-submit');
    }
  });

  it('required: the browser refuses the form, focus moves into the widget and the missing answers are listed', async () => {
    const { form, el, pageButton, posted, events } = await page(['required']);
    expect(el.willValidate).to.equal(true);
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.valid).to.equal(false);
    expect(el.validationMessage).to.match(/\S/);
    await click(pageButton);
    await el.updateComplete;
    await nextFrame();
    expect(events[0], 'an invalid event, as for native inputs').to.equal('invalid');
    expect(posted).to.be.empty;
    expect(document.activeElement).to.equal(el);
    expect(deepActive(el)?.getAttribute('data-question')).to.equal('why');
    expect(el.shadowRoot!.querySelector('.submit-errors')!.textContent).to.contain('Why?');
    expect(form.checkValidity()).to.equal(false);

    await typeAnswer(el, 'done');
    expect(el.checkValidity()).to.equal(true);
    expect(el.validity.valid).to.equal(true);
    expect(el.validationMessage).to.equal('');
    expect(el.shadowRoot!.querySelector('.submit-errors'), 'the list goes once the answers are there').to.equal(null);
    const sent = oneEvent(el, 'tagwerk-submit');
    await click(pageButton);
    await sent;
    await nextFrame();
    expect(annotations(posted[0]!)[0]!.meta.submittedAt).to.be.a('string');
  });

  it('reportValidity() shows the missing answers and focuses the first; checkValidity() only fires invalid', async () => {
    const { el, events } = await page(['required']);
    expect(el.checkValidity()).to.equal(false);
    expect(events).to.deep.equal(['invalid']);
    expect(el.shadowRoot!.querySelector('.submit-errors'), 'checkValidity() shows nothing').to.equal(null);
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.submit-errors')!.textContent).to.contain('Why?');
    expect(deepActive(el)?.getAttribute('data-question')).to.equal('why');
  });

  it('exposes form and labels as form-associated built-ins do', async () => {
    const { form, el } = await page();
    expect(el.form).to.equal(form);
    expect([...el.labels].map((l) => l.textContent)).to.deep.equal(['Annotation']);
  });

  it('form-mirror in a native form: the annotation is posted exactly once', async () => {
    const { form, el } = await page(['form-mirror']);
    await typeAnswer(el, 'x');
    expect(new FormData(form).getAll('annotation')).to.have.length(1);
  });

  it('form-mirror outside a native form (a crowd-form-like host): the light-DOM input carries the value', async () => {
    const host = await fixture<HTMLDivElement>(html`<div class="crowd-form"></div>`);
    const el = document.createElement('tagwerk-test-widget');
    el.setAttribute('name', 'annotation');
    el.setAttribute('form-mirror', '');
    el.autosave = 'off';
    el.task = makeTask();
    const ready = oneEvent(el, 'tagwerk-ready');
    host.append(el);
    await ready;
    await typeAnswer(el, 'x');
    const inputs = host.querySelectorAll<HTMLInputElement>('input[name="annotation"]');
    expect(inputs).to.have.length(1);
    expect((JSON.parse(inputs[0]!.value) as Annotation).result.answers['why']).to.equal('x');
    await el.submit();
    expect((JSON.parse(inputs[0]!.value) as Annotation).meta.submittedAt, 'the mirror carries the submission').to.be.a(
      'string',
    );
  });

  it('value is one object per state: el.value === el.value until the next change', async () => {
    const { el } = await page();
    const first = el.value;
    expect(el.value).to.equal(first);
    await typeAnswer(el, 'y');
    const second = el.value;
    expect(second).not.to.equal(first);
    expect(el.value).to.equal(second);
  });
});
