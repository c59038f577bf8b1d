import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  ActiveTimeTracker,
  type Annotation,
  type AnnotationOf,
  type Answers,
  createKeymap,
  findAction,
  formatShortcut,
  History,
  isTypingTarget,
  type Keymap,
  type Kind,
  type Messages,
  type MessageParams,
  type Meta,
  parseTask,
  type Question,
  type ResultByKind,
  type Review,
  type ShortcutActionOptions,
  TagwerkChangeEvent,
  type TagwerkErrorCode,
  TagwerkErrorEvent,
  TagwerkInvalidEvent,
  TagwerkReadyEvent,
  TagwerkSubmitEvent,
  type TaskOf,
  validateAnnotation,
  type ValidationError,
  type ValidationResult,
} from '@tagwerk/core';
import { DraftJournal } from './journal.js';
import { uiMessages, type UiMessageKey } from './i18n/messages.js';
import { LocaleController } from './locale-controller.js';
import { currentPlatform } from './platform.js';
import { markdown } from './markdown.js';
import type { QuestionHost } from './questions.js';
import { colorScheme, markdownStyles, tokens, widgetStyles } from './tagwerk-widget.styles.js';

/** A keyboard action a widget offers; shown in the `?` sheet, remappable through `keymap`. */
export interface WidgetAction<L extends string = UiMessageKey> {
  id: string;
  /** Message key of the action's name in the cheat sheet. */
  label: L;
  /** Default bindings, e.g. `["Mod+KeyZ"]`; see `parseShortcut` in @tagwerk/core. */
  keys: string[];
  /** Fires even while the worker types in a text field (modifier shortcuts only). */
  allowInInputs?: boolean;
  /** Fires again on auto-repeat while the key is held (nudging, stepping). */
  allowRepeat?: boolean;
}

/** How a worker's answer compares to the training reference, one row per question or region. */
export interface FeedbackItem {
  label: string;
  agree: boolean;
  detail?: string;
}

/**
 * Thrown by a widget's `prepare()` when its media cannot be used, or when the task turns out
 * wrong once the media is known (`task-invalid`, e.g. a pre-fill past the end of the audio);
 * shown and reported as is.
 */
export class MediaError extends Error {
  constructor(
    readonly code: 'media-load-failed' | 'media-decode-failed' | 'task-invalid',
    message: string,
    /** JSON Pointer into the task, e.g. "/image/url". */
    readonly path = '',
  ) {
    super(message);
    this.name = 'MediaError';
  }
}

/** Thrown (as the rejection of `submit()`) when the annotation is invalid. */
export class AnnotationInvalidError extends Error {
  constructor(readonly errors: ValidationError[]) {
    super(errors.map((e) => `${e.path || '/'}: ${e.message}`).join('\n'));
    this.name = 'AnnotationInvalidError';
  }
}

type Phase = 'empty' | 'loading' | 'error' | 'ready';
type Mode = 'work' | 'review' | 'training';

interface Draft<R> {
  result: R;
  meta: Pick<Meta, 'startedAt' | 'activeMs' | 'idleMs' | 'edits' | 'undos'>;
  review?: Review;
  /** The widget's own state beside the result (see `draftState`). */
  widget?: unknown;
}

const BASE_ACTIONS: WidgetAction[] = [
  { id: 'undo', label: 'ui.action.undo', keys: ['Mod+KeyZ'], allowInInputs: false },
  { id: 'redo', label: 'ui.action.redo', keys: ['Shift+Mod+KeyZ', 'Mod+KeyY'], allowInInputs: false },
  { id: 'submit', label: 'ui.action.submit', keys: ['Mod+Enter'], allowInInputs: true },
  { id: 'help', label: 'ui.action.help', keys: ['Shift+Slash'] },
];

/** Parses the `task` attribute: JSON when it parses, the raw string otherwise (parseTask reports it). */
const taskAttribute = {
  fromAttribute(value: string | null): unknown {
    if (value === null) return null;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  },
};

const platform = currentPlatform;

/** FNV-1a: a short stable key for "these instructions were read" (not security relevant). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeFlag(key: string): void {
  try {
    localStorage.setItem(key, '1');
  } catch {
    // Private mode: the panel simply opens again next time.
  }
}

/**
 * The common element API of every Tagwerk widget (CONTRACT.md), implemented once: task loading
 * and validation, the annotation envelope and its meta, undo/redo, drafts, form association,
 * hotkeys, localisation, and the chrome around a widget's own surface (title, instructions,
 * loading/error/empty states, footer, shortcut sheet, review and training panels).
 *
 * A widget extends this class, sets `kind`, and implements `emptyResult()` and `renderSurface()`;
 * it records a worker's edit with `commit()`.
 *
 * @event tagwerk-ready - Task parsed and media loaded; `detail: { taskId }`.
 * @event tagwerk-change - After each user edit; `detail: { annotation, valid, errors }`.
 * @event tagwerk-submit - `submit()` succeeded; `detail: { annotation }`.
 * @event tagwerk-invalid - `submit()` refused; `detail: { errors }`.
 * @event tagwerk-error - Bad task, media or storage failure; `detail: { code, message }`.
 *
 * @csspart base - The widget's frame.
 * @csspart header - Title row with the shortcuts button.
 * @csspart title - The task title.
 * @csspart instructions - The collapsible instructions panel.
 * @csspart surface - The widget's working area.
 * @csspart footer - Status, undo/redo and submit.
 * @csspart submit-button - The submit button.
 * @csspart error - The error state shown instead of the surface.
 *
 * @cssproperty --tagwerk-color-accent - Accent for primary actions, selection and focus.
 * @cssproperty --tagwerk-color-background - Widget background.
 * @cssproperty --tagwerk-color-text - Main text colour.
 * @cssproperty --tagwerk-color-muted - Secondary text colour.
 * @cssproperty --tagwerk-color-border - Borders and separators.
 * @cssproperty --tagwerk-color-danger - Errors and destructive actions.
 * @cssproperty --tagwerk-color-success - Confirmations.
 * @cssproperty --tagwerk-focus-ring - Focus outline colour (defaults to the accent).
 * @cssproperty --tagwerk-radius - Corner radius.
 * @cssproperty --tagwerk-font-family - Font stack (no web fonts are loaded).
 * @cssproperty --tagwerk-font-size - Base font size.
 */
