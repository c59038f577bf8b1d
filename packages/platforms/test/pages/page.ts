/**
 * What every emulator page shares: the widget a page shows (`widget=text-rater|image-labeler|
 * audio-transcriber`, its task made on the spot, the task id from `task`), the widget's
 * attributes (`attr-<name>` query parameters, as a requester's page would have them in its
 * markup), and the page's reports to the test that framed it (postMessage to the parent).
 *
 * Each page's own module follows one platform's documentation; this file is only plumbing.
 */
import type { Annotation, AudioTask, ImageTask, Task, TextTask } from '@tagwerk/core';
import '../../../text-rater/src/index.js';
import '../../../image-labeler/src/index.js';
import '../../../audio-transcriber/src/index.js';
import { sentimentTask } from '../../../text-rater/test/fixtures.js';
import { gridImageUrl } from '../../../image-labeler/test/image-fixtures.js';
import { toneFixture } from '../../../audio-transcriber/test/audio-fixtures.js';

export const params = new URL(location.href).searchParams;
/** The test's run id: where the emulator files what this page sends. */
export const run = params.get('run') ?? 'none';

export type WidgetName = 'text-rater' | 'image-labeler' | 'audio-transcriber';

/** A report to the test page (the parent of the platform's frame). */
export interface PageReport {
  source: 'tagwerk-emulator';
  type: string;
  [key: string]: unknown;
}

export function report(type: string, detail: Record<string, unknown> = {}): void {
  parent.postMessage({ source: 'tagwerk-emulator', type, ...detail } satisfies PageReport, '*');
}

/** One required question for the image and audio tasks (answered like the text rater's). */
const qualityQuestion = {
  id: 'sentiment',
  type: 'choice' as const,
  label: 'Overall sentiment',
  required: true,
  options: [
    { id: 'negative', label: 'Negative' },
    { id: 'positive', label: 'Positive' },
  ],
};

/** The task of the widget, with the id the test chose. */
export async function taskFor(widget: WidgetName, id: string): Promise<Task> {
  switch (widget) {
    case 'text-rater':
      return { ...sentimentTask, id } satisfies TextTask;
    case 'image-labeler':
      return {
        id,
        kind: 'image',
        title: 'Look at the grid',
        image: { url: await gridImageUrl(400, 300), alt: 'A test grid' },
        labels: [{ id: 'cell', name: 'Cell' }],
        tools: ['bbox'],
        questions: [qualityQuestion],
      } satisfies ImageTask;
    case 'audio-transcriber': {
      const audio = toneFixture(2);
      return {
        id,
        kind: 'audio',
        title: 'Listen to the tone',
        audio: { url: audio.wavUrl, waveform: audio.waveformUrl },
        questions: [qualityQuestion],
      } satisfies AudioTask;
    }
  }
}

export type WidgetElement = HTMLElement & { task: unknown; value: Annotation | null };

/** Creates the widget named by the page URL, with its `attr-…` attributes. */
export function createWidget(): { element: WidgetElement; name: WidgetName } {
  const name = (params.get('widget') ?? 'text-rater') as WidgetName;
  const element = document.createElement(`tagwerk-${name}`) as WidgetElement;
  for (const [key, value] of params) if (key.startsWith('attr-')) element.setAttribute(key.slice(5), value);
  return { element, name };
}

/** Forwards the widget's events to the test. */
export function watch(widget: HTMLElement): void {
  widget.addEventListener('tagwerk-ready', () => report('ready'));
  widget.addEventListener('tagwerk-change', (e) => report('change', { annotation: e.detail.annotation }));
  widget.addEventListener('tagwerk-submit', (e) => report('submit', { annotation: e.detail.annotation }));
  widget.addEventListener('tagwerk-error', (e) => report('error', { code: e.detail.code, message: e.detail.message }));
}

/**
 * A navigation this page starts to another origin (Prolific's completion URL) is reported with
 * its destination and then cancelled: the browser really begins it (`location.assign` in the
 * widget), Chromium's Navigation API tells where it goes, and the test machine is offline, so
 * letting it go on would only show an error page. Navigations on this origin (a form post to the
 * emulator, a same-origin completion page) go ahead.
 */
export function reportCrossOriginNavigation(): void {
  const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
  if (!navigation) throw new Error('this browser has no Navigation API: the emulator pages need Chromium');
  navigation.addEventListener('navigate', (event) => {
    const e = event as Event & { destination: { url: string }; cancelable: boolean };
    const url = new URL(e.destination.url);
    if (url.origin === location.origin) return;
    report('navigate', { url: url.href, cancelled: e.cancelable });
    if (e.cancelable) e.preventDefault();
  });
}
