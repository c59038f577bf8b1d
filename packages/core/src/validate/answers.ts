/**
 * Answers against their questions: shared by all three kinds (`result.answers`). Each answer
 * must have the shape of its question type and fit the question (scale, options, lengths,
 * permutations, span offsets); required questions must be answered unless checking a draft.
 */
import type { TSchema, TUnion } from '@sinclair/typebox';
import { Answer as AnswerSchema } from '../model/schema.js';
import type {
  Answers,
  ChoiceQuestion,
  Condition,
  PairwiseAnswer,
  PairwiseQuestion,
  Question,
  RankingQuestion,
  RelevanceQuestion,
  Span,
  SpansQuestion,
  Task,
  TextQuestion,
} from '../model/types.js';
import { codePointLength } from './codepoints.js';
import { type IssueSink, num, quote, quoteList } from './issues.js';
import { appendPointer } from './pointer.js';
import { checkSchema } from './schema-check.js';
import { fieldIndex, type TaskInfo } from './task-info.js';

// The Answer union's branches, in schema order: the shape each question type takes.
const [RATING, STRING, ID_LIST, PAIRWISE, RANKING, RELEVANCE, SPANS] = (AnswerSchema as unknown as TUnion).anyOf;

/** A value that counts as no answer: absent, blank text, an empty list or map. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

const questionName = (q: Question): string => quote(q.label.trim() !== '' ? q.label : q.id);

/** Like `isAnswered`, knowing the question: `[]` is the "None of these" answer of an `allowNone` choice. */
export function isAnsweredFor(question: Question, value: unknown): boolean {
  if (question.type === 'choice' && question.allowNone && Array.isArray(value) && value.length === 0) return true;
  return isAnswered(value);
}

/** True when `condition` holds for the answers (see the Condition schema). */
export function conditionHolds(condition: Condition, answers: Answers): boolean {
  const answer: unknown = Object.prototype.hasOwnProperty.call(answers, condition.question)
    ? answers[condition.question]
    : undefined;
  if (answer === undefined) return false;
  const values: unknown[] = Array.isArray(answer)
    ? answer.flat()
    : typeof answer === 'object' && answer !== null
      ? [(answer as Partial<PairwiseAnswer>).choice]
      : [answer];
  return values.some(
    (v) =>
      (condition.equals === undefined || v === condition.equals) &&
      (condition.oneOf === undefined || condition.oneOf.includes(v as string | number | boolean)) &&
      (condition.lte === undefined || (typeof v === 'number' && v <= condition.lte)) &&
      (condition.gte === undefined || (typeof v === 'number' && v >= condition.gte)),
  );
}

