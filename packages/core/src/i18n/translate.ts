/**
 * Localisation for every string Tagwerk shows or returns (validation messages included).
 * Messages are ICU MessageFormat, formatted by intl-messageformat (no eval, CSP-safe).
 * English is the fallback for any key or locale that is missing.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { de } from './de.js';
import { en } from './en.js';

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number | boolean | null | undefined>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogs: Record<string, Partial<Catalog>> = { en, de };

/** Locales with a complete catalogue. */
export const SUPPORTED_LOCALES = ['en', 'de'] as const;

/** Registers (or extends) a catalogue, e.g. a host's translation to another language. */
export function registerCatalog(locale: string, messages: Partial<Catalog>): void {
  const base = primary(locale);
  catalogs[base] = { ...catalogs[base], ...messages };
  cache.clear();
}

function primary(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
}

/** The catalogue locale used for a BCP 47 tag: its primary language when known, else English. */
export function resolveLocale(locale: string | undefined | null): string {
  const base = primary(locale || 'en');
  return base in catalogs ? base : 'en';
}

const cache = new Map<string, IntlMessageFormat>();

function format(locale: string, key: MessageKey, params?: MessageParams): string {
  const source = catalogs[locale]?.[key] ?? en[key] ?? key;
  const id = `${locale}\u0000${key}`;
  let formatter = cache.get(id);
  if (!formatter) {
    formatter = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true });
    cache.set(id, formatter);
  }
  const value = formatter.format(params);
  return Array.isArray(value) ? value.join('') : String(value);
}

/** A translator bound to a locale (any BCP 47 tag; falls back to English). */
export function createTranslator(locale?: string | null): Translate {
  const resolved = resolveLocale(locale);
  return (key, params) => format(resolved, key, params);
}
