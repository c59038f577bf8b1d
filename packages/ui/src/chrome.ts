/**
 * The chrome around every widget's own surface, as templates of plain data: header, instructions,
 * loading/empty/error states, the restored-draft notice, the review bar, training feedback, the
 * submit errors, the footer and the shortcut sheet. No state lives here; the widget base passes
 * what to show and what to call.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  formatShortcut,
  type AnnotationMode,
  type MessageParams,
  type Review,
  type Task,
  type ValidationError,
} from '@tagwerk/core';
import type { UiMessageKey } from './i18n/messages.js';
import { markdown } from './markdown.js';
import { currentPlatform } from './platform.js';

type T = (key: UiMessageKey, params?: MessageParams) => string;

/** How a worker's answer compares to the training reference, one row per question or region. */
export interface FeedbackItem {
  label: string;
  agree: boolean;
  detail?: string;
}

/** Error list items; `paths` shows where each is (for the task's author, not for the worker). */
const errorItems = (errors: readonly ValidationError[], max: number, paths: boolean): TemplateResult[] =>
  errors
    .slice(0, max)
    .map((e) => html`<li>${e.message} ${paths && e.path ? html`<code>${e.path}</code>` : nothing}</li>`);

export function renderHeader(view: {
  t: T;
  title: string | undefined;
  mode: 'work' | 'review' | 'training';
  shortcuts: boolean;
  disabled: boolean;
  openShortcuts: () => void;
}): TemplateResult {
  const { t } = view;
  const badge =
    view.mode === 'work'
      ? nothing
      : html`<span class="badge">${t(view.mode === 'review' ? 'ui.mode.review' : 'ui.mode.training')}</span>`;
  const shortcuts = view.shortcuts
    ? html`<button
        type="button"
        class="icon-button"
        ?disabled=${view.disabled}
        @click=${view.openShortcuts}
        aria-keyshortcuts="Shift+?"
        title=${t('ui.shortcuts.open')}
      >
        <span aria-hidden="true">&#x2328;</span><span class="visually-hidden">${t('ui.shortcuts.open')}</span>
      </button>`
    : nothing;
  return html`<header part="header">
    <h2 part="title">${view.title ?? t('ui.untitled')}</h2>
    ${badge} ${shortcuts}
  </header>`;
}

export function renderInstructions(view: {
  t: T;
  instructions: string;
  open: boolean;
  toggled: (open: boolean) => void;
}): TemplateResult {
  return html`<details
    part="instructions"
    class="instructions"
    ?open=${view.open}
    @toggle=${(e: Event) => view.toggled((e.currentTarget as HTMLDetailsElement).open)}
  >
    <summary>${view.t('ui.instructions')}</summary>
    <div class="md">${markdown(view.instructions)}</div>
  </details>`;
}

/** The empty and loading states. */
export function renderPending(t: T, phase: 'empty' | 'loading'): TemplateResult {
  return phase === 'empty'
    ? html`<div class="state" role="status">${t('ui.empty')}</div>`
    : html`<div class="state" role="status">
        <div class="spinner" aria-hidden="true"></div>
        ${t('ui.loading')}
      </div>`;
}

/** The error state shown instead of the surface, with a retry when one can help. */
export function renderFailure(
  t: T,
  errors: readonly ValidationError[],
  retry: (() => void) | undefined,
): TemplateResult {
  return html`<div class="state error" part="error" role="alert">
    <h3>${t('ui.error.title')}</h3>
    <ul class="errors">
      ${errorItems(errors, 20, true)}
    </ul>
    ${errors.length > 20 ? html`<p>${t('ui.error.more', { count: errors.length - 20 })}</p>` : nothing}
    ${retry ? html`<button type="button" @click=${retry}>${t('ui.retry')}</button>` : nothing}
  </div>`;
}

export function renderRestored(t: T, discard: () => void): TemplateResult {
  return html`<div class="notice" role="status">
    <span>${t('ui.draft.restored')}</span>
    <button type="button" class="link" @click=${discard}>${t('ui.draft.discard')}</button>
  </div>`;
}

/**
 * What the worker must know about their drafts: they cannot be kept (every store failed), or
 * another tab's edits of this task were merged in.
 */
export function renderDraftNotice(t: T, notice: 'lost' | 'merged' | undefined): TemplateResult | typeof nothing {
  if (notice === 'lost') return html`<div class="notice warning" role="alert"><span>${t('ui.draft.lost')}</span></div>`;
  if (notice === 'merged') return html`<div class="notice" role="status"><span>${t('ui.draft.merged')}</span></div>`;
  return nothing;
}

