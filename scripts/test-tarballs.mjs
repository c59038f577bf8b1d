#!/usr/bin/env node
// The packages as a platform gets them. `pnpm pack` of every publishable package (scripts/pack.mjs;
// each prepack builds its package), then:
//   1. each tarball, file by file: README, LICENSE, built dist, every `exports` target present;
//      repository, engines, no `workspace:` range left; no tests, no test-only element, no
//      standalone source map (and no bundle pointing at one);
//   2. an npm install of the tarballs into an empty folder under the OS temp dir (outside the
//      workspace), and from there, in Node: parseTask / validateAnnotation through `import` and
//      through `require()` (CommonJS, Node's require(esm)), and the installed JSON Schemas compiled
//      by Ajv 2020 in its default strict mode;
//   3. from there, in Chromium: the three widgets, bundled by esbuild from the installed packages
//      and, on a second page, the installed standalone classic scripts, each given a small task:
//      each fires `tagwerk-ready`, submits an envelope the installed core accepts, and the page has
//      no error, console error or failed request.
// Prints the tarball sizes. One count per check goes to TAGWERK_COUNT_FILE as
// { passed, failed, skipped, fileErrors }. Nothing from earlier runs is reused: everything happens
// in a fresh temp folder, removed at the end.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync, gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
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
  wav,
} from './check-kit.mjs';
import { installTarballs, packAll, PUBLISHED } from './pack.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const WIDGETS = {
  '@tagwerk/text-rater': 'tagwerk-text-rater',
  '@tagwerk/image-labeler': 'tagwerk-image-labeler',
  '@tagwerk/audio-transcriber': 'tagwerk-audio-transcriber',
};
const { record, check, finish } = checkList();

// ---------------------------------------------------------------------------------------------
// Tarballs

