/**
 * Schema checking with TypeBox's interpretive checker (`Check` / `Errors` from
 * `@sinclair/typebox/value`: no code generation, so it runs under a strict CSP). TypeBox reports a
 * failed union as one useless "expected union value", so unions are handled here: discriminated
 * unions (tasks and annotations by `kind`, questions and regions by `type`) dispatch on their
 * tag and report the real field, e.g. `/questions/2/scale/min`; unions of literals become `enum`;
 * other unions report the errors of the branch that fits the value's JSON type.
 */
import { Kind, Type, type TObject, type TSchema, type TUnion } from '@sinclair/typebox';
import { Errors, ValueErrorType } from '@sinclair/typebox/errors';
import { Check } from '@sinclair/typebox/value';
import {
  Answer,
  AnnotationSchemas,
  Hotkey,
  Id,
  LabelDef,
  LIMITS,
  Meta,
  RegionSchemas,
  Scale,
} from '../model/schema.js';
import { codePointLength } from './codepoints.js';
import { IssueSink, num, quote, quoteList } from './issues.js';
import { appendPointer, unescapePointerToken } from './pointer.js';

type AnySchema = TSchema & Record<string, unknown>;

/** Human names of the string formats our patterns express (a select key in the messages). */
const FORMATS = new Map<string, string>();
const patternOf = (schema: unknown): string | undefined => (schema as { pattern?: string } | undefined)?.pattern;
const register = (pattern: string | undefined, name: string): void => {
  if (pattern) FORMATS.set(pattern, name);
};
register(patternOf(Id), 'id');
register(patternOf(Hotkey), 'hotkey');
register(patternOf(LabelDef.properties.color), 'color');
register(patternOf(Meta.properties.startedAt), 'timestamp');
const scaleLabels = Scale.properties.labels as unknown as { patternProperties?: Record<string, unknown> };
register(Object.keys(scaleLabels.patternProperties ?? {})[0], 'scaleKey');

/**
 * Checks `value` against `schema`, writing issues with paths prefixed by `base`. A valid value
 * costs one `Check` call.
 */
export function checkSchema(schema: TSchema, value: unknown, base: string, sink: IssueSink): void {
  if (Check(schema, value)) return;
  collect(schema, value, base, sink);
}

const lastToken = (path: string): string => unescapePointerToken(path.slice(path.lastIndexOf('/') + 1));

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function collect(schema: TSchema, value: unknown, base: string, sink: IssueSink): void {
  // TypeBox reports a missing required property and then the mismatch of `undefined` at the same
  // path: keep only the first.
  let missing: string[] | null = null;
  for (const error of Errors(schema, value)) {
    if (sink.full) return;
    const path = base + error.path;
    if (missing && missing.some((p) => path === p || path.startsWith(`${p}/`))) continue;
    const s = error.schema as AnySchema;
    const v: unknown = error.value;
    switch (error.type) {
      case ValueErrorType.Union:
        union(s as unknown as TUnion, v, path, sink);
        break;
      case ValueErrorType.ObjectRequiredProperty:
        (missing ??= []).push(path);
        sink.add(path, 'required', { property: quote(lastToken(path)) });
        break;
      case ValueErrorType.ObjectAdditionalProperties:
        additional(s, path, sink);
        break;
      case ValueErrorType.Literal:
        sink.add(path, 'const', { expected: JSON.stringify(s['const']) });
        break;
      case ValueErrorType.Integer:
        if (typeof v === 'number') sink.add(path, 'integer', { value: num(v) });
        else sink.add(path, 'type', { expected: 'integer' });
        break;
      case ValueErrorType.String:
        sink.add(path, 'type', { expected: 'string' });
        break;
      case ValueErrorType.Number:
        sink.add(path, 'type', { expected: 'number' });
        break;
      case ValueErrorType.Boolean:
        sink.add(path, 'type', { expected: 'boolean' });
        break;
      case ValueErrorType.Null:
        sink.add(path, 'type', { expected: 'null' });
        break;
      case ValueErrorType.Array:
        sink.add(path, 'type', { expected: 'array' });
        break;
      case ValueErrorType.Object:
        sink.add(path, 'type', { expected: 'object' });
        break;
      case ValueErrorType.ArrayMinItems:
        sink.add(path, 'min-items', { limit: s['minItems'] as number });
        break;
      case ValueErrorType.ArrayMaxItems:
        sink.add(path, 'max-items', { limit: s['maxItems'] as number });
        break;
      case ValueErrorType.ArrayUniqueItems:
        sink.add(path, 'unique-items', { value: firstDuplicate(v) });
        break;
      case ValueErrorType.NumberMinimum:
      case ValueErrorType.IntegerMinimum:
        sink.add(path, 'minimum', { limit: num(s['minimum'] as number), value: num(v as number), exclusive: 'false' });
        break;
      case ValueErrorType.NumberExclusiveMinimum:
      case ValueErrorType.IntegerExclusiveMinimum:
        sink.add(path, 'minimum', {
          limit: num(s['exclusiveMinimum'] as number),
          value: num(v as number),
          exclusive: 'true',
        });
        break;
      case ValueErrorType.NumberMaximum:
      case ValueErrorType.IntegerMaximum:
        sink.add(path, 'maximum', { limit: num(s['maximum'] as number), value: num(v as number), exclusive: 'false' });
        break;
      case ValueErrorType.NumberExclusiveMaximum:
      case ValueErrorType.IntegerExclusiveMaximum:
        sink.add(path, 'maximum', {
          limit: num(s['exclusiveMaximum'] as number),
          value: num(v as number),
          exclusive: 'true',
        });
        break;
      case ValueErrorType.StringMinLength:
        sink.add(path, 'min-length', { limit: s['minLength'] as number, length: codePointLength(v as string) });
        break;
      case ValueErrorType.StringMaxLength: {
        // JSON Schema counts code points, TypeBox UTF-16 units: an emoji is 1, not 2.
        const length = codePointLength(v as string);
        const limit = s['maxLength'] as number;
        if (length > limit) sink.add(path, 'max-length', { limit, length });
        break;
      }
      case ValueErrorType.StringPattern:
        sink.add(path, 'pattern', {
          format: FORMATS.get(s['pattern'] as string) ?? 'other',
          pattern: quote(s['pattern']),
        });
        break;
      default:
        sink.add(path, 'type', { expected: expectedOf([s]) });
    }
  }
}

