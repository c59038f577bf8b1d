import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  AnnotationSession,
  TagwerkChangeEvent,
  TagwerkErrorEvent,
  TagwerkInvalidEvent,
  TagwerkReadyEvent,
  TagwerkSubmitEvent,
  isSessionDraft,
  notReadyError,
  validateAnnotation,
  type Annotation,
  type AnnotationMode,
  type AnnotationOf,
  type CommitOrigin,
  type Kind,
  type ResultByKind,
  type Review,
  type SessionDraft,
  type TaskOf,
  type ValidationError,
} from '@tagwerk/core';
import type { FeedbackItem } from '../chrome.js';

/** What the journal keeps: the session's draft and the widget's own state beside it. */
export type WidgetDraft<R> = SessionDraft<R> & { widget?: unknown };

interface AnnotationHost extends ReactiveControllerHost, HTMLElement {}

/** What the annotation's lifecycle needs from the widget and the other controllers. */
export interface AnnotationBinding<K extends Kind> {
  kind(): K;
  /** `package@version` for `meta.widget`. */
  widgetId(): string;
  mode(): AnnotationMode;
  locale(): string;
  /** Training mode's gold annotation. */
  reference(): Annotation | undefined;
  emptyResult(task: TaskOf<K>): ResultByKind[K];
  finishResult(result: ResultByKind[K], submitting: boolean): ResultByKind[K];
  draftState(): unknown;
  restoreDraftState(state: unknown): void;
  compare(reference: ResultByKind[K], result: ResultByKind[K]): FeedbackItem[];
  focusError(error: ValidationError): void;
  /** The draft journal (DraftController). */
  drafts: {
    write(draft: WidgetDraft<ResultByKind[K]>): void;
    clear(): void;
    markInstructionsRead(): void;
  };
  /** Writes the form value and validity (FormController). */
  syncForm(): void;
}

/**
 * The annotation inside the element, one concern: it starts an AnnotationSession when a task is
 * ready (pre-fill and stored draft applied), and after every change journals the draft, updates the
 * form, re-renders and — for the worker's own edits only — fires `tagwerk-change`. It runs
 * `submit()` (the `tagwerk-submit` / `tagwerk-invalid` events, the error list, training feedback).
 */
export class AnnotationController<K extends Kind> implements ReactiveController {
  /** The session of the task shown; undefined until ready. */
  session: AnnotationSession<K> | undefined;
  /** What the last refused submit listed (updated as the worker fixes it). */
  submitErrors: ValidationError[] = [];
  /** Training feedback after a submit. */
  feedback: FeedbackItem[] | undefined;
  /** The session continues a stored draft (the "restored" notice shows). */
  restored = false;
  private pendingValue: Annotation | undefined;

