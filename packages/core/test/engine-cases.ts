/**
 * Cases on which every validator of the published schemas must give the same answer, whatever
 * its regular-expression engine: the core (TypeBox, ECMAScript without the `u` flag), Ajv
 * (ECMAScript with `u`) and python-jsonschema (Python's `re`). Engines differ in `\s`, `\d` and
 * `$`, so the cases put every Unicode white-space, control and invisible format character at the
 * start, the middle and the end of ids, answer keys and timestamps.
 *
 * Each case carries the answer the rule in the `Id` description gives (`expected`, computed here
 * from Unicode properties, independently of the schema's pattern) and the core's answer (`core`).
 * Used by `id-engines.node.test.ts` (the core and Ajv, in mocha) and by
 * `scripts/python-schema-check.mjs` (the same and python-jsonschema, an `npm test` step).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Annotation, AnnotationSchemas, Id, LIMITS, Task as TaskSchema } from '../src/model/schema.js';
import type { Task } from '../src/model/types.js';
import { IssueSink } from '../src/validate/issues.js';
import { checkSchema } from '../src/validate/schema-check.js';
import { checkAnnotationShape, checkTaskShape } from '../src/validate/index.js';

/** `id`: a bare string against `task.json#/$defs/Id`; otherwise a whole document. */
export type CaseSchema = 'id' | 'task' | 'annotation';

export interface EngineCase {
  group: string;
  label: string;
  schema: CaseSchema;
  document: unknown;
  /** What the rule says. */
  expected: boolean;
  /** What the core says. */
  core: boolean;
}

const root = new URL('../', import.meta.url);
const corpus = new URL('test/corpus/', root);
const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8')) as unknown;

// ---------------------------------------------------------------------------------------------
// The rule, from Unicode properties (not from the pattern it is checked against)
// ---------------------------------------------------------------------------------------------

const WHITE_SPACE = /^\p{White_Space}$/u;
const CONTROL = /^\p{Cc}$/u;
const FORMAT = /^\p{Cf}$/u;
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** Not anywhere in an id: controls (C0, DEL, C1) and U+FEFF. */
export const bannedInside = (c: string): boolean => CONTROL.test(c) || c === '\ufeff';
/** Not at either end: also White_Space and the invisible format characters of the BMP. */
export const bannedAtEdge = (c: string): boolean =>
  bannedInside(c) || WHITE_SPACE.test(c) || (c.codePointAt(0)! <= 0xffff && FORMAT.test(c) && IGNORABLE.test(c));

/** Whether `id` is an id by the rule in the `Id` schema's description. */
export function idAllowed(id: string): boolean {
  const chars = [...id];
  if (chars.length < 1 || chars.length > LIMITS.idLength) return false;
  return !chars.some(bannedInside) && !bannedAtEdge(chars[0]!) && !bannedAtEdge(chars.at(-1)!);
}

// ---------------------------------------------------------------------------------------------
// The core's answers: its schema stage, as in drift.node.test.ts
// ---------------------------------------------------------------------------------------------

function coreSchemaValid(schema: CaseSchema, document: unknown): boolean {
  if (schema === 'task') return checkTaskShape(document).valid;
  if (schema === 'annotation') return checkAnnotationShape(document).valid;
  const sink = new IssueSink();
  checkSchema(Id, document, '', sink);
  return sink.size === 0;
}

/** The schema stage alone, without the input guard (which refuses `__proto__` keys the schema allows). */
function coreSchemaStage(schema: 'task' | 'annotation', document: unknown): boolean {
  const sink = new IssueSink();
  const kind = (document as { kind?: string }).kind;
  const target =
    schema === 'task'
      ? TaskSchema
      : kind && Object.hasOwn(AnnotationSchemas, kind)
        ? AnnotationSchemas[kind as keyof typeof AnnotationSchemas]
        : Annotation;
  checkSchema(target, document, '', sink);
  return sink.size === 0;
}

// ---------------------------------------------------------------------------------------------
// Characters
// ---------------------------------------------------------------------------------------------

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Every Unicode White_Space code point (U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680,
 * U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), every C0/C1 control and DEL, the
 * invisible format characters (U+00AD, U+061C, U+180E, U+200B–U+200F, U+202A–U+202E,
 * U+2060–U+206F, U+FEFF), and a few visible neighbours that are allowed anywhere.
 */
