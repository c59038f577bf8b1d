/**
 * A test-only widget on the shared base: text and single-choice questions as native controls.
 * It exists so the base's behaviour (events, drafts, forms, hotkeys, modes) is tested once,
 * through a real element, without any widget's own surface in the way. Not part of the build.
 */
import { html, type TemplateResult } from 'lit';
import type { TaskOf, TextResult } from '@tagwerk/core';
import { TagwerkWidget, type WidgetAction } from './tagwerk-widget.js';

export class TagwerkTestWidget extends TagwerkWidget<'text'> {
  protected readonly kind = 'text' as const;
  protected readonly widgetId = '@tagwerk/test-widget@0.0.0';
  /** How often the widget's own action ran (asserted by tests of remapping and scoping). */
  actionCount = 0;

  protected emptyResult(): TextResult {
    return { answers: {} };
  }

  protected override get actions(): WidgetAction[] {
    return [{ id: 'mark', label: 'ui.action.help', keys: ['KeyM'], run: () => void (this.actionCount += 1) }];
  }

  protected renderSurface(task: TaskOf<'text'>, result: TextResult): TemplateResult {
    return html`${task.questions.map((q) => {
      if (q.type === 'text') {
        const text = result.answers[q.id];
        return html`<label
          >${q.label}
          <textarea
            data-question=${q.id}
            .value=${typeof text === 'string' ? text : ''}
            ?readonly=${this.readonly}
            @input=${(e: Event) => {
              const value = (e.target as HTMLTextAreaElement).value;
              this.commit(this.withAnswer(result, q.id, value || undefined), { coalesceKey: q.id });
            }}
          ></textarea>
        </label>`;
      }
      if (q.type === 'choice') {
        return html`<fieldset data-question=${q.id} tabindex="-1">
          <legend>${q.label}</legend>
          ${q.options.map(
            (o) =>
              html`<label
                ><input
                  type="radio"
                  name=${q.id}
                  .checked=${result.answers[q.id] === o.id}
                  @change=${() => this.commit(this.withAnswer(this.result!, q.id, o.id))}
                />${o.label}</label
              >`,
          )}
        </fieldset>`;
      }
      return html``;
    })}`;
  }
}

if (!customElements.get('tagwerk-test-widget')) customElements.define('tagwerk-test-widget', TagwerkTestWidget);

declare global {
  interface HTMLElementTagNameMap {
    'tagwerk-test-widget': TagwerkTestWidget;
  }
}
