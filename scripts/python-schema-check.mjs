#!/usr/bin/env node
// Cross-checks the published JSON Schemas in Python: every case of
// packages/core/test/engine-cases.ts (ids, answer keys and timestamps with every Unicode white-space,
// control and invisible format character at the start, the middle and the end; every BMP code point
// in an id; the corpus, valid and invalid) goes to python-jsonschema's Draft202012Validator
// (scripts/python-schema-check.py, Debian's python3-jsonschema), and each answer must equal the
// rule's, the core's and Ajv's (new Ajv2020(), default strict mode).
//
//   node scripts/python-schema-check.mjs          (TAGWERK_PYTHON=/path/to/python3 to use another)
//
// One count per group of cases goes to TAGWERK_COUNT_FILE; a missing python-jsonschema is a file
// error, with the command that installs it.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import { tsImport } from 'tsx/esm/api';

const ROOT = new URL('..', import.meta.url);
const PYTHON = process.env.TAGWERK_PYTHON ?? '/usr/bin/python3';
const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;

function finish(counts) {
  if (process.env.TAGWERK_COUNT_FILE)
    writeFileSync(process.env.TAGWERK_COUNT_FILE, JSON.stringify({ skipped: 0, fileErrors: 0, ...counts }));
  process.exit(counts.failed + (counts.fileErrors ?? 0) > 0 ? 1 : 0);
}

function fail(message) {
  console.error(`\x1b[31m✘ ${message}\x1b[0m`);
  finish({ passed: 0, failed: 0, fileErrors: 1 });
}

const probe = spawnSync(PYTHON, ['-c', 'import jsonschema'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  fail(
    [
      `python-jsonschema is not available to ${PYTHON}${probe.error ? ` (${probe.error.message})` : `:\n${probe.stderr.trim()}`}`,
      '  Debian/Ubuntu:  sudo apt-get install -y python3-jsonschema   (npm test does it when run as root)',
      '  Elsewhere:      a Python 3 with jsonschema >= 4.0 (Draft 2020-12), then TAGWERK_PYTHON=/path/to/python3',
    ].join('\n'),
  );
}

const { engineCases, hex } = await tsImport(new URL('packages/core/test/engine-cases.ts', ROOT).href, import.meta.url);
const cases = engineCases();

const readJson = (path) => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8'));
const task = readJson('packages/core/schema/task.json');
const annotation = readJson('packages/core/schema/annotation.json');
const ajv = new Ajv2020();
ajv.addSchema(task).addSchema(annotation);
const ajvValidators = {
  id: ajv.getSchema(`${task.$id}#/$defs/Id`),
  task: ajv.getSchema(task.$id),
  annotation: ajv.getSchema(annotation.$id),
};

const run = spawnSync(PYTHON, [new URL('scripts/python-schema-check.py', ROOT).pathname], {
  input: JSON.stringify({ cases: cases.map(({ schema, document }) => ({ schema, document })) }),
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
if (run.error || run.status !== 0)
  fail(`python-jsonschema failed (exit ${run.status}):\n${run.error?.message ?? run.stderr}`);
const python = JSON.parse(run.stdout);
if (!Array.isArray(python.answers) || python.answers.length !== cases.length)
  fail(`python-jsonschema answered ${python.answers?.length} of ${cases.length} cases`);
console.log(
  `python-jsonschema ${python.jsonschema} (Python ${python.python}, ${PYTHON}) against packages/core/schema/{task,annotation}.json`,
);

const groups = new Map();
cases.forEach((c, i) => {
  if (!groups.has(c.group)) groups.set(c.group, []);
  groups.get(c.group).push({ ...c, ajv: ajvValidators[c.schema](c.document), python: python.answers[i] });
});
let passed = 0;
let failed = 0;
for (const [group, list] of groups) {
  const wrong = list.filter((c) => c.core !== c.expected || c.ajv !== c.expected || c.python !== c.expected);
  if (wrong.length === 0) {
    passed += 1;
    console.log(`  \x1b[32m✔\x1b[0m ${group}: ${list.length} cases, the rule, the core, Ajv and Python agree`);
    continue;
  }
  failed += 1;
  console.log(`  \x1b[31m✘ ${group}: ${wrong.length} of ${list.length} cases disagree\x1b[0m`);
  for (const c of wrong.slice(0, 20)) {
    const document = c.schema === 'id' ? ` ${JSON.stringify(c.document)} (${hex(c.document)})` : '';
    console.log(
      `      ${c.label}${document}: rule ${c.expected}, core ${c.core}, Ajv ${c.ajv}, python-jsonschema ${c.python}`,
    );
  }
  if (wrong.length > 20) console.log(`      … and ${wrong.length - 20} more`);
}
console.log(`${cases.length} cases in ${groups.size} groups: ${passed} passed, ${failed} failed`);
finish({ passed, failed });
