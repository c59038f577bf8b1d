// What the script-run test steps (test-tarballs.mjs, test-fixtures.mjs) share: named checks with a
// count for run.mjs, Chromium's flags, a static server on 127.0.0.1 and a page that collects its
// problems. Nothing here waits a fixed time.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';

export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const PAGE_TIMEOUT_MS = 30_000;

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * A list of named checks, printed as they finish. `check(name, fn)` runs `fn`; a throw (or a
 * rejected promise) fails it with its message; it resolves with whether it passed.
 */
export function checkList() {
  const results = [];
  const record = (name, ok, detail = '', ms = 0) => {
    results.push({ name, ok });
    const mark = ok ? '\x1b[32m✓\x1b[0m' : '\x1b[31m✗\x1b[0m';
    const more = !ok && detail ? `\n      ${String(detail).split('\n').join('\n      ')}` : '';
    const time = ms >= 1000 ? ` \x1b[2m(${(ms / 1000).toFixed(1)} s)\x1b[0m` : '';
    console.log(`  ${mark} ${name}${time}${more}`);
  };
  const check = async (name, fn) => {
    const start = Date.now();
    try {
      await fn();
      record(name, true, '', Date.now() - start);
      return true;
    } catch (error) {
      record(name, false, error instanceof Error ? error.message : String(error), Date.now() - start);
      return false;
    }
  };
  /** Prints `<step>: N passed, N failed` and hands the counts to run.mjs (TAGWERK_COUNT_FILE). */
  const finish = (step, started) => {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`\n  ${step}: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    if (process.env.TAGWERK_COUNT_FILE)
      writeFileSync(process.env.TAGWERK_COUNT_FILE, JSON.stringify({ passed, failed, skipped: 0, fileErrors: 0 }));
    process.exitCode = failed ? 1 : 0;
    return { passed, failed };
  };
  return { results, record, check, finish };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1 (`/` and folders: their index.html). `routes` (a Map of path → body)
 * adds in-memory files; `onPost(path, contentType, body)` receives POSTs, answered with a page
 * showing `#received`. Every 404 is kept in `failures`. Resolves with { origin, failures, close }.
 */
export function serve(root, { routes = new Map(), onPost } = {}) {
  const failures = [];
  const server = createServer((request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    } catch {
      failures.push(`${request.method} ${request.url} → 400`);
      return response.writeHead(400).end('bad request'); // a malformed escape (fuzzed URLs)
    }
    if (request.method === 'POST' && onPost) {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        onPost(path, request.headers['content-type'] ?? '', Buffer.concat(chunks).toString('utf8'));
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end('<!doctype html><html lang="en"><title>Received</title><p id="received">Received</p></html>');
      });
      return;
    }
    if (path === '/favicon.ico') return response.writeHead(204).end();
    const name = path.endsWith('/') ? `${path}index.html` : path;
    let body = routes.get(name);
    if (body === undefined) {
      const file = resolve(root, '.' + name);
      if ((file === root || file.startsWith(root + sep)) && existsSync(file) && statSync(file).isFile())
        body = readFileSync(file);
    }
    if (body === undefined) {
      failures.push(`${request.method} ${path} → 404`);
      return response.writeHead(404).end('not found');
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    response.end(body);
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolvePromise({
        origin: `http://127.0.0.1:${port}`,
        failures,
        // Chromium keeps its connections alive: without closing them, close() waits ~70 s for them.
        close: () =>
          new Promise((done) => {
            server.close(done);
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Opens `url` in a new page; collects console messages, page errors, failed requests and HTTP errors. */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const messages = [];
  const problems = [];
  page.on('console', (message) => messages.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
  return { page, messages, problems };
}

/**
 * Fails when the page had a problem, a console message `filter` picks (errors and warnings by
 * default) or the server a 404 since `before` (its failures.length when the page opened).
 */
export function assertNoProblems(
  { messages, problems },
  server,
  before,
  filter = (m) => m.type === 'error' || m.type === 'warn',
) {
  const bad = [
    ...problems,
    ...messages.filter(filter).map((m) => `console ${m.type}: ${m.text}`),
    ...server.failures.slice(before),
  ];
  assert(bad.length === 0, bad.join('\n'));
}

/** A sine tone as a WAV file: 16-bit mono PCM (defaults: one second of 440 Hz at 8 kHz). */
export function wav({ seconds = 1, rate = 8000, hz = 440, amplitude = 12000 } = {}) {
  const samples = Math.round(seconds * rate);
  const out = Buffer.alloc(44 + samples * 2);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + samples * 2, 4);
  out.write('WAVEfmt ', 8, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++)
    out.writeInt16LE(Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rate)), 44 + i * 2);
  return out;
}
