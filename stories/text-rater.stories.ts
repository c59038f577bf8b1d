/**
 * `<tagwerk-text-rater>`: one story per question type, typical whole tasks, each mode, locales,
 * and the error states. Every story runs with `autosave="off"` so a draft made in one story never
 * reappears in another (they share the task ids of the fixtures and one origin).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Annotation, TagwerkChangeEvent, TagwerkSubmitEvent } from '@tagwerk/core';
import '@tagwerk/text-rater';
import type { TagwerkTextRater } from '@tagwerk/text-rater';
import { html, type TemplateResult } from 'lit';
import { literal } from 'lit/static-html.js';
import {
  abPreferenceTask,
  choiceMultipleTask,
  choiceSingleTask,
  conversationTask,
  germanTask,
  hebrewSpansTask,
  hebrewSpansValue,
  hugeResponseTask,
  invalidTask,
  likertTask,
  liveExampleTask,
  nerGold,
  nerNewsPrefill,
  nerNewsTask,
  nerTask,
  nerTraineeAnswer,
  pairwiseTask,
  rankingTask,
  relevanceTask,
  rtlTask,
  rubricByAnotherWorker,
  rubricQuestionsTask,
  rubricTask,
  searchTask,
  sentimentAnswered,
  sentimentRationaleTask,
  sentimentTask,
  starsTask,
  textQuestionTask,
} from './fixtures/text-tasks.js';
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
 * Renders the element with every arg bound. Large tasks come in through `task` as a second
 * argument instead of an arg: args travel to the manager and fill the Controls panel, and a
 * megabyte there would freeze it.
 */
function rater(args: WidgetArgs, task: unknown = args.task): TemplateResult {
  return renderWidget(literal`tagwerk-text-rater`, args, { task });
}

/** The rater in the story's canvas, once its task is ready. */
function readyRater(canvasElement: HTMLElement): Promise<TagwerkTextRater> {
  return readyWidget<TagwerkTextRater>(canvasElement, 'tagwerk-text-rater');
}

const meta = {
  title: 'Widgets/Text rater',
  component: 'tagwerk-text-rater',
  render: (args) => rater(args),
  args: widgetArgs(),
  argTypes: widgetArgTypes,
  parameters: {
    controls: widgetControls,
    docs: {
      description: {
        component:
          'Rate, compare and rank chatbot answers, grade search results, classify and highlight text spans. Every story logs the `tagwerk-*` events in the **Actions** panel.',
      },
    },
  },
} satisfies Meta<WidgetArgs>;

export default meta;

// ---------------------------------------------------------------------------------------------
// One question type each

/** A 7-point Likert scale with anchors at both ends and the middle. */
export const RatingLikert: Story = { name: 'Rating: Likert scale', args: { task: likertTask } };

/** `display: "stars"` shows the same rating question as stars. */
export const RatingStars: Story = { name: 'Rating: stars', args: { task: starsTask } };

/** Several criteria, each its own rating question on the same response. */
export const Rubric: Story = { name: 'Rating: rubric', args: { task: rubricQuestionsTask } };

/** One option; four of them have hotkeys (E, P, S, C). */
export const ChoiceSingle: Story = { name: 'Choice: single', args: { task: choiceSingleTask } };

/** Several options, between one and three of them (`minSelected`/`maxSelected`). */
export const ChoiceMultiple: Story = { name: 'Choice: multiple', args: { task: choiceMultipleTask } };

/** A text answer with `minLength`/`maxLength` that becomes required when the choice is “No” (`requiredWhen`). */
export const TextAnswer: Story = { name: 'Text: length limits and requiredWhen', args: { task: textQuestionTask } };

/** A/B with tie, both good and both bad, a strength, and a display order randomised per task. */
export const Pairwise: Story = { name: 'Pairwise', args: { task: pairwiseTask } };

/** Best answer first; answers may tie. */
export const Ranking: Story = { name: 'Ranking with ties', args: { task: rankingTask } };

/** A grade per search result. */
export const Relevance: Story = { name: 'Relevance', args: { task: relevanceTask } };

