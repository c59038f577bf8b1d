/**
 * The test side of the emulator pages: a platform's frame around a task page (test/pages/), what
 * the page reported, the worker's real mouse and keyboard inside the frame, the emulator's log
 * (scripts/platform-emulator.mjs) and the widget's stored draft. Every wait is for an event or
 * a polled condition with a deadline; nothing sleeps for a fixed time.
 */
import { expect } from '@open-wc/testing';
import { parseTask, validateAnnotation, type Annotation, type Task } from '@tagwerk/core';
import { sendMouse } from '@web/test-runner-commands';
import { draftKey, IndexedDbStore } from '../../ui/src/journal.js';
import { publishedSchemaErrors } from '../../core/test/published-schema.js';

export interface PageReport {
  source: 'tagwerk-emulator';
  type: string;
  code?: string;
  message?: string;
  url?: string;
  annotation?: Annotation;
  errors?: Array<{ task_id: string; errors: Record<string, { code: string; message: string }> }>;
  [key: string]: unknown;
}

export interface Attempt {
  route: string;
  /** `held`: still waiting for a release. */
  outcome: 'held' | 'dropped' | '500' | '503' | 'answered';
  /** It was held before its outcome. */
  held: boolean;
  idempotencyKey?: string;
}
export interface EmulatorRecord {
  route: 'mturk' | 'submit' | 'collect' | 'done';
  fields?: Record<string, string>;
  fieldNames?: string[];
  body?: unknown;
  idempotencyKey?: string;
  contentType?: string;
  query?: Record<string, string>;
}
export interface EmulatorLog {
  records: EmulatorRecord[];
  attempts: Attempt[];
  held: number;
}

export type WidgetElement = HTMLElement & {
  value: Annotation | null;
  readonly: boolean;
  updateComplete: Promise<boolean>;
  submit(): Promise<Annotation>;
};

let counter = 0;
/** A run id of its own for every test: the emulator files what arrives under it. */
export const newRun = (): string => `r${Date.now().toString(36)}${(counter++).toString(36)}`;

export const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Polls `probe` every frame until it returns something other than undefined/false, or fails naming `what`. */
export async function until<T>(
  what: string | (() => string),
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (performance.now() > deadline)
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await nextFrame();
  }
}

const PAGES = '/packages/platforms/test/pages/';

/** An iframe showing one emulator page, as the platform frames the task. */
export class TaskFrame {
  readonly frame = document.createElement('iframe');
  readonly reports: PageReport[] = [];
  readonly src: string;
  private readonly listener = (event: MessageEvent): void => {
    const data = event.data as PageReport | undefined;
    if (event.source === this.frame.contentWindow && data?.source === 'tagwerk-emulator') this.reports.push(data);
  };

  constructor(
    page: string,
    query: Record<string, string>,
    readonly widgetName = query.widget ?? 'text-rater',
  ) {
    window.addEventListener('message', this.listener);
    this.frame.style.cssText = 'width: 900px; height: 720px; border: 0; display: block';
    this.src = `${PAGES}${page}?${new URLSearchParams(query)}`;
    this.frame.src = this.src;
    document.body.append(this.frame);
    open.push(this);
  }

  /** The `count`-th report of `type` (waits for it). */
  next(type: string, count = 1, timeoutMs = 15000): Promise<PageReport> {
    return until(
      () => `report "${type}" #${count}; got ${JSON.stringify(this.reports.map((r) => r.type))}`,
      () => this.reports.filter((r) => r.type === type)[count - 1],
      timeoutMs,
    );
  }

  count(type: string): number {
    return this.reports.filter((r) => r.type === type).length;
  }

  get document(): Document {
    const doc = this.frame.contentDocument;
    if (!doc) throw new Error('the frame shows no document of this origin');
    return doc;
  }

  get widget(): WidgetElement {
    const el = this.document.querySelector(`tagwerk-${this.widgetName}`);
    if (!el) throw new Error('no widget in the task page');
    return el as WidgetElement;
  }

  /** The widget is ready and rendered. */
  async ready(): Promise<WidgetElement> {
    await this.next('ready');
    await this.widget.updateComplete;
    await nextFrame();
    return this.widget;
  }

  shadow(selector: string): HTMLElement | null {
    return this.widget.shadowRoot!.querySelector<HTMLElement>(selector);
  }

