/**
 * `<tagwerk-text-rater platform="…">` on a task page as the platform serves it (an iframe whose
 * URL carries the platform's parameters), answered with the runner's mouse and keyboard, the
 * submission read back from the receiving side (scripts/platform-test-routes.mjs).
 *
 * - MTurk: https://docs.aws.amazon.com/AWSMechTurk/latest/AWSMechanicalTurkRequester/mturk-hits-defining-questions-html-rendered.html
 *   (the query parameters; preview with ASSIGNMENT_ID_NOT_AVAILABLE; the answer is a form POST
 *   to <turkSubmitTo>/mturk/externalSubmit with assignmentId).
 * - Prolific: https://docs.prolific.com/api-reference/studies/the-study-object (PROLIFIC_PID,
 *   STUDY_ID, SESSION_ID in the study URL; the completion URL with the completion code).
 * - Ground Truth's `<crowd-form>` and Toloka's Task life cycle: emulated as their documentation
 *   describes them (platform-page/emulators.ts, with the pages cited there).
 */
import { expect } from '@open-wc/testing';
import { parseTask, validateAnnotation, type Annotation } from '@tagwerk/core';
import { sendMouse } from '@web/test-runner-commands';
import { press } from '../../ui/test/keys.js';
import { draftKey, IndexedDbStore } from '../../ui/src/journal.js';
import { sentimentTask } from './fixtures.js';

interface PageMessage {
  source: 'platform-page';
  type: 'ready' | 'change' | 'error' | 'navigate' | 'crowd-cancelled' | 'toloka-invalid' | 'toloka-sent';
  errors?: { task_id: string; errors: Record<string, { code: string; message: string }> };
  code?: string;
  url?: string;
  annotation?: Annotation;
}

let runCounter = 0;
const newRun = (): string => `r${Date.now().toString(36)}${(runCounter++).toString(36)}`;

/** The platform's frame around the task page, and what the page reported. */
class TaskFrame {
  readonly frame = document.createElement('iframe');
  readonly messages: PageMessage[] = [];
  private readonly listener = (event: MessageEvent): void => {
    if (event.source === this.frame.contentWindow && (event.data as PageMessage)?.source === 'platform-page') {
      this.messages.push(event.data as PageMessage);
    }
  };

  constructor(query: Record<string, string>) {
    window.addEventListener('message', this.listener);
    this.frame.style.cssText = 'width: 800px; height: 700px; border: 0; display: block';
    this.frame.src = `/packages/text-rater/test/platform-page/index.html?${new URLSearchParams(query)}`;
    document.body.append(this.frame);
  }

  /** Resolves when the page reported a message of `type` (the `count`-th one). */
  async next(type: PageMessage['type'], count = 1, timeoutMs = 15000): Promise<PageMessage> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.messages.filter((m) => m.type === type);
      if (found.length >= count) return found[count - 1]!;
      if (performance.now() > deadline)
        throw new Error(`no "${type}" #${count} from the task page: ${JSON.stringify(this.messages)}`);
      await frame();
    }
  }

  get widget(): HTMLElement & { value: Annotation | null; updateComplete: Promise<boolean> } {
    const el = this.frame.contentDocument?.querySelector('tagwerk-text-rater');
    if (!el) throw new Error('no widget in the task page');
    return el as HTMLElement & { value: Annotation | null; updateComplete: Promise<boolean> };
  }

  shadow(selector: string): HTMLElement | null {
    return this.widget.shadowRoot!.querySelector<HTMLElement>(selector);
  }

  /** A real click in the middle of an element inside the frame. */
  async click(element: Element): Promise<void> {
    element.scrollIntoView({ block: 'center' });
    const outer = this.frame.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(outer.x + box.x + box.width / 2), Math.round(outer.y + box.y + box.height / 2)],
    });
  }

  /** Clicks the option `id` of the sentiment question (as drawn: its label). */
  async choose(option: string): Promise<void> {
    const index =
      sentimentTask.questions[0]!.type === 'choice'
        ? sentimentTask.questions[0]!.options.findIndex((o) => o.id === option)
        : -1;
    const label = this.shadow('[data-question="sentiment"]')?.querySelectorAll('.choice:not(.none)')[index];
    if (!label) throw new Error(`no option ${option}`);
    await this.click(label);
  }

  /** Focuses the sentiment question's first control, as Tab would. */
  focusQuestion(): void {
    this.shadow('[data-question="sentiment"] input')!.focus();
  }

  submitButton(): HTMLElement | null {
    return this.shadow('[part="submit-button"]');
  }

  remove(): void {
    window.removeEventListener('message', this.listener);
    this.frame.remove();
  }
}

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

