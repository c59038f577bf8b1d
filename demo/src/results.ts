import type { ServerError, Verdict } from './api.js';
import { append, h } from './dom.js';

/** The "Server verdict" panel: accepted or refused, every error, and the envelope as JSON text. */
export class ResultsPanel {
  constructor(
    private readonly badge: HTMLElement,
    private readonly body: HTMLElement,
    private readonly envelope: HTMLElement,
  ) {}

  /** Shows a verdict for `annotation` (which the server received with `status`). */
  show(annotation: unknown, status: number, verdict: Verdict, note?: string): void {
    this.badge.hidden = false;
    this.badge.className = `verdict-badge ${verdict.accepted ? 'ok' : 'refused'}`;
    this.badge.textContent = verdict.accepted ? 'Accepted' : 'Refused';
    this.body.replaceChildren();
    append(this.body, [
      h(
        'p',
        { class: 'verdict-line' },
        verdict.accepted ? `Stored as ${verdict.id ?? '?'} ` : 'Not stored ',
        h('span', { class: 'muted' }, `(HTTP ${status})`),
      ),
      note ? h('p', { class: 'muted' }, note) : null,
      this.errorList('JSON Schema (Ajv, annotation.json)', verdict.schemaErrors),
      this.errorList('Contract (validateAnnotation against the task)', verdict.contractErrors),
    ]);
    this.setEnvelope(annotation);
  }

  /** Shows a problem reaching the server. */
  fail(annotation: unknown, message: string): void {
    this.badge.hidden = false;
    this.badge.className = 'verdict-badge refused';
    this.badge.textContent = 'Error';
    this.body.replaceChildren(h('p', { class: 'verdict-line' }, message));
    this.setEnvelope(annotation);
  }

  private setEnvelope(annotation: unknown): void {
    // textContent, never innerHTML: the envelope holds whatever the worker typed.
    this.envelope.replaceChildren(h('code', {}, JSON.stringify(annotation, null, 2)));
  }

  private errorList(title: string, errors: ServerError[]): HTMLElement {
    return h(
      'div',
      { class: 'check' },
      h(
        'h3',
        { class: 'check-title' },
        h('span', { class: errors.length ? 'dot bad' : 'dot good', 'aria-hidden': 'true' }),
        `${title}: `,
        errors.length ? `${errors.length} problem${errors.length === 1 ? '' : 's'}` : 'passed',
      ),
      errors.length
        ? h(
            'ul',
            { class: 'error-list' },
            ...errors.map((e) =>
              h(
                'li',
                {},
                h('code', { class: 'error-path' }, e.path || '/'),
                ' ',
                h('span', { dir: 'auto' }, e.message),
                ' ',
                h('span', { class: 'muted' }, `(${e.code})`),
              ),
            ),
          )
        : null,
    );
  }
}
