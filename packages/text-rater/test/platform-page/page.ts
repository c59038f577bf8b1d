/**
 * A crowd platform's task page as the platform documents it: the widget is the only thing on it,
 * and the page URL carries what the platform appends (MTurk's assignmentId, hitId, workerId and
 * turkSubmitTo; Prolific's PROLIFIC_PID, STUDY_ID and SESSION_ID). Attributes for the widget come
 * as `attr-<name>` query parameters. The page reports to its parent (the test) by postMessage:
 * ready, change, error, and any navigation the widget starts away from this origin (Prolific's
 * completion URL), which is stopped here because this machine cannot reach it.
 */
import '../../src/index.js';
import { sentimentTask } from '../fixtures.js';

const params = new URL(location.href).searchParams;
const post = (message: Record<string, unknown>): void =>
  parent.postMessage({ source: 'platform-page', ...message }, '*');

const widget = document.createElement('tagwerk-text-rater');
for (const [name, value] of params) if (name.startsWith('attr-')) widget.setAttribute(name.slice(5), value);
widget.task = { ...sentimentTask, id: params.get('task') ?? sentimentTask.id };
widget.addEventListener('tagwerk-ready', () => post({ type: 'ready' }));
widget.addEventListener('tagwerk-change', (e) => post({ type: 'change', annotation: e.detail.annotation }));
widget.addEventListener('tagwerk-error', (e) => post({ type: 'error', code: e.detail.code }));

// Chromium's Navigation API: a navigation the page starts itself can be seen, and cancelled.
const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
navigation?.addEventListener('navigate', (event) => {
  const e = event as Event & { destination: { url: string }; cancelable: boolean };
  const url = new URL(e.destination.url);
  if (url.origin === location.origin) return;
  if (e.cancelable) e.preventDefault();
  post({ type: 'navigate', url: url.href });
});

document.body.append(widget);
