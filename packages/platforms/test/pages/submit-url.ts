/**
 * The task page of a platform that passes the assignment in the URL and leaves storing the answer
 * to the requester's server (`<html data-platform>`: prolific, url or clickworker). The widget
 * carries `platform`, and the `attr-…` parameters give it `submit-url`, `completion-code`,
 * `completion-url` and `platform-params` as a requester's markup would.
 * - Prolific: https://docs.prolific.com/api-reference/studies/the-study-object (the study URL's
 *   {{%PROLIFIC_PID%}}, {{%STUDY_ID%}}, {{%SESSION_ID%}} placeholders; completion codes)
 * - clickworker: http://docs.clickworker.com/external-form.html (ExternalForm: user_id in the link)
 */
import { createWidget, params, reportCrossOriginNavigation, taskFor, watch } from './page.js';

reportCrossOriginNavigation();
const { element, name } = createWidget();
if (!params.has('attr-platform')) element.setAttribute('platform', document.documentElement.dataset['platform']!);
watch(element);
element.task = await taskFor(name, params.get('task') ?? 'submit-url-task');
document.body.append(element);
