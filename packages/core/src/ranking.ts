/**
 * Ranking answers, pure: no DOM, runs in browsers and in Node.
 *
 * A ranking lists item ids best first; an inner array is a group of tied items (only when the
 * question has `allowTies`). Every function here returns a fresh array (inner arrays copied
 * too) and never mutates its input. The operations never produce a group of one: a group that
 * shrinks to one item becomes a plain id again.
 */

/** A ranking as stored in an answer: ids best first; an inner array is a tied group. */
export type RankingAnswer = Array<string | string[]>;

/** Any ranking input, read only. */
export type RankingLike = ReadonlyArray<string | readonly string[]>;

/** Options of {@link normalizeRanking}. */
export interface NormalizeRankingOptions {
  /** Keep tied groups (default `true`); `false` lists the members of each group one after another. */
  allowTies?: boolean;
}

/** The ids of one entry: a plain id, or the members of a tied group. */
export function membersOf(entry: string | readonly string[]): readonly string[] {
  return typeof entry === 'string' ? [entry] : entry;
}

/** One id stays a plain id; several form a tied group. */
function toEntry(ids: readonly string[]): string | string[] {
  return ids.length === 1 ? ids[0]! : [...ids];
}

function copy(ranking: RankingLike): RankingAnswer {
  return ranking.map((entry) => (typeof entry === 'string' ? entry : [...entry]));
}

/**
 * The ranking to display for `ids`: unknown and repeated ids are dropped (the first occurrence
 * wins), empty groups vanish, groups of one become plain ids, and ids the ranking misses are
 * appended in the order of `ids`. The result is always a permutation of `ids`.
 */
export function normalizeRanking(
  value: RankingLike | null | undefined,
  ids: readonly string[],
  options: NormalizeRankingOptions = {},
): RankingAnswer {
  const known = new Set(ids);
  const seen = new Set<string>();
  const out: RankingAnswer = [];
  // Drafts and host values are untrusted: tolerate anything that is not an id or a list of ids.
  for (const entry of Array.isArray(value) ? (value as readonly unknown[]) : []) {
    const candidates: readonly unknown[] = typeof entry === 'string' ? [entry] : Array.isArray(entry) ? entry : [];
    const kept: string[] = [];
    for (const id of candidates) {
      if (typeof id !== 'string' || !known.has(id) || seen.has(id)) continue;
      seen.add(id);
      kept.push(id);
    }
    if (kept.length === 0) continue;
    if (options.allowTies === false) out.push(...kept);
    else out.push(toEntry(kept));
  }
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}

/** Index of the entry (plain id or tied group) that holds `id`; -1 when absent. */
export function entryIndexOf(ranking: RankingLike, id: string): number {
  return ranking.findIndex((entry) => (typeof entry === 'string' ? entry === id : entry.includes(id)));
}

/** The ranking without `id`; its group shrinks (and becomes a plain id when one member is left). */
export function removeItem(ranking: RankingLike, id: string): RankingAnswer {
  const out: RankingAnswer = [];
  for (const entry of ranking) {
    if (typeof entry === 'string') {
      if (entry !== id) out.push(entry);
      continue;
    }
    const rest = entry.filter((member) => member !== id);
    if (rest.length > 0) out.push(toEntry(rest));
  }
  return out;
}

/**
 * Moves `id` out of wherever it is (its tied group, if any, keeps the other members) and puts it,
 * untied, at entry index `toIndex` of the result; out-of-range indexes clamp (`Infinity` = last).
 * An unknown id leaves the ranking as it is.
 */
export function moveItem(ranking: RankingLike, id: string, toIndex: number): RankingAnswer {
  if (Number.isNaN(toIndex)) throw new RangeError('moveItem: toIndex is NaN');
  if (entryIndexOf(ranking, id) < 0) return copy(ranking);
  const rest = removeItem(ranking, id);
  const at = Math.max(0, Math.min(rest.length, Math.trunc(toIndex)));
  rest.splice(at, 0, id);
  return rest;
}