  /** The widget's platform notice (text), or '' when there is none. */
  notice(selector = '.notice.platform'): string {
    return this.shadow(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  submitButton(): HTMLElement | null {
    return this.shadow('[part="submit-button"]');
  }

  /** A real click in the middle of an element inside the frame (the frame's offset added). */
  async click(element: Element): Promise<void> {
    element.scrollIntoView({ block: 'center' });
    const outer = this.frame.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height) throw new Error(`<${element.localName}> is not shown`);
    await sendMouse({
      type: 'click',
      position: [Math.round(outer.x + box.x + box.width / 2), Math.round(outer.y + box.y + box.height / 2)],
    });
  }

  /** Clicks an option of the `sentiment` question (its label, as drawn: the option's id, capitalised). */
  async choose(option: string): Promise<void> {
    const labels = [...(this.shadow('[data-question="sentiment"]')?.querySelectorAll('.choice:not(.none)') ?? [])];
    const label = labels.find((l) => l.querySelector('.choice-label')?.textContent?.trim().toLowerCase() === option);
    if (!label) throw new Error(`no option ${option} in the sentiment question`);
    await this.click(label);
  }

  /** What the worker sees as answered (read from the widget's value). */
  answers(): Record<string, unknown> {
    return this.widget.value?.result.answers ?? {};
  }

  /** The worker opens the task page again (a new load of the same URL, not a history step). */
  reopen(): void {
    this.reports.length = 0;
    this.frame.src = this.src;
  }

  /** The worker reloads the page (the frame keeps its URL). */
  reload(): void {
    this.reports.length = 0;
    this.frame.contentWindow!.location.reload();
  }

  remove(): void {
    window.removeEventListener('message', this.listener);
    this.frame.remove();
  }
}

const open: TaskFrame[] = [];
/** Removes every frame a test opened (call in afterEach). */
export function closeFrames(): void {
  open.splice(0).forEach((f) => f.remove());
}

export async function emulatorLog(run: string): Promise<EmulatorLog> {
  const response = await fetch(`/emulator/log?run=${run}`, { cache: 'no-store' });
  return (await response.json()) as EmulatorLog;
}

/** Waits until the emulator holds `count` records of `route` (and returns all of them). */
export async function records(run: string, route: EmulatorRecord['route'], count = 1): Promise<EmulatorRecord[]> {
  let last: EmulatorRecord[] = [];
  return until(
    () => `${count} ${route} record(s) in run ${run}, got ${last.length}`,
    async () => {
      last = (await emulatorLog(run)).records.filter((r) => r.route === route);
      return last.length >= count ? last : undefined;
    },
  );
}

/** Waits until the emulator saw `count` requests on `route` (failed, held or answered). */
export async function attempts(run: string, route: string, count = 1): Promise<Attempt[]> {
  let last: Attempt[] = [];
  return until(
    () => `${count} ${route} attempt(s) in run ${run}, got ${JSON.stringify(last)}`,
    async () => {
      last = (await emulatorLog(run)).attempts.filter((a) => a.route === route);
      return last.length >= count ? last : undefined;
    },
  );
}

/** Sets the run's faults (fail=500|503|drop|none, times, hold). */
export async function control(run: string, settings: Record<string, string>): Promise<void> {
  await fetch(`/emulator/control?${new URLSearchParams({ run, ...settings })}`, { method: 'POST' });
}

/** Answers the run's held requests. */
export async function release(run: string): Promise<void> {
  await fetch(`/emulator/release?run=${run}`, { method: 'POST' });
}

/** The widget's draft for a task in an assignment, as the journal stores it (undefined: none). */
export async function storedDraft(
  widget: string,
  taskId: string,
  platform: string,
  scope: string,
): Promise<{ value: { result: { answers: Record<string, unknown> } } } | undefined> {
  const key = draftKey(`tagwerk-${widget}`, scope ? JSON.stringify([taskId, platform, scope]) : taskId);
  return (await new IndexedDbStore().get(key)) as
    { value: { result: { answers: Record<string, unknown> } } } | undefined;
}

/** Deletes the widget's stored draft (as if the journal never had one). */
export async function deleteDraft(widget: string, taskId: string, platform: string, scope: string): Promise<void> {
  await new IndexedDbStore().delete(
    draftKey(`tagwerk-${widget}`, scope ? JSON.stringify([taskId, platform, scope]) : taskId),
  );
}

/** Waits until the journal stored a draft with this answer to the sentiment question. */
export function draftWith(
  widget: string,
  taskId: string,
  platform: string,
  scope: string,
  sentiment: string,
): Promise<unknown> {
  return until(`a stored draft with sentiment=${sentiment} for ${taskId} in ${platform}/${scope}`, async () => {
    const draft = await storedDraft(widget, taskId, platform, scope);
    return draft?.value.result.answers['sentiment'] === sentiment ? draft : undefined;
  });
}

/**
 * Checks an envelope a platform received: valid for the task (core's validateAnnotation) and
 * against the published schema (Ajv), final (submittedAt), and free of the platform's ids.
 */
export async function expectValidEnvelope(envelope: Annotation, task: Task, platformIds: string[]): Promise<void> {
  const parsed = parseTask(task);
  if (!parsed.ok) throw new Error('the test task is invalid');
  expect(validateAnnotation(envelope, parsed.value).errors, 'validateAnnotation').to.deep.equal([]);
  expect(await publishedSchemaErrors(envelope), 'the published annotation schema (Ajv)').to.deep.equal([]);
  expect(envelope.meta.submittedAt, 'the final envelope').to.be.a('string');
  for (const id of platformIds) {
    expect(JSON.stringify(envelope.meta), `meta carries no platform id (${id})`).not.to.contain(id);
    expect(JSON.stringify(envelope), `the envelope carries no platform id (${id})`).not.to.contain(id);
  }
}
