import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  type Answer,
  answerIdOfPath,
  answersAgree,
  codePointLength,
  hotkeyBinding,
  isSafeUrl,
  type Question,
  type Response,
  type SpansQuestion,
  type TaskOf,
  type TextResult,
  type Turn,
  type ValidationError,
} from '@tagwerk/core';
import {
  TagwerkWidget,
  focusQuestion,
  markdown,
  pairwiseShownOrder,
  questionStyles,
  type FeedbackItem,
  type QuestionHost,
  type WidgetAction,
  renderQuestion,
} from '@tagwerk/ui';
import { textRaterMessages, type TextRaterMessageKey } from './i18n/messages.js';
import { styles } from './text-rater.styles.js';
import { WIDGET_ID } from './version.js';

/** Responses longer than this render as plain text until the worker asks for formatting. */
const LAZY_MARKDOWN_CHARS = 200_000;

/**
 * Rate, compare and rank chatbot answers, grade search results, classify and highlight text.
 *
 * @summary The text microtask widget: a record (prompt, conversation, responses, a search query
 * with results, or a plain text) beside the task's questions.
 *
 * @event tagwerk-ready - Task parsed, widget interactive; `detail: { taskId }`.
 * @event tagwerk-change - After each user edit; `detail: { annotation, valid, errors }`.
 * @event tagwerk-submit - `submit()` succeeded; `detail: { annotation }`.
 * @event tagwerk-invalid - `submit()` refused; `detail: { errors }`.
 * @event tagwerk-error - Bad task or storage failure; `detail: { code, message }`.
 *
 * @csspart base - The widget's frame.
 * @csspart header - Title row.
 * @csspart title - The task title.
 * @csspart instructions - The collapsible instructions.
 * @csspart surface - Record and questions.
 * @csspart record - The record: prompt, conversation, responses, results or text.
 * @csspart response - One response card.
 * @csspart questions - The questions column.
 * @csspart footer - Status, undo/redo and submit.
 * @csspart submit-button - The submit button.
 * @csspart error - The error state shown instead of the surface.
 */
export class TagwerkTextRater extends TagwerkWidget<'text', TextRaterMessageKey> {
  static override messages = textRaterMessages;
  static override styles = [...TagwerkWidget.styles, questionStyles, styles];

  protected readonly kind = 'text' as const;
  protected readonly widgetId = WIDGET_ID;

  /** Long responses the worker chose to see formatted (by response id). */
  private formatted = new Set<string>();
  private scrolledConversation: string | undefined;

  protected emptyResult(): TextResult {
    return { answers: {} };
  }

  protected override get actions(): WidgetAction<TextRaterMessageKey>[] {
    const task = this.parsedTask;
    const questions = task?.questions ?? [];
    const spanLabels: WidgetAction<TextRaterMessageKey>[] = questions.flatMap((q) =>
      q.type !== 'spans'
        ? []
        : q.labels.flatMap((label) =>
            label.hotkey
              ? [
                  {
                    id: `span:${q.id}:${label.id}`,
                    label: 'textRater.action.spanLabel' as const,
                    keys: [hotkeyBinding(label.hotkey)],
                    run: () => this.applySpanLabel(q.id, label.id),
                  },
                ]
              : [],
          ),
    );
    const answering = task ? this.questionKeys(() => this.textHost(task)) : [];
    // Span labels first: inside a spans field their letters win over "prefer A" and friends.
    return [...spanLabels, ...answering];
  }

  /** A span label's hotkey: applies only inside that question's spans field. */
  private applySpanLabel(questionId: string, labelId: string): boolean {
    const active = this.shadowRoot?.activeElement;
    if (!active || active.localName !== 'tagwerk-spans-field') return false;
    const field = active as HTMLElement & { applyLabel(label: string): boolean };
    if (field.closest('[data-question]')?.getAttribute('data-question') !== questionId) return false;
    return field.applyLabel(labelId);
  }

  protected override focusError(error: ValidationError): void {
    const id = answerIdOfPath(error.path);
    const element = id ? this.shadowRoot?.querySelector(`[data-question="${CSS.escape(id)}"]`) : null;
    if (!focusQuestion(element ?? null)) super.focusError(error);
  }

