/**
 * Property tests: generated valid tasks with matching valid annotations (all kinds, spans over
 * emoji text) pass both validators and survive a JSON round trip; junk and mutated documents
 * never make a validator throw, always yield well-formed errors, and Ajv (the published schema)
 * and our schema stage agree on them.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import {
  AnnotationSchemas,
  Annotation as AnnotationUnion,
  PAIRWISE_CHOICES,
  Task as TaskSchema,
} from '../src/model/schema.js';
import type {
  Annotation,
  AudioTask,
  ImageTask,
  PairwiseChoice,
  Question,
  Region,
  Task,
  TextTask,
  ValidationError,
} from '../src/model/types.js';
import { checkAnnotationShape, parseTask, validateAnnotation, validateTask } from '../src/validate/index.js';
import { IssueSink } from '../src/validate/issues.js';
import { checkSchema } from '../src/validate/schema-check.js';

const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const root = new URL('../', import.meta.url);
const ajv = new Ajv2020({ strict: true });
const ajvTask = ajv.compile(JSON.parse(readFileSync(new URL('schema/task.json', root), 'utf8')) as object);
const ajvAnnotation = ajv.compile(JSON.parse(readFileSync(new URL('schema/annotation.json', root), 'utf8')) as object);

const META = {
  startedAt: '2026-11-26T10:00:00Z',
  submittedAt: '2026-11-26T10:03:12.345+01:00',
  activeMs: 1,
  idleMs: 0,
  edits: 0,
  undos: 0,
  locale: 'en',
  widget: 'test@1',
};

// ---------------------------------------------------------------------------------------------
// Arbitraries for valid documents
// ---------------------------------------------------------------------------------------------

const ID = /^[^\s\u0000-\u001f\u007f](?:[^\u0000-\u001f\u007f]*[^\s\u0000-\u001f\u007f])?$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'text', 'prompt']);
/** Ids: mostly plain, sometimes any Unicode (emoji, RTL, combining marks). */
const id = fc
  .oneof(
    { weight: 3, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) },
  )
  .filter((s) => ID.test(s) && !RESERVED.has(s));
const ids = (min: number, max: number): fc.Arbitrary<string[]> =>
  fc.uniqueArray(id, { minLength: min, maxLength: max });
/** Text with astral characters, ZWJ sequences, combining marks and right-to-left scripts. */
const prose = fc.string({
  unit: fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    fc.constantFrom('👩‍💻', 'é', 'e\u0301', 'ש', 'ع', ' ', '🎉'),
  ),
  maxLength: 40,
});
const ms = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: max * 1000 }).map((n) => n / 1000);

interface Generated {
  task: Task;
  annotation: Annotation;
}

const question = (q: Question): Question => q;

/** Simple questions that image and audio tasks carry, each with a valid answer. */
const simpleQuestions: fc.Arbitrary<{ questions: Question[]; answers: Record<string, unknown> }> = ids(0, 3).chain(
  (qids) =>
    fc
      .tuple(
        ...qids.map((qid) =>
          fc.oneof(
            fc
              .record({
                min: fc.integer({ min: -5, max: 0 }),
                span: fc.integer({ min: 1, max: 10 }),
                required: fc.boolean(),
              })
              .chain(({ min, span, required }) =>
                fc.integer({ min, max: min + span }).map((answer) => ({
                  q: question({
                    id: qid,
                    label: `Q ${qid}`,
                    type: 'rating',
                    required,
                    scale: { min, max: min + span },
                  }),
                  answer,
                })),
              ),
            ids(1, 4).chain((options) =>
              fc.constantFrom(...options).map((answer) => ({
                q: question({
                  id: qid,
                  label: 'Pick',
                  type: 'choice',
                  options: options.map((o) => ({ id: o, label: o })),
                }),
                answer,
              })),
            ),
            prose.map((answer) => ({ q: question({ id: qid, label: 'Say', type: 'text', maxLength: 100 }), answer })),
          ),
        ),
      )
      .map((items) => ({
        questions: items.map((i) => i.q),
        answers: Object.fromEntries(items.map((i) => [i.q.id, i.answer])),
      })),
);

