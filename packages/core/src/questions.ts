/**
 * What a question means, apart from how it is drawn (CONTRACT.md "Questions"): which scale values
 * exist and which digit picks one, the order a pairwise question shows its pair in, whether a
 * question is required right now, the text a spans question marks up. Pure: no DOM; the widgets'
 * fields (`@tagwerk/ui`) and a server replaying an annotation compute the same answers from them.
 */
import { fnv1a } from './hash.js';
import type { Answers, PairwiseQuestion, Question, Scale, SpansQuestion, TextTask } from './model/types.js';
import { conditionHolds } from './validate/answers.js';

/** Every value of a scale, lowest first (integers from `min` to `max`). */
export function scaleValues(scale: Scale): number[] {
  const values: number[] = [];
  for (let v = scale.min; v <= scale.max; v++) values.push(v);
  return values;
}

/**
 * Digit → scale value: on scales within 0…9 the digit is the value itself (press 4 for 4);
 * on other scales (e.g. -2…2, 1…10) digit n picks the n-th step, 0 the tenth.
 */
export function scaleValueForDigit(scale: Scale, digit: number): number | undefined {
  if (!Number.isInteger(digit)) return undefined;
  if (scale.min >= 0 && scale.max <= 9) return digit >= scale.min && digit <= scale.max ? digit : undefined;
  const value = scale.min + (digit === 0 ? 9 : digit - 1);
  return value <= scale.max ? value : undefined;
}

/**
 * The order a pairwise question shows its pair in (the answer's `shownOrder`). Deterministic per
 * task and question, so the same worker sees the same order after a reload; it must never change
 * between releases, or drafts and position-bias analyses would disagree with what was shown.
 */
export function pairwiseShownOrder(question: PairwiseQuestion, taskId: string): [string, string] {
  const [a, b] = question.pair as [string, string];
  if (!question.randomize) return [a, b];
  let h = fnv1a(`${taskId}\u0000${question.id}`);
  // Mix the bits: FNV's low bit alone is too regular for ids that differ in one character.
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h & 1) === 1 ? [b, a] : [a, b];
}

/**
 * The contract's choice (`"a"` is `pair[0]`, whatever the display order) for the response shown
 * first or second, given the `shownOrder`.
 */
export function pairwiseChoiceShownAt(
  question: PairwiseQuestion,
  shownOrder: readonly [string, string],
  position: 'first' | 'second',
): 'a' | 'b' {
  const id = position === 'first' ? shownOrder[0] : shownOrder[1];
  return id === question.pair[0] ? 'a' : 'b';
}

/** Whether a question is required right now (`required`, or its `requiredWhen` holds). */
export function isRequiredNow(question: Question, answers: Answers): boolean {
  if (question.required) return true;
  return (
    question.type === 'text' && question.requiredWhen !== undefined && conditionHolds(question.requiredWhen, answers)
  );
}

/** The text a spans question marks up (its `field` of the record); `""` when there is none. */
export function spansFieldText(question: SpansQuestion, record: TextTask['record'] | undefined): string {
  if (!record) return '';
  if (question.field === 'text') return record.text ?? '';
  if (question.field === 'prompt') return record.prompt ?? '';
  return record.responses?.find((r) => r.id === question.field)?.text ?? '';
}
