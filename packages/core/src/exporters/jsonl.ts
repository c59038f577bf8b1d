import type { Annotation } from '../model/types.js';

/**
 * JSON Lines: one envelope per line, newline-terminated, ready for `jq`, BigQuery or a
 * training-data pipeline. Line separators inside strings are escaped by JSON.stringify rules
 * plus U+2028/U+2029, which some line-based readers treat as line breaks.
 */
export function toJSONL(annotations: Iterable<Annotation>): string {
  let out = '';
  for (const annotation of annotations) {
    out += `${JSON.stringify(annotation)
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029')}\n`;
  }
  return out;
}
