/**
 * Where a widget runs: which crowd platform, which assignment, and whether the worker may work
 * yet. Read from the page URL the way each platform documents it; nothing here touches an element.
 */

/** The platforms a widget can be wired into with `platform="…"` (fixed names). */
export const PLATFORMS = ['mturk', 'ground-truth', 'toloka', 'prolific', 'clickworker', 'url'] as const;

export type PlatformName = (typeof PLATFORMS)[number];

export const isPlatformName = (value: unknown): value is PlatformName =>
  typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);

/** What the host page configured beside `platform` (the widget's attributes). */
export interface PlatformSettings {
  /** `submit-url`: where prolific, url and clickworker POST the envelope (same origin or https). */
  submitUrl?: string | undefined;
  /** `completion-code`: the code a completion redirect carries when the server's answer has none. */
  completionCode?: string | undefined;
  /** `completion-url`: where `url` sends the worker after a saved submit; `{code}` is replaced. */
  completionUrl?: string | undefined;
  /** `platform-params`: the URL parameters that identify the assignment (url, clickworker). */
  params?: readonly string[] | undefined;
  /** The form field name that carries the envelope (`name`; default `annotation`). */
  field?: string | undefined;
}

/** The assignment a widget works on, as the platform passed it. */
export interface PlatformContext {
  platform: PlatformName;
  /**
   * The ids the platform passed (e.g. `assignmentId`, `PROLIFIC_PID`). They travel with the
   * submission to where the platform expects them and never into the envelope's `meta`.
   */
  ids: Readonly<Record<string, string>>;
  /** The worker has not accepted the task yet (MTurk preview): look, but no work and no submit. */
  preview: boolean;
  /** Distinguishes drafts of the same task in different assignments (empty when unknown). */
  scope: string;
}

/** The URL parameters each platform documents (values read verbatim, never interpreted). */
export const PLATFORM_PARAMS: Readonly<Record<PlatformName, readonly string[]>> = {
  // https://docs.aws.amazon.com/AWSMechTurk/latest/AWSMechanicalTurkRequester/mturk-hits-defining-questions-html-rendered.html
  mturk: ['assignmentId', 'hitId', 'workerId', 'turkSubmitTo'],
  'ground-truth': [],
  toloka: [],
  // https://researcher-help.prolific.com/ (URL parameters of a study link)
  prolific: ['PROLIFIC_PID', 'STUDY_ID', 'SESSION_ID'],
  // Clickworker's survey link adds the worker's id as `user_id` when the requester asks for it.
  clickworker: ['user_id'],
  url: [],
};

/** MTurk's placeholder while a worker previews a HIT they have not accepted. */
export const MTURK_PREVIEW_ID = 'ASSIGNMENT_ID_NOT_AVAILABLE';

/** Longest id value kept from a URL: longer values are not ids. */
const MAX_ID_LENGTH = 512;

/** Reads a platform's assignment from a page URL. */
export function readContext(
  platform: PlatformName,
  url: string | URL,
  settings: PlatformSettings = {},
): PlatformContext {
  const search = new URL(String(url)).searchParams;
  const names = settings.params?.length ? settings.params : PLATFORM_PARAMS[platform];
  const ids: Record<string, string> = {};
  for (const name of names) {
    const value = search.get(name);
    if (value !== null && value.length <= MAX_ID_LENGTH) ids[name] = value;
  }
  const preview = platform === 'mturk' && (ids.assignmentId ?? MTURK_PREVIEW_ID) === MTURK_PREVIEW_ID;
  // The assignment: MTurk's assignmentId, Prolific's session; else every id the URL carried.
  const scope =
    platform === 'mturk'
      ? ids.assignmentId
      : platform === 'prolific'
        ? ids.SESSION_ID
        : names.some((n) => ids[n])
          ? JSON.stringify(names.map((n) => ids[n] ?? ''))
          : undefined;
  return { platform, ids, preview, scope: preview ? '' : (scope ?? '') };
}