export abstract class TagwerkWidget<K extends Kind, M extends string = UiMessageKey> extends LitElement {
  static override styles = [tokens, colorScheme, widgetStyles, markdownStyles];
  static formAssociated = true;
  /** The catalogues the widget translates from: the shared chrome's, merged with the widget's own. */
  static messages: Messages<string> = uiMessages;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: false };

  static override properties = {
    task: { attribute: 'task', converter: taskAttribute },
    taskSrc: { attribute: 'task-src' },
    name: { reflect: true },
    mode: { reflect: true },
    reference: { attribute: false },
    readonly: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    required: { type: Boolean, reflect: true },
    autosave: { reflect: true },
    theme: { reflect: true },
    hotkeys: { reflect: true },
    keymap: { attribute: false },
    hideSubmit: { type: Boolean, attribute: 'hide-submit', reflect: true },
    formMirror: { type: Boolean, attribute: 'form-mirror', reflect: true },
    phase: { state: true },
    taskErrors: { state: true },
    submitErrors: { state: true },
    feedback: { state: true },
    restoredAt: { state: true },
    review: { state: true },
  };

  /** The task kind this widget accepts. */
  protected abstract readonly kind: K;
  /** `package@version` recorded in `meta.widget`. */
  protected abstract readonly widgetId: string;

  protected readonly locale = new LocaleController<M | UiMessageKey>(
    this,
    (this.constructor as unknown as { messages: Messages<M | UiMessageKey> }).messages,
  );
  protected readonly internals: ElementInternals;

  /** The task input: an object, or a JSON string through the `task` attribute. */
  declare task: unknown;
  /** URL to fetch the task from when `task` is not set. */
  declare taskSrc: string | undefined;
  /** Form field name: inside a `<form>` the element submits `name=<envelope JSON>`. */
  declare name: string | undefined;
  /** "work" (default), "review" (approve/reject/correct someone's annotation) or "training". */
  declare mode: Mode;
  /** Training mode: the gold annotation the worker's answer is compared with after submit. */
  declare reference: Annotation | undefined;
  /** The worker can look but not change anything. */
  declare readonly: boolean;
  /** Nothing can be changed and the working area takes no focus; the task stays readable. */
  declare disabled: boolean;
  /** A form containing the widget cannot submit until the annotation is valid. */
  declare required: boolean;
  /** "on" (default): drafts are kept locally per task and restored after a reload; "off" disables. */
  declare autosave: 'on' | 'off';
  /** "auto" (default, follows the system), "light" or "dark". */
  declare theme: 'auto' | 'light' | 'dark';
  /** "on" (default) or "off": switch every keyboard shortcut off. */
  declare hotkeys: 'on' | 'off';
  /** Remapped shortcuts: action id → bindings (e.g. `{ submit: ["Mod+KeyS"] }`); `false` disables one. */
  declare keymap: Record<string, string[] | false> | undefined;
  /** Hide the built-in submit button (the host submits through `submit()` or its own form). */
  declare hideSubmit: boolean;
  /** Keep a hidden `<input name>` in light DOM in sync, for forms that do not see shadow roots. */
  declare formMirror: boolean;

  declare protected phase: Phase;
  declare protected taskErrors: ValidationError[];
  declare protected submitErrors: ValidationError[];
  declare protected feedback: FeedbackItem[] | undefined;
  declare protected restoredAt: number | undefined;
  declare protected review: Review | undefined;

  /** The parsed, validated task; set while `phase` is "loading" or "ready". */
  protected parsedTask: TaskOf<K> | undefined;
  private history: History<ResultByKind[K]> | undefined;
  private initialResult: ResultByKind[K] | undefined;
  private pendingValue: Annotation | undefined;
  private tracker = new ActiveTimeTracker();
  private journal: DraftJournal<Draft<ResultByKind[K]>> | undefined;
  private startedAt = new Date().toISOString();
  private counters = { edits: 0, undos: 0, activeOffset: 0, idleOffset: 0 };
  private loadAbort: AbortController | undefined;
  private mirror: HTMLInputElement | undefined;
  private formDisabled = false;
  /** Submitted, and not edited since: the draft stays cleared. */
  private submittedClean = false;
  private cleanups: Array<() => void> = [];
  private validation: ValidationResult = { valid: false, errors: [] };
  private resolvedKeymap: Keymap<string> | undefined;
  private failure: TagwerkErrorCode | undefined;
  private failedTitle: string | undefined;
  private actionOptions: Record<string, ShortcutActionOptions> = {};

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.task = null;
    this.mode = 'work';
    this.readonly = false;
    this.disabled = false;
    this.required = false;
    this.autosave = 'on';
    this.theme = 'auto';
    this.hotkeys = 'on';
    this.hideSubmit = false;
    this.formMirror = false;
    this.phase = 'empty';
    this.taskErrors = [];
    this.submitErrors = [];
    // Listeners live on the host: two widgets on a page never react to each other's keys.
    this.addEventListener('keydown', this.handleKeydown);
    for (const type of ['pointerdown', 'pointermove', 'wheel', 'input', 'keydown'] as const) {
      this.addEventListener(type, this.handleActivity, { passive: true });
    }
  }

  // ---------------------------------------------------------------------------------------
  // Public API

  /** The current annotation envelope; `null` before the task is ready. Setting it pre-fills. */
  get value(): AnnotationOf<K> | null {
    if (this.phase !== 'ready' || !this.parsedTask || !this.history) return null;
    return this.envelope(null);
  }

  set value(value: Annotation | null | undefined) {
    if (value === null || value === undefined) {
      this.pendingValue = undefined;
      return;
    }
    this.pendingValue = value;
    if (this.parsedTask && this.phase === 'ready') this.applyValue(value);
  }

  /** Validates the current annotation against the task. */
  validate(): ValidationResult {
    const value = this.value;
    if (!value) {
      return { valid: false, errors: [{ path: '', code: 'not-ready', message: this.t('ui.error.notReady') }] };
    }
    return this.check(value);
  }

  /** Validates and, when valid, fires `tagwerk-submit` and resolves with the final envelope. */
  async submit(): Promise<AnnotationOf<K>> {
    if (this.phase !== 'ready' || !this.parsedTask) {
      const errors = [{ path: '', code: 'not-ready', message: this.t('ui.error.notReady') }];
      this.dispatchEvent(new TagwerkInvalidEvent({ errors }));
      throw new AnnotationInvalidError(errors);
    }
    const annotation = this.envelope(new Date().toISOString());
    const result = this.check(annotation);
    if (!result.valid) {
      this.submitErrors = result.errors;
      this.dispatchEvent(new TagwerkInvalidEvent({ errors: result.errors }));
      await this.updateComplete;
      this.focusError(result.errors[0]!);
      throw new AnnotationInvalidError(result.errors);
    }
    this.submitErrors = [];
    this.dispatchEvent(new TagwerkSubmitEvent({ annotation: annotation as Annotation }));
    void this.journal?.clear();
    this.submittedClean = true;
    this.restoredAt = undefined;
    if (this.parsedTask.instructions) writeFlag(`tagwerk:read:${hash(this.parsedTask.instructions)}`);
    if (this.mode === 'training' && this.reference) {
      this.feedback = this.compare(this.reference.result as ResultByKind[K], annotation.result);
    }
    return annotation;
  }

  /** Back to the pre-filled (or empty) state; undo history and the local draft are cleared. */
  reset(): void {
    if (!this.history || !this.initialResult) return;
    this.history.reset(this.initialResult);
    this.submitErrors = [];
    this.feedback = undefined;
    this.restoredAt = undefined;
    this.review = undefined;
    void this.journal?.clear();
    this.afterStateChange(false);
  }

  /** Undoes the last edit. */
  undo(): void {
    if (!this.history?.canUndo || !this.editable) return;
    this.history.undo();
    this.counters.undos += 1;
    this.afterStateChange(true);
  }

  /** Redoes the last undone edit. */
  redo(): void {
    if (!this.history?.canRedo || !this.editable) return;
    this.history.redo();
    this.afterStateChange(true);
  }

  // ---------------------------------------------------------------------------------------
  // For widgets

  /** Translates a message for the current locale. */
  protected t(key: M | UiMessageKey, params?: MessageParams): string {
    return this.locale.t(key, params);
  }

  /** The result shown when nothing was pre-filled (a widget may start from `task.prefill`). */
  protected abstract emptyResult(task: TaskOf<K>): ResultByKind[K];

  /** The widget's own working area. */
  protected abstract renderSurface(task: TaskOf<K>, result: ResultByKind[K]): TemplateResult;

  /** Loads media before the widget becomes ready; reject to show an error (`media-load-failed`). */
  protected prepare(_task: TaskOf<K>, _signal: AbortSignal): Promise<void> {
    return Promise.resolve();
  }

  /** Extra keyboard actions of the widget; handled in `handleAction`. */
  protected get actions(): WidgetAction<M | UiMessageKey>[] {
    return [];
  }

  /** Runs a widget action; return false to let the key through. */
  protected handleAction(_id: string, _event: KeyboardEvent): boolean {
    return false;
  }

  /** Moves focus to the control an error points at (e.g. `/result/answers/q1`). */
  protected focusError(error: ValidationError): void {
    const id = /^\/result\/answers\/([^/]+)/.exec(error.path)?.[1];
    const target = id
      ? this.renderRoot.querySelector<HTMLElement>(`[data-question="${CSS.escape(decodePointer(id))}"]`)
      : null;
    (target ?? this.renderRoot.querySelector<HTMLElement>('.submit-errors'))?.focus();
  }

  /** Training mode: how the worker's result compares with the reference, per question by default. */
  protected compare(reference: ResultByKind[K], result: ResultByKind[K]): FeedbackItem[] {
    const questions: Question[] = this.parsedTask?.questions ?? [];
    return questions.map((q) => {
      const agree = sameAnswer(reference.answers[q.id], result.answers[q.id]);
      return { label: q.label, agree, detail: agree ? undefined : this.t('ui.training.differ') };
    });
  }

  /**
   * The result as the envelope carries it: a widget may add what is not an undoable edit (e.g.
   * how much of the media was played) and, when `submitting`, what is costly to compute.
   */
  protected finishResult(result: ResultByKind[K], _submitting: boolean): ResultByKind[K] {
    return result;
  }

  /** Widget state kept in the draft beside the result (JSON-safe); restored by `restoreDraftState`. */
  protected draftState(): unknown {
    return undefined;
  }

  /** Receives what `draftState` stored when a draft is restored. Must accept anything. */
  protected restoreDraftState(_state: unknown): void {}

  /**
   * Something the envelope depends on changed without a worker's edit (e.g. playback progress):
   * validate again, save the draft and update the form value, without a `tagwerk-change`.
   */
  protected stateChanged(): void {
    if (this.phase === 'ready' && this.history) this.afterStateChange(false);
  }

  /** The current result (the present of the undo history). */
  protected get result(): ResultByKind[K] | undefined {
    return this.history?.present;
  }

  /** The worker may edit: ready, not read-only, not disabled. */
  protected get editable(): boolean {
    return this.phase === 'ready' && !this.readonly && !this.disabled && !this.formDisabled;
  }

  /**
   * Records a worker's edit: one undo step (merged with the previous one when `coalesceKey`
   * matches, so typing a sentence is one step), the draft journal, the form value and a
   * `tagwerk-change` event. Ignored when the widget is not editable.
   */
  protected commit(next: ResultByKind[K], options: { coalesceKey?: string } = {}): boolean {
    if (!this.history || !this.editable) return false;
    if (!this.history.push(next, { coalesceKey: options.coalesceKey, now: performance.now() })) return false;
    this.counters.edits += 1;
    this.submittedClean = false;
    if (this.mode === 'review' && this.review?.verdict !== 'rejected')
      this.review = { ...this.review, verdict: 'corrected' };
    this.afterStateChange(true);
    return true;
  }

  /** Convenience for the shared `answers` map: sets one answer (or removes it with `undefined`). */
  protected withAnswer(result: ResultByKind[K], id: string, answer: Answers[string] | undefined): ResultByKind[K] {
    const answers: Answers = { ...result.answers };
    if (answer === undefined) delete answers[id];
    else answers[id] = answer;
    return { ...result, answers };
  }

  /** What the shared question fields need: the answers, locale, and how to record an answer. */
  protected questionHost(extra: Pick<QuestionHost, 'record' | 'responseTitle'> = {}): QuestionHost {
    return {
      answers: this.result?.answers ?? {},
      taskId: this.parsedTask?.id ?? '',
      t: this.locale.t,
      dir: this.locale.dir,
      editable: this.editable,
      setAnswer: (questionId, answer, options) => {
        if (this.result) this.commit(this.withAnswer(this.result, questionId, answer), options);
      },
      ...extra,
    };
  }

  /** Reports a problem through `tagwerk-error` (and keeps the widget working). */
  protected reportError(code: TagwerkErrorCode, message: string): void {
    this.dispatchEvent(new TagwerkErrorEvent({ code, message }));
  }

  // ---------------------------------------------------------------------------------------
  // Lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    const onVisibility = (): void => {
      this.tracker.setHidden(document.visibilityState === 'hidden', performance.now());
      if (document.visibilityState === 'hidden') void this.journal?.flush();
    };
    const onPageHide = (): void => void this.journal?.flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    this.cleanups.push(
      () => document.removeEventListener('visibilitychange', onVisibility),
      () => window.removeEventListener('pagehide', onPageHide),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.journal?.flush();
    this.cleanups.forEach((fn) => fn());
    this.cleanups = [];
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('task') || changed.has('taskSrc')) void this.load();
    if (changed.has('autosave') && this.autosave === 'off') void this.journal?.clear();
    if (changed.has('name') || changed.has('formMirror') || changed.has('required')) this.syncForm();
    if (changed.has('keymap') || !this.resolvedKeymap) this.resolveKeymap();
  }

  formResetCallback(): void {
    this.reset();
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    this.requestUpdate();
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      this.value = JSON.parse(state) as Annotation;
    } catch {
      // A browser-restored state that is not ours: ignore it.
    }
  }

  // ---------------------------------------------------------------------------------------
  // Internals

  private async load(): Promise<void> {
    this.loadAbort?.abort();
    const abort = new AbortController();
    this.loadAbort = abort;
    this.parsedTask = undefined;
    this.history = undefined;
    this.feedback = undefined;
    this.submitErrors = [];
    this.taskErrors = [];
    this.syncForm();

    let input = this.task;
    if ((input === null || input === undefined || input === '') && this.taskSrc) {
      this.phase = 'loading';
      try {
        const response = await fetch(this.taskSrc, { signal: abort.signal, credentials: 'same-origin' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        input = await response.text();
      } catch (error) {
        if (abort.signal.aborted) return;
        const message = this.t('ui.error.taskLoad', { reason: String((error as Error).message ?? error) });
        this.fail('task-load-failed', [{ path: '', code: 'task-load-failed', message }]);
        return;
      }
      if (abort.signal.aborted) return;
    }
    if (input === null || input === undefined || input === '') {
      this.phase = 'empty';
      return;
    }

    const parsed = parseTask(input, { locale: this.locale.lang });
    if (!parsed.ok || parsed.value.kind !== this.kind) {
      const errors = parsed.ok
        ? [
            {
              path: '/kind',
              code: 'kind-mismatch',
              message: this.t('ui.error.kind', { expected: this.kind, actual: parsed.value.kind }),
            },
          ]
        : parsed.errors;
      this.fail('task-invalid', errors);
      return;
    }
    const task = parsed.value as TaskOf<K>;
    this.parsedTask = task;
    this.phase = 'loading';
    this.resetSession();
    this.resolveKeymap(); // a widget's actions may depend on the task (label hotkeys)
    this.journal?.dispose();
    this.journal =
      this.autosave === 'off'
        ? undefined
        : new DraftJournal<Draft<ResultByKind[K]>>({
            widget: this.localName,
            taskId: task.id,
            onError: (error) =>
              this.reportError('storage-unavailable', this.t('ui.error.storage', { reason: error.message })),
          });

    try {
      const [draft] = await Promise.all([
        this.journal?.load().catch(() => undefined),
        this.prepare(task, abort.signal),
      ]);
      if (abort.signal.aborted) return;
      // After prepare(): a widget may need its media (an image's natural size) for the result.
      this.initialResult = this.emptyResult(task);
      this.history = new History<ResultByKind[K]>(this.initialResult);
      if (this.pendingValue) this.applyValue(this.pendingValue, false);
      if (draft) this.applyDraft(draft);
    } catch (error) {
      if (abort.signal.aborted) return;
      // A widget may throw a MediaError to say what failed (decode vs load) in its own words.
      const code = error instanceof MediaError ? error.code : 'media-load-failed';
      const message =
        error instanceof MediaError
          ? error.message
          : this.t('ui.error.media', { reason: String((error as Error)?.message ?? error) });
      this.fail(code, [{ path: error instanceof MediaError && error.path ? error.path : '', code, message }]);
      return;
    }
    this.phase = 'ready';
    this.tracker.start(performance.now());
    this.validation = this.check(this.envelope(null));
    this.syncForm();
    await this.updateComplete;
    if (!abort.signal.aborted) this.dispatchEvent(new TagwerkReadyEvent({ taskId: task.id }));
  }

  private fail(code: TagwerkErrorCode, errors: ValidationError[]): void {
    this.phase = 'error';
    this.failure = code;
    // The task itself was fine when its media failed: keep showing its title.
    this.failedTitle = this.parsedTask?.title;
    this.taskErrors = errors;
    this.parsedTask = undefined;
    this.history = undefined;
    this.syncForm();
    this.reportError(code, errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n'));
  }

  private resetSession(): void {
    this.tracker = new ActiveTimeTracker();
    this.startedAt = new Date().toISOString();
    this.counters = { edits: 0, undos: 0, activeOffset: 0, idleOffset: 0 };
    this.review = undefined;
    this.restoredAt = undefined;
    this.submittedClean = false;
  }

  /** Pre-fill from the host: validated first; a bad value is reported and the work is kept. */
  private applyValue(value: Annotation, render = true): void {
    const task = this.parsedTask;
    if (!task || !this.history) return;
    const check = validateAnnotation(value, task, { locale: this.locale.lang, draft: true });
    if (!check.valid) {
      this.reportError('value-invalid', check.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
      return;
    }
    const result = structuredClone(value.result) as ResultByKind[K];
    this.initialResult = result;
    this.history.reset(result);
    this.pendingValue = undefined;
    if (this.mode === 'review') this.review = value.review;
    if (render) this.afterStateChange(false);
  }

  private applyDraft(draft: Draft<ResultByKind[K]>): void {
    const task = this.parsedTask;
    if (!task || !this.history) return;
    const check = validateAnnotation(this.envelopeFrom(draft.result, null), task, {
      locale: this.locale.lang,
      draft: true,
    });
    if (!check.valid) return; // A draft from an older task version: start fresh rather than crash.
    this.history.reset(draft.result);
    this.startedAt = draft.meta.startedAt;
    this.counters = {
      edits: draft.meta.edits,
      undos: draft.meta.undos,
      activeOffset: draft.meta.activeMs,
      idleOffset: draft.meta.idleMs,
    };
    this.review = draft.review;
    if (draft.widget !== undefined) this.restoreDraftState(draft.widget);
    this.restoredAt = Date.now();
  }

  private afterStateChange(userEdit: boolean): void {
    const annotation = this.envelope(null);
    this.validation = this.check(annotation);
    if (this.submitErrors.length) this.submitErrors = this.validation.errors;
    this.syncForm(annotation);
    // After a submit, only a new edit makes a draft again (not, say, playback progress).
    if (this.journal && this.autosave !== 'off' && this.history && (userEdit || !this.submittedClean)) {
      const { startedAt, activeMs, idleMs, edits, undos } = annotation.meta;
      this.journal.write({
        result: this.history.present,
        meta: { startedAt, activeMs, idleMs, edits, undos },
        review: this.review,
        widget: this.draftState(),
      });
    }
    this.requestUpdate();
    if (userEdit) {
      this.dispatchEvent(
        new TagwerkChangeEvent({
          annotation: annotation as Annotation,
          valid: this.validation.valid,
          errors: this.validation.errors,
        }),
      );
    }
  }

  private check(annotation: AnnotationOf<K>): ValidationResult {
    const result = validateAnnotation(annotation, this.parsedTask!, { locale: this.locale.lang });
    if (this.mode === 'review' && !this.review?.verdict) {
      const error = { path: '/review', code: 'review-required', message: this.t('ui.review.required') };
      return { valid: false, errors: [...result.errors, error] };
    }
    return result;
  }

  private envelope(submittedAt: string | null): AnnotationOf<K> {
    return this.envelopeFrom(this.history!.present, submittedAt);
  }

  private envelopeFrom(result: ResultByKind[K], submittedAt: string | null): AnnotationOf<K> {
    const time = this.tracker.snapshot(performance.now());
    const meta: Meta = {
      startedAt: this.startedAt,
      submittedAt,
      activeMs: Math.round(this.counters.activeOffset + time.activeMs),
      idleMs: Math.round(this.counters.idleOffset + time.idleMs),
      edits: this.counters.edits,
      undos: this.counters.undos,
      locale: this.locale.lang.slice(0, 35),
      widget: this.widgetId,
    };
    const envelope: AnnotationOf<K> = {
      schemaVersion: 1,
      kind: this.kind,
      taskId: this.parsedTask!.id,
      result: this.finishResult(result, submittedAt !== null),
      meta,
    };
    if (this.mode === 'review' && this.review) envelope.review = this.review;
    return envelope;
  }

  private syncForm(annotation?: AnnotationOf<K>): void {
    const value = annotation ?? (this.phase === 'ready' && this.history ? this.envelope(null) : null);
    const json = value ? JSON.stringify(value) : null;
    this.internals.setFormValue(json, json);
    const mustBeValid = this.required || this.counters.edits > 0;
    if (!value && this.required) {
      this.internals.setValidity({ valueMissing: true }, this.t('ui.error.notReady'));
    } else if (value && mustBeValid && !this.validation.valid) {
      const first = this.validation.errors[0];
      this.internals.setValidity({ customError: true }, first ? first.message : this.t('ui.status.invalid'));
    } else {
      this.internals.setValidity({});
    }
    this.syncMirror(json);
  }

  private syncMirror(json: string | null): void {
    if (!this.formMirror || !this.name) {
      this.mirror?.remove();
      this.mirror = undefined;
      return;
    }
    if (!this.mirror || this.mirror.parentNode !== this) {
      this.mirror = document.createElement('input');
      this.mirror.type = 'hidden';
      this.mirror.setAttribute('data-tagwerk-mirror', '');
      this.append(this.mirror);
    }
    this.mirror.name = this.name;
    this.mirror.value = json ?? '';
  }

  /** All actions (base first), and the keymap with the host's remapping applied. */
  private get allActions(): WidgetAction<M | UiMessageKey>[] {
    return [...BASE_ACTIONS, ...this.actions];
  }

  private resolveKeymap(): void {
    const actions = this.allActions;
    const defaults = Object.fromEntries(actions.map((a) => [a.id, a.keys]));
    try {
      this.resolvedKeymap = createKeymap(defaults, this.keymap);
    } catch (error) {
      // A host's typo must not break the keyboard: keep the defaults and say what was wrong.
      this.resolvedKeymap = createKeymap(defaults);
      this.reportError('keymap-invalid', String((error as Error).message));
    }
    this.actionOptions = Object.fromEntries(
      actions.map((a) => [a.id, { allowInInputs: a.allowInInputs ?? false, allowRepeat: a.allowRepeat ?? false }]),
    );
  }

  private handleKeydown = (event: KeyboardEvent): void => {
    if (this.hotkeys === 'off' || event.defaultPrevented || this.phase === 'empty') return;
    if (!this.resolvedKeymap) this.resolveKeymap();
    const keymap = this.resolvedKeymap!;
    const options = { typing: isTypingTarget(event.composedPath()), actions: this.actionOptions };
    // Several actions may share a key (a span label's hotkey and "prefer A"): the first one, in
    // keymap order, that applies where the focus is wins.
    for (const id of Object.keys(keymap)) {
      if (!findAction({ [id]: keymap[id]! }, event, platform(), options)) continue;
      if (this.runAction(id, event)) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
    }
  };

  private runAction(action: string, event: KeyboardEvent): boolean {
    switch (action) {
      case 'undo':
        this.undo();
        return true;
      case 'redo':
        this.redo();
        return true;
      case 'submit':
        void this.submitFromUi();
        return true;
      case 'help':
        this.openShortcuts();
        return true;
      default:
        return this.phase === 'ready' && this.handleAction(action, event);
    }
  }

  private handleActivity = (): void => {
    this.tracker.activity(performance.now());
  };

  private async submitFromUi(): Promise<void> {
    try {
      await this.submit();
      // Inside a host form, a successful submit also submits the form (MTurk's HTMLQuestion).
      this.internals.form?.requestSubmit();
    } catch {
      // Already reported: tagwerk-invalid fired and the errors are listed with focus on the first.
    }
  }

  private openShortcuts(): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.shortcuts');
    if (dialog && !dialog.open) dialog.showModal();
  }

  private closeShortcuts = (event: Event): void => {
    (event.currentTarget as HTMLElement).closest('dialog')?.close();
  };

  private handleInstructionsToggle = (event: Event): void => {
    const details = event.currentTarget as HTMLDetailsElement;
    if (!details.open && this.parsedTask?.instructions) writeFlag(`tagwerk:read:${hash(this.parsedTask.instructions)}`);
  };

  private handleDiscardDraft = (): void => {
    this.reset();
  };

  private setVerdict(verdict: Review['verdict']): void {
    if (!this.editable && this.phase !== 'ready') return;
    const comment = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea.review-comment')?.value.trim();
    this.review = { verdict, ...(comment ? { comment } : {}) };
    this.afterStateChange(true);
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const task = this.parsedTask;
    const lang = this.locale.lang;
    return html`
      <div
        part="base"
        lang=${lang}
        dir=${this.locale.dir}
        aria-busy=${this.phase === 'loading' ? 'true' : 'false'}
        aria-disabled=${this.disabled || this.formDisabled ? 'true' : 'false'}
        tabindex="-1"
      >
        ${this.renderHeader()} ${task?.instructions ? this.renderInstructions(task.instructions) : nothing}
        ${this.renderBody()} ${this.phase === 'ready' && this.mode === 'review' ? this.renderReview() : nothing}
        ${this.feedback ? this.renderFeedback(this.feedback) : nothing}
        ${this.phase === 'ready' ? this.renderFooter() : nothing} ${this.renderShortcuts()}
      </div>
    `;
  }

  private renderHeader(): TemplateResult {
    const task = this.parsedTask;
    const modeBadge =
      this.mode !== 'work'
        ? html`<span class="badge">${this.t(this.mode === 'review' ? 'ui.mode.review' : 'ui.mode.training')}</span>`
        : nothing;
    return html`
      <header part="header">
        <h2 part="title">
          ${task?.title ?? (this.phase === 'error' ? this.failedTitle : undefined) ?? this.t('ui.untitled')}
        </h2>
        ${modeBadge}
        ${
          this.hotkeys === 'off'
            ? nothing
            : html`<button
                type="button"
                class="icon-button"
                ?disabled=${this.disabled || this.formDisabled}
                @click=${this.openShortcuts}
                aria-keyshortcuts="Shift+?"
                title=${this.t('ui.shortcuts.open')}
              >
                <span aria-hidden="true">&#x2328;</span
                ><span class="visually-hidden">${this.t('ui.shortcuts.open')}</span>
              </button>`
        }
      </header>
    `;
  }

  private renderInstructions(instructions: string): TemplateResult {
    const read = readFlag(`tagwerk:read:${hash(instructions)}`);
    return html`
      <details part="instructions" class="instructions" ?open=${!read} @toggle=${this.handleInstructionsToggle}>
        <summary>${this.t('ui.instructions')}</summary>
        <div class="md">${markdown(instructions)}</div>
      </details>
    `;
  }

  private renderBody(): TemplateResult {
    switch (this.phase) {
      case 'empty':
        return html`<div class="state" role="status">${this.t('ui.empty')}</div>`;
      case 'loading':
        return html`<div class="state" role="status">
          <div class="spinner" aria-hidden="true"></div>
          ${this.t('ui.loading')}
        </div>`;
      case 'error':
        return html`
          <div class="state error" part="error" role="alert">
            <h3>${this.t('ui.error.title')}</h3>
            <ul class="errors">
              ${this.taskErrors.slice(0, 20).map((e) => html`<li>${e.message} ${e.path ? html`<code>${e.path}</code>` : nothing}</li>`)}
            </ul>
            ${this.taskErrors.length > 20 ? html`<p>${this.t('ui.error.more', { count: this.taskErrors.length - 20 })}</p>` : nothing}
            ${
              this.taskSrc || this.failure?.startsWith('media-')
                ? html`<button type="button" @click=${() => void this.load()}>${this.t('ui.retry')}</button>`
                : nothing
            }
          </div>
        `;
      case 'ready':
        return html`
          ${this.restoredAt ? this.renderRestored() : nothing}
          <div part="surface" class="surface" ?inert=${this.disabled || this.formDisabled}>
            ${this.renderSurface(this.parsedTask!, this.history!.present)}
          </div>
        `;
    }
  }

  private renderRestored(): TemplateResult {
    return html`<div class="notice" role="status">
      <span>${this.t('ui.draft.restored')}</span>
      <button type="button" class="link" @click=${this.handleDiscardDraft}>${this.t('ui.draft.discard')}</button>
    </div>`;
  }

  private renderReview(): TemplateResult {
    const verdict = this.review?.verdict;
    return html`
      <section class="review-bar" aria-label=${this.t('ui.review.title')}>
        <strong>${this.t('ui.review.title')}</strong>
        <label>
          ${this.t('ui.review.comment')}
          <textarea class="review-comment" ?readonly=${this.readonly} .value=${this.review?.comment ?? ''}></textarea>
        </label>
        <div class="actions" role="group" aria-label=${this.t('ui.review.verdict')}>
          <button
            type="button"
            aria-pressed=${verdict === 'approved' ? 'true' : 'false'}
            ?disabled=${!this.editable}
            @click=${() => this.setVerdict('approved')}
          >
            ${this.t('ui.review.approve')}
          </button>
          <button
            type="button"
            aria-pressed=${verdict === 'rejected' ? 'true' : 'false'}
            ?disabled=${!this.editable}
            @click=${() => this.setVerdict('rejected')}
          >
            ${this.t('ui.review.reject')}
          </button>
          ${verdict === 'corrected' ? html`<span class="status">${this.t('ui.review.corrected')}</span>` : nothing}
        </div>
      </section>
    `;
  }

  private renderFeedback(items: FeedbackItem[]): TemplateResult {
    const agreed = items.filter((i) => i.agree).length;
    return html`
      <section class="feedback" role="status" aria-label=${this.t('ui.training.title')}>
        <strong>${this.t('ui.training.summary', { agreed, total: items.length })}</strong>
        <ul>
          ${items.map((i) => html`<li class=${i.agree ? 'agree' : 'differ'}>${i.label}${i.detail ? html` &#x2014; ${i.detail}` : nothing}</li>`)}
        </ul>
      </section>
    `;
  }

  private renderFooter(): TemplateResult {
    const errors = this.submitErrors;
    const valid = this.validation.valid;
    return html`
      ${
        errors.length
          ? html`<div class="state error submit-errors" role="alert" tabindex="-1">
              <h3>${this.t('ui.submit.refused', { count: errors.length })}</h3>
              <ul class="errors">
                ${errors.slice(0, 10).map((e) => html`<li>${e.message} ${e.path ? html`<code>${e.path}</code>` : nothing}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      <footer part="footer">
        <button
          type="button"
          class="icon-button"
          ?disabled=${!this.history?.canUndo || !this.editable}
          @click=${() => this.undo()}
          title=${this.t('ui.action.undo')}
          aria-label=${this.t('ui.action.undo')}
        >
          &#x21B6;
        </button>
        <button
          type="button"
          class="icon-button"
          ?disabled=${!this.history?.canRedo || !this.editable}
          @click=${() => this.redo()}
          title=${this.t('ui.action.redo')}
          aria-label=${this.t('ui.action.redo')}
        >
          &#x21B7;
        </button>
        <span class="status ${valid ? 'ok' : 'invalid'}" aria-live="polite"
          >${
            this.disabled || this.formDisabled
              ? this.t('ui.status.disabled')
              : valid
                ? this.t('ui.status.valid')
                : this.t('ui.status.incomplete', { count: this.validation.errors.length })
          }</span
        >
        <span class="spacer"></span>
        ${
          this.hideSubmit
            ? nothing
            : html`<button
                type="button"
                part="submit-button"
                class="primary"
                ?disabled=${this.disabled || this.formDisabled}
                @click=${() => void this.submitFromUi()}
              >
                ${this.t('ui.action.submit')}
              </button>`
        }
      </footer>
    `;
  }

  private renderShortcuts(): TemplateResult {
    const keymap = this.resolvedKeymap ?? {};
    // Actions sharing a label (pick-1 … pick-0) make one row with the first binding of each.
    const grouped = new Map<string, { label: M | UiMessageKey; keys: string[] }>();
    for (const a of this.allActions) {
      const bindings = keymap[a.id] ?? [];
      if (!bindings.length) continue;
      const row = grouped.get(a.label);
      if (row) row.keys.push(bindings[0]!);
      else grouped.set(a.label, { label: a.label, keys: [...bindings] });
    }
    const rows = [...grouped.values()];
    return html`
      <dialog class="shortcuts" aria-labelledby="shortcuts-title">
        <h3 id="shortcuts-title">${this.t('ui.shortcuts.title')}</h3>
        <table>
          <tbody>
            ${rows.map(
              (a) =>
                html`<tr>
                  <th scope="row">${this.t(a.label)}</th>
                  <td>
                    ${a.keys.map((k: string, i: number) => html`${i ? ' / ' : ''}<kbd>${formatShortcut(k, platform(), this.locale.lang)}</kbd>`)}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
        <p class="status">${this.t('ui.shortcuts.typing')}</p>
        <button type="button" class="primary" autofocus @click=${this.closeShortcuts}>${this.t('ui.close')}</button>
      </dialog>
    `;
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function sameAnswer(a: unknown, b: unknown): boolean {
  if (a && b && typeof a === 'object' && typeof b === 'object' && 'choice' in a && 'choice' in b) {
    return a.choice === b.choice; // ignore shownOrder
  }
  return sameJson(a, b);
}

function decodePointer(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}
