/**
 * The demo host platform: what a crowd-work site writes around Tagwerk. It only uses the
 * widgets' public API (CONTRACT.md): create the element for the task's kind, set `task` (and
 * `mode`, `value`, `reference`, `theme`), listen to the bubbling `tagwerk-*` events, and send the
 * submitted envelope to its own server, which validates it again.
 */
import './styles.css';
import { toJSONL, type Annotation, type Kind, type Task, type ValidationError } from '@tagwerk/core';
// Types only: the packages themselves are loaded on demand below.
import type { TagwerkAudioTranscriber } from '@tagwerk/audio-transcriber';
import type { TagwerkImageLabeler } from '@tagwerk/image-labeler';
import type { TagwerkTextRater } from '@tagwerk/text-rater';
import { clearSubmissions, fetchReference, fetchSubmissions, fetchTasks, postSubmission } from './api.js';
import { byId, download, h } from './dom.js';
import { EventLog } from './event-log.js';
import { KIND_LABELS, QueueView } from './queue.js';
import { ResultsPanel } from './results.js';
import { LANGUAGES, loadSettings, readForm, saveSettings, writeForm, type Settings } from './settings.js';

const ELEMENTS = {
  text: 'tagwerk-text-rater',
  image: 'tagwerk-image-labeler',
  audio: 'tagwerk-audio-transcriber',
} as const satisfies Record<Kind, keyof HTMLElementTagNameMap>;

type Widget = TagwerkTextRater | TagwerkImageLabeler | TagwerkAudioTranscriber;

/**
 * Importing a widget package defines its element. Each is loaded the first time a task of its
 * kind opens, so a worker who only rates text never downloads the image or audio engines.
 */
const WIDGET_PACKAGES: Record<Kind, () => Promise<unknown>> = {
  text: () => import('@tagwerk/text-rater'),
  image: () => import('@tagwerk/image-labeler'),
  audio: () => import('@tagwerk/audio-transcriber'),
};

// ---------------------------------------------------------------------------------------------
// Page elements

const settingsForm = byId<HTMLFormElement>('settings');
const widgetHost = byId('widget-host');
const taskArea = byId('task-area');
const taskHeading = byId('task-heading');
const taskIdLine = byId('task-id');
const validity = byId('validity');
const openItems = byId<HTMLDetailsElement>('open-items');
const openItemsList = byId<HTMLUListElement>('open-items-list');
const resetButton = byId<HTMLButtonElement>('reset-button');
const nextButton = byId<HTMLButtonElement>('next-button');
const downloadJson = byId<HTMLButtonElement>('download-json');
const downloadJsonl = byId<HTMLButtonElement>('download-jsonl');
const tamperButton = byId<HTMLButtonElement>('tamper-button');
const queueToggle = byId<HTMLButtonElement>('queue-toggle');
const queueToggleLabel = byId('queue-toggle-label');

const log = new EventLog(byId<HTMLOListElement>('event-log'));
const results = new ResultsPanel(byId('verdict-badge'), byId('verdict'), byId('envelope'));
const queue = new QueueView(
  byId<HTMLOListElement>('queue-list'),
  byId('queue-progress'),
  byId<HTMLProgressElement>('queue-meter'),
  (task) => {
    void openTask(task, true);
  },
);

// ---------------------------------------------------------------------------------------------
// State

let settings: Settings = loadSettings();
let current: { task: Task; widget: Widget } | undefined;
/** The last envelope sent to the server (for "Download JSON" and the tampered copy). */
let lastSent: Annotation | undefined;
let acceptedCount = 0;
/** Bumped on every task switch, so a slow reference fetch cannot open an old task. */
let openToken = 0;

// ---------------------------------------------------------------------------------------------
// Settings

function applySettings(previous?: Settings): void {
  document.documentElement.dataset.theme = settings.theme;
  // Widgets inherit `lang` and `dir` from the nearest ancestor that sets them.
  widgetHost.lang = settings.lang;
  widgetHost.dir = LANGUAGES[settings.lang];
  if (current) current.widget.setAttribute('theme', settings.theme);
  // Review and training need the reference annotation set before the task: reopen the task.
  if (previous && previous.mode !== settings.mode && current) void openTask(current.task, false);
}

settingsForm.addEventListener('change', () => {
  const previous = settings;
  settings = readForm(settingsForm);
  saveSettings(settings);
  applySettings(previous);
  log.add('host', `settings: language ${settings.lang}, theme ${settings.theme}, mode ${settings.mode}`);
});
settingsForm.addEventListener('submit', (event) => event.preventDefault());

// ---------------------------------------------------------------------------------------------
// Opening a task

