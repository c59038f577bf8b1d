import type { Annotation, PairwiseAnswer, PairwiseChoice, PairwiseQuestion, Task, TextTask } from '../model/types.js';

/** A chat message in the "messages" format of preference-training libraries. */
export interface PreferenceMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** One (prompt, chosen, rejected) record, as DPO/RLHF reward-model pipelines take them. */
export interface PreferencePair<P = string | PreferenceMessage[], C = string | PreferenceMessage[]> {
  prompt: P;
  chosen: C;
  rejected: C;
  /** Where it came from, for joins and audits. */
  taskId: string;
  questionId: string;
  /** Response ids of `chosen` and `rejected`. */
  chosenId: string;
  rejectedId: string;
  /** 1 slightly, 2 clearly, 3 much better, when the question asked. */
  strength?: number;
  /** Only with `ties: "mark"`: the tie kind; `chosen`/`rejected` are then pair[0]/pair[1]. */
  tie?: Exclude<PairwiseChoice, 'a' | 'b'>;
  /** The display order (left/top first), for position-bias analysis. */
  shownOrder: string[];
}

export interface PreferencePairOptions {
  /** `"exclude"` (default) drops ties, both-good and both-bad; `"mark"` keeps them with `tie` set. */
  ties?: 'exclude' | 'mark';
  /** `"text"` (default): strings; `"messages"`: chat message arrays (conversation tasks). */
  format?: 'text' | 'messages';
}

type TaskSource = Task | readonly Task[] | ReadonlyMap<string, Task>;

function lookup(tasks: TaskSource): (id: string) => Task | undefined {
  if (tasks instanceof Map) {
    const map = tasks as ReadonlyMap<string, Task>;
    return (id) => map.get(id);
  }
  if (Array.isArray(tasks)) {
    const byId = new Map((tasks as readonly Task[]).map((t) => [t.id, t]));
    return (id) => byId.get(id);
  }
  const single = tasks as Task;
  return (id) => (single.id === id ? single : undefined);
}

function promptMessages(task: TextTask): PreferenceMessage[] {
  const messages: PreferenceMessage[] = (task.record.conversation ?? []).map((turn) => ({
    role: turn.role,
    content: turn.text,
  }));
  if (task.record.prompt) messages.push({ role: 'user', content: task.record.prompt });
  return messages;
}

function promptText(task: TextTask): string {
  if (task.record.prompt && !task.record.conversation?.length) return task.record.prompt;
  return promptMessages(task)
    .map((m) => `${m.role}: ${m.content}`)
    .join('\n\n');
}

/**
 * Pairwise answers as preference pairs. `a` is always `pair[0]`, whatever the display order.
 * Annotations of other kinds, of unknown tasks, or without pairwise answers yield nothing.
 */
export function toPreferencePairs(
  annotations: Iterable<Annotation>,
  tasks: TaskSource,
  options: PreferencePairOptions = {},
): PreferencePair[] {
  const find = lookup(tasks);
  const pairs: PreferencePair[] = [];
  for (const annotation of annotations) {
    if (annotation.kind !== 'text') continue;
    const task = find(annotation.taskId);
    if (!task || task.kind !== 'text') continue;
    const responses = new Map((task.record.responses ?? []).map((r) => [r.id, r.text]));
    const prompt = options.format === 'messages' ? promptMessages(task) : promptText(task);
    for (const question of task.questions) {
      if (question.type !== 'pairwise') continue;
      const answer = annotation.result.answers[question.id] as PairwiseAnswer | undefined;
      if (!answer || typeof answer !== 'object' || !('choice' in answer)) continue;
      const record = pairFrom(question, answer, options);
      if (!record) continue;
      const content = (id: string): string | PreferenceMessage[] =>
        options.format === 'messages'
          ? [{ role: 'assistant', content: responses.get(id) ?? '' }]
          : (responses.get(id) ?? '');
      pairs.push({
        prompt,
        chosen: content(record.chosenId),
        rejected: content(record.rejectedId),
        taskId: task.id,
        questionId: question.id,
        chosenId: record.chosenId,
        rejectedId: record.rejectedId,
        ...(answer.strength !== undefined && record.tie === undefined ? { strength: answer.strength } : {}),
        ...(record.tie ? { tie: record.tie } : {}),
        shownOrder: [...answer.shownOrder],
      });
    }
  }
  return pairs;
}

function pairFrom(
  question: PairwiseQuestion,
  answer: PairwiseAnswer,
  options: PreferencePairOptions,
): { chosenId: string; rejectedId: string; tie?: PreferencePair['tie'] } | undefined {
  const [a, b] = question.pair as [string, string];
  if (answer.choice === 'a') return { chosenId: a, rejectedId: b };
  if (answer.choice === 'b') return { chosenId: b, rejectedId: a };
  if (options.ties === 'mark') return { chosenId: a, rejectedId: b, tie: answer.choice };
  return undefined;
}
