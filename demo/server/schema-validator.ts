/**
 * What a backend in any language does with Tagwerk's output: validate it against the published
 * JSON Schema 2020-12 files (`@tagwerk/core/schema/*.json`) with an off-the-shelf validator — here
 * Ajv — without any Tagwerk code. The demo server runs this first, then `validateAnnotation` from
 * `@tagwerk/core` against the task, exactly as a Node backend would.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

/** One schema violation, shaped like Tagwerk's own validation errors. */
export interface SchemaError {
  /** JSON Pointer into the document. */
  path: string;
  /** The JSON Schema keyword that failed, e.g. "required". */
  code: string;
  message: string;
}

/** Validates a document against one published schema; returns the violations (empty when valid). */
export type SchemaValidator = (document: unknown) => SchemaError[];

const require = createRequire(import.meta.url);

/** Reads a published schema file of `@tagwerk/core` through its package exports. */
export function loadPublishedSchema(name: 'task' | 'annotation'): Record<string, unknown> {
  return JSON.parse(readFileSync(require.resolve(`@tagwerk/core/schema/${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

const KINDS = { image: 'Image', audio: 'Audio', text: 'Text' } as const;

function toError(e: ErrorObject): SchemaError {
  // Ajv points at the parent for `required` and `additionalProperties`; name the key as well.
  const params = e.params as { missingProperty?: string; additionalProperty?: string };
  const key = params.missingProperty ?? params.additionalProperty;
  return {
    path: e.instancePath,
    code: e.keyword,
    message: key ? `${e.message ?? e.keyword}: "${key}"` : (e.message ?? e.keyword),
  };
}

/**
 * Ajv's errors, made readable: an `anyOf` of constants (how TypeBox writes enums) that failed
 * becomes one "must be one of …" error instead of one "must be equal to constant" per branch.
 */
function toErrors(errors: ErrorObject[] | null | undefined): SchemaError[] {
  const list = errors ?? [];
  const folded = new Set<ErrorObject>();
  const out: SchemaError[] = [];
  for (const e of list) {
    if (e.keyword !== 'anyOf') continue;
    const branches = list.filter((c) => c !== e && c.schemaPath.startsWith(`${e.schemaPath}/`));
    if (branches.length > 0 && branches.every((c) => c.keyword === 'const' && c.instancePath === e.instancePath)) {
      branches.forEach((c) => folded.add(c));
      folded.add(e);
      const allowed = branches
        .map((c) => JSON.stringify((c.params as { allowedValue: unknown }).allowedValue))
        .join(', ');
      out.push({ path: e.instancePath, code: 'enum', message: `must be one of ${allowed}` });
    }
  }
  return [...list.filter((e) => !folded.has(e)).map(toError), ...out];
}

/**
 * Compiles a validator for a published schema. The top level of both files is an `anyOf` over
 * the three kinds, which makes Ajv report every branch's errors; when the document names a known
 * `kind`, only the errors of that kind's definition are returned.
 */
export function createSchemaValidator(name: 'task' | 'annotation'): SchemaValidator {
  const schema = loadPublishedSchema(name);
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);
  const id = String(schema.$id);
  const byKind = new Map<string, ValidateFunction>();
  for (const [kind, prefix] of Object.entries(KINDS)) {
    const def = ajv.getSchema(`${id}#/$defs/${prefix}${name === 'task' ? 'Task' : 'Annotation'}`);
    if (def) byKind.set(kind, def);
  }
  return (document) => {
    if (validate(document)) return [];
    const kind = typeof document === 'object' && document !== null ? (document as { kind?: unknown }).kind : undefined;
    const specific = typeof kind === 'string' ? byKind.get(kind) : undefined;
    if (specific && !specific(document)) return toErrors(specific.errors).slice(0, 50);
    return toErrors(validate.errors).slice(0, 50);
  };
}
