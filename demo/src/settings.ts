/** The host's own settings: what a platform decides for the widgets it embeds. */

export const LANGUAGES = { en: 'ltr', de: 'ltr', ar: 'rtl' } as const;
export const THEMES = ['auto', 'light', 'dark'] as const;
export const MODES = ['work', 'review', 'training'] as const;

export interface Settings {
  /** Set as `lang` (and `dir`) on the widget container; widgets inherit it. */
  lang: keyof typeof LANGUAGES;
  /** The widgets' `theme` attribute; the page follows it too. */
  theme: (typeof THEMES)[number];
  /** The widgets' `mode`: review shows a canned annotation as `value`, training sets `reference`. */
  mode: (typeof MODES)[number];
}

const KEY = 'tagwerk-demo:settings';
const DEFAULTS: Settings = { lang: 'en', theme: 'auto', mode: 'work' };

const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** The saved settings, each value checked (localStorage is user-editable). */
export function loadSettings(): Settings {
  let saved: Partial<Record<keyof Settings, unknown>> = {};
  try {
    saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as typeof saved;
  } catch {
    // Private mode or a corrupt entry: defaults.
  }
  return {
    lang: oneOf(saved.lang, Object.keys(LANGUAGES) as Settings['lang'][], DEFAULTS.lang),
    theme: oneOf(saved.theme, THEMES, DEFAULTS.theme),
    mode: oneOf(saved.mode, MODES, DEFAULTS.mode),
  };
}

export function saveSettings(settings: Settings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Not persisted; the page still works.
  }
}

/** Reads the settings form. */
export function readForm(form: HTMLFormElement): Settings {
  const data = new FormData(form);
  return {
    lang: oneOf(data.get('lang'), Object.keys(LANGUAGES) as Settings['lang'][], DEFAULTS.lang),
    theme: oneOf(data.get('theme'), THEMES, DEFAULTS.theme),
    mode: oneOf(data.get('mode'), MODES, DEFAULTS.mode),
  };
}

/** Shows `settings` in the form. */
export function writeForm(form: HTMLFormElement, settings: Settings): void {
  for (const name of ['lang', 'theme', 'mode'] as const) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLSelectElement) field.value = settings[name];
  }
}
