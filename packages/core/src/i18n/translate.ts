/**
 * Localisation for every string Tagwerk shows or returns (validation messages included).
 * Messages are ICU MessageFormat, formatted by intl-messageformat (no eval, CSP-safe).
 *
 * Each package owns its catalogues (core: validation; @tagwerk/ui: the shared chrome and
 * questions; each widget: its own strings) and hands them to `createTranslator` explicitly, so no
 * module registers anything at import time. English is the fallback for any key or locale that is
 * missing; a host adds a language or overrides wording for every package with `registerCatalog`.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { validationDe } from './validation.de.js';
import { validationEn } from './validation.en.js';

export type MessageParams = Record<string, string | number | boolean | null | undefined>;
/** A translator bound to a locale, for the keys of one set of catalogues. */
export type Translate<K extends string = MessageKey> = (key: K, params?: MessageParams) => string;

/** Catalogues per primary language: `en` is complete, the others may miss keys. */
export interface Messages<K extends string> {
  readonly en: Readonly<Record<K, string>>;
  readonly [locale: string]: Readonly<Partial<Record<K, string>>> | undefined;
}

/** The keys of a set of catalogues. */
export type KeyOf<M> = M extends Messages<infer K> ? K : never;

/** Core's own messages: validation errors. */
export const validationMessages = { en: validationEn, de: validationDe } as const satisfies Messages<string>;
/** Keys of core's messages (validation errors). */
export type MessageKey = keyof typeof validationEn;
/** A complete catalogue for core's keys. */
export type Catalog = Record<MessageKey, string>;

/** Locales every Tagwerk package ships complete. */
export const SUPPORTED_LOCALES = ['en', 'de'] as const;

/** Host-registered messages per primary language; they win over every package's own. */
const registered: Record<string, Record<string, string>> = {};

/** Registers (or extends) a catalogue for any package's keys, e.g. a host's translation to French. */
export function registerCatalog(locale: string, messages: Readonly<Record<string, string>>): void {
  const base = primary(locale);
  registered[base] = { ...registered[base], ...messages };
  cache.clear();
}

/** Combines the catalogues of several packages (later ones win on a shared key). */
export function mergeMessages<A extends string, B extends string>(a: Messages<A>, b: Messages<B>): Messages<A | B> {
  const out: Record<string, Record<string, string>> = {};
  for (const set of [a, b] as Array<Messages<string>>) {
    for (const [locale, catalog] of Object.entries(set))
      if (catalog) out[locale] = { ...out[locale], ...(catalog as Record<string, string>) };
  }
  return out as unknown as Messages<A | B>;
}

function primary(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0] || 'en';
}

/**
 * The catalogue locale used for a BCP 47 tag: its primary language when `messages` (or a
 * host registration) has it, else English.
 */
export function resolveLocale(
  locale: string | undefined | null,
  messages: Messages<string> = validationMessages,
): string {
  const base = primary(locale || 'en');
  return base in messages || base in registered ? base : 'en';
}

const cache = new Map<string, IntlMessageFormat>();

function format(messages: Messages<string>, locale: string, key: string, params?: MessageParams): string {
  const source =
    registered[locale]?.[key] ?? messages[locale]?.[key] ?? registered['en']?.[key] ?? messages.en[key] ?? key;
  const id = `${locale}\u0000${source}`;
  let formatter = cache.get(id);
  if (!formatter) {
    formatter = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true });
    cache.set(id, formatter);
  }
  const value = formatter.format(params);
  return Array.isArray(value) ? value.join('') : String(value);
}

/** A translator for `messages` (core's validation messages by default) bound to a locale. */
export function createTranslator(locale?: string | null): Translate;
export function createTranslator<K extends string>(
  locale: string | null | undefined,
  messages: Messages<K>,
): Translate<K>;
export function createTranslator(
  locale?: string | null,
  messages: Messages<string> = validationMessages,
): Translate<string> {
  const resolved = resolveLocale(locale, messages);
  return (key, params) => format(messages, resolved, key, params);
}
