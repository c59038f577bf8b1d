import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import {
  answersAgree,
  answerIdOfPath,
  notReadyError,
  type Annotation,
  type AnnotationMode,
  type AnnotationOf,
  type Answers,
  type Kind,
  type MessageParams,
  type Messages,
  type Question,
  type ResultByKind,
  type TagwerkErrorCode,
  type TaskOf,
  type ValidationError,
  type ValidationResult,
  TagwerkErrorEvent,
} from '@tagwerk/core';
import { renderFrame, type FeedbackItem } from './chrome.js';
import { ActivityController } from './controllers/activity-controller.js';
import { AnnotationController, type WidgetDraft } from './controllers/annotation-controller.js';
import { Announcer } from './controllers/announcer.js';
import { DraftController } from './controllers/draft-controller.js';
import { FormController } from './controllers/form-controller.js';
import { PlatformController } from './controllers/platform-controller.js';
import { ShortcutController, type ShortcutAction } from './controllers/shortcut-controller.js';
import { TaskLoader } from './controllers/task-loader.js';
import { uiMessages, type UiMessageKey } from './i18n/messages.js';
import { LocaleController } from './locale-controller.js';
import {
  handleQuestionAction,
  questionActions,
  questionControl,
  syncRadioFocus,
  type QuestionHost,
} from './questions.js';
import { colorScheme, markdownStyles, tokens, widgetStyles } from './tagwerk-widget.styles.js';

/** A keyboard action a widget offers (see ShortcutAction). */
export type WidgetAction<L extends string = UiMessageKey> = ShortcutAction<L>;

/** Thrown (as the rejection of `submit()`) when the annotation is invalid. */
export class AnnotationInvalidError extends Error {
  constructor(readonly errors: ValidationError[]) {
    super(errors.map((e) => `${e.path || '/'}: ${e.message}`).join('\n'));
    this.name = 'AnnotationInvalidError';
  }
}

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