/**
 * Moves `id` one step: an untied item swaps places with the entry above (`-1`) or below (`1`),
 * passing a tied group as a whole; a tied item leaves its group and lands directly above or below
 * it. At the top or bottom nothing changes.
 */
export function stepItem(ranking: RankingLike, id: string, direction: -1 | 1): RankingAnswer {
  const index = entryIndexOf(ranking, id);
  if (index < 0) return copy(ranking);
  if (typeof ranking[index] !== 'string') return moveItem(ranking, id, direction < 0 ? index : index + 1);
  const to = index + direction;
  if (to < 0 || to >= ranking.length) return copy(ranking);
  return moveItem(ranking, id, to);
}

/**
 * Ties `id` with `otherId`: `id` leaves its place (and its own group) and joins the entry of
 * `otherId`, as its last member. Unchanged when either is unknown or they are already tied.
 */
export function tieWith(ranking: RankingLike, id: string, otherId: string): RankingAnswer {
  const from = entryIndexOf(ranking, id);
  const to = entryIndexOf(ranking, otherId);
  if (from < 0 || to < 0 || from === to) return copy(ranking);
  const rest = removeItem(ranking, id);
  const target = entryIndexOf(rest, otherId);
  rest[target] = [...membersOf(rest[target]!), id];
  return rest;
}

/**
 * Ties `id` with the entry directly above its own entry (the rank above it): `id` joins that item
 * or group. Unchanged when `id` is in the first entry or unknown.
 */
export function tieWithPrevious(ranking: RankingLike, id: string): RankingAnswer {
  const index = entryIndexOf(ranking, id);
  if (index <= 0) return copy(ranking);
  return tieWith(ranking, id, membersOf(ranking[index - 1]!)[0]!);
}

/**
 * Takes `id` out of its tied group and places it directly below the group (the rest of the group
 * keeps its rank). Unchanged when `id` is not tied or unknown.
 */
export function untie(ranking: RankingLike, id: string): RankingAnswer {
  const index = entryIndexOf(ranking, id);
  if (index < 0 || typeof ranking[index] === 'string') return copy(ranking);
  const rest = removeItem(ranking, id);
  rest.splice(index + 1, 0, id);
  return rest;
}

/**
 * The 1-based rank of `id` in competition ranking ("1224"): tied items share a rank and the next
 * rank skips accordingly, so a rank is always 1 + the number of items ranked strictly better.
 * `undefined` when `id` is absent.
 */
export function rankOf(ranking: RankingLike, id: string): number | undefined {
  let ahead = 0;
  for (const entry of ranking) {
    const members = membersOf(entry);
    if (members.includes(id)) return ahead + 1;
    ahead += members.length;
  }
  return undefined;
}

/** All ids in rank order, tied groups spread in their stored order. */
export function flatten(ranking: RankingLike): string[] {
  return ranking.flatMap((entry) => [...membersOf(entry)]);
}

/** Whether the ranking holds at least one tied group. */
export function hasTies(ranking: RankingLike): boolean {
  return ranking.some((entry) => typeof entry !== 'string');
}

/**
 * Whether `ranking` is a complete, well-formed ranking of `ids`: every id exactly once, nothing
 * else, and no empty group.
 */
export function isPermutation(ranking: RankingLike, ids: readonly string[]): boolean {
  const expected = new Set(ids);
  const seen = new Set<string>();
  for (const entry of ranking) {
    const members = membersOf(entry);
    if (members.length === 0) return false;
    for (const id of members) {
      if (!expected.has(id) || seen.has(id)) return false;
      seen.add(id);
    }
  }
  return seen.size === expected.size;
}

/** Whether two rankings are the same, entry by entry and member by member. */
export function rankingEquals(a: RankingLike, b: RankingLike): boolean {
  if (a.length !== b.length) return false;
  return a.every((entry, i) => {
    const other = b[i]!;
    if (typeof entry === 'string' || typeof other === 'string') return entry === other;
    return entry.length === other.length && entry.every((id, k) => id === other[k]);
  });
}
