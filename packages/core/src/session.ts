/**
 * The annotation session: everything a widget knows about one task's work in progress, without a
 * DOM — the undo history, the counters and times of `meta`, the review verdict, the envelope and
 * its validation, and the submitted envelope. A widget (or a test, or a server replaying a
 * journal) drives it with commits that say where they came from:
 *
 * - `origin: "user"` — a worker's edit: one undo step, counted in `meta.edits`, turns a submitted
 *   annotation back into a draft, and in review mode makes the verdict "corrected";
 * - `origin: "host"` — the host's pre-fill (`value = …`): the new starting point, no edit, no undo
 *   step.
 *
 * Reads are memoised per state: `envelope()` and `validation()` return the same objects until the
 * next change (`version` counts the changes), so a host comparing `el.value` sees one object per
 * state and a render never validates twice. Clocks are injected: `clock` (monotonic ms, for active
 * time and undo coalescing) and `now` (wall time, for `startedAt`/`submittedAt`).
 */
import { ActiveTimeTracker } from './active-time.js';
import { History } from './history.js';
import type { AnnotationOf, Kind, Meta, ResultByKind, Review, TaskOf, ValidationResult } from './model/types.js';
import { validateAnnotation, type AnnotationMode } from './validate/index.js';

/** Who made a change: the worker in the widget, or the host page through the element's API. */
/**
 * Who changed the result: the worker (`user`, an undo step and an edit), the host (`host`, the new
 * starting point), or the worker in another tab with the same task (`remote`, merged in by the
 * draft journal: an undo step, not an edit of this tab).
 */
export type CommitOrigin = 'user' | 'host' | 'remote';

/** What the session keeps across a reload (the draft journal stores it). */
export interface SessionDraft<R> {
  result: R;
  meta: Pick<Meta, 'startedAt' | 'activeMs' | 'idleMs' | 'edits' | 'undos'>;
  review?: Review;
}

export interface AnnotationSessionOptions<K extends Kind> {
  kind: K;
  task: TaskOf<K>;
  /** The result to start from (empty, or the task's pre-fill). */
  initial: ResultByKind[K];
  /** `package@version` recorded in `meta.widget`. */
  widget: string;
  mode?: AnnotationMode;
  /** BCP 47 tag for `meta.locale` and the language of validation messages. */
  locale?: string;
  /** Monotonic milliseconds (default `performance.now`). */
  clock?: () => number;
  /** Wall time (default `new Date()`). */
  now?: () => Date;
  /** Active-time idle threshold (see ActiveTimeTracker). */
  idleThresholdMs?: number;
  /**
   * The result as the envelope carries it: a widget may add what is not an undoable edit (how much
   * of the media was played) and, when `submitting`, what is costly to compute.
   */
  finishResult?: (result: ResultByKind[K], submitting: boolean) => ResultByKind[K];
}

/** Whether a stored value has the shape of a SessionDraft (the result itself is checked by validation). */
export function isSessionDraft(value: unknown): value is SessionDraft<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const { result, meta } = value as Partial<SessionDraft<unknown>>;
  if (typeof result !== 'object' || result === null || typeof meta !== 'object' || meta === null) return false;
  const counts = [meta.activeMs, meta.idleMs, meta.edits, meta.undos];
  return (
    typeof meta.startedAt === 'string' && counts.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)
  );
}

/** The outcome of `submit()`. */
export type SubmitOutcome<K extends Kind> =
  { ok: true; annotation: AnnotationOf<K> } | { ok: false; errors: ValidationResult['errors'] };

