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
const [RATING, STRING, ID_LIST, PAIRWISE, RANKING, RELEVANCE, SPANS] = (AnswerSchema as unknown as TUnion).anyOf as TSchema[];

/** A value that counts as no answer: absent, blank text, an empty list or map. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

const questionName = (q: Question): string => quote(q.label.trim() !== '' ? q.label : q.id);

/** True when `condition` holds for the answers (see the Condition schema). */
export function conditionHolds(condition: Condition, answers: Answers): boolean {
  const answer: unknown = Object.prototype.hasOwnProperty.call(answers, condition.question) ? answers[condition.question] : undefined;
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
export function checkAnswers(answers: Answers, base: string, task: Task, info: TaskInfo, sink: IssueSink, draft: boolean): void {
  for (const id of Object.keys(answers)) {
    if (sink.full) return;
    const path = appendPointer(base, id);
    const question = info.questions.get(id);
    if (!question) {
      sink.add(path, 'unknown-question', { id: quote(id), count: info.questions.size, known: quoteList(info.questions.keys()) });
      continue;
    }
    checkAnswer(question, answers[id], path, task, info, sink, draft);
  }
  if (draft) return;
  for (const question of info.questions.values()) {
    if (sink.full) return;
    const value: unknown = Object.prototype.hasOwnProperty.call(answers, question.id) ? answers[question.id] : undefined;
    if (isAnswered(value)) continue;
    const path = appendPointer(base, question.id);
    if (question.required) {
      sink.add(path, 'answer-required', { question: questionName(question), reason: 'required', other: '' });
    } else if (question.type === 'text' && question.requiredWhen && conditionHolds(question.requiredWhen, answers)) {
      const other = info.questions.get(question.requiredWhen.question);
      sink.add(path, 'answer-required', { question: questionName(question), reason: 'condition', other: other ? questionName(other) : '' });
    }
  }
}

function checkAnswer(q: Question, value: unknown, path: string, task: Task, info: TaskInfo, sink: IssueSink, draft: boolean): void {
  const before = sink.size;
  const shape = (schema: TSchema | undefined): boolean => {
    if (schema) checkSchema(schema, value, path, sink);
    return sink.size === before;
  };
  switch (q.type) {
    case 'rating':
      if (shape(RATING) && ((value as number) < q.scale.min || (value as number) > q.scale.max)) {
        sink.add(path, 'scale-range', { reason: 'value', value: num(value as number), min: num(q.scale.min), max: num(q.scale.max) });
      }
      return;
    case 'choice':
      return choice(q, value, path, info, sink, draft);
    case 'text':
      if (shape(STRING) && isAnswered(value)) text(q, value as string, path, sink, draft);
      return;
    case 'pairwise':
      if (shape(PAIRWISE)) pairwise(q, value as PairwiseAnswer, path, sink);
      return;
    case 'ranking':
      if (shape(RANKING) && isAnswered(value)) ranking(q, value as (string | string[])[], path, info, sink, draft);
      return;
    case 'relevance':
      if (shape(RELEVANCE) && isAnswered(value)) relevance(q, value as Record<string, number>, path, info, sink, draft);
      return;
    case 'spans':
      if (shape(SPANS) && isAnswered(value)) spans(q, value as Span[], path, task, info, sink);
      return;
  }
}

function choice(q: ChoiceQuestion, value: unknown, path: string, info: TaskInfo, sink: IssueSink, draft: boolean): void {
  const options = info.choiceOptions.get(q.id) ?? new Set<string>();
  const known = (): string => quoteList(options);
  if (!q.multiple) {
    if (Array.isArray(value)) {
      sink.add(path, 'answer-invalid', { reason: 'single' });
      return;
    }
    const before = sink.size;
    checkSchema(STRING as TSchema, value, path, sink);
    if (sink.size === before && isAnswered(value) && !options.has(value as string)) {
      sink.add(path, 'unknown-option', { option: quote(value), known: known() });
    }
    return;
  }
  if (!Array.isArray(value)) {
    sink.add(path, 'answer-invalid', { reason: 'multiple' });
    return;
  }
  const before = sink.size;
  checkSchema(ID_LIST as TSchema, value, path, sink);
  if (sink.size !== before || value.length === 0) return;
  const seen = new Set<string>();
  (value as string[]).forEach((id, i) => {
    const at = `${path}/${i}`;
    if (!options.has(id)) sink.add(at, 'unknown-option', { option: quote(id), known: known() });
    else if (seen.has(id)) sink.add(at, 'answer-invalid', { reason: 'duplicate', value: quote(id) });
    seen.add(id);
  });
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
  if (!draft && q.minLength !== undefined && length < q.minLength) sink.add(path, 'min-length', { limit: q.minLength, length });
  if (q.maxLength !== undefined && length > q.maxLength) sink.add(path, 'max-length', { limit: q.maxLength, length });
}

function pairwise(q: PairwiseQuestion, value: PairwiseAnswer, path: string, sink: IssueSink): void {
  const [a, b] = q.pair;
  const [x, y] = value.shownOrder;
  if (!((x === a && y === b) || (x === b && y === a))) {
    sink.add(`${path}/shownOrder`, 'answer-invalid', { reason: 'shownOrder', expected: quoteList(q.pair) });
  }
  const decided = value.choice === 'a' || value.choice === 'b';
  if (!decided && !q.allowTie) sink.add(`${path}/choice`, 'answer-invalid', { reason: 'tie', value: quote(value.choice) });
  if (value.strength !== undefined) {
    if (!q.strength) sink.add(`${path}/strength`, 'answer-invalid', { reason: 'strength' });
    else if (!decided) sink.add(`${path}/strength`, 'answer-invalid', { reason: 'strengthTie' });
  }
}

function ranking(q: RankingQuestion, value: (string | string[])[], path: string, info: TaskInfo, sink: IssueSink, draft: boolean): void {
  const expected = q.items === 'responses' ? info.responseIds : info.resultIds;
  const allowed = new Set(expected);
  const seen = new Set<string>();
  const item = (id: string, at: string): void => {
    if (!allowed.has(id)) sink.add(at, 'not-permutation', { reason: 'unknown', items: q.items, value: quote(id), ids: quoteList(expected) });
    else if (seen.has(id)) sink.add(at, 'not-permutation', { reason: 'duplicate', items: q.items, value: quote(id), ids: '' });
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
  if (missing.length > 0) sink.add(path, 'not-permutation', { reason: 'missing', items: q.items, value: '', ids: quoteList(missing) });
}

function relevance(q: RelevanceQuestion, value: Record<string, number>, path: string, info: TaskInfo, sink: IssueSink, draft: boolean): void {
  const results = new Set(info.resultIds);
  for (const id of Object.keys(value)) {
    const at = appendPointer(path, id);
    const grade = value[id] as number;
    if (!results.has(id)) {
      sink.add(at, 'unknown-reference', { what: 'result', id: quote(id), count: info.resultIds.length, known: quoteList(info.resultIds) });
    } else if (grade < q.scale.min || grade > q.scale.max) {
      sink.add(at, 'scale-range', { reason: 'value', value: num(grade), min: num(q.scale.min), max: num(q.scale.max) });
    }
  }
  if (draft) return;
  const missing = info.resultIds.filter((id) => !Object.prototype.hasOwnProperty.call(value, id));
  if (missing.length > 0) sink.add(path, 'answer-invalid', { reason: 'missingGrades', ids: quoteList(missing), count: missing.length });
}

function spans(q: SpansQuestion, value: Span[], path: string, task: Task, info: TaskInfo, sink: IssueSink): void {
  const index = fieldIndex(task, info, q.field);
  const labels = info.spanLabels.get(q.id) ?? new Set<string>();
  if (!index) return; // the task check reports the missing field
  const placed: { start: number; end: number; label: string; at: string }[] = [];
  value.forEach((span, i) => {
    const at = `${path}/${i}`;
    if (!labels.has(span.label)) sink.add(`${at}/label`, 'unknown-label', { label: quote(span.label), count: labels.size, known: quoteList(labels) });
    if (span.start >= span.end) {
      sink.add(at, 'segment-order', { what: 'span', start: num(span.start), end: num(span.end) });
      return;
    }
    if (span.end > index.length) {
      sink.add(`${at}/end`, 'out-of-bounds', { what: 'span', value: num(span.end), limit: num(index.length) });
      return;
    }
    const covered = index.slice(span.start, span.end) ?? '';
    if (covered !== span.text) {
      sink.add(`${at}/text`, 'span-text-mismatch', { reason: 'text', expected: quote(covered), actual: quote(span.text) });
    }
    const start16 = index.toUtf16(span.start);
    const end16 = index.toUtf16(span.end);
    if (span.startUtf16 !== undefined && span.startUtf16 !== start16) {
      sink.add(`${at}/startUtf16`, 'span-text-mismatch', { reason: 'utf16', expected: num(start16), actual: num(span.startUtf16) });
    }
    if (span.endUtf16 !== undefined && span.endUtf16 !== end16) {
      sink.add(`${at}/endUtf16`, 'span-text-mismatch', { reason: 'utf16', expected: num(end16), actual: num(span.endUtf16) });
    }
    placed.push({ start: span.start, end: span.end, label: span.label, at });
  });
  // In offset order: of two clashing spans, the one that starts later is reported.
  const sorted = placed.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  const exact = new Map<string, string>();
  let reach: (typeof sorted)[number] | null = null;
  for (const span of sorted) {
    const key = `${span.start}:${span.end}:${span.label}`;
    const twin = exact.get(key);
    if (twin !== undefined) {
      sink.add(span.at, 'overlap', { what: 'span', reason: 'duplicate', other: twin });
    } else if (!q.overlap && reach && span.start < reach.end) {
      sink.add(span.at, 'overlap', { what: 'span', reason: 'overlap', other: reach.at });
    }
    exact.set(key, exact.get(key) ?? span.at);
    if (!reach || span.end > reach.end) reach = span;
  }
}