async function log(run: string): Promise<Array<Record<string, unknown>>> {
  return (await (await fetch(`/__tagwerk/platform/${run}/log`)).json()) as Array<Record<string, unknown>>;
}

/** Polls the receiving side until `count` submissions arrived (or fails after the deadline). */
async function received(run: string, count: number, timeoutMs = 15000): Promise<Array<Record<string, unknown>>> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const entries = await log(run);
    if (entries.length >= count) return entries;
    if (performance.now() > deadline) throw new Error(`${entries.length} of ${count} submissions arrived`);
    await frame();
  }
}

/** Waits until the widget's draft for this assignment is stored (the journal's own store). */
async function draftStored(taskId: string, platform: string, scope: string): Promise<void> {
  const store = new IndexedDbStore();
  const key = draftKey('tagwerk-text-rater', JSON.stringify([taskId, platform, scope]));
  const deadline = performance.now() + 15000;
  while (!(await store.get(key))) {
    if (performance.now() > deadline) throw new Error(`no draft stored under ${key}`);
    await frame();
  }
}

const parsedTask = (id: string) => {
  const parsed = parseTask({ ...sentimentTask, id });
  if (!parsed.ok) throw new Error('fixture task invalid');
  return parsed.value;
};

describe('platform="mturk" on an MTurk task page', () => {
  const pages: TaskFrame[] = [];
  afterEach(() => pages.splice(0).forEach((p) => p.remove()));

  const open = (run: string, assignmentId: string, task: string): TaskFrame => {
    const page = new TaskFrame({
      task,
      assignmentId,
      hitId: 'HIT1',
      workerId: 'WORKER1',
      turkSubmitTo: `${location.origin}/__tagwerk/platform/${run}`,
      'attr-platform': 'mturk',
    });
    pages.push(page);
    return page;
  };

  it('previews read-only with a notice and no Submit, as MTurk shows a HIT before it is accepted', async () => {
    const run = newRun();
    const page = open(run, 'ASSIGNMENT_ID_NOT_AVAILABLE', `mt-prev-${run}`);
    await page.next('ready');
    await page.widget.updateComplete;
    expect(page.shadow('.notice.platform')?.textContent).to.contain('Accept the HIT');
    expect(page.submitButton()).to.equal(null);
    await page.choose('positive');
    await page.widget.updateComplete;
    expect(page.widget.value?.result.answers).to.deep.equal({}, 'a click changes nothing');
    page.focusQuestion();
    await press('Control+Enter');
    expect(await log(run)).to.deep.equal([], 'nothing submitted');
  });

  it('posts assignmentId and the envelope to externalSubmit once, for two quick presses; a reload mid-task keeps the answer', async () => {
    const run = newRun();
    const task = `mt-${run}`;
    const assignment = `A-${run}`;
    let page = open(run, assignment, task);
    await page.next('ready');
    await page.choose('negative');
    await page.next('change');
    await draftStored(task, 'mturk', assignment);

    // The worker's browser reloads the frame: the answer is back.
    page.frame.contentWindow!.location.reload();
    page.messages.length = 0;
    await page.next('ready');
    await page.widget.updateComplete;
    expect(page.widget.value?.result.answers).to.deep.equal({ sentiment: 'negative' });

    // Another assignment of the same HIT (another worker on this device) starts empty.
    const other = open(run, `B-${run}`, task);
    await other.next('ready');
    expect(other.widget.value?.result.answers).to.deep.equal({});
    other.remove();

    const button = page.submitButton()!;
    await page.click(button);
    await page.click(button).catch(() => undefined); // the page may be leaving already
    const [entry, ...more] = await received(run, 1);
    expect(more, 'one post').to.deep.equal([]);
    const fields = entry!.fields as Record<string, string>;
    expect(Object.keys(fields).sort()).to.deep.equal(['annotation', 'assignmentId']);
    expect(fields.assignmentId).to.equal(assignment);
    const envelope = JSON.parse(fields.annotation!) as Annotation;
    expect(envelope.result.answers).to.deep.equal({ sentiment: 'negative' });
    expect(envelope.meta.submittedAt).to.be.a('string');
    expect(JSON.stringify(envelope)).not.to.contain('WORKER1');
    expect(validateAnnotation(envelope, parsedTask(task)).errors).to.deep.equal([]);
    page = pages[0]!;
  });

  it('refuses a turkSubmitTo that is not MTurk: nothing is posted, the worker is told', async () => {
    const run = newRun();
    const page = new TaskFrame({
      task: `mt-evil-${run}`,
      assignmentId: 'A1',
      turkSubmitTo: 'https://evil.example',
      'attr-platform': 'mturk',
    });
    pages.push(page);
    await page.next('ready');
    await page.choose('neutral');
    await page.click(page.submitButton()!);
    expect((await page.next('error')).code).to.equal('platform-invalid');
    await page.widget.updateComplete;
    expect(page.shadow('.notice.platform.failed')?.textContent).to.contain('not sent');
    expect(page.frame.contentDocument?.querySelector('form[data-tagwerk-platform]')).to.equal(null);
  });
});

