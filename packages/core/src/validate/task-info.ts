/**
 * Data derived from a task once and reused by every annotation validated against it (the bench
 * validates 100k annotations against a handful of tasks). Tasks are treated as immutable: a task
 * object changed after its first use keeps its first derivation (parseTask returns fresh copies).
 */
import type { AttributeDef, Question, Task } from '../model/types.js';
import { CodePointIndex } from './codepoints.js';
import type { Issue } from './issues.js';

/** What an annotation check needs to know about its task. */
export interface TaskInfo {
  questions: Map<string, Question>;
  responseIds: string[];
  resultIds: string[];
  /** Option ids of choice questions, label ids of spans questions, by question id. */
  choiceOptions: Map<string, Set<string>>;
  spanLabels: Map<string, Set<string>>;
  /** Region or segment label ids. */
  labelIds: Set<string>;
  tools: Set<string>;
  keypointNames: Set<string>;
  attributes: Map<string, { def: AttributeDef; labels: Set<string> | null; options: Set<string> | null }>;
  speakers: Set<string>;
  /** The task's own problems (null until checked). */
  issues: Issue[] | null;
  /** Code-point indexes of spans fields, built on first use. */
  fields: Map<string, CodePointIndex | null>;
}

const cache = new WeakMap<object, TaskInfo>();

/** The text a spans question's `field` names, or undefined when there is none. */
export function fieldText(task: Task, field: string): string | undefined {
  if (task.kind !== 'text') return undefined;
  if (field === 'text') return task.record.text;
  if (field === 'prompt') return task.record.prompt;
  return task.record.responses?.find((r) => r.id === field)?.text;
}

/** The derived data of `task`, computed on first call. */
export function taskInfo(task: Task): TaskInfo {
  let info = cache.get(task);
  if (info) return info;
  const questions = new Map<string, Question>();
  const choiceOptions = new Map<string, Set<string>>();
  const spanLabels = new Map<string, Set<string>>();
  for (const q of task.questions ?? []) {
    if (!questions.has(q.id)) questions.set(q.id, q);
    if (q.type === 'choice') choiceOptions.set(q.id, new Set(q.options.map((o) => o.id)));
    if (q.type === 'spans') spanLabels.set(q.id, new Set(q.labels.map((l) => l.id)));
  }
  const attributes: TaskInfo['attributes'] = new Map();
  if (task.kind === 'image') {
    for (const def of task.attributes ?? []) {
      if (attributes.has(def.id)) continue;
      attributes.set(def.id, {
        def,
        labels: def.labels ? new Set(def.labels) : null,
        options: def.options ? new Set(def.options.map((o) => o.id)) : null,
      });
    }
  }
  info = {
    questions,
    responseIds: task.kind === 'text' ? (task.record.responses ?? []).map((r) => r.id) : [],
    resultIds: task.kind === 'text' ? (task.record.results ?? []).map((r) => r.id) : [],
    choiceOptions,
    spanLabels,
    labelIds: new Set(task.kind === 'text' ? [] : (task.labels ?? []).map((l) => l.id)),
    tools: new Set(task.kind === 'image' ? task.tools : []),
    keypointNames: new Set(task.kind === 'image' ? (task.keypoints?.names ?? []) : []),
    attributes,
    speakers: new Set(task.kind === 'audio' ? (task.speakers ?? []).map((s) => s.id) : []),
    issues: null,
    fields: new Map(),
  };
  cache.set(task, info);
  return info;
}

/** The code-point index of a spans field (cached per task and field). */
export function fieldIndex(task: Task, info: TaskInfo, field: string): CodePointIndex | null {
  let index = info.fields.get(field);
  if (index === undefined) {
    const text = fieldText(task, field);
    index = text === undefined ? null : new CodePointIndex(text);
    info.fields.set(field, index);
  }
  return index;
}
