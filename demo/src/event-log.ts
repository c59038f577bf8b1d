import { clock, h } from './dom.js';

export type LogTone = 'info' | 'ok' | 'warn' | 'error';

/**
 * The event log panel: newest first, capped. Consecutive `tagwerk-change` events of one task
 * fold into one line with a counter, so typing a sentence does not flood the log.
 */
export class EventLog {
  private last: { key: string; count: number; item: HTMLLIElement } | undefined;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly max = 200,
  ) {}

  /** Adds a line; `foldKey` merges it with the previous line when the keys match. */
  add(type: string, summary: string, tone: LogTone = 'info', foldKey?: string): void {
    if (foldKey && this.last?.key === foldKey && this.list.firstElementChild === this.last.item) {
      this.last.count += 1;
      this.last.item.replaceWith((this.last.item = this.line(type, summary, tone, this.last.count)));
      return;
    }
    const item = this.line(type, summary, tone, 1);
    this.list.prepend(item);
    this.last = foldKey ? { key: foldKey, count: 1, item } : undefined;
    while (this.list.childElementCount > this.max) this.list.lastElementChild?.remove();
  }

  clear(): void {
    this.list.replaceChildren();
    this.last = undefined;
  }

  private line(type: string, summary: string, tone: LogTone, count: number): HTMLLIElement {
    return h(
      'li',
      { class: `log-line tone-${tone}` },
      h('time', {}, clock()),
      h('code', { class: 'log-type' }, type),
      count > 1 ? h('span', { class: 'log-count', title: `${count} events` }, `×${count}`) : null,
      h('span', { class: 'log-summary' }, summary),
    );
  }
}
