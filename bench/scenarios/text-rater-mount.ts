/**
 * text-rater-mount: `<tagwerk-text-rater>` given a rubric task with ten ~2,000-word markdown
 * responses (every kind of GFM block) and three rating questions, timed from setting the task and
 * appending the element to `tagwerk-ready` plus two animation frames (the frame after the first
 * paint: style, layout and paint of the whole widget are inside). Two baselines, interleaved with
 * ours: the same ten strings through `marked` (GFM) into plain `<div>`s with `innerHTML`, and
 * through marked + DOMPurify (our own `renderMarkdown`, same config and hooks) into plain `<div>`s.
 * A fresh element per mount, removed before the next one.
 */
import { parseTask, type TextTask } from '@tagwerk/core';
import { renderMarkdown } from '@tagwerk/ui';
// bench/package.json does not list marked or the widget yet: reach both through the workspace
// packages that do (the same files, hence the same parser instance Vite bundles for core).
import { Marked } from 'marked';
import '@tagwerk/text-rater';
import { markdownResponses, rubricTask } from '../fixtures/text-tasks.js';
import { compareAll, median, summarize } from '../lib/stats.js';
import type { Row, ScenarioContext } from '../lib/types.js';
import { painted, whenReady } from '../page/timing.js';

const RESPONSES = 10;
const WORDS = 2000;

/** As the widget configures it (packages/ui/src/markdown.ts); the fixture has no raw HTML to escape. */
const marked = new Marked({ gfm: true, breaks: false, async: false });
/** Synchronous with `async: false`; the type cannot know that. */
const toHtml = (text: string): string => marked.parse(text) as string;

function stage(): HTMLElement {
  const element = document.getElementById('stage');
  if (!element) throw new Error('bench page has no #stage');
  return element;
}

export async function run(ctx: ScenarioContext): Promise<Row[]> {
  const responses = markdownResponses(RESPONSES, WORDS);
  const chars = responses.reduce((sum, text) => sum + text.length, 0);
  const root = stage();
  let serial = 0;
  let pendingTask: TextTask | undefined;
  const phases = { ready: [] as number[], paint: [] as number[] };

  const mountOurs = async () => {
    const task = pendingTask!;
    const started = performance.now();
    const element = document.createElement('tagwerk-text-rater');
    const ready = whenReady(element);
    element.task = task;
    root.append(element);
    await ready;
    const readyAt = performance.now();
    await painted();
    phases.ready.push(readyAt - started);
    phases.paint.push(performance.now() - readyAt);
  };

  const mountBaseline = async (sanitise: boolean) => {
    const container = document.createElement('div');
    for (const text of responses) {
      const div = document.createElement('div');
      if (sanitise) div.append(renderMarkdown(text));
      else div.innerHTML = toHtml(text);
      container.append(div);
    }
    root.append(container);
    await painted();
  };

  // Untimed between mounts: remove the last one, let its removal render, collect garbage, and give
  // the next widget a task object of its own (fresh id, so no draft or cache carries over).
  const before = async () => {
    root.replaceChildren();
    await painted();
    await ctx.gc();
    pendingTask = rubricTask(responses, `bench-rubric-${++serial}`);
  };

  await before();
  await mountOurs();
  checkSameText(root, responses);

  const samples = ctx.quick ? 5 : 30;
  ctx.log(
    `${RESPONSES} responses × ~${WORDS} words (${Math.round(chars / 1024)} kB of markdown), ${samples} mounts per side`,
  );
  phases.ready.length = 0;
  phases.paint.length = 0;
  const times = await compareAll(
    { ours: mountOurs, marked: () => mountBaseline(false), purified: () => mountBaseline(true) },
    { warmup: 2, samples, before },
  );
  root.replaceChildren();
  // Warm-up mounts also pushed phases; keep the timed ones.
  phases.ready.splice(0, phases.ready.length - samples);
  phases.paint.splice(0, phases.paint.length - samples);

  const breakdown = await measureParts(ctx, responses, samples);
  const o = summarize(times.ours);
  const m = summarize(times.marked);
  const p = summarize(times.purified);
  const parts = {
    appendToReadyMs: median(phases.ready),
    readyToPaintedMs: median(phases.paint),
    ...breakdown,
  };
  ctx.log(
    `breakdown (medians, ms): ${Object.entries(parts)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ')}`,
  );

  const size = `${RESPONSES}×${WORDS / 1000}k words`;
  const extra = {
    responses: RESPONSES,
    wordsEach: WORDS,
    markdownChars: chars,
    ours: o,
    marked: m,
    purified: p,
    breakdownMs: parts,
  };
  return [
    {
      measure: `mount ${size} → ready + painted, median of ${o.n}`,
      unit: 'ms',
      ours: o.median,
      baseline: { name: 'marked → innerHTML', value: m.median },
      target: { on: 'ratio', max: 2 },
      note:
        'From setting `task` and appending a fresh element to `tagwerk-ready` plus two animation frames (what the worker sees, painted). ' +
        'Ours also validates the task, opens the draft store (IndexedDB, autosave on by default), sanitises, and renders the prompt, ' +
        'question fields and footer; the baseline only parses the ten strings with marked (GFM) into plain divs by innerHTML, unsanitised.',
      samples: { ours: times.ours, baseline: times.marked },
      extra,
    },
    {
      measure: `mount ${size} → ready + painted, p95 of ${o.n}`,
      unit: 'ms',
      ours: o.p95,
      baseline: { name: 'marked → innerHTML', value: m.p95 },
      samples: { ours: times.ours, baseline: times.marked },
    },
    {
      measure: `mount ${size}, vs sanitised divs, median of ${o.n}`,
      unit: 'ms',
      ours: o.median,
      baseline: { name: 'marked + DOMPurify', value: p.median },
      note:
        "Baseline: the same strings through our own renderMarkdown (marked + DOMPurify with the widget's config and hooks) into plain divs. " +
        'ours − this baseline ≈ the widget itself (task validation, Lit, fields, chrome, draft store, styles).',
      samples: { ours: times.ours, baseline: times.purified },
    },
    {
      measure: `· of which append → tagwerk-ready, median`,
      unit: 'ms',
      ours: parts.appendToReadyMs,
      extra: { samples: phases.ready },
    },
    {
      measure: `· of which parseTask (validation), median`,
      unit: 'ms',
      ours: parts.parseTaskMs,
    },
    {
      measure: `· of which marked.parse ×${RESPONSES}, median`,
      unit: 'ms',
      ours: parts.markedMs,
    },
    {
      measure: `· of which DOMPurify ×${RESPONSES} (renderMarkdown − marked), median`,
      unit: 'ms',
      ours: parts.purifyMs,
      note:
        'Breakdown rows: each part timed alone in the same page, rotated round by round (parseTask on a fresh copy of the task; marked.parse and ' +
        'renderMarkdown on the ten strings, not attached; DOMPurify = the per-round difference of the two). What remains of append → ready is Lit ' +
        'rendering, inserting the fragments, the draft store and annotation validation; the rest of the mount (ready → painted) is style, layout ' +
        'and paint, and the wait for two frames.',
    },
  ];
}

