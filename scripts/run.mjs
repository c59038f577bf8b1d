#!/usr/bin/env node
// The README's two commands land here: `npm start` (the demo) and `npm test` (every test).
// Each works on a fresh machine with only Node 20 and npm: it installs pnpm, the workspace's
// dependencies and, for tests, Debian's Chromium when it is missing and we are root.
// Only Node built-ins are used: nothing is installed when this file runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.split('@')[1];
const COUNTS = join(ROOT, '.tagwerk', 'counts');
const WIDGETS = ['text-rater', 'image-labeler', 'audio-transcriber'];

function log(message) {
  console.log(`\x1b[36m[tagwerk]\x1b[0m ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

function output(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

function ensurePnpm() {
  if (output('pnpm', ['--version']) === PNPM_VERSION) return 'pnpm';
  log(`installing pnpm ${PNPM_VERSION} with npm`);
  if (
    run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]) === 0 &&
    output('pnpm', ['--version']) === PNPM_VERSION
  ) {
    return 'pnpm';
  }
  // No permission for a global install: keep a private copy inside the checkout.
  const prefix = join(ROOT, '.tagwerk', 'pnpm');
  if (run('npm', ['install', '--prefix', prefix, '--no-save', `pnpm@${PNPM_VERSION}`]) !== 0) {
    console.error('Could not install pnpm with npm. Install it yourself: npm install --global pnpm@' + PNPM_VERSION);
    process.exit(1);
  }
  return join(prefix, 'node_modules', '.bin', 'pnpm');
}

function ensureDependencies(pnpm) {
  const marker = join(ROOT, 'node_modules', '.modules.yaml');
  const lock = join(ROOT, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing dependencies (pnpm install --frozen-lockfile)');
  if (run(pnpm, ['install', '--frozen-lockfile']) !== 0) process.exit(1);
}

function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((path) => path && existsSync(path));
}

function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log("installing Debian's Chromium (apt-get install chromium)");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (
      run('apt-get', ['update', '-qq'], { env }) === 0 &&
      run('apt-get', ['install', '-y', '-qq', 'chromium'], { env }) === 0
    ) {
      const installed = findChromium();
      if (installed) return installed;
    }
  }
  console.error(
    [
      'The browser tests need Chromium and none was found.',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  Elsewhere:      install Chromium or Chrome and set CHROME_PATH=/path/to/chrome',
    ].join('\n'),
  );
  process.exit(1);
}

/**
 * Debian's python-jsonschema, for the step that checks the published schemas give Python the same
 * answers as Ajv and the core (scripts/python-schema-check.mjs). PyPI is not needed. When it cannot
 * be installed, that step fails and says how to install it.
 */
function ensurePythonJsonschema() {
  const python = process.env.TAGWERK_PYTHON ?? '/usr/bin/python3';
  const has = () => existsSync(python) && run(python, ['-c', 'import jsonschema'], { stdio: 'ignore' }) === 0;
  if (has()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log("installing Debian's python3-jsonschema (apt-get install python3-jsonschema)");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['install', '-y', '-qq', 'python3-jsonschema'], { env }) !== 0) {
      run('apt-get', ['update', '-qq'], { env });
      run('apt-get', ['install', '-y', '-qq', 'python3-jsonschema'], { env });
    }
    if (has()) return;
  }
  console.error(
    [
      'The Python schema cross-check needs python-jsonschema and will fail without it.',
      '  Debian/Ubuntu:  sudo apt-get install -y python3-jsonschema',
      '  Elsewhere:      a Python 3 with jsonschema >= 4.0, then TAGWERK_PYTHON=/path/to/python3',
    ].join('\n'),
  );
}

function readCount(name) {
  try {
    return JSON.parse(readFileSync(join(COUNTS, `${name}.json`), 'utf8'));
  } catch {
    return null;
  }
}

function test(pnpm) {
  const chrome = ensureChromium();
  ensurePythonJsonschema();
  rmSync(COUNTS, { recursive: true, force: true });
  mkdirSync(COUNTS, { recursive: true });
  const env = (name) => ({
    ...process.env,
    CHROME_PATH: chrome,
    TAGWERK_PNPM: pnpm,
    TAGWERK_COUNT_FILE: join(COUNTS, `${name}.json`),
  });

  const steps = [
    {
      name: 'schema',
      label: 'published schema files are up to date',
      command: 'node',
      args: ['scripts/gen-schema.mjs', '--check'],
    },
    {
      name: 'typecheck',
      label: 'every package, test, story, demo and bench file typechecks (tsc, strict)',
      command: pnpm,
      args: ['typecheck'],
    },
    {
      name: 'lint',
      label: 'lint (eslint, lit-analyzer, prettier): the HTML-sink ban, scoped keys, core purity',
      command: pnpm,
      args: ['lint'],
    },
    { name: 'node', label: 'pure core in Node (mocha)', command: pnpm, args: ['exec', 'mocha'], counted: true },
    {
      name: 'python-schema',
      label: 'python-jsonschema gives the published schemas the same answers as Ajv and the core (ids, corpus)',
      command: 'node',
      args: ['scripts/python-schema-check.mjs'],
      counted: true,
    },
    {
      name: 'tarballs',
      label: 'the packed tarballs, installed with npm outside the workspace and used from there (Node, Chromium)',
      command: 'node',
      args: ['scripts/test-tarballs.mjs'],
      counted: true,
    },
    {
      name: 'fixtures',
      label:
        'fixture apps from the tarballs: React 19, Vue 3, a plain HTML form (built, typed, in Chromium); Svelte, Solid types',
      command: 'node',
      args: ['scripts/test-fixtures.mjs'],
      counted: true,
    },
    {
      name: 'drafts',
      label:
        'drafts against real exits in Chromium with a persistent profile: SIGKILL, navigation, closed tab, two tabs, full and hung IndexedDB',
      command: 'node',
      args: ['scripts/test-drafts.mjs'],
      counted: true,
    },
    {
      name: 'fuzz',
      label:
        '1,000 fuzzed tasks per widget in Chromium: ready or refused with a message, never a crash, a blank widget or a hang',
      command: 'node',
      args: ['scripts/test-fuzz.mjs'],
      counted: true,
    },
    ...WIDGETS.map((widget) => ({
      name: `standalone-${widget}`,
      label: `standalone bundles of @tagwerk/${widget} (the strict-CSP test loads them)`,
      command: 'node',
      args: ['../../scripts/build-standalone.mjs'],
      cwd: join(ROOT, 'packages', widget),
    })),
    {
      name: 'browser',
      label: 'everything in Chromium (web-test-runner)',
      command: pnpm,
      args: ['exec', 'wtr', '--config', 'web-test-runner.config.mjs', '--coverage'],
      counted: true,
    },
    {
      name: 'stories',
      label: 'every Storybook story under axe, light and dark (build-storybook, then axe-core in Chromium)',
      command: pnpm,
      args: ['--filter', '@tagwerk/stories', 'test-stories'],
      counted: true,
    },
  ];
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let broken = 0;
  for (const step of steps) {
    log(step.label);
    const status = run(step.command, step.args, { env: env(step.name), cwd: step.cwd ?? ROOT });
    const counts = step.counted ? readCount(step.name) : null;
    if (counts) {
      totals.passed += counts.passed;
      totals.failed += counts.failed + counts.fileErrors;
      totals.skipped += counts.skipped;
      if (status !== 0 && counts.failed + counts.fileErrors === 0) broken += 1; // runner died
    } else if (status !== 0) {
      broken += 1;
    }
    if (status !== 0) log(`\x1b[31m${step.label}: exit code ${status}\x1b[0m`);
  }
  totals.failed += broken;
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

function start(pnpm) {
  log('starting the demo host platform');
  process.exit(run(pnpm, ['--filter', '@tagwerk/demo', 'start']));
}

const command = process.argv[2];
if (command !== 'test' && command !== 'start') {
  console.error('usage: node scripts/run.mjs test|start');
  process.exit(2);
}
const pnpm = ensurePnpm();
ensureDependencies(pnpm);
if (command === 'test') test(pnpm);
else start(pnpm);
