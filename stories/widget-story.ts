/**
 * What every widget's stories share: the args named as in the manifest, their controls, the
 * event spies, and one render function binding them all to an element.
 */
import type {
  Annotation,
  TagwerkChangeEvent,
  TagwerkErrorEvent,
  TagwerkInvalidEvent,
  TagwerkReadyEvent,
  TagwerkSubmitEvent,
} from '@tagwerk/core';
import { nothing } from 'lit';
import { html, type StaticValue } from 'lit/static-html.js';
import type { TemplateResult } from 'lit';
import { fn } from 'storybook/test';

/** The element's attributes and properties a story can set, named as in the manifest. */
export interface WidgetArgs {
  task?: unknown;
  'task-src'?: string;
  value?: Annotation;
  reference?: Annotation;
  name?: string;
  required?: boolean;
  mode: 'work' | 'review' | 'training';
  readonly: boolean;
  disabled: boolean;
  hotkeys: 'on' | 'off';
  keymap?: Record<string, string[] | false>;
  'hide-submit': boolean;
  autosave: 'on' | 'off';
  platform?: 'mturk' | 'ground-truth' | 'toloka' | 'prolific' | 'clickworker' | 'url';
  'submit-url'?: string;
  'completion-code'?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  /** Not bound by the stories: the preview's Theme toolbar sets it on every widget. */
  theme?: 'auto' | 'light' | 'dark';
  onTagwerkReady: (detail: TagwerkReadyEvent['detail']) => void;
  onTagwerkChange: (detail: TagwerkChangeEvent['detail']) => void;
  onTagwerkSubmit: (detail: TagwerkSubmitEvent['detail']) => void;
  onTagwerkInvalid: (detail: TagwerkInvalidEvent['detail']) => void;
  onTagwerkError: (detail: TagwerkErrorEvent['detail']) => void;
}

/**
 * Renders `tag` with every arg bound. Large inputs come in through `overrides` instead of args:
 * args travel to the manager and fill the Controls panel, and a megabyte there would freeze it.
 */
export function renderWidget(
  tag: StaticValue,
  args: WidgetArgs,
  overrides: { task?: unknown; value?: Annotation } = {},
): TemplateResult {
  // A tag from lit/static-html (a `literal`, never user input) is a valid binding there.
  /* eslint-disable lit/binding-positions, lit/no-invalid-html */
  return html`<${tag}
    .task=${overrides.task ?? args.task ?? null}
    task-src=${args['task-src'] || nothing}
    .value=${overrides.value ?? args.value}
    .reference=${args.reference}
    .keymap=${args.keymap}
    name=${args.name || nothing}
    ?required=${args.required}
    mode=${args.mode}
    ?readonly=${args.readonly}
    ?disabled=${args.disabled}
    hotkeys=${args.hotkeys}
    ?hide-submit=${args['hide-submit']}
    autosave=${args.autosave}
    platform=${args.platform || nothing}
    submit-url=${args['submit-url'] || nothing}
    completion-code=${args['completion-code'] || nothing}
    lang=${args.lang || nothing}
    dir=${args.dir || nothing}
    @tagwerk-ready=${(e: TagwerkReadyEvent) => args.onTagwerkReady(e.detail)}
    @tagwerk-change=${(e: TagwerkChangeEvent) => args.onTagwerkChange(e.detail)}
    @tagwerk-submit=${(e: TagwerkSubmitEvent) => args.onTagwerkSubmit(e.detail)}
    @tagwerk-invalid=${(e: TagwerkInvalidEvent) => args.onTagwerkInvalid(e.detail)}
    @tagwerk-error=${(e: TagwerkErrorEvent) => args.onTagwerkError(e.detail)}
  ></${tag}>`;
  /* eslint-enable lit/binding-positions, lit/no-invalid-html */
}

/** The widget `tagName` in the story's canvas, once its task (and media) are ready. */
export async function readyWidget<T extends HTMLElement & { updateComplete: Promise<boolean>; value: unknown }>(
  canvasElement: HTMLElement,
  tagName: string,
): Promise<T> {
  const element = canvasElement.querySelector<T>(tagName);
  if (!element) throw new Error(`no <${tagName}> in the story`);
  await element.updateComplete;
  if (element.value === null) {
    await new Promise((resolve) => element.addEventListener('tagwerk-ready', resolve, { once: true }));
  }
  return element;
}

/** Default args: work mode, drafts off (stories share task ids), every event logged. */
export const widgetArgs = () =>
  ({
    mode: 'work',
    readonly: false,
    disabled: false,
    hotkeys: 'on',
    'hide-submit': false,
    autosave: 'off',
    // Spies: Storybook names each after its arg and logs every call in the Actions panel.
    onTagwerkReady: fn(),
    onTagwerkChange: fn(),
    onTagwerkSubmit: fn(),
    onTagwerkInvalid: fn(),
    onTagwerkError: fn(),
  }) satisfies Partial<WidgetArgs>;

export const widgetArgTypes = {
  task: { control: 'object', description: 'The task input (an object; the `task` attribute takes it as JSON).' },
  'task-src': { control: 'text' },
  value: { control: 'object', description: 'An annotation envelope that pre-fills the widget.' },
  reference: { control: 'object', description: 'Training mode: the gold annotation.' },
  keymap: { control: 'object' },
  mode: { control: 'inline-radio', options: ['work', 'review', 'training'] },
  readonly: { control: 'boolean' },
  disabled: { control: 'boolean' },
  hotkeys: { control: 'inline-radio', options: ['on', 'off'] },
  'hide-submit': { control: 'boolean' },
  autosave: { control: 'inline-radio', options: ['on', 'off'] },
  name: { control: 'text' },
  required: { control: 'boolean' },
  platform: {
    control: 'select',
    options: [undefined, 'mturk', 'ground-truth', 'toloka', 'prolific', 'clickworker', 'url'],
    description: 'Wires the widget into a crowd platform (README, Platforms).',
  },
  'submit-url': { control: 'text', description: 'prolific, clickworker, url: where the answer is POSTed.' },
  'completion-code': { control: 'text', description: 'prolific, url: the completion code.' },
  lang: {
    control: 'select',
    options: ['en', 'de', 'ar', 'he'],
    description: 'Set on the element; unset, it is inherited from the page (the Locale toolbar).',
    table: { category: 'attributes' },
  },
  dir: {
    control: 'inline-radio',
    options: ['ltr', 'rtl', 'auto'],
    description: 'Set on the element; unset, it is inherited from the page (the Locale toolbar).',
    table: { category: 'attributes' },
  },
  theme: {
    control: false,
    description: 'Follows the Theme toolbar: the preview pins every widget in a story to it.',
  },
} as const;

/** The manifest lists these properties beside their attributes; the attribute rows drive them. */
export const widgetControls = { exclude: ['hideSubmit', 'taskSrc', 'formMirror'] };
