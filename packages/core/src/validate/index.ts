/**
 * Validation of tasks and annotations: the boundary that parses, rather than trusts, whatever a
 * host hands over. Every entry point runs three stages and stops at the first that finds errors:
 *
 * 1. the input guard (prototype keys, non-finite numbers, non-JSON values, depth and size limits),
 * 2. the schema (`model/schema.ts`, checked interpretively with TypeBox: CSP-safe),
 * 3. the checks a schema cannot express (`semantic.ts`, `answers.ts`).
 *
 * None of them throws, whatever the input. Errors carry a JSON Pointer `path`, a stable `code`
 * (see `VALIDATION_CODES`) and a translated `message`; at most `MAX_ERRORS` per document, most
 * specific first.
 */
import { Annotation as AnnotationUnion, AnnotationSchemas, Task as TaskUnion } from '../model/schema.js';
import type { Annotation, ParseResult, Task, ValidationError, ValidationResult } from '../model/types.js';
import { branchOf } from './answers.js';
import { guard } from './guard.js';
import { type Issue, IssueSink, toErrors } from './issues.js';
import { parseJsonText } from './json-text.js';
import { checkSchema, isValidAnnotation } from './schema-check.js';
import { checkAnnotationSemantics, checkTaskSemantics } from './semantic.js';
import { taskInfo, type TaskInfo } from './task-info.js';
import { urlProblem, type UrlUse } from './url.js';

export { conditionHolds, isAnsweredFor } from './answers.js';
export { VALIDATION_CODES, MAX_ERRORS, type ValidationCode } from './issues.js';
export { CodePointIndex, codePointLength, codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from './codepoints.js';
export {
  answerIdOfPath,
  appendPointer,
  escapePointerToken,
  parsePointer,
  toPointer,
  unescapePointerToken,
} from './pointer.js';
export type { UrlUse } from './url.js';

/** Options of every validation entry point. */
export interface ValidateOptions {
  /** BCP 47 tag of the language for messages (English when unknown or absent). */
  locale?: string;
}

/** Options of `validateAnnotation`. */
export interface ValidateAnnotationOptions extends ValidateOptions {
  /**
   * A draft (work in progress): skips the checks that only a finished annotation must pass
   * (required answers, `requiredWhen`, minimum counts and lengths, complete rankings and grades,
   * `mustPlayFully`).
   */
  draft?: boolean;
  /**
   * The mode the annotation was made in: in `"review"` a finished annotation needs a verdict
   * (`review.verdict`), else `review-required` at `/review`.
   */
  mode?: AnnotationMode;
}

/** How a widget works on an annotation: its own work, a review of someone else's, or training. */
export type AnnotationMode = 'work' | 'review' | 'training';

export interface ParseTaskOptions extends ValidateOptions {
  /** The kind the caller takes (a widget's own): another kind is `kind-mismatch` at `/kind`. */
  kind?: Task['kind'];
}

const kindMismatch = (expected: string, actual: string): Issue => ({
  path: '/kind',
  code: 'kind-mismatch',
  params: { expected, actual },
});

/** The error of an element asked for its annotation before its task is ready. */
export function notReadyError(locale?: string): ValidationError {
  return toErrors([{ path: '', code: 'not-ready' }], locale)[0]!;
}

/** What any exception escaping the stages is reported as: reading the input failed. */
const UNREADABLE: Issue = { path: '', code: 'not-json', params: { what: 'error' } };

const result = (issues: readonly Issue[], locale: string | undefined): ValidationResult => {
  const errors = toErrors(issues, locale);
  return { valid: errors.length === 0, errors };
};

/** Stages 1–3 for a task; `clone`: return a plain copy of what was checked. */
function taskIssues(input: unknown, clone: boolean): { issues: Issue[]; value: unknown } {
  const sink = new IssueSink();
  let value = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input);
    if (!parsed.ok) {
      sink.add('', 'json-syntax', { line: parsed.line, column: parsed.column });
      return { issues: sink.issues, value: undefined };
    }
    value = parsed.value;
    clone = false; // JSON.parse already made a fresh, plain copy
  }
  const checked = guard(value, sink, { clone });
  if (sink.size === 0) checkSchema(TaskUnion, checked, '', sink);
  if (sink.size === 0) checkTaskSemantics(checked as Task, sink);
  return { issues: sink.issues, value: checked };
}

// A task's own problems, found once per task object.
const taskProblems = new WeakMap<object, Issue[]>();

function taskProblemsOf(task: object): Issue[] {
  let problems = taskProblems.get(task);
  if (!problems) {
    problems = taskIssues(task, false).issues;
    taskProblems.set(task, problems);
  }
  return problems;
}

