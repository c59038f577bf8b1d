#!/usr/bin/env node
// Builds a widget package's standalone bundles; run from the package directory (its `build` script
// does this after tsc). Vite's library mode turns `src/index.ts` into:
//   dist/standalone.js       one self-contained ES module (lit, @tagwerk/core, engines all inside)
//   dist/standalone.iife.js  the same as a classic script, for task iframes that cannot load modules
// both minified. @tagwerk/core is bundled from its TypeScript sources (`source` export condition),
// so the bundles never lag behind an unbuilt or stale core dist.
// Source maps (dist/standalone.js.map, dist/standalone.iife.js.map) are written next to them but
// are "hidden": the bundles carry no sourceMappingURL comment. The maps are several times the size
// of the bundles and stay out of the npm tarballs (`files` in the package.json); a comment pointing
// at a file the package does not ship would only give DevTools a 404. To debug a standalone bundle,
// build the same version from the repository and load its map into DevTools, or use the package's
// main entry (unminified ES modules, shipped with their own source maps and src/).
// The build fails when a bundle could not run on a strict-CSP host page (eval, Function), when the
// ES module still imports anything, or when the classic script is not a valid classic script.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stripVTControlCharacters } from 'node:util';
import { Script } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build, defaultClientConditions, parseAst } from 'vite';

const cwd = process.cwd();
const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
const ENTRY = 'src/index.ts';
const OUT_DIR = 'dist';
const ES_FILE = 'standalone.js';
const IIFE_FILE = 'standalone.iife.js';
const LICENSES_FILE = 'standalone.licenses.txt';
// Minifying drops the bundled packages' license comments; their notices go to LICENSES_FILE instead.
const banner = `/*! ${pkg.name} ${pkg.version} (${pkg.license}); bundled third-party licenses: ${LICENSES_FILE} */`;

// `@tagwerk/text-rater` → `Tagwerk.TextRater`: one `Tagwerk` namespace shared by every widget's script.
const globalName =
  'Tagwerk.' +
  pkg.name
    .replace(/^@tagwerk\//, '')
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

// Bundler warnings that mean a standalone file would misbehave at run time, not just look odd.
const FATAL_LOGS = new Set([
  'EMPTY_IMPORT_META', // import.meta becomes {} in the classic script: import.meta.url is undefined there
  'MISSING_GLOBAL_NAME',
  'MISSING_NAME_OPTION_FOR_IIFE_EXPORT',
]);
const fatalLogs = [];

const started = performance.now();
let outputs;
try {
  outputs = await build({
    configFile: false,
    root: cwd,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    // Library mode leaves process.env.NODE_ENV for the consumer's bundler; a standalone file has none.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: {
      outDir: OUT_DIR,
      emptyOutDir: false, // tsc's output lives there too
      copyPublicDir: false,
      minify: true,
      sourcemap: 'hidden',
      reportCompressedSize: false,
      lib: {
        entry: ENTRY,
        name: globalName,
        fileName: (format) => (format === 'es' ? ES_FILE : IIFE_FILE),
      },
      rolldownOptions: {
        onLog(level, log, handler) {
          if (FATAL_LOGS.has(log.code)) fatalLogs.push(stripVTControlCharacters(log.message.split('\n')[0]));
          handler(level, log);
        },
        // Every dependency is bundled: nothing is external.
        output: [
          // Library mode keeps an ES build's whitespace for the consumer's minifier; nobody
          // re-minifies a standalone file, so minify it fully. One file: no code splitting.
          {
            format: 'es',
            charset: 'ascii',
            postBanner: banner,
            minify: true,
            codeSplitting: false,
            comments: { legal: false, annotation: false },
          },
          // `extend` adds to an existing `Tagwerk` global, so several widget scripts can share a page.
          {
            format: 'iife',
            charset: 'ascii',
            postBanner: banner,
            name: globalName,
            extend: true,
            minify: true,
            comments: { legal: false },
          },
        ],
      },
    },
  });
} catch (error) {
  // Rolldown's message already holds every error with its code frame; the stack adds nothing.
  console.error(
    `build-standalone: Vite failed for ${pkg.name}\n${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const chunks = [outputs]
  .flat()
  .flatMap((result) => result.output)
  .filter((item) => item.type === 'chunk');

const problems = [...fatalLogs];
const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
for (const file of [ES_FILE, IIFE_FILE]) {
  if (!byFile.has(file)) problems.push(`${file} was not produced`);
}
for (const chunk of chunks) {
  if (chunk.fileName !== ES_FILE && chunk.fileName !== IIFE_FILE) {
    problems.push(`unexpected extra chunk ${chunk.fileName} (a dynamic import split the bundle?)`);
  }
}

// A strict CSP (no 'unsafe-eval') refuses both; catches direct and indirect eval and Function().
const CSP_PATTERNS = [
  [/(?<![\w$.])eval\s*\(/, 'eval('],
  [/[(,]\s*eval\s*\)/, '(0, eval)'],
  [/(?<![\w$.])Function\s*\(/, 'Function( / new Function('],
];
function cspProblems(file, code) {
  const found = [];
  for (const [pattern, label] of CSP_PATTERNS) {
    const match = pattern.exec(code);
    if (match) {
      const at = match.index;
      found.push(`${file}: contains ${label} near …${code.slice(Math.max(0, at - 60), at + 40)}…`);
    }
  }
  return found;
}

const es = byFile.get(ES_FILE);
if (es) {
  problems.push(...cspProblems(ES_FILE, es.code));
  // With code splitting off, a dynamic import inside the bundle (e.g. a lazily loaded layout)
  // is inlined and only listed as importing the bundle itself: that one is self-contained.
  const external = [...es.imports, ...es.dynamicImports].filter((file) => file !== ES_FILE);
  if (external.length) {
    problems.push(`${ES_FILE} is not self-contained: imports ${external.join(', ')}`);
  }
  // The chunk's own metadata, double-checked on the code: no import statement or import() left.
  const ast = parseAst(es.code);
  if (ast.body.some((node) => node.type === 'ImportDeclaration')) problems.push(`${ES_FILE} has an import statement`);
  if (/(?<![\w$.])import\s*\(/.test(es.code)) problems.push(`${ES_FILE} has a dynamic import()`);
}

const iife = byFile.get(IIFE_FILE);
if (iife) {
  problems.push(...cspProblems(IIFE_FILE, iife.code));
  try {
    // Compiles without running: a classic script rejects import/export statements and import.meta.
    new Script(iife.code, { filename: IIFE_FILE });
  } catch (error) {
    problems.push(`${IIFE_FILE} is not a valid classic script: ${error.message}`);
  }
  if (/(?<![\w$.])import\s*\(/.test(iife.code)) problems.push(`${IIFE_FILE} has a dynamic import()`);
}

for (const chunk of chunks) {
  if (/\bprocess\.env\b/.test(chunk.code)) problems.push(`${chunk.fileName} still reads process.env`);
}

const warnings = [];
// Task templates are often served without a charset, and a script inherits the page's encoding:
// non-ASCII in a bundle then turns into mojibake. `charset: 'ascii'` escapes all it can; only
// tagged-template text (Lit templates) keeps raw characters. Name them so the source can escape them.
for (const chunk of [es, iife].filter(Boolean)) {
  const found = new Set(chunk.code.match(/[^\t\n\r\x20-\x7e]/gu) ?? []);
  if (found.size) {
    const list = [...found].map((c) => `${c} U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    warnings.push(`${chunk.fileName} keeps non-ASCII in tagged templates (Lit html/css): ${list.join(', ')}`);
  }
}

