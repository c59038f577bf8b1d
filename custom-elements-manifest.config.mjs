// Custom-elements manifest for a widget package; each widget's `analyze` script runs
// `cem analyze --config ../../custom-elements-manifest.config.mjs` from the package directory.
//
// Every widget extends TagwerkWidget from @tagwerk/ui, which holds the common API (task,
// value, name, mode, submit(), …). The analyzer only resolves inherited members for classes it
// has parsed, so @tagwerk/ui's sources are analysed too; the plugin below then drops its modules
// and everything that is not public API, leaving one manifest per widget that documents it fully.

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

export default {
  litelement: true,
  outdir: '.',
  globs: ['src/**/*.ts', `${CORE_UI}**/*.ts`],
  exclude: ['src/**/*.test.ts', 'src/**/test-*.ts', `${CORE_UI}**/*.test.ts`, `${CORE_UI}**/test-*.ts`],
  plugins: [tagwerkPublicApi()],
};