/** Checks `answers` (at pointer `base`) against the task's questions. */
export function checkAnswers(
  answers: Answers,
  base: string,
  task: Task,
  info: TaskInfo,
  sink: IssueSink,
  draft: boolean,
): void {
  for (const id of Object.keys(answers)) {
    if (sink.full) return;
    const path = appendPointer(base, id);
    const question = info.questions.get(id);
    if (!question) {
      sink.add(path, 'unknown-question', {
        id: quote(id),
        count: info.questions.size,
        known: quoteList(info.questions.keys()),
      });
      continue;
    }
    checkAnswer(question, answers[id], path, task, info, sink, draft);
  }
  if (draft) return;
  for (const question of info.questions.values()) {
    if (sink.full) return;
    const value: unknown = Object.prototype.hasOwnProperty.call(answers, question.id)
      ? answers[question.id]
      : undefined;
    if (isAnsweredFor(question, value)) continue;
    const path = appendPointer(base, question.id);
    if (question.required) {
      sink.add(path, 'answer-required', { question: questionName(question), reason: 'required', other: '' });
    } else if (question.type === 'text' && question.requiredWhen && conditionHolds(question.requiredWhen, answers)) {
      const other = info.questions.get(question.requiredWhen.question);
      sink.add(path, 'answer-required', {
        question: questionName(question),
        reason: 'condition',
        other: other ? questionName(other) : '',
      });
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * True when an answer that already passed the schema's Answer union has the shape of its
 * question type. Cheap structural tests suffice because the union has checked the details: a
 * number can only be a valid integer, an object with a string `choice` only a pairwise answer.
 */
function fits(q: Question, value: unknown): boolean {
  switch (q.type) {
    case 'rating':
      return typeof value === 'number';
    case 'text':
      return typeof value === 'string';
    case 'choice':
      if (q.allowNone && Array.isArray(value) && value.length === 0) return true; // "None of these"
      return q.multiple ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === 'string';
    case 'pairwise':
      return isObject(value) && typeof value['choice'] === 'string';
    case 'ranking':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' || Array.isArray(v));
    case 'relevance':
      return isObject(value) && Object.values(value).every((v) => typeof v === 'number');
    case 'spans':
      return Array.isArray(value) && value.every(isObject);
  }
}

/** The Answer schema branch of a question type. */
export function branchOf(q: Question): TSchema {
  switch (q.type) {
    case 'rating':
      return RATING as TSchema;
    case 'text':
      return STRING as TSchema;
    case 'choice':
      return (q.multiple ? ID_LIST : STRING) as TSchema;
    case 'pairwise':
      return PAIRWISE as TSchema;
    case 'ranking':
      return RANKING as TSchema;
    case 'relevance':
      return RELEVANCE as TSchema;
    case 'spans':
      return SPANS as TSchema;
  }
}

function checkAnswer(
  q: Question,
  value: unknown,
  path: string,
  task: Task,
  info: TaskInfo,
  sink: IssueSink,
  draft: boolean,
): void {
  if (!fits(q, value)) {
    if (q.type === 'choice' && Array.isArray(value) !== !!q.multiple) {
      sink.add(path, 'answer-invalid', { reason: q.multiple ? 'multiple' : 'single' });
      return;
    }
    const before = sink.size;
    checkSchema(branchOf(q), value, path, sink);
    // Should the union have let through something the branch takes after all, say so anyway.
    if (sink.size === before) sink.add(path, 'type', { expected: q.type === 'rating' ? 'integer' : 'answer' });
    return;
  }
  if (!isAnswered(value)) return;
  switch (q.type) {
    case 'rating':
      if ((value as number) < q.scale.min || (value as number) > q.scale.max) {
        sink.add(path, 'scale-range', {
          reason: 'value',
          value: num(value as number),
          min: num(q.scale.min),
          max: num(q.scale.max),
        });
      }
      return;
    case 'choice':
      return choice(q, value as string | string[], path, info, sink, draft);
    case 'text':
      return text(q, value as string, path, sink, draft);
    case 'pairwise':
      return pairwise(q, value as PairwiseAnswer, path, sink);
    case 'ranking':
      return ranking(q, value as (string | string[])[], path, info, sink, draft);
    case 'relevance':
      return relevance(q, value as Record<string, number>, path, info, sink, draft);
    case 'spans':
      return spans(q, value as Span[], path, task, info, sink);
  }
}

function choice(
  q: ChoiceQuestion,
  value: string | string[],
  path: string,
  info: TaskInfo,
  sink: IssueSink,
  draft: boolean,
): void {
  const options = info.choiceOptions.get(q.id) ?? new Set<string>();
  if (typeof value === 'string') {
    if (!options.has(value)) sink.add(path, 'unknown-option', { option: quote(value), known: quoteList(options) });
    return;
  }
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const id = value[i] as string;
    if (!options.has(id)) sink.add(`${path}/${i}`, 'unknown-option', { option: quote(id), known: quoteList(options) });
    else if (seen.has(id)) sink.add(`${path}/${i}`, 'answer-invalid', { reason: 'duplicate', value: quote(id) });
    seen.add(id);
  }
  if (!draft && q.minSelected !== undefined && value.length < q.minSelected) {
    sink.add(path, 'answer-invalid', { reason: 'minSelected', limit: q.minSelected, count: value.length });
  }
  if (q.maxSelected !== undefined && value.length > q.maxSelected) {
    sink.add(path, 'answer-invalid', { reason: 'maxSelected', limit: q.maxSelected, count: value.length });
  }
}

function text(q: TextQuestion, value: string, path: string, sink: IssueSink, draft: boolean): void {
  if (q.minLength === undefined && q.maxLength === undefined) return;
  const length = codePointLength(value);
  if (!draft && q.minLength !== undefined && length < q.minLength)
    sink.add(path, 'min-length', { limit: q.minLength, length });
  if (q.maxLength !== undefined && length > q.maxLength) sink.add(path, 'max-length', { limit: q.maxLength, length });
}

function pairwise(q: PairwiseQuestion, value: PairwiseAnswer, path: string, sink: IssueSink): void {
  const [a, b] = q.pair;
  const [x, y] = value.shownOrder;
  if (!((x === a && y === b) || (x === b && y === a))) {
    sink.add(`${path}/shownOrder`, 'answer-invalid', { reason: 'shownOrder', expected: quoteList(q.pair) });
  }
  const decided = value.choice === 'a' || value.choice === 'b';
  if (!decided && !q.allowTie)
    sink.add(`${path}/choice`, 'answer-invalid', { reason: 'tie', value: quote(value.choice) });
  if (value.strength !== undefined) {
    if (!q.strength) sink.add(`${path}/strength`, 'answer-invalid', { reason: 'strength' });
    else if (!decided) sink.add(`${path}/strength`, 'answer-invalid', { reason: 'strengthTie' });
  }
}

function ranking(
  q: RankingQuestion,
  value: (string | string[])[],
  path: string,
  info: TaskInfo,
  sink: IssueSink,
  draft: boolean,
): void {
  const expected = q.items === 'responses' ? info.responseIds : info.resultIds;
  const allowed = new Set(expected);
  const seen = new Set<string>();
  const item = (id: string, at: string): void => {
    if (!allowed.has(id))
      sink.add(at, 'not-permutation', {
        reason: 'unknown',
        items: q.items,
        value: quote(id),
        ids: quoteList(expected),
      });
    else if (seen.has(id))
      sink.add(at, 'not-permutation', { reason: 'duplicate', items: q.items, value: quote(id), ids: '' });
    seen.add(id);
  };
  value.forEach((entry, i) => {
    const at = `${path}/${i}`;
    if (typeof entry === 'string') return item(entry, at);
    if (!q.allowTies) sink.add(at, 'not-permutation', { reason: 'ties', items: q.items, value: '', ids: '' });
    entry.forEach((id, k) => item(id, `${at}/${k}`));
  });
  if (draft) return;
  const missing = expected.filter((id) => !seen.has(id));
  if (missing.length > 0)
    sink.add(path, 'not-permutation', { reason: 'missing', items: q.items, value: '', ids: quoteList(missing) });
}

function relevance(
  q: RelevanceQuestion,
  value: Record<string, number>,
  path: string,
  info: TaskInfo,
  sink: IssueSink,
  draft: boolean,
): void {
  const results = new Set(info.resultIds);
  for (const id of Object.keys(value)) {
    const at = appendPointer(path, id);
    const grade = value[id] as number;
    if (!results.has(id)) {
      sink.add(at, 'unknown-reference', {
        what: 'result',
        id: quote(id),
        count: info.resultIds.length,
        known: quoteList(info.resultIds),
      });
    } else if (grade < q.scale.min || grade > q.scale.max) {
      sink.add(at, 'scale-range', { reason: 'value', value: num(grade), min: num(q.scale.min), max: num(q.scale.max) });
    }
  }
  if (draft) return;
  const missing = info.resultIds.filter((id) => !Object.prototype.hasOwnProperty.call(value, id));
  if (missing.length > 0)
    sink.add(path, 'answer-invalid', { reason: 'missingGrades', ids: quoteList(missing), count: missing.length });
}

function spans(q: SpansQuestion, value: Span[], path: string, task: Task, info: TaskInfo, sink: IssueSink): void {
  const index = fieldIndex(task, info, q.field);
  const labels = info.spanLabels.get(q.id) ?? new Set<string>();
  if (!index) return; // the task check reports the missing field
  const placed: number[] = []; // indexes of spans with sound offsets
  let ordered = true;
  for (let i = 0; i < value.length; i++) {
    const span = value[i] as Span;
    if (!labels.has(span.label))
      sink.add(`${path}/${i}/label`, 'unknown-label', {
        label: quote(span.label),
        count: labels.size,
        known: quoteList(labels),
      });
    if (span.start >= span.end) {
      sink.add(`${path}/${i}`, 'segment-order', { what: 'span', start: num(span.start), end: num(span.end) });
      continue;
    }
    if (span.end > index.length) {
      sink.add(`${path}/${i}/end`, 'out-of-bounds', { what: 'span', value: num(span.end), limit: num(index.length) });
      continue;
    }
    const covered = index.slice(span.start, span.end) ?? '';
    if (covered !== span.text) {
      sink.add(`${path}/${i}/text`, 'span-text-mismatch', {
        reason: 'text',
        expected: quote(covered),
        actual: quote(span.text),
      });
    }
    if (span.startUtf16 !== undefined && span.startUtf16 !== index.toUtf16(span.start)) {
      sink.add(`${path}/${i}/startUtf16`, 'span-text-mismatch', {
        reason: 'utf16',
        expected: num(index.toUtf16(span.start)),
        actual: num(span.startUtf16),
      });
    }
    if (span.endUtf16 !== undefined && span.endUtf16 !== index.toUtf16(span.end)) {
      sink.add(`${path}/${i}/endUtf16`, 'span-text-mismatch', {
        reason: 'utf16',
        expected: num(index.toUtf16(span.end)),
        actual: num(span.endUtf16),
      });
    }
    const last = placed.length > 0 ? (value[placed[placed.length - 1] as number] as Span) : null;
    if (last && (span.start < last.start || (span.start === last.start && span.end < last.end))) ordered = false;
    placed.push(i);
  }
  // In offset order (spans usually arrive sorted): of two clashing spans, the later one is reported.
  if (!ordered) {
    placed.sort(
      (a, b) =>
        (value[a] as Span).start - (value[b] as Span).start || (value[a] as Span).end - (value[b] as Span).end || a - b,
    );
  }
  let reach = -1; // the placed span reaching furthest so far
  for (let k = 0; k < placed.length; k++) {
    const i = placed[k] as number;
    const span = value[i] as Span;
    // Exact repeats sit next to each other in offset order, among spans with the same offsets.
    let twin = -1;
    for (let m = k - 1; m >= 0; m--) {
      const other = value[placed[m] as number] as Span;
      if (other.start !== span.start || other.end !== span.end) break;
      if (other.label === span.label) twin = placed[m] as number;
    }
    if (twin >= 0) sink.add(`${path}/${i}`, 'overlap', { what: 'span', reason: 'duplicate', other: `${path}/${twin}` });
    else if (!q.overlap && reach >= 0 && span.start < (value[reach] as Span).end) {
      sink.add(`${path}/${i}`, 'overlap', { what: 'span', reason: 'overlap', other: `${path}/${reach}` });
    }
    if (reach < 0 || span.end > (value[reach] as Span).end) reach = i;
  }
}
