/**
 * When two answers to one question are "the same answer": the single definition behind
 * inter-annotator {@link agreement} and training feedback against a gold reference. Pure: no DOM.
 */
import type { Question } from '../model/types.js';

/**
 * Whether `a` and `b` are the same answer to `question`, as a requester reading them would say:
 *
 * - `rating`: the same number.
 * - `choice`: the same set of options — order and repeats do not count, and a single choice
 *   equals the set of that one option (`"x"` agrees with `["x"]`; "none of these", `[]`, only
 *   with itself).
 * - `text`: the same text after Unicode NFC normalisation, trimming and collapsing runs of white
 *   space; case and punctuation do count ("Too long." is not "too long").
 * - `pairwise`: the same `choice` only. `strength` is a matter of degree, not a different
 *   preference, and `shownOrder` is where the widget displayed the pair, not an answer.
 * - `ranking`: the same entries in the same order, a tied group compared as a set (and a group
 *   of one equal to its item: `[["r1"], "r2"]` agrees with `["r1", "r2"]`).
 * - `relevance`: the same grade for every result (key order does not count).
 * - `spans`: the same set of (start, end, label); the covered `text` and the optional UTF-16
 *   offsets follow from those and do not count.
 *
 * An unanswered question (`undefined` or `null`) agrees only with another unanswered one.
 * Malformed values (e.g. a number for a spans question) compare structurally, never throw.
 */
export function answersAgree(question: Pick<Question, 'type'>, a: unknown, b: unknown): boolean {
  const missingA = a === undefined || a === null;
  const missingB = b === undefined || b === null;
  if (missingA || missingB) return missingA && missingB;
  return answerKey(question, a) === answerKey(question, b);
}

/**
 * A string two answers share exactly when {@link answersAgree} holds for them (for answers
 * that are present): what {@link agreement} counts votes by.
 */
export function answerKey(question: Pick<Question, 'type'>, value: unknown): string {
  switch (question.type) {
    case 'choice':
      if (typeof value === 'string') return stable([value]);
      if (Array.isArray(value)) return stable(sortedUnique(value.map(String)));
      break;
    case 'text':
      if (typeof value === 'string') return stable(value.normalize('NFC').trim().replace(/\s+/gu, ' '));
      break;
    case 'pairwise':
      if (value && typeof value === 'object' && 'choice' in value) return stable(value.choice);
      break;
    case 'ranking':
      if (Array.isArray(value)) {
        return stable(
          value.map((entry: unknown) => {
            if (!Array.isArray(entry)) return entry;
            const group = sortedUnique(entry.map(String));
            return group.length === 1 ? group[0] : group;
          }),
        );
      }
      break;
    case 'spans':
      if (Array.isArray(value)) {
        return stable(
          sortedUnique(
            value.map((s: unknown) => {
              const span = (s ?? {}) as { start?: unknown; end?: unknown; label?: unknown };
              return JSON.stringify([span.start, span.end, span.label]);
            }),
          ),
        );
      }
      break;
    default:
      break;
  }
  // Ratings, relevance maps and anything malformed: structural equality.
  return stable(value);
}

const sortedUnique = (items: readonly string[]): string[] =>
  [...new Set(items)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** JSON with object keys sorted, so `{ a, b }` and `{ b, a }` compare equal. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