/**
 * Times the parts of a mount one at a time, rotated round by round like the mounts: task validation
 * (on a fresh copy of the task each time), marked alone, and marked + DOMPurify (renderMarkdown).
 * DOMPurify's share is the per-round difference of the last two.
 */
async function measureParts(ctx: ScenarioContext, responses: string[], samples: number) {
  const tasks = Array.from({ length: samples + 2 }, (_, i) => rubricTask(responses, `bench-parts-${i}`));
  const times = await compareAll(
    {
      parseTask: () => {
        const result = parseTask(tasks.pop());
        if (!result.ok) throw new Error(`fixture task is invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
      },
      marked: () => {
        for (const text of responses) toHtml(text);
      },
      renderMarkdown: () => {
        for (const text of responses) renderMarkdown(text);
      },
    },
    { warmup: 2, samples, before: () => ctx.gc() },
  );
  return {
    parseTaskMs: median(times.parseTask),
    markedMs: median(times.marked),
    purifyMs: median(times.renderMarkdown.map((ms, i) => ms - times.marked[i]!)),
  };
}

/** The widget must show what the baseline shows: fail loudly rather than time different work. */
function checkSameText(root: HTMLElement, responses: string[]): void {
  const element = root.querySelector('tagwerk-text-rater');
  const bodies = [...(element?.shadowRoot?.querySelectorAll('.response-body') ?? [])];
  if (bodies.length !== responses.length) {
    throw new Error(`expected ${responses.length} rendered responses, found ${bodies.length}`);
  }
  const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
  responses.forEach((text, i) => {
    const div = document.createElement('div');
    div.innerHTML = toHtml(text);
    if (squash(bodies[i]!.textContent) !== squash(div.textContent)) {
      throw new Error(`response ${i + 1} renders different text in the widget than with marked alone`);
    }
  });
}
