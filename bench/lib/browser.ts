/**
 * Runs browser scenarios: builds the scenario page with Vite (a production build measures what
 * users get), serves it with Vite's preview server, launches Debian's Chromium through
 * puppeteer-core and calls `window.runScenario(name, options)` in a fresh tab per scenario.
 */
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core';
import { build, defaultClientConditions, preview, type InlineConfig, type PreviewServer } from 'vite';
import type { PageRunOptions, Row } from './types.js';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
// Under node_modules: ignored by git, Prettier and ESLint alike (like Vite's own cache).
const DIST_DIR = fileURLToPath(new URL('../node_modules/.bench-page/', import.meta.url));

/** Debian's Chromium unless CHROME_PATH says otherwise; never a downloaded browser. */
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/**
 * Flags that work as root with no network (TOOLCHAIN.md), plus what memory measurement needs.
 * puppeteer's `headless: true` adds `--headless=new` itself.
 */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
  // measureUserAgentSpecificMemory otherwise waits for the next natural GC (up to ~20 s).
  '--enable-blink-features=ForceEagerMeasureMemory',
];

/** Cross-origin isolation: what `performance.measureUserAgentSpecificMemory` requires. */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const viteConfig: InlineConfig = {
  root: BENCH_DIR,
  configFile: false,
  logLevel: 'warn',
  clearScreen: false,
  // `source` first: workspace packages are bundled from their TypeScript, so the bench needs no `pnpm build`.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: DIST_DIR,
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 100_000,
    rolldownOptions: { input: fileURLToPath(new URL('../page/index.html', import.meta.url)) },
  },
  preview: { host: '127.0.0.1', port: 4317, strictPort: false, headers: ISOLATION_HEADERS },
};

/** A built page, a server and a browser, shared by every browser scenario of one run. */
export class BrowserSession {
  private constructor(
    private readonly server: PreviewServer,
    private readonly browser: Browser,
    private readonly url: string,
    readonly version: string,
  ) {}

  /** Build the page, serve it and launch Chromium. */
  static async open(log: (message: string) => void): Promise<BrowserSession> {
    const started = performance.now();
    await build(viteConfig);
    log(`page built in ${Math.round(performance.now() - started)} ms`);
    const server = await preview(viteConfig);
    const base = server.resolvedUrls?.local[0];
    if (!base) {
      await server.close();
      throw new Error('vite preview did not report a URL');
    }
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath: CHROME_PATH,
        headless: true,
        args: CHROME_ARGS,
        // A long scenario is one `evaluate`; puppeteer's default 180 s protocol timeout would cut it.
        protocolTimeout: 15 * 60_000,
        defaultViewport: { width: 1280, height: 900 },
      });
    } catch (error) {
      await server.close();
      throw error;
    }
    const version = await browser.version();
    return new BrowserSession(server, browser, new URL('page/index.html', base).href, version);
  }

  /** Run one scenario in a fresh tab (its own heap), forwarding the page's console to `log`. */
  async run(name: string, options: PageRunOptions, log: (message: string) => void): Promise<Row[]> {
    const page = await this.browser.newPage();
    try {
      page.on('console', (message) => log(`[page] ${message.text()}`));
      page.on('pageerror', (error) => log(`[page error] ${error instanceof Error ? error.message : String(error)}`));
      await exposeHost(page);
      await page.goto(this.url, { waitUntil: 'load' });
      await page.waitForFunction(() => typeof window.runScenario === 'function', { timeout: 30_000 });
      return await page.evaluate((n, o) => window.runScenario(n, o), name, options);
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }
}

/** The Node end of `BrowserHost` (bench/page/context.ts holds the page end). */
async function exposeHost(page: Page): Promise<void> {
  const cdp = await page.createCDPSession();
  const ops: Record<string, (...args: never[]) => Promise<unknown>> = {
    press: (key: string) => page.keyboard.press(key as KeyInput),
    type: (text: string) => page.keyboard.type(text),
    mouseMove: (x: number, y: number, steps?: number) => page.mouse.move(x, y, steps ? { steps } : {}),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    metrics: async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
    },
    collectGarbage: () => cdp.send('HeapProfiler.collectGarbage'),
  };
  await cdp.send('Performance.enable');
  await page.exposeFunction('__tagwerkBenchHost', async (op: string, args: unknown[]) => {
    const fn = ops[op];
    if (!fn) throw new Error(`unknown host op ${op}`);
    return (await (fn as (...a: unknown[]) => Promise<unknown>)(...args)) ?? null;
  });
}
