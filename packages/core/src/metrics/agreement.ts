/**
 * Inter-annotator agreement on question answers. Pure: no DOM.
 *
 * {@link agreement} measures one task: for each question, the share of annotators whose answer
 * equals the most common one (percentage agreement; not chance-corrected). Chance-corrected
 * reliability needs many tasks: {@link krippendorffAlpha} takes the values of one question
 * across tasks (units).
 */
import type { Annotation, Task } from '../model/types.js';
import { answerKey } from './answers.js';

/**
 * Per question of `task`, the share (in [0, 1]) of the annotations answering it that give the
 * majority answer. Only envelopes of this task (same `taskId` and kind) count; questions fewer
 * than two annotators answered are left out. Two answers count as the same exactly when
 * {@link answersAgree} says so (training feedback uses the same rule).
 */
export function agreement(annotations: Iterable<Annotation>, task: Task): Record<string, number> {
  const mine: Annotation[] = [];
  for (const a of annotations) if (a.taskId === task.id && a.kind === task.kind) mine.push(a);
  const out: Record<string, number> = {};
  for (const question of task.questions ?? []) {
    const counts = new Map<string, number>();
    let answered = 0;
    for (const annotation of mine) {
      const answers = annotation.result.answers as Record<string, unknown>;
      if (!Object.hasOwn(answers, question.id)) continue;
      const value = answers[question.id];
      if (value === undefined || value === null) continue;
      const key = answerKey(question, value);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      answered++;
    }
    if (answered < 2) continue;
    out[question.id] = Math.max(...counts.values()) / answered;
  }
  return out;
}

/** Distance used by {@link krippendorffAlpha}: `"interval"` (squared difference) or `"nominal"` (equal or not). */
export type AlphaMetric = 'interval' | 'nominal';

/**
 * Krippendorff's alpha: chance-corrected reliability over many units (e.g. tasks), each given as
 * the values its coders assigned (`null`/`undefined` for a coder who did not code it; order does
 * not matter). Units with fewer than two values are not pairable and are ignored. The
 * `"interval"` metric suits rating scales; `"nominal"` compares values for equality (strings
 * allowed). Returns 1 for perfect agreement, about 0 for chance, below 0 for systematic
 * disagreement, and NaN when undefined (no pairable values, or all values identical).
 */
export function krippendorffAlpha(
  units: Iterable<ReadonlyArray<number | string | null | undefined>>,
  metric: AlphaMetric = 'interval',
): number {
  const pairable: Array<Array<number | string>> = [];
  for (const unit of units) {
    const values = unit.filter((v): v is number | string => v !== null && v !== undefined);
    if (metric === 'interval' && values.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      throw new TypeError('krippendorffAlpha: the interval metric needs finite numbers');
    }
    if (values.length >= 2) pairable.push(values);
  }
  const n = pairable.reduce((sum, u) => sum + u.length, 0);
  if (n < 2) return NaN;
  // Sum of δ² over ordered pairs (i ≠ j) of one set of values, in closed form.
  const pairSum =
    metric === 'interval'
      ? (values: ReadonlyArray<number | string>): number => {
          const mean = (values as number[]).reduce((s, v) => s + v, 0) / values.length;
          // 2·m·Σ(v − mean)² equals Σ_{i≠j}(v_i − v_j)²; centring first avoids cancellation.
          return 2 * values.length * (values as number[]).reduce((s, v) => s + (v - mean) ** 2, 0);
        }
      : (values: ReadonlyArray<number | string>): number => {
          const counts = new Map<number | string, number>();
          for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
          let same = 0;
          for (const c of counts.values()) same += c * c;
          return values.length * values.length - same;
        };
  let observed = 0;
  for (const unit of pairable) observed += pairSum(unit) / (unit.length - 1);
  observed /= n;
  const expected = pairSum(pairable.flat()) / (n * (n - 1));
  if (!(expected > 0)) return NaN;
  return 1 - observed / expected;
}
