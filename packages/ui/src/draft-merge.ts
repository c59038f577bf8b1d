/**
 * Two tabs with the same task: the later edit wins per field, and nothing else is lost.
 *
 * A draft is split into fields — each answer, each region or segment (by its id) and the order of
 * a list, every other part of the result as a whole, the widget's own state and the review — and
 * each tab keeps, per field, when it last changed it (a removal included). Merging two drafts
 * takes every field from the side that changed it later; counters and times (`meta`) come from
 * the side given as `mine`.
 */

/** Field key → when it last changed (ms since the epoch). */
export type FieldTimes = Record<string, number>;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An array whose items are objects with distinct string ids (regions, segments). */
function idList(value: unknown): value is Array<Json & { id: string }> {
  if (!Array.isArray(value) || value.length === 0) return false;
  const ids = new Set<string>();
  for (const item of value) {
    if (!isObject(item) || typeof item.id !== 'string' || ids.has(item.id)) return false;
    ids.add(item.id);
  }
  return true;
}

// Keys are JSON arrays of path parts: no escaping rules, any id or question key is safe.
const key = (...parts: string[]): string => JSON.stringify(parts);
const ORDER = '#order';

/** The fields of a draft as key → JSON text (what is compared) and key → value. */
export function draftFields(draft: unknown): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  if (!isObject(draft)) return fields;
  const result = draft.result;
  if (isObject(result)) {
    for (const [name, part] of Object.entries(result)) {
      if (name === 'answers' && isObject(part)) {
        for (const [question, answer] of Object.entries(part)) fields.set(key('result', name, question), answer);
        fields.set(key('result', name, ORDER), Object.keys(part)); // an empty answers object stays one
      } else if (idList(part)) {
        for (const item of part) fields.set(key('result', name, item.id), item);
        fields.set(
          key('result', name, ORDER),
          part.map((item) => item.id),
        );
      } else {
        fields.set(key('result', name), part);
      }
    }
  }
  for (const name of ['widget', 'review']) if (draft[name] !== undefined) fields.set(key(name), draft[name]);
  return fields;
}

/** Rebuilds a draft from fields; `base` gives what fields do not carry (`meta`). */
function fromFields(fields: Map<string, unknown>, base: Json): Json {
  const result: Json = {};
  const lists = new Map<string, { order: string[] | undefined; items: Map<string, unknown> }>();
  const draft: Json = { ...base };
  delete draft.widget;
  delete draft.review;
  for (const [k, value] of fields) {
    const parts = JSON.parse(k) as string[];
    if (parts[0] !== 'result') {
      draft[parts[0]!] = value;
      continue;
    }
    if (parts.length === 2) {
      result[parts[1]!] = value;
      continue;
    }
    const list = lists.get(parts[1]!) ?? { order: undefined, items: new Map<string, unknown>() };
    lists.set(parts[1]!, list);
    if (parts[2] === ORDER) list.order = value as string[];
    else list.items.set(parts[2]!, value);
  }
  for (const [name, { order, items }] of lists) {
    // The order of the side that last reordered, then items only the other side has, as they came.
    const ids = [
      ...(order ?? []).filter((id) => items.has(id)),
      ...[...items.keys()].filter((id) => !order?.includes(id)),
    ];
    if (name === 'answers') result[name] = Object.fromEntries(ids.map((id) => [id, items.get(id)]));
    else result[name] = ids.map((id) => items.get(id));
  }
  draft.result = result;
  return draft;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Notes the fields `next` changed against `previous` (added, changed, removed) at `now`. Returns
 * the new times (the given object is not changed).
 */
export function touchFields(previous: unknown, next: unknown, times: FieldTimes, now: number): FieldTimes {
  const before = draftFields(previous);
  const after = draftFields(next);
  const touched: FieldTimes = { ...times };
  for (const [k, value] of after) if (!before.has(k) || !same(before.get(k), value)) touched[k] = now;
  for (const k of before.keys()) if (!after.has(k)) touched[k] = now;
  return touched;
}

/**
 * Merges two drafts field by field: each field from the side that changed it later (ties: mine).
 * A field a side never changed counts as changed at `fallback` (its record's save time, for
 * drafts written before field times existed). Returns the merged draft and its field times.
 */
export function mergeDrafts<T>(
  mine: { value: T; fields: FieldTimes; savedAt: number },
  theirs: { value: T; fields?: FieldTimes; savedAt: number },
): { value: T; fields: FieldTimes } {
  const a = draftFields(mine.value);
  const b = draftFields(theirs.value);
  const timeA = (k: string): number => mine.fields[k] ?? (a.has(k) ? 0 : -1);
  const timeB = (k: string): number => theirs.fields?.[k] ?? (b.has(k) ? (theirs.fields ? 0 : theirs.savedAt) : -1);
  const merged = new Map<string, unknown>();
  const fields: FieldTimes = {};
  for (const k of new Set([
    ...a.keys(),
    ...b.keys(),
    ...Object.keys(mine.fields),
    ...Object.keys(theirs.fields ?? {}),
  ])) {
    const [tA, tB] = [timeA(k), timeB(k)];
    const side = tB > tA ? b : a;
    if (side.has(k)) merged.set(k, side.get(k));
    if (Math.max(tA, tB) > 0) fields[k] = Math.max(tA, tB);
  }
  return { value: fromFields(merged, isObject(mine.value) ? mine.value : {}) as T, fields };
}

/** The two drafts hold the same fields (meta aside). */
export function sameFields(a: unknown, b: unknown): boolean {
  const x = draftFields(a);
  const y = draftFields(b);
  if (x.size !== y.size) return false;
  for (const [k, value] of x) if (!y.has(k) || !same(y.get(k), value)) return false;
  return true;
}
