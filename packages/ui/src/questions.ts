/**
 * The question fields every widget shares (CONTRACT.md "Questions"): rating, choice, text,
 * pairwise, ranking, relevance and spans. A widget renders `renderQuestion()` for each of its
 * task's questions and routes the keyboard actions from `QUESTION_ACTIONS` to
 * `handleQuestionAction()`. The fields own no state of their own: answers live in the widget's
 * undo history and come back in through `QuestionHost.answers`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import {
  type Answer,
  type Answers,
  type ChoiceQuestion,
  codePointLength,
  isAnsweredFor,
  isRequiredNow,
  isSafeUrl,
  type PairwiseAnswer,
  type PairwiseChoice,
  pairwiseChoiceShownAt,
  type PairwiseQuestion,
  pairwiseShownOrder,
  type Question,
  type RankingQuestion,
  type RatingQuestion,
  type RelevanceQuestion,
  type Scale,
  scaleValueForDigit,
  scaleValues,
  type Span,
  type SpansQuestion,
  spansFieldText,
  type TextQuestion,
  type TextTask,
  type Translate,
} from '@tagwerk/core';
import type { ShortcutAction } from './controllers/shortcut-controller.js';
import type { UiMessageKey } from './i18n/messages.js';
import { defineFields } from './define-fields.js';
import { markdown } from './markdown.js';

type Record_ = TextTask['record'];

/** What a question field needs from the widget that shows it. */
export interface QuestionHost {
  readonly answers: Answers;
  /** The text task's record (responses, results, texts); absent for image and audio tasks. */
  readonly record?: Record_;
  readonly taskId: string;
  readonly t: Translate<UiMessageKey>;
  readonly dir: 'ltr' | 'rtl';
  readonly editable: boolean;
  /** How the record shows a response ("Response A", its label…); defaults to its label or id. */
  responseTitle?(responseId: string): string;
  /** Sets (or, with `undefined`, clears) one answer as one user edit. */
  setAnswer(questionId: string, answer: Answer | undefined, options?: { coalesceKey?: string }): void;
}

/** A question key: an action without its `run` (the widget base binds `handleQuestionAction`). */
export type QuestionKey = Omit<ShortcutAction<UiMessageKey>, 'run'>;

/** Keyboard actions of the question fields; their handler is `handleQuestionAction`. */
export const QUESTION_ACTIONS: QuestionKey[] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 0].map((n) => ({
    id: `pick-${n}`,
    label: 'questions.action.pick' as const,
    keys: [`Digit${n}`, `Numpad${n}`],
  })),
  { id: 'prefer-a', label: 'questions.action.preferA', keys: ['KeyA'] },
  { id: 'prefer-b', label: 'questions.action.preferB', keys: ['KeyB'] },
  { id: 'tie', label: 'questions.action.tie', keys: ['KeyT'] },
  { id: 'both-good', label: 'questions.action.bothGood', keys: ['KeyG'] },
  { id: 'both-bad', label: 'questions.action.bothBad', keys: ['KeyX'] },
  { id: 'next-question', label: 'questions.action.next', keys: ['KeyJ'] },
  { id: 'previous-question', label: 'questions.action.previous', keys: ['KeyK'] },
];

/** The question actions a task's questions can use (the `?` sheet lists only these). */
export function questionActions(questions: readonly Question[]): QuestionKey[] {
  if (questions.length === 0) return [];
  const pairwise = questions.some((q) => q.type === 'pairwise');
  const pairwiseIds = new Set(['prefer-a', 'prefer-b', 'tie', 'both-good', 'both-bad']);
  return QUESTION_ACTIONS.filter((a) => pairwise || !pairwiseIds.has(a.id));
}

// ---------------------------------------------------------------------------------------------
// Helpers

const DOM_ID = /[^A-Za-z0-9_-]/g;
/** A DOM id derived from a question id (which may hold any character). */
export const questionDomId = (id: string, suffix = ''): string =>
  `q-${id.replace(DOM_ID, (c) => `_${c.codePointAt(0)!.toString(16)}`)}${suffix}`;

