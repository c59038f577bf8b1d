/**
 * The shapes a scenario and the harness agree on. Kept free of Node and DOM imports: the same
 * module is loaded by the Node runner and bundled into the browser page.
 */

/** Where a scenario runs: in the harness's own Node process, or in a page of headless Chromium. */
export type Env = 'node' | 'browser';

/** Which way a measure improves; decides the wording of the ratio ("slower", "faster"). */
export type Better = 'lower' | 'higher';

/**
 * A pass/fail bound. `on: 'ours'` compares our value (e.g. p95 latency ≤ 50 ms, gzip ≤ 40 kB);
 * `on: 'ratio'` compares ours / baseline (e.g. ≤ 1.5: at most 50 % slower than the baseline).
 */
export interface Target {
  on: 'ours' | 'ratio';
  max?: number;
  min?: number;
}

/** The raw samples behind a row, kept in the JSON copy (not in the table). */
export interface Samples {
  ours: number[];
  baseline?: number[];
}

/** One line of the table: a measure of ours, optionally paired with a baseline from the same run. */
export interface Row {
  /** What is measured, e.g. "valid · median of 5 passes". */
  measure: string;
  /** Unit of `ours` and `baseline`: "ms", "B" (printed as kB), "ann/s", "fps", … */
  unit: string;
  /** Which way is better; defaults to "higher" for rates (unit ending in "/s") and "lower" otherwise. */
  better?: Better;
  ours: number;
  /** The reference measured in the same run, interleaved with ours. Absent for absolute rows. */
  baseline?: { name: string; value: number };
  target?: Target;
  /** Printed as a numbered footnote under the table (caveats, what the baseline leaves out). */
  note?: string;
  samples?: Samples;
  /** Anything else worth keeping in the JSON copy (sizes, counts, memory). */
  extra?: Record<string, unknown>;
}

/** A heap reading and the API that produced it (they differ in what they count). */
export interface MemoryReading {
  bytes: number;
  source: 'measureUserAgentSpecificMemory' | 'cdp' | 'performance.memory' | 'process.memoryUsage';
}

/**
 * Calls into the Node side from a browser scenario: real input through the DevTools protocol
 * (trusted events, as a worker's keyboard and mouse produce) and CDP metrics.
 */
export interface BrowserHost {
  /** Press and release one key, by `KeyboardEvent.key` or `code` name as puppeteer accepts it ("a", "KeyA", "Enter"). */
  press(key: string): Promise<void>;
  /** Type a string, one trusted key event per character. */
  type(text: string): Promise<void>;
  /** Move the mouse to page coordinates (CSS pixels), in `steps` intermediate moves. */
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  mouseDown(): Promise<void>;
  mouseUp(): Promise<void>;
  /** `Performance.getMetrics` of the page's target (JSHeapUsedSize, Nodes, LayoutCount, …). */
  metrics(): Promise<Record<string, number>>;
  /** A full garbage collection through `HeapProfiler.collectGarbage`. */
  collectGarbage(): Promise<void>;
}

/** What a scenario's `run` receives. */
export interface ScenarioContext {
  env: Env;
  /** Smoke-test mode: fewer items and samples; numbers are not meant to be quoted. */
  quick: boolean;
  /** A progress line on stderr (the table owns stdout). */
  log(message: string): void;
  /** Collect garbage if the runtime lets us (Node --expose-gc, Chromium --js-flags=--expose-gc, CDP). */
  gc(): Promise<void>;
  /** Current JS heap use after a GC, from the best API available in this environment. */
  heapUsed(): Promise<MemoryReading>;
  /** Present in the browser only. */
  host?: BrowserHost;
}

/** The module a registry entry loads: one file per scenario under bench/scenarios/. */
export interface ScenarioModule {
  run(ctx: ScenarioContext): Promise<Row[]>;
}

/** A registry entry: metadata the runner needs before loading the scenario's code. */
export interface ScenarioEntry {
  /** Kebab-case, unique; what `--filter` matches. */
  name: string;
  /** One line for `--list` and the README. */
  title: string;
  /** Every environment listed runs the same `run`, sequentially (the machine has 2 cores). */
  envs: readonly Env[];
  load(): Promise<ScenarioModule>;
}

/** One scenario's outcome in one environment, as the runner collects it. */
export interface ScenarioResult {
  scenario: string;
  env: Env;
  rows: Row[];
  /** Set when the scenario threw; its rows are then empty. */
  error?: string;
  /** Wall-clock time of the whole scenario, data generation included. */
  wallMs: number;
}

/** Options handed to `window.runScenario` in the page. */
export interface PageRunOptions {
  quick: boolean;
}

declare global {
  interface Window {
    /** Installed by bench/page/main.ts; called by bench/lib/browser.ts. */
    runScenario(name: string, options: PageRunOptions): Promise<Row[]>;
  }
}