/** Named entities over text with emoji, a ZWJ sequence and a flag: offsets count code points. */
export const SpansEmoji: Story = { name: 'Spans: NER with emoji', args: { task: nerTask } };

/** Spans over Hebrew (right-to-left) text inside an English interface; two spans already marked. */
export const SpansHebrew: Story = {
  name: 'Spans: Hebrew text',
  args: { task: hebrewSpansTask, value: hebrewSpansValue },
};

// ---------------------------------------------------------------------------------------------
// Whole tasks

/** A chatbot answer against a rubric, with instructions, stars and a reason required for low correctness. */
export const ChatbotRubric: Story = { name: 'Task: chatbot answer rubric', args: { task: rubricTask } };

/** Two model answers side by side: preference, strength, a rating for each, and a reason for ties. */
export const ABPreference: Story = { name: 'Task: A/B preference', args: { task: abPreferenceTask } };

/** A query with five results to grade, the query's intent and a note. */
export const SearchRelevance: Story = { name: 'Task: search relevance', args: { task: searchTask } };

/** Sentiment, emotions (several) and the words that decided it. */
export const Sentiment: Story = { name: 'Task: sentiment', args: { task: sentimentRationaleTask } };

/** Named entities pre-annotated by a model, for the worker to check and correct. */
export const NamedEntities: Story = {
  name: 'Task: named entities',
  args: { task: nerNewsTask, value: nerNewsPrefill },
};

/** 200 turns of conversation; the worker rates the last answer. */
export const LongConversation: Story = {
  name: 'Task: 200-turn conversation',
  render: (args) => rater(args, conversationTask(200)),
};

/** About 1 MB of Markdown in one response: shown as plain text until the worker asks for formatting. */
export const HugeResponse: Story = {
  name: 'Task: 1 MB response',
  // Left out of the docs page, which renders every story at once.
  tags: ['!autodocs'],
  render: (args) => rater(args, hugeResponseTask()),
};

// ---------------------------------------------------------------------------------------------
// Modes

/** The default: a worker annotates. */
export const WorkMode: Story = { name: 'Mode: work', args: { task: rubricTask, mode: 'work' } };

/** Another worker's submitted annotation to approve, reject or correct (a correction sets the verdict to “corrected”). */
export const ReviewMode: Story = {
  name: 'Mode: review',
  args: { task: rubricTask, mode: 'review', value: rubricByAnotherWorker },
};

/**
 * Training: after submitting, the worker sees how the answer compares with the gold `reference`.
 * The play function stands in for a trainee: it fills in an answer with one entity missed and one
 * mislabelled, and submits it.
 */
export const TrainingMode: Story = {
  name: 'Mode: training (submitted)',
  args: { task: nerTask, mode: 'training', reference: nerGold },
  play: async ({ canvasElement }) => {
    const element = await readyRater(canvasElement);
    element.value = nerTraineeAnswer;
    await element.submit();
  },
};

// ---------------------------------------------------------------------------------------------
// Themes and locales

/** The dark theme, on a dark page. */
export const Dark: Story = { name: 'Dark theme', args: { task: abPreferenceTask }, globals: { theme: 'dark' } };

/** `lang="de"` on the element: the interface in German, around a German task. */
export const German: Story = { name: 'German (lang="de")', args: { task: germanTask, lang: 'de' } };

/** `lang="ar" dir="rtl"` on the element, with Arabic content. */
export const Arabic: Story = { name: 'Arabic, right to left', args: { task: rtlTask, lang: 'ar', dir: 'rtl' } };

// ---------------------------------------------------------------------------------------------
// States

/** A task with several mistakes: each is listed with the JSON Pointer of the field at fault. */
export const InvalidTask: Story = { name: 'Error: invalid task', args: { task: invalidTask } };

/** `task-src` pointing at a URL that does not exist: a load error with a retry button. */
export const MissingTaskSource: Story = {
  name: 'Error: task-src not found',
  args: { 'task-src': './tagwerk-story-fixtures/missing-task.json' },
};

/** No task yet. */
export const Empty: Story = { name: 'Empty (no task)', args: {} };

