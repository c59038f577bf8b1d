import type { Annotation } from '@tagwerk/core';
import type { AdapterEnvironment, Delivery, PlatformAdapter } from './adapter.js';
import { readContext } from './context.js';
import { PlatformError } from './errors.js';
import { isAllowedTarget, onceFor } from './util.js';

/** Hosts MTurk submits to: production and the worker sandbox. */
const MTURK_HOSTS = new Set(['www.mturk.com', 'workersandbox.mturk.com']);

/**
 * Amazon Mechanical Turk, HTMLQuestion and ExternalQuestion: the assignment comes in the page URL
 * (`assignmentId`, `hitId`, `workerId`, `turkSubmitTo`); a preview has the assignment id
 * `ASSIGNMENT_ID_NOT_AVAILABLE`; the answer is a form POST to `<turkSubmitTo>/mturk/externalSubmit`
 * with `assignmentId` and one field holding the envelope (`annotation`, or the widget's `name`).
 * https://docs.aws.amazon.com/AWSMechTurk/latest/AWSMechanicalTurkRequester/mturk-hits-defining-questions-html-rendered.html
 *
 * `turkSubmitTo` is taken only when it is MTurk's own host (or the page's own origin, for a
 * requester's test page): a link with another value would send the worker's answer elsewhere.
 */
export function mturkAdapter(env: AdapterEnvironment): PlatformAdapter {
  const doc = env.element.ownerDocument;
  const context = readContext('mturk', env.url ?? doc.URL, env.settings);
  const field = env.settings?.field || 'annotation';
  const post = (annotation: Annotation): Promise<Delivery> => {
    if (context.preview) {
      return Promise.reject(new PlatformError('preview', 'The HIT is previewed: accept it to submit.'));
    }
    const base = context.ids.turkSubmitTo ?? '';
    let action: URL;
    try {
      action = new URL('mturk/externalSubmit', base.endsWith('/') ? base : `${base}/`);
    } catch {
      return Promise.reject(new PlatformError('config', `turkSubmitTo is not a URL: "${base}".`));
    }
    const page = new URL(doc.URL);
    const allowed =
      (action.protocol === 'https:' && MTURK_HOSTS.has(action.hostname)) || isAllowedTarget(action, page, true);
    if (!allowed) {
      return Promise.reject(new PlatformError('config', `turkSubmitTo "${base}" is not a Mechanical Turk address.`));
    }
    const form = doc.createElement('form');
    form.method = 'post';
    form.action = action.href;
    form.hidden = true;
    form.setAttribute('data-tagwerk-platform', 'mturk');
    for (const [name, value] of [
      ['assignmentId', context.ids.assignmentId ?? ''],
      [field, JSON.stringify(annotation)],
    ] as const) {
      const input = doc.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      form.append(input);
    }
    doc.body.append(form);
    // submit(), not requestSubmit(): no submit event, so no page script can swallow the post.
    form.submit();
    return Promise.resolve({ kind: 'navigating' });
  };
  return {
    name: 'mturk',
    context,
    ownsSubmit: false,
    deliver: onceFor(post),
    connect: () => () => {},
  };
}