describe('platform="prolific" on a Prolific study page', () => {
  const pages: TaskFrame[] = [];
  afterEach(() => pages.splice(0).forEach((p) => p.remove()));

  const open = (run: string, save: string): TaskFrame => {
    const page = new TaskFrame({
      task: `pr-${run}`,
      PROLIFIC_PID: 'PID1',
      STUDY_ID: 'STUDY1',
      SESSION_ID: `S-${run}`,
      'attr-platform': 'prolific',
      'attr-submit-url': `/__tagwerk/platform/${run}/${save}`,
    });
    pages.push(page);
    return page;
  };

  it('saves once, then sends the worker to the completion URL with the code from the answer', async () => {
    const run = newRun();
    const page = open(run, 'save');
    await page.next('ready');
    await page.choose('mixed');
    page.focusQuestion();
    await press('Control+Enter');
    await press('Control+Enter');
    const navigation = await page.next('navigate');
    expect(navigation.url).to.equal(`https://app.prolific.com/submissions/complete?cc=CODE-${run}`);
    const entries = await received(run, 1);
    expect(entries).to.have.length(1);
    const body = entries[0]!.body as { platform: string; ids: Record<string, string>; annotation: Annotation };
    expect(body.platform).to.equal('prolific');
    expect(body.ids).to.deep.equal({ PROLIFIC_PID: 'PID1', STUDY_ID: 'STUDY1', SESSION_ID: `S-${run}` });
    expect(body.annotation.result.answers).to.deep.equal({ sentiment: 'mixed' });
    expect(JSON.stringify(body.annotation.meta)).not.to.contain('PID1');
    expect(validateAnnotation(body.annotation, parsedTask(`pr-${run}`)).errors).to.deep.equal([]);
    await page.widget.updateComplete;
    expect(page.shadow('.notice.platform.done')?.textContent).to.contain(`CODE-${run}`);
  });

  it('a lost connection and a 503 keep the draft and say so; Try again then saves one record', async () => {
    const run = newRun();
    const mode = (set: string) => fetch(`/__tagwerk/platform/${run}/mode?set=${set}`, { method: 'POST' });
    await mode('drop');
    const page = open(run, 'save');
    await page.next('ready');
    await page.choose('positive');
    await page.click(page.submitButton()!);
    expect((await page.next('error')).code).to.equal('submit-failed');
    await page.widget.updateComplete;
    const failed = page.shadow('.notice.platform.failed')!;
    expect(failed.textContent).to.contain('kept on this device');
    expect(failed.textContent).to.contain('could not be reached');
    await draftStored(`pr-${run}`, 'prolific', `S-${run}`);

    await mode('503');
    await page.click(failed.querySelector('button')!);
    expect((await page.next('error', 2)).code).to.equal('submit-failed');
    await page.widget.updateComplete;
    expect(page.shadow('.notice.platform.failed')?.textContent).to.contain('503');

    await mode('ok');
    await page.click(page.shadow('.notice.platform.failed button')!);
    await page.next('navigate');
    const entries = await received(run, 1);
    expect(entries).to.have.length(1);
    expect((entries[0]!.body as { annotation: Annotation }).annotation.result.answers).to.deep.equal({
      sentiment: 'positive',
    });
  });

  it('without a submit-url the page says it is not set up', async () => {
    const run = newRun();
    const page = new TaskFrame({ task: `pr-none-${run}`, 'attr-platform': 'prolific' });
    pages.push(page);
    expect((await page.next('error')).code).to.equal('platform-invalid');
    await page.next('ready');
    await page.widget.updateComplete;
    expect(page.shadow('.notice.platform')?.textContent).to.contain('not set up correctly');
  });
});

