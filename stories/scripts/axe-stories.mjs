#!/usr/bin/env node
/**
 * Runs axe-core on every story of the built Storybook, in headless Chromium, and fails on any
 * violation: "axe is clean in every story" as a check rather than a panel someone has to open.
 *
 *   pnpm build-storybook && node stories/scripts/axe-stories.mjs [options] [story-id-filter…]
 *
 * Options:
 *   --static-dir <dir>   the built Storybook (default: <repo>/storybook-static)
 *   --globals <spec>     run every story with these Storybook globals too, e.g. "theme:dark" or
 *                        "theme:dark;locale:ar"; repeatable; "" is the stories' own globals
 *                        (default: "" and "theme:dark", so both colour schemes are checked)
 *   --concurrency <n>    pages checked at once (default 2)
 *   --timeout <ms>       per story, for rendering, play functions and widgets to settle (default 30000)
 * Filters keep the stories whose id contains any of them. CHROME_PATH overrides /usr/bin/chromium.
 *
 * The axe run mirrors @storybook/addon-a11y (same include/exclude, `region` off, the story's
 * `parameters.a11y.config/options` applied), so a story clean here is clean in the a11y panel.
 * Besides axe, a story fails when it throws (Storybook's "errored" phase), when a widget never
 * settles (still loading after the timeout), or when the page requests anything off this machine:
 * the widgets promise to fetch nothing but the task's own URLs.
 *
 * Needs puppeteer-core and axe-core. Both are in the workspace (bench uses puppeteer-core,
 * @open-wc/testing brings axe-core); they are resolved from there unless the stories package
 * lists them itself.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

const { values: options, positionals: filters } = parseArgs({
  allowPositionals: true,
  options: {
    'static-dir': { type: 'string', default: path.join(repo, 'storybook-static') },
    globals: { type: 'string', multiple: true },
    concurrency: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '30000' },
  },
});
const staticDir = path.resolve(options['static-dir']);
const globalSets = options.globals ?? ['', 'theme:dark'];
const concurrency = Math.max(1, Number(options.concurrency) || 1);
const timeout = Math.max(1000, Number(options.timeout) || 30000);

/** Resolves `specifier` as seen from the first of `files` (package.json or module paths) that can. */
function resolveFrom(specifier, files) {
  for (const file of files) {
    try {
      return createRequire(file).resolve(specifier);
    } catch {
      // Not a dependency of that package: try the next one.
    }
  }
  throw new Error(`Cannot find ${specifier}; add it to stories/package.json devDependencies.`);
}

const storiesPackage = path.join(repo, 'stories/package.json');
const puppeteerPath = resolveFrom('puppeteer-core', [storiesPackage, path.join(repo, 'bench/package.json')]);
// axe-core comes with @open-wc/testing (a root devDependency) through chai-a11y-axe; each step
// resolves from the file found by the previous one, since pnpm keeps them in separate folders.
const chaiAxe = (() => {
  try {
    const openWc = resolveFrom('@open-wc/testing', [path.join(repo, 'package.json')]);
    return resolveFrom('chai-a11y-axe', [openWc]);
  } catch {
    return undefined;
  }
})();
const axePath = resolveFrom('axe-core/axe.min.js', [storiesPackage, ...(chaiAxe ? [chaiAxe] : [])]);
const { default: puppeteer } = await import(pathToFileURL(puppeteerPath).href);
const axeSource = await readFile(axePath, 'utf8');

// ---------------------------------------------------------------------------------------------
// A static server on loopback for the built Storybook

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const server = createServer(async (request, response) => {
  try {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    let file = path.join(staticDir, path.normalize(decodeURIComponent(pathname)));
    if (!file.startsWith(staticDir)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    const body = await readFile(file);
    const type = MIME[path.extname(file)] ?? 'application/octet-stream';
    // Byte ranges, as every real static server answers them: without them Chromium treats a
    // recording as a live stream (duration Infinity, no seeking).
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, body.length - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
      if (start > end || start >= body.length) {
        response.writeHead(416, { 'content-range': `bytes */${body.length}` });
        response.end();
        return;
      }
      response.writeHead(206, {
        'content-type': type,
        'accept-ranges': 'bytes',
        'content-range': `bytes ${start}-${end}/${body.length}`,
        'content-length': end - start + 1,
      });
      response.end(body.subarray(start, end + 1));
      return;
    }
    response.writeHead(200, { 'content-type': type, 'accept-ranges': 'bytes', 'content-length': body.length });
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  }
});

// ---------------------------------------------------------------------------------------------
// In the page

/**
 * Waits for Storybook to finish the story (render, play function, afterEach) and for every
 * top-level Tagwerk widget to leave its loading state. Returns what went wrong, if anything.
 */
async function settleInPage(limit) {
  const deadline = performance.now() + limit;
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const render = () => window.__STORYBOOK_PREVIEW__?.storyRenders?.[0];
  while (!['finished', 'errored', 'aborted'].includes(render()?.phase)) {
    if (performance.now() > deadline) return { problem: `story still "${render()?.phase ?? 'not started'}"` };
    await pause(50);
  }
  if (render().phase !== 'finished') return { problem: `story ${render().phase}` };
  const widgets = [...document.querySelectorAll('#storybook-root *')].filter(
    (element) => element.localName.startsWith('tagwerk-') && 'updateComplete' in element,
  );
  for (const widget of widgets) {
    await widget.updateComplete;
    while (widget.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'true') {
      if (performance.now() > deadline) return { problem: `<${widget.localName}> still loading` };
      await pause(50);
    }
    await widget.updateComplete;
  }
  // Let layout (and any transition started by the last update) land before measuring contrast.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const a11y = render().story?.parameters?.a11y ?? {};
  return { widgets: widgets.length, skip: a11y.disable === true || a11y.test === 'off' };
}