function setValidity(
  state: 'loading' | 'empty' | { valid: boolean; errors: ValidationError[] } | { accepted: string },
): void {
  openItems.hidden = true;
  if (state === 'loading' || state === 'empty') {
    validity.className = 'validity';
    validity.textContent = state === 'loading' ? 'Loading…' : '';
    return;
  }
  if ('accepted' in state) {
    validity.className = 'validity ok';
    validity.textContent = `Submitted · accepted as ${state.accepted}`;
    return;
  }
  const count = state.errors.length;
  validity.className = `validity ${state.valid ? 'ok' : 'open'}`;
  validity.textContent = state.valid ? 'Ready to submit' : `${count} ${count === 1 ? 'item' : 'items'} open`;
  if (!state.valid && count > 0) {
    openItems.hidden = false;
    openItemsList.replaceChildren(
      ...state.errors
        .slice(0, 12)
        .map((e) => h('li', {}, h('span', { dir: 'auto' }, e.message), ' ', h('code', {}, e.path || '/'))),
      ...(count > 12 ? [h('li', { class: 'muted' }, `… and ${count - 12} more`)] : []),
    );
  }
}

async function openTask(task: Task, moveFocus: boolean): Promise<void> {
  const token = ++openToken;
  queue.select(task.id);
  // The widget shows the task's title itself; the host adds where the task sits in the queue.
  taskHeading.textContent = `Task ${queue.indexOf(task.id) + 1} of ${queue.size}`;
  taskIdLine.textContent = `${KIND_LABELS[task.kind]} · ${task.id}${settings.mode === 'work' ? '' : ` · ${settings.mode} mode`}`;
  history.replaceState(null, '', `#task=${encodeURIComponent(task.id)}`);
  setValidity('loading');
  collapseQueueOnNarrowScreens();

  let reference: Annotation | null = null;
  if (settings.mode !== 'work') {
    try {
      reference = await fetchReference(task.id);
    } catch (error) {
      log.add('host', `could not load the reference annotation: ${(error as Error).message}`, 'error');
    }
    if (token !== openToken) return;
    if (!reference)
      log.add('host', `${task.id} has no reference annotation; ${settings.mode} mode shows the task alone`, 'warn');
  }

  try {
    await WIDGET_PACKAGES[task.kind]();
  } catch (error) {
    if (token !== openToken) return;
    const message = `Could not load <${ELEMENTS[task.kind]}>: ${(error as Error).message}`;
    widgetHost.replaceChildren(h('p', { class: 'placeholder', role: 'alert' }, message));
    current = undefined;
    setValidity('empty');
    log.add('host', message, 'error');
    return;
  }
  if (token !== openToken) return;

  const widget = document.createElement(ELEMENTS[task.kind]);
  widget.setAttribute('theme', settings.theme);
  widget.mode = settings.mode;
  if (settings.mode === 'review') {
    // Someone else's annotation, to approve, reject or correct. No local draft may replace it.
    widget.autosave = 'off';
    if (reference) widget.value = reference;
  } else if (settings.mode === 'training' && reference) {
    widget.reference = reference;
  }
  widget.task = task;
  widgetHost.replaceChildren(widget);
  current = { task, widget };
  resetButton.disabled = false;
  nextButton.disabled = false;
  log.add('host', `opened ${task.id} in <${ELEMENTS[task.kind]}> (${settings.mode} mode)`);
  if (moveFocus) taskArea.focus();
}

function openNext(): void {
  const next = queue.next();
  if (next) void openTask(next, true);
  else log.add('host', 'every task in the queue is done', 'ok');
}

// ---------------------------------------------------------------------------------------------
// Widget events: one set of listeners on the container; the events bubble out of shadow DOM.

const isCurrent = (event: Event): boolean => current !== undefined && event.target === current.widget;

widgetHost.addEventListener('tagwerk-ready', (event) => {
  if (!isCurrent(event) || !current) return;
  log.add('tagwerk-ready', `taskId ${event.detail.taskId}`, 'ok');
  setValidity(current.widget.validate());
});

widgetHost.addEventListener('tagwerk-change', (event) => {
  if (!isCurrent(event)) return;
  const { valid, errors } = event.detail;
  log.add('tagwerk-change', valid ? 'valid' : `${errors.length} open`, 'info', `change:${current?.task.id}`);
  setValidity({ valid, errors });
});

widgetHost.addEventListener('tagwerk-invalid', (event) => {
  if (!isCurrent(event)) return;
  const errors = event.detail.errors;
  log.add(
    'tagwerk-invalid',
    `submit refused: ${errors[0]?.message ?? ''}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`,
    'warn',
  );
  setValidity({ valid: false, errors });
});

widgetHost.addEventListener('tagwerk-error', (event) => {
  if (!isCurrent(event)) return;
  log.add('tagwerk-error', `${event.detail.code}: ${event.detail.message}`, 'error');
});

widgetHost.addEventListener('tagwerk-submit', (event) => {
  if (!isCurrent(event)) return;
  const { annotation } = event.detail;
  log.add('tagwerk-submit', `${annotation.kind} envelope for ${annotation.taskId}`, 'ok');
  void send(annotation, false);
});

