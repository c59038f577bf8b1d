#!/usr/bin/env node
// Drafts against real exits: a real Chromium with a persistent profile, each widget on a page
// served with `Cache-Control: no-store` (as platforms serve task pages), edited through the real
// mouse and keyboard, then
//   kill       the browser killed by SIGKILL 250 ms after the last edit, started again
//   typing     SIGKILL in the middle of 2.5 s of continuous typing: all but the last 250 ms back
//   navigate   a navigation to another page 100 ms after the last edit, then back to the task
//   close      the tab closed 100 ms after the last edit, the task opened again in a new tab
//   two tabs   tab A edits, tab B edits 1.2 s later, A reloads: both edits there
//   quota      every IndexedDB put fails (QuotaExceededError): the reload restores from localStorage
//   hung       indexedDB.open never answers: ready within 2 s, the draft restored from localStorage
// and counts the edits restored against the edits made. One count per check goes to
// TAGWERK_COUNT_FILE; the figures are printed as a table.
//
//   node scripts/test-drafts.mjs [--runs N] [text image audio]
//
// The waits of 250 and 100 ms are the scenarios (how long before the exit), not synchronisation:
// every other step waits for an event or a selector.
/* global document, window -- the functions given to page.evaluate() run in the page */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { assert, CHROME, CHROME_FLAGS, checkList, PAGE_TIMEOUT_MS, serve, wav } from './check-kit.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const { check, finish, record } = checkList();
const argRuns = process.argv.indexOf('--runs');
const RUNS = argRuns > 0 ? Number(process.argv[argRuns + 1]) : 3;
const ONLY = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--runs');

// ---------------------------------------------------------------------------------------------
// The page: one widget, its task from the query, autosave on; `window.__tagwerk` reports.

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Draft test</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script src="/widgets.js"></script></head>
<body><main id="host"></main>
<script>
const params = new URLSearchParams(location.search);
const kind = params.get('kind');
const tag = { text: 'tagwerk-text-rater', image: 'tagwerk-image-labeler', audio: 'tagwerk-audio-transcriber' }[kind];
const started = performance.now();
window.__tagwerk = { errors: [] };
fetch('/task-' + kind + '.json?run=' + params.get('run')).then((r) => r.json()).then((task) => {
  task.id = params.get('task');
  const el = document.createElement(tag);
  el.addEventListener('tagwerk-ready', () => { window.__tagwerk.readyMs = performance.now() - started; });
  el.addEventListener('tagwerk-error', (e) => window.__tagwerk.errors.push(e.detail));
  el.task = task;
  document.getElementById('host').append(el);
});
</script></body></html>`;

const ENTRY = `import '@tagwerk/text-rater'; import '@tagwerk/image-labeler'; import '@tagwerk/audio-transcriber';`;

/** An SVG image (what a task may point at), 800 × 600. */
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#8a8f99"/><circle cx="400" cy="300" r="120" fill="#c9ccd3"/></svg>`;

const TASKS = {
  text: {
    kind: 'text',
    title: 'Rate the answer',
    record: { prompt: 'Where is my parcel?', text: 'It arrives tomorrow.' },
    questions: [
      ...['helpful', 'correct', 'polite'].map((id) => ({
        id,
        type: 'choice',
        label: `Is it ${id}?`,
        options: [
          { id: 'yes', label: 'Yes' },
          { id: 'no', label: 'No' },
        ],
      })),
      { id: 'why', type: 'text', label: 'Why?' },
    ],
  },
  image: {
    kind: 'image',
    image: { url: '/media/scene.svg', alt: 'A grey test scene' },
    labels: [{ id: 'car', name: 'Car' }],
    tools: ['bbox'],
  },
  audio: {
    kind: 'audio',
    audio: { url: '/media/tone.wav' },
    speakers: [{ id: 'A', name: 'Anna' }],
    prefill: [0, 1, 2, 3].map((i) => ({ id: `s${i}`, start: i * 2 + 0.2, end: i * 2 + 1.6, speaker: 'A', text: '' })),
  },
};
const TAG = { text: 'tagwerk-text-rater', image: 'tagwerk-image-labeler', audio: 'tagwerk-audio-transcriber' };

// ---------------------------------------------------------------------------------------------
// The worker's edits, through the real mouse and keyboard, and what the widget holds

/** How many edits one scenario makes: three answers, three boxes, four segment texts. */
const EDITS = { text: 3, image: 3, audio: 4 };

