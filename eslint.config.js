// ESLint 9 flat config for the whole workspace. Package `lint` scripts run `eslint src` from their
// own directory; ESLint finds this file by walking up, and globs below are relative to the root.
// Formatting belongs to Prettier (.prettierrc.json); nothing here is about layout.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

/** Widget and core sources that ship to browsers (tests excluded). */
const SHIPPED = ['packages/*/src/**/*.ts'];
const TESTS = ['**/*.test.ts', '**/test/**/*.ts', '**/test-*.ts'];

const HTML_SINKS = 'Task content is untrusted: build DOM with Lit templates (or sanitised nodes), never HTML strings.';
const SCOPED_KEYS =
  'Hotkeys are scoped to the host (two widgets on one page must not both react): listen on the element or its shadow root.';

const CORE_PURE =
  '@tagwerk/core is the pure contract and runs in Node: no DOM, no Lit, nothing from @tagwerk/ui or a widget (browser code belongs in @tagwerk/ui).';
/** The Lit half's dependencies, which core must not import (nor any other @tagwerk package). */
const CORE_FORBIDDEN_PACKAGES = ['lit', 'lit-html', 'lit-element', 'dompurify', 'marked', 'idb-keyval'];
/** Browser globals core must not use as values (they do not exist in Node). */
const CORE_FORBIDDEN_GLOBALS = [
  'window',
  'self',
  'document',
  'navigator',
  'location',
  'history',
  'screen',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'caches',
  'customElements',
  'HTMLElement',
  'Element',
  'Node',
  'Text',
  'Document',
  'DocumentFragment',
  'ShadowRoot',
  'Range',
  'Selection',
  'getSelection',
  'getComputedStyle',
  'matchMedia',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'ResizeObserver',
  'MutationObserver',
  'IntersectionObserver',
  'DOMParser',
  'XMLSerializer',
  'CSS',
  'Image',
  'Audio',
  'AudioContext',
  'OffscreenCanvas',
  'KeyboardEvent',
  'PointerEvent',
  'MouseEvent',
  'FocusEvent',
  'InputEvent',
  'alert',
  'confirm',
  'prompt',
];