export const SPECIAL: readonly string[] = [
  ...range(0x00, 0x20),
  ...range(0x7f, 0xa0),
  0xad,
  0x61c,
  0x1680,
  0x180e,
  ...range(0x2000, 0x200f),
  ...range(0x2028, 0x202f),
  ...range(0x205f, 0x206f),
  0x3000,
  0xfeff,
  // Allowed anywhere: a visible format character, a variation selector, a Hangul filler, an
  // interlinear annotation anchor, a noncharacter, a lone surrogate, and astral format characters.
  0x600,
  0xfe0f,
  0x3164,
  0xfff9,
  0xffff,
  0xd800,
  0xdc00,
  0x1d173,
  0xe0001,
  0xe007f,
].map((c) => String.fromCodePoint(c));

export const hex = (s: string): string =>
  [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

const baseTask = readJson(new URL('valid/text-chat.task.json', corpus)) as Task & Record<string, unknown>;
const baseAnnotation = readJson(new URL('valid/text-chat.annotation.json', corpus)) as {
  result: { answers: Record<string, unknown> };
  meta: { startedAt: string };
};
const imageTask = readJson(new URL('valid/image-full.task.json', corpus)) as {
  labels: Array<Record<string, unknown>>;
};

const positions = (c: string): Array<[string, string]> => [
  ['start', `${c}t1`],
  ['middle', `t${c}1`],
  ['end', `t1${c}`],
];

/**
 * Ids on their own: every BMP code point (surrogates included, as lone ones) at the start, in
 * the middle and at the end, the special characters alone, and lengths in code points.
 */
function idStrings(): EngineCase[] {
  const out: EngineCase[] = [];
  const push = (label: string, id: string): void => {
    out.push({ group: 'ids', label, schema: 'id', document: id, expected: idAllowed(id), core: false });
  };
  for (let cp = 0; cp <= 0xffff; cp += 1) {
    const c = String.fromCharCode(cp);
    for (const [where, id] of positions(c)) push(`${where}: ${hex(c)}`, id);
  }
  for (const c of SPECIAL) push(`alone: ${hex(c)}`, c);
  for (const c of SPECIAL.filter((c) => c.length === 2))
    for (const [where, id] of positions(c)) push(`${where}: ${hex(c)}`, id);
  const samples: Array<[string, string]> = [
    ['200 letters', 'a'.repeat(200)],
    ['201 letters', 'a'.repeat(201)],
    ['200 astral letters (400 UTF-16 units)', '𝒳'.repeat(200)],
    ['201 astral letters', '𝒳'.repeat(201)],
    ['empty', ''],
    ['emoji ZWJ sequence', '👩‍💻'],
    ['flag tag sequence', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
    ['emoji with VS16 at the end', '❤️'],
    ['Arabic', 'سؤال_١'],
    ['Persian with ZWNJ inside', 'می‌خواهم'],
    ['Devanagari with a virama', 'क्ष'],
    ['combining mark at the end', 'e\u0301'],
    ['spaces inside', 'a b\u00a0c\u3000d'],
    ['line separator inside', 'a\u2028b'],
  ];
  for (const [label, id] of samples) push(label, id);
  for (const c of out) c.core = coreSchemaValid('id', c.document);
  return out;
}

/** The special characters in a whole task's id and in an annotation's answer key (`patternProperties`). */
function idsInDocuments(): EngineCase[] {
  const out: EngineCase[] = [];
  for (const c of SPECIAL) {
    for (const [where, id] of [...positions(c), ['alone', c] as [string, string]]) {
      const task = { ...baseTask, id };
      out.push({
        group: 'task ids',
        label: `${where}: ${hex(c)}`,
        schema: 'task',
        document: task,
        expected: idAllowed(id),
        core: coreSchemaValid('task', task),
      });
    }
    for (const [where, key] of positions(c)) {
      const annotation = { ...baseAnnotation, result: { answers: { ...baseAnnotation.result.answers, [key]: 1 } } };
      out.push({
        group: 'answer keys',
        label: `${where}: ${hex(c)}`,
        schema: 'annotation',
        document: annotation,
        expected: idAllowed(key),
        core: coreSchemaValid('annotation', annotation),
      });
    }
  }
  return out;
}

/** The other patterns: ASCII digits only, and `$` is the end (Python's also matches before a final newline). */
function otherPatterns(): EngineCase[] {
  const out: EngineCase[] = [];
  const annotation = (startedAt: string) => ({ ...baseAnnotation, meta: { ...baseAnnotation.meta, startedAt } });
  const push = (label: string, schema: 'task' | 'annotation', document: unknown, expected: boolean): void => {
    out.push({ group: 'timestamps, colours, hotkeys, scale keys', label, schema, document, expected, core: false });
  };
  push('timestamp', 'annotation', annotation(baseAnnotation.meta.startedAt), true);
  for (const c of SPECIAL)
    push(`timestamp + ${hex(c)}`, 'annotation', annotation(`${baseAnnotation.meta.startedAt}${c}`), false);
  push('timestamp with Arabic-Indic digits', 'annotation', annotation('٢٠٢٦-11-26T10:00:00.000Z'), false);
  push('timestamp with fullwidth digits', 'annotation', annotation('２０２６-11-26T10:00:00.000Z'), false);
  const label = (patch: Record<string, unknown>) => ({
    ...imageTask,
    labels: [{ ...imageTask.labels[0], ...patch }, ...imageTask.labels.slice(1)],
  });
  push('colour #f00', 'task', label({ color: '#f00' }), true);
  push('colour #f00 + U+000A', 'task', label({ color: '#f00\n' }), false);
  push('colour with fullwidth digits', 'task', label({ color: '#１２３' }), false);
  push('hotkey Digit1', 'task', label({ hotkey: 'Digit1' }), true);
  push('hotkey c + U+000A', 'task', label({ hotkey: 'c\n' }), false);
  push('hotkey Digit + Arabic-Indic one', 'task', label({ hotkey: 'Digit١' }), false);
  const scale = (key: string) => {
    const questions = (baseTask.questions as unknown as Array<Record<string, unknown>>).map((q) =>
      q['scale'] ? { ...q, scale: { ...q['scale'], labels: { [key]: 'anchor' } } } : q,
    );
    return { ...baseTask, questions };
  };
  push('scale key -5', 'task', scale('-5'), true);
  push('scale key 5 + U+000A', 'task', scale('5\n'), false);
  push('scale key with an Arabic-Indic digit', 'task', scale('٥'), false);
  for (const c of out) c.core = coreSchemaValid(c.schema, c.document);
  return out;
}

/** Whole documents of the corpus, valid and invalid; the expected answer is the corpus's `$expect.schema`. */
function corpusDocuments(): EngineCase[] {
  const out: EngineCase[] = [];
  const files = (dir: string): string[] =>
    readdirSync(new URL(`${dir}/`, corpus))
      .filter((f) => f.endsWith('.json'))
      .sort();
  for (const file of files('valid')) {
    const schema = file.endsWith('.task.json') ? 'task' : 'annotation';
    const document = readJson(new URL(`valid/${file}`, corpus));
    out.push({ group: 'corpus documents', label: `valid/${file}`, schema, document, expected: true, core: false });
  }
  for (const file of files('invalid')) {
    const { $expect: expectation, document } = readJson(new URL(`invalid/${file}`, corpus)) as {
      $expect: { type: 'task' | 'annotation'; schema: boolean };
      document: unknown;
    };
    const schema = expectation.type;
    out.push({
      group: 'corpus documents',
      label: `invalid/${file}`,
      schema,
      document,
      expected: expectation.schema,
      core: false,
    });
  }
  for (const c of out) c.core = coreSchemaStage(c.schema as 'task' | 'annotation', c.document);
  return out;
}

/** Every case, grouped (`group`) for reporting. */
export function engineCases(): EngineCase[] {
  return [...idStrings(), ...idsInDocuments(), ...otherPatterns(), ...corpusDocuments()];
}