async function edit(page, kind, index) {
  const tag = TAG[kind];
  if (kind === 'text') {
    const question = TASKS.text.questions[index];
    const labels = await page.$$(`${tag} >>> [data-question="${question.id}"] label`);
    assert(labels.length > 0, `no choices for ${question.id}`);
    await labels[0].click();
  } else if (kind === 'image') {
    const canvas = await page.waitForSelector(`${tag} >>> [part="stage"] canvas`);
    const box = await canvas.boundingBox();
    const x = box.x + 20 + index * (box.width / 4);
    const y = box.y + 20 + index * 15;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 40, y + 30, { steps: 4 });
    await page.mouse.up();
  } else {
    const area = await page.waitForSelector(`${tag} >>> [data-segment="s${index}"] textarea`);
    await area.click();
    await page.keyboard.type(`w${index}`);
  }
  // The edit has reached the widget (its value), not merely the page.
  await page.waitForFunction(
    (k, t, i) => countEdits(k, document.querySelector(t)?.value) > i,
    { timeout: PAGE_TIMEOUT_MS, polling: 20 },
    kind,
    tag,
    index,
  );
}

/** Counts the scenario's edits in a widget's value (the same function runs in the page). */
function countEdits(kind, value) {
  const result = value?.result;
  if (!result) return 0;
  if (kind === 'text')
    return ['helpful', 'correct', 'polite'].filter((id) => result.answers?.[id] !== undefined).length;
  if (kind === 'image') return result.regions?.length ?? 0;
  return (result.segments ?? []).filter((s) => /^w\d$/.test(s.text)).length;
}
const COUNT_SOURCE = `window.countEdits = ${countEdits.toString()};`;

/** Opens the task (a fresh page in `browser`) and waits for tagwerk-ready. */
async function openTask(browser, origin, kind, task, { inject } = {}) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  await page.setViewport({ width: 1100, height: 900 });
  await page.evaluateOnNewDocument(COUNT_SOURCE);
  if (inject) await page.evaluateOnNewDocument(inject);
  await page.goto(`${origin}/task.html?kind=${kind}&task=${encodeURIComponent(task)}&run=${Date.now()}`, {
    waitUntil: 'load',
    timeout: PAGE_TIMEOUT_MS,
  });
  await page
    .waitForFunction(
      () =>
        window.__tagwerk?.readyMs !== undefined ||
        window.__tagwerk?.errors.some((e) => e.code !== 'storage-unavailable'),
      {
        timeout: PAGE_TIMEOUT_MS,
      },
    )
    .catch((error) => {
      throw new Error(`the widget did not get ready: ${error.message}\n${problems.join('\n')}`);
    });
  const errors = await page.evaluate(() => window.__tagwerk.errors.filter((e) => e.code !== 'storage-unavailable'));
  assert(errors.length === 0, `tagwerk-error: ${JSON.stringify(errors)}`);
  return page;
}

/** What the widget on `page` holds now: the edits counted, the typed text, ready time, errors. */
function state(page, kind) {
  return page.evaluate(
    (k, t) => {
      const value = document.querySelector(t)?.value;
      return {
        edits: window.countEdits(k, value),
        why: value?.result?.answers?.why ?? '',
        transcript: value?.result?.segments?.[0]?.text ?? '',
        readyMs: window.__tagwerk.readyMs,
        errors: window.__tagwerk.errors,
      };
    },
    kind,
    TAG[kind],
  );
}

// ---------------------------------------------------------------------------------------------
// Browsers with one persistent profile

function launcher(profile) {
  return () =>
    puppeteer.launch({
      executablePath: CHROME,
      headless: true,
      userDataDir: profile,
      args: [...CHROME_FLAGS, '--disable-features=BackForwardCache'],
    });
}

/** Kills the browser as a crash would: SIGKILL, no chance to write anything. */
async function kill(browser) {
  const child = browser.process();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  browser.disconnect?.();
}

// ---------------------------------------------------------------------------------------------
// Scenarios: each returns { made, restored, note? }