/** Stages 1–2 for an annotation; `info`, when given, speeds up checking answers. */
function annotationShape(input: unknown, sink: IssueSink, info?: TaskInfo): void {
  guard(input, sink);
  if (sink.size > 0) return;
  const kind = typeof input === 'object' && input !== null ? (input as { kind?: unknown }).kind : undefined;
  if (typeof kind === 'string' && Object.hasOwn(AnnotationSchemas, kind)) {
    const known = kind as keyof typeof AnnotationSchemas;
    const branch = info
      ? (id: string) => {
          const q = info.questions.get(id);
          return q ? branchOf(q) : undefined;
        }
      : undefined;
    if (!isValidAnnotation(known, input, branch)) checkSchema(AnnotationSchemas[known], input, '', sink);
  } else {
    checkSchema(AnnotationUnion, input, '', sink);
  }
}

/**
 * Parses a task: an object, or its JSON text. On success `value` is a plain deep copy of the
 * input (later changes to the input, or getters that answer differently, cannot affect it).
 */
export function parseTask(input: unknown, options: ParseTaskOptions = {}): ParseResult<Task> {
  try {
    const { issues, value } = taskIssues(input, true);
    const kind = issues.length === 0 ? (value as Task).kind : undefined;
    if (options.kind !== undefined && kind !== undefined && kind !== options.kind) {
      return { ok: false, errors: toErrors([kindMismatch(options.kind, kind)], options.locale) };
    }
    if (issues.length === 0) {
      // A fresh copy nobody else holds: validateAnnotation need not check it again.
      taskProblems.set(value as Task, []);
      return { ok: true, value: value as Task };
    }
    return { ok: false, errors: toErrors(issues, options.locale) };
  } catch {
    return { ok: false, errors: toErrors([UNREADABLE], options.locale) };
  }
}

/** Validates a task (an object or its JSON text) without copying it. */
export function validateTask(task: unknown, options: ValidateOptions = {}): ValidationResult {
  try {
    return result(taskIssues(task, false).issues, options.locale);
  } catch {
    return result([UNREADABLE], options.locale);
  }
}

/** Checks a task (an object or its JSON text) against the published schema only (`schema/task.json`). */
export function checkTaskShape(task: unknown, options: ValidateOptions = {}): ValidationResult {
  try {
    const sink = new IssueSink();
    let value = task;
    if (typeof task === 'string') {
      const parsed = parseJsonText(task);
      if (parsed.ok) value = parsed.value;
      else sink.add('', 'json-syntax', { line: parsed.line, column: parsed.column });
    }
    if (sink.size === 0) guard(value, sink);
    if (sink.size === 0) checkSchema(TaskUnion, value, '', sink);
    return result(sink.issues, options.locale);
  } catch {
    return result([UNREADABLE], options.locale);
  }
}

/**
 * Checks an annotation envelope against the published schema only (`schema/annotation.json`),
 * without its task: what a backend without the task can verify.
 */
export function checkAnnotationShape(annotation: unknown, options: ValidateOptions = {}): ValidationResult {
  try {
    const sink = new IssueSink();
    annotationShape(annotation, sink);
    return result(sink.issues, options.locale);
  } catch {
    return result([UNREADABLE], options.locale);
  }
}

/**
 * Validates an annotation envelope against its task: the schema, then everything measured
 * against the task (labels, tools, geometry, timing, offsets, answers). The task should come
 * from `parseTask`; an invalid one yields a single `task-invalid` error. Per-task data is cached,
 * so treat tasks as immutable.
 */
export function validateAnnotation(
  annotation: unknown,
  task: Task,
  options: ValidateAnnotationOptions = {},
): ValidationResult {
  try {
    const sink = new IssueSink();
    const problems = typeof task === 'object' && task !== null ? taskProblemsOf(task) : [UNREADABLE];
    const info = problems.length === 0 ? taskInfo(task) : undefined;
    annotationShape(annotation, sink, info);
    if (sink.size > 0) return result(sink.issues, options.locale);
    const first = problems[0];
    if (first) sink.add('', 'task-invalid', { count: problems.length, path: first.path });
    else checkAnnotationSemantics(annotation as Annotation, task, info as TaskInfo, sink, options.draft === true);
    if (options.mode === 'review' && !options.draft && !(annotation as Annotation).review?.verdict) {
      sink.add('/review', 'review-required');
    }
    return result(sink.issues, options.locale);
  } catch {
    return result([UNREADABLE], options.locale);
  }
}

/** True when `url` may be used as a task URL of this kind (see the `unsafe-url` check). */
export function isSafeUrl(url: string, use: UrlUse = 'resource'): boolean {
  return urlProblem(url, use) === null;
}