/** `readonly`: everything visible, nothing changeable. */
export const Readonly: Story = {
  name: 'Readonly',
  args: { task: rubricTask, value: rubricByAnotherWorker, readonly: true },
};

/** `disabled`: nothing focusable or changeable. */
export const Disabled: Story = {
  name: 'Disabled',
  args: { task: rubricTask, value: rubricByAnotherWorker, disabled: true },
};

/** Hotkeys off and the built-in submit button hidden, for hosts that bring their own. */
export const HostControlled: Story = {
  name: 'Hotkeys off, submit hidden',
  args: { task: sentimentRationaleTask, hotkeys: 'off', 'hide-submit': true },
};

// ---------------------------------------------------------------------------------------------
// Platforms

/** `platform="mturk"` outside an accepted assignment (no `assignmentId`): MTurk's preview, read-only. */
export const PlatformPreview: Story = {
  name: 'Platform: MTurk preview',
  args: { task: sentimentRationaleTask, platform: 'mturk' },
};

/**
 * `platform="prolific"` whose `submit-url` answers 404: after Submit the worker is told the answer
 * was not sent and is kept, with Try again.
 */
export const PlatformSaveFailed: Story = {
  name: 'Platform: Prolific save failed',
  args: { task: sentimentTask, platform: 'prolific', 'submit-url': './tagwerk-story-fixtures/no-such-endpoint' },
  play: async ({ canvasElement }) => {
    const element = await readyRater(canvasElement);
    element.value = sentimentAnswered;
    await element.submit().catch(() => undefined);
  },
};

/** `platform="prolific"` without `submit-url`: the page cannot work, and says so. */
export const PlatformMisconfigured: Story = {
  name: 'Platform: not set up',
  args: { task: sentimentTask, platform: 'prolific' },
};

// ---------------------------------------------------------------------------------------------
// Events

/**
 * Open the **Actions** panel: every `tagwerk-*` event appears there with its `detail` (each story
 * logs them; this one has a task that produces all five: ready, change, invalid on an early
 * submit, submit, and error when a bad `value` is set through the Controls panel).
 */
export const Events: Story = { name: 'Events in the Actions panel', args: { task: sentimentRationaleTask } };

/** Shows the annotation envelope as JSON beside the widget, updated on every change and on submit. */
export const LiveEnvelope: Story = {
  name: 'Live envelope',
  args: { task: liveExampleTask },
  render: (args) => {
    // Listens on the wrapper: the widget's events bubble out of its shadow root to the host page.
    const show = (event: Event, annotation: Annotation | null, heading: string): void => {
      const example = (event.currentTarget as HTMLElement).closest('.tagwerk-live-example');
      const caption = example?.querySelector('.caption');
      const output = example?.querySelector('pre');
      if (caption) caption.textContent = heading;
      if (output) output.textContent = annotation ? JSON.stringify(annotation, null, 2) : 'null';
    };
    return html`
      <style>
        .tagwerk-live-example {
          font-family: system-ui, sans-serif;
          display: grid;
          grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
          gap: 1rem;
          align-items: start;
        }
        .tagwerk-live-example pre {
          margin: 0;
          max-block-size: 32rem;
          overflow: auto;
          padding: 0.75rem;
          border: 1px solid currentColor;
          border-radius: 4px;
          font-size: 0.8rem;
        }
        .tagwerk-live-example .caption {
          margin: 0 0 0.5rem;
          font-weight: bold;
        }
      </style>
      <div
        class="tagwerk-live-example"
        @tagwerk-ready=${(e: Event) => show(e, (e.target as TagwerkTextRater).value, 'value (after tagwerk-ready)')}
        @tagwerk-change=${(e: TagwerkChangeEvent) => show(e, e.detail.annotation, `tagwerk-change (valid: ${String(e.detail.valid)})`)}
        @tagwerk-submit=${(e: TagwerkSubmitEvent) => show(e, e.detail.annotation, 'tagwerk-submit')}
      >
        ${rater(args)}
        <div>
          <p class="caption" id="tagwerk-live-envelope-caption">value</p>
          <pre tabindex="0" role="region" aria-labelledby="tagwerk-live-envelope-caption">null</pre>
        </div>
      </div>
    `;
  },
};
