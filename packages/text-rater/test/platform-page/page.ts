/**
 * A crowd platform's task page as the platform documents it: the widget is the only thing on it,
 * and the page URL carries what the platform appends (MTurk's assignmentId, hitId, workerId and
 * turkSubmitTo; Prolific's PROLIFIC_PID, STUDY_ID and SESSION_ID). Attributes for the widget come
 * as `attr-<name>` query parameters. The page reports to its parent (the test) by postMessage:
 * ready, change, error, and any navigation the widget starts away from this origin (Prolific's
 * completion URL), which is stopped here because this machine cannot reach it.
 */
import { tolokaTask } from '../../src/index.js';
import { sentimentTask } from '../fixtures.js';
import { defineCrowdForm, TolokaTaskEmulation } from './emulators.js';

const params = new URL(location.href).searchParams;
const post = (message: Record<string, unknown>): void =>
  parent.postMessage({ source: 'platform-page', ...message }, '*');

const mode = params.get('mode');
const run = params.get('run') ?? 'none';
const collect = `/__tagwerk/platform/${run}/collect`;
const task = { ...sentimentTask, id: params.get('task') ?? sentimentTask.id };

function watch(widget: HTMLElement): void {
  widget.addEventListener('tagwerk-ready', () => post({ type: 'ready' }));
  widget.addEventListener('tagwerk-change', (e) => post({ type: 'change', annotation: e.detail.annotation }));
  widget.addEventListener('tagwerk-error', (e) => post({ type: 'error', code: e.detail.code }));
}

if (mode === 'toloka') {
  // Toloka's page: the project's JS is `exports.Task = tolokaTask(TolokaHandlebarsTask)`.
  const Task = tolokaTask(TolokaTaskEmulation);
  const assignmentId = `ASG-${run}`;
  const send = (): void => {
    const solution = instance.getSolution();
    const errors = instance.validate(solution);
    if (errors) return post({ type: 'toloka-invalid', errors });
    void fetch(collect, { method: 'POST', body: JSON.stringify([solution]) }).then(() => {
      instance.destroy();
      post({ type: 'toloka-sent' });
    });
  };
  const instance = new Task(
    {
      task: { id: task.id, input_values: { task: JSON.stringify(task) } },
      workspaceOptions: {
        isReadOnly: params.has('readonly'),
        language: params.get('language') ?? undefined,
      },
    },
    { getId: () => assignmentId, submit: send },
  );
  watch(instance.getDOMElement().querySelector('tagwerk-text-rater')!);
  instance.render();
  const saved = localStorage.getItem(`TASK_STATE:${assignmentId}:${task.id}`);
  if (saved) instance.setSolution({ task_id: task.id, output_values: JSON.parse(saved) as Record<string, unknown> });
  const sendButton = document.createElement('button');
  sendButton.id = 'toloka-send';
  sendButton.textContent = 'Send';
  sendButton.addEventListener('click', send);
  document.body.append(instance.getDOMElement(), sendButton);
} else {
  const widget = document.createElement('tagwerk-text-rater');
  for (const [name, value] of params) if (name.startsWith('attr-')) widget.setAttribute(name.slice(5), value);
  widget.task = task;
  watch(widget);
  if (mode === 'crowd-form') {
    defineCrowdForm(collect);
    const form = document.createElement('crowd-form');
    form.append(widget);
    document.body.append(form);
  } else {
    document.body.append(widget);
  }
}

// Chromium's Navigation API: a navigation the page starts itself can be seen, and cancelled.
const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
navigation?.addEventListener('navigate', (event) => {
  const e = event as Event & { destination: { url: string }; cancelable: boolean };
  const url = new URL(e.destination.url);
  if (url.origin === location.origin) return;
  if (e.cancelable) e.preventDefault();
  post({ type: 'navigate', url: url.href });
});