// ---------------------------------------------------------------------------------------------
// Talking to the server

async function send(annotation: Annotation, tampered: boolean): Promise<void> {
  lastSent = annotation;
  downloadJson.disabled = false;
  try {
    const { status, verdict } = await postSubmission(annotation, settings.lang);
    const note = tampered
      ? 'A copy of the last envelope with an answer to a question the task does not have. The schema cannot know the task’s questions, so Ajv lets it through; validateAnnotation does not.'
      : undefined;
    results.show(annotation, status, verdict, note);
    const problems = verdict.schemaErrors.length + verdict.contractErrors.length;
    log.add(
      'POST /api/submissions',
      `${status} ${verdict.accepted ? `accepted as ${verdict.id}` : `refused, ${problems} problem${problems === 1 ? '' : 's'}`}`,
      verdict.accepted ? 'ok' : 'warn',
    );
    if (verdict.accepted && verdict.id && !tampered) {
      acceptedCount += 1;
      queue.markDone(annotation.taskId);
      if (current?.task.id === annotation.taskId) setValidity({ accepted: verdict.id });
    }
    tamperButton.disabled = false;
    downloadJsonl.disabled = acceptedCount === 0;
  } catch (error) {
    results.fail(annotation, `The server could not be reached: ${(error as Error).message}`);
    log.add('POST /api/submissions', (error as Error).message, 'error');
  }
}

downloadJson.addEventListener('click', () => {
  if (lastSent) download(`${lastSent.taskId}.json`, `${JSON.stringify(lastSent, null, 2)}\n`, 'application/json');
});

downloadJsonl.addEventListener('click', () => {
  void fetchSubmissions().then((submissions) => {
    // One envelope per line (JSON Lines), as training pipelines and `jq` expect.
    download('tagwerk-submissions.jsonl', toJSONL(submissions.map((s) => s.annotation)), 'application/x-ndjson');
    const count = `${submissions.length} accepted submission${submissions.length === 1 ? '' : 's'}`;
    log.add('host', `downloaded ${count} as JSONL (toJSONL from @tagwerk/core)`);
  });
});

tamperButton.addEventListener('click', () => {
  if (!lastSent) return;
  const copy = structuredClone(lastSent);
  copy.result.answers['not-a-question'] = 'sneaked in';
  void send(copy, true);
});

byId('clear-submissions').addEventListener('click', () => {
  void clearSubmissions().then(() => {
    acceptedCount = 0;
    queue.setDone([]);
    downloadJsonl.disabled = true;
    log.add('host', 'the server forgot every submission');
  });
});

// ---------------------------------------------------------------------------------------------
// Toolbar, queue toggle

resetButton.addEventListener('click', () => {
  if (!current) return;
  current.widget.reset();
  setValidity(current.widget.validate());
  log.add('host', `reset() on ${current.task.id}`);
});

nextButton.addEventListener('click', openNext);
byId('clear-log').addEventListener('click', () => log.clear());

const narrow = window.matchMedia('(max-width: 900px)');

function setQueueOpen(open: boolean): void {
  queueToggle.setAttribute('aria-expanded', String(open));
  queueToggleLabel.textContent = open ? 'Hide tasks' : 'Show tasks';
}

function collapseQueueOnNarrowScreens(): void {
  if (narrow.matches) setQueueOpen(false);
}

queueToggle.addEventListener('click', () => setQueueOpen(queueToggle.getAttribute('aria-expanded') !== 'true'));

// ---------------------------------------------------------------------------------------------
// Start

/** The task named in the address (`#task=<id>`), so a task can be linked to. */
function taskFromHash(): Task | undefined {
  const wanted = new URLSearchParams(location.hash.slice(1)).get('task');
  return wanted ? queue.find(wanted) : undefined;
}

window.addEventListener('hashchange', () => {
  const task = taskFromHash();
  if (task && task.id !== current?.task.id) void openTask(task, true);
});

async function start(): Promise<void> {
  writeForm(settingsForm, settings);
  applySettings();
  try {
    const [tasks, submissions] = await Promise.all([fetchTasks(), fetchSubmissions()]);
    queue.setTasks(tasks);
    queue.setDone(submissions.map((s) => s.taskId));
    acceptedCount = submissions.length;
    downloadJsonl.disabled = acceptedCount === 0;
    log.add(
      'host',
      `GET /api/tasks: ${tasks.length} tasks, ${submissions.length} accepted submission${submissions.length === 1 ? '' : 's'} on the server`,
    );
    const first = taskFromHash() ?? queue.next() ?? tasks[0];
    if (first) await openTask(first, false);
    else setValidity('empty');
  } catch (error) {
    byId('queue-progress').textContent = `Could not load the task queue: ${(error as Error).message}`;
    log.add('host', `GET /api/tasks failed: ${(error as Error).message}`, 'error');
  }
}

void start();
