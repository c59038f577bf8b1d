#!/usr/bin/env node
// Seeded fuzzing of tasks, per widget, in a real Chromium: the demo's tasks (demo/tasks/*.json) are
// mutated — a string replaced by a hostile one (markup, deep markdown, combining marks, RTL
// overrides, emoji sequences, controls, lone surrogates, long runs), a number changed, an array
// item duplicated or dropped, a key deleted or added — and each mutant is mounted. Every one must
// end in `tagwerk-ready` or a `tagwerk-error` with a shown, translated message; none may throw,
// leave an unhandled rejection, stay blank, hang or show an internal message. The figures (ready,
// refused, longest main-thread block and the mutation behind it) are printed per widget. The seed
// is printed too; `--seed N` replays a run.
//
//   node scripts/test-fuzz.mjs [--tasks 1000] [--seed N] [text image audio]
//
// One count per check goes to TAGWERK_COUNT_FILE.
/* global document, window, PerformanceObserver, requestAnimationFrame -- functions run in the page */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { assert, CHROME, CHROME_FLAGS, checkList, PAGE_TIMEOUT_MS, serve } from './check-kit.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const { check, finish, record } = checkList();
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const TASKS = option('tasks', 1000);
const SEED = option('seed', Number(process.env.TAGWERK_FUZZ_SEED ?? 20261202));
const ONLY = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
/** A task that is neither ready nor refused after this long hangs. */
const HANG_MS = 10_000;

// ---------------------------------------------------------------------------------------------
// Mutations

/** mulberry32: small, seeded, good enough to pick mutations. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  '',
  ' ',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '[x](javascript:window.__pwned=3)',
  '"><svg onload="window.__pwned=4">',
  '{{constructor.constructor("window.__pwned=5")()}}',
  '__proto__',
  'constructor',
  '\u0000\u0001\u001f',
  '\ud800',
  '\u2028\u2029',
  '  padded  ',
  '🏳️‍🌈👩‍💻🇩🇪',
  'ｗｉｄｅ ＡＢＣ',
  'مرحبا بالعالم',
  'שלום עולם',
  '%s%n%d',
  '${7*7}',
  'null',
  '-1',
  'x'.repeat(201),
];
/** Generated on use: repeated patterns of a chosen length. */
const PATTERNS = ['_a', '**', '>', '> ', 'a\u0301', '\u202e\u05d0', '👩\u200d💻', '[', '`', '\\', '<b>', 'word '];

function hostileString(rng) {
  const roll = rng();
  if (roll < 0.6) return HOSTILE[Math.floor(rng() * HOSTILE.length)];
  const pattern = PATTERNS[Math.floor(rng() * PATTERNS.length)];
  // Mostly short runs; one in twenty up to 50,000 characters.
  const length = rng() < 0.95 ? 1 + Math.floor(rng() * 3000) : 10_000 + Math.floor(rng() * 40_000);
  return pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length);
}
const HOSTILE_NUMBERS = [-1, 0, 0.5, 1e9, -1e9, 1e-9, 3, 10_000, Number.MAX_SAFE_INTEGER];

/** Every [container, key] under `value` whose child is of `type` (string, number, array, object). */
function places(value, type, out = [], depth = 0) {
  if (depth > 12 || value === null || typeof value !== 'object') return out;
  for (const key of Object.keys(value)) {
    const child = value[key];
    const kind = Array.isArray(child) ? 'array' : child === null ? 'null' : typeof child;
    if (kind === type) out.push([value, key]);
    places(child, type, out, depth + 1);
  }
  return out;
}

const pick = (rng, list) => list[Math.floor(rng() * list.length)];

