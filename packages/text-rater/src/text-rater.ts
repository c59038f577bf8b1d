import { html, type TemplateResult } from 'lit';
import type { TaskOf, TextResult } from '@tagwerk/core';
import { TagwerkWidget, markdown } from '@tagwerk/core/ui';
import { styles } from './text-rater.styles.js';
import { WIDGET_ID } from './version.js';

/**
 * Rate, compare and rank chatbot answers, grade search results, classify and highlight text.
 *
 * @summary The text microtask widget: a record (prompt, conversation, responses, query and
 * results, or a plain text) and the task's questions.
 *
 * @event tagwerk-ready - Task parsed, widget interactive; `detail: { taskId }`.
 * @event tagwerk-change - After each user edit; `detail: { annotation, valid, errors }`.
 * @event tagwerk-submit - `submit()` succeeded; `detail: { annotation }`.
 * @event tagwerk-invalid - `submit()` refused; `detail: { errors }`.
 * @event tagwerk-error - Bad task or storage failure; `detail: { code, message }`.
 */
export class TagwerkTextRater extends TagwerkWidget<'text'> {
  static override styles = [...TagwerkWidget.styles, styles];

  protected readonly kind = 'text' as const;
  protected readonly widgetId = WIDGET_ID;

  protected emptyResult(): TextResult {
    return { answers: {} };
  }

  protected renderSurface(task: TaskOf<'text'>): TemplateResult {
    const { record } = task;
    return html`
      <section class="record" aria-label="Record">
        ${record.prompt ? html`<div class="md prompt">${markdown(record.prompt)}</div>` : null}
        ${(record.responses ?? []).map(
          (r) => html`<article class="md response">${markdown(r.text, r.format === 'plain')}</article>`,
        )}
        ${record.text ? html`<div class="md text">${markdown(record.text, true)}</div>` : null}
      </section>
    `;
  }
}
