/**
 * `<tagwerk-audio-transcriber>`: transcribing generated speech, correcting a speech recogniser's
 * draft, speakers, segment labels and tags, the must-play-fully rule, a 15-minute recording with
 * a precomputed waveform, each mode, the error states, and locales. Every story runs with
 * `autosave="off"` so a draft made in one story never reappears in another (they share the task
 * ids of the fixtures and one origin).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Annotation, AudioTask, TagwerkChangeEvent, TagwerkSubmitEvent } from '@tagwerk/core';
import '@tagwerk/audio-transcriber';
import type { TagwerkAudioTranscriber } from '@tagwerk/audio-transcriber';
import { html, type TemplateResult } from 'lit';
import { literal } from 'lit/static-html.js';
import { longTask } from './fixtures/audio-long.js';
import {
  arabicDraft,
  arabicTask,
  asrCorrectionTask,
  basicTask,
  germanDraft,
  germanTask,
  interviewTask,
  invalidPrefillTask,
  invalidValue,
  liveExampleTask,
  missingAudioTask,
  mustPlayValue,
  notAudioTask,
  radioDraft,
  radioTask,
  speakersByAnotherWorker,
  speakersDraft,
  speakersGold,
  speakersTask,
  speakersTraineeAnswer,
  waveformMismatchTask,
} from './fixtures/audio-tasks.js';
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
 * Renders the element with every arg bound. A large task (the 15-minute recording with its
 * pre-fill) comes in through `overrides` instead of an arg: args travel to the manager and fill
 * the Controls panel, and a few hundred segments there would slow it down.
 */
function transcriber(args: WidgetArgs, overrides: { task?: AudioTask } = {}): TemplateResult {
  return renderWidget(literal`tagwerk-audio-transcriber`, args, overrides);
}

/** The transcriber in the story's canvas, once its task and recording are ready. */
function readyTranscriber(canvasElement: HTMLElement): Promise<TagwerkAudioTranscriber> {
  return readyWidget<TagwerkAudioTranscriber>(canvasElement, 'tagwerk-audio-transcriber');
}

const meta = {
  title: 'Widgets/Audio transcriber',
  component: 'tagwerk-audio-transcriber',
  render: (args) => transcriber(args),
  args: widgetArgs(),
  argTypes: widgetArgTypes,
  parameters: {
    controls: widgetControls,
    docs: {
      description: {
        component:
          'Cut a recording into segments on its waveform, type what is said, pick the speaker, label and tag each segment, and answer questions about the whole recording, with the pointer or the keyboard alone (Ctrl+Space plays, Alt+Enter adds a segment at the playhead). Times are seconds from the start of the file at millisecond precision. The recordings are speech made with espeak-ng. Every story logs the `tagwerk-*` events in the **Actions** panel.',
      },
    },
  },
} satisfies Meta<WidgetArgs>;

export default meta;

// ---------------------------------------------------------------------------------------------
// Transcribing

/** Generated speech, nothing pre-filled: play it, add segments at the playhead (Alt+Enter), type. */
export const Basic: Story = { name: 'Generated speech', args: { task: basicTask } };

/**
 * A speech recogniser's draft arrives in the task's `prefill` (origin `prefill`): lower case, no
 * punctuation, and wrong words (“thirsty”, “insurance cart”, “fifty minutes”) to correct. Edited
 * segments are marked `modified` in the envelope.
 */
export const AsrCorrection: Story = { name: 'Pre-filled by speech recognition', args: { task: asrCorrectionTask } };

/**
 * Three speakers: Host and Guest with their own colours (on the waveform and in the list),
 * Producer without one (the widget's palette picks it). Half done: two turns transcribed, the
 * third segment made but still empty.
 */
export const Speakers: Story = {
  name: 'Speakers with colours',
  args: { task: speakersTask, value: speakersDraft },
};

/**
 * Segment labels (Speech, Music, Noise, with colours and hotkeys S, M, N) and the task's tags
 * (`[laughs]`, `[music]`, `[noise]`, `[inaudible]`, `[crosstalk]`) on a radio clip: jingle,
 * speech, a dropped cup, speech with a laugh. The closing jingle is still to be marked.
 */
export const LabelsAndTags: Story = {
  name: 'Segment labels and tags',
  args: { task: radioTask, value: radioDraft },
};

/**
 * `constraints.mustPlayFully`: the transcript is typed, but the worker has not listened to the
 * end. The play function submits at once and the widget refuses (`tagwerk-invalid`), saying the
 * recording must be played to the end first.
 */
export const MustPlayFully: Story = {
  name: 'Must play to the end',
  args: { task: interviewTask, value: mustPlayValue },
  play: async ({ canvasElement }) => {
    const element = await readyTranscriber(canvasElement);
    await element.submit().catch(() => undefined);
  },
};

// ---------------------------------------------------------------------------------------------
// Scale

/**
 * 15 minutes of speech (built from the demo's samples when the story loads: an 8 kHz, 8-bit WAV
 * of 7 MB and its audiowaveform JSON, as blob URLs) with a precomputed waveform, so the audio is
 * streamed and never decoded; 164 pre-filled segments across three speakers.
 */
export const LongRecording: Story = {
  name: 'Long recording (15 min, precomputed waveform)',
  // Left out of the docs page, which renders every story at once.
  tags: ['!autodocs'],
  loaders: [async () => ({ task: await longTask(15) })],
  render: (args, { loaded }) => transcriber(args, { task: loaded['task'] as AudioTask }),
};

