/**
 * A Toloka project set up as docs/platforms/toloka.md says: input `task` (JSON), output
 * `annotation` (JSON, required), the markup `<tagwerk-text-rater platform="toloka">`, and
 * `exports.Task = tolokaTask(TolokaHandlebarsTask, { input: 'task', output: 'annotation' })`.
 * The page plays Toloka: one assignment (`assignment` in the URL; `preview` for none), its
 * workspace options (`readonly`, `review`, `language`), Send below the task.
 * https://github.com/Toloka/docs/blob/main/en/guide/concepts/js/task.md
 */
import { tolokaTask } from '../../src/index.js';
import { params, report, reportCrossOriginNavigation, run, taskFor, watch, type WidgetName } from './page.js';
import { TolokaAssignmentEmulation, TolokaHandlebarsTask } from './toloka-emulation.js';

reportCrossOriginNavigation();
const widget = (params.get('widget') ?? 'text-rater') as WidgetName;
const task = await taskFor(widget, params.get('task') ?? 'toloka-task');

// The project's JS (the module's `exports.Task`).
const exports: { Task?: unknown } = {};
exports.Task = tolokaTask(TolokaHandlebarsTask, { input: 'task', output: 'annotation' });

const specs = {
  markup: `<tagwerk-${widget} platform="toloka"></tagwerk-${widget}>`,
  output_spec: { annotation: { type: 'json', required: true } },
};
const assignment = new TolokaAssignmentEmulation(
  params.has('preview') ? undefined : (params.get('assignment') ?? `ASG-${run}`),
  {
    isReadOnly: params.has('readonly'),
    isReviewMode: params.has('review'),
    language: params.get('language') ?? 'en',
  },
  async (body) => {
    const response = await fetch(`/emulator/collect?run=${encodeURIComponent(run)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  },
);
const input = params.has('string-input') ? JSON.stringify(task) : task;
assignment.start(exports.Task, [{ id: task.id, input_values: { task: input } }], specs);
// Rendered and on the page; the widgets load their task from here on (ready comes later).
for (const element of document.querySelectorAll<HTMLElement>('[platform="toloka"]')) watch(element);
report('started');

const send = document.createElement('button');
send.id = 'toloka-send';
send.textContent = 'Send';
send.addEventListener('click', () => assignment.submit());
document.body.append(send);
(window as unknown as { tolokaAssignment: TolokaAssignmentEmulation }).tolokaAssignment = assignment;