export function renderReview(view: {
  t: T;
  review: Review | undefined;
  readonly: boolean;
  editable: boolean;
  verdict: (verdict: Review['verdict'], comment: string) => void;
}): TemplateResult {
  const { t } = view;
  const verdict = view.review?.verdict;
  const choose = (v: Review['verdict']) => (e: Event) => {
    const bar = (e.currentTarget as HTMLElement).closest('.review-bar');
    view.verdict(v, bar?.querySelector<HTMLTextAreaElement>('textarea.review-comment')?.value.trim() ?? '');
  };
  const button = (v: 'approved' | 'rejected', key: UiMessageKey) =>
    html`<button
      type="button"
      aria-pressed=${verdict === v ? 'true' : 'false'}
      ?disabled=${!view.editable}
      @click=${choose(v)}
    >
      ${t(key)}
    </button>`;
  return html`<section class="review-bar" aria-label=${t('ui.review.title')}>
    <strong>${t('ui.review.title')}</strong>
    <label>
      ${t('ui.review.comment')}
      <textarea class="review-comment" ?readonly=${view.readonly} .value=${view.review?.comment ?? ''}></textarea>
    </label>
    <div class="actions" role="group" aria-label=${t('ui.review.verdict')}>
      ${button('approved', 'ui.review.approve')} ${button('rejected', 'ui.review.reject')}
      ${verdict === 'corrected' ? html`<span class="status">${t('ui.review.corrected')}</span>` : nothing}
    </div>
  </section>`;
}

export function renderFeedback(t: T, items: readonly FeedbackItem[]): TemplateResult {
  const agreed = items.filter((i) => i.agree).length;
  return html`<section class="feedback" role="status" aria-label=${t('ui.training.title')}>
    <strong>${t('ui.training.summary', { agreed, total: items.length })}</strong>
    <ul>
      ${items.map((i) => html`<li class=${i.agree ? 'agree' : 'differ'}>${i.label}${i.detail ? html` &#x2014; ${i.detail}` : nothing}</li>`)}
    </ul>
  </section>`;
}

const historyButton = (name: string, glyph: string, enabled: boolean, run: () => void): TemplateResult =>
  html`<button type="button" class="icon-button" ?disabled=${!enabled} @click=${run} title=${name} aria-label=${name}>
    ${glyph}
  </button>`;

export function renderFooter(view: {
  t: T;
  /** What a submit was refused for (listed above the footer until fixed). */
  errors: readonly ValidationError[];
  canUndo: boolean;
  canRedo: boolean;
  editable: boolean;
  disabled: boolean;
  valid: boolean;
  remaining: number;
  submitButton: boolean;
  undo: () => void;
  redo: () => void;
  submit: () => void;
}): TemplateResult {
  const { t } = view;
  const status = view.disabled
    ? t('ui.status.disabled')
    : view.valid
      ? t('ui.status.valid')
      : t('ui.status.incomplete', { count: view.remaining });
  return html`
    ${
      view.errors.length
        ? html`<div class="state error submit-errors" role="alert" tabindex="-1">
            <h3>${t('ui.submit.refused', { count: view.errors.length })}</h3>
            <ul class="errors">
              ${errorItems(view.errors, 10, false)}
            </ul>
          </div>`
        : nothing
    }
    <footer part="footer">
      ${historyButton(t('ui.action.undo'), '\u21B6', view.canUndo && view.editable, view.undo)}
      ${historyButton(t('ui.action.redo'), '\u21B7', view.canRedo && view.editable, view.redo)}
      <span class="status ${view.valid ? 'ok' : 'invalid'}" aria-live="polite">${status}</span>
      <span class="spacer"></span>
      ${
        view.submitButton
          ? html`<button
              type="button"
              part="submit-button"
              class="primary"
              ?disabled=${view.disabled}
              @click=${view.submit}
            >
              ${t('ui.action.submit')}
            </button>`
          : nothing
      }
    </footer>
  `;
}

/** The `?` sheet: one row per action (translated name) with its bindings. */
export function renderShortcutSheet(
  t: T,
  lang: string,
  rows: ReadonlyArray<{ name: string; keys: readonly string[] }>,
): TemplateResult {
  const close = (e: Event): void => (e.currentTarget as HTMLElement).closest('dialog')?.close();
  return html`<dialog class="shortcuts" aria-labelledby="shortcuts-title">
    <h3 id="shortcuts-title">${t('ui.shortcuts.title')}</h3>
    <table>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              <th scope="row">${row.name}</th>
              <td>
                ${row.keys.map((k, i) => html`${i ? ' / ' : ''}<kbd>${formatShortcut(k, currentPlatform(), lang)}</kbd>`)}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="status">${t('ui.shortcuts.typing')}</p>
    <button type="button" class="primary" autofocus @click=${close}>${t('ui.close')}</button>
  </dialog>`;
}

