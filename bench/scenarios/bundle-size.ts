/**
 * bundle-size: what a host page downloads for each widget. Every widget package's standalone
 * bundles (`dist/standalone.js`, one self-contained ES module, and `dist/standalone.iife.js`, the
 * classic script), minified, gzipped (level 9) and brotli'd (quality 11), and what they are made of:
 * the source map attributes every byte of the ES bundle to a source file, grouped by package (lit,
 * marked, DOMPurify, TypeBox, intl-messageformat, idb-keyval, @tagwerk/core, the widget's own code,
 * fabric, peaks.js, konva, waveform-data), each group's compressed share estimated in proportion to its
 * minified bytes. Baseline: the third-party code alone, i.e. the bytes of the same bundle that map to
 * node_modules, compressed on their own, so the ratio is the bundle over what its dependencies cost.
 * For a widget built on a rendering engine (fabric; peaks.js with konva and waveform-data) the
 * bundle is also split in two, each part compressed on its own: the engine, and Tagwerk's code
 * (the widget's own plus @tagwerk/core).
 *
 * When a package's dist is missing or older than its sources (or core's), the bundles are rebuilt
 * here with Vite in library mode, with the settings of scripts/build-standalone.mjs, into
 * bench/node_modules/.bench-size/ (the packages' dist folders are left alone).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, defaultClientConditions } from 'vite';
import type { Row, ScenarioContext } from '../lib/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGES = join(ROOT, 'packages');
const CORE_SRC = join(PACKAGES, 'core', 'src');
const BUILD_DIR = fileURLToPath(new URL('../node_modules/.bench-size/', import.meta.url));
const ES_FILE = 'standalone.js';
const IIFE_FILE = 'standalone.iife.js';

/** Packages that make up one group in the breakdown (a library and its own dependencies). */
const GROUP_OF: Record<string, string> = {
  'lit-html': 'lit',
  'lit-element': 'lit',
  '@lit/reactive-element': 'lit',
  '@formatjs/fast-memoize': 'intl-messageformat',
  '@formatjs/icu-skeleton-parser': 'intl-messageformat',
  '@formatjs/icu-messageformat-parser': 'intl-messageformat',
  '@formatjs/ecma402-abstract': 'intl-messageformat',
  tslib: 'intl-messageformat',
};
/** The rendering engine each widget is built on: breakdown groups, split from Tagwerk's own code. */
const ENGINES: Record<string, readonly string[]> = {
  '@tagwerk/audio-transcriber': ['peaks.js', 'konva', 'waveform-data'],
  '@tagwerk/image-labeler': ['fabric'],
};
/** Groups below this share of the bundle are summed into "other". */
const MIN_SHARE = 0.005;

const gzip = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;
const brotli = (data: Buffer | string) =>
  brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(data),
    },
  }).length;

interface Widget {
  name: string;
  dir: string;
}