// ---------------------------------------------------------------------------------------------
// Modes

/**
 * Another worker's submitted interview to approve, reject or correct (a correction sets the
 * verdict to “corrected”): one turn has the wrong speaker, a word is misheard, the laugh is not
 * tagged and the last segment cuts off its final words.
 */
export const ReviewMode: Story = {
  name: 'Mode: review',
  args: { task: speakersTask, mode: 'review', value: speakersByAnotherWorker },
};

/**
 * Training: after submitting, the worker sees how the answer compares with the gold
 * `reference`. The play function stands in for a trainee: four turns merged into two segments,
 * one with the wrong speaker, and the recording quality rated too low; then it submits.
 */
export const TrainingMode: Story = {
  name: 'Mode: training (submitted)',
  args: { task: speakersTask, mode: 'training', reference: speakersGold },
  play: async ({ canvasElement }) => {
    const element = await readyTranscriber(canvasElement);
    element.value = speakersTraineeAnswer;
    await element.submit();
  },
};

// ---------------------------------------------------------------------------------------------
// Themes and locales

/** The dark theme, on a dark page, with speaker colours on the waveform. */
export const Dark: Story = {
  name: 'Dark theme',
  args: { task: speakersTask, value: speakersDraft },
  globals: { theme: 'dark' },
};

/** `lang="de"` on the element: the interface in German, around a German interview. */
export const German: Story = {
  name: 'German (lang="de")',
  args: { task: germanTask, value: germanDraft, lang: 'de' },
};

/** `lang="ar" dir="rtl"` on the element, with an Arabic recording, instructions and transcript. */
export const Arabic: Story = {
  name: 'Arabic, right to left',
  args: { task: arabicTask, value: arabicDraft, lang: 'ar', dir: 'rtl' },
};

// ---------------------------------------------------------------------------------------------
// States

/** The recording's URL answers 404: `media-load-failed`, naming the URL, with a retry button. */
export const MissingAudio: Story = { name: 'Error: audio not found', args: { task: missingAudioTask } };

/** The “recording” is a PNG picture (and there is no waveform): `media-decode-failed`. */
export const NotAudio: Story = { name: 'Error: not an audio file', args: { task: notAudioTask } };

/**
 * The precomputed waveform belongs to another recording (21.5 s of peaks for 17.9 s of audio):
 * refused rather than drawing segments in the wrong places.
 */
export const WaveformMismatch: Story = {
  name: 'Error: waveform does not match the audio',
  args: { task: waveformMismatchTask },
};

/**
 * A pre-fill the host got wrong: a segment that ends before it starts, one without length, an
 * unknown speaker and label, an overlap, and a segment past the end. `task-invalid`, each
 * mistake listed with its JSON Pointer.
 */
export const InvalidTask: Story = { name: 'Error: invalid task', args: { task: invalidPrefillTask } };

/**
 * A `value` whose second segment starts after it ends: the widget stays usable and empty, and
 * reports `value-invalid` through `tagwerk-error` (see the Actions panel).
 */
export const InvalidValue: Story = {
  name: 'Error: invalid value',
  args: { task: basicTask, value: invalidValue },
};

/** No task yet. */
export const Empty: Story = { name: 'Empty (no task)', args: {} };

/** `readonly`: the transcript visible and playable, nothing changeable. */
export const Readonly: Story = {
  name: 'Readonly',
  args: { task: speakersTask, value: speakersGold, readonly: true },
};

/** `disabled`: nothing focusable or changeable. */
export const Disabled: Story = {
  name: 'Disabled',
  args: { task: speakersTask, value: speakersGold, disabled: true },
};

/** Hotkeys off and the built-in submit button hidden, for hosts that bring their own. */
export const HostControlled: Story = {
  name: 'Hotkeys off, submit hidden',
  args: { task: basicTask, hotkeys: 'off', 'hide-submit': true },
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
      const example = (event.currentTarget as HTMLElement).closest('.tagwerk-audio-live-example');
      const caption = example?.querySelector('.caption');
      const output = example?.querySelector('pre');
      if (caption) caption.textContent = heading;
      if (output) output.textContent = annotation ? JSON.stringify(annotation, null, 2) : 'null';
    };
    return html`
      <style>
        .tagwerk-audio-live-example {
          font-family: system-ui, sans-serif;
          display: grid;
          gap: 1rem;
        }
        .tagwerk-audio-live-example pre {
          margin: 0;
          max-block-size: 24rem;
          overflow: auto;
          padding: 0.75rem;
          border: 1px solid currentColor;
          border-radius: 4px;
          font-size: 0.8rem;
        }
        .tagwerk-audio-live-example .caption {
          margin: 0 0 0.5rem;
          font-weight: bold;
        }
      </style>
      <div
        class="tagwerk-audio-live-example"
        @tagwerk-ready=${(e: Event) => show(e, (e.target as TagwerkAudioTranscriber).value, 'value (after tagwerk-ready)')}
        @tagwerk-change=${(e: TagwerkChangeEvent) => show(e, e.detail.annotation, `tagwerk-change (valid: ${String(e.detail.valid)})`)}
        @tagwerk-submit=${(e: TagwerkSubmitEvent) => show(e, e.detail.annotation, 'tagwerk-submit')}
      >
        ${transcriber(args)}
        <div>
          <p class="caption" id="tagwerk-audio-live-envelope-caption">value</p>
          <pre tabindex="0" role="region" aria-labelledby="tagwerk-audio-live-envelope-caption">null</pre>
        </div>
      </div>
    `;
  },
};
