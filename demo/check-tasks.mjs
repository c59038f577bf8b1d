#!/usr/bin/env node
// Checks every sample task of the demo the way a platform would before publishing it:
//   - parseTask from @tagwerk/core accepts it, and Ajv accepts it against the published task.json;
//   - its reference annotation passes validateAnnotation (as a finished, submitted annotation)
//     and Ajv against the published annotation.json;
//   - the media it names exist under demo/public/, and PNG sizes match the task's image size.
//
//   node --import tsx --conditions=source demo/check-tasks.mjs [tasks-dir]   (or: pnpm --filter @tagwerk/demo check)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTask, validateAnnotation } from '@tagwerk/core';
import { createSchemaValidator } from './server/schema-validator.ts';
import { readTasks } from './server/task-store.ts';

const PUBLIC = new URL('./public/', import.meta.url).pathname;
const taskSchema = createSchemaValidator('task');
const annotationSchema = createSchemaValidator('annotation');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file) {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function mediaProblems(task) {
  const problems = [];
  const local = (url) => (url && url.startsWith('/') ? join(PUBLIC, url) : null);
  const urls =
    task.kind === 'image' ? [task.image.url] : task.kind === 'audio' ? [task.audio.url, task.audio.waveform] : [];
  for (const url of urls) {
    const file = local(url);
    if (file && !existsSync(file)) problems.push(`media missing: ${url}`);
  }
  if (task.kind === 'image' && task.image.width !== undefined) {
    const file = local(task.image.url);
    if (file && existsSync(file) && file.endsWith('.png')) {
      const size = pngSize(file);
      if (size.width !== task.image.width || size.height !== task.image.height) {
        problems.push(
          `image size: task says ${task.image.width}×${task.image.height}, file is ${size.width}×${size.height}`,
        );
      }
    }
  }
  return problems;
}

const format = (errors) => errors.map((e) => `      ${e.path || '/'}  ${e.code}: ${e.message}`).join('\n');

let failures = 0;
const ids = new Set();
const tasks = readTasks(process.argv[2]);
for (const { file, task: raw, reference } of tasks) {
  const problems = [];
  if (ids.has(raw.id)) problems.push(`duplicate task id ${raw.id}`);
  ids.add(raw.id);

  const parsed = parseTask(raw);
  if (!parsed.ok) problems.push(`parseTask refused the task:\n${format(parsed.errors)}`);
  const schemaErrors = taskSchema(raw);
  if (schemaErrors.length) problems.push(`task.json (Ajv) refused the task:\n${format(schemaErrors)}`);
  problems.push(...mediaProblems(raw));

  if (!reference) {
    problems.push(`no reference annotation in tasks/references/${raw.id}.json`);
  } else if (parsed.ok) {
    const contract = validateAnnotation(reference, parsed.value);
    if (!contract.valid) problems.push(`validateAnnotation refused the reference:\n${format(contract.errors)}`);
    const shape = annotationSchema(reference);
    if (shape.length) problems.push(`annotation.json (Ajv) refused the reference:\n${format(shape)}`);
  }

  if (problems.length) {
    failures += 1;
    console.log(`✗ ${file} (${raw.id})\n${problems.map((p) => `    ${p}`).join('\n')}`);
  } else {
    console.log(`✓ ${file} (${raw.kind}: ${raw.id})`);
  }
}

const kinds = ['text', 'image', 'audio'].map((k) => `${tasks.filter((t) => t.task.kind === k).length} ${k}`).join(', ');
console.log(`\n${tasks.length - failures} of ${tasks.length} sample tasks valid (${kinds})`);
process.exit(failures === 0 && tasks.length > 0 ? 0 : 1);
