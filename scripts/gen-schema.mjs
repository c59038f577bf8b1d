// Writes the published JSON Schema 2020-12 files from packages/core/src/model/schema.ts, the
// single source of truth. Every titled sub-schema becomes a `$defs` entry referenced by `$ref`.
// `--check` fails (exit 1) when the committed files differ from what the source yields.
import { readFileSync, writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const root = new URL('../packages/core/', import.meta.url);
const S = await tsImport(new URL('src/model/schema.ts', root).href, import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const BASE = 'https://tagwerk.dev/schema/v1/';

function toPublished(rootSchema, id, title, description) {
  const defs = {};
  const plain = (value) => JSON.parse(JSON.stringify(value)); // drops TypeBox's symbol keys
  const walk = (node, isRoot) => {
    if (Array.isArray(node)) return node.map((n) => walk(n, false));
    if (node === null || typeof node !== 'object') return node;
    if (!isRoot && typeof node.title === 'string') {
      if (!(node.title in defs)) {
        defs[node.title] = null; // reserve first: definitions may be reached again while walking
        defs[node.title] = walk(node, true);
      }
      return { $ref: `#/$defs/${node.title}` };
    }
    const out = {};
    for (const [key, value] of Object.entries(node)) out[key] = walk(value, false);
    return out;
  };
  const body = walk(plain(rootSchema), true);
  delete body.title;
  const sortedDefs = Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b)));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${BASE}${id}`,
    title,
    description,
    // A note for people; a keyword of our own would fail Ajv's (and others') default strict mode.
    $comment: `@tagwerk/core ${version}, contract v1 (schemaVersion 1)`,
    ...body,
    $defs: sortedDefs,
  };
}

const files = {
  'task.json': toPublished(
    S.Task,
    'task.json',
    'Tagwerk task',
    'A task handed to <tagwerk-image-labeler>, <tagwerk-audio-transcriber> or <tagwerk-text-rater>. Checks a schema cannot express are listed in the README (validateAnnotation / parseTask).',
  ),
  'annotation.json': toPublished(
    S.Annotation,
    'annotation.json',
    'Tagwerk annotation envelope',
    'What a Tagwerk widget emits on submit. Checks against the task (geometry, offsets, answers) are done by validateAnnotation in @tagwerk/core.',
  ),
};

let stale = false;
for (const [name, schema] of Object.entries(files)) {
  const url = new URL(`schema/${name}`, root);
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(url, 'utf8');
    } catch {
      /* a missing file is stale too */
    }
    if (current !== text) {
      stale = true;
      console.error(`schema/${name} is out of date: run pnpm --filter @tagwerk/core schema`);
    }
  } else {
    writeFileSync(url, text);
    console.log(`wrote packages/core/schema/${name} (${text.length} bytes)`);
  }
}
process.exit(stale ? 1 : 0);