/** The entries of a .tgz: [{ path (without the leading `package/`), size, data }]. */
export function readTarball(file) {
  const tar = gunzipSync(readFileSync(file));
  const entries = [];
  let longPath = null;
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (from, to) => header.toString('utf8', from, to).replace(/\0.*$/s, '');
    const size = parseInt(text(124, 136).trim() || '0', 8);
    const type = text(156, 157) || '0';
    const data = tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      // pax extended header: `<len> path=<value>\n` records for the next entry
      const found = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      longPath = found ? found[1] : null;
      continue;
    }
    if (type === 'g') continue;
    const prefix = text(345, 500);
    const path = longPath ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100));
    longPath = null;
    if (type === '0' || type === '\0') entries.push({ path: path.replace(/^package\//, ''), size, data });
  }
  return entries;
}

/** Every file path an `exports` map (any condition) or `customElements` field points at. */
function exportTargets(manifest) {
  const targets = [];
  const walk = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  if (typeof manifest.customElements === 'string') targets.push(manifest.customElements);
  return targets.filter((t) => !t.includes('*')).map((t) => t.replace(/^\.\//, ''));
}

// A test file, a test folder, a test-only module (test-widget.ts and its compiled output), a
// source map of a standalone bundle.
const FORBIDDEN = [
  [/(^|\/)test\//, 'a test folder'],
  [/\.(test|spec)\.[cm]?[jt]sx?$|\.(test|spec)\.d\.[cm]?ts(\.map)?$|\.(test|spec)\.[cm]?js\.map$/, 'a test file'],
  [/(^|\/)test-[^/]*$/, 'a test-only module'],
  [/(^|\/)standalone[^/]*\.map$/, 'a standalone source map'],
];

export function checkTarball(name, dir, file) {
  const entries = readTarball(file);
  const paths = new Set(entries.map((e) => e.path));
  const manifest = JSON.parse(entries.find((e) => e.path === 'package.json').data.toString('utf8'));
  const workspace = JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8'));
  const isWidget = name in WIDGETS;

  return [
    [
      `${name}: README.md, an MIT LICENSE and a built dist (index.js, index.d.ts)`,
      () => {
        for (const needed of ['README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts'])
          assert(paths.has(needed), `missing ${needed}`);
        const license = entries.find((e) => e.path === 'LICENSE').data.toString('utf8');
        assert(/^MIT License/.test(license) && license.includes('The Tagwerk authors'), 'LICENSE is not the MIT text');
        assert(manifest.license === 'MIT', `license field is ${manifest.license}`);
      },
    ],
    [
      `${name}: every exports target is in the tarball`,
      () => {
        const missing = exportTargets(manifest).filter((target) => !paths.has(target));
        assert(missing.length === 0, `exports point at files the tarball lacks: ${missing.join(', ')}`);
      },
    ],
    [
      `${name}: repository, engines, homepage, bugs, keywords; no workspace: range left`,
      () => {
        assert(manifest.repository?.type === 'git', 'no git repository');
        assert(manifest.repository?.url === 'git+https://github.com/tagwerk/tagwerk.git', 'wrong repository url');
        assert(manifest.repository?.directory === `packages/${dir}`, 'wrong repository directory');
        assert(manifest.engines?.node === '>=20.19', `engines.node is ${manifest.engines?.node}`);
        assert(manifest.homepage && manifest.bugs?.url && manifest.keywords?.length, 'no homepage, bugs or keywords');
        assert(!JSON.stringify(manifest).includes('workspace:'), 'a workspace: range was left in');
        for (const [dep, range] of Object.entries(workspace.dependencies ?? {})) {
          if (!String(range).startsWith('workspace:')) continue;
          const version = JSON.parse(
            readFileSync(join(ROOT, 'packages', dep.replace('@tagwerk/', ''), 'package.json'), 'utf8'),
          ).version;
          assert(manifest.dependencies?.[dep] === version, `${dep} is ${manifest.dependencies?.[dep]}, not ${version}`);
        }
      },
    ],
    [
      `${name}: no tests, no test-only element, no standalone source map`,
      () => {
        const bad = [];
        for (const path of paths)
          for (const [pattern, what] of FORBIDDEN) if (pattern.test(path)) bad.push(`${path} (${what})`);
        for (const entry of entries)
          if (entry.data.includes('tagwerk-test-widget')) bad.push(`${entry.path} mentions tagwerk-test-widget`);
        assert(bad.length === 0, `in the tarball: ${bad.join(', ')}`);
      },
    ],
    ...(isWidget
      ? [
          [
            `${name}: standalone bundles, their licenses, custom-elements.json; no dangling sourceMappingURL`,
            () => {
              for (const needed of [
                'dist/standalone.js',
                'dist/standalone.iife.js',
                'dist/standalone.licenses.txt',
                'custom-elements.json',
              ])
                assert(paths.has(needed), `missing ${needed}`);
              for (const entry of entries) {
                if (!entry.path.endsWith('.js')) continue;
                const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(entry.data.toString('utf8'))?.[1];
                if (url && !url.startsWith('data:')) {
                  const map = join(entry.path, '..', url).split(sep).join('/');
                  assert(paths.has(map), `${entry.path} points at ${map}, which is not in the tarball`);
                }
              }
            },
          ],
        ]
      : []),
  ].map(([label, fn]) => ({ label, fn }));
}

function sizeTable(tarballs) {
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  const rows = Object.entries(tarballs).map(([name, file]) => {
    const entries = readTarball(file);
    return [name, kB(statSync(file).size), kB(entries.reduce((sum, e) => sum + e.size, 0)), String(entries.length)];
  });
  const head = ['package', 'packed', 'unpacked', 'files'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Media and tasks for the browser pages

/** A grey PNG, written by hand (8-bit greyscale, one zlib stream). */
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0xc0);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function tasksFor(origin) {
  return {
    'tagwerk-text-rater': {
      id: 'tarball-text',
      kind: 'text',
      record: { text: 'The parcel arrived on time.' },
      questions: [
        { id: 'quality', type: 'rating', label: 'How helpful is it?', scale: { min: 1, max: 5 } },
        {
          id: 'tone',
          type: 'choice',
          label: 'Tone',
          options: [
            { id: 'pos', label: 'Positive' },
            { id: 'neg', label: 'Negative' },
          ],
        },
      ],
    },
    'tagwerk-image-labeler': {
      id: 'tarball-image',
      kind: 'image',
      image: { url: `${origin}/media/grey.png`, alt: 'A grey test image' },
      labels: [{ id: 'car', name: 'Car' }],
      tools: ['bbox'],
    },
    'tagwerk-audio-transcriber': {
      id: 'tarball-audio',
      kind: 'audio',
      audio: { url: `${origin}/media/tone.wav` },
      speakers: [{ id: 'A', name: 'Anna' }],
      prefill: [{ id: 'p1', start: 0.1, end: 0.6, speaker: 'A', text: 'hello' }],
    },
  };
}

// The pages' script, plain JavaScript, run after the elements' definitions are loaded: mounts each
// widget with its task, waits for tagwerk-ready (tagwerk-error fails it), submits, reports.
const MOUNT_SCRIPT = `
const tasks = await (await fetch('/tasks.json')).json();
async function mount(tag, task) {
  await customElements.whenDefined(tag);
  const el = document.createElement(tag);
  el.autosave = 'off';
  el.task = task;
  const ready = new Promise((resolve, reject) => {
    el.addEventListener('tagwerk-ready', (e) => resolve(e.detail), { once: true });
    el.addEventListener('tagwerk-error', (e) => reject(new Error(e.detail.code + ': ' + e.detail.message)), { once: true });
  });
  document.body.append(el);
  const detail = await ready;
  const annotation = await el.submit();
  return { ready: detail && detail.taskId, annotation };
}
const results = {};
for (const [tag, task] of Object.entries(tasks)) {
  try {
    results[tag] = await mount(tag, task);
  } catch (error) {
    results[tag] = { error: String(error && error.message || error) };
  }
}
window.__tagwerkResults = results;
`;

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'tagwerk-tarballs-'));
  let browser;
  let server;
  try {
    // --- pack ---------------------------------------------------------------------------------
    console.log(`  packing ${PUBLISHED.length} packages (each prepack builds its package) …`);
    let tarballs;
    await check('pnpm pack of every package (prepack builds it)', async () => {
      tarballs = await packAll(join(work, 'packs'));
      assert(Object.keys(tarballs).length === PUBLISHED.length, `${Object.keys(tarballs).length} tarballs`);
    });
    if (!tarballs) return;
    console.log(`\n${sizeTable(tarballs)}\n`);

    // --- 1. the files of each tarball ------------------------------------------------------------
    const dirs = Object.fromEntries(
      PUBLISHED.map((dir) => [JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8')).name, dir]),
    );
    for (const [name, file] of Object.entries(tarballs))
      for (const { label, fn } of checkTarball(name, dirs[name], file)) await check(label, fn);

    // --- 2. npm install outside the workspace, then Node ----------------------------------------
    const app = join(work, 'app');
    const rootManifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    let installed = false;
    await check('npm install of the tarballs into an empty folder outside the workspace', async () => {
      assert(relative(ROOT, app).startsWith('..'), `${app} is inside the workspace`);
      await installTarballs(app, tarballs, { ajv: rootManifest.devDependencies.ajv });
      for (const name of Object.keys(tarballs)) {
        const at = join(app, 'node_modules', name, 'package.json');
        assert(existsSync(at), `${name} is not installed`);
      }
      installed = true;
    });
    if (!installed) return;
    await check('the install holds one copy of each Tagwerk package and of Lit (one element registry)', () => {
      const single = new Set([...Object.keys(tarballs), 'lit', 'lit-html', 'lit-element', '@lit/reactive-element']);
      const copies = [];
      const walk = (modules, depth) => {
        if (!existsSync(modules)) return;
        for (const entry of readdirSync(modules)) {
          const names = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`) : [entry];
          for (const name of names) {
            if (depth > 0 && single.has(name)) copies.push(relative(app, join(modules, name)));
            walk(join(modules, name, 'node_modules'), depth + 1);
          }
        }
      };
      walk(join(app, 'node_modules'), 0);
      assert(copies.length === 0, `nested copies: ${copies.join(', ')}`);
    });

    const textTask = tasksFor('http://127.0.0.1')['tagwerk-text-rater'];
    const envelope = {
      schemaVersion: 1,
      kind: 'text',
      taskId: textTask.id,
      result: { answers: { quality: 4, tone: 'pos' } },
      meta: {
        startedAt: '2026-12-02T10:00:00.000Z',
        submittedAt: '2026-12-02T10:01:00.000Z',
        activeMs: 1000,
        idleMs: 0,
        edits: 2,
        undos: 0,
        locale: 'en',
        widget: '@tagwerk/text-rater@0.1.0',
      },
    };
    const wrong = { ...envelope, result: { answers: { quality: 4, tone: 'sideways' } } };
    const fixture = { task: textTask, envelope, wrong };
    writeFileSync(join(app, 'fixture.json'), JSON.stringify(fixture));
    // The same checks through import (ESM) and require (CommonJS); each prints one JSON line.
    const validation = (load) => `
      ${load}
      const fixture = JSON.parse(require('node:fs').readFileSync('fixture.json', 'utf8'));
      const parsed = core.parseTask(fixture.task);
      const ok = parsed.ok ? core.validateAnnotation(fixture.envelope, parsed.value) : null;
      const bad = parsed.ok ? core.validateAnnotation(fixture.wrong, parsed.value) : null;
      console.log(JSON.stringify({
        parsed: parsed.ok, errors: parsed.ok ? [] : parsed.errors,
        valid: ok && ok.valid, validErrors: ok && ok.errors,
        wrongValid: bad && bad.valid, wrongCodes: bad ? bad.errors.map((e) => e.code) : [],
      }));`;
    writeFileSync(
      join(app, 'validate.mjs'),
      validation(
        "import * as core from '@tagwerk/core'; import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      ),
    );
    writeFileSync(join(app, 'validate.cjs'), validation("'use strict'; const core = require('@tagwerk/core');"));
    for (const [file, how] of [
      ['validate.mjs', 'import'],
      ['validate.cjs', 'require() from CommonJS (require(esm))'],
    ]) {
      await check(
        `Node ${process.versions.node}, @tagwerk/core by ${how}: a valid envelope passes, a wrong answer is refused`,
        () => {
          const run = spawnSync(process.execPath, [file], { cwd: app, encoding: 'utf8' });
          assert(run.status === 0, `exit ${run.status}\n${run.stderr}`);
          const report = JSON.parse(run.stdout.trim().split('\n').pop());
          assert(report.parsed, `the task was refused: ${JSON.stringify(report.errors)}`);
          assert(report.valid === true, `the valid envelope was refused: ${JSON.stringify(report.validErrors)}`);
          assert(report.wrongValid === false && report.wrongCodes.length > 0, 'the wrong answer was accepted');
          if (run.stderr.trim()) console.log(`      (stderr: ${run.stderr.trim().split('\n')[0]})`);
        },
      );
    }
    await check('require() from CommonJS also loads @tagwerk/platforms and @tagwerk/ui', () => {
      const script =
        "for (const name of ['@tagwerk/platforms', '@tagwerk/ui']) console.log(name, Object.keys(require(name)).length);";
      const run = spawnSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' });
      assert(run.status === 0, `exit ${run.status}\n${run.stderr.split('\n').slice(0, 8).join('\n')}`);
      const empty = run.stdout
        .trim()
        .split('\n')
        .filter((line) => / 0$/.test(line));
      assert(empty.length === 0, `no exports: ${empty.join(', ')}`);
    });
    await check(
      "the installed schemas (schema/*.json) compile in Ajv 2020's default strict mode and judge as core does",
      () => {
        const script = `
        import { readdirSync, readFileSync } from 'node:fs';
        import Ajv2020 from 'ajv/dist/2020.js';
        const dir = new URL('./node_modules/@tagwerk/core/schema/', import.meta.url);
        const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
        const ajv = new Ajv2020.default();
        const validators = Object.fromEntries(names.map((n) => [n, ajv.compile(JSON.parse(readFileSync(new URL(n, dir), 'utf8')))]));
        const fixture = JSON.parse(readFileSync('fixture.json', 'utf8'));
        console.log(JSON.stringify({
          names,
          task: validators['task.json'](fixture.task),
          notTask: validators['task.json']({ ...fixture.task, kind: 'smell' }),
          envelope: validators['annotation.json'](fixture.envelope),
          notEnvelope: validators['annotation.json']({ ...fixture.envelope, schemaVersion: 'one' }),
        }));`;
        writeFileSync(join(app, 'schemas.mjs'), script);
        const run = spawnSync(process.execPath, ['schemas.mjs'], { cwd: app, encoding: 'utf8' });
        assert(run.status === 0, `exit ${run.status}\n${run.stderr}`);
        const report = JSON.parse(run.stdout.trim().split('\n').pop());
        assert(
          report.names.includes('task.json') && report.names.includes('annotation.json'),
          `schemas: ${report.names}`,
        );
        assert(report.task && report.envelope, `a valid document was refused: ${JSON.stringify(report)}`);
        assert(!report.notTask && !report.notEnvelope, `an invalid document was accepted: ${JSON.stringify(report)}`);
      },
    );

    // --- 3. Chromium ------------------------------------------------------------------------------
    const www = join(app, 'www');
    mkdirSync(www);
    const entry = join(www, 'entry.js');
    writeFileSync(
      entry,
      Object.keys(WIDGETS)
        .map((name) => `import '${name}';`)
        .join('\n') + `\n${MOUNT_SCRIPT}`,
    );
    let bundled = false;
    await check('esbuild bundles the three widgets from the installed packages (main entries)', async () => {
      await build({
        entryPoints: [entry],
        absWorkingDir: app,
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        outfile: join(www, 'bundle.js'),
        logLevel: 'silent',
        minify: true,
      });
      bundled = true;
    });
    const pages = new Map();
    if (bundled)
      pages.set('/bundle.html', ['bundled by esbuild', '<script type="module" src="/www/bundle.js"></script>']);
    pages.set('/standalone.html', [
      'standalone classic scripts',
      [
        ...Object.keys(WIDGETS).map((name) => `<script src="/node_modules/${name}/dist/standalone.iife.js"></script>`),
        '<script type="module" src="/mount.js"></script>',
      ].join('\n'),
    ]);
    const routes = new Map([
      ['/media/grey.png', png(64, 48)],
      ['/media/tone.wav', wav()],
      ['/mount.js', MOUNT_SCRIPT],
    ]);
    for (const [path, [title, scripts]] of pages)
      routes.set(
        path,
        `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title>\n${scripts}\n</head><body></body></html>\n`,
      );
    server = await serve(app, { routes });
    const tasks = tasksFor(server.origin);
    routes.set('/tasks.json', JSON.stringify(tasks));
    const core = await import(pathToFileURL(join(app, 'node_modules', '@tagwerk', 'core', 'dist', 'index.js')).href);

    let launched = false;
    await check(`Chromium starts (${CHROME})`, async () => {
      browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: CHROME_FLAGS });
      launched = true;
    });
    for (const [path, [title]] of launched ? pages : []) {
      let results;
      const failuresBefore = server.failures.length;
      let opened;
      try {
        opened = await openPage(browser, server.origin + path);
        await opened.page.waitForFunction(() => globalThis.__tagwerkResults !== undefined, {
          timeout: PAGE_TIMEOUT_MS,
        });
        results = await opened.page.evaluate(() => globalThis.__tagwerkResults);
      } catch (error) {
        opened ??= { messages: [], problems: [] };
        opened.problems.push(`the page did not finish: ${error instanceof Error ? error.message : error}`);
      }
      for (const tag of Object.values(WIDGETS)) {
        await check(`Chromium, ${title}: <${tag}> fires tagwerk-ready and submits an envelope core accepts`, () => {
          const result = results?.[tag];
          assert(result, 'no result from the page');
          assert(!result.error, result.error);
          assert(result.ready === tasks[tag].id, `tagwerk-ready said ${result.ready}`);
          const parsed = core.parseTask(tasks[tag]);
          assert(parsed.ok, `the task was refused by core: ${JSON.stringify(parsed.errors)}`);
          const verdict = core.validateAnnotation(result.annotation, parsed.value);
          assert(verdict.valid, `the envelope was refused by core: ${JSON.stringify(verdict.errors)}`);
        });
      }
      await check(`Chromium, ${title}: no page error, console error or failed request`, () =>
        assertNoProblems(opened, server, failuresBefore, (m) => m.type === 'error'),
      );
      await opened.page?.close();
    }
  } catch (error) {
    // Anything not inside a check (a bug of this script) still fails the run.
    record('the tarball test ran to the end', false, error instanceof Error ? error.stack : String(error));
  } finally {
    await browser?.close().catch(() => {});
    await server?.close();
    rmSync(work, { recursive: true, force: true });
    finish('tarballs', started);
  }
}

// Run as a script (npm test's step); importing it only gives the tarball readers and checks.
if (process.argv[1] && resolve(process.argv[1]) === new URL(import.meta.url).pathname) await main();