function header(question: Question, host: QuestionHost, labelId: string): TemplateResult {
  const required = isRequiredNow(question, host.answers);
  const answered = isAnsweredFor(question, host.answers[question.id]);
  return html`
    <div class="q-head">
      <span class="q-label" id=${labelId}>${question.label}</span>
      ${
        required
          ? html`<span class="q-required" title=${host.t('questions.required')}
              ><span aria-hidden="true">*</span
              ><span class="visually-hidden">${host.t('questions.required')}</span></span
            >`
          : nothing
      }
      ${answered ? html`<span class="q-done" aria-hidden="true">&#x2713;</span>` : nothing}
    </div>
    ${question.description ? html`<div class="q-description md">${markdown(question.description)}</div>` : nothing}
  `;
}

// ---------------------------------------------------------------------------------------------
// Fields

function renderScale(
  name: string,
  scale: Scale,
  value: number | undefined,
  host: QuestionHost,
  onPick: (v: number) => void,
  options: { labelledBy: string; required: boolean; stars?: boolean; compact?: boolean },
): TemplateResult {
  const values = scaleValues(scale);
  return html`
    <div
      class="scale ${options.stars ? 'stars' : ''} ${options.compact ? 'compact' : ''}"
      role="radiogroup"
      aria-labelledby=${options.labelledBy}
      aria-required=${options.required ? 'true' : 'false'}
    >
      ${values.map((v) => {
        const anchor = scale.labels?.[String(v)];
        const checked = value === v;
        const starOn = options.stars && value !== undefined && v <= value;
        return html`
          <label class="scale-option ${checked ? 'checked' : ''} ${starOn ? 'on' : ''}">
            <input
              type="radio"
              name=${name}
              .value=${String(v)}
              .checked=${live(checked)}
              ?disabled=${!host.editable}
              aria-label=${anchor ? `${v} \u2013 ${anchor}` : String(v)}
              @change=${() => onPick(v)}
            />
            <span class="scale-value" aria-hidden="true">${options.stars ? (starOn ? '\u2605' : '\u2606') : v}</span>
            ${anchor && !options.compact ? html`<span class="scale-anchor" aria-hidden="true">${anchor}</span>` : nothing}
          </label>
        `;
      })}
    </div>
  `;
}

function renderRating(q: RatingQuestion, host: QuestionHost): TemplateResult {
  const labelId = questionDomId(q.id, '-label');
  const value = host.answers[q.id] as number | undefined;
  const target = q.target ? host.record?.responses?.find((r) => r.id === q.target) : undefined;
  return html`
    ${header(q, host, labelId)}
    ${
      target
        ? html`<p class="q-target">
            ${host.t('questions.rating.target', { response: host.responseTitle?.(target.id) ?? target.label ?? target.id })}
          </p>`
        : nothing
    }
    ${renderScale(questionDomId(q.id), q.scale, value, host, (v) => host.setAnswer(q.id, v), {
      labelledBy: labelId,
      required: isRequiredNow(q, host.answers),
      stars: q.display === 'stars',
    })}
  `;
}

function renderChoice(q: ChoiceQuestion, host: QuestionHost): TemplateResult {
  const labelId = questionDomId(q.id, '-label');
  const answer = host.answers[q.id];
  const selected = new Set(Array.isArray(answer) ? (answer as string[]) : typeof answer === 'string' ? [answer] : []);
  const none = q.allowNone === true && Array.isArray(answer) && answer.length === 0;
  const multiple = q.multiple === true;
  const toggle = (id: string): void => {
    if (!multiple) return host.setAnswer(q.id, id);
    const next = q.options.map((o) => o.id).filter((o) => (o === id ? !selected.has(o) : selected.has(o)));
    host.setAnswer(q.id, next.length ? next : undefined);
  };
  const noneKey = q.options.length < 10 ? '0' : '';
  return html`
    ${header(q, host, labelId)}
    <div
      class="choices"
      role=${multiple ? 'group' : 'radiogroup'}
      aria-labelledby=${labelId}
      aria-required=${ifDefined(multiple ? undefined : isRequiredNow(q, host.answers) ? 'true' : 'false')}
    >
      ${q.options.map(
        (o, i) => html`
          <label class="choice ${selected.has(o.id) ? 'checked' : ''}">
            <input
              type=${multiple ? 'checkbox' : 'radio'}
              name=${questionDomId(q.id)}
              .checked=${live(selected.has(o.id))}
              ?disabled=${!host.editable}
              @change=${() => toggle(o.id)}
            />
            <span class="choice-label">${o.label}</span>
            <kbd aria-hidden="true">${o.hotkey ?? (i < 9 ? String(i + 1) : '')}</kbd>
            ${o.description ? html`<span class="choice-description">${o.description}</span>` : nothing}
          </label>
        `,
      )}
      ${
        q.allowNone
          ? html`<label class="choice none ${none ? 'checked' : ''}">
              <input
                type=${multiple ? 'checkbox' : 'radio'}
                name=${questionDomId(q.id)}
                .checked=${live(none)}
                ?disabled=${!host.editable}
                @change=${() => host.setAnswer(q.id, none && multiple ? undefined : [])}
              />
              <span class="choice-label">${host.t('questions.choice.none')}</span>
              <kbd aria-hidden="true">${noneKey}</kbd>
            </label>`
          : nothing
      }
    </div>
  `;
}

function renderText(q: TextQuestion, host: QuestionHost): TemplateResult {
  const labelId = questionDomId(q.id, '-label');
  const counterId = questionDomId(q.id, '-counter');
  const value = (host.answers[q.id] as string | undefined) ?? '';
  const length = codePointLength(value);
  const tooShort = q.minLength !== undefined && length > 0 && length < q.minLength;
  const tooLong = q.maxLength !== undefined && length > q.maxLength;
  const counter =
    q.maxLength !== undefined
      ? host.t('questions.text.counterMax', { count: length, max: q.maxLength })
      : host.t('questions.text.counter', { count: length });
  return html`
    ${header(q, host, labelId)}
    <textarea
      class="text-answer"
      aria-labelledby=${labelId}
      aria-describedby=${counterId}
      aria-required=${isRequiredNow(q, host.answers) ? 'true' : 'false'}
      aria-invalid=${tooShort || tooLong ? 'true' : 'false'}
      rows=${q.multiline === false ? 1 : 3}
      .value=${live(value)}
      ?readonly=${!host.editable}
      @input=${(e: Event) => {
        const text = (e.target as HTMLTextAreaElement).value;
        host.setAnswer(q.id, text === '' ? undefined : text, { coalesceKey: `text:${q.id}` });
      }}
    ></textarea>
    <div class="counter ${tooShort || tooLong ? 'bad' : ''}" id=${counterId}>
      ${counter}${q.minLength ? html` &#xB7; ${host.t('questions.text.min', { min: q.minLength })}` : nothing}
    </div>
  `;
}

const PAIRWISE_LABELS: Record<
  PairwiseChoice,
  | 'questions.pairwise.a'
  | 'questions.pairwise.b'
  | 'questions.pairwise.tie'
  | 'questions.pairwise.bothGood'
  | 'questions.pairwise.bothBad'
> = {
  a: 'questions.pairwise.a',
  b: 'questions.pairwise.b',
  tie: 'questions.pairwise.tie',
  'both-good': 'questions.pairwise.bothGood',
  'both-bad': 'questions.pairwise.bothBad',
};

function setPairwise(q: PairwiseQuestion, host: QuestionHost, choice: PairwiseChoice, strength?: number): void {
  const shownOrder = pairwiseShownOrder(q, host.taskId);
  const previous = host.answers[q.id] as PairwiseAnswer | undefined;
  const keepStrength =
    q.strength && (choice === 'a' || choice === 'b')
      ? (strength ?? (previous?.choice === choice ? previous.strength : undefined))
      : undefined;
  const answer: PairwiseAnswer = { choice, shownOrder, ...(keepStrength ? { strength: keepStrength } : {}) };
  host.setAnswer(q.id, answer);
}

function renderPairwise(q: PairwiseQuestion, host: QuestionHost): TemplateResult {
  const labelId = questionDomId(q.id, '-label');
  const shown = pairwiseShownOrder(q, host.taskId);
  const answer = host.answers[q.id] as PairwiseAnswer | undefined;
  const first = pairwiseChoiceShownAt(q, shown, 'first');
  const second = pairwiseChoiceShownAt(q, shown, 'second');
  const options: Array<{ choice: PairwiseChoice; text: string; key: string }> = [
    { choice: first, text: host.t('questions.pairwise.shownBetter', { position: 'A' }), key: 'A' },
    { choice: second, text: host.t('questions.pairwise.shownBetter', { position: 'B' }), key: 'B' },
  ];
  if (q.allowTie) {
    options.push(
      { choice: 'tie', text: host.t(PAIRWISE_LABELS.tie), key: 'T' },
      { choice: 'both-good', text: host.t(PAIRWISE_LABELS['both-good']), key: 'G' },
      { choice: 'both-bad', text: host.t(PAIRWISE_LABELS['both-bad']), key: 'X' },
    );
  }
  const strengthLabelId = questionDomId(q.id, '-strength');
  const decided = answer && (answer.choice === 'a' || answer.choice === 'b');
  return html`
    ${header(q, host, labelId)}
    <div
      class="pairwise"
      role="radiogroup"
      aria-labelledby=${labelId}
      aria-required=${isRequiredNow(q, host.answers) ? 'true' : 'false'}
    >
      ${options.map(
        (o) => html`
          <label class="choice pair-option ${answer?.choice === o.choice ? 'checked' : ''}">
            <input
              type="radio"
              name=${questionDomId(q.id)}
              .checked=${live(answer?.choice === o.choice)}
              ?disabled=${!host.editable}
              @change=${() => setPairwise(q, host, o.choice)}
            />
            <span class="choice-label">${o.text}</span>
            <kbd aria-hidden="true">${o.key}</kbd>
          </label>
        `,
      )}
    </div>
    ${
      q.strength && decided
        ? html`
            <div class="strength">
              <span class="q-sublabel" id=${strengthLabelId}>${host.t('questions.pairwise.strength')}</span>
              <div class="scale compact" role="radiogroup" aria-labelledby=${strengthLabelId} aria-required="true">
                ${[1, 2, 3].map(
                  (s) => html`
                    <label class="scale-option ${answer?.strength === s ? 'checked' : ''}">
                      <input
                        type="radio"
                        name=${questionDomId(q.id, '-strength')}
                        .checked=${live(answer?.strength === s)}
                        ?disabled=${!host.editable}
                        @change=${() => setPairwise(q, host, answer.choice, s)}
                      />
                      <span class="scale-value"
                        >${host.t(s === 1 ? 'questions.pairwise.slightly' : s === 2 ? 'questions.pairwise.clearly' : 'questions.pairwise.much')}</span
                      >
                    </label>
                  `,
                )}
              </div>
            </div>
          `
        : nothing
    }
  `;
}

function rankingItems(
  q: RankingQuestion,
  record: Record_ | undefined,
): Array<{ id: string; title: string; detail?: string }> {
  if (q.items === 'results') {
    return (record?.results ?? []).map((r) => ({ id: r.id, title: r.title, detail: r.snippet }));
  }
  return (record?.responses ?? []).map((r, i) => ({
    id: r.id,
    title: r.label ?? `#${i + 1}`,
    detail: r.text.length > 240 ? `${r.text.slice(0, 240)}\u2026` : r.text,
  }));
}