export class AnnotationSession<K extends Kind> {
  readonly kind: K;
  readonly task: TaskOf<K>;
  private readonly widget: string;
  private readonly clock: () => number;
  private readonly now: () => Date;
  private readonly finishResult: (result: ResultByKind[K], submitting: boolean) => ResultByKind[K];
  private readonly history: History<ResultByKind[K]>;
  private readonly tracker: ActiveTimeTracker;
  private initial: ResultByKind[K];
  private modeValue: AnnotationMode;
  private localeValue: string;
  private startedAt: string;
  private counters = { edits: 0, undos: 0, activeOffset: 0, idleOffset: 0 };
  private reviewValue: Review | undefined;
  private submittedValue: AnnotationOf<K> | undefined;
  private versionValue = 0;
  private cachedEnvelope: { version: number; value: AnnotationOf<K> } | undefined;
  private cachedValidation: { version: number; value: ValidationResult } | undefined;

  constructor(options: AnnotationSessionOptions<K>) {
    this.kind = options.kind;
    this.task = options.task;
    this.widget = options.widget;
    this.clock = options.clock ?? (() => performance.now());
    this.now = options.now ?? (() => new Date());
    this.finishResult = options.finishResult ?? ((result) => result);
    this.modeValue = options.mode ?? 'work';
    this.localeValue = options.locale ?? 'en';
    this.initial = options.initial;
    this.history = new History(options.initial);
    this.tracker = new ActiveTimeTracker({ now: this.clock, idleThresholdMs: options.idleThresholdMs });
    this.tracker.start();
    this.startedAt = this.now().toISOString();
  }

  /** Counts the changes; every read below is memoised per version. */
  get version(): number {
    return this.versionValue;
  }

