/**
 * A Ground Truth custom template: `<crowd-form>` holding one widget with
 * `platform="ground-truth"` (as docs/platforms/ground-truth.md tells requesters to write it).
 * `outside` in the URL puts the widget outside the crowd-form (a broken template).
 * https://docs.aws.amazon.com/sagemaker/latest/dg/sms-ui-template-crowd-form.html
 */
import { defineCrowdForm } from './crowd-form.js';
import { createWidget, params, run, taskFor, watch } from './page.js';

defineCrowdForm(`/emulator/collect?run=${encodeURIComponent(run)}`);
const { element, name } = createWidget();
if (!params.has('attr-platform')) element.setAttribute('platform', 'ground-truth');
watch(element);
element.task = await taskFor(name, params.get('task') ?? 'gt-task');
const form = document.createElement('crowd-form');
if (params.has('outside')) document.body.append(element, form);
else {
  form.append(element);
  document.body.append(form);
}