/** One mutation of `task` in place; returns what it did, for the report. */
function mutate(task, rng) {
  const roll = rng();
  if (roll < 0.55) {
    const spots = places(task, 'string').filter(([, key]) => key !== 'kind');
    if (!spots.length) return 'none';
    const [parent, key] = pick(rng, spots);
    const value = hostileString(rng);
    parent[key] = value;
    return `${key}="${value.slice(0, 12).replace(/\n/g, '\\n')}…"×${value.length}`;
  }
  if (roll < 0.7) {
    const spots = places(task, 'number');
    if (!spots.length) return 'none';
    const [parent, key] = pick(rng, spots);
    parent[key] = pick(rng, HOSTILE_NUMBERS);
    return `${key}=${parent[key]}`;
  }
  if (roll < 0.88) {
    const spots = places(task, 'array').filter(([parent, key]) => parent[key].length > 0);
    if (!spots.length) return 'none';
    const [parent, key] = pick(rng, spots);
    const list = parent[key];
    const action = rng();
    if (action < 0.4) {
      list.push(structuredClone(pick(rng, list)));
      return `${key}: an item twice`;
    }
    if (action < 0.7) {
      list.splice(Math.floor(rng() * list.length), 1);
      return `${key}: an item dropped`;
    }
    // Many copies with fresh ids where items have ids: a big list within the limits.
    const template = pick(rng, list);
    const copies = 20 + Math.floor(rng() * 400);
    for (let i = 0; i < copies; i++) {
      const copy = structuredClone(template);
      if (copy && typeof copy === 'object' && typeof copy.id === 'string') copy.id = `${copy.id}-${i}`;
      list.push(copy);
    }
    return `${key}: ${copies} more items`;
  }
  const spots = places(task, 'object');
  if (!spots.length) return 'none';
  const [parent, key] = pick(rng, spots);
  const object = parent[key];
  const keys = Object.keys(object);
  if (keys.length && rng() < 0.6) {
    const gone = pick(rng, keys);
    delete object[gone];
    return `${key}.${gone} deleted`;
  }
  object[pick(rng, ['extra', '__proto__', 'constructor', 'x-unknown'])] = hostileString(rng);
  return `${key}: a key added`;
}

function mutants(seeds, count, rng) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const task = structuredClone(pick(rng, seeds));
    task.id = `fuzz-${SEED}-${i}`;
    const steps = [];
    for (let n = 1 + Math.floor(rng() * 2); n > 0; n--) steps.push(mutate(task, rng));
    out.push({ task, steps: steps.join('; ') });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The page: mounts each task in turn and reports how it ended

