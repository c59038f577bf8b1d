#!/usr/bin/env node
// The fixture apps under fixtures/, each built from the packed tarballs as a host project would:
// every fixture is copied into a fresh folder under the OS temp dir (outside the workspace), the
// tarballs (scripts/pack.mjs) are installed there with npm beside the fixture's own dependencies
// from its package.json, and then:
//   react   tsc --noEmit passes; tsc on type-errors/ fails with exactly the marked errors; vite
//           build; in Chromium the task reaches <tagwerk-text-rater> as a property, the worker
//           clicks an answer and the widget's submit button, the `ontagwerk-submit` handler gets
//           the envelope (the app shows it) and `ref.current.submit()` resolves with it too.
//   vue     the same with vue-tsc, `@tagwerk-submit` and a template ref; plus a development build
//           (Vue's warnings on) that logs no Vue warning, with `isCustomElement` as the fixture's
//           vite.config.ts sets it, and that does warn without it (so the check can fail).
//   html    a plain page, the classic-script bundle (dist/standalone.iife.js) and the widget in a
//           `<form method="post">`: the form posts to a small node:http server, which receives
//           the envelope as the widget's `name` field.
//   svelte  svelte-check, solid tsc: the marked lines fail with exactly those errors, the rest passes.
// Every envelope is also checked by the installed @tagwerk/core (validateAnnotation). No fixed
// waits: each step waits for an event, a selector or a request. One count per check goes to
// TAGWERK_COUNT_FILE as { passed, failed, skipped, fileErrors }.
//
//   node scripts/test-fixtures.mjs [--keep] [react vue …]
//   --keep leaves the temp folder for a look; names run only those fixtures.
/* global document -- the functions given to page.evaluate() run in the page */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import {
  assert,
  assertNoProblems,
  CHROME,
  CHROME_FLAGS,
  checkList,
  openPage,
  PAGE_TIMEOUT_MS,
  serve,
} from './check-kit.mjs';
import { installTarballs, packAll } from './pack.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'fixtures');
const KEEP = process.argv.includes('--keep');
/** Fixture names given on the command line: only those run (all by default). */
const ONLY = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const COMMAND_TIMEOUT_MS = 240_000;
/** The widget every fixture uses, and the answer the worker clicks. */
const TAG = 'tagwerk-text-rater';
const ANSWER = { question: 'tone', label: 'Positive', id: 'pos' };

// ---------------------------------------------------------------------------------------------
// Checks and counts

const { record, check, finish } = checkList();

// ---------------------------------------------------------------------------------------------
// Commands

/** Runs a command; resolves with { code, output } (stdout and stderr together), never rejects. */
function run(command, args, { cwd, env = {} }) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n(killed after ${COMMAND_TIMEOUT_MS / 1000} s)`;
      child.kill('SIGKILL');
    }, COMMAND_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolvePromise({ code: -1, output: `${output}\n${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? -1, output });
    });
  });
}
const bin = (dir, name) => join(dir, 'node_modules', '.bin', name);
const tail = (text, lines = 30) => text.trim().split('\n').slice(-lines).join('\n');

/** A command that must succeed. */
async function succeeds(dir, command, args, env) {
  const { code, output } = await run(command, args, { cwd: dir, env });
  assert(code === 0, `\`${relative(dir, command)} ${args.join(' ')}\` exited ${code}\n${tail(output)}`);
  return output;
}

// ---------------------------------------------------------------------------------------------
// Expected type errors: a line marked `error: TS2322` (in a // or {/* */} or <!-- --> comment)
// must have exactly that diagnostic, and no other line any.