const image: fc.Arbitrary<Generated> = fc
  .record({
    taskId: id,
    width: fc.integer({ min: 8, max: 6000 }),
    height: fc.integer({ min: 8, max: 6000 }),
    labels: ids(1, 4),
    tools: fc.subarray(['bbox', 'polygon', 'keypoints'] as const, { minLength: 1 }),
    names: ids(1, 5),
    declareSize: fc.boolean(),
    extra: simpleQuestions,
  })
  .chain((t) => {
    const inside = (max: number): fc.Arbitrary<number> =>
      fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });
    const region = (rid: string): fc.Arbitrary<Region> =>
      fc.tuple(fc.constantFrom(...t.tools), fc.constantFrom(...t.labels)).chain(([type, lab]): fc.Arbitrary<Region> => {
        if (type === 'bbox') {
          return fc
            .tuple(
              fc.integer({ min: 0, max: t.width - 2 }),
              fc.integer({ min: 0, max: t.height - 2 }),
              fc.double({ min: 0.01, max: 1, noNaN: true }),
            )
            .map(([x, y, f]) => ({
              id: rid,
              type: 'bbox',
              label: lab,
              bbox: { x, y, width: Math.max(1, (t.width - x) * f), height: Math.max(1, (t.height - y) * f) },
            }));
        }
        if (type === 'polygon') {
          // A convex polygon: points on a circle at distinct angles, so simple and never flat.
          const r = Math.min(t.width, t.height) / 2 - 1;
          return fc.subarray([...Array(16).keys()], { minLength: 3 }).map((slots) => ({
            id: rid,
            type: 'polygon',
            label: lab,
            points: slots.map(
              (k) =>
                [t.width / 2 + r * Math.cos((k * Math.PI) / 8), t.height / 2 + r * Math.sin((k * Math.PI) / 8)] as [
                  number,
                  number,
                ],
            ),
          }));
        }
        return fc.subarray(t.names).chain((names) =>
          fc
            .tuple(
              ...names.map((name) =>
                fc.record({
                  name: fc.constant(name),
                  x: inside(t.width),
                  y: inside(t.height),
                  visible: fc.boolean(),
                }),
              ),
            )
            .map((keypoints) => ({ id: rid, type: 'keypoints', label: lab, keypoints })),
        );
      });
    return ids(0, 6).chain((rids) =>
      fc.tuple(...rids.map(region)).map((regions): Generated => {
        const task: ImageTask = {
          id: t.taskId,
          kind: 'image',
          image: { url: 'https://example.org/x.jpg', ...(t.declareSize ? { width: t.width, height: t.height } : {}) },
          labels: t.labels.map((l) => ({ id: l, name: l })),
          tools: [...t.tools],
          ...(t.tools.includes('keypoints') ? { keypoints: { names: t.names } } : {}),
          questions: t.extra.questions,
        };
        const annotation = {
          schemaVersion: 1,
          kind: 'image',
          taskId: t.taskId,
          result: { image: { width: t.width, height: t.height }, regions, answers: t.extra.answers },
          meta: META,
        };
        return { task, annotation: annotation as Annotation };
      }),
    );
  });

const audio: fc.Arbitrary<Generated> = fc
  .record({
    taskId: id,
    duration: ms(3600).filter((d) => d > 1),
    speakers: ids(0, 3),
    cuts: fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { maxLength: 12 }),
    extra: simpleQuestions,
    texts: fc.array(prose, { minLength: 6, maxLength: 6 }),
  })
  .chain((t) => {
    // Non-overlapping segments between sorted cut points (in ms of the duration).
    const cuts = [...t.cuts].sort((a, b) => a - b).map((c) => Math.round((c / 1000) * t.duration * 1000) / 1000);
    const pairs: [number, number][] = [];
    for (let i = 0; i + 1 < cuts.length; i += 2)
      if ((cuts[i] as number) < (cuts[i + 1] as number)) pairs.push([cuts[i] as number, cuts[i + 1] as number]);
    return fc
      .tuple(
        ...pairs.map(() =>
          t.speakers.length > 0
            ? fc.option(fc.constantFrom(...t.speakers), { nil: undefined })
            : fc.constant(undefined),
        ),
      )
      .map((who): Generated => {
        const task: AudioTask = {
          id: t.taskId,
          kind: 'audio',
          audio: { url: 'a.mp3', duration: t.duration },
          speakers: t.speakers.map((s) => ({ id: s, name: s })),
          questions: t.extra.questions,
        };
        const segments = pairs.map(([start, end], i) => ({
          id: `s${i}`,
          start,
          end,
          text: t.texts[i % 6] as string,
          ...(who[i] ? { speaker: who[i] } : {}),
        }));
        const annotation = {
          schemaVersion: 1,
          kind: 'audio',
          taskId: t.taskId,
          result: { duration: t.duration, segments, answers: t.extra.answers },
          meta: META,
        };
        return { task, annotation: annotation as Annotation };
      });
  });

