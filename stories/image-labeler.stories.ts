/**
 * `<tagwerk-image-labeler>`: one story per tool, the label palette and attributes, image-level
 * questions, each mode, scale (a 6000 × 4000 picture, a thousand boxes), the error states, and
 * locales. Every story runs with `autosave="off"` so a draft made in one story never reappears in
 * another (they share the task ids of the fixtures and one origin).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Annotation, TagwerkChangeEvent, TagwerkSubmitEvent } from '@tagwerk/core';
import '@tagwerk/image-labeler';
import type { TagwerkImageLabeler } from '@tagwerk/image-labeler';
import { html, type TemplateResult } from 'lit';
import { literal } from 'lit/static-html.js';
import {
  arabicDraft,
  arabicTask,
  attributesDraft,
  attributesTask,
  germanDraft,
  germanTask,
  invalidPrefillTask,
  liveExampleTask,
  manyRegionsTask,
  manyRegionsValue,
  missingImageTask,
  paletteDraft,
  paletteTask,
  parkingTask,
  poseDraft,
  poseTask,
  prefillTask,
  questionsTask,
  streetBoxesByAnotherWorker,
  streetBoxesGold,
  streetBoxesTask,
  streetBoxesTraineeAnswer,
  streetRegionsGold,
  streetRegionsTask,
} from './fixtures/image-tasks.js';
import {
  readyWidget,
  renderWidget,
  widgetArgs,
  widgetArgTypes,
  widgetControls,
  type WidgetArgs,
} from './widget-story.js';

type Story = StoryObj<WidgetArgs>;

/**
 * Renders the element with every arg bound. A large pre-fill comes in through `value` as an
 * argument instead of an arg: args travel to the manager and fill the Controls panel, and a
 * thousand regions there would freeze it.
 */
function labeler(args: WidgetArgs, value: Annotation | undefined = args.value): TemplateResult {
  return renderWidget(literal`tagwerk-image-labeler`, args, { value });
}

/** The labeler in the story's canvas, once its task and picture are ready. */
function readyLabeler(canvasElement: HTMLElement): Promise<TagwerkImageLabeler> {
  return readyWidget<TagwerkImageLabeler>(canvasElement, 'tagwerk-image-labeler');
}

/**
 * The first element matching `selector` in the labeler's shadow root, waiting a few frames for
 * it: the region list is virtualised and lays its rows out after the widget's own update.
 */
