/** Browser-test helpers shared by the widgets' element tests, and the base of their harnesses. */
import { fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Annotation, TagwerkChangeDetail, ValidationError } from '@tagwerk/core';
import type { TagwerkWidget } from '../src/index.js';
import { press } from './keys.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any widget, whatever its messages
type AnyWidget = TagwerkWidget<'text', any> | TagwerkWidget<'image', any> | TagwerkWidget<'audio', any>;

/**
 * Puts a widget (task already set) into a container of `width` px, without drafts, and resolves
 * once it fired `tagwerk-ready`, rendered, and was laid out (what its resize observers changed
 * in the first frame rendered too: a click measures where things really are).
 */
export async function mountReady<T extends AnyWidget>(el: T, width = 900): Promise<T> {
  el.autosave = 'off';
  const ready = oneEvent(el, 'tagwerk-ready');
  await fixture(html`<div style="width: ${width}px">${el}</div>`);
  await ready;
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
  return el;
}

/** The first match in the widget's shadow root; throws (naming the selector) when absent. */
export function shadowQuery<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

/** Resolves at the next animation frame (`count` frames: layout and paint have happened). */
export async function nextFrame(count = 1): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
}

/** A page position in integer CSS px, as the runner's mouse takes it. */
export type PagePoint = [number, number];

/** The centre of an element on the page (scrolled into view first), in integer CSS px. */
export function centreOf(element: Element, block: ScrollLogicalPosition = 'nearest'): PagePoint {
  element.scrollIntoView({ block, inline: 'nearest' });
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}

/**
 * A real click in the middle of `element` (scrolled into view first), where the worker would
 * click: when something else is on top of that point the click waits a few frames for it to go
 * away, then fails naming what covers the element (a user could not click it either).
 */
export async function clickElement(element: Element, modifiers: string[] = []): Promise<void> {
  for (let frames = 0; ; frames++) {
    const at = centreOf(element);
    const hit = (element.getRootNode() as Document | ShadowRoot).elementFromPoint(at[0], at[1]);
    if (hit && (hit === element || element.contains(hit))) return clickAt(at, modifiers);
    if (frames === 5) throw new Error(`${nameOf(element)} is covered by ${nameOf(hit)} at ${at.join(', ')}`);
    await nextFrame();
  }
}

const nameOf = (element: Element | null): string =>
  element ? `<${element.localName}${element.className ? ` class="${String(element.className)}"` : ''}>` : 'nothing';

/** Presses the real mouse button at `at` and releases it there; with `modifiers` held on the real keyboard. */
export async function clickAt(at: PagePoint, modifiers: string[] = []): Promise<void> {
  await withKeys(modifiers, async () => {
    await sendMouse({ type: 'move', position: at });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'up' });
  });
}

/**
 * A press at `from`, `steps` moves on the straight line to `to`, a release there (with the
 * `button`, and `modifiers` held on the real keyboard).
 */
export async function dragAlong(
  from: PagePoint,
  to: PagePoint,
  {
    steps = 5,
    button = 'left',
    modifiers = [],
  }: { steps?: number; button?: 'left' | 'middle'; modifiers?: string[] } = {},
): Promise<void> {
  await withKeys(modifiers, async () => {
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down', button });
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      await sendMouse({
        type: 'move',
        position: [Math.round(from[0] + (to[0] - from[0]) * t), Math.round(from[1] + (to[1] - from[1]) * t)],
      });
    }
    await sendMouse({ type: 'up', button });
  });
}

/** Runs `action` with the modifier keys (e.g. `['Shift']`) held down on the real keyboard. */
async function withKeys(modifiers: string[], action: () => Promise<void>): Promise<void> {
  for (const key of modifiers) await sendKeys({ down: key });
  try {
    await action();
  } finally {
    for (const key of [...modifiers].reverse()) await sendKeys({ up: key });
  }
}

/** How a submission attempt ended: the submitted envelope, or why it was refused. */
export type SubmitOutcome<A extends Annotation = Annotation> =
  { submitted: true; annotation: A } | { submitted: false; errors: ValidationError[] };