function additional(schema: AnySchema, path: string, sink: IssueSink): void {
  const property = quote(lastToken(path));
  if (schema[Kind] === 'Record') {
    const keyPattern = Object.keys((schema['patternProperties'] as Record<string, unknown> | undefined) ?? {})[0] ?? '';
    sink.add(path, 'additional-property', {
      property,
      reason: FORMATS.get(keyPattern) === 'scaleKey' ? 'scaleKey' : 'idKey',
      allowed: '',
    });
    return;
  }
  const known = Object.keys((schema['properties'] as Record<string, unknown> | undefined) ?? {});
  sink.add(path, 'additional-property', { property, reason: 'object', allowed: quoteList(known, 30) });
}

function firstDuplicate(value: unknown): string {
  if (!Array.isArray(value)) return '';
  const seen = new Set<string>();
  for (const item of value) {
    const key = JSON.stringify(item) ?? '';
    if (seen.has(key)) return typeof item === 'string' ? quote(item) : key;
    seen.add(key);
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// Unions
// ---------------------------------------------------------------------------------------------

interface UnionInfo {
  /** Set when every branch is an object with a distinct string literal in this property. */
  discriminator: { property: string; branches: Map<string, TSchema>; allowed: string } | null;
  /** Set when every branch is a literal: the allowed values, quoted. */
  literals: string | null;
  /** What the branches expect, for a value of the wrong JSON type. */
  expected: string;
}

const unions = new WeakMap<TSchema, UnionInfo>();

function unionInfo(schema: TUnion): UnionInfo {
  let info = unions.get(schema);
  if (info) return info;
  const branches = schema.anyOf as AnySchema[];
  let discriminator: UnionInfo['discriminator'] = null;
  const first = branches[0];
  if (first && branches.every((b) => b[Kind] === 'Object')) {
    for (const property of Object.keys(first['properties'] as object)) {
      const tags = branches.map((b) => ((b['properties'] as Record<string, AnySchema>)[property] ?? {}) as AnySchema);
      if (!tags.every((t) => t[Kind] === 'Literal' && typeof t['const'] === 'string')) continue;
      const map = new Map(tags.map((t, i) => [t['const'] as string, branches[i] as TSchema]));
      if (map.size !== branches.length) continue;
      discriminator = { property, branches: map, allowed: quoteList(map.keys(), 50) };
      break;
    }
  }
  const literals = branches.every((b) => b[Kind] === 'Literal')
    ? branches.map((b) => JSON.stringify(b['const'])).join(', ')
    : null;
  info = { discriminator, literals, expected: expectedOf(branches) };
  unions.set(schema, info);
  return info;
}

const JSON_TYPES: Record<string, string> = {
  String: 'string',
  Number: 'number',
  Integer: 'integer',
  Boolean: 'boolean',
  Null: 'null',
  Array: 'array',
  Object: 'object',
  Record: 'object',
};

/** A select key naming the JSON types the schemas accept (see the `validation.type` message). */
function expectedOf(schemas: readonly AnySchema[]): string {
  const types = new Set<string>();
  const add = (s: AnySchema): void => {
    if (s[Kind] === 'Union') for (const b of (s as unknown as TUnion).anyOf) add(b);
    else if (s[Kind] === 'Literal') types.add(s['const'] === null ? 'null' : typeof s['const']);
    else types.add(JSON_TYPES[s[Kind]] ?? 'value');
  };
  schemas.forEach(add);
  if (types.has('number')) types.delete('integer');
  const key = [...types].sort().join(' ');
  const named: Record<string, string> = {
    'boolean number string': 'scalar',
    'null string': 'stringOrNull',
    'array string': 'idOrGroup',
    'array integer object string': 'answer',
  };
  return named[key] ?? (types.size === 1 ? key : [...types].sort().join(', '));
}

function accepts(schema: AnySchema, value: unknown): boolean {
  switch (schema[Kind]) {
    case 'String':
      return typeof value === 'string';
    case 'Number':
    case 'Integer':
      return typeof value === 'number';
    case 'Boolean':
      return typeof value === 'boolean';
    case 'Null':
      return value === null;
    case 'Array':
      return Array.isArray(value);
    case 'Object':
    case 'Record':
      return isPlainObject(value);
    case 'Literal':
      return typeof value === typeof schema['const'];
    case 'Union':
      return (schema as unknown as TUnion).anyOf.some((b) => accepts(b, value));
    default:
      return true;
  }
}

function union(schema: TUnion, value: unknown, path: string, sink: IssueSink): void {
  const info = unionInfo(schema);
  const tagged = info.discriminator;
  if (tagged) {
    if (!isPlainObject(value)) {
      sink.add(path, 'type', { expected: 'object' });
      return;
    }
    const at = appendPointer(path, tagged.property);
    const tag = value[tagged.property];
    if (tag === undefined) {
      sink.add(at, 'required', { property: quote(tagged.property) });
      return;
    }
    const branch = typeof tag === 'string' ? tagged.branches.get(tag) : undefined;
    if (!branch) {
      sink.add(at, 'unknown-type', {
        property: tagged.property,
        value: quote(typeof tag === 'string' ? tag : JSON.stringify(tag)),
        allowed: tagged.allowed,
      });
      return;
    }
    collect(branch, value, path, sink);
    return;
  }
  if (info.literals !== null) {
    sink.add(path, 'enum', {
      allowed: info.literals,
      value: quote(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))),
    });
    return;
  }
  const candidates = (schema.anyOf as AnySchema[]).filter((b) => accepts(b, value));
  if (candidates.length === 0) {
    sink.add(path, 'type', { expected: info.expected });
    return;
  }
  if (candidates.length === 1) {
    collect(candidates[0] as TSchema, value, path, sink);
    return;
  }
  // Several branches take this JSON type (e.g. an answer array: ids, ranking or spans): report
  // the branch that comes closest, i.e. whose shallowest error lies deepest (the value fits its
  // outer shape), then the one with fewer errors. None failing means the union holds after all
  // (TypeBox and JSON Schema count string lengths differently).
  let best: { sink: IssueSink; depth: number } | null = null;
  for (const candidate of candidates) {
    const trial = new IssueSink();
    collect(candidate, value, path, trial);
    if (trial.size === 0) return;
    const depth = Math.min(...trial.issues.map((i) => i.path.split('/').length));
    if (!best || depth > best.depth || (depth === best.depth && trial.size < best.sink.size))
      best = { sink: trial, depth };
  }
  for (const issue of best?.sink.issues ?? []) sink.add(issue.path, issue.code, issue.params);
}