function renderRanking(q: RankingQuestion, host: QuestionHost): TemplateResult {
  const labelId = questionDomId(q.id, '-label');
  const value = host.answers[q.id];
  const ranking = Array.isArray(value) ? (value as Array<string | string[]>) : undefined;
  return html`
    ${header(q, host, labelId)}
    <tagwerk-ranking-field
      .items=${rankingItems(q, host.record)}
      .value=${live(ranking)}
      .allowTies=${q.allowTies === true}
      .readonly=${!host.editable}
      .t=${host.t}
      .dir=${host.dir}
      .questionLabel=${q.label}
      @tagwerk-field-change=${(e: CustomEvent<{ value: Array<string | string[]> }>) => host.setAnswer(q.id, e.detail.value)}
    ></tagwerk-ranking-field>
  `;
}

function renderRelevance(q: RelevanceQuestion, host: QuestionHost): TemplateResult {
  const labelId = questionDomId(q.id, '-label');
  const grades = (host.answers[q.id] as Record<string, number> | undefined) ?? {};
  const results = host.record?.results ?? [];
  const setGrade = (resultId: string, grade: number): void => host.setAnswer(q.id, { ...grades, [resultId]: grade });
  return html`
    ${header(q, host, labelId)}
    <ol class="results" aria-labelledby=${labelId}>
      ${results.map((r, i) => {
        const titleId = questionDomId(q.id, `-r${i}`);
        const url = r.url && isSafeUrl(r.url, 'link') ? r.url : undefined;
        return html`
          <li class="result" data-result=${r.id}>
            <div class="result-text">
              <span class="result-title" id=${titleId}>
                ${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer nofollow">${r.title}</a>` : r.title}
              </span>
              ${r.url ? html`<span class="result-url">${r.url}</span>` : nothing}
              ${r.snippet ? html`<span class="result-snippet">${r.snippet}</span>` : nothing}
            </div>
            ${renderScale(questionDomId(q.id, `-g${i}`), q.scale, grades[r.id], host, (v) => setGrade(r.id, v), {
              labelledBy: titleId,
              required: isRequiredNow(q, host.answers),
              compact: true,
            })}
          </li>
        `;
      })}
    </ol>
    ${
      q.scale.labels
        ? html`<p class="scale-legend">
            ${scaleValues(q.scale)
              .filter((v) => q.scale.labels?.[String(v)])
              .map((v) => html`<span><strong>${v}</strong> ${q.scale.labels![String(v)]}</span>`)}
          </p>`
        : nothing
    }
  `;
}

function renderSpans(q: SpansQuestion, host: QuestionHost): TemplateResult {
  const labelId = questionDomId(q.id, '-label');
  const value = host.answers[q.id];
  const spans = Array.isArray(value) ? (value as Span[]) : [];
  return html`
    ${header(q, host, labelId)}
    <tagwerk-spans-field
      .text=${spansFieldText(q, host.record)}
      .labels=${q.labels}
      .value=${spans}
      .overlap=${q.overlap === true}
      .readonly=${!host.editable}
      .t=${host.t}
      .dir=${'auto'}
      .questionLabel=${q.label}
      @tagwerk-field-change=${(e: CustomEvent<{ value: Span[] }>) => host.setAnswer(q.id, e.detail.value.length ? e.detail.value : undefined)}
    ></tagwerk-spans-field>
  `;
}

/** One question, in a container carrying `data-question` (for focus and error navigation). */
export function renderQuestion(question: Question, host: QuestionHost): TemplateResult {
  // The field elements are defined when first rendered, not at import: importing a widget's class
  // entry must define nothing (a host may register the widget under its own name).
  defineFields();
  let body: TemplateResult;
  switch (question.type) {
    case 'rating':
      body = renderRating(question, host);
      break;
    case 'choice':
      body = renderChoice(question, host);
      break;
    case 'text':
      body = renderText(question, host);
      break;
    case 'pairwise':
      body = renderPairwise(question, host);
      break;
    case 'ranking':
      body = renderRanking(question, host);
      break;
    case 'relevance':
      body = renderRelevance(question, host);
      break;
    case 'spans':
      body = renderSpans(question, host);
      break;
  }
  return html`<div class="question q-${question.type}" data-question=${question.id} id=${questionDomId(question.id)}>
    ${body}
  </div>`;
}

// ---------------------------------------------------------------------------------------------
// Keyboard

/** The question element that contains `active` (the focused element inside the widget). */
function questionOf(active: Element | null): HTMLElement | null {
  return (active?.closest('[data-question]') as HTMLElement | null) ?? null;
}

/** Focuses the first focusable control of a question element (a checked radio when there is one). */
export function focusQuestion(element: Element | null): boolean {
  const target = questionControl(element);
  target?.focus();
  return target !== null;
}

/**
 * The control of a question that takes focus: its checked radio, else its first input, button or
 * field (also the validity anchor a form focuses when the answer is missing). The element itself
 * when it is the control.
 */
export function questionControl(element: Element | null): HTMLElement | null {
  if (!element) return null;
  const control =
    element.querySelector<HTMLElement>('input:checked') ??
    element.querySelector<HTMLElement>(
      'input, textarea, select, button, [tabindex="0"], tagwerk-ranking-field, tagwerk-spans-field',
    );
  if (control) return control;
  return element instanceof HTMLElement && element.matches('input, textarea, select, button, [tabindex]')
    ? element
    : null;
}

/**
 * Runs a question action from `QUESTION_ACTIONS`. `root` is the widget's render root; the
 * focused question receives the action, or else the first unanswered question that accepts it
 * (so a worker can start typing digits without clicking first). Returns whether it was handled.
 */
export function handleQuestionAction(
  action: string,
  questions: readonly Question[],
  host: QuestionHost,
  root: ShadowRoot | HTMLElement,
): boolean {
  const active = (root as ShadowRoot).activeElement ?? null;
  const focusedElement = questionOf(active);
  const elements = [...root.querySelectorAll<HTMLElement>('[data-question]')];

  if (action === 'next-question' || action === 'previous-question') {
    const index = focusedElement ? elements.indexOf(focusedElement) : -1;
    const next = action === 'next-question' ? index + 1 : index < 0 ? elements.length - 1 : index - 1;
    return focusQuestion(elements[next] ?? null);
  }

  const accepts = (q: Question): boolean => {
    if (action.startsWith('pick-'))
      return (
        q.type === 'rating' ||
        q.type === 'choice' ||
        q.type === 'pairwise' ||
        (q.type === 'relevance' && active?.closest('[data-result]') !== null)
      );
    if (action === 'prefer-a' || action === 'prefer-b') return q.type === 'pairwise';
    if (action === 'tie' || action === 'both-good' || action === 'both-bad')
      return q.type === 'pairwise' && q.allowTie === true;
    return false;
  };
  const focused = focusedElement ? questions.find((q) => q.id === focusedElement.dataset['question']) : undefined;
  let question = focused && accepts(focused) ? focused : undefined;
  if (!question && !focused) {
    question = questions.find((q) => accepts(q) && !isAnsweredFor(q, host.answers[q.id]));
  }
  if (!question || !host.editable) return false;

  const handled = applyAction(action, question, host, active);
  if (handled && !focused) focusQuestion(root.querySelector(`[data-question="${CSS.escape(question.id)}"]`));
  return handled;
}

/**
 * After a digit picked a value, focus may sit on another radio of the same group; Tab would
 * then stop on the checked radio instead of leaving the group. Call once the widget rendered.
 */
export function syncRadioFocus(root: ShadowRoot): void {
  const active = root.activeElement;
  if (!(active instanceof HTMLInputElement) || active.type !== 'radio' || active.checked || !active.name) return;
  const group = active.closest('[role="radiogroup"]');
  const checked = group?.querySelector<HTMLInputElement>('input[type="radio"]:checked');
  checked?.focus();
}

function applyAction(action: string, q: Question, host: QuestionHost, active: Element | null): boolean {
  const digit = action.startsWith('pick-') ? Number(action.slice(5)) : NaN;
  switch (q.type) {
    case 'rating': {
      const value = scaleValueForDigit(q.scale, digit);
      if (value === undefined) return false;
      host.setAnswer(q.id, value);
      return true;
    }
    case 'relevance': {
      const resultId = (active?.closest('[data-result]') as HTMLElement | null)?.dataset['result'];
      const value = scaleValueForDigit(q.scale, digit);
      if (!resultId || value === undefined) return false;
      const grades = (host.answers[q.id] as Record<string, number> | undefined) ?? {};
      host.setAnswer(q.id, { ...grades, [resultId]: value });
      return true;
    }
    case 'choice': {
      if (digit === 0 && q.allowNone && q.options.length < 10) {
        const current = host.answers[q.id];
        host.setAnswer(q.id, q.multiple && Array.isArray(current) && current.length === 0 ? undefined : []);
        return true;
      }
      const option = q.options[digit === 0 ? 9 : digit - 1];
      if (!option) return false;
      if (!q.multiple) {
        host.setAnswer(q.id, option.id);
      } else {
        const current = new Set((host.answers[q.id] as string[] | undefined) ?? []); // "none" ([]) is left
        if (current.has(option.id)) current.delete(option.id);
        else current.add(option.id);
        const next = q.options.map((o) => o.id).filter((id) => current.has(id));
        host.setAnswer(q.id, next.length ? next : undefined);
      }
      return true;
    }
    case 'pairwise': {
      const shown = pairwiseShownOrder(q, host.taskId);
      if (action === 'prefer-a') setPairwise(q, host, pairwiseChoiceShownAt(q, shown, 'first'));
      else if (action === 'prefer-b') setPairwise(q, host, pairwiseChoiceShownAt(q, shown, 'second'));
      else if (action === 'tie' || action === 'both-good' || action === 'both-bad') setPairwise(q, host, action);
      else if (q.strength && digit >= 1 && digit <= 3) {
        const answer = host.answers[q.id] as PairwiseAnswer | undefined;
        if (!answer || (answer.choice !== 'a' && answer.choice !== 'b')) return false;
        setPairwise(q, host, answer.choice, digit);
      } else return false;
      return true;
    }
    default:
      return false;
  }
}