  constructor(
    private readonly host: AnnotationHost,
    private readonly binding: AnnotationBinding<K>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts the session of a loaded task, continuing its stored draft when that still fits. */
  begin(task: TaskOf<K>, stored: unknown): void {
    this.submitErrors = [];
    this.feedback = undefined;
    this.restored = false;
    const session = this.start(task);
    // A draft from an older version of the task, or not a draft at all, is dropped rather than
    // shown broken; the host's pre-fill stays.
    if (isSessionDraft(stored) && this.acceptable({ ...session.envelope(), result: stored.result })) {
      const draft = stored as WidgetDraft<ResultByKind[K]>;
      session.restore(draft);
      if (draft.widget !== undefined) this.binding.restoreDraftState(draft.widget);
      session.touch(); // finishResult() may read what restoreDraftState() brought back
      this.restored = true;
    }
    void this.host.updateComplete.then(() => {
      if (this.session === session) this.host.dispatchEvent(new TagwerkReadyEvent({ taskId: task.id }));
    });
  }

  /**
   * Another tab's edits of this task, merged with ours by the journal: one undo step, not an edit
   * of this tab; the widget's own state included. Returns whether anything changed.
   */
  merge(stored: unknown): boolean {
    const session = this.session;
    if (!session || session.submitted || !isSessionDraft(stored)) return false;
    const draft = stored as WidgetDraft<ResultByKind[K]>;
    if (!this.acceptable({ ...session.envelope(), result: draft.result })) return false;
    const changed = session.commit(structuredClone(draft.result), { origin: 'remote' });
    if (draft.widget !== undefined) this.binding.restoreDraftState(draft.widget);
    session.touch();
    this.changed('host');
    return changed;
  }

  /** The task went away (a new one is loading, or none). */
  end(): void {
    this.session = undefined;
    this.feedback = undefined;
    this.submitErrors = [];
  }

  /** The host's pre-fill: applied now when ready, else when the task is. */
  setValue(value: Annotation | undefined): void {
    this.pendingValue = value;
    if (value && this.session) this.applyValue(value, true);
  }

  /** Records a change made through the session and tells everyone who needs to know. */
  changed(origin: CommitOrigin, options: { journal?: boolean } = {}): void {
    const session = this.session!;
    const validation = session.validation();
    if (this.submitErrors.length) this.submitErrors = validation.errors;
    // After a submit, only a new edit makes a draft again (not, say, playback progress).
    if (!session.submitted && options.journal !== false) {
      this.binding.drafts.write({ ...session.toDraft(), widget: this.binding.draftState() });
    }
    this.binding.syncForm();
    this.host.requestUpdate();
    if (origin === 'user') {
      const { valid, errors } = validation;
      this.host.dispatchEvent(new TagwerkChangeEvent({ annotation: session.envelope() as Annotation, valid, errors }));
    }
  }

  /** Back to the starting point; the stored draft goes too. */
  reset(): void {
    if (!this.session) return;
    this.session.reset();
    this.submitErrors = [];
    this.feedback = undefined;
    this.restored = false;
    this.binding.drafts.clear();
    this.changed('host', { journal: false }); // the draft stays cleared until the next edit
  }

  /** The worker's verdict (review mode). */
  verdict(verdict: Review['verdict'], comment: string): void {
    this.session?.setVerdict(verdict, comment || undefined);
    if (this.session) this.changed('user');
  }

  /**
   * Submits synchronously: the envelope when accepted, undefined when refused (errors listed).
   * `keepDraft`: the stored draft stays until `submissionSent()` (a form submission that a later
   * listener may still cancel).
   */
  submit(options: { keepDraft?: boolean } = {}): AnnotationOf<K> | undefined {
    const outcome = this.session?.submit() ?? { ok: false as const, errors: [notReadyError(this.binding.locale())] };
    if (!outcome.ok) {
      this.showErrors(outcome.errors);
      this.host.dispatchEvent(new TagwerkInvalidEvent({ errors: outcome.errors }));
      return undefined;
    }
    const { annotation } = outcome;
    this.submitErrors = [];
    this.restored = false;
    if (!options.keepDraft) this.submissionSent();
    this.binding.syncForm();
    this.host.requestUpdate();
    this.host.dispatchEvent(new TagwerkSubmitEvent({ annotation: annotation as Annotation }));
    const reference = this.binding.reference();
    if (this.binding.mode() === 'training' && reference) {
      this.feedback = this.binding.compare(reference.result as ResultByKind[K], annotation.result);
    }
    return annotation;
  }

  /** The submitted annotation has left (the form was sent): its draft and first-time help go. */
  submissionSent(): void {
    if (!this.session?.submitted) return;
    this.binding.drafts.clear();
    this.binding.drafts.markInstructionsRead();
  }

  /** Lists what is missing and moves focus to the first (once the list has rendered). */
  showErrors(errors: ValidationError[]): void {
    this.submitErrors = errors;
    this.host.requestUpdate();
    if (errors[0]) void this.host.updateComplete.then(() => this.binding.focusError(errors[0]!));
  }

  private start(task: TaskOf<K>): AnnotationSession<K> {
    const session = new AnnotationSession({
      kind: this.binding.kind(),
      task,
      initial: this.binding.emptyResult(task), // after prepare(): a widget may need its media (an image's size)
      widget: this.binding.widgetId(),
      mode: this.binding.mode(),
      locale: this.binding.locale(),
      finishResult: (result, submitting) => this.binding.finishResult(result, submitting),
    });
    this.session = session;
    // Quietly: the stored draft (restored next) must not be overwritten by a journaled pre-fill.
    if (this.pendingValue) this.applyValue(this.pendingValue, false);
    return session;
  }

  /** A value or draft a worker could go on with (complete or not). */
  private acceptable(value: unknown, refused?: (errors: ValidationError[]) => void): boolean {
    const check = validateAnnotation(value, this.session!.task, { locale: this.binding.locale(), draft: true });
    if (!check.valid) refused?.(check.errors);
    return check.valid;
  }

  /** Pre-fill from the host: validated first; a bad value is reported and the work is kept. */
  private applyValue(value: Annotation, notify: boolean): void {
    const session = this.session!;
    const refused = (errors: ValidationError[]): void => {
      const message = errors.map((e) => `${e.path}: ${e.message}`).join('\n');
      this.host.dispatchEvent(new TagwerkErrorEvent({ code: 'value-invalid', message }));
    };
    if (!this.acceptable(value, refused)) return;
    this.pendingValue = undefined;
    session.commit(structuredClone(value.result) as ResultByKind[K], { origin: 'host' });
    if (this.binding.mode() === 'review') session.setReview(value.review);
    if (notify) this.changed('host');
  }
}
