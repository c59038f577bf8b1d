/**
 * The published schemas give the same answer in ECMAScript (Ajv, strict, and the core's own
 * validation) and in Python (python-jsonschema, Debian's python3-jsonschema), for ids and
 * timestamps holding every Unicode white-space and control character at the start, the middle
 * and the end, and for whole documents of the corpus. Engines differ in `\s`, `\d` and `$`; the
 * schemas use explicit classes so that they cannot.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import { parseTask, validateAnnotation } from '../src/validate/index.js';
import type { Task } from '../src/model/types.js';

const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module;

const root = new URL('../', import.meta.url);
const repo = new URL('../../', root);
const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8')) as unknown;
const ajv = new Ajv2020({ strict: true });
const ajvTask = ajv.compile(readJson(new URL('schema/task.json', root)) as object);
const ajvAnnotation = ajv.compile(readJson(new URL('schema/annotation.json', root)) as object);

const PYTHON = process.env.TAGWERK_PYTHON ?? '/usr/bin/python3';

/** Every Unicode White_Space code point, the invisible ones near them, and every C0/C1 control. */
const SPECIAL = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  0x20,
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i), // DEL, C1, U+00A0
  0x1680,
  0x180e,
  ...Array.from({ length: 0x0c }, (_, i) => 0x2000 + i), // U+2000–U+200B
  0x2028,
  0x2029,
  0x202f,
  0x205f,
  0x2060,
  0x3000,
  0xfeff,
].map((c) => String.fromCodePoint(c));

const hex = (s: string): string => [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`).join(' ');

const baseTask = readJson(new URL('test/corpus/valid/text-chat.task.json', root)) as Task;
const baseAnnotation = readJson(new URL('test/corpus/valid/text-chat.annotation.json', root)) as {
  taskId: string;
  meta: { startedAt: string };
};

interface Case {
  schema: 'task' | 'annotation';
  document: unknown;
  label: string;
  /** The core's own answer (schema stage and semantics agree on these cases). */
  core: boolean;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const c of SPECIAL) {
    for (const [where, id] of [
      ['start', `${c}t1`],
      ['middle', `t${c}1`],
      ['end', `t1${c}`],
      ['alone', c],
    ] as const) {
      const task = { ...baseTask, id };
      const parsed = parseTask(task);
      out.push({ schema: 'task', document: task, label: `task id, ${where}: ${hex(c)}`, core: parsed.ok });
    }
    // A timestamp with the character at its end: Python's `$` would accept a final newline.
    const annotation = {
      ...baseAnnotation,
      meta: { ...baseAnnotation.meta, startedAt: `${baseAnnotation.meta.startedAt}${c}` },
    };
    out.push({
      schema: 'annotation',
      document: annotation,
      label: `startedAt + ${hex(c)}`,
      core: validateAnnotation(annotation, baseTask).errors.every((e) => !e.path.startsWith('/meta/startedAt')),
    });
  }
  // Unicode digits: ECMAScript's \d is ASCII, Python's is not.
  const arabic = { ...baseAnnotation, meta: { ...baseAnnotation.meta, startedAt: '٢٠٢٦-11-26T10:00:00.000Z' } };
  out.push({
    schema: 'annotation',
    document: arabic,
    label: 'startedAt with Arabic-Indic digits',
    core: validateAnnotation(arabic, baseTask).errors.every((e) => !e.path.startsWith('/meta/startedAt')),
  });
  // Whole documents of the corpus, valid and invalid.
  const corpus = new URL('test/corpus/', root);
  for (const file of readdirSync(new URL('valid/', corpus)).filter((f) => f.endsWith('.json'))) {
    const document = readJson(new URL(`valid/${file}`, corpus));
    out.push({
      schema: file.endsWith('.task.json') ? 'task' : 'annotation',
      document,
      label: `valid/${file}`,
      core: true,
    });
  }
  for (const file of readdirSync(new URL('invalid/', corpus)).filter((f) => f.endsWith('.json'))) {
    const { $expect: expectation, document } = readJson(new URL(`invalid/${file}`, corpus)) as {
      $expect: { type: 'task' | 'annotation'; schema: boolean };
      document: unknown;
    };
    out.push({ schema: expectation.type, document, label: `invalid/${file}`, core: expectation.schema });
  }
  return out;
}

describe('published schemas: ECMAScript and Python agree', () => {
  const all = cases();

  it('the core and Ajv (strict) agree on every id, timestamp and corpus document', () => {
    const disagree = all
      .filter((c) => (c.schema === 'task' ? ajvTask(c.document) : ajvAnnotation(c.document)) !== c.core)
      .map((c) => c.label);
    expect(disagree).to.deep.equal([]);
  });

  it('ids: no white space or control at either end, no C0/DEL inside; C1 and U+FEFF only inside', () => {
    const byLabel = new Map(all.map((c) => [c.label, c.core]));
    expect(byLabel.get('task id, start: U+feff')).to.equal(false);
    expect(byLabel.get('task id, end: U+0085')).to.equal(false);
    expect(byLabel.get('task id, middle: U+0020')).to.equal(true);
    expect(byLabel.get('task id, middle: U+000a')).to.equal(false);
    expect(byLabel.get('task id, middle: U+200b')).to.equal(true);
    expect(byLabel.get('startedAt + U+000a')).to.equal(false);
    expect(byLabel.get('startedAt with Arabic-Indic digits')).to.equal(false);
  });

  it('python-jsonschema (Draft 2020-12) gives the same answer for every case', function () {
    if (!existsSync(PYTHON))
      throw new Error(`${PYTHON} missing: apt-get install python3-jsonschema (npm test does it as root)`);
    const input = JSON.stringify({ cases: all.map(({ schema, document }) => ({ schema, document })) });
    const run = spawnSync(PYTHON, [new URL('scripts/python-schema-check.py', repo).pathname], {
      input,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status, `python-jsonschema failed (is python3-jsonschema installed?):\n${run.stderr}`).to.equal(0);
    const answers = JSON.parse(run.stdout) as boolean[];
    expect(answers).to.have.length(all.length);
    const disagree = all
      .filter((c, i) => answers[i] !== c.core)
      .map((c) => `${c.label}: core says ${String(c.core)}, python the opposite`);
    expect(disagree, `${all.length} cases`).to.deep.equal([]);
  });
});