const TAG = { text: 'tagwerk-text-rater', image: 'tagwerk-image-labeler', audio: 'tagwerk-audio-transcriber' };
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fuzz</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script src="/widgets.js"></script></head><body><main id="host" style="width: 1000px"></main></body></html>`;

/** Runs in the page: mounts every task, one at a time. */
async function runInPage(tag, tasks, hangMs) {
  const problems = [];
  let current = -1;
  window.addEventListener('error', (e) => problems.push({ index: current, what: `uncaught: ${e.message}` }));
  window.addEventListener('unhandledrejection', (e) =>
    problems.push({ index: current, what: `unhandled rejection: ${e.reason?.message ?? e.reason}` }),
  );
  const blocks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) blocks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });
  const host = document.getElementById('host');
  const results = [];
  const internal = /Maximum call stack|report this|TypeError|ReferenceError|undefined is not|Cannot read prop/;
  for (let i = 0; i < tasks.length; i++) {
    current = i;
    const el = document.createElement(tag);
    el.autosave = 'off';
    const started = performance.now();
    const outcome = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ end: 'hang' }), hangMs);
      el.addEventListener('tagwerk-ready', () => (clearTimeout(timer), resolve({ end: 'ready' })), { once: true });
      el.addEventListener(
        'tagwerk-error',
        (e) => (clearTimeout(timer), resolve({ end: 'refused', code: e.detail.code, message: e.detail.message })),
        { once: true },
      );
      el.task = tasks[i];
      host.replaceChildren(el);
    });
    outcome.ms = performance.now() - started;
    await el.updateComplete;
    // Two frames: what the worker sees is painted.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const root = el.shadowRoot;
    const shown = root?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (!shown) outcome.blank = true;
    if (outcome.end === 'refused') {
      const error = root?.querySelector('[part="error"]')?.textContent?.trim() ?? '';
      if (!error) outcome.blank = true;
      if (internal.test(error) || internal.test(outcome.message ?? ''))
        outcome.internal = (outcome.message ?? error).slice(0, 160);
    }
    const until = performance.now();
    outcome.block = Math.max(
      0,
      ...blocks.filter((b) => b.start >= started - 1 && b.start <= until).map((b) => b.duration),
    );
    blocks.length = 0;
    results.push(outcome);
  }
  host.replaceChildren();
  return { results, problems, pwned: window.__pwned ?? 0 };
}

// ---------------------------------------------------------------------------------------------

function seedsByKind() {
  const dir = join(ROOT, 'demo', 'tasks');
  const byKind = { text: [], image: [], audio: [] };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const task = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    byKind[task.kind]?.push(task);
  }
  return byKind;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
};

async function main() {
  const started = Date.now();
  console.log(`  seed ${SEED}, ${TASKS} tasks per widget (replay: node scripts/test-fuzz.mjs --seed ${SEED})`);
  const rows = [];
  let server;
  let browser;
  try {
    const bundle = await build({
      stdin: {
        contents: `import '@tagwerk/text-rater'; import '@tagwerk/image-labeler'; import '@tagwerk/audio-transcriber';`,
        resolveDir: join(ROOT, 'demo'),
        loader: 'js',
      },
      bundle: true,
      format: 'iife',
      write: false,
      conditions: ['source'],
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    const routes = new Map([
      ['/fuzz.html', PAGE],
      ['/widgets.js', bundle.outputFiles[0].text],
    ]);
    server = await serve(join(ROOT, 'demo', 'public'), { routes });
    await check(`Chromium starts (${CHROME})`, async () => {
      browser = await puppeteer.launch({
        executablePath: CHROME,
        headless: true,
        args: CHROME_FLAGS,
        protocolTimeout: 0,
      });
    });
    if (!browser) return;
    const seeds = seedsByKind();
    const rng = prng(SEED);
    for (const kind of ONLY.length ? ONLY : ['text', 'image', 'audio']) {
      const tasks = mutants(seeds[kind], TASKS, rng);
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 });
      await page.goto(`${server.origin}/fuzz.html`, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
      const { results, problems, pwned } = await page.evaluate(
        runInPage,
        TAG[kind],
        tasks.map((t) => t.task),
        HANG_MS,
      );
      await page.close();
      const about = (i) => `#${i} (${tasks[i]?.steps})`;
      const ready = results.filter((r) => r.end === 'ready').length;
      const refused = results.filter((r) => r.end === 'refused').length;
      const hangs = results.flatMap((r, i) => (r.end === 'hang' ? [about(i)] : []));
      const blank = results.flatMap((r, i) => (r.blank ? [about(i)] : []));
      const internal = results.flatMap((r, i) => (r.internal ? [`${about(i)}: ${r.internal}`] : []));
      const worst = results.reduce((w, r, i) => (r.block > (results[w]?.block ?? -1) ? i : w), 0);
      rows.push({
        kind,
        tasks: results.length,
        ready,
        refused,
        crashes: problems.filter((p) => p.what.startsWith('uncaught')).length,
        rejections: problems.filter((p) => p.what.startsWith('unhandled')).length,
        blank: blank.length,
        hangs: hangs.length,
        block: Math.round(results[worst]?.block ?? 0),
        worst: about(worst),
        median: Math.round(median(results.map((r) => r.ms))),
      });
      await check(`${kind}: ${results.length} fuzzed tasks, each ready or refused with a shown message`, () => {
        assert(results.length === tasks.length, `${results.length} of ${tasks.length} tasks ran`);
        assert(hangs.length === 0, `hung: ${hangs.slice(0, 5).join(', ')}`);
        assert(blank.length === 0, `blank: ${blank.slice(0, 5).join(', ')}`);
        assert(internal.length === 0, `internal messages: ${internal.slice(0, 3).join(' | ')}`);
      });
      await check(`${kind}: no uncaught exception, no unhandled rejection, no script from the task ran`, () => {
        const listed = problems.slice(0, 5).map((p) => `${about(p.index)}: ${p.what}`);
        assert(problems.length === 0, listed.join('\n'));
        assert(pwned === 0, `a task's script ran (window.__pwned = ${pwned})`);
      });
    }
  } catch (error) {
    record('the fuzz test ran to the end', false, error instanceof Error ? error.stack : String(error));
  } finally {
    await browser?.close().catch(() => {});
    await server?.close();
    if (rows.length) {
      console.log('\n  widget  tasks  ready  refused  crashes  rejections  blank  hangs  median ms  longest block ms');
      for (const r of rows) {
        console.log(
          `  ${r.kind.padEnd(6)}  ${String(r.tasks).padStart(5)}  ${String(r.ready).padStart(5)}  ${String(r.refused).padStart(7)}  ${String(r.crashes).padStart(7)}  ${String(r.rejections).padStart(10)}  ${String(r.blank).padStart(5)}  ${String(r.hangs).padStart(5)}  ${String(r.median).padStart(9)}  ${r.block} ${r.worst}`,
        );
      }
    }
    finish('fuzz', started);
  }
}

await main();
