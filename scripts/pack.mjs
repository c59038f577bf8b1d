#!/usr/bin/env node
// The publishable packages as tarballs, and an npm install of them, for tests and fixture apps.
//
//   import { packAll, installTarballs } from './pack.mjs';
//   const tarballs = await packAll(dest);      // { '@tagwerk/core': '/abs/dest/tagwerk-core-0.1.0.tgz', … }
//   await installTarballs(dir, tarballs, { ajv: '^8.17.1' });
//
//   node scripts/pack.mjs <dest>                          packs, prints the JSON map
//   node scripts/pack.mjs <dest> --install <dir> [pkg@range …]   packs, then installs them into <dir>
//
// `pnpm pack` runs each package's prepack (scripts/prepack.mjs), which builds it; pnpm replaces
// `workspace:*` ranges with the real versions in the packed package.json. The packs run one after
// another in dependency order, so each build finds the types of the packages it imports built.
// The install uses npm, as a platform would, with `overrides` pinning every Tagwerk package to its
// tarball: nothing named @tagwerk/* is ever fetched from the registry.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

/** The publishable packages (directories under packages/). */
export const PUBLISHED = ['core', 'platforms', 'ui', 'text-rater', 'image-labeler', 'audio-transcriber'];

function manifest(dir) {
  return JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8'));
}

/** PUBLISHED, each package after the workspace packages it depends on. */
export function packOrder() {
  const byName = new Map(PUBLISHED.map((dir) => [manifest(dir).name, dir]));
  const order = [];
  const visiting = new Set();
  const visit = (name) => {
    const dir = byName.get(name);
    if (!dir || order.includes(dir)) return;
    if (visiting.has(name)) throw new Error(`dependency cycle through ${name}`);
    visiting.add(name);
    const pkg = manifest(dir);
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) visit(dep);
    visiting.delete(name);
    order.push(dir);
  };
  for (const name of byName.keys()) visit(name);
  return order;
}

/** Runs a command; resolves with its stdout, rejects with its output when it fails. */
function exec(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise(stdout);
      else
        reject(
          new Error(
            `\`${command} ${args.join(' ')}\` in ${options.cwd ?? process.cwd()} exited ${code}\n${stderr}${stdout}`,
          ),
        );
    });
  });
}

/**
 * `pnpm pack` of every publishable package into `destDir` (created if missing), one at a time.
 * Returns { [package name]: absolute tarball path }.
 */
export async function packAll(destDir) {
  const dest = resolve(destDir);
  mkdirSync(dest, { recursive: true });
  const pnpm = process.env.TAGWERK_PNPM || 'pnpm';
  const env = { ...process.env, TAGWERK_PNPM: pnpm, TAGWERK_PREPACK_DEPS: 'built' };
  const tarballs = {};
  for (const dir of packOrder()) {
    const cwd = join(ROOT, 'packages', dir);
    const stdout = await exec(pnpm, ['pack', '--json', '--pack-destination', dest], { cwd, env });
    // The JSON report is the last thing printed; build output before it, if any, is skipped.
    const report = JSON.parse(stdout.slice(stdout.lastIndexOf('\n{') + 1));
    tarballs[report.name] = resolve(dest, report.filename);
  }
  return tarballs;
}

/**
 * Writes a package.json in `dir` (created if missing) that depends on the tarballs through file:
 * paths, plus `extraDependencies` ({ name: range }), and runs `npm install --no-audit --no-fund`.
 */
export async function installTarballs(dir, tarballs, extraDependencies = {}) {
  mkdirSync(dir, { recursive: true });
  const local = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${resolve(file)}`]));
  // `$name`: the tarballs' own dependencies on each other resolve to the root's file: entries.
  const overrides = Object.fromEntries(Object.keys(local).map((name) => [name, `$${name}`]));
  const pkg = {
    name: 'tagwerk-tarball-install',
    version: '0.0.0',
    private: true,
    type: 'module',
    dependencies: { ...extraDependencies, ...local },
    overrides,
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  await exec('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === new URL(import.meta.url).pathname;
if (isMain) {
  const [dest, ...rest] = process.argv.slice(2);
  const installAt = rest.indexOf('--install');
  if (!dest || (installAt !== -1 && !rest[installAt + 1])) {
    console.error('usage: node scripts/pack.mjs <dest> [--install <dir> [pkg@range …]]');
    process.exit(2);
  }
  try {
    const tarballs = await packAll(dest);
    if (installAt !== -1) {
      const extra = Object.fromEntries(
        rest.slice(installAt + 2).map((spec) => {
          const at = spec.lastIndexOf('@');
          return at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, '*'];
        }),
      );
      await installTarballs(rest[installAt + 1], tarballs, extra);
    }
    console.log(JSON.stringify(tarballs, null, 2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
