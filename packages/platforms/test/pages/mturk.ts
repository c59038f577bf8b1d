/**
 * The ExternalQuestion page of a HIT: one widget with `platform="mturk"`. Everything MTurk passes
 * comes in this page's URL, exactly as MTurk appends it (the widget reads it from there; this page
 * adds nothing). The test sets turkSubmitTo to the emulator's externalSubmit receiver.
 * https://docs.aws.amazon.com/AWSMechTurk/latest/AWSMechanicalTurkRequester/mturk-hits-defining-questions-html-rendered.html
 */
import { createWidget, params, reportCrossOriginNavigation, taskFor, watch } from './page.js';

reportCrossOriginNavigation();
const { element, name } = createWidget();
if (!params.has('attr-platform')) element.setAttribute('platform', 'mturk');
watch(element);
element.task = await taskFor(name, params.get('task') ?? 'mturk-task');
document.body.append(element);
