#!/usr/bin/env node
// Every publishable package's `prepack` (pnpm runs it on `pnpm pack` and `pnpm publish`), run from
// the package directory: builds the workspace packages it depends on, then the package itself, so
// a `pnpm pack` on a clean clone gives a tarball with a fresh dist. A package's tsc build reads the
// built types of the Tagwerk packages it imports, hence the dependencies first.
// scripts/pack.mjs packs every package in dependency order and sets TAGWERK_PREPACK_DEPS=built:
// each package's dependencies were then just built by their own prepack, and are not built again.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const pnpm = process.env.TAGWERK_PNPM || 'pnpm';
const workspaceDeps = Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies })
  .filter(([, range]) => String(range).startsWith('workspace:'))
  .map(([name]) => name);

function run(args) {
  const result = spawnSync(pnpm, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`prepack ${pkg.name}: \`pnpm ${args.join(' ')}\` failed`);
    process.exit(result.status ?? 1);
  }
}

if (workspaceDeps.length && process.env.TAGWERK_PREPACK_DEPS !== 'built') {
  // `name^...`: the package's workspace dependencies, transitively, in dependency order; not itself.
  run(['--filter', `${pkg.name}^...`, 'run', 'build']);
}
run(['run', 'build']);