/**
 * The common element API of every Tagwerk widget (CONTRACT.md), as a thin facade: loading
 * (TaskLoader), the annotation (AnnotationSession, in core), form association (FormController),
 * drafts (DraftController), shortcuts (ShortcutController), announcements (Announcer), active time
 * (ActivityController) and the chrome templates (chrome.ts) each live in their own module.
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
    platform: { reflect: true },
    submitUrl: { attribute: 'submit-url' },
    completionCode: { attribute: 'completion-code' },
    completionUrl: { attribute: 'completion-url' },
    platformParams: { attribute: 'platform-params' },
  };

  /** The task kind this widget accepts. */
  protected abstract readonly kind: K;
  /** `package@version` recorded in `meta.widget`. */
  protected abstract readonly widgetId: string;

  protected readonly locale = new LocaleController<M | UiMessageKey>(
    this,
    (this.constructor as unknown as { messages: Messages<M | UiMessageKey> }).messages,
  );
  /** The widget's live region: `announcer.announce(text)` speaks what changed. */
  protected readonly announcer = new Announcer(this);
  private readonly loader = new TaskLoader(this, {
    kind: () => this.kind,
    locale: () => this.locale.lang,
    messages: {
      taskLoad: (reason) => this.t('ui.error.taskLoad', { reason }),
      media: (reason) => this.t('ui.error.media', { reason }),
    },
    parsed: (task) => (this.parsed = task),
    prepare: async (task, signal) => {
      const [draft] = await Promise.all([
        this.drafts.open(this.platforms.draftKey(task.id), task.instructions),
        this.prepare(task, signal),
      ]);
      return draft;
    },
  });
  private readonly annotation: AnnotationController<K> = new AnnotationController(this, {
    kind: () => this.kind,
    widgetId: () => this.widgetId,
    mode: () => this.mode,
    locale: () => this.locale.lang,
    reference: () => this.reference,
    emptyResult: (task) => this.emptyResult(task),
    finishResult: (result, submitting) => this.finishResult(result, submitting),
    draftState: () => this.draftState(),
    restoreDraftState: (state) => this.restoreDraftState(state),
    compare: (reference, result) => this.compare(reference, result),
    focusError: (error) => this.focusError(error),
    drafts: {
      write: (draft) => this.drafts.write(draft),
      clear: () => this.drafts.clear(),
      markInstructionsRead: () => this.drafts.markInstructionsRead(),
    },
    syncForm: () => this.forms.sync(),
  });
  private readonly forms = new FormController(this, {
    current: () => this.value as Annotation | null,
    submitted: () => this.session?.submitted !== undefined,
    errors: () => this.validate().errors,
    edited: () => this.session?.edited ?? false,
    anchor: (error) =>
      this.errorTarget(error) ?? this.renderRoot?.querySelector<HTMLElement>('[part="base"]') ?? undefined,
    stateKey: () =>
      [
        this.session?.version,
        this.required,
        this.name,
        this.formMirror,
        this.readonly,
        this.disabled,
        this.loader.phase,
      ].join(),
    submitForForm: () => this.annotation.submit({ keepDraft: true }) !== undefined,
    submissionSent: () => this.annotation.submissionSent(),
    showErrors: () => this.annotation.showErrors(this.validate().errors),
  });
  private readonly drafts = new DraftController<WidgetDraft<ResultByKind[K]>>(this, {
    widget: () => this.localName,
    enabled: () => this.autosave !== 'off',
    onError: (error) => {
      const key = error.lostOnReload ? 'ui.error.storage' : 'ui.error.storageDegraded';
      this.reportError('storage-unavailable', this.t(key, { reason: error.reason }));
      if (error.lostOnReload) this.draftNotice = 'lost';
      this.requestUpdate();
    },
    onRemote: (draft) => {
      if (!this.annotation.merge(draft)) return;
      if (this.draftNotice !== 'lost') this.draftNotice = 'merged';
      this.announcer.announce(this.t('ui.draft.merged'));
    },
  });
  /** The draft notice shown above the surface (see renderDraftNotice). */
  private draftNotice: 'lost' | 'merged' | undefined;
  private readonly shortcuts = new ShortcutController<M | UiMessageKey>(this, {
    actions: () => this.allActions(),
    overrides: () => this.keymap,
    enabled: () => this.hotkeys !== 'off' && this.loader.phase !== 'empty',
    invalid: (message) => this.reportError('keymap-invalid', message),
  });
  private readonly platforms: PlatformController = new PlatformController(this, {
    t: (key, params) => this.t(key, params),
    error: (code, message) => this.reportError(code, message),
    navigate: (url) => location.assign(url),
    submitNow: (): Annotation | null =>
      ((this.platforms.busy ? this.session?.submitted : this.annotation.submit({ keepDraft: true })) as
        Annotation | undefined) ?? null,
    sent: () => this.annotation.submissionSent(),
  });
  private readonly activity = new ActivityController(this, {
    activity: () => this.session?.activity(),
    hidden: (hidden) => this.session?.setHidden(hidden),
  });

  /** The task input: an object, or a JSON string through the `task` attribute. */
  declare task: unknown;
  /** URL to fetch the task from when `task` is not set. */
  declare taskSrc: string | undefined;
  /** Form field name: inside a `<form>` the element submits `name=<envelope JSON>`. */
  declare name: string | undefined;
  /** "work" (default), "review" (approve/reject/correct someone's annotation) or "training". */
  declare mode: AnnotationMode;
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
  /**
   * Wires the widget into a crowd platform (`@tagwerk/platforms`): "mturk", "ground-truth",
   * "toloka", "prolific", "clickworker" or "url". See the README's Platforms section.
   */
  declare platform: 'mturk' | 'ground-truth' | 'toloka' | 'prolific' | 'clickworker' | 'url' | undefined;
  /** prolific, clickworker, url: where the envelope and the URL's ids are POSTed (JSON). */
  declare submitUrl: string | undefined;
  /** prolific, url: the completion code, when the server's answer does not carry one. */
  declare completionCode: string | undefined;
  /** url: where the worker goes after a saved submit; `{code}` is replaced by the completion code. */
  declare completionUrl: string | undefined;
  /** url, clickworker: the URL parameters that identify the assignment (comma-separated). */
  declare platformParams: string | undefined;

  private parsed: TaskOf<K> | undefined;
  private began: unknown;
  private reportedFailure: unknown;

  constructor() {
    super();
    this.task = null;
    this.mode = 'work';
    this.readonly = this.disabled = this.required = this.hideSubmit = this.formMirror = false;
    this.autosave = 'on';
    this.theme = 'auto';
    this.hotkeys = 'on';
  }

  // ---------------------------------------------------------------------------------------
  // The common element API

  /** The current envelope (the submitted one until the next edit); `null` before ready. Setting it pre-fills. */
  get value(): AnnotationOf<K> | null {
    this.syncSession();
    return this.session?.current ?? null;
  }

  set value(value: Annotation | null | undefined) {
    this.annotation.setValue(value ?? undefined);
  }

  /** Validates the current annotation against the task. */
  validate(): ValidationResult {
    this.syncSession();
    return this.session?.validation() ?? { valid: false, errors: [notReadyError(this.locale.lang)] };
  }

  /** Validates and, when valid, fires `tagwerk-submit` and resolves with the final envelope. */
  async submit(): Promise<AnnotationOf<K>> {
    this.syncSession();
    if (this.platforms.active) return this.submitToPlatform();
    const annotation = this.annotation.submit();
    if (annotation) return annotation;
    await this.updateComplete; // the list is shown (and focused) before the promise rejects
    const { submitErrors } = this.annotation;
    throw new AnnotationInvalidError(submitErrors.length ? submitErrors : [notReadyError(this.locale.lang)]);
  }

  /**
   * With a platform: validates, hands the envelope to the platform and resolves once it has it;
   * the local draft goes only then. A failed hand-over rejects with the PlatformError (the draft
   * stays and the widget offers to retry).
   */
  private async submitToPlatform(): Promise<AnnotationOf<K>> {
    if (this.platforms.preview) throw this.platforms.previewError();
    // On its way, or the platform has it and nothing changed since: the same envelope, not sent again.
    const pending = this.platforms.busy || this.platforms.done ? this.session?.submitted : undefined;
    // A retry after a failed hand-over, nothing edited since: the same envelope (and so the same
    // Idempotency-Key), so a server that stored the first try can tell it is a repeat.
    const retry = this.platforms.failed ? this.session?.submitted : undefined;
    const annotation = pending ?? retry ?? this.annotation.submit({ keepDraft: true });
    if (!annotation) {
      await this.updateComplete;
      const { submitErrors } = this.annotation;
      throw new AnnotationInvalidError(submitErrors.length ? submitErrors : [notReadyError(this.locale.lang)]);
    }
    if (pending) return annotation;
    const delivery = await this.platforms.deliver(annotation as Annotation);
    // A form post that leaves the page (MTurk) cannot tell whether it arrived: a lost connection
    // shows the browser's error page. The draft stays, so going back to the task loses nothing;
    // it is kept under the assignment id, which the platform never hands out again.
    if (delivery.kind !== 'navigating') this.annotation.submissionSent();
    return annotation;
  }

  /** Back to the pre-filled (or empty) state; undo history and the local draft are cleared. */
  reset(): void {
    this.annotation.reset();
  }

  /** Undoes the last edit. */
  undo(): void {
    if (this.editable && this.session?.undo()) this.annotation.changed('user');
  }

  /** Redoes the last undone edit. */
  redo(): void {
    if (this.editable && this.session?.redo()) this.annotation.changed('user');
  }

  /** The form the element belongs to, as for native form controls. */
  get form(): HTMLFormElement | null {
    return this.forms.internals.form;
  }

  /** The `<label>` elements of the element. */
  get labels(): NodeList {
    return this.forms.labels;
  }

  /** The element's validity (`valueMissing` before ready when required, else `customError`). */
  get validity(): ValidityState {
    return this.forms.validity;
  }

  /** Why the element is invalid: the first missing or wrong answer. */
  get validationMessage(): string {
    return this.forms.validationMessage;
  }

  /** Whether a form validates the element (not when disabled or readonly). */
  get willValidate(): boolean {
    return this.forms.willValidate;
  }

  /** True when valid; otherwise fires `invalid` and shows nothing. */
  checkValidity(): boolean {
    return this.forms.checkValidity();
  }

  /** True when valid; otherwise lists the missing answers and moves focus to the first. */
  reportValidity(): boolean {
    return this.forms.reportValidity();
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

  /** Extra keyboard actions of the widget, in priority order (they run only once the task is ready). */
  protected get actions(): ShortcutAction<M | UiMessageKey>[] {
    return [];
  }

  /** The shared question keys (J/K, digits, A/B/T/G/X…) for the task's questions, answering through `host`. */
  protected questionKeys(host: () => QuestionHost = () => this.questionHost()): ShortcutAction<UiMessageKey>[] {
    const questions = this.parsedTask?.questions ?? [];
    return questionActions(questions).map((action) => ({
      ...action,
      run: () => {
        const root = this.renderRoot as ShadowRoot;
        const handled = handleQuestionAction(action.id, questions, host(), root);
        if (handled) void this.updateComplete.then(() => syncRadioFocus(root));
        return handled;
      },
    }));
  }

  /** The control an error points at (e.g. `/result/answers/q1`): focused and used as validity anchor. */
  protected errorTarget(error: ValidationError | undefined): HTMLElement | null {
    const id = error ? answerIdOfPath(error.path) : undefined;
    if (id === undefined) return null;
    return questionControl(this.renderRoot?.querySelector(`[data-question="${CSS.escape(id)}"]`) ?? null);
  }

  /** Moves focus to the control an error points at. */
  protected focusError(error: ValidationError): void {
    (this.errorTarget(error) ?? this.renderRoot.querySelector<HTMLElement>('.submit-errors'))?.focus();
  }

  /** Training mode: how the worker's result compares with the reference, per question by default. */
  protected compare(reference: ResultByKind[K], result: ResultByKind[K]): FeedbackItem[] {
    const questions: Question[] = this.parsedTask?.questions ?? [];
    return questions.map((q) => {
      const agree = answersAgree(q, reference.answers[q.id], result.answers[q.id]);
      return { label: q.label, agree, detail: agree ? undefined : this.t('ui.training.differ') };
    });
  }

  /** The result as the envelope carries it (see AnnotationSessionOptions.finishResult). */
  protected finishResult(result: ResultByKind[K], _submitting: boolean): ResultByKind[K] {
    return result;
  }

  /** Widget state kept in the draft beside the result (JSON-safe); restored by `restoreDraftState`. */
  protected draftState(): unknown {
    return undefined;
  }

  /** Receives what `draftState` stored when a draft is restored. Must accept anything. */
  protected restoreDraftState(_state: unknown): void {}

  /** Something the envelope depends on changed without a worker's edit (e.g. playback progress). */
  protected stateChanged(): void {
    if (!this.session) return;
    this.session.touch();
    this.annotation.changed('host');
  }

  /** The task being worked on (also while its media load). */
  protected get parsedTask(): TaskOf<K> | undefined {
    return this.session?.task ?? this.parsed;
  }

  /** The current result (the present of the undo history). */
  protected get result(): ResultByKind[K] | undefined {
    return this.session?.result;
  }

  /** The worker may edit: ready, not read-only, not disabled. */
  protected get editable(): boolean {
    return (
      this.session !== undefined && !this.readonly && !this.disabled && !this.forms.disabled && !this.platforms.preview
    );
  }

  /**
   * Records a worker's edit: one undo step (merged with the previous one when `coalesceKey`
   * matches), the draft, the form value and a `tagwerk-change`. Ignored when not editable.
   */
  protected commit(next: ResultByKind[K], options: { coalesceKey?: string } = {}): boolean {
    if (!this.editable || !this.session!.commit(next, { origin: 'user', ...options })) return false;
    this.annotation.changed('user');
    return true;
  }

  /** Sets one answer of the shared `answers` map (or removes it with `undefined`). */
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
      setAnswer: (id, answer, options) => this.result && this.commit(this.withAnswer(this.result, id, answer), options),
      ...extra,
    };
  }

  /** Reports a problem through `tagwerk-error` (and keeps the widget working). */
  protected reportError(code: TagwerkErrorCode, message: string): void {
    this.dispatchEvent(new TagwerkErrorEvent({ code, message }));
  }

  // ---------------------------------------------------------------------------------------
  // Lifecycle

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('task') || changed.has('taskSrc')) {
      this.annotation.end();
      // The loader still holds the previous load until its next run (in hostUpdate, after this).
      this.began = this.loader.value;
    }
    if (changed.has('autosave') && this.autosave === 'off') this.drafts.clear();
    if (changed.has('keymap')) this.shortcuts.invalidate();
    this.syncSession();
    const loaded = this.loader.value;
    if (!loaded) this.annotation.end();
    if (loaded && loaded !== this.began) {
      this.began = loaded;
      this.annotation.begin(loaded.task, loaded.prepared);
      this.shortcuts.invalidate(); // a widget's actions may depend on the task (label hotkeys)
    }
    const failure = this.loader.failure;
    if (failure && failure !== this.reportedFailure) {
      this.reportedFailure = failure;
      this.reportError(failure.code, failure.message);
    }
  }

  formAssociatedCallback(form: HTMLFormElement | null): void {
    this.forms.formChanged(form);
  }

  formResetCallback(): void {
    this.reset();
  }

  formDisabledCallback(disabled: boolean): void {
    this.forms.disabled = disabled;
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

  private submitFromUi = async (): Promise<void> => {
    try {
      await this.submit();
      // Inside a host form, a successful submit also submits the form (MTurk's HTMLQuestion).
      if (!this.platforms.active) this.forms.internals.form?.requestSubmit();
    } catch {
      // Already reported: tagwerk-invalid fired and the errors are listed with focus on the first,
      // or the platform notice says why the answer was not sent (with a retry).
    }
  };

  private allActions(): ShortcutAction<M | UiMessageKey>[] {
    const base: ShortcutAction<UiMessageKey>[] = [
      { id: 'undo', label: 'ui.action.undo', keys: ['Mod+KeyZ'], run: () => this.undo() },
      { id: 'redo', label: 'ui.action.redo', keys: ['Shift+Mod+KeyZ', 'Mod+KeyY'], run: () => this.redo() },
      {
        id: 'submit',
        label: 'ui.action.submit',
        keys: ['Mod+Enter'],
        allowInInputs: true,
        run: () => void this.submitFromUi(),
      },
      { id: 'help', label: 'ui.action.help', keys: ['Shift+Slash'], run: () => this.openShortcuts() },
    ];
    const own = this.actions.map((a) => ({
      ...a,
      run: (event: KeyboardEvent) => this.session !== undefined && a.run(event) !== false,
    }));
    return [...base, ...own];
  }

  private openShortcuts = (): void => {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.shortcuts');
    if (dialog && !dialog.open) dialog.showModal();
  };

  /** A `mode` or language set a moment ago counts at once, not only after the next render. */
  private syncSession(): void {
    if (!this.session) return;
    this.session.mode = this.mode;
    this.session.locale = this.locale.lang;
  }

  /** The session of the task shown (AnnotationController); undefined until ready. */
  private get session(): AnnotationController<K>['session'] {
    return this.annotation.session;
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const session = this.session;
    const failure = this.loader.failure;
    const { submitErrors, feedback, restored } = this.annotation;
    return renderFrame({
      t: (key, params) => this.t(key, params),
      lang: this.locale.lang,
      dir: this.locale.dir,
      phase: session ? 'ready' : this.loader.phase === 'ready' ? 'loading' : this.loader.phase,
      task: this.parsedTask,
      mode: this.mode,
      disabled: this.disabled || this.forms.disabled,
      readonly: this.readonly,
      editable: this.editable,
      shortcuts: this.hotkeys !== 'off',
      shortcutRows: this.shortcuts.rows.map((row) => ({ name: this.t(row.label), keys: row.keys })),
      instructionsOpen: !this.drafts.hasReadInstructions,
      failure: failure?.errors ?? [],
      retry: failure && (this.taskSrc || failure.code.startsWith('media-')) ? () => this.loader.retry() : undefined,
      session,
      submitErrors,
      feedback,
      restored,
      draftNotice: session ? this.draftNotice : undefined,
      submitButton: !this.hideSubmit && !this.platforms.ownsSubmit && !this.platforms.preview,
      banner: this.platforms.renderBanner(),
      submitNotice: this.platforms.renderSubmission(() => void this.submitFromUi()),
      surface: () => this.renderSurface(session!.task, session!.result),
      live: () => this.announcer.render(),
      on: {
        openShortcuts: this.openShortcuts,
        instructionsClosed: () => this.drafts.markInstructionsRead(),
        discardDraft: () => this.reset(),
        verdict: (verdict, comment) => this.editable && this.annotation.verdict(verdict, comment),
        undo: () => this.undo(),
        redo: () => this.redo(),
        submit: () => void this.submitFromUi(),
      },
    });
  }
}