// ---------------------------------------------------------------------------------------------
// A fast path for valid annotations
// ---------------------------------------------------------------------------------------------

type AnnotationKind = keyof typeof AnnotationSchemas;

/** The envelope of each kind with regions and answers left unchecked (`Unknown`): checked one by one. */
const SHELLS = Object.fromEntries(
  (Object.keys(AnnotationSchemas) as AnnotationKind[]).map((kind) => {
    const envelope = AnnotationSchemas[kind] as unknown as TObject;
    const result = envelope.properties['result'] as TObject;
    const shell = Type.Object(
      {
        ...result.properties,
        answers: Type.Record(Id, Type.Unknown(), { additionalProperties: false }),
        ...('regions' in result.properties
          ? { regions: Type.Array(Type.Unknown(), { maxItems: LIMITS.regions }) }
          : {}),
      },
      { additionalProperties: false },
    );
    return [kind, Type.Object({ ...envelope.properties, result: shell }, { additionalProperties: false })];
  }),
) as unknown as Record<AnnotationKind, TSchema>;

/**
 * True when a `kind` annotation is schema-valid; the same answer as `Check(AnnotationSchemas[kind])`,
 * but a region is checked against its own type only instead of trying each branch of the union.
 */
export function isValidAnnotation(
  kind: AnnotationKind,
  value: unknown,
  answerBranch?: (id: string) => TSchema | undefined,
): boolean {
  if (!Check(SHELLS[kind], value)) return false;
  const result = (value as { result: { regions?: { type: string }[]; answers: Record<string, unknown> } }).result;
  for (const region of result.regions ?? []) {
    const schema = Object.hasOwn(RegionSchemas, region.type)
      ? RegionSchemas[region.type as keyof typeof RegionSchemas]
      : undefined;
    if (!schema || !Check(schema, region)) return false;
  }
  for (const key of Object.keys(result.answers)) {
    // The question's own branch first (a branch that holds means the union holds), then the union.
    const branch = answerBranch?.(key);
    if (!(branch && Check(branch, result.answers[key])) && !Check(Answer, result.answers[key])) return false;
  }
  return true;
}
