/**
 * The published JSON Schemas (`schema/task.json`, `schema/annotation.json`, what a Python or Go
 * backend validates with) and our validator must agree on schema validity for every document in
 * the corpus. Documents our validator refuses beyond the schema are marked in the corpus
 * (`"$expect": { "schema": true, "codes": [...] }`): Ajv accepts them, we do not.
 * Ids, answer keys and timestamps with every Unicode white-space, control and invisible format
 * character at the start, the middle and the end: id-engines.node.test.ts (the core and Ajv) and
 * scripts/python-schema-check.mjs (the same cases in python-jsonschema, an `npm test` step).
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import { Annotation, AnnotationSchemas, Task as TaskSchema } from '../src/model/schema.js';
import type { Task, ValidationError } from '../src/model/types.js';
import { checkAnnotationShape, checkTaskShape, parseTask, validateAnnotation } from '../src/validate/index.js';
import { IssueSink } from '../src/validate/issues.js';
import { checkSchema } from '../src/validate/schema-check.js';

// ajv/dist/2020.js is CommonJS: its class is the default export's `default`.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;

const root = new URL('../', import.meta.url);
const corpus = new URL('test/corpus/', root);
const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8')) as unknown;

const ajv = new Ajv2020({ allErrors: true, strict: true });
const ajvTask = ajv.compile(readJson(new URL('schema/task.json', root)) as object);
const ajvAnnotation = ajv.compile(readJson(new URL('schema/annotation.json', root)) as object);

describe('published schemas', () => {
  it("compile under Ajv's defaults (strict mode, no extra vocabulary), as a pipeline would use them", () => {
    for (const name of ['task.json', 'annotation.json']) {
      const schema = readJson(new URL(`schema/${name}`, root)) as object;
      expect(() => new Ajv2020().compile(schema), name).not.to.throw();
    }
  });
});

interface Expectation {
  type: 'task' | 'annotation';
  /** What the published JSON Schema says. */
  schema: boolean;
  /** Codes our full validation must report. */
  codes: string[];
  paths?: string[];
  /** For annotations: the valid task (file name without `.task.json`) to validate against. */
  task?: string;
  note: string;
}

/** Our schema stage alone (no input guard, no semantic checks): comparable with Ajv. */
function ourSchemaValid(type: 'task' | 'annotation', doc: unknown): boolean {
  const sink = new IssueSink();
  const kind = (doc as { kind?: string }).kind;
  const schema =
    type === 'task'
      ? TaskSchema
      : kind && Object.hasOwn(AnnotationSchemas, kind)
        ? AnnotationSchemas[kind as keyof typeof AnnotationSchemas]
        : Annotation;
  checkSchema(schema, doc, '', sink);
  return sink.size === 0;
}

const describeAjv = (errors: unknown): string => JSON.stringify(errors?.valueOf() ?? null).slice(0, 400);

const validFiles = readdirSync(new URL('valid/', corpus))
  .filter((f) => f.endsWith('.json'))
  .sort();
const invalidFiles = readdirSync(new URL('invalid/', corpus))
  .filter((f) => f.endsWith('.json'))
  .sort();
const tasks = new Map<string, Task>();
for (const file of validFiles.filter((f) => f.endsWith('.task.json')))
  tasks.set(file.replace(/\.task\.json$/, ''), readJson(new URL(`valid/${file}`, corpus)) as Task);
const taskById = (id: string): Task | undefined => [...tasks.values()].find((t) => t.id === id);

describe('drift: the published JSON Schemas and our validator agree', () => {
  it('the published schema files are generated from schema.ts (scripts/gen-schema.mjs --check)', () => {
    execFileSync(process.execPath, ['scripts/gen-schema.mjs', '--check'], {
      cwd: new URL('../../', root),
      stdio: 'pipe',
    });
  });

  it('the corpus covers every kind, valid and invalid, tasks and annotations', () => {
    expect(validFiles.filter((f) => f.endsWith('.task.json')).length).to.be.at.least(6);
    expect(validFiles.filter((f) => f.endsWith('.annotation.json')).length).to.be.at.least(6);
    expect(invalidFiles.length).to.be.at.least(40);
  });

  describe('valid documents', () => {
    for (const file of validFiles) {
      it(file, () => {
        const doc = readJson(new URL(`valid/${file}`, corpus));
        if (file.endsWith('.task.json')) {
          expect(ajvTask(doc), describeAjv(ajvTask.errors)).to.equal(true);
          expect(ourSchemaValid('task', doc)).to.equal(true);
          expect(checkTaskShape(doc).errors).to.deep.equal([]);
          const parsed = parseTask(doc);
          expect(parsed.ok ? [] : parsed.errors).to.deep.equal([]);
        } else {
          expect(ajvAnnotation(doc), describeAjv(ajvAnnotation.errors)).to.equal(true);
          expect(ourSchemaValid('annotation', doc)).to.equal(true);
          expect(checkAnnotationShape(doc).errors).to.deep.equal([]);
          const task = taskById((doc as { taskId: string }).taskId);
          expect(task, 'a valid task with this taskId').to.not.equal(undefined);
          const draft = (doc as { meta: { submittedAt: string | null } }).meta.submittedAt === null;
          expect(validateAnnotation(doc, task as Task, { draft }).errors).to.deep.equal([]);
        }
      });
    }
  });

  describe('invalid documents', () => {
    for (const file of invalidFiles) {
      it(file, () => {
        const { $expect: expectation, document: doc } = readJson(new URL(`invalid/${file}`, corpus)) as {
          $expect: Expectation;
          document: unknown;
        };
        const validate = expectation.type === 'task' ? ajvTask : ajvAnnotation;
        expect(validate(doc), `Ajv (${expectation.note})`).to.equal(expectation.schema);
        expect(ourSchemaValid(expectation.type, doc), 'our schema stage agrees with Ajv').to.equal(expectation.schema);
        let errors: ValidationError[];
        if (expectation.type === 'task') {
          const parsed = parseTask(doc);
          errors = parsed.ok ? [] : parsed.errors;
          if (!expectation.schema) expect(checkTaskShape(doc).valid).to.equal(false);
        } else {
          const task = tasks.get(expectation.task ?? '');
          expect(task, `valid/${expectation.task}.task.json`).to.not.equal(undefined);
          errors = validateAnnotation(doc, task as Task).errors;
          if (!expectation.schema) expect(checkAnnotationShape(doc).valid).to.equal(false);
        }
        const found = errors.map((e) => e.code);
        expect(found, JSON.stringify(errors)).to.include.members(expectation.codes);
        for (const path of expectation.paths ?? [])
          expect(
            errors.map((e) => e.path),
            JSON.stringify(errors),
          ).to.include(path);
      });
    }
  });
});