async function shadowPart(element: TagwerkImageLabeler, selector: string): Promise<HTMLElement> {
  for (let frame = 0; frame < 120; frame++) {
    const found = element.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error(`no ${selector} in <tagwerk-image-labeler>`);
}

const meta = {
  title: 'Widgets/Image labeler',
  component: 'tagwerk-image-labeler',
  render: (args) => labeler(args),
  args: widgetArgs(),
  argTypes: widgetArgTypes,
  parameters: {
    controls: widgetControls,
    docs: {
      description: {
        component:
          'Draw boxes, polygons and keypoints on a picture, label them, set their attributes and answer questions about the whole picture, with the pointer or the keyboard alone. Coordinates are natural-image pixels at any zoom. Every story logs the `tagwerk-*` events in the **Actions** panel.',
      },
    },
  },
} satisfies Meta<WidgetArgs>;

export default meta;

// ---------------------------------------------------------------------------------------------
// One tool each

/** Boxes around cars and people (B, or drag), with two questions about the whole picture. */
export const Boxes: Story = { name: 'Tool: boxes', args: { task: streetBoxesTask } };

/** Polygons for road, pavement and sky (P; click the first point or press Enter on it to close). */
export const Polygons: Story = { name: 'Tool: polygons', args: { task: streetRegionsTask } };

/**
 * Fourteen body keypoints joined by a skeleton, half done: the right arm is marked hidden
 * (placed but occluded) and the left ankle is still to place.
 */
export const Keypoints: Story = {
  name: 'Tool: keypoints with a skeleton',
  args: { task: poseTask, value: poseDraft },
};

// ---------------------------------------------------------------------------------------------
// Labels, attributes and questions

/**
 * Twelve labels: own colours and hotkeys (C, P, B, Q, F2), palette colours and digit keys for
 * the rest of the first nine, none for the last three. The labels took B and P, so the box and
 * polygon tools moved to Shift+B and Shift+P.
 */
export const LabelPalette: Story = {
  name: 'Label palette with hotkeys',
  args: { task: paletteTask, value: paletteDraft },
};

/**
 * Attributes of the selected box: *Cut off* and *Partly hidden* for every label, a driving
 * direction and a number plate for cars only. The play function selects the first box.
 */
export const Attributes: Story = {
  name: 'Attributes (occluded, truncated)',
  args: { task: attributesTask, value: attributesDraft },
  play: async ({ canvasElement }) => {
    const element = await readyLabeler(canvasElement);
    (await shadowPart(element, '.region-row')).click();
    await element.updateComplete;
  },
};

/** No drawing tools: questions about the whole picture only (image classification). */
export const ImageQuestions: Story = { name: 'Image-level questions', args: { task: questionsTask } };

// ---------------------------------------------------------------------------------------------
// Modes

/**
 * A detector's boxes arrive in the task's `prefill`: marked as pre-filled in the region list,
 * and as modified once the worker changes them.
 */
export const Prefill: Story = { name: 'Pre-filled by a detector', args: { task: prefillTask } };

/**
 * Another worker's submitted annotation to approve, reject or correct (a correction sets the
 * verdict to “corrected”). One box is far too loose and a cut-off car lacks its flag.
 */
export const ReviewMode: Story = {
  name: 'Mode: review',
  args: { task: streetBoxesTask, mode: 'review', value: streetBoxesByAnotherWorker },
};

/**
 * Training: after submitting, the worker sees each gold box with the overlap (IoU) of their best
 * match. The play function stands in for a trainee: one box loose, the person missed, an extra
 * box and the weather wrong, then submits.
 */
export const TrainingMode: Story = {
  name: 'Mode: training (submitted)',
  args: { task: streetBoxesTask, mode: 'training', reference: streetBoxesGold },
  play: async ({ canvasElement }) => {
    const element = await readyLabeler(canvasElement);
    element.value = streetBoxesTraineeAnswer;
    await element.submit();
  },
};

// ---------------------------------------------------------------------------------------------
// Scale

/**
 * A 6000 × 4000 picture (drawn from a downscaled bitmap; coordinates stay in full pixels) with
 * eleven boxes pre-filled by a detector.
 */
export const LargeImage: Story = { name: 'Large image (6000 × 4000)', args: { task: parkingTask } };

/** 1,000 boxes, generated from a fixed seed, on the 6000 × 4000 picture; the region list is virtualised. */
export const ManyRegions: Story = {
  name: '1,000 regions',
  args: { task: manyRegionsTask },
  // Left out of the docs page, which renders every story at once.
  tags: ['!autodocs'],
  render: (args) => labeler(args, manyRegionsValue(1_000)),
};

// ---------------------------------------------------------------------------------------------
// Themes and locales

/** The dark theme, on a dark page, with another worker's boxes to show the label colours. */
export const Dark: Story = {
  name: 'Dark theme',
  args: { task: streetBoxesTask, value: streetBoxesByAnotherWorker },
  globals: { theme: 'dark' },
};

/** `lang="de"` on the element: the interface in German, around a German task. */
export const German: Story = { name: 'German (lang="de")', args: { task: germanTask, value: germanDraft, lang: 'de' } };

/** `lang="ar" dir="rtl"` on the element, with Arabic labels, instructions and questions. */
export const Arabic: Story = {
  name: 'Arabic, right to left',
  args: { task: arabicTask, value: arabicDraft, lang: 'ar', dir: 'rtl' },
};

// ---------------------------------------------------------------------------------------------
// States

/** The picture's URL answers 404: a load error naming the URL, with a retry button. */
export const MissingImage: Story = { name: 'Error: image not found', args: { task: missingImageTask } };

/**
 * A task whose pre-fill lies partly outside the declared 1600 × 1200 picture (and uses an
 * unknown label and a skeleton edge to nowhere): each mistake is listed with its JSON Pointer.
 */
export const InvalidTask: Story = { name: 'Error: invalid task', args: { task: invalidPrefillTask } };

/** No task yet. */
export const Empty: Story = { name: 'Empty (no task)', args: {} };

/** `readonly`: polygons visible and selectable, nothing changeable. */
export const Readonly: Story = {
  name: 'Readonly',
  args: { task: streetRegionsTask, value: streetRegionsGold, readonly: true },
};

/** `disabled`: nothing focusable or changeable. */
export const Disabled: Story = {
  name: 'Disabled',
  args: { task: streetBoxesTask, value: streetBoxesByAnotherWorker, disabled: true },
};

/** Hotkeys off and the built-in submit button hidden, for hosts that bring their own. */
export const HostControlled: Story = {
  name: 'Hotkeys off, submit hidden',
  args: { task: streetBoxesTask, hotkeys: 'off', 'hide-submit': true },
};

// ---------------------------------------------------------------------------------------------
// Events

/** Shows the annotation envelope as JSON under the widget, updated on every change and on submit. */
export const LiveEnvelope: Story = {
  name: 'Live envelope',
  args: { task: liveExampleTask },
  render: (args) => {
    // Listens on the wrapper: the widget's events bubble out of its shadow root to the host page.
    const show = (event: Event, annotation: Annotation | null, heading: string): void => {
      const example = (event.currentTarget as HTMLElement).closest('.tagwerk-image-live-example');
      const caption = example?.querySelector('.caption');
      const output = example?.querySelector('pre');
      if (caption) caption.textContent = heading;
      if (output) output.textContent = annotation ? JSON.stringify(annotation, null, 2) : 'null';
    };
    return html`
      <style>
        .tagwerk-image-live-example {
          font-family: system-ui, sans-serif;
          display: grid;
          gap: 1rem;
        }
        .tagwerk-image-live-example pre {
          margin: 0;
          max-block-size: 24rem;
          overflow: auto;
          padding: 0.75rem;
          border: 1px solid currentColor;
          border-radius: 4px;
          font-size: 0.8rem;
        }
        .tagwerk-image-live-example .caption {
          margin: 0 0 0.5rem;
          font-weight: bold;
        }
      </style>
      <div
        class="tagwerk-image-live-example"
        @tagwerk-ready=${(e: Event) => show(e, (e.target as TagwerkImageLabeler).value, 'value (after tagwerk-ready)')}
        @tagwerk-change=${(e: TagwerkChangeEvent) => show(e, e.detail.annotation, `tagwerk-change (valid: ${String(e.detail.valid)})`)}
        @tagwerk-submit=${(e: TagwerkSubmitEvent) => show(e, e.detail.annotation, 'tagwerk-submit')}
      >
        ${labeler(args)}
        <div>
          <p class="caption" id="tagwerk-image-live-envelope-caption">value</p>
          <pre tabindex="0" role="region" aria-labelledby="tagwerk-image-live-envelope-caption">null</pre>
        </div>
      </div>
    `;
  },
};