  /** The current result (the present of the undo history). */
  get result(): ResultByKind[K] {
    return this.history.present;
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /** The review verdict and comment (review mode). */
  get review(): Review | undefined {
    return this.reviewValue;
  }

  /** The worker has made an edit in this session (or in the draft it continues). */
  get edited(): boolean {
    return this.counters.edits > 0;
  }

  /** The submitted envelope, until the next edit turns the annotation back into a draft. */
  get submitted(): AnnotationOf<K> | undefined {
    return this.submittedValue;
  }

  get mode(): AnnotationMode {
    return this.modeValue;
  }

  set mode(mode: AnnotationMode) {
    if (mode === this.modeValue) return;
    this.modeValue = mode;
    this.changed();
  }

  get locale(): string {
    return this.localeValue;
  }

  set locale(locale: string) {
    if (locale === this.localeValue) return;
    this.localeValue = locale;
    this.changed();
  }

  /**
   * Records a change of the result. A user commit is one undo step (merged with the previous one
   * when `coalesceKey` matches); a host commit becomes the new starting point. Returns false when
   * nothing changed.
   */
  commit(next: ResultByKind[K], options: { origin: CommitOrigin; coalesceKey?: string }): boolean {
    if (options.origin === 'host') {
      this.initial = next;
      this.history.reset(next);
      this.submittedValue = undefined;
      this.changed();
      return true;
    }
    if (!this.history.push(next, { coalesceKey: options.coalesceKey, now: this.clock() })) return false;
    if (options.origin === 'remote') {
      this.submittedValue = undefined;
      this.changed();
      return true;
    }
    this.userEdit();
    return true;
  }

  /** Undoes the worker's last edit (counted in `meta.undos`, not as an edit); false when there is none. */
  undo(): boolean {
    if (!this.history.undo()) return false;
    this.counters.undos += 1;
    this.submittedValue = undefined;
    this.changed();
    return true;
  }

  /** Redoes the last undone edit; false when there is none. */
  redo(): boolean {
    if (!this.history.redo()) return false;
    this.submittedValue = undefined;
    this.changed();
    return true;
  }

  /** The worker's verdict on someone else's annotation (review mode). */
  setVerdict(verdict: Review['verdict'], comment?: string): void {
    this.reviewValue = { verdict, ...(comment ? { comment } : {}) };
    this.submittedValue = undefined;
    this.changed();
  }

  /** The review the host pre-filled with the annotation under review. */
  setReview(review: Review | undefined): void {
    this.reviewValue = review;
    this.changed();
  }

  /** Back to the starting point (pre-fill or empty): history, verdict and submission cleared. */
  reset(): void {
    this.history.reset(this.initial);
    this.reviewValue = undefined;
    this.submittedValue = undefined;
    this.changed();
  }

  /** Something the envelope depends on changed outside the result (e.g. playback progress). */
  touch(): void {
    this.changed();
  }

  /** The worker did something (input of any kind): active time continues. */
  activity(): void {
    this.tracker.activity();
  }

  /** The tab was hidden or shown: hidden time is idle time. */
  setHidden(hidden: boolean): void {
    this.tracker.setHidden(hidden);
  }

  /** Continues from a journaled draft (counters and times included). */
  restore(draft: SessionDraft<ResultByKind[K]>): void {
    this.history.reset(draft.result);
    this.startedAt = draft.meta.startedAt;
    this.counters = {
      edits: draft.meta.edits,
      undos: draft.meta.undos,
      activeOffset: draft.meta.activeMs,
      idleOffset: draft.meta.idleMs,
    };
    this.reviewValue = draft.review;
    this.submittedValue = undefined;
    this.changed();
  }

  /** What the draft journal stores now. */
  toDraft(): SessionDraft<ResultByKind[K]> {
    const { startedAt, activeMs, idleMs, edits, undos } = this.envelope().meta;
    return {
      result: this.history.present,
      meta: { startedAt, activeMs, idleMs, edits, undos },
      ...(this.reviewValue ? { review: this.reviewValue } : {}),
    };
  }

  /** The draft envelope (`submittedAt: null`), one object per version. */
  envelope(): AnnotationOf<K> {
    if (this.cachedEnvelope?.version !== this.versionValue) {
      this.cachedEnvelope = { version: this.versionValue, value: this.build(null) };
    }
    return this.cachedEnvelope.value;
  }

  /** The draft envelope's validation (completeness included), one object per version. */
  validation(): ValidationResult {
    if (this.cachedValidation?.version !== this.versionValue) {
      this.cachedValidation = { version: this.versionValue, value: this.check(this.envelope()) };
    }
    return this.cachedValidation.value;
  }

  /** What a form posts now: the submitted envelope after a submit, else the draft. */
  get current(): AnnotationOf<K> {
    return this.submittedValue ?? this.envelope();
  }

  /**
   * Builds the final envelope with `submittedAt` and validates it; on success it is kept as
   * `submitted` (and is what `current` returns) until the next edit.
   */
  submit(): SubmitOutcome<K> {
    const annotation = this.build(this.now().toISOString());
    const result = this.check(annotation);
    if (!result.valid) return { ok: false, errors: result.errors };
    this.submittedValue = annotation;
    this.versionValue += 1;
    return { ok: true, annotation };
  }

  private userEdit(): void {
    this.counters.edits += 1;
    this.submittedValue = undefined;
    if (this.modeValue === 'review' && this.reviewValue?.verdict !== 'rejected') {
      this.reviewValue = { ...this.reviewValue, verdict: 'corrected' };
    }
    this.changed();
  }

  private changed(): void {
    this.versionValue += 1;
  }

  private check(annotation: AnnotationOf<K>): ValidationResult {
    return validateAnnotation(annotation, this.task, { locale: this.localeValue, mode: this.modeValue });
  }

  private build(submittedAt: string | null): AnnotationOf<K> {
    const time = this.tracker.snapshot();
    const meta: Meta = {
      startedAt: this.startedAt,
      submittedAt,
      activeMs: Math.round(this.counters.activeOffset + time.activeMs),
      idleMs: Math.round(this.counters.idleOffset + time.idleMs),
      edits: this.counters.edits,
      undos: this.counters.undos,
      locale: this.localeValue.slice(0, 35),
      widget: this.widget,
    };
    const envelope: AnnotationOf<K> = {
      schemaVersion: 1,
      kind: this.kind,
      taskId: this.task.id,
      result: this.finishResult(this.history.present, submittedAt !== null),
      meta,
    };
    if (this.modeValue === 'review' && this.reviewValue) envelope.review = this.reviewValue;
    return envelope;
  }
}
