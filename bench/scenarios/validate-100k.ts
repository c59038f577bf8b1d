/**
 * validate-100k: `validateAnnotation(annotation, task)` from @tagwerk/core over 100k annotations
 * (nine in ten image annotations with 5 boxes and sometimes a polygon, one in ten text annotations
 * with five kinds of answers), against Ajv 2020 compiled from the published annotation.json —
 * what a backend would use if it only had the schema. Once over valid annotations, once over
 * invalid ones (the error path: Ajv with allErrors, ours collecting every error as it always does).
 */
import { checkAnnotationShape, parseTask, validateAnnotation, type Task } from '@tagwerk/core';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import annotationSchema from '@tagwerk/core/schema/annotation.json' with { type: 'json' };
import { generateItems, IMAGE_TASK, injectFaults, TEXT_TASK, type Item } from '../fixtures/annotations.js';
import { compare, summarize } from '../lib/stats.js';
import type { Row, ScenarioContext } from '../lib/types.js';

const AJV_LEAVES_OUT =
  'Ajv checks only the task-independent JSON Schema (annotation.json). Ours also checks each annotation against its task: ' +
  'labels, tools and attributes, boxes inside the image, answers against their questions, span offsets and texts.';

const SHAPE_ONLY =
  'checkAnnotationShape: the same published schema Ajv compiles, checked interpretively (TypeBox, no generated code, so CSP-safe), ' +
  'after the input guard (prototype keys, non-finite numbers, depth and size limits). No task needed.';

function parsed(task: unknown): Task {
  const result = parseTask(task);
  if (!result.ok) throw new Error(`bench fixture task is invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.value;
}

function compile(allErrors: boolean): ValidateFunction {
  const ajv = new Ajv2020({ allErrors, strict: false });
  return ajv.compile(annotationSchema);
}

/** Each item's task, parsed once (a backend parses a task once, then validates many annotations). */
function withParsedTasks(items: Item[]): Item[] {
  const tasks = new Map<unknown, Task>([
    [IMAGE_TASK, parsed(IMAGE_TASK)],
    [TEXT_TASK, parsed(TEXT_TASK)],
  ]);
  for (const item of items) item.task = tasks.get(item.task) as Item['task'];
  return items;
}

/** Fail loudly when a validator disagrees with how the data was built: the numbers would be meaningless. */
function check(items: Item[], ajv: ValidateFunction, expectValid: boolean): void {
  const expected = expectValid ? 'valid' : 'invalid';
  const fail = (who: string, i: number, errors: unknown[] | null | undefined) => {
    throw new Error(`${who} disagrees on ${expected} item ${i}: ${JSON.stringify(errors?.slice(0, 3))}`);
  };
  for (let i = 0; i < items.length; i++) {
    const { annotation, task } = items[i]!;
    const ours = validateAnnotation(annotation, task);
    if (ours.valid !== expectValid) fail('validateAnnotation', i, ours.errors);
    const shape = checkAnnotationShape(annotation);
    if (shape.valid !== expectValid) fail('checkAnnotationShape', i, shape.errors);
    if (ajv(annotation) !== expectValid) fail('Ajv', i, ajv.errors);
  }
}

function rowsFor(
  label: string,
  items: Item[],
  paired: { ours: number[]; baseline: number[] },
  note: string | undefined,
): Row[] {
  const n = items.length;
  const ours = summarize(paired.ours);
  const baseline = summarize(paired.baseline);
  const count = n >= 1000 ? `${n / 1000}k` : String(n);
  const rate = (ms: number) => n / (ms / 1000);
  return [
    {
      measure: `${count} ${label}: total, median of ${ours.n}`,
      unit: 'ms',
      ours: ours.median,
      baseline: { name: 'Ajv', value: baseline.median },
      ...(note ? { note } : {}),
      samples: paired,
      extra: { n, ours, baseline },
    },
    {
      measure: `${count} ${label}: throughput`,
      unit: 'ann/s',
      ours: rate(ours.median),
      baseline: { name: 'Ajv', value: rate(baseline.median) },
      samples: { ours: paired.ours.map(rate), baseline: paired.baseline.map(rate) },
    },
  ];
}

const INVALID_NOTE =
  'Every annotation has 1–2 schema-level faults both validators catch, so ours stops after its schema stage. ' +
  'Ajv runs with allErrors: true; ours always collects every error and returns JSON Pointer paths with translated messages.';

const oursOver = (list: Item[]) => () => {
  for (let i = 0; i < list.length; i++) validateAnnotation(list[i]!.annotation, list[i]!.task);
};
const oursShapeOver = (list: Item[]) => () => {
  for (let i = 0; i < list.length; i++) checkAnnotationShape(list[i]!.annotation);
};
const ajvOver = (ajv: ValidateFunction, list: Item[]) => () => {
  for (let i = 0; i < list.length; i++) ajv(list[i]!.annotation);
};

export async function run(ctx: ScenarioContext): Promise<Row[]> {
  const n = ctx.quick ? 10_000 : 100_000;
  // No separate warm-up round: `check` first runs every validator over every item, which warms
  // the very code paths that are timed (a 100k pass is long enough for the JIT to settle).
  const rounds = { warmup: 0, samples: ctx.quick ? 2 : 5, before: () => ctx.gc() };
  const rows: Row[] = [];
  {
    ctx.log(`generating and checking ${n} valid annotations`);
    const items = withParsedTasks(generateItems(n));
    const ajv = compile(false);
    check(items, ajv, true);
    ctx.log(`timing valid (${rounds.samples} rounds, interleaved)`);
    rows.push(...rowsFor('valid', items, await compare(oursOver(items), ajvOver(ajv, items), rounds), AJV_LEAVES_OUT));
    // The like-for-like comparison: our schema stage alone, on the schema Ajv compiled.
    ctx.log('timing valid, schema only');
    rows.push(
      ...rowsFor(
        'valid, schema only',
        items,
        await compare(oursShapeOver(items), ajvOver(ajv, items), rounds),
        SHAPE_ONLY,
      ),
    );
  }
  // The valid set is out of scope now: collect it before building the invalid one, not during its timing.
  await ctx.gc();
  {
    ctx.log(`generating and checking ${n} invalid annotations`);
    const items = withParsedTasks(injectFaults(generateItems(n)));
    const ajv = compile(true);
    check(items, ajv, false);
    ctx.log('timing invalid');
    rows.push(...rowsFor('invalid', items, await compare(oursOver(items), ajvOver(ajv, items), rounds), INVALID_NOTE));
  }
  return rows;
}