const text: fc.Arbitrary<Generated> = fc
  .record({
    taskId: id,
    responseIds: ids(2, 4),
    resultIds: ids(2, 4),
    texts: fc.array(
      prose.filter((s) => s.length > 0),
      { minLength: 5, maxLength: 5 },
    ),
    spanLabels: ids(1, 3),
    overlap: fc.boolean(),
    allowTie: fc.boolean(),
    field: fc.nat(),
  })
  .chain((t) => {
    const responses = t.responseIds.map((rid, i) => ({ id: rid, text: t.texts[i % 5] as string }));
    const fields = ['text', ...t.responseIds];
    const field = fields[t.field % fields.length] as string;
    const fieldText = field === 'text' ? (t.texts[4] as string) : (responses.find((r) => r.id === field)?.text ?? '');
    const chars = Array.from(fieldText); // the oracle: code points by the book
    const task: TextTask = {
      id: t.taskId,
      kind: 'text',
      record: {
        prompt: 'Compare',
        responses,
        results: t.resultIds.map((rid) => ({
          id: rid,
          title: rid,
          url: `https://example.org/${encodeURIComponent(rid)}`,
        })),
        text: t.texts[4],
      },
      questions: [
        {
          id: 'rate',
          label: 'Rate',
          type: 'rating',
          scale: { min: 1, max: 7 },
          target: t.responseIds[0] as string,
          required: true,
        },
        {
          id: 'pick',
          label: 'Better?',
          type: 'pairwise',
          pair: [t.responseIds[0] as string, t.responseIds[1] as string],
          allowTie: t.allowTie,
          strength: true,
        },
        { id: 'rank', label: 'Rank', type: 'ranking', items: 'responses', allowTies: true },
        { id: 'grade', label: 'Grade', type: 'relevance', scale: { min: 0, max: 3 } },
        {
          id: 'tags',
          label: 'Tags',
          type: 'choice',
          multiple: true,
          options: t.spanLabels.map((l) => ({ id: l, label: l })),
        },
        { id: 'why', label: 'Why', type: 'text', minLength: 0 },
        {
          id: 'marks',
          label: 'Mark',
          type: 'spans',
          field,
          labels: t.spanLabels.map((l) => ({ id: l, name: l })),
          overlap: t.overlap,
        },
      ],
    };
    const spans = fc.uniqueArray(fc.integer({ min: 0, max: chars.length }), { maxLength: 8 }).chain((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const ranges: [number, number][] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push([sorted[i] as number, sorted[i + 1] as number]);
      return fc.tuple(...ranges.map(() => fc.tuple(fc.constantFrom(...t.spanLabels), fc.boolean()))).map((extras) =>
        ranges.map(([start, end], i) => {
          const [lab, utf16] = extras[i] as [string, boolean];
          const span: Record<string, unknown> = { start, end, label: lab, text: chars.slice(start, end).join('') };
          if (utf16)
            Object.assign(span, {
              startUtf16: chars.slice(0, start).join('').length,
              endUtf16: chars.slice(0, end).join('').length,
            });
          return span;
        }),
      );
    });
    return fc
      .record({
        rate: fc.integer({ min: 1, max: 7 }),
        choice: fc.constantFrom<PairwiseChoice>(...(t.allowTie ? PAIRWISE_CHOICES : (['a', 'b'] as const))),
        strength: fc.integer({ min: 1, max: 3 }),
        flip: fc.boolean(),
        ranking: fc.shuffledSubarray(t.responseIds, { minLength: t.responseIds.length }),
        group: fc.boolean(),
        grades: fc.tuple(...t.resultIds.map(() => fc.integer({ min: 0, max: 3 }))),
        tags: fc.subarray(t.spanLabels),
        why: prose,
        marks: spans,
      })
      .map((a): Generated => {
        const [x, y] = [t.responseIds[0] as string, t.responseIds[1] as string];
        const ranking: (string | string[])[] = a.group ? [a.ranking.slice(0, 2), ...a.ranking.slice(2)] : a.ranking;
        const answers = {
          rate: a.rate,
          pick: {
            choice: a.choice,
            ...(a.choice === 'a' || a.choice === 'b' ? { strength: a.strength } : {}),
            shownOrder: a.flip ? [y, x] : [x, y],
          },
          rank: ranking,
          grade: Object.fromEntries(t.resultIds.map((r, i) => [r, a.grades[i]])),
          tags: a.tags,
          why: a.why,
          marks: a.marks,
        };
        return {
          task,
          annotation: {
            schemaVersion: 1,
            kind: 'text',
            taskId: t.taskId,
            result: { answers },
            meta: META,
          } as unknown as Annotation,
        };
      });
  });

const anyValid = fc.oneof(image, audio, text);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const wellFormed = (errors: ValidationError[]): void => {
  for (const e of errors) {
    expect(typeof e.path).to.equal('string');
    expect(e.path === '' || e.path.startsWith('/'), e.path).to.equal(true);
    expect(e.code).to.be.a('string').and.not.equal('');
    expect(e.message).to.be.a('string').and.not.equal('');
  }
};