/** Runs axe the way @storybook/addon-a11y does. */
async function axeInPage() {
  const a11y = window.__STORYBOOK_PREVIEW__?.storyRenders?.[0]?.story?.parameters?.a11y ?? {};
  const { config = {}, options = {} } = a11y;
  const axe = window.axe;
  axe.reset();
  axe.configure({ ...config, rules: [{ id: 'region', enabled: false }, ...(config.rules ?? [])] });
  const context = {
    include: a11y.context?.include ?? document.body,
    exclude: ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root', ...(a11y.context?.exclude ?? [])],
  };
  const result = await axe.run(context, options);
  const summarise = (entries) =>
    entries.map((entry) => ({
      id: entry.id,
      impact: entry.impact,
      help: entry.help,
      nodes: entry.nodes.map((node) => ({
        target: node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | '),
        html: node.html.length > 200 ? `${node.html.slice(0, 200)}…` : node.html,
        summary: node.failureSummary ?? '',
      })),
    }));
  return { violations: summarise(result.violations), incomplete: result.incomplete.length };
}

// ---------------------------------------------------------------------------------------------
// Driver

await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(await readFile(path.join(staticDir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries)
  .filter((entry) => entry.type === 'story')
  .filter((entry) => filters.length === 0 || filters.some((f) => entry.id.includes(f)))
  .map((entry) => entry.id);

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
});

const jobs = globalSets.flatMap((globals) => stories.map((id) => ({ id, globals })));
const results = [];

async function check({ id, globals }) {
  const page = await browser.newPage();
  const offMachine = [];
  const pageErrors = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!/^(data|blob|about):/.test(url) && !url.startsWith(origin)) offMachine.push(url);
  });
  page.on('pageerror', (error) => pageErrors.push(String(error.message ?? error).split('\n')[0]));
  await page.setViewport({ width: 1300, height: 900 });
  const url = `${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story${globals ? `&globals=${globals}` : ''}`;
  const result = { id, globals, problems: [], violations: [], incomplete: 0, pageErrors };
  try {
    await page.goto(url, { waitUntil: 'load', timeout });
    const settled = await page.evaluate(settleInPage, timeout);
    if (settled.problem) result.problems.push(settled.problem);
    if (settled.skip) result.skipped = true;
    else if (!settled.problem) {
      await page.addScriptTag({ content: axeSource });
      const axe = await page.evaluate(axeInPage);
      result.violations = axe.violations;
      result.incomplete = axe.incomplete;
    }
  } catch (error) {
    result.problems.push(String(error.message ?? error).split('\n')[0]);
  } finally {
    if (offMachine.length) result.problems.push(`requested off this machine: ${[...new Set(offMachine)].join(', ')}`);
    await page.close();
  }
  results.push(result);
  const label = globals ? `${id} [${globals}]` : id;
  const status = result.skipped ? 'skipped' : result.problems.length || result.violations.length ? 'FAIL' : 'ok';
  console.log(`${status.padEnd(7)} ${label}`);
  for (const problem of result.problems) console.log(`        ! ${problem}`);
  for (const violation of result.violations) {
    console.log(`        ${violation.id} (${violation.impact}): ${violation.help}`);
    for (const node of violation.nodes) {
      console.log(`          at ${node.target}`);
      console.log(`             ${node.html.replace(/\s+/g, ' ')}`);
      // axe's "Fix any of the following:" block: the measured contrast, the missing name, …
      const why = node.summary
        .split('\n')
        .slice(1)
        .map((line) => line.trim())
        .filter(Boolean);
      if (why.length) console.log(`             ${why.join('; ')}`);
    }
  }
  for (const message of pageErrors) console.log(`        (page error) ${message}`);
}

try {
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await check(job);
    }),
  );
} finally {
  await browser.close();
  server.close();
}

const violations = results.reduce((sum, r) => sum + r.violations.length, 0);
const elements = results.reduce((sum, r) => sum + r.violations.reduce((n, v) => n + v.nodes.length, 0), 0);
const broken = results.filter((r) => r.problems.length).length;
const skipped = results.filter((r) => r.skipped).length;
const runs =
  globalSets.length > 1 ? ` × ${globalSets.length} globals (${globalSets.map((g) => g || 'default').join(', ')})` : '';
console.log(
  `\n${stories.length} stories${runs}, ${violations} violations` +
    (violations ? ` on ${elements} elements` : '') +
    (broken ? `, ${broken} stories failed to settle or requested the network` : '') +
    (skipped ? `, ${skipped} skipped (a11y disabled)` : ''),
);
if (stories.length === 0) console.log('No stories matched: did build-storybook run?');
// `npm test` (scripts/run.mjs) counts each story × globals run as one test.
if (process.env.TAGWERK_COUNT_FILE) {
  const failed = results.filter((r) => !r.skipped && (r.problems.length || r.violations.length)).length;
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    process.env.TAGWERK_COUNT_FILE,
    JSON.stringify({ passed: results.length - failed - skipped, failed, skipped, fileErrors: stories.length ? 0 : 1 }),
  );
}
process.exitCode = violations || broken || stories.length === 0 ? 1 : 0;
