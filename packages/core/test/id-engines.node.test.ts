/**
 * The published schemas give the same answer in every regular-expression engine: the core's own
 * validation (TypeBox, ECMAScript without the `u` flag) and Ajv (ECMAScript with `u`, default
 * strict mode) agree with the rule stated in the `Id` description on ids, answer keys and
 * timestamps holding every Unicode white-space, control and invisible format character at the
 * start, the middle and the end, and on the corpus (cases: engine-cases.ts). The same cases go
 * to python-jsonschema in `scripts/python-schema-check.mjs`, a step of `npm test`.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import { Id } from '../src/model/schema.js';
import { engineCases, type CaseSchema, type EngineCase } from './engine-cases.js';

const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;

const root = new URL('../', import.meta.url);
const readJson = (url: URL): { $id: string } => JSON.parse(readFileSync(url, 'utf8')) as { $id: string };
const task = readJson(new URL('schema/task.json', root));
const annotation = readJson(new URL('schema/annotation.json', root));

/** Ajv as a pipeline would use it: `new Ajv2020()`, its default strict mode. */
const ajv = new Ajv2020();
ajv.addSchema(task).addSchema(annotation);
const validators: Record<CaseSchema, (data: unknown) => boolean> = {
  id: ajv.getSchema(`${task.$id}#/$defs/Id`)!,
  task: ajv.getSchema(task.$id)!,
  annotation: ajv.getSchema(annotation.$id)!,
};

describe('published schemas: every engine gives the answer the rule gives', () => {
  const all = engineCases();
  const groups = new Map<string, EngineCase[]>();
  for (const c of all) {
    if (!groups.has(c.group)) groups.set(c.group, []);
    groups.get(c.group)!.push(c);
  }
  const describeCase = (c: EngineCase): string => `${c.group}, ${c.label}: the rule says ${String(c.expected)}`;

  it('cover every group, and every BMP code point at the start, the middle and the end', () => {
    expect([...groups.keys()]).to.deep.equal([
      'ids',
      'task ids',
      'answer keys',
      'timestamps, colours, hotkeys, scale keys',
      'corpus documents',
    ]);
    expect(groups.get('ids')!.length).to.be.above(3 * 0x10000);
  });

  for (const [group, cases] of groups) {
    it(`${group} (${cases.length} cases): the core and Ajv agree with the rule`, () => {
      const core = cases.filter((c) => c.core !== c.expected).map((c) => `core: ${describeCase(c)}`);
      const ajvWrong = cases
        .filter((c) => validators[c.schema](c.document) !== c.expected)
        .map((c) => `Ajv: ${describeCase(c)}`);
      expect([...core, ...ajvWrong].slice(0, 40)).to.deep.equal([]);
    });
  }

  it('the rule: no control or U+FEFF anywhere; white space and invisible format characters only inside', () => {
    const byLabel = new Map(groups.get('ids')!.map((c) => [c.label, c.expected]));
    for (const [label, expected] of [
      ['start: U+FEFF', false],
      ['middle: U+FEFF', false],
      ['end: U+0085', false],
      ['middle: U+0085', false],
      ['middle: U+000A', false],
      ['start: U+001C', false],
      ['start: U+180E', false],
      ['end: U+200B', false],
      ['end: U+202E', false],
      ['middle: U+0020', true],
      ['middle: U+200B', true],
      ['middle: U+200D', true],
      ['middle: U+2028', true],
      ['end: U+FE0F', true],
      ['end: U+E007F', true],
      ['start: U+D800', true],
      ['201 astral letters', false],
      ['200 astral letters (400 UTF-16 units)', true],
    ] as const)
      expect(byLabel.get(label), label).to.equal(expected);
  });

  it('every pattern holds explicit classes only: no escape but \\uXXXX, \\. and the \\n of the end anchor', () => {
    const patterns = new Set<string>([Id.pattern!]);
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node !== null && typeof node === 'object')
        for (const [key, value] of Object.entries(node)) {
          if (key === 'pattern' && typeof value === 'string') patterns.add(value);
          if (key === 'patternProperties') Object.keys(value as object).forEach((p) => patterns.add(p));
          if (key === 'format' && typeof value === 'string') patterns.add(`format: ${String(value)}`);
          walk(value);
        }
    };
    walk([task, annotation]);
    expect(patterns.size).to.be.at.least(5);
    for (const pattern of patterns) {
      expect(pattern, 'no "format" keyword (engines differ in which they check)').not.to.match(/^format: /);
      const escapes = pattern.match(/\\(?:u[0-9a-f]{4}|.)/g) ?? [];
      expect(
        escapes.filter((e) => !/^\\(?:u[0-9a-f]{4}|\.)$/.test(e) && !(e === '\\n' && pattern.endsWith('$(?!\\n)'))),
        pattern,
      ).to.deep.equal([]);
    }
  });
});