  protected override compare(reference: TextResult, result: TextResult): FeedbackItem[] {
    const questions = this.parsedTask?.questions ?? [];
    return questions.map((q) => {
      const expected = reference.answers[q.id];
      const actual = result.answers[q.id];
      const agree = answersAgree(q, expected, actual);
      return { label: q.label, agree, detail: agree ? undefined : this.describeDifference(q, expected, actual) };
    });
  }

  private describeDifference(q: Question, expected: Answer | undefined, actual: Answer | undefined): string {
    if (actual === undefined) return this.t('textRater.training.unanswered');
    if (q.type === 'rating' && typeof expected === 'number' && typeof actual === 'number') {
      return this.t('textRater.training.rating', { expected, actual });
    }
    if (q.type === 'spans' && Array.isArray(expected) && Array.isArray(actual)) {
      const key = (s: unknown): string =>
        JSON.stringify([(s as { start: number }).start, (s as { end: number }).end, (s as { label: string }).label]);
      const want = new Set(expected.map(key));
      const matched = actual.filter((s) => want.has(key(s))).length;
      return this.t('textRater.training.spans', { matched, expected: expected.length, actual: actual.length });
    }
    return this.t('ui.training.differ');
  }

  private textHost(task: TaskOf<'text'>): QuestionHost {
    return this.questionHost({ record: task.record, responseTitle: (id) => this.responseTitle(task, id) });
  }

  /** The display order of responses and the title each card shows ("Response A", a label…). */
  private responseLayout(task: TaskOf<'text'>): {
    ordered: Response[];
    titles: Map<string, { title: string; position?: string }>;
  } {
    const responses = task.record.responses ?? [];
    // The first pairwise question decides the display order of its pair (randomised per task).
    const pairwise = task.questions.find((q) => q.type === 'pairwise');
    let ordered = responses;
    const positions = new Map<string, string>();
    if (pairwise) {
      const shown = pairwiseShownOrder(pairwise, task.id);
      const inPair = new Set(shown);
      const byId = new Map(responses.map((r) => [r.id, r]));
      ordered = [...shown.map((id) => byId.get(id)!).filter(Boolean), ...responses.filter((r) => !inPair.has(r.id))];
      positions.set(shown[0], 'A');
      positions.set(shown[1], 'B');
    }
    const titles = new Map<string, { title: string; position?: string }>();
    ordered.forEach((r, i) => {
      const position = positions.get(r.id);
      const title = position
        ? this.t('textRater.responsePosition', { position })
        : r.label
          ? r.label
          : this.t('textRater.response', { number: i + 1 });
      titles.set(r.id, { title, position });
    });
    return { ordered, titles };
  }

  private responseTitle(task: TaskOf<'text'>, id: string): string {
    return this.responseLayout(task).titles.get(id)?.title ?? id;
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A conversation is judged by its last turns: open it scrolled to the end, once per task.
    const id = this.parsedTask?.id;
    const conversation = this.shadowRoot?.querySelector('.conversation');
    if (id && conversation && this.scrolledConversation !== id) {
      this.scrolledConversation = id;
      conversation.scrollTop = conversation.scrollHeight;
    }
  }