/** Everything the frame around a widget's surface shows, and what its controls call. */
export interface FrameView {
  t: T;
  lang: string;
  dir: 'ltr' | 'rtl';
  phase: 'empty' | 'loading' | 'error' | 'ready';
  task: Task | undefined;
  mode: AnnotationMode;
  disabled: boolean;
  readonly: boolean;
  editable: boolean;
  shortcuts: boolean;
  shortcutRows: ReadonlyArray<{ name: string; keys: readonly string[] }>;
  instructionsOpen: boolean;
  /** The load failure's errors (phase "error"). */
  failure: readonly ValidationError[];
  retry: (() => void) | undefined;
  /** The annotation (phase "ready"). */
  session:
    | {
        review: Review | undefined;
        canUndo: boolean;
        canRedo: boolean;
        validation(): { valid: boolean; errors: readonly ValidationError[] };
      }
    | undefined;
  submitErrors: readonly ValidationError[];
  feedback: readonly FeedbackItem[] | undefined;
  restored: boolean;
  /** Drafts cannot be kept on this device, or another tab's edits were merged in. */
  draftNotice: 'lost' | 'merged' | undefined;
  submitButton: boolean;
  /** The platform notice at the top (preview, a page that is not set up), or nothing. */
  banner: TemplateResult | typeof nothing;
  /** The platform notice next to Submit (sending, failed with retry, saved), or nothing. */
  submitNotice: TemplateResult | typeof nothing;
  /** The widget's own working area. */
  surface: () => TemplateResult;
  /** The widget's live region. */
  live: () => TemplateResult;
  on: {
    openShortcuts: () => void;
    instructionsClosed: () => void;
    discardDraft: () => void;
    verdict: (verdict: Review['verdict'], comment: string) => void;
    undo: () => void;
    redo: () => void;
    submit: () => void;
  };
}

/** The whole widget: header, instructions, the state or the surface with its bars, the sheet. */
export function renderFrame(view: FrameView): TemplateResult {
  const { t, task, on } = view;
  return html`
    <div
      part="base"
      lang=${view.lang}
      dir=${view.dir}
      aria-busy=${view.phase === 'loading'}
      aria-disabled=${view.disabled}
      tabindex="-1"
    >
      ${renderHeader({ t, title: task?.title, mode: view.mode, shortcuts: view.shortcuts, disabled: view.disabled, openShortcuts: on.openShortcuts })}
      ${
        task?.instructions
          ? renderInstructions({
              t,
              instructions: task.instructions,
              open: view.instructionsOpen,
              toggled: (open) => open || on.instructionsClosed(),
            })
          : nothing
      }
      ${view.banner}
      ${
        view.phase === 'error'
          ? renderFailure(t, view.failure, view.retry)
          : view.phase === 'ready' && view.session
            ? renderReady(view, view.session)
            : renderPending(t, view.phase === 'empty' ? 'empty' : 'loading')
      }
      ${renderShortcutSheet(t, view.lang, view.shortcutRows)}
    </div>
  `;
}

function renderReady(view: FrameView, session: NonNullable<FrameView['session']>): TemplateResult {
  const { t, on } = view;
  const validation = session.validation();
  return html`
    ${renderDraftNotice(t, view.draftNotice)} ${view.restored ? renderRestored(t, on.discardDraft) : nothing}
    <div part="surface" class="surface" ?inert=${view.disabled}>${view.surface()}</div>
    ${
      view.mode === 'review'
        ? renderReview({
            t,
            review: session.review,
            readonly: view.readonly,
            editable: view.editable,
            verdict: on.verdict,
          })
        : nothing
    }
    ${view.feedback ? renderFeedback(t, view.feedback) : nothing} ${view.submitNotice}
    ${renderFooter({
      t,
      errors: view.submitErrors,
      canUndo: session.canUndo,
      canRedo: session.canRedo,
      editable: view.editable,
      disabled: view.disabled,
      valid: validation.valid,
      remaining: validation.errors.length,
      submitButton: view.submitButton,
      undo: on.undo,
      redo: on.redo,
      submit: on.submit,
    })}
    ${view.live()}
  `;
}
