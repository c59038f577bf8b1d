#!/usr/bin/env node
/**
 * `pnpm storybook`: Storybook's dev server on port 6006, or on the next free port when 6006 is
 * busy (another Storybook, say), and it says which. Left to itself, `storybook dev -p 6006` asks
 * on the terminal whether to take another port, and gives up without one; so the port is chosen
 * here and passed with `--exact-port` (should it be taken in between, Storybook stops with an
 * error instead of asking).
 *
 *   node scripts/storybook-dev.mjs [storybook dev options]   (STORYBOOK_PORT=7000 to start elsewhere)
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const FIRST = Number(process.env.STORYBOOK_PORT ?? 6006);
const TRIES = 100;
const args = process.argv.slice(2);
const hostIndex = args.indexOf('--host');
/** Where Storybook listens: 127.0.0.1 unless --host says otherwise. */
const host = hostIndex >= 0 && args[hostIndex + 1] ? args[hostIndex + 1] : '127.0.0.1';
const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

/** Whether nothing listens on `port` at `host` (a wildcard listener on the port counts as busy too). */
function isFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

async function freePort() {
  for (let port = FIRST; port < FIRST + TRIES; port += 1) {
    if (await isFree(port)) return port;
  }
  return null;
}

const port = await freePort();
if (port === null) {
  console.error(`[storybook] no free port among ${FIRST}–${FIRST + TRIES - 1}`);
  process.exit(1);
}
console.log(
  port === FIRST
    ? `[storybook] port ${port}: http://${shown}:${port}/`
    : `[storybook] port ${FIRST} is busy: Storybook takes port ${port} instead, http://${shown}:${port}/`,
);

const child = spawn('storybook', ['dev', '-p', String(port), '--exact-port', ...args], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(`[storybook] could not start storybook: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
