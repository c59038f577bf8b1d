/**
 * The package boundaries, checked from outside rather than trusted to discipline:
 * - @tagwerk/core is the pure contract: its bundle holds nothing of the Lit half, it imports and
 *   works in a Node process without a DOM, its lint rule (eslint.config.js, `tagwerk/core-purity`)
 *   is in force, and installing it cannot pull in the Lit half's dependencies;
 * - each package's `sideEffects` says exactly which of its entries do something at import.
 * `npm test` runs this file; it does not run `pnpm lint`, so the lint rule is run here too.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile, type Plugin } from 'esbuild';
import { ESLint, Linter } from 'eslint';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORE = join(ROOT, 'packages', 'core');
const WIDGETS = ['text-rater', 'image-labeler', 'audio-transcriber'];

/** Packages that only the browser half may use; `@lit/…` and `@lit-labs/…` count as lit. */
const BROWSER_ONLY = ['lit', 'lit-html', 'lit-element', 'dompurify', 'marked', 'idb-keyval'];
const isBrowserOnly = (name: string): boolean =>
  BROWSER_ONLY.includes(name) || name.startsWith('@lit/') || name.startsWith('@lit-labs/');
/** Workspace packages core must never reach. */
const NOT_CORE = ['@tagwerk/ui', ...WIDGETS.map((w) => `@tagwerk/${w}`)];

const posix = (path: string): string => path.split(sep).join('/');

/** The npm package an esbuild input path belongs to (its last `node_modules/` segment), if any. */
function packageOf(input: string): string | undefined {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const [scope, name] = input.slice(at + 'node_modules/'.length).split('/');
  return scope?.startsWith('@') ? `${scope}/${name}` : scope;
}

/**
 * Bundles like a consumer's bundler would (source condition, tree shaking, `sideEffects` honoured).
 * A bare import that does not resolve is left external and listed in `unresolved` (as
 * `name <- importer`) rather than failing the build, so a check can name it.
 */
async function bundle(options: { entry?: string; stdin?: string; resolveDir?: string }): Promise<{
  code: string;
  metafile: Metafile;
  unresolved: string[];
}> {
  const unresolved: string[] = [];
  const keepUnresolved: Plugin = {
    name: 'keep-unresolved',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
        if ((args.pluginData as { inner?: boolean } | undefined)?.inner) return undefined;
        const resolved = await pluginBuild.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { inner: true },
        });
        if (resolved.errors.length === 0) return resolved;
        unresolved.push(`${args.path} <- ${posix(relative(ROOT, args.importer))}`);
        return { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    ...(options.entry
      ? { entryPoints: [options.entry] }
      : { stdin: { contents: options.stdin!, resolveDir: options.resolveDir ?? ROOT, loader: 'js' as const } }),
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['source'],
    // Lit's decorators, should a widget bundle go through here.
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    plugins: [keepUnresolved],
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]!.text, metafile: result.metafile, unresolved };
}

/** The modules of which a bundle kept some code (bytes in the output), `<stdin>` aside. */
const keptModules = (metafile: Metafile): string[] =>
  Object.values(metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && input !== '<stdin>')
      .map(([input]) => posix(input)),
  );

// -----------------------------------------------------------------------------------------------
// Installing @tagwerk/core: its production dependency closure, as Node would resolve it.

interface Manifest {
  name?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** Where Node finds package `name` from `dir` (walking up `node_modules` folders; pnpm's layout too). */
function resolvePackage(name: string, dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(at) === at) return undefined;
  }
}

/**
 * Every package name that installing the package in `dir` brings along: dependencies, optional and
 * peer dependencies (npm installs peers too), transitively. Names are collected as declared, so a
 * forbidden one counts even when it is not installed here.
 */