/** Workspace packages whose build produces standalone bundles (or that have some in dist). */
function widgets(): Widget[] {
  return readdirSync(PACKAGES)
    .map((entry) => join(PACKAGES, entry))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({
      dir,
      pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>,
    }))
    .filter(({ dir, pkg }) => {
      const scripts = (pkg.scripts ?? {}) as Record<string, string>;
      return (
        Object.values(scripts).some((s) => s.includes('build-standalone')) || existsSync(join(dir, 'dist', ES_FILE))
      );
    })
    .map(({ dir, pkg }) => ({ name: String(pkg.name), dir }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Newest modification time of the (non-test) TypeScript under `dir`, recursively. */
function newestSource(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** dist/ when both bundles and their maps are newer than every source they are built from. */
function distIsFresh(widget: Widget): boolean {
  const files = [ES_FILE, `${ES_FILE}.map`, IIFE_FILE].map((f) => join(widget.dir, 'dist', f));
  if (!files.every((f) => existsSync(f))) return false;
  const built = Math.min(...files.map((f) => statSync(f).mtimeMs));
  const inputs = [
    newestSource(join(widget.dir, 'src')),
    newestSource(CORE_SRC),
    statSync(join(widget.dir, 'package.json')).mtimeMs,
    statSync(join(ROOT, 'pnpm-lock.yaml')).mtimeMs,
  ];
  return built >= Math.max(...inputs);
}

/** The two bundles as scripts/build-standalone.mjs makes them, written to a scratch folder. */
async function buildStandalone(widget: Widget): Promise<string> {
  const outDir = join(BUILD_DIR, basename(widget.dir));
  const banner = `/*! ${widget.name} (bench build) */`;
  await build({
    configFile: false,
    root: widget.dir,
    mode: 'production',
    logLevel: 'error',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: {
      outDir,
      emptyOutDir: true,
      copyPublicDir: false,
      minify: true,
      sourcemap: true,
      reportCompressedSize: false,
      lib: {
        entry: join(widget.dir, 'src', 'index.ts'),
        name: 'Tagwerk.Bench',
        fileName: (format) => (format === 'es' ? ES_FILE : IIFE_FILE),
      },
      rolldownOptions: {
        output: [
          {
            format: 'es',
            charset: 'ascii',
            postBanner: banner,
            minify: true,
            codeSplitting: false,
            comments: { legal: false, annotation: false },
          },
          {
            format: 'iife',
            charset: 'ascii',
            postBanner: banner,
            name: 'Tagwerk.Bench',
            extend: true,
            minify: true,
            comments: { legal: false },
          },
        ],
      },
    },
  });
  return outDir;
}

// ---------------------------------------------------------------------------------------------
// Source maps

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one segment's base64 VLQ fields. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad source map character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

interface SourceMap {
  sources: string[];
  mappings: string;
  sourceRoot?: string;
}

/**
 * Splits the generated code into runs attributed to a source index (-1: unmapped), in order: each
 * mapping segment covers its generated column up to the next segment's (or the line's end). A line
 * that starts without a segment continues the previous line's source: minified code only breaks
 * lines inside template literals (Lit's html and css keep theirs), which belong to the code around them.
 */
export function attribute(code: string, map: SourceMap): Array<{ source: number; text: string }> {
  const runs: Array<{ source: number; text: string }> = [];
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  let source = 0;
  let current = -1;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    const eol = l < lines.length - 1 ? '\n' : '';
    const segments = (mappingLines[l] ?? '').split(',').filter(Boolean);
    let column = 0;
    const starts: Array<{ column: number; source: number }> = [];
    for (const segment of segments) {
      const fields = decodeSegment(segment);
      column += fields[0]!;
      if (fields.length >= 4) {
        source += fields[1]!;
        starts.push({ column, source });
      } else {
        starts.push({ column, source: -1 });
      }
    }
    if (starts.length === 0 || starts[0]!.column > 0) starts.unshift({ column: 0, source: current });
    for (let i = 0; i < starts.length; i++) {
      const end = i + 1 < starts.length ? starts[i + 1]!.column : line.length;
      runs.push({ source: starts[i]!.source, text: line.slice(starts[i]!.column, end) });
    }
    current = starts[starts.length - 1]!.source;
    if (eol) runs.push({ source: current, text: eol });
  }
  return runs;
}

/** The breakdown group of a source path from the map (resolved against the bundle's folder). */
function groupOf(path: string, widget: Widget): { group: string; thirdParty: boolean } {
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    const name = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    return { group: GROUP_OF[name] ?? name, thirdParty: true };
  }
  if (path.startsWith(CORE_SRC)) return { group: '@tagwerk/core', thirdParty: false };
  if (path.startsWith(join(widget.dir, 'src'))) return { group: `${widget.name} (own code)`, thirdParty: false };
  return { group: '(other)', thirdParty: false };
}

interface Breakdown {
  /** Minified bytes per group. */
  groups: Map<string, number>;
  /** The group's code, its runs joined in bundle order. */
  code: Map<string, string>;
  thirdPartyCode: string;
}

/** Every byte of `code` by breakdown group, and the third-party part on its own. */
export function breakdown(
  code: string,
  map: SourceMap,
  bundleDir: string,
  widget: { name: string; dir: string },
): Breakdown {
  const root = resolve(bundleDir, map.sourceRoot ?? '');
  const sources = map.sources.map((s) => groupOf(resolve(root, s), widget));
  const groups = new Map<string, number>();
  const runs = new Map<string, string[]>();
  const thirdParty: string[] = [];
  for (const run of attribute(code, map)) {
    const info = run.source >= 0 ? sources[run.source]! : { group: '(bundler glue, unmapped)', thirdParty: false };
    groups.set(info.group, (groups.get(info.group) ?? 0) + Buffer.byteLength(run.text));
    const list = runs.get(info.group) ?? [];
    list.push(run.text);
    runs.set(info.group, list);
    if (info.thirdParty) thirdParty.push(run.text);
  }
  const joined = new Map([...runs].map(([group, texts]) => [group, texts.join('')]));
  return { groups, code: joined, thirdPartyCode: thirdParty.join('') };
}

/**
 * A widget's bundle split in two: its engine's groups, and Tagwerk's code (the widget's own and
 * @tagwerk/core). The rest (lit, marked, TypeBox, …, glue) belongs to neither.
 */
export function engineSplit(
  parts: Pick<Breakdown, 'code'>,
  widgetName: string,
  engine: readonly string[],
): { engine: string; tagwerk: string; missing: string[] } {
  const pick = (groups: readonly string[]) => groups.map((g) => parts.code.get(g) ?? '').join('');
  return {
    engine: pick(engine),
    tagwerk: pick([`${widgetName} (own code)`, '@tagwerk/core']),
    missing: engine.filter((g) => !parts.code.has(g)),
  };
}

// ---------------------------------------------------------------------------------------------

const short = (name: string) => name.replace(/^@tagwerk\//, '');
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function rowsFor(widget: Widget, dir: string, origin: string): Row[] {
  const es = readFileSync(join(dir, ES_FILE), 'utf8');
  const map = JSON.parse(readFileSync(join(dir, `${ES_FILE}.map`), 'utf8')) as SourceMap;
  const parts = breakdown(es, map, dir, widget);
  const { groups, thirdPartyCode } = parts;
  const raw = Buffer.byteLength(es);
  const counted = [...groups.values()].reduce((a, b) => a + b, 0);
  if (counted !== raw) throw new Error(`${widget.name}: the source map covers ${counted} of ${raw} bytes`);
  const sizes = { raw, gzip: gzip(es), brotli: brotli(es) };
  const deps = { raw: Buffer.byteLength(thirdPartyCode), gzip: gzip(thirdPartyCode), brotli: brotli(thirdPartyCode) };
  const name = short(widget.name);
  const rows: Row[] = [
    {
      measure: `${name} ${ES_FILE}, min + gzip (min ${kB(raw)})`,
      unit: 'B',
      ours: sizes.gzip,
      baseline: { name: 'third-party alone', value: deps.gzip },
      note:
        'Baseline: the bytes of the same bundle that the source map attributes to node_modules (lit, marked, DOMPurify, TypeBox, ' +
        'intl-messageformat, idb-keyval, fabric, peaks.js, konva, …), tree-shaken and minified as bundled, compressed on their own. ' +
        'No target yet; the contract asks for as small as possible.',
      extra: { origin, sizes, thirdParty: deps },
    },
    {
      measure: `${name} ${ES_FILE}, min + brotli`,
      unit: 'B',
      ours: sizes.brotli,
      baseline: { name: 'third-party alone', value: deps.brotli },
    },
  ];
  const iifePath = join(dir, IIFE_FILE);
  if (existsSync(iifePath)) {
    const iife = readFileSync(iifePath);
    const iifeSizes = { raw: iife.length, gzip: gzip(iife), brotli: brotli(iife) };
    rows.push({
      measure: `${name} ${IIFE_FILE}, min + gzip (brotli ${kB(iifeSizes.brotli)})`,
      unit: 'B',
      ours: iifeSizes.gzip,
      extra: { origin, sizes: iifeSizes },
    });
  }
  const engine = ENGINES[widget.name];
  if (engine) rows.push(...engineRows(name, widget.name, engine, parts, sizes.gzip));
  const sorted = [...groups].sort((a, b) => b[1] - a[1]);
  let other = 0;
  for (const [group, bytes] of sorted) {
    if (bytes / raw < MIN_SHARE) {
      other += bytes;
      continue;
    }
    rows.push(groupRow(name, group, bytes, raw, sizes));
  }
  if (other > 0) rows.push(groupRow(name, `smaller parts (< ${MIN_SHARE * 100} % each)`, other, raw, sizes));
  return rows;
}

function engineRows(
  name: string,
  widgetName: string,
  engine: readonly string[],
  parts: Breakdown,
  total: number,
): Row[] {
  const split = engineSplit(parts, widgetName, engine);
  if (split.missing.length) throw new Error(`${widgetName}: no ${split.missing.join(', ')} in the bundle's source map`);
  const engineName = engine.join(' + ');
  const sized = (code: string) => ({ raw: Buffer.byteLength(code), gzip: gzip(code), brotli: brotli(code) });
  const e = sized(split.engine);
  const t = sized(split.tagwerk);
  const share = (gz: number) => `${((gz / total) * 100).toFixed(0)} % of the bundle's gzip`;
  return [
    {
      measure: `· ${name}: engine ${engineName} (min ${kB(e.raw)}), min + gzip on its own (${share(e.gzip)})`,
      unit: 'B',
      ours: e.gzip,
      note:
        "The bundle split by the source map into the widget's rendering engine and Tagwerk's code (the widget's own and " +
        "@tagwerk/core), each part's minified bytes gzipped on their own (level 9): the rest of the bundle (lit, marked, " +
        'DOMPurify, TypeBox, intl-messageformat, …) is in neither. Parts compressed apart add up to a little more than the whole.',
      extra: { groups: engine, sizes: e },
    },
    {
      measure: `· ${name}: Tagwerk code (widget + @tagwerk/core, min ${kB(t.raw)}), min + gzip on its own (${share(t.gzip)})`,
      unit: 'B',
      ours: t.gzip,
      extra: { sizes: t },
    },
  ];
}

function groupRow(
  name: string,
  group: string,
  bytes: number,
  raw: number,
  sizes: { gzip: number; brotli: number },
): Row {
  const share = bytes / raw;
  return {
    measure: `· ${name}: ${group} (min ${kB(bytes)}, ${(share * 100).toFixed(1)} %), gzip share`,
    unit: 'B',
    ours: sizes.gzip * share,
    note:
      'Breakdown of standalone.js by the source map: minified bytes per package (its own dependencies included, e.g. lit-html under lit, ' +
      "@formatjs under intl-messageformat); the gzip share is the bundle's gzip size in proportion to those bytes (an estimate: " +
      'code compresses unevenly).',
    extra: { minBytes: bytes, share, brotliShare: sizes.brotli * share },
  };
}

export async function run(ctx: ScenarioContext): Promise<Row[]> {
  const rows: Row[] = [];
  for (const widget of widgets()) {
    try {
      let dir = join(widget.dir, 'dist');
      let origin = 'dist';
      if (!distIsFresh(widget)) {
        const started = performance.now();
        dir = await buildStandalone(widget);
        origin = 'bench build (dist missing or older than the sources)';
        ctx.log(`${widget.name}: dist missing or stale, built in ${Math.round(performance.now() - started)} ms`);
      }
      const widgetRows = rowsFor(widget, dir, origin);
      if (origin !== 'dist')
        widgetRows[0]!.note += ` Built by the bench: ${widget.name}'s dist was missing or older than its sources.`;
      rows.push(...widgetRows);
    } catch (error) {
      // One broken package must not hide the others' sizes: a FAIL row says what happened.
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      ctx.log(`${widget.name}: ${message}`);
      rows.push({
        measure: `${short(widget.name)} ${ES_FILE}: no bundle`,
        unit: 'B',
        ours: Number.NaN,
        target: { on: 'ours', max: Number.POSITIVE_INFINITY },
        note: `${widget.name}: ${message}`,
      });
    }
  }
  if (rows.length === 0) throw new Error(`no widget package with a standalone build under ${PACKAGES}`);
  return rows;
}