const uid = (label) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const SCENARIOS = {
  async kill(ctx, kind) {
    const task = uid('kill');
    const page = await openTask(ctx.browser, ctx.origin, kind, task);
    for (let i = 0; i < EDITS[kind]; i++) await edit(page, kind, i);
    await delay(250);
    await kill(ctx.browser);
    ctx.browser = await ctx.launch();
    const again = await openTask(ctx.browser, ctx.origin, kind, task);
    const { edits } = await state(again, kind);
    await again.close();
    return { made: EDITS[kind], restored: edits };
  },

  async typing(ctx, kind) {
    const task = uid('typing');
    const page = await openTask(ctx.browser, ctx.origin, kind, task);
    const selector =
      kind === 'text'
        ? `${TAG.text} >>> [data-question="why"] textarea`
        : `${TAG.audio} >>> [data-segment="s0"] textarea`;
    await (await page.waitForSelector(selector)).click();
    // Typing for 2.5 s; what was typed 250 ms before the kill must come back.
    const typedAt = [];
    const start = Date.now();
    let text = '';
    while (Date.now() - start < 2500) {
      const char = String.fromCharCode(97 + (text.length % 26));
      await page.keyboard.type(char);
      text += char;
      typedAt.push(Date.now());
    }
    const killedAt = Date.now();
    await kill(ctx.browser);
    ctx.browser = await ctx.launch();
    const again = await openTask(ctx.browser, ctx.origin, kind, task);
    const { why, transcript } = await state(again, kind);
    await again.close();
    const restored = kind === 'text' ? why : transcript;
    const needed = typedAt.filter((at) => at <= killedAt - 250).length;
    assert(text.startsWith(restored), `restored "${restored}" is not what was typed`);
    return {
      made: needed,
      restored: Math.min(restored.length, needed),
      note: `${restored.length}/${text.length} characters`,
    };
  },

  async navigate(ctx, kind) {
    const task = uid('navigate');
    const page = await openTask(ctx.browser, ctx.origin, kind, task);
    for (let i = 0; i < EDITS[kind]; i++) await edit(page, kind, i);
    await delay(100);
    await page.goto(`${ctx.origin}/elsewhere.html`, { waitUntil: 'load' });
    await page.close();
    const again = await openTask(ctx.browser, ctx.origin, kind, task);
    const { edits } = await state(again, kind);
    await again.close();
    return { made: EDITS[kind], restored: edits };
  },

  async close(ctx, kind) {
    const task = uid('close');
    const page = await openTask(ctx.browser, ctx.origin, kind, task);
    for (let i = 0; i < EDITS[kind]; i++) await edit(page, kind, i);
    await delay(100);
    await page.close({ runBeforeUnload: true });
    const again = await openTask(ctx.browser, ctx.origin, kind, task);
    const { edits } = await state(again, kind);
    await again.close();
    return { made: EDITS[kind], restored: edits };
  },

  async twoTabs(ctx, kind) {
    const task = uid('tabs');
    const a = await openTask(ctx.browser, ctx.origin, kind, task);
    const b = await openTask(ctx.browser, ctx.origin, kind, task);
    await a.bringToFront();
    await edit(a, kind, 0);
    await delay(1200);
    await b.bringToFront();
    // B shows A's edit (the tabs talk): its next edit is the second.
    await b.waitForFunction(
      (k, t) => window.countEdits(k, document.querySelector(t)?.value) >= 1,
      { timeout: PAGE_TIMEOUT_MS },
      kind,
      TAG[kind],
    );
    await edit(b, kind, 1);
    await a.bringToFront();
    await a.reload({ waitUntil: 'load' });
    await a.waitForFunction(() => window.__tagwerk?.readyMs !== undefined, { timeout: PAGE_TIMEOUT_MS });
    const { edits } = await state(a, kind);
    await Promise.all([a.close(), b.close()]);
    return { made: 2, restored: edits };
  },

  async quota(ctx, kind) {
    const task = uid('quota');
    const inject = `IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };`;
    const page = await openTask(ctx.browser, ctx.origin, kind, task, { inject });
    for (let i = 0; i < EDITS[kind]; i++) await edit(page, kind, i);
    await page.waitForFunction(() => window.__tagwerk.errors.length > 0, { timeout: PAGE_TIMEOUT_MS });
    const { errors } = await state(page, kind);
    const lostNotice = await page.$(`${TAG[kind]} >>> .notice.warning`);
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => window.__tagwerk?.readyMs !== undefined, { timeout: PAGE_TIMEOUT_MS });
    const { edits } = await state(page, kind);
    await page.close();
    assert(errors.length === 1 && errors[0].code === 'storage-unavailable', `errors: ${JSON.stringify(errors)}`);
    assert(!errors[0].message.includes('loses'), `the message says work is lost: ${errors[0].message}`);
    assert(lostNotice === null, 'the widget says work is lost while localStorage keeps it');
    return { made: EDITS[kind], restored: edits };
  },

  async hung(ctx, kind) {
    const task = uid('hung');
    // An open request whose events never fire.
    const inject = `indexedDB.open = function () { return { result: undefined, error: null, readyState: 'pending', addEventListener() {}, removeEventListener() {} }; };`;
    const page = await openTask(ctx.browser, ctx.origin, kind, task, { inject });
    for (let i = 0; i < EDITS[kind]; i++) await edit(page, kind, i);
    await delay(250);
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => window.__tagwerk?.readyMs !== undefined, { timeout: PAGE_TIMEOUT_MS });
    const { edits, readyMs } = await state(page, kind);
    await page.close();
    assert(readyMs < 2000, `ready after ${Math.round(readyMs)} ms with a hung IndexedDB`);
    return { made: EDITS[kind], restored: edits, note: `ready in ${Math.round(readyMs)} ms` };
  },
};
const RUNS_OF = { kill: 2, typing: 2, navigate: RUNS, close: RUNS, twoTabs: 1, quota: 1, hung: 1 };
const KINDS_OF = { typing: ['text', 'audio'] };

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'tagwerk-drafts-'));
  const rows = [];
  let server;
  const ctx = { browser: undefined, origin: '', launch: launcher(join(work, 'profile')) };
  try {
    const bundle = await build({
      stdin: { contents: ENTRY, resolveDir: join(ROOT, 'demo'), loader: 'js' },
      bundle: true,
      format: 'iife',
      write: false,
      conditions: ['source'],
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    const routes = new Map([
      ['/task.html', PAGE],
      ['/elsewhere.html', '<!doctype html><html lang="en"><title>Elsewhere</title><p>Another page</p></html>'],
      ['/widgets.js', bundle.outputFiles[0].text],
      ['/media/tone.wav', wav({ seconds: 10, hz: 220, amplitude: 3000 })],
      ['/media/scene.svg', SVG],
      ...Object.entries(TASKS).map(([kind, task]) => [`/task-${kind}.json`, JSON.stringify(task)]),
    ]);
    server = await serve(work, { routes });
    ctx.origin = server.origin;
    await check(`Chromium starts with a persistent profile (${CHROME})`, async () => {
      ctx.browser = await ctx.launch();
    });
    if (!ctx.browser) return;
    const kinds = ONLY.length ? ONLY : ['text', 'image', 'audio'];
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      for (const kind of (KINDS_OF[name] ?? kinds).filter((k) => kinds.includes(k))) {
        let made = 0;
        let restored = 0;
        const notes = [];
        const ok = await check(
          `${name}, ${kind}: every edit restored (${RUNS_OF[name]} run${RUNS_OF[name] > 1 ? 's' : ''})`,
          async () => {
            for (let run = 0; run < RUNS_OF[name]; run++) {
              if (!ctx.browser?.connected) ctx.browser = await ctx.launch();
              const outcome = await scenario(ctx, kind);
              made += outcome.made;
              restored += outcome.restored;
              if (outcome.note) notes.push(outcome.note);
            }
            assert(restored === made, `${restored} of ${made} edits restored`);
          },
        );
        rows.push([name, kind, `${restored}/${made}`, ok ? 'ok' : 'LOST', notes.join('; ')]);
      }
    }
  } catch (error) {
    record('the draft test ran to the end', false, error instanceof Error ? error.stack : String(error));
  } finally {
    await ctx.browser?.close().catch(() => {});
    await server?.close();
    rmSync(work, { recursive: true, force: true });
    if (rows.length) {
      const widths = [10, 6, 10, 5];
      console.log('\n  scenario   widget edits      ok    notes');
      for (const row of rows)
        console.log(`  ${row.map((c, i) => (i < 4 ? String(c).padEnd(widths[i]) : c)).join(' ')}`);
      const made = rows.reduce((sum, r) => sum + Number(r[2].split('/')[1]), 0);
      const back = rows.reduce((sum, r) => sum + Number(r[2].split('/')[0]), 0);
      console.log(`  edits restored / edits made: ${back}/${made}`);
    }
    finish('drafts', started);
  }
}

await main();