// Plain JavaScript is not typechecked, so `no-undef` needs to know each environment's globals.
const toGlobals = (names) => Object.fromEntries(names.map((name) => [name, 'readonly']));
const COMMON = [
  'console',
  'URL',
  'URLSearchParams',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'fetch',
  'structuredClone',
  'performance',
  'globalThis',
  'AbortController',
  'TextEncoder',
  'TextDecoder',
];
const nodeGlobals = toGlobals([...COMMON, 'process', 'Buffer']);
const browserGlobals = toGlobals([
  ...COMMON,
  'window',
  'document',
  'navigator',
  'location',
  'customElements',
  'localStorage',
  'sessionStorage',
  'HTMLElement',
  'Element',
  'Node',
  'Event',
  'CustomEvent',
  'FormData',
  'Blob',
  'File',
  'requestAnimationFrame',
]);

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    'coverage/',
    'storybook-static/',
    '.tagwerk/',
    'packages/core/schema/',
    '**/custom-elements.json',
  ]),

  {
    name: 'tagwerk/javascript',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // Browser-side JavaScript (the demo host page, story helpers).
    files: ['demo/**/*.{js,mjs}', 'stories/**/*.{js,mjs}', 'packages/*/test/**/*.js'],
    ignores: ['**/*.config.{js,mjs}'],
    languageOptions: { globals: browserGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...nodeGlobals, require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
  },

  {
    name: 'tagwerk/typescript',
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked, lit.configs['flat/recommended']],
    languageOptions: {
      // Each file is checked with the nearest tsconfig.json (package ones, else the root one).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Lit calls template listeners (`@click=${this.handleClick}`) with `this` bound to the host,
      // the idiomatic Lit style; the rule cannot tell template bindings from real unbound calls.
      '@typescript-eslint/unbound-method': 'off',
      // Strict CSP: a host page without 'unsafe-eval' cannot run any of these.
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },

  {
    name: 'tagwerk/shipped-sources',
    files: SHIPPED,
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit/static-html.js', importNames: ['unsafeStatic'], message: HTML_SINKS },
            { name: 'lit-html/static.js', importNames: ['unsafeStatic'], message: HTML_SINKS },
          ],
          // unsafeHTML / unsafeSVG / unsafeMathML, from lit or lit-html.
          patterns: [{ group: ['**/unsafe-html*', '**/unsafe-svg*', '**/unsafe-mathml*'], message: HTML_SINKS }],
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: HTML_SINKS },
        { property: 'outerHTML', message: HTML_SINKS },
        { property: 'insertAdjacentHTML', message: HTML_SINKS },
        { property: 'setHTMLUnsafe', message: HTML_SINKS },
        { property: 'createContextualFragment', message: HTML_SINKS },
        { property: 'srcdoc', message: HTML_SINKS },
        { object: 'document', property: 'write', message: HTML_SINKS },
        { object: 'document', property: 'writeln', message: HTML_SINKS },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // document/window/globalThis/self.addEventListener('keydown' | 'keyup' | 'keypress', …)
          selector:
            "CallExpression[callee.property.name='addEventListener'][callee.object.name=/^(document|window|globalThis|self)$/][arguments.0.value=/^key/]",
          message: SCOPED_KEYS,
        },
        {
          // document.body / document.documentElement.addEventListener('key…', …)
          selector:
            "CallExpression[callee.property.name='addEventListener'][callee.object.object.name='document'][arguments.0.value=/^key/]",
          message: SCOPED_KEYS,
        },
        {
          selector:
            'AssignmentExpression[left.object.name=/^(document|window|globalThis|self)$/][left.property.name=/^onkey/]',
          message: SCOPED_KEYS,
        },
      ],
    },
  },

  {
    // @tagwerk/core is the pure contract: a server installs it and runs it in Node, so nothing it
    // ships may need a DOM or the Lit half. Enforced at run time too by core/test/boundaries.node.test.ts.
    name: 'tagwerk/core-purity',
    files: ['packages/core/src/**/*.ts'],
    ignores: TESTS,
    rules: {
      // Replaces the shipped-sources option list for core; its lit sinks are covered by banning lit.
      'no-restricted-imports': [
        'error',
        {
          paths: CORE_FORBIDDEN_PACKAGES.map((name) => ({ name, message: CORE_PURE })),
          patterns: [
            {
              group: [
                ...CORE_FORBIDDEN_PACKAGES.map((name) => `${name}/*`),
                '@lit/*',
                '@lit-labs/*',
                // @tagwerk/ui, every widget, and whatever else is built on core.
                '@tagwerk/*',
                '!@tagwerk/core',
                // Relative paths out of core/src into another package's sources.
                '../**/src/**',
                '!../**/core/src/**',
              ],
              message: CORE_PURE,
            },
          ],
        },
      ],
      // Value uses only: ESLint skips type positions (a `KeyboardEvent` in a signature compiles
      // away). Core still prefers structural types (`KeyEventLike`, `ElementLike` in shortcuts.ts)
      // so its .d.ts files typecheck for Node consumers without lib.dom. `Event`, `EventTarget` and
      // `CustomEvent` are allowed: Node has them, and the event classes in events.ts extend them.
      // checkGlobalObject also catches `globalThis.document`, `window.x` and `self.x`.
      'no-restricted-globals': [
        'error',
        {
          globals: CORE_FORBIDDEN_GLOBALS.map((name) => ({ name, message: CORE_PURE })),
          checkGlobalObject: true,
        },
      ],
    },
  },

  {
    name: 'tagwerk/tests',
    files: TESTS,
    rules: {
      // chai's property assertions (`expect(x).to.be.true`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
      // @open-wc/testing's DOM-diff plugin retypes every chai `equal` as returning a Promise (only
      // `.dom/.lightDom/.shadowDom.equal` really do). Plain `equal` is synchronous: allow it
      // unawaited; everything else that is async (`to.be.accessible()`, fixtures) must be awaited.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'chai', name: 'Equal' }] },
      ],
      // Tests feed deliberately malformed, untyped input and poke at parsed JSON; `any` is the point.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
]);