/** The nearest package.json above a bundled module, i.e. the package it belongs to. */
function owningPackage(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const data = JSON.parse(readFileSync(manifest, 'utf8'));
      if (data.name && data.version) return { dir, data };
    }
  }
  return null;
}

function writeLicenses(chunk) {
  const packages = new Map();
  for (const id of chunk.moduleIds) {
    if (id.startsWith('\0')) continue; // bundler helpers
    const owner = owningPackage(id.split('?')[0]);
    if (owner && owner.data.name !== pkg.name) packages.set(`${owner.data.name}@${owner.data.version}`, owner);
  }
  const sections = [...packages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, { dir, data }]) => {
      const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
      const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${data.license ?? 'unknown'}`;
      return `${id} (${data.license ?? 'unknown'})\n\n${text}`;
    });
  const header = `Third-party software bundled into ${pkg.name} ${pkg.version}'s ${ES_FILE} and ${IIFE_FILE}.`;
  writeFileSync(join(cwd, OUT_DIR, LICENSES_FILE), [header, ...sections].join(`\n\n${'-'.repeat(80)}\n\n`) + '\n');
  return packages.size;
}

if (problems.length) {
  console.error(`build-standalone: ${pkg.name} failed checks:\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}

const bundled = writeLicenses(es);

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const sizes = [es, iife].map((chunk) => {
  const raw = Buffer.byteLength(chunk.code);
  const gz = gzipSync(chunk.code, { level: 9 }).length;
  return `${chunk.fileName} ${kB(raw)} (gzip ${kB(gz)})`;
});
console.log(
  `${pkg.name} → ${OUT_DIR}/: ${sizes.join(', ')}; ${bundled} packages bundled; global ${globalName}; ${seconds} s`,
);
for (const warning of warnings) console.warn(`build-standalone: warning: ${warning}`);
