#!/usr/bin/env node
// The packages as a platform would install them: `pnpm pack` of every package (its prepack
// builds it; dependencies first, as each build reads the built types of the ones before), checked file by file, installed with npm into an empty folder outside the
// workspace, then used from there: validation in Node (import and require), and the published
// schemas compiled by Ajv in its default strict mode. Prints the tarball sizes.
// Counts go to TAGWERK_COUNT_FILE as { passed, failed, skipped, fileErrors }.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
export const PACKAGES = ['core', 'platforms', 'ui', 'text-rater', 'image-labeler', 'audio-transcriber'];
const WIDGETS = new Set(['text-rater', 'image-labeler', 'audio-transcriber']);

/** Packs every package into `dest`: { '@tagwerk/<name>': tarball path }. */
export function packAll(dest) {
  const tarballs = {};
  for (const name of PACKAGES) {
    const out = execFileSync(process.env.TAGWERK_PNPM ?? 'pnpm', ['pack', '--pack-destination', dest], {
      cwd: join(ROOT, 'packages', name),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const file = out.trim().split('\n').pop().trim();
    tarballs[`@tagwerk/${name}`] = file.startsWith('/') ? file : join(dest, file);
  }
  return tarballs;
}

/** Installs the tarballs (and `extra` registry dependencies) with npm into `dir`. */
export function installTarballs(dir, tarballs, extra = {}) {
  const dependencies = { ...extra };
  for (const [name, file] of Object.entries(tarballs)) dependencies[name] = `file:${file}`;
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'tarball-check', private: true, type: 'module', dependencies }),
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
}

function main() {
  const results = [];
  const check = (name, fn) => {
    try {
      fn();
      results.push({ name, ok: true });
      console.log(`  ✓ ${name}`);
    } catch (error) {
      results.push({ name, ok: false });
      console.log(
        `  ✗ ${name}\n      ${String(error?.message ?? error)
          .split('\n')
          .join('\n      ')}`,
      );
    }
  };
  const work = mkdtempSync(join(tmpdir(), 'tagwerk-tarballs-'));
  try {
    const tarballs = packAll(join(work, 'packs'));
    console.log('\n  tarball                              packed     unpacked  files');
    for (const [name, file] of Object.entries(tarballs)) {
      const list = execFileSync('tar', ['-tzvf', file], { encoding: 'utf8' }).trim().split('\n');
      const unpacked = list.reduce((sum, line) => sum + Number(line.split(/\s+/)[2] ?? 0), 0);
      console.log(
        `  ${name.padEnd(34)} ${(statSync(file).size / 1024).toFixed(0).padStart(6)} kB ${(unpacked / 1024).toFixed(0).padStart(8)} kB  ${list.length}`,
      );
    }
    console.log('');
    for (const [name, file] of Object.entries(tarballs)) {
      const files = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n');
      const manifest = JSON.parse(execFileSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' }));
      check(`${name}: README, LICENSE, built dist; repository and engines`, () => {
        for (const needed of [
          'package/README.md',
          'package/LICENSE',
          'package/dist/index.js',
          'package/dist/index.d.ts',
        ])
          if (!files.includes(needed)) throw new Error(`missing ${needed}`);
        if (!manifest.repository?.url || !manifest.engines?.node) throw new Error('no repository or engines');
        if (JSON.stringify(manifest).includes('workspace:')) throw new Error('a workspace: dependency was left in');
      });
      check(`${name}: no tests, no test-only elements, no standalone source maps`, () => {
        const bad = files.filter((f) =>
          /\.test\.ts$|\/test\/|test-widget|(^|\/)test-[^/]*\.ts$|standalone[^/]*\.map$/.test(f),
        );
        if (bad.length) throw new Error(`in the tarball: ${bad.join(', ')}`);
        if (WIDGETS.has(name.replace('@tagwerk/', '')) && !files.includes('package/dist/standalone.iife.js'))
          throw new Error('no standalone bundle');
      });
    }
    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    installTarballs(app, tarballs, { ajv: '^8.17.1' });
    const script = `
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      import { parseTask, validateAnnotation } from '@tagwerk/core';
      import Ajv2020 from 'ajv/dist/2020.js';
      const task = { id: 't1', kind: 'text', record: { text: 'Fine.' },
        questions: [{ id: 'q', type: 'choice', label: 'Q', required: true, options: [{ id: 'a', label: 'A' }] }] };
      const parsed = parseTask(task);
      if (!parsed.ok) throw new Error('task refused: ' + JSON.stringify(parsed.errors));
      const envelope = { schemaVersion: 1, kind: 'text', taskId: 't1', result: { answers: { q: 'a' } },
        meta: { startedAt: '2026-12-02T10:00:00.000Z', submittedAt: '2026-12-02T10:01:00.000Z', activeMs: 1000,
          idleMs: 0, edits: 1, undos: 0, locale: 'en', widget: 'x@1' } };
      const ok = validateAnnotation(envelope, parsed.value);
      const bad = validateAnnotation({ ...envelope, result: { answers: { q: 'zzz' } } }, parsed.value);
      const required = createRequire(import.meta.url)('@tagwerk/core');
      const ajv = new Ajv2020.default();
      const schema = (n) => JSON.parse(readFileSync(new URL(import.meta.resolve('@tagwerk/core/schema/' + n + '.json'))));
      const validateTask = ajv.compile(schema('task'));
      ajv.compile(schema('annotation'));
      console.log(JSON.stringify({ ok: ok.valid, bad: bad.valid, badCodes: bad.errors.map((e) => e.code),
        required: typeof required.validateAnnotation, ajvTask: validateTask(task) }));
    `;
    writeFileSync(join(app, 'check.mjs'), script);
    const run = spawnSync(process.execPath, ['check.mjs'], { cwd: app, encoding: 'utf8' });
    const report = run.status === 0 ? JSON.parse(run.stdout.trim().split('\n').pop()) : undefined;
    check('Node, from the installed tarballs: a valid envelope passes, a wrong answer is refused', () => {
      if (!report) throw new Error(run.stderr);
      if (!report.ok || report.bad || !report.badCodes.length) throw new Error(JSON.stringify(report));
    });
    check('Node >= 20.19: require("@tagwerk/core") works (require(esm))', () => {
      if (report?.required !== 'function') throw new Error(JSON.stringify(report ?? run.stderr));
    });
    check("the installed schemas compile in Ajv's default strict mode and accept the task", () => {
      if (report?.ajvTask !== true) throw new Error(JSON.stringify(report ?? run.stderr));
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`\n  tarballs: ${passed} passed, ${failed} failed`);
  if (process.env.TAGWERK_COUNT_FILE)
    writeFileSync(process.env.TAGWERK_COUNT_FILE, JSON.stringify({ passed, failed, skipped: 0, fileErrors: 0 }));
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) main();
