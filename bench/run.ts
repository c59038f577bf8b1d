/**
 * `pnpm bench [-- --filter <name>] [--quick] [--env node|browser] [--list] [--strict]`
 *
 * Runs the registered scenarios, Node ones in this process first, then browser ones in headless
 * Chromium (sequentially: the machine has 2 cores, and two scenarios at once would measure each
 * other). Prints one markdown table on stdout, progress on stderr, and writes the same results
 * with raw samples to bench/results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BrowserSession } from './lib/browser.js';
import { nodeContext } from './lib/node-context.js';
import { formatRatio, ratioOf, renderTable, verdictOf } from './lib/table.js';
import type { Env, ScenarioEntry, ScenarioResult } from './lib/types.js';
import { scenarios } from './scenarios/index.js';

const USAGE = `usage: pnpm bench [-- options]
  --filter <name>   run scenarios whose name contains <name> (repeatable)
  --quick           fewer items and samples: a smoke test, not numbers to quote
  --env <env>       only "node" or only "browser" (alias "chromium")
  --list            list the scenarios and exit
  --strict          exit 1 when a row misses its target (errors always exit 1)
  --out <file>      JSON copy (default bench/results/latest.json)`;

const RESULTS_FILE = fileURLToPath(new URL('./results/latest.json', import.meta.url));

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function parse() {
  // pnpm forwards the `--` of `pnpm bench -- --quick`; parseArgs would treat what follows as positionals.
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const { values } = parseArgs({
    args,
    options: {
      filter: { type: 'string', multiple: true },
      quick: { type: 'boolean', default: false },
      env: { type: 'string' },
      list: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  // The table calls the browser environment "chromium"; accept that name too.
  const env = values.env === 'chromium' ? 'browser' : values.env;
  if (env !== undefined && env !== 'node' && env !== 'browser') {
    throw new Error(`--env must be "node" or "browser", not "${env}"`);
  }
  return { ...values, env, filter: values.filter ?? [] };
}

function select(filters: readonly string[]): ScenarioEntry[] {
  if (filters.length === 0) return [...scenarios];
  return scenarios.filter((s) => filters.some((f) => s.name.includes(f)));
}

async function runNode(entry: ScenarioEntry, quick: boolean): Promise<ScenarioResult> {
  const started = performance.now();
  const prefix = (message: string) => log(`${entry.name} (node): ${message}`);
  try {
    const scenario = await entry.load();
    const rows = await scenario.run(nodeContext(quick, prefix));
    return { scenario: entry.name, env: 'node', rows, wallMs: performance.now() - started };
  } catch (error) {
    return { scenario: entry.name, env: 'node', rows: [], error: describe(error), wallMs: performance.now() - started };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack?.split('\n').slice(0, 3).join(' ⟵ ') ?? error.message;
  return String(error);
}

async function main(): Promise<number> {
  const options = parse();
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.list) {
    for (const s of scenarios) console.log(`${s.name.padEnd(24)} ${s.envs.join(', ').padEnd(14)} ${s.title}`);
    return 0;
  }
  const selected = select(options.filter);
  if (selected.length === 0) {
    log(`no scenario matches ${options.filter.join(', ')}; --list shows them`);
    return 1;
  }
  const wants = (entry: ScenarioEntry, env: Env) => entry.envs.includes(env) && (!options.env || options.env === env);
  const started = new Date();
  const results: ScenarioResult[] = [];
  let chromium: string | undefined;

  for (const entry of selected.filter((e) => wants(e, 'node'))) {
    log(`${entry.name} (node): start`);
    const result = await runNode(entry, options.quick);
    log(`${entry.name} (node): ${result.error ? 'FAILED' : 'done'} in ${(result.wallMs / 1000).toFixed(1)} s`);
    results.push(result);
  }

  const browserEntries = selected.filter((e) => wants(e, 'browser'));
  if (browserEntries.length > 0) {
    let session: BrowserSession | undefined;
    try {
      session = await BrowserSession.open(log);
      chromium = session.version;
      log(`browser: ${chromium}`);
    } catch (error) {
      for (const entry of browserEntries)
        results.push({
          scenario: entry.name,
          env: 'browser',
          rows: [],
          error: `browser setup: ${describe(error)}`,
          wallMs: 0,
        });
    }
    if (session) {
      try {
        for (const entry of browserEntries) {
          log(`${entry.name} (browser): start`);
          const t0 = performance.now();
          const prefix = (message: string) => log(`${entry.name} (browser): ${message}`);
          try {
            const rows = await session.run(entry.name, { quick: options.quick }, prefix);
            results.push({ scenario: entry.name, env: 'browser', rows, wallMs: performance.now() - t0 });
            prefix(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
          } catch (error) {
            results.push({
              scenario: entry.name,
              env: 'browser',
              rows: [],
              error: describe(error),
              wallMs: performance.now() - t0,
            });
            prefix('FAILED');
          }
        }
      } finally {
        await session.close();
      }
    }
  }

  // Table order: registry order, Node before Chromium within a scenario.
  const order = (r: ScenarioResult) =>
    scenarios.findIndex((s) => s.name === r.scenario) * 2 + (r.env === 'node' ? 0 : 1);
  results.sort((a, b) => order(a) - order(b));

  const header = [
    `Tagwerk bench, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC${options.quick ? ' — QUICK (smoke test, do not quote)' : ''}`,
    `node ${process.version}${chromium ? `, ${chromium}` : ''}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB`,
    'ratio = ours / baseline, both measured in this run, interleaved; times are medians unless the measure says otherwise.',
  ];
  console.log(['', ...header, '', renderTable(results), ''].join('\n'));

  // pnpm runs the script in bench/; a relative --out means relative to where `pnpm bench` was typed.
  const outFile = options.out ? resolve(process.env.INIT_CWD ?? process.cwd(), options.out) : RESULTS_FILE;
  mkdirSync(dirname(outFile), { recursive: true });
  const json = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    quick: options.quick,
    filter: options.filter,
    machine: {
      node: process.version,
      chromium,
      platform: `${os.platform()} ${os.release()}`,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model.trim(),
      memoryBytes: os.totalmem(),
    },
    results: results.map((r) => ({
      ...r,
      rows: r.rows.map((row) => ({
        ...row,
        ratio: ratioOf(row),
        ratioText: formatRatio(row),
        verdict: verdictOf(row),
      })),
    })),
  };
  writeFileSync(outFile, `${JSON.stringify(json, null, 2)}\n`);
  log(`wrote ${outFile}`);

  const errors = results.filter((r) => r.error).length;
  const misses = results.flatMap((r) => r.rows).filter((row) => verdictOf(row) === 'FAIL').length;
  if (errors) log(`${errors} scenario run(s) failed`);
  if (misses) log(`${misses} row(s) missed their target`);
  return errors > 0 || (options.strict && misses > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A bad command line gets its message, not a stack trace.
    const usage =
      error instanceof Error &&
      ('code' in error ? String(error.code).startsWith('ERR_PARSE_ARGS') : error.message.startsWith('--'));
    log(usage ? error.message : describe(error));
    console.error(USAGE);
    process.exit(2);
  },
);
