/** Browser-test helpers shared by the widgets' element tests. */
import { fixture, html, oneEvent } from '@open-wc/testing';
import type { TagwerkWidget } from '../src/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any widget, whatever its messages
type AnyWidget = TagwerkWidget<'text', any> | TagwerkWidget<'image', any> | TagwerkWidget<'audio', any>;

/**
 * Puts a widget (task already set) into a container of `width` px, without drafts, and resolves
 * once it fired `tagwerk-ready` and rendered.
 */
export async function mountReady<T extends AnyWidget>(el: T, width = 900): Promise<T> {
  el.autosave = 'off';
  const ready = oneEvent(el, 'tagwerk-ready');
  await fixture(html`<div style="width: ${width}px">${el}</div>`);
  await ready;
  await el.updateComplete;
  return el;
}

/** The first match in the widget's shadow root; throws (naming the selector) when absent. */
export function shadowQuery<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}