function expectedErrors(dir, files) {
  const expected = new Set();
  for (const file of files) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const [, code] of line.matchAll(/\berror: (TS\d+)\b/g)) expected.add(`${file}:${index + 1} ${code}`);
      });
  }
  return expected;
}
/** tsc / vue-tsc diagnostics (`--pretty false`): "file(line,col): error TS1234: …". */
function tscDiagnostics(output) {
  return new Set(
    [...output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+):/gm)].map(
      ([, file, line, code]) => `${file.replace(/\\/g, '/')}:${line} ${code}`,
    ),
  );
}
/** svelte-check `--output machine-verbose`: one JSON object per problem, lines counted from 0. */
function svelteDiagnostics(output) {
  const found = new Set();
  for (const line of output.split('\n')) {
    const json = line.slice(line.indexOf(' ') + 1);
    if (!json.startsWith('{')) continue;
    const problem = JSON.parse(json);
    const code = typeof problem.code === 'number' ? `TS${problem.code}` : problem.code;
    found.add(`${problem.filename}:${problem.start.line + 1} ${problem.type === 'ERROR' ? code : `warning ${code}`}`);
  }
  return found;
}
function sameDiagnostics(found, expected, output) {
  const missing = [...expected].filter((d) => !found.has(d));
  const unexpected = [...found].filter((d) => !expected.has(d));
  assert(
    missing.length === 0 && unexpected.length === 0,
    [
      missing.length ? `expected but not reported: ${missing.join(', ')}` : '',
      unexpected.length ? `reported but not expected: ${unexpected.join(', ')}` : '',
      tail(output, 20),
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

// ---------------------------------------------------------------------------------------------
// Pages

/** Waits until the widget shows the task's questions, then clicks the answer (a real click). */
async function answer(page) {
  await page.waitForSelector(`${TAG} >>> label.choice`, { timeout: PAGE_TIMEOUT_MS });
  for (const label of await page.$$(`${TAG} >>> label.choice`)) {
    if ((await label.evaluate((node) => node.textContent ?? '')).includes(ANSWER.label)) return label.click();
  }
  throw new Error(`no answer labelled ${ANSWER.label}`);
}

/** The widget's task property as the page holds it, and whether a `task` attribute exists. */
function taskOf(page) {
  return page.evaluate((tag) => {
    const element = document.querySelector(tag);
    return { attribute: element?.getAttribute('task') ?? null, task: element?.task ?? null };
  }, TAG);
}

/** The envelope a page shows in `selector` (JSON text), once it is there. */
async function shown(page, selector) {
  const output = await page.waitForSelector(selector, { timeout: PAGE_TIMEOUT_MS });
  return JSON.parse(await output.evaluate((node) => node.textContent ?? ''));
}

/** The envelope is the submitted answer to `task`, and the installed core accepts it. */
function assertEnvelope(core, envelope, task) {
  assert(envelope && envelope.kind === 'text', `not a text envelope: ${JSON.stringify(envelope)}`);
  assert(envelope.taskId === task.id, `taskId ${envelope.taskId}, not ${task.id}`);
  const given = envelope.result?.answers?.[ANSWER.question];
  assert(given === ANSWER.id, `the answer is ${JSON.stringify(given)}, not "${ANSWER.id}"`);
  assert(typeof envelope.meta?.submittedAt === 'string', 'meta.submittedAt is not set: not a submitted envelope');
  const parsed = core.parseTask(task);
  assert(parsed.ok, `core refuses the task: ${JSON.stringify(parsed.errors)}`);
  const verdict = core.validateAnnotation(envelope, parsed.value);
  assert(verdict.valid, `core refuses the envelope: ${JSON.stringify(verdict.errors)}`);
}

// ---------------------------------------------------------------------------------------------
// The fixtures

/** Renders the fixture app in `dist`: property, worker's submit, ref submit, no console problem. */
async function appChecks(label, { browser, core, dist, submitted, fromRef }) {
  const server = await serve(dist);
  let opened;
  try {
    await check(`${label}: the app loads; <${TAG}> gets its task as a property (no task attribute)`, async () => {
      opened = await openPage(browser, `${server.origin}/`);
      // The framework renders the element and sets its task; the widget then fires tagwerk-ready,
      // which the app's handler shows in #ready.
      await opened.page.waitForFunction((tag) => document.querySelector(tag)?.task, { timeout: PAGE_TIMEOUT_MS }, TAG);
      const { attribute, task } = await taskOf(opened.page);
      assert(task && typeof task === 'object' && task.kind === 'text', `the task property is ${JSON.stringify(task)}`);
      assert(attribute === null, `a task attribute was set: ${attribute}`);
      await opened.page.waitForFunction(
        (id) => document.querySelector('#ready')?.textContent === id,
        {
          timeout: PAGE_TIMEOUT_MS,
        },
        task.id,
      );
    });
    if (!opened) return;
    const { page } = opened;
    const { task } = await taskOf(page);
    await check(`${label}: the worker clicks an answer and submit; ${submitted} gets the envelope`, async () => {
      await answer(page);
      await page.click(`${TAG} >>> [part="submit-button"]`);
      assertEnvelope(core, await shown(page, '#submitted'), task);
    });
    await check(`${label}: ${fromRef} resolves with the envelope`, async () => {
      await page.click('#submit-through-ref');
      assertEnvelope(core, await shown(page, '#from-ref'), task);
    });
    await check(`${label}: no console error or warning, page error or failed request`, () =>
      assertNoProblems(opened, server, 0),
    );
  } finally {
    await opened?.page.close();
    await server.close();
  }
}

async function reactFixture(dir, ctx) {
  const typechecked = await check('react: tsc --noEmit (strict, skipLibCheck off) passes', () =>
    succeeds(dir, bin(dir, 'tsc'), ['--noEmit', '-p', 'tsconfig.json', '--pretty', 'false']),
  );
  await check('react: tsc on type-errors/ fails with exactly the marked errors (the types are not `any`)', async () => {
    const { code, output } = await run(
      bin(dir, 'tsc'),
      ['--noEmit', '-p', 'tsconfig.errors.json', '--pretty', 'false'],
      {
        cwd: dir,
      },
    );
    assert(code !== 0, 'tsc passed on type-errors/');
    sameDiagnostics(tscDiagnostics(output), expectedErrors(dir, ['type-errors/mistakes.tsx']), output);
  });
  const built = await check('react: vite build', () => succeeds(dir, bin(dir, 'vite'), ['build']));
  if (!built || !typechecked) return;
  await appChecks('react, in Chromium', {
    ...ctx,
    dist: join(dir, 'dist'),
    submitted: 'the ontagwerk-submit handler',
    fromRef: 'ref.current.submit()',
  });
}

async function vueFixture(dir, ctx) {
  const typechecked = await check('vue: vue-tsc --noEmit (strict, skipLibCheck off) passes', () =>
    succeeds(dir, bin(dir, 'vue-tsc'), ['--noEmit', '-p', 'tsconfig.json', '--pretty', 'false']),
  );
  await check(
    'vue: vue-tsc on type-errors/ fails with exactly the marked errors (the types are not `any`)',
    async () => {
      const { code, output } = await run(
        bin(dir, 'vue-tsc'),
        ['--noEmit', '-p', 'tsconfig.errors.json', '--pretty', 'false'],
        { cwd: dir },
      );
      assert(code !== 0, 'vue-tsc passed on type-errors/');
      sameDiagnostics(tscDiagnostics(output), expectedErrors(dir, ['type-errors/Mistakes.vue']), output);
    },
  );
  const built = await check('vue: vite build', () => succeeds(dir, bin(dir, 'vite'), ['build']));
  if (built && typechecked)
    await appChecks('vue, in Chromium', {
      ...ctx,
      dist: join(dir, 'dist'),
      submitted: 'the @tagwerk-submit handler',
      fromRef: 'the template ref’s submit()',
    });

  // Vue warns in development builds only. The same app built for development, with the
  // fixture's vite.config.ts and with one that leaves out isCustomElement (the control).
  const vueWarnings = (messages) => messages.filter((m) => m.text.includes('[Vue warn]')).map((m) => m.text);
  const devBuild = async (outDir, configFile) => {
    const args = ['build', '--outDir', outDir, '--emptyOutDir'];
    if (configFile) args.push('--config', configFile);
    await succeeds(dir, bin(dir, 'vite'), args, { NODE_ENV: 'development' });
    const server = await serve(join(dir, outDir));
    const opened = await openPage(ctx.browser, `${server.origin}/`);
    try {
      await answer(opened.page); // rendered, and re-rendered after the edit
      await opened.page.click(`${TAG} >>> [part="submit-button"]`);
      await opened.page.waitForSelector('#submitted', { timeout: PAGE_TIMEOUT_MS });
      return { warnings: vueWarnings(opened.messages), problems: opened.problems };
    } finally {
      await opened.page.close();
      await server.close();
    }
  };
  await check('vue, development build in Chromium: no Vue warning with isCustomElement (vite.config.ts)', async () => {
    const { warnings, problems } = await devBuild('dist-dev');
    assert(warnings.length === 0 && problems.length === 0, [...warnings, ...problems].join('\n'));
  });
  await check('vue, development build without isCustomElement: Vue warns (the check above can fail)', async () => {
    writeFileSync(
      join(dir, 'vite.no-custom-element.config.ts'),
      "import vue from '@vitejs/plugin-vue';\nimport { defineConfig } from 'vite';\n\nexport default defineConfig({ plugins: [vue()] });\n",
    );
    const { warnings } = await devBuild('dist-control', 'vite.no-custom-element.config.ts');
    assert(
      warnings.some((w) => w.includes(`Failed to resolve component: ${TAG}`)),
      `no "Failed to resolve component" warning: ${JSON.stringify(warnings)}`,
    );
  });
}

async function htmlFixture(dir, { browser, core }) {
  let post;
  const received = new Promise((resolvePromise) => (post = resolvePromise));
  const server = await serve(dir, { onPost: (path, type, body) => post({ path, type, body }) });
  let opened;
  try {
    await check('html, in Chromium: the classic-script bundle defines the widget, which shows the task', async () => {
      opened = await openPage(browser, `${server.origin}/index.html`);
      const classic = await opened.page.evaluate(() =>
        [...document.scripts].map((script) => ({ src: script.getAttribute('src'), type: script.type })),
      );
      assert(
        classic.some((s) => s.src?.endsWith('/dist/standalone.iife.js') && s.type === ''),
        `no classic standalone.iife.js script: ${JSON.stringify(classic)}`,
      );
      await opened.page.waitForSelector(`${TAG} >>> label.choice`, { timeout: PAGE_TIMEOUT_MS });
    });
    if (!opened) return;
    const { page } = opened;
    const { task, attribute } = await taskOf(page);
    await check('html: the worker answers and submits; the form POSTs the envelope as the `name` field', async () => {
      assert(attribute && task, 'the task attribute was not parsed');
      await answer(page);
      const navigated = page.waitForNavigation({ timeout: PAGE_TIMEOUT_MS });
      await page.click(`${TAG} >>> [part="submit-button"]`);
      const request = await received;
      await navigated;
      assert(request.path === '/submit', `posted to ${request.path}`);
      assert(
        request.type.startsWith('application/x-www-form-urlencoded'),
        `posted as ${request.type}, not a form encoding`,
      );
      const fields = new URLSearchParams(request.body);
      assert([...fields.keys()].join() === 'annotation', `fields posted: ${[...fields.keys()].join(', ')}`);
      assertEnvelope(core, JSON.parse(fields.get('annotation') ?? 'null'), task);
      assert((await page.$('#received')) !== null, 'the browser did not show the server’s answer');
    });
    await check('html: no console error or warning, page error or failed request', () =>
      assertNoProblems(opened, server, 0),
    );
  } finally {
    await opened?.page.close();
    await server.close();
  }
}

async function svelteFixture(dir) {
  await check('svelte: svelte-check fails with exactly the marked errors, nothing else', async () => {
    const { output } = await run(
      bin(dir, 'svelte-check'),
      ['--tsconfig', './tsconfig.json', '--output', 'machine-verbose'],
      { cwd: dir },
    );
    assert(/COMPLETED/.test(output), `svelte-check did not finish\n${tail(output)}`);
    sameDiagnostics(svelteDiagnostics(output), expectedErrors(dir, ['src/Rater.svelte']), output);
  });
}

async function solidFixture(dir) {
  await check('solid: tsc fails with exactly the marked errors, nothing else', async () => {
    const { output } = await run(bin(dir, 'tsc'), ['--noEmit', '-p', 'tsconfig.json', '--pretty', 'false'], {
      cwd: dir,
    });
    sameDiagnostics(tscDiagnostics(output), expectedErrors(dir, ['src/Rater.tsx']), output);
  });
}

const FIXTURE_RUNS = {
  react: reactFixture,
  vue: vueFixture,
  html: htmlFixture,
  svelte: svelteFixture,
  solid: solidFixture,
};

/** The fixture's npm dependencies (dependencies and devDependencies of its package.json). */
function fixtureDependencies(name) {
  const file = join(FIXTURES, name, 'package.json');
  if (!existsSync(file)) return {};
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  return { ...pkg.dependencies, ...pkg.devDependencies };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
  const work = mkdtempSync(join(tmpdir(), 'tagwerk-fixtures-'));
  let browser;
  try {
    const names = readdirSync(FIXTURES).filter(
      (name) => name in FIXTURE_RUNS && (ONLY.length === 0 || ONLY.includes(name)),
    );
    const unknown = readdirSync(FIXTURES).filter(
      (name) => !(name in FIXTURE_RUNS) && statSync(join(FIXTURES, name)).isDirectory(),
    );
    await check('every folder under fixtures/ has a run here', () =>
      assert(unknown.length === 0, `not run: ${unknown.join(', ')}`),
    );

    console.log('  packing the packages (each prepack builds its package) …');
    let tarballs;
    await check('pnpm pack of every package (scripts/pack.mjs)', async () => {
      tarballs = await packAll(join(work, 'packs'));
    });
    if (!tarballs) return;
    console.log(`  packed (${seconds()}); installing the fixtures with npm …`);

    // The installs wait on the network more than on the CPU: all at once.
    const dirs = {};
    const installed = await Promise.all(
      names.map(async (name) => {
        const dir = join(work, name);
        cpSync(join(FIXTURES, name), dir, { recursive: true });
        const deps = fixtureDependencies(name);
        const ok = await check(
          `${name}: npm install of the tarballs${Object.keys(deps).length ? ` + ${Object.keys(deps).join(', ')}` : ''} outside the workspace`,
          async () => {
            assert(relative(ROOT, dir).startsWith('..'), `${dir} is inside the workspace`);
            await installTarballs(dir, tarballs, deps);
            assert(existsSync(join(dir, 'node_modules', '@tagwerk', 'text-rater', 'package.json')), 'not installed');
          },
        );
        if (ok) dirs[name] = dir;
        return ok;
      }),
    );
    console.log(`  installed (${seconds()})`);
    if (!installed.some(Boolean)) return;

    const anyDir = Object.values(dirs)[0];
    const core = await import(pathToFileURL(join(anyDir, 'node_modules', '@tagwerk', 'core', 'dist', 'index.js')).href);
    const needsBrowser = ['react', 'vue', 'html'].some((name) => dirs[name]);
    if (needsBrowser)
      await check(`Chromium starts (${CHROME})`, async () => {
        browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: CHROME_FLAGS });
      });
    for (const name of names) {
      if (!dirs[name]) continue;
      if (['react', 'vue', 'html'].includes(name) && !browser) continue;
      await FIXTURE_RUNS[name](dirs[name], { browser, core });
      console.log(`  ${name} done (${seconds()})`);
    }
  } catch (error) {
    // Anything outside a check (a bug of this script) still fails the run.
    record('the fixture test ran to the end', false, error instanceof Error ? error.stack : String(error));
  } finally {
    await browser?.close().catch(() => {});
    if (KEEP) console.log(`  kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
    finish('fixtures', started);
  }
}

await main();