function productionClosure(dir: string): Set<string> {
  const names = new Set<string>();
  const visited = new Set<string>();
  const visit = (pkgDir: string): void => {
    if (visited.has(pkgDir)) return;
    visited.add(pkgDir);
    const manifest = readManifest(pkgDir);
    const declared = {
      ...manifest.peerDependencies,
      ...manifest.optionalDependencies,
      ...manifest.dependencies,
    };
    for (const name of Object.keys(declared)) {
      names.add(name);
      const found = resolvePackage(name, pkgDir);
      if (found) visit(found);
    }
  };
  visit(realpathSync(dir));
  return names;
}

describe('package boundaries', function () {
  // Bundling, a child Node process and type-aware linting each take a few seconds on two cores.
  this.timeout(120_000);

  describe('@tagwerk/core is pure', () => {
    it('bundles without anything from lit, DOMPurify, marked, idb-keyval, @tagwerk/ui or a widget', async () => {
      const { metafile, unresolved } = await bundle({ entry: 'packages/core/src/index.ts' });
      // An import core's own dependencies do not provide (e.g. 'lit' without declaring it).
      expect(unresolved, 'imports that do not resolve from core').to.deep.equal([]);
      const inputs = Object.keys(metafile.inputs).map(posix);
      const packages = new Set(inputs.map(packageOf).filter((name): name is string => name !== undefined));
      // The bundle really resolved core's dependencies (otherwise the checks below prove nothing).
      expect([...packages]).to.include.members(['@sinclair/typebox', 'intl-messageformat']);
      expect([...packages].filter(isBrowserOnly), 'browser-only packages in core').to.deep.equal([]);
      // Workspace code other than core's own sources (a relative import into ui, a widget's src…).
      const foreign = inputs.filter(
        (input) => packageOf(input) === undefined && !input.startsWith('packages/core/src/'),
      );
      expect(foreign, 'inputs from outside packages/core/src').to.deep.equal([]);
    });

    it('imports in a fresh Node process without a DOM, and parses and validates there', async () => {
      // Runs in the child: fails unless the DOM is absent, then records any touch of a browser
      // global (reading one yields undefined, as if absent) while core loads and works.
      const script = `
        if (typeof globalThis.document !== 'undefined' || typeof globalThis.window !== 'undefined') {
          throw new Error('this process has a DOM');
        }
        const touched = [];
        for (const name of ${JSON.stringify([
          'document',
          'window',
          'self',
          'navigator',
          'location',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'customElements',
          'HTMLElement',
          'Element',
          'Node',
          'ShadowRoot',
          'requestAnimationFrame',
          'matchMedia',
        ])}) {
          if (name in globalThis) continue;
          Object.defineProperty(globalThis, name, {
            configurable: true,
            get() { touched.push(name); return undefined; },
          });
        }
        const core = await import('@tagwerk/core');
        const parsed = core.parseTask({
          id: 'node-1',
          kind: 'text',
          record: { text: 'Ada met Grace.' },
          questions: [
            { id: 'score', type: 'rating', label: 'Quality', required: true, scale: { min: 1, max: 5 } },
            { id: 'who', type: 'spans', label: 'People', field: 'text', labels: [{ id: 'PER', name: 'Person' }] },
          ],
        });
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        const envelope = (answers) => ({
          schemaVersion: 1,
          kind: 'text',
          taskId: 'node-1',
          result: { answers },
          meta: {
            startedAt: '2026-12-01T10:00:00.000Z', submittedAt: '2026-12-01T10:01:00.000Z',
            activeMs: 60000, idleMs: 0, edits: 2, undos: 0, locale: 'de', widget: '@tagwerk/node@0.0.0',
          },
        });
        const valid = core.validateAnnotation(
          envelope({ score: 4, who: [{ start: 0, end: 3, label: 'PER', text: 'Ada' }] }), parsed.value);
        const invalid = core.validateAnnotation(envelope({ score: 9 }), parsed.value, { locale: 'de' });
        const event = new core.TagwerkChangeEvent({ annotation: envelope({ score: 4 }), valid: true, errors: [] });
        process.stdout.write(JSON.stringify({ touched, valid, invalid, event: [event.type, event.bubbles] }));
      `;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--conditions=source', '--import', 'tsx', '--input-type=module', '--eval', script],
        // From core's directory, '@tagwerk/core' resolves through the package's own `exports`.
        { cwd: CORE, env: { ...process.env, NODE_OPTIONS: '' } },
      );
      const report = JSON.parse(stdout) as {
        touched: string[];
        valid: { valid: boolean; errors: unknown[] };
        invalid: { valid: boolean; errors: Array<{ path: string; message: string }> };
        event: [string, boolean];
      };
      expect(report.touched, 'browser globals core read').to.deep.equal([]);
      expect(report.valid).to.deep.equal({ valid: true, errors: [] });
      expect(report.invalid.valid).to.equal(false);
      expect(report.invalid.errors[0]?.path).to.equal('/result/answers/score');
      expect(report.invalid.errors[0]?.message).to.be.a('string').and.not.equal('');
      expect(report.event).to.deep.equal(['tagwerk-change', true]);
    });

    it('passes its lint rule (eslint.config.js), and the rule forbids the Lit half and the DOM', async () => {
      const eslint = new ESLint({ cwd: ROOT });

      // 1. The rule is in force for core's sources, nested folders included: each forbidden import
      //    and global in a probe is reported under the effective configuration of a core file.
      for (const file of ['packages/core/src/index.ts', 'packages/core/src/validate/index.ts']) {
        const config = (await eslint.calculateConfigForFile(file)) as Linter.Config;
        const rules = {
          'no-restricted-imports': config.rules?.['no-restricted-imports'],
          'no-restricted-globals': config.rules?.['no-restricted-globals'],
        };
        expect(rules['no-restricted-imports'], `${file}: no-restricted-imports`).to.not.equal(undefined);
        expect(rules['no-restricted-globals'], `${file}: no-restricted-globals`).to.not.equal(undefined);
        const imports = [
          'lit',
          'lit/decorators.js',
          '@lit/reactive-element',
          '@lit-labs/virtualizer',
          'lit-html',
          'dompurify',
          'marked',
          'idb-keyval',
          '@tagwerk/ui',
          '@tagwerk/text-rater',
          '@tagwerk/image-labeler/class',
          '@tagwerk/audio-transcriber',
          '../../../ui/src/markdown.js',
          '../../../text-rater/src/text-rater.js',
        ];
        const globals = [
          'document',
          'window',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'navigator',
          'location',
          'customElements',
          'HTMLElement',
          'Element',
          'Node',
          'ShadowRoot',
          'requestAnimationFrame',
          'matchMedia',
        ];
        const probe = [
          ...imports.map((name) => `import ${JSON.stringify(name)};`),
          ...globals.map((name) => `export const use_${name} = ${name};`),
          'export const viaGlobalThis = globalThis.document;',
          // Allowed (documented in the rule): ambient DOM types in type positions compile away,
          // and Event/CustomEvent/EventTarget exist in Node.
          'export type Handler = (event: KeyboardEvent, root: ShadowRoot) => void;',
          "export const event = new CustomEvent('x');",
          "import { parseTask } from '../index.js'; export { parseTask };",
        ].join('\n');
        const messages = new Linter({ configType: 'flat' }).verify(
          probe,
          [{ files: ['**/*.ts'], languageOptions: { parser: config.languageOptions?.parser }, rules }],
          { filename: 'probe.ts' },
        );
        const reportedLines = new Set(messages.map((m) => m.line));
        const expectedLines = imports.length + globals.length + 1;
        for (let line = 1; line <= expectedLines; line++) {
          const source = probe.split('\n')[line - 1];
          expect(reportedLines.has(line), `${file}: not reported: ${source}`).to.equal(true);
        }
        const allowed = messages.filter((m) => m.line > expectedLines);
        expect(allowed, `${file}: over-reported`).to.deep.equal([]);
      }

      // 2. Core's real sources pass (every rule of the config, not only the purity rule).
      const results = await eslint.lintFiles(['packages/core/src']);
      const errors = results.flatMap((r) =>
        r.messages
          .filter((m) => m.severity === 2)
          .map((m) => `${relative(ROOT, r.filePath)}:${m.line}:${m.column} ${m.message} (${m.ruleId})`),
      );
      expect(results.length, 'files linted').to.be.greaterThan(10);
      expect(errors).to.deep.equal([]);
    });
  });

  describe('installing @tagwerk/core', () => {
    it('cannot pull in lit, DOMPurify, marked, idb-keyval, @tagwerk/ui or a widget', () => {
      const closure = productionClosure(CORE);
      // The walk really went through core's dependencies and theirs.
      expect([...closure]).to.include.members(['@sinclair/typebox', 'intl-messageformat']);
      expect(closure.size).to.be.greaterThan(2);
      const forbidden = [...closure].filter((name) => isBrowserOnly(name) || NOT_CORE.includes(name));
      expect(forbidden, 'browser-only packages installed with @tagwerk/core').to.deep.equal([]);
    });

    it('(the dependency walk sees transitive, optional and peer dependencies, installed or not)', () => {
      const dir = mkdtempSync(join(tmpdir(), 'tagwerk-closure-'));
      try {
        const write = (path: string, manifest: Manifest): void => {
          mkdirSync(join(dir, path), { recursive: true });
          writeFileSync(join(dir, path, 'package.json'), JSON.stringify(manifest));
        };
        write('.', { name: 'app', dependencies: { a: '1' } });
        write('node_modules/a', { name: 'a', dependencies: { b: '1' }, optionalDependencies: { gone: '1' } });
        // Hoisted beside a, as npm and pnpm's virtual store both lay it out.
        write('node_modules/b', { name: 'b', peerDependencies: { lit: '3' } });
        expect([...productionClosure(dir)].sort()).to.deep.equal(['a', 'b', 'gone', 'lit']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('sideEffects declarations are exact', () => {
    for (const widget of WIDGETS) {
      const name = `@tagwerk/${widget}`;
      const resolveDir = join(ROOT, 'packages', widget);

      it(`${name}: a bundler keeps the main entry (it defines the elements)`, async () => {
        const { code } = await bundle({ stdin: `import '${name}';`, resolveDir });
        expect(code).to.match(new RegExp(`customElements\\.define\\("tagwerk-${widget}"`));
        expect(code, 'defineFields() survives').to.contain('"tagwerk-ranking-field"');
      });

      it(`${name}/class: a bundler may drop it (nothing happens at import)`, async () => {
        const { metafile } = await bundle({ stdin: `import '${name}/class';`, resolveDir });
        // Our modules (third-party code is only reached through them).
        const kept = keptModules(metafile).filter((input) => !input.includes('node_modules/'));
        expect(kept, 'modules kept for their side effects').to.deep.equal([]);
      });

      it(`${name}: the built entries are declared like their sources`, () => {
        const pkg = JSON.parse(readFileSync(join(resolveDir, 'package.json'), 'utf8')) as {
          sideEffects: string[];
          exports: Record<string, { source?: string; default?: string }>;
        };
        const main = pkg.exports['.']!;
        const classEntry = pkg.exports['./class']!;
        expect(pkg.sideEffects).to.include.members([main.source, main.default]);
        expect(pkg.sideEffects).to.not.include.members([classEntry.source]);
        expect(pkg.sideEffects).to.not.include.members([classEntry.default]);
      });
    }

    it('@tagwerk/ui: importing one helper bundles only that helper (no module is kept for its effects)', async () => {
      const { metafile } = await bundle({
        stdin: `import { currentPlatform } from '@tagwerk/ui'; export const platform = currentPlatform;`,
        resolveDir: join(ROOT, 'packages', 'text-rater'),
      });
      expect(keptModules(metafile)).to.deep.equal(['packages/ui/src/platform.ts']);
    });
  });
});