  private handleFormat(id: string): void {
    this.formatted.add(id);
    this.requestUpdate();
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  protected renderSurface(task: TaskOf<'text'>): TemplateResult {
    const host = this.textHost(task);
    const record = this.renderRecord(task);
    // A spans question may show the only text there is: then the questions take the full width.
    return html`
      <div class="layout ${record.length ? '' : 'single'}">
        ${
          record.length
            ? html`<section part="record" class="record" aria-label=${this.t('textRater.record')}>${record}</section>`
            : nothing
        }
        <section part="questions" class="questions" aria-label=${this.t('textRater.questions')}>
          ${task.questions.map((q) => renderQuestion(q, host))}
        </section>
      </div>
    `;
  }

  private renderRecord(task: TaskOf<'text'>): TemplateResult[] {
    const { record, questions } = task;
    // A field a spans question marks up is shown by that question (as exact plain text), not twice.
    const spanFields = new Set(questions.filter((q): q is SpansQuestion => q.type === 'spans').map((q) => q.field));
    const resultsShownByQuestion = questions.some(
      (q) => q.type === 'relevance' || (q.type === 'ranking' && q.items === 'results'),
    );
    const parts: TemplateResult[] = [];
    if (record.prompt && !spanFields.has('prompt')) {
      parts.push(
        html`<div class="block prompt">
          <h3 class="block-title">${this.t('textRater.prompt')}</h3>
          <div class="md">${markdown(record.prompt)}</div>
        </div>`,
      );
    }
    if (record.conversation?.length) parts.push(this.renderConversation(record.conversation));
    if (record.responses?.length) parts.push(this.renderResponses(task));
    if (record.query) {
      parts.push(
        html`<div class="block query">
          <h3 class="block-title">${this.t('textRater.query')}</h3>
          <p class="query-text">${record.query}</p>
        </div>`,
      );
    }
    if (record.results?.length && !resultsShownByQuestion) {
      parts.push(
        html`<ol class="block result-list">
          ${record.results.map((r) => {
            const url = r.url && isSafeUrl(r.url, 'link') ? r.url : undefined;
            return html`<li>
              <strong
                >${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer nofollow">${r.title}</a>` : r.title}</strong
              >
              ${r.url ? html`<span class="result-url">${r.url}</span>` : nothing}
              ${r.snippet ? html`<span>${r.snippet}</span>` : nothing}
            </li>`;
          })}
        </ol>`,
      );
    }
    if (record.text && !spanFields.has('text')) {
      parts.push(
        html`<div class="block text">
          <div class="md plain-text" tabindex="0" role="region" aria-label=${this.t('textRater.text')}>
            ${markdown(record.text, true)}
          </div>
        </div>`,
      );
    }
    return parts;
  }

  private renderConversation(turns: Turn[]): TemplateResult {
    return html`
      <ol
        class="block conversation"
        aria-label=${this.t('textRater.conversation', { count: turns.length })}
        tabindex="0"
      >
        ${turns.map(
          (turn) =>
            html`<li class="turn ${turn.role}">
              <span class="role"
                >${this.t(turn.role === 'user' ? 'textRater.role.user' : turn.role === 'assistant' ? 'textRater.role.assistant' : 'textRater.role.system')}</span
              >
              <div class="md">${markdown(turn.text, turn.format === 'plain')}</div>
            </li>`,
        )}
      </ol>
    `;
  }

  private renderResponses(task: TaskOf<'text'>): TemplateResult {
    const { ordered, titles } = this.responseLayout(task);
    return html`
      <div class="responses ${ordered.length > 1 ? 'several' : ''}">
        ${ordered.map((r, i) => {
          const { title, position } = titles.get(r.id)!;
          const long = r.format !== 'plain' && r.text.length > LAZY_MARKDOWN_CHARS && !this.formatted.has(r.id);
          const headingId = `resp-${i}`;
          return html`<article part="response" class="response" data-response=${r.id} aria-labelledby=${headingId}>
            <h3 class="block-title" id=${headingId}>
              ${position ? html`<span class="position">${position}</span>` : nothing}${title}
              <span class="size">${this.t('textRater.words', { count: responseWords(r) })}</span>
            </h3>
            <div class="md response-body" tabindex="0" role="region" aria-labelledby=${headingId}>
              ${markdown(r.text, r.format === 'plain' || long)}
            </div>
            ${
              long
                ? html`<button type="button" class="link" @click=${() => this.handleFormat(r.id)}>
                    ${this.t('textRater.format', { size: codePointLength(r.text) })}
                  </button>`
                : nothing
            }
          </article>`;
        })}
      </div>
    `;
  }
}

const wordCounts = new WeakMap<Response, number>();

/** Words of a response, counted once per response object (responses never change in place). */
function responseWords(response: Response): number {
  let count = wordCounts.get(response);
  if (count === undefined) {
    count = wordCount(response.text);
    wordCounts.set(response, count);
  }
  return count;
}

function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}