/**
 * What every widget harness can do: the user's view of the footer (status, submit button, the
 * refusal list) and of the annotation the host receives. Subclasses add the widget's own actions.
 * Every action goes through the runner's real mouse and keyboard; shadow-DOM selectors stay in
 * the harnesses, so a test reads as the user's steps and the host's observations.
 */
export class WidgetHarness<W extends AnyWidget> {
  constructor(readonly element: W) {}

  /** The annotation as the host reads it (`el.value`). */
  get value(): W['value'] {
    return this.element.value;
  }

  /** The footer's submit button. */
  get submitButton(): HTMLButtonElement {
    return this.query<HTMLButtonElement>('[part="submit-button"]');
  }

  /** The element focused inside the widget (its shadow root's active element), or null. */
  get focused(): Element | null {
    return this.element.shadowRoot!.activeElement;
  }

  /** The footer's status line ("Ready to submit", "2 answers missing", …). */
  status(): string {
    return text(this.query('[part="footer"] .status'));
  }

  /** The refusal shown after a failed submission, one entry per listed error; empty when none is shown. */
  errorsShown(): string[] {
    return [...this.element.shadowRoot!.querySelectorAll('.submit-errors li')].map(text);
  }

  /** What the widget last said in its polite live region (announcements for screen readers). */
  announcement(): string {
    return text(this.query('[role="status"][aria-live="polite"]'));
  }

  /** The next `tagwerk-change` (set it up before the action that causes it). */
  async waitForChange(): Promise<TagwerkChangeDetail> {
    return (await oneEvent(this.element, 'tagwerk-change')).detail;
  }

  /**
   * Submits as the worker does: a click on the submit button, or Control+Enter (`keyboard`, with
   * the focus inside the widget). Resolves with the `tagwerk-submit` or `tagwerk-invalid` detail.
   */
  async submit(by: 'button' | 'keyboard' = 'button'): Promise<SubmitOutcome<NonNullable<W['value']>>> {
    const outcome = new Promise<SubmitOutcome<NonNullable<W['value']>>>((resolve) => {
      const onSubmit = (e: Event): void => {
        done();
        resolve({
          submitted: true,
          annotation: (e as CustomEvent<{ annotation: NonNullable<W['value']> }>).detail.annotation,
        });
      };
      const onInvalid = (e: Event): void => {
        done();
        resolve({ submitted: false, errors: (e as CustomEvent<{ errors: ValidationError[] }>).detail.errors });
      };
      const done = (): void => {
        this.element.removeEventListener('tagwerk-submit', onSubmit);
        this.element.removeEventListener('tagwerk-invalid', onInvalid);
      };
      this.element.addEventListener('tagwerk-submit', onSubmit);
      this.element.addEventListener('tagwerk-invalid', onInvalid);
    });
    if (by === 'keyboard') {
      if (!this.element.matches(':focus-within'))
        throw new Error('submit by keyboard: the focus is outside the widget');
      await press('Control+Enter');
    } else {
      await this.click(this.submitButton);
    }
    const result = await outcome;
    await this.element.updateComplete;
    return result;
  }

  /** Undo (`button`: the footer's undo button; `keyboard`: Control+Z where the focus is). */
  async undo(by: 'button' | 'keyboard' = 'button'): Promise<void> {
    if (by === 'keyboard') await press('Control+KeyZ');
    else await this.click(this.query('[part="footer"] button'));
    await this.element.updateComplete;
  }

  /** A real click in the middle of `element` (see `clickElement`). */
  async click(element: Element, modifiers: string[] = []): Promise<void> {
    await clickElement(element, modifiers);
    await this.element.updateComplete;
  }

  /** The first match in the widget's shadow root; throws (naming the selector) when absent. */
  query<T extends Element = HTMLElement>(selector: string): T {
    return shadowQuery<T>(this.element, selector);
  }

  /** Every match in the widget's shadow root. */
  queryAll<T extends Element = HTMLElement>(selector: string): T[] {
    return [...this.element.shadowRoot!.querySelectorAll<T>(selector)];
  }
}

/** An element's text with its whitespace collapsed. */
export function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