describe('platform="ground-truth" inside a <crowd-form>', () => {
  const pages: TaskFrame[] = [];
  afterEach(() => pages.splice(0).forEach((p) => p.remove()));

  it("the crowd-form's Submit is refused while answers are missing, then sends one hidden annotation input", async () => {
    const run = newRun();
    const page = new TaskFrame({ run, mode: 'crowd-form', task: `gt-${run}`, 'attr-platform': 'ground-truth' });
    pages.push(page);
    await page.next('ready');
    await page.widget.updateComplete;
    expect(page.submitButton(), 'the crowd-form has the Submit button').to.equal(null);
    const crowdSubmit = page.frame.contentDocument!.querySelector('crowd-form button[data-crowd-submit]')!;

    await page.click(crowdSubmit);
    await page.next('crowd-cancelled');
    await page.widget.updateComplete;
    expect(page.shadow('.submit-errors')?.textContent).to.contain('Overall sentiment');
    expect(await log(run)).to.deep.equal([]);

    await page.choose('neutral');
    await page.click(crowdSubmit);
    const [entry] = await received(run, 1);
    const output = entry!.body as Record<string, string>;
    expect(Object.keys(output)).to.deep.equal(['annotation']);
    const envelope = JSON.parse(output.annotation!) as Annotation;
    expect(envelope.result.answers).to.deep.equal({ sentiment: 'neutral' });
    expect(envelope.meta.submittedAt).to.be.a('string');
    expect(validateAnnotation(envelope, parsedTask(`gt-${run}`)).errors).to.deep.equal([]);
  });

  it('outside a crowd-form the page says it is not set up', async () => {
    const run = newRun();
    const page = new TaskFrame({ run, task: `gt-none-${run}`, 'attr-platform': 'ground-truth' });
    pages.push(page);
    expect((await page.next('error')).code).to.equal('platform-invalid');
  });
});

describe('platform="toloka" driven by Toloka\'s Task life cycle', () => {
  const pages: TaskFrame[] = [];
  afterEach(() => pages.splice(0).forEach((p) => p.remove()));

  it('validate() returns the errors and the widget lists them; state is kept per assignment; Send submits the final envelope', async () => {
    const run = newRun();
    let page = new TaskFrame({ run, mode: 'toloka', task: `tl-${run}` });
    pages.push(page);
    await page.next('ready');
    await page.widget.updateComplete;
    expect(page.submitButton(), 'Toloka has Send').to.equal(null);
    const send = (): HTMLElement => page.frame.contentDocument!.querySelector<HTMLElement>('#toloka-send')!;

    await page.click(send());
    const invalid = await page.next('toloka-invalid');
    expect(invalid.errors!.task_id).to.equal(`tl-${run}`);
    expect(invalid.errors!.errors.annotation!.code).to.equal('TAGWERK_INVALID');
    await page.widget.updateComplete;
    expect(page.shadow('.submit-errors')?.textContent).to.contain('Overall sentiment');

    // An answer, then the worker leaves and comes back to the same assignment: Toloka restores it.
    await page.choose('positive');
    await page.next('change');
    page.frame.contentWindow!.location.reload();
    page.messages.length = 0;
    await page.next('ready');
    await page.widget.updateComplete;
    expect(page.widget.value?.result.answers).to.deep.equal({ sentiment: 'positive' });

    await page.click(send());
    await page.next('toloka-sent');
    const [entry] = await received(run, 1);
    const [solution] = entry!.body as Array<{ task_id: string; output_values: { annotation: Annotation } }>;
    expect(solution!.task_id).to.equal(`tl-${run}`);
    const envelope = solution!.output_values.annotation;
    expect(envelope.result.answers).to.deep.equal({ sentiment: 'positive' });
    expect(envelope.meta.submittedAt, 'the final envelope').to.be.a('string');
    expect(validateAnnotation(envelope, parsedTask(`tl-${run}`)).errors).to.deep.equal([]);
    page = pages[0]!;
  });

  it("follows the workspace: read-only history view, the worker's language", async () => {
    const run = newRun();
    const page = new TaskFrame({ run, mode: 'toloka', task: `tl-ro-${run}`, readonly: '', language: 'de' });
    pages.push(page);
    await page.next('ready');
    await page.widget.updateComplete;
    expect(page.widget.hasAttribute('readonly')).to.equal(true);
    expect(page.shadow('[part="base"]')?.getAttribute('lang')).to.equal('de');
    await page.choose('negative');
    await page.widget.updateComplete;
    expect(page.widget.value?.result.answers).to.deep.equal({});
  });
});
