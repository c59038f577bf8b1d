import { stableHash, type Annotation } from '@tagwerk/core';
import type { AdapterEnvironment, Delivery, PlatformAdapter } from './adapter.js';
import { readContext, type PlatformName } from './context.js';
import { PlatformError } from './errors.js';
import { isAllowedTarget, onceFor } from './util.js';

/** Prolific's completion address; `cc` is the study's completion code. */
export const PROLIFIC_COMPLETE = 'https://app.prolific.com/submissions/complete';

/** How long a save may take before the worker is told it failed. */
const SAVE_TIMEOUT_MS = 30_000;
/** Longest completion code taken from a server's answer. */
const MAX_CODE = 200;

/** What the host's server receives (JSON, POST to `submit-url`). */
export interface SubmitBody {
  platform: PlatformName;
  /** The ids from the page URL (e.g. `PROLIFIC_PID`, `STUDY_ID`, `SESSION_ID`). */
  ids: Record<string, string>;
  annotation: Annotation;
}

/**
 * Platforms that pass ids in the URL and take a completion code: the ids and the envelope are
 * POSTed as JSON to the host's `submit-url`; only a 2xx answer completes the task.
 *
 * - **prolific**: `PROLIFIC_PID`, `STUDY_ID`, `SESSION_ID`; after the save the worker goes to
 *   Prolific's completion URL with the code from the answer (`{ "completionCode": "…" }`) or the
 *   `completion-code` attribute.
 *   https://docs.prolific.com/api-reference/studies/the-study-object (external_study_url
 *   placeholders, completion codes)
 * - **url**: the parameters named in `platform-params`; after the save, `completion-url` (with
 *   `{code}` replaced) when set.
 * - **clickworker** (ExternalForm): `user_id` (or `platform-params`); the host's server confirms
 *   the task to clickworker (its postback), the widget only shows that the answer was saved.
 *   http://docs.clickworker.com/external-form.html
 *
 * The request carries an `Idempotency-Key` (a hash of the envelope), so a server can recognise a
 * retry of a save whose answer was lost.
 */
export function urlAdapter(name: 'prolific' | 'url' | 'clickworker', env: AdapterEnvironment): PlatformAdapter {
  const doc = env.element.ownerDocument;
  const settings = env.settings ?? {};
  const context = readContext(name, env.url ?? doc.URL, settings);
  const page = new URL(doc.URL);
  const fetcher = env.fetch ?? ((input, init) => globalThis.fetch(input, init));

  const target = (): URL => {
    if (!settings.submitUrl) throw new PlatformError('config', 'No submit-url is set: the answer has nowhere to go.');
    let url: URL;
    try {
      url = new URL(settings.submitUrl, page);
    } catch {
      throw new PlatformError('config', `submit-url is not a URL: "${settings.submitUrl}".`);
    }
    if (!isAllowedTarget(url, page)) {
      throw new PlatformError('config', `submit-url must be https or on this page's origin: "${url.href}".`);
    }
    return url;
  };

  const send = async (annotation: Annotation): Promise<Delivery> => {
    const url = target();
    const body: SubmitBody = { platform: name, ids: { ...context.ids }, annotation };
    const json = JSON.stringify(body);
    let response: Response;
    try {
      response = await fetcher(url.href, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': stableHash(JSON.stringify(annotation)) },
        body: json,
        credentials: 'same-origin',
        signal: AbortSignal.timeout(SAVE_TIMEOUT_MS),
      });
    } catch (error) {
      throw new PlatformError(
        'network',
        `The answer could not be sent: ${(error as Error).message || 'network error'}.`,
      );
    }
    if (!response.ok) {
      throw new PlatformError('rejected', `The server refused the answer (HTTP ${response.status}).`, response.status);
    }
    const code = (await answerCode(response)) ?? settings.completionCode;
    return { kind: 'saved', completionCode: code, redirect: completion(name, code, settings.completionUrl, page) };
  };

  return { name, context, ownsSubmit: false, deliver: onceFor(send), connect: () => () => {} };
}

/** `completionCode` from a JSON answer, when there is one and it is a plain short string. */
async function answerCode(response: Response): Promise<string | undefined> {
  if (!/json/i.test(response.headers.get('Content-Type') ?? '')) return undefined;
  try {
    const data = (await response.json()) as unknown;
    const code = data && typeof data === 'object' ? (data as { completionCode?: unknown }).completionCode : undefined;
    return typeof code === 'string' && code.length > 0 && code.length <= MAX_CODE ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Where the worker goes after a save (undefined: stay, and show that it was saved). */
function completion(
  name: PlatformName,
  code: string | undefined,
  completionUrl: string | undefined,
  page: URL,
): string | undefined {
  if (name === 'prolific') {
    if (!code) return undefined;
    const url = new URL(PROLIFIC_COMPLETE);
    url.searchParams.set('cc', code);
    return url.href;
  }
  if (name !== 'url' || !completionUrl) return undefined;
  let url: URL;
  try {
    url = new URL(completionUrl.replaceAll('{code}', encodeURIComponent(code ?? '')), page);
  } catch {
    return undefined;
  }
  return isAllowedTarget(url, page) ? url.href : undefined;
}