/** Our schema stage alone, as in the drift test. */
function ourSchemaValid(type: 'task' | 'annotation', doc: unknown): boolean {
  const sink = new IssueSink();
  const kind = typeof doc === 'object' && doc !== null ? (doc as { kind?: unknown }).kind : undefined;
  const schema =
    type === 'task'
      ? TaskSchema
      : typeof kind === 'string' && Object.hasOwn(AnnotationSchemas, kind)
        ? AnnotationSchemas[kind as keyof typeof AnnotationSchemas]
        : AnnotationUnion;
  checkSchema(schema, doc, '', sink);
  return sink.size === 0;
}

/** Every JSON Pointer-addressable place in a document, as parent and key. */
function places(doc: unknown): { parent: Record<string | number, unknown>; key: string | number }[] {
  const out: { parent: Record<string | number, unknown>; key: string | number }[] = [];
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      out.push({ parent: node as Record<string, unknown>, key: Array.isArray(node) ? Number(key) : key });
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return out;
}

const mutation = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'delete', 'bump', 'add'),
  value: fc.jsonValue({ maxDepth: 2 }),
  key: fc.string({ maxLength: 6 }),
});

function mutate<T>(doc: T, m: { at: number; op: string; value: unknown; key: string }): T {
  const copy = JSON.parse(JSON.stringify(doc)) as T;
  const all = places(copy);
  const place = all[m.at % Math.max(1, all.length)];
  if (!place) return copy;
  const { parent, key } = place;
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (m.op === 'bump' && typeof parent[key] === 'number') {
    parent[key] = parent[key] + (m.at % 7) - 3.5;
  } else if (m.op === 'add') {
    const target = parent[key];
    if (typeof target === 'object' && target !== null && !Array.isArray(target))
      (target as Record<string, unknown>)[m.key] = m.value;
    else parent[key] = m.value;
  } else {
    parent[key] = m.value;
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('properties', function () {
  this.timeout(30_000);

  it('generated valid tasks and annotations pass both validators and survive a JSON round trip', () => {
    fc.assert(
      fc.property(anyValid, ({ task, annotation }) => {
        const parsed = parseTask(task);
        expect(parsed.ok ? [] : parsed.errors).to.deep.equal([]);
        expect(ajvTask(task), JSON.stringify(ajvTask.errors)).to.equal(true);
        expect(ajvAnnotation(annotation), JSON.stringify(ajvAnnotation.errors)).to.equal(true);
        expect(validateAnnotation(annotation, task).errors).to.deep.equal([]);
        const taskText = JSON.stringify(task);
        const annotationText = JSON.stringify(annotation);
        expect(JSON.parse(taskText)).to.deep.equal(task);
        expect(JSON.parse(annotationText)).to.deep.equal(annotation);
        const reparsed = parseTask(taskText);
        expect(reparsed.ok && reparsed.value).to.deep.equal(task);
        expect(validateAnnotation(JSON.parse(annotationText), task).valid).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary values never make parseTask, validateTask or validateAnnotation throw', () => {
    const fixed = fc.sample(text, { numRuns: 1, seed: 1 })[0] as Generated;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({
            withBigInt: true,
            withDate: true,
            withMap: true,
            withSet: true,
            withTypedArray: true,
            withNullPrototype: true,
            withSparseArray: true,
            withBoxedValues: true,
          }),
          fc.jsonValue(),
        ),
        (junk) => {
          const parsed = parseTask(junk);
          expect(parsed.ok).to.equal(false);
          if (!parsed.ok) wellFormed(parsed.errors);
          wellFormed(validateTask(junk).errors);
          const checked = validateAnnotation(junk, fixed.task);
          expect(checked.valid).to.equal(false);
          wellFormed(checked.errors);
          wellFormed(checkAnnotationShape(junk).errors);
          if (typeof junk === 'string') wellFormed(validateTask(junk).errors);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('mutated valid documents never throw, and Ajv and our schema stage agree on them', () => {
    fc.assert(
      fc.property(anyValid, mutation, mutation, ({ task, annotation }, m1, m2) => {
        const badTask = mutate(mutate(task, m1), m2);
        const badAnnotation = mutate(mutate(annotation, m1), m2);
        expect(
          ourSchemaValid('task', badTask),
          `task ${JSON.stringify(badTask).slice(0, 300)} ${JSON.stringify(ajvTask.errors)}`,
        ).to.equal(ajvTask(badTask));
        expect(
          ourSchemaValid('annotation', badAnnotation),
          `annotation ${JSON.stringify(ajvAnnotation.errors)}`,
        ).to.equal(ajvAnnotation(badAnnotation));
        const parsed = parseTask(badTask);
        if (!parsed.ok) wellFormed(parsed.errors);
        const checked = validateAnnotation(badAnnotation, task);
        wellFormed(checked.errors);
        if (parsed.ok) wellFormed(validateAnnotation(annotation, parsed.value).errors);
      }),
      { numRuns: 500 },
    );
  });
});
