/// <reference types="vite/client" />
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import './preview.css';

interface Manifest {
  schemaVersion: string;
  modules?: unknown[];
}

// Every package's custom-elements.json (written by `cem analyze`, see the `manifests` script),
// merged into one so the docs tables cover all three widgets. A package whose manifest has not
// been generated yet is simply missing from the glob: its docs pages lose the tables, nothing breaks.
const manifests = import.meta.glob<Manifest>('../../packages/*/custom-elements.json', {
  eager: true,
  import: 'default',
});
setCustomElementsManifest({
  schemaVersion: '1.0.0',
  readme: '',
  modules: Object.values(manifests).flatMap((manifest) => manifest.modules ?? []),
});

/** Locales offered in the toolbar, with their writing direction. */
const LOCALES = {
  en: { title: 'English', dir: 'ltr' },
  de: { title: 'Deutsch', dir: 'ltr' },
  ar: { title: 'العربية', dir: 'rtl' },
} as const;
type Locale = keyof typeof LOCALES;

const THEMES = ['auto', 'light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

/**
 * Pins every Tagwerk widget in a story to the toolbar's theme through the widgets' own `theme`
 * attribute: with `auto` they follow the operating system, not the page, exactly as on a host page.
 * Stories therefore leave `theme` to the toolbar.
 */
function applyTheme(root: Element | undefined, theme: Theme): void {
  if (!root) return;
  // The ref fires before the story's own nodes are committed; they exist once rendering returns.
  queueMicrotask(() => {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName.startsWith('tagwerk-')) element.setAttribute('theme', theme);
    }
  });
}

// Wraps each story in an element that plays the host page: widgets inherit `lang` and `dir` from
// their nearest ancestor; the page's own colours follow the theme too (see preview.css).
const withHostContext: Decorator = (story, context) => {
  const requestedTheme = String(context.globals['theme'] ?? 'auto');
  const theme: Theme = (THEMES as readonly string[]).includes(requestedTheme) ? (requestedTheme as Theme) : 'auto';
  const requestedLocale = String(context.globals['locale'] ?? 'en');
  const locale: Locale = requestedLocale in LOCALES ? (requestedLocale as Locale) : 'en';
  return html`<div
    class="tagwerk-story-root"
    data-theme=${theme}
    lang=${locale}
    dir=${LOCALES[locale].dir}
    ${ref((root) => applyTheme(root, theme))}
  >
    ${story()}
  </div>`;
};

const preview: Preview = {
  decorators: [withHostContext],
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: "Widgets' theme attribute (auto follows the operating system) and the page's colours",
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'auto', title: 'Auto (system)', icon: 'browser' },
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language (lang) and writing direction (dir) of the page around the widget',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: Object.entries(LOCALES).map(([value, { title }]) => ({ value, title, right: value })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'auto', locale: 'en' },
  parameters: {
    controls: { expanded: true, matchers: { date: /At$/ } },
    // Accessibility is part of the contract: violations fail story tests, not just warn.
    a11y: { test: 'error' },
    options: { storySort: { order: ['Introduction', '*'] } },
  },
};

export default preview;
