/**
 * The collector every check writes to. Checks record a code and message parameters; messages
 * are only formatted (translated) at the end, and only when there are errors, so validating a
 * valid document allocates no strings.
 */
import { createTranslator, type MessageParams, resolveLocale, type Translate } from '../i18n/translate.js';
import type { ValidationError } from '../model/types.js';

/** Every code a validation error can carry; each has a `validation.<code>` message. */
export const VALIDATION_CODES = [
  // input guard and parsing
  'json-syntax',
  'forbidden-key',
  'not-finite',
  'too-deep',
  'too-large',
  'not-json',
  // schema
  'type',
  'required',
  'additional-property',
  'const',
  'enum',
  'minimum',
  'maximum',
  'min-length',
  'max-length',
  'pattern',
  'min-items',
  'max-items',
  'unique-items',
  'integer',
  'unknown-type',
  // beyond the schema
  'duplicate-id',
  'unknown-reference',
  'missing',
  'range',
  'scale-range',
  'unsafe-url',
  'task-invalid',
  'task-mismatch',
  'unknown-label',
  'tool-not-allowed',
  'out-of-bounds',
  'degenerate',
  'self-intersection',
  'unknown-keypoint',
  'constraint',
  'segment-order',
  'precision',
  'overlap',
  'unknown-question',
  'answer-required',
  'answer-invalid',
  'unknown-option',
  'not-permutation',
  'span-text-mismatch',
  // the element and the mode it works in
  'kind-mismatch',
  'review-required',
  'not-ready',
] as const;

/** A stable, machine-readable validation error code. */
export type ValidationCode = (typeof VALIDATION_CODES)[number];

/** An error before translation. */
export interface Issue {
  path: string;
  code: ValidationCode;
  params?: MessageParams;
}

/** At most this many errors are reported per document; checking stops once reached. */
export const MAX_ERRORS = 100;

/** Collects issues, drops repeats of the same path and code, and stops at `MAX_ERRORS`. */
export class IssueSink {
  readonly issues: Issue[] = [];
  private seen: Set<string> | null = null;

  constructor(private readonly limit: number = MAX_ERRORS) {}

  /** True once the limit is reached: callers stop checking. */
  get full(): boolean {
    return this.issues.length >= this.limit;
  }

  get size(): number {
    return this.issues.length;
  }

  /**
   * Records an issue unless one with the same path and code exists. `variant` tells apart distinct
   * problems that share a path and code (e.g. two labels below their minimum count at `/result/regions`).
   */
  add(path: string, code: ValidationCode, params?: MessageParams, variant?: string): void {
    if (this.issues.length >= this.limit) return;
    const key = variant === undefined ? `${path}\u0000${code}` : `${path}\u0000${code}\u0000${variant}`;
    this.seen ??= new Set();
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.issues.push(params ? { path, code, params } : { path, code });
  }

  /** True when an issue with this path and code was recorded. */
  has(path: string, code: ValidationCode): boolean {
    return this.seen?.has(`${path}\u0000${code}`) ?? false;
  }
}

// One translator per catalogue locale, resolved on every call: a catalogue registered later
// (registerCatalog) takes effect at once.
const translators = new Map<string, Translate>();

function translatorFor(locale: string | undefined): Translate {
  const resolved = resolveLocale(locale);
  let t = translators.get(resolved);
  if (!t) {
    t = createTranslator(resolved);
    translators.set(resolved, t);
  }
  return t;
}

const depth = (path: string): number => {
  let n = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) n++;
  return n;
};

/**
 * Translates issues into errors, most specific first: deeper paths before their ancestors,
 * document order otherwise (the sort is stable, so the order is the same in every engine).
 */
export function toErrors(issues: readonly Issue[], locale?: string): ValidationError[] {
  if (issues.length === 0) return [];
  const t = translatorFor(locale);
  return issues
    .map((issue, index) => ({ issue, index, depth: depth(issue.path) }))
    .sort((a, b) => b.depth - a.depth || a.index - b.index)
    .map(({ issue }) => ({ path: issue.path, code: issue.code, message: message(t, issue) }));
}

function message(t: Translate, issue: Issue): string {
  try {
    return t(`validation.${issue.code}`, issue.params);
  } catch {
    // A host catalogue with a broken message must not make validation throw.
    return issue.code;
  }
}

const QUOTE_MAX = 60;
// C0/C1 controls and line/paragraph separators would break a one-line message.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A hostile or huge string made safe to show inside a message: quoted, one line, at most ~60 characters. */
export function quote(value: unknown): string {
  let s = typeof value === 'string' ? value : String(value);
  if (s.length > QUOTE_MAX) {
    // Do not cut a surrogate pair in half.
    let end = QUOTE_MAX;
    const c = s.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--;
    s = `${s.slice(0, end)}…`;
  }
  return `"${s.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

/** A quoted, comma-separated list of at most `max` values (then "…"). */
export function quoteList(values: Iterable<unknown>, max = 12): string {
  const out: string[] = [];
  let more = false;
  for (const value of values) {
    if (out.length >= max) {
      more = true;
      break;
    }
    out.push(quote(value));
  }
  return more ? `${out.join(', ')}, …` : out.join(', ');
}

/** A number as a message parameter: its JavaScript spelling, identical in every engine and locale. */
export const num = (n: number): string => String(n);
