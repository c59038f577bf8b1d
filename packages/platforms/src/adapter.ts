import type { Annotation } from '@tagwerk/core';
import type { PlatformContext, PlatformName, PlatformSettings } from './context.js';

/** What happened once an adapter took a submitted envelope. */
export type Delivery =
  /** The page is leaving for the platform (MTurk's form post): nothing more to show. */
  | { kind: 'navigating' }
  /** The platform's own page took the envelope and submits it (Ground Truth, Toloka). */
  | { kind: 'handed-over' }
  /**
   * The host's server stored it (2xx). `redirect`: where the worker goes next (the platform's
   * completion URL), `completionCode`: the code to show in case the redirect is blocked.
   */
  | { kind: 'saved'; redirect?: string | undefined; completionCode?: string | undefined };

/** What an adapter may ask of the widget it serves (implemented by every Tagwerk widget). */
export interface PlatformHooks {
  /**
   * Submits synchronously, as a platform's own submit button needs: the final envelope, or null
   * when the annotation is not valid (the widget then lists what is missing and focuses it).
   * The local draft is kept until `sent()`.
   */
  submitNow(): Annotation | null;
  /** The platform has the submission: the local draft may go. */
  sent(): void;
}

/** One widget wired into one platform. */
export interface PlatformAdapter {
  readonly name: PlatformName;
  readonly context: PlatformContext;
  /** The platform's page has its own submit button: the widget hides its own. */
  readonly ownsSubmit: boolean;
  /**
   * Hands a submitted envelope to the platform. Resolves with what happened; rejects with a
   * PlatformError (nothing was sent when `config`/`preview`; the caller keeps the draft).
   * Calls made while one is under way share it; after a success, the same envelope is not
   * sent twice.
   */
  deliver(annotation: Annotation): Promise<Delivery>;
  /** Connects to the page around the element (e.g. the enclosing `<crowd-form>`); returns the disconnect. */
  connect(hooks: PlatformHooks): () => void;
}

/** What every adapter factory receives. */
export interface AdapterEnvironment {
  /** The widget element (its document, its enclosing form). */
  element: HTMLElement;
  /** The page URL the assignment is read from (default: the element's document URL). */
  url?: string | URL;
  settings?: PlatformSettings;
  /** For tests: the fetch to use (default: globalThis.fetch). */
  fetch?: typeof fetch;
}
