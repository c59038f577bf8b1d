// Custom-elements manifest for a widget package; each widget's `analyze` script runs
// `cem analyze --config ../../custom-elements-manifest.config.mjs` from the package directory.
//
// Every widget extends TagwerkWidget from @tagwerk/ui, which holds the common API (task,
// value, name, mode, submit(), …). The analyzer only resolves inherited members for classes it
// has parsed, so @tagwerk/ui's sources are analysed too; the first plugin below then drops its
// modules and everything that is not public API, leaving one manifest per widget that documents
// it fully. The second types that API by the widget's task kind; the third writes the framework
// types (React, Vue, Svelte, Solid) into dist/frameworks/ from the manifest.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import ts from 'typescript';

/** Lifecycle and form callbacks the platform calls: public by necessity, not API for hosts. */
const PLATFORM_CALLBACKS = new Set([
  'connectedCallback',
  'disconnectedCallback',
  'attributeChangedCallback',
  'adoptedCallback',
  'formAssociatedCallback',
  'formResetCallback',
  'formDisabledCallback',
  'formStateRestoreCallback',
]);

const CORE_UI = '../ui/src/';

function tagwerkPublicApi() {
  /** Class name → names of its `static properties` entries declared `state: true` (internal). */
  const stateFields = new Map();

  return {
    name: 'tagwerk-public-api',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStaticProperties =
          ts.isPropertyDeclaration(member) &&
          member.name.getText() === 'properties' &&
          member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) &&
          member.initializer &&
          ts.isObjectLiteralExpression(member.initializer);
        if (!isStaticProperties) continue;
        for (const entry of member.initializer.properties) {
          if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
          const isState = entry.initializer.properties.some(
            (option) =>
              ts.isPropertyAssignment(option) &&
              option.name.getText() === 'state' &&
              option.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (!isState) continue;
          const className = node.name.getText();
          if (!stateFields.has(className)) stateFields.set(className, new Set());
          stateFields.get(className).add(entry.name.getText());
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const fromCore = (reference) =>
        reference?.module?.startsWith(CORE_UI) ? { name: reference.name, package: '@tagwerk/ui' } : reference;
      const isState = (name, owners) => owners.some((owner) => stateFields.get(owner)?.has(name));

      customElementsManifest.modules = customElementsManifest.modules.filter(
        (module) => !module.path.startsWith('../'),
      );
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          const owners = [declaration.name, ...(declaration.members ?? []).map((m) => m.inheritedFrom?.name)].filter(
            Boolean,
          );
          const hidden = new Set();
          declaration.members = (declaration.members ?? []).filter((member) => {
            const keep =
              (member.privacy ?? 'public') === 'public' &&
              !member.static &&
              !member.name.startsWith('#') &&
              !PLATFORM_CALLBACKS.has(member.name) &&
              !isState(member.name, owners);
            if (!keep) hidden.add(member.name);
            return keep;
          });
          declaration.attributes = (declaration.attributes ?? []).filter(
            (attribute) => !attribute.fieldName || !hidden.has(attribute.fieldName),
          );
          // `dispatchEvent(new SomeEvent())` yields a nameless entry; the @event JSDoc tags name them.
          const events = new Map();
          for (const event of declaration.events ?? []) {
            if (event.name && !events.has(event.name)) events.set(event.name, event);
          }
          declaration.events = [...events.values()];
          for (const item of [...declaration.members, ...declaration.attributes, ...declaration.events]) {
            if (item.inheritedFrom) item.inheritedFrom = fromCore(item.inheritedFrom);
          }
          if (declaration.superclass) declaration.superclass = fromCore(declaration.superclass);
        }
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Types by task kind, and the framework types

const CORE_PACKAGE = '@tagwerk/core';
const CORE_ENTRY = new URL('./packages/core/src/index.ts', import.meta.url).pathname;
/** The events whose `detail.annotation` is the widget's own kind (AnnotationOf<K>). */
const ANNOTATION_EVENTS = new Set(['tagwerk-submit', 'tagwerk-change']);

let coreNamesCache;
/**
 * The names @tagwerk/core exports, and the global (DOM and ES) type names, from core's sources
 * (a clean clone has no built dist yet).
 */
function coreNames() {
  if (coreNamesCache) return coreNamesCache;
  const program = ts.createProgram([CORE_ENTRY], {
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
  });
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(CORE_ENTRY);
  const moduleSymbol = entry && checker.getSymbolAtLocation(entry);
  if (!moduleSymbol) throw new Error(`custom-elements-manifest.config.mjs: cannot read ${CORE_ENTRY}`);
  const exported = new Set(checker.getExportsOfModule(moduleSymbol).map((symbol) => symbol.name));
  // In scope at the top of core's entry: the lib's globals (and the entry's own imports, all core).
  const globals = new Set(checker.getSymbolsInScope(entry, ts.SymbolFlags.Type).map((symbol) => symbol.name));
  coreNamesCache = { exported, globals };
  return coreNamesCache;
}

/**
 * Rewrites the type names in a type's source text: `rename(name)` returns the replacement of a
 * referenced type name (or undefined to keep it). String literal types and the like are untouched.
 */
function mapTypeNames(text, rename) {
  const prefix = 'type __T = ';
  const source = ts.createSourceFile('type.ts', `${prefix}${text};`, ts.ScriptTarget.Latest, true);
  const edits = [];
  const visit = (node) => {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      const replacement = rename(node.typeName.text);
      if (replacement !== undefined) edits.push([node.typeName.getStart(source), node.typeName.end, replacement]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = source.text;
  for (const [start, end, replacement] of edits.sort((a, b) => b[0] - a[0]))
    out = out.slice(0, start) + replacement + out.slice(end);
  return out.slice(prefix.length, -1);
}

const pascal = (name) => name.replace(/(^|-)([a-z0-9])/g, (_, __, letter) => letter.toUpperCase());

/** The widget classes' task kinds, from `extends TagwerkWidget<'text', …>`: class name → kind. */
const widgetKinds = new Map();

/**
 * Types the manifest by the widget's task kind, for Storybook, VS Code and the framework types:
 * `task` is the kind's task (an object, or its JSON text), the `K` of TagwerkWidget<K> (in `value`,
 * `submit()`, …) becomes the kind, and each `tagwerk-*` event gets its event class from core.
 */
function tagwerkKindTypes() {
  return {
    name: 'tagwerk-kind-types',
    analyzePhase({ ts: analyzerTs, node }) {
      if (!analyzerTs.isClassDeclaration(node) || !node.name) return;
      const base = node.heritageClauses
        ?.find((clause) => clause.token === analyzerTs.SyntaxKind.ExtendsKeyword)
        ?.types.find((type) => type.expression.getText() === 'TagwerkWidget');
      const kind = base?.typeArguments?.[0];
      if (kind && analyzerTs.isLiteralTypeNode(kind) && analyzerTs.isStringLiteral(kind.literal))
        widgetKinds.set(node.name.getText(), kind.literal.text);
    },
    packageLinkPhase({ customElementsManifest }) {
      const { exported } = coreNames();
      for (const declaration of elementDeclarations(customElementsManifest)) {
        const kind = widgetKinds.get(declaration.name);
        if (!kind) continue;
        const taskType = exported.has(`${pascal(kind)}Task`) ? `${pascal(kind)}Task` : `TaskOf<'${kind}'>`;
        const ofKind = (type) =>
          type?.text
            ? { ...type, text: mapTypeNames(type.text, (name) => (name === 'K' ? `'${kind}'` : undefined)) }
            : type;
        const inherited = (item) => item.inheritedFrom?.name === 'TagwerkWidget';
        for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
          if (item.name === 'task' && inherited(item)) item.type = { text: `${taskType} | string | null` };
          if (!inherited(item)) continue;
          item.type = ofKind(item.type);
          if (item.return) item.return = { ...item.return, type: ofKind(item.return.type) };
          for (const parameter of item.parameters ?? []) parameter.type = ofKind(parameter.type);
        }
        for (const event of declaration.events ?? []) {
          const eventClass = `${pascal(event.name)}Event`;
          if (!event.type && event.name.startsWith('tagwerk-') && exported.has(eventClass))
            event.type = { text: eventClass };
        }
      }
    },
  };
}

function* elementDeclarations(manifest) {
  for (const module of manifest.modules ?? [])
    for (const declaration of module.declarations ?? [])
      if (declaration.kind === 'class' && declaration.customElement && declaration.tagName) yield declaration;
}

/**
 * A copy of the manifest for the type generator: every type name of @tagwerk/core written as
 * `import("@tagwerk/core").Name`, so the generated .d.ts resolves from the installed widget
 * package (core is its dependency); `tagwerk-submit` and `tagwerk-change` carry the widget's own
 * annotation type. A name that is neither core's nor a global fails the build.
 */
function manifestForTypes(manifest) {
  const { exported, globals } = coreNames();
  const copy = structuredClone(manifest);
  for (const declaration of elementDeclarations(copy)) {
    const qualify = (type, where) =>
      type?.text
        ? {
            ...type,
            text: mapTypeNames(type.text, (name) => {
              if (exported.has(name)) return `import("${CORE_PACKAGE}").${name}`;
              if (globals.has(name)) return undefined;
              throw new Error(
                `custom-elements-manifest.config.mjs: the type ${name} (${declaration.name} ${where}) is neither exported by ${CORE_PACKAGE} nor a DOM/ES global, so the framework types cannot name it`,
              );
            }),
          }
        : type;
    for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
      item.type = qualify(item.type, item.name);
      if (item.return) item.return = { ...item.return, type: qualify(item.return.type, `${item.name}()`) };
      for (const parameter of item.parameters ?? []) parameter.type = qualify(parameter.type, `${item.name}()`);
    }
    const kind = widgetKinds.get(declaration.name);
    for (const event of declaration.events ?? []) {
      event.type = qualify(event.type, event.name);
      if (kind && event.type && ANNOTATION_EVENTS.has(event.name))
        event.type.text += ` & { readonly detail: { readonly annotation: import("${CORE_PACKAGE}").AnnotationOf<'${kind}'> } }`;
    }
  }
  return copy;
}

/** Vue's template compiler turns `@tagwerk-submit` into the prop `onTagwerkSubmit`. */
const vueHandler = (event) => `on${pascal(event)}`;

const HEADER = (what) =>
  `// Generated by custom-elements-manifest.config.mjs (\`pnpm run analyze\`) from custom-elements.json: ${what}\n`;

/** The framework entry files: each augments only its own framework's element types. */
function frameworkFiles(elements) {
  const eventsOf = (element) => (element.events ?? []).map((event) => event.name).filter(Boolean);
  const props = (element) => `${element.name}Props`;
  const react = `${HEADER('React 19 JSX types.')}// \`import '<package>/react'\` defines the elements and adds them to React's JSX.IntrinsicElements.
import type { Ref } from 'react';
import type { CustomCssProperties, CustomElements } from './types.js';

export * from '../index.js';
export type * from './types.js';

type ElementOf<Tag extends string> = Tag extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[Tag] : HTMLElement;

/** The generated props, with React's own \`ref\` type (a ref object or a callback ref). */
type ReactElements = {
  [Tag in keyof CustomElements]: Omit<CustomElements[Tag], 'ref'> & { ref?: Ref<ElementOf<Tag>> | undefined };
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends ReactElements {}
  }
  interface CSSProperties extends CustomCssProperties {}
}
`;
  const vueProps = elements
    .map(
      (
        element,
      ) => `/** ${element.name}'s props as vue-tsc matches them: \`@tagwerk-submit\` is the prop \`onTagwerkSubmit\`. */
type ${element.name}VueProps = Omit<${props(element)}, ${
        eventsOf(element)
          .map((e) => `'on${e}'`)
          .join(' | ') || 'never'
      }> & {
${eventsOf(element)
  .map((e) => `  ${vueHandler(e)}?: ${props(element)}['on${e}'];`)
  .join('\n')}
};`,
    )
    .join('\n\n');
  const vue = `${HEADER('Vue 3 template types.')}// \`import '<package>/vue'\` defines the elements and registers their types in Vue's GlobalComponents
// (vue-tsc and Volar). Vue itself must treat the tags as custom elements (compilerOptions.isCustomElement).
import type { DefineComponent } from 'vue';
import type { ${elements.map(props).join(', ')} } from './types.js';

export * from '../index.js';
export type * from './types.js';

${vueProps}

declare module 'vue' {
  interface GlobalComponents {
${elements.map((element) => `    '${element.tagName}': DefineComponent<${element.name}VueProps>;`).join('\n')}
  }
}
`;
  const svelte = `${HEADER('Svelte 5 element types.')}// \`import '<package>/svelte'\` defines the elements and adds them to svelte/elements' SvelteHTMLElements.
import type { HTMLAttributes } from 'svelte/elements';
import type { ${elements.map((element) => element.name).join(', ')} } from '../index.js';
import type { ${elements.map(props).join(', ')} } from './types.js';

export * from '../index.js';
export type * from './types.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${elements
  .map(
    (element) =>
      `    '${element.tagName}': Omit<HTMLAttributes<${element.name}>, keyof ${props(element)}> & ${props(element)};`,
  )
  .join('\n')}
  }
}
`;
  const solid = `${HEADER('Solid JSX types.')}// \`import '<package>/solid'\` defines the elements and adds them to Solid's JSX.IntrinsicElements
// (\`prop:task\`, \`attr:task-src\`, \`on:tagwerk-submit\`, …).
import type { CustomElementsSolidJs } from './types.js';

export * from '../index.js';
export type * from './types.js';

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements extends CustomElementsSolidJs {}
  }
}
`;
  return { 'react.d.ts': react, 'vue.d.ts': vue, 'svelte.d.ts': svelte, 'solid.d.ts': solid };
}

/**
 * Writes dist/frameworks/: types.d.ts, the props, events and docs of each element as generated by
 * @wc-toolkit/jsx-types from the manifest (with `useCemTypes`, so the kind-typed manifest types
 * are the prop types), and one small entry per framework that adds the elements to that
 * framework's namespace only. The generator's own tail, which augments every JSX flavour it knows
 * at once with its `ref` type that React's ref objects do not fit, is cut off.
 */
function tagwerkFrameworkTypes({ outdir = 'dist/frameworks' } = {}) {
  return {
    name: 'tagwerk-framework-types',
    packageLinkPhase({ customElementsManifest }) {
      const copy = manifestForTypes(customElementsManifest);
      const elements = [...elementDeclarations(copy)];
      if (elements.length === 0) return;
      generateJsxTypes(copy, {
        outdir,
        fileName: 'types.d.ts',
        useCemTypes: true,
        stronglyTypedEvents: true,
        // The class's own built module (dist/ mirrors src/): the generator imports every export
        // of that module, and the package entry does not re-export all of them.
        componentTypePath: (_name, _tag, modulePath) =>
          `../${modulePath.replace(/^src\//, '').replace(/\.ts$/, '.js')}`,
      });
      const file = join(outdir, 'types.d.ts');
      const generated = readFileSync(file, 'utf8');
      const tail = generated.search(/^declare (module|global)\b/m);
      if (tail === -1)
        throw new Error(`custom-elements-manifest.config.mjs: no module augmentation found in ${file} to cut off`);
      const body = generated.slice(0, tail).trimEnd();
      if (/^\s*declare (module|global)\b/m.test(body) || !/export type CustomElements\b/.test(body))
        throw new Error(`custom-elements-manifest.config.mjs: ${file} is not laid out as expected`);
      writeFileSync(file, `${HEADER('the props and events of each element (@wc-toolkit/jsx-types).')}${body}\n`);
      for (const [name, text] of Object.entries(frameworkFiles(elements))) writeFileSync(join(outdir, name), text);
    },
  };
}

export default {
  litelement: true,
  outdir: '.',
  globs: ['src/**/*.ts', `${CORE_UI}**/*.ts`],
  exclude: ['src/**/*.test.ts', 'src/**/test-*.ts', `${CORE_UI}**/*.test.ts`, `${CORE_UI}**/test-*.ts`],
  plugins: [tagwerkPublicApi(), tagwerkKindTypes(), tagwerkFrameworkTypes()],
};
