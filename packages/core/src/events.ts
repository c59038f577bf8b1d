/**
 * The public events of every Tagwerk widget: one `CustomEvent` subclass each, all bubbling and
 * composed so a host listening on any ancestor (through shadow roots) hears them.
 *
 * Pure: extends the platform's global `CustomEvent` (present in browsers and Node >= 19) and never
 * touches `document`, so the module also loads in Node.
 */
import type { Annotation, ValidationError } from './model/types.js';

/**
 * Every code a widget's `tagwerk-error` carries today. `task-invalid`: the task (or, once its media
 * is known, its pre-fill) is wrong; `task-load-failed`: `task-src` could not be fetched;
 * `media-load-failed` / `media-decode-failed`: the image, audio or waveform could not be loaded or
 * read; `storage-unavailable`: drafts cannot be kept on this device; `value-invalid`: a value the
 * host set was refused (the work is kept); `keymap-invalid`: the host's `keymap` has a binding that
 * does not parse (the defaults stay); `platform-invalid`: the `platform` wiring cannot work on this
 * page (unknown name, no `submit-url`, a submit address that is not allowed, no `<crowd-form>`);
 * `submit-failed`: the platform or the host's server did not take the submission (the draft is
 * kept and the widget offers to retry); `internal`: a bug of ours.
 */
export const TAGWERK_ERROR_CODES = [
  'task-invalid',
  'task-load-failed',
  'media-load-failed',
  'media-decode-failed',
  'storage-unavailable',
  'value-invalid',
  'keymap-invalid',
  'platform-invalid',
  'submit-failed',
  'internal',
] as const;

/**
 * Why a widget fired `tagwerk-error` (see `TAGWERK_ERROR_CODES`). Open-ended: future codes may be
 * added, so handle unknown ones with a generic message.
 */
export type TagwerkErrorCode =
  | (typeof TAGWERK_ERROR_CODES)[number]
  // Keeps autocompletion for the known codes while accepting new ones.
  | (string & {});

/** Detail of `tagwerk-ready`. */
export interface TagwerkReadyDetail {
  /** The `id` of the task now shown. */
  taskId: string;
}

/** Detail of `tagwerk-change`. */
export interface TagwerkChangeDetail {
  /** The annotation envelope after the edit (a draft: `meta.submittedAt` is `null`). */
  annotation: Annotation;
  /** Whether `annotation` would pass `submit()` now. */
  valid: boolean;
  /** What still blocks submission; empty when `valid`. */
  errors: ValidationError[];
}

/** Detail of `tagwerk-submit`. */
export interface TagwerkSubmitDetail {
  /** The validated, submitted envelope. */
  annotation: Annotation;
}

/** Detail of `tagwerk-invalid`. */
export interface TagwerkInvalidDetail {
  /** Why `submit()` was refused; never empty. */
  errors: ValidationError[];
}

/** Detail of `tagwerk-error`. */
export interface TagwerkErrorDetail {
  /** Machine-readable reason. */
  code: TagwerkErrorCode;
  /** Human-readable, translated description. */
  message: string;
}

const init = <D>(detail: D): CustomEventInit<D> => ({ detail, bubbles: true, composed: true });

/** Fired once the task is parsed and its media loaded: the widget is interactive. */
export class TagwerkReadyEvent extends CustomEvent<TagwerkReadyDetail> {
  /** The event type, `'tagwerk-ready'`. */
  static readonly eventName = 'tagwerk-ready' as const;
  constructor(detail: TagwerkReadyDetail) {
    super(TagwerkReadyEvent.eventName, init(detail));
  }
}

/** Fired after each user edit; never for programmatic changes of `task` or `value`. */
export class TagwerkChangeEvent extends CustomEvent<TagwerkChangeDetail> {
  /** The event type, `'tagwerk-change'`. */
  static readonly eventName = 'tagwerk-change' as const;
  constructor(detail: TagwerkChangeDetail) {
    super(TagwerkChangeEvent.eventName, init(detail));
  }
}

/** Fired when `submit()` succeeded, whether the worker or the host asked for it. */
export class TagwerkSubmitEvent extends CustomEvent<TagwerkSubmitDetail> {
  /** The event type, `'tagwerk-submit'`. */
  static readonly eventName = 'tagwerk-submit' as const;
  constructor(detail: TagwerkSubmitDetail) {
    super(TagwerkSubmitEvent.eventName, init(detail));
  }
}

/** Fired when `submit()` was refused because the annotation is invalid. */
export class TagwerkInvalidEvent extends CustomEvent<TagwerkInvalidDetail> {
  /** The event type, `'tagwerk-invalid'`. */
  static readonly eventName = 'tagwerk-invalid' as const;
  constructor(detail: TagwerkInvalidDetail) {
    super(TagwerkInvalidEvent.eventName, init(detail));
  }
}

/** Fired when something outside the worker's control went wrong (bad task, media, storage, …). */
export class TagwerkErrorEvent extends CustomEvent<TagwerkErrorDetail> {
  /** The event type, `'tagwerk-error'`. */
  static readonly eventName = 'tagwerk-error' as const;
  constructor(detail: TagwerkErrorDetail) {
    super(TagwerkErrorEvent.eventName, init(detail));
  }
}

/** Every public Tagwerk event, by type. */
export interface TagwerkEventMap {
  'tagwerk-ready': TagwerkReadyEvent;
  'tagwerk-change': TagwerkChangeEvent;
  'tagwerk-submit': TagwerkSubmitEvent;
  'tagwerk-invalid': TagwerkInvalidEvent;
  'tagwerk-error': TagwerkErrorEvent;
}

/** The type of a public Tagwerk event. */
export type TagwerkEventName = keyof TagwerkEventMap;

/** The names of all public Tagwerk events, e.g. to forward them in a framework wrapper. */
export const TAGWERK_EVENTS = [
  TagwerkReadyEvent.eventName,
  TagwerkChangeEvent.eventName,
  TagwerkSubmitEvent.eventName,
  TagwerkInvalidEvent.eventName,
  TagwerkErrorEvent.eventName,
] as const satisfies readonly TagwerkEventName[];

declare global {
  // Types `addEventListener('tagwerk-change', e => e.detail…)` on every element.
  interface HTMLElementEventMap {
    'tagwerk-ready': TagwerkReadyEvent;
    'tagwerk-change': TagwerkChangeEvent;
    'tagwerk-submit': TagwerkSubmitEvent;
    'tagwerk-invalid': TagwerkInvalidEvent;
    'tagwerk-error': TagwerkErrorEvent;
  }
}
