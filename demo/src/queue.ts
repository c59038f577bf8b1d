import type { Kind, Task } from '@tagwerk/core';
import { h } from './dom.js';

export const KIND_LABELS: Record<Kind, string> = { text: 'Text', image: 'Image', audio: 'Audio' };

/** What each sample task asks for, shown under its title in the queue. */
function describe(task: Task): string {
  if (task.kind === 'image')
    return `${task.tools.length ? task.tools.join(', ') : 'questions'} · ${task.labels.length} label${task.labels.length === 1 ? '' : 's'}`;
  if (task.kind === 'audio')
    return task.prefill?.length ? `correct ${task.prefill.length} segments` : `${task.speakers?.length ?? 0} speakers`;
  const types = [...new Set(task.questions.map((q) => q.type))];
  return types.join(', ');
}

/** The sidebar: the task list with done marks and progress. */
export class QueueView {
  private tasks: Task[] = [];
  private done = new Set<string>();
  private current: string | undefined;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly progress: HTMLElement,
    private readonly meter: HTMLProgressElement,
    private readonly onSelect: (task: Task) => void,
  ) {}

  setTasks(tasks: Task[]): void {
    this.tasks = tasks;
    this.render();
  }

  setDone(taskIds: Iterable<string>): void {
    this.done = new Set(taskIds);
    this.render();
  }

  markDone(taskId: string): void {
    this.done.add(taskId);
    this.render();
  }

  select(taskId: string | undefined): void {
    this.current = taskId;
    this.render();
  }

  isDone(taskId: string): boolean {
    return this.done.has(taskId);
  }

  find(taskId: string): Task | undefined {
    return this.tasks.find((t) => t.id === taskId);
  }

  get size(): number {
    return this.tasks.length;
  }

  indexOf(taskId: string): number {
    return this.tasks.findIndex((t) => t.id === taskId);
  }

  /** The next task after the current one that is not done yet (wrapping around), if any. */
  next(): Task | undefined {
    const start = this.current ? this.indexOf(this.current) : -1;
    for (let step = 1; step <= this.tasks.length; step++) {
      const task = this.tasks[(start + step) % this.tasks.length];
      if (task && !this.done.has(task.id) && task.id !== this.current) return task;
    }
    return undefined;
  }

  private render(): void {
    const doneCount = this.tasks.filter((t) => this.done.has(t.id)).length;
    this.progress.textContent = this.tasks.length
      ? `${doneCount} of ${this.tasks.length} tasks done`
      : 'No tasks in the queue.';
    this.meter.max = Math.max(1, this.tasks.length);
    this.meter.value = doneCount;
    this.list.replaceChildren(
      ...this.tasks.map((task) => {
        const done = this.done.has(task.id);
        const button = h(
          'button',
          {
            type: 'button',
            class: 'queue-item',
            'aria-current': task.id === this.current ? 'true' : false,
            'data-kind': task.kind,
          },
          h('span', { class: `kind kind-${task.kind}` }, KIND_LABELS[task.kind]),
          h('span', { class: 'queue-title', dir: 'auto' }, task.title ?? task.id),
          h('span', { class: 'queue-detail' }, describe(task)),
          done
            ? h(
                'span',
                { class: 'done-mark', title: 'Submitted and accepted' },
                h('span', { 'aria-hidden': 'true' }, '✓'),
                h('span', { class: 'visually-hidden' }, 'done'),
              )
            : null,
        );
        button.addEventListener('click', () => this.onSelect(task));
        return h('li', { class: done ? 'is-done' : false }, button);
      }),
    );
  }
}
