/**
 * Toloka's HTML/JS/CSS task interface, as far as its documentation describes the life cycle:
 * https://github.com/Toloka/docs/blob/main/en/guide/concepts/js/task.md (Task),
 * https://github.com/Toloka/docs/blob/main/en/guide/concepts/js/assignment.md (Assignment),
 * https://github.com/Toloka/docs/blob/main/en/guide/concepts/spec-advanced.md (life cycle,
 * `extend`, the Task / Solution / SolutionValidationError objects).
 *
 * - The classes are ES5 constructor functions built with `extend()`, as the docs write project
 *   code (and as `window.TolokaTask` / `TolokaHandlebarsTask` are used there).
 * - Task: `constructor(options)` with `options.task`, `options.specs`, `options.workspaceOptions`;
 *   `render()` builds the DOM element from the project's HTML and calls `onRender()`;
 *   `getSolution()` / `setSolution()` / `setSolutionOutputValue()`; `validate(solution)` returns a
 *   SolutionValidationError or null; `saveState()` keeps the solution in localStorage under
 *   `TASK_STATE:{assignmentId}:{taskId}` (only with an assignment id); `pause()` saves;
 *   `getSavedState()` reads it back; `destroy()` calls `onDestroy()`; `onValidationFail(errors)`.
 * - Assignment: `getId()`, `getWorkspaceOptions()`, `submit()` = `provideSolutions(strategy)`:
 *   collect every task's `getSolution()`, validate them (`Promise.resolve(validate)`), and when
 *   there are no errors call the strategy, which sends `{ solutions, assignmentId }` on (here:
 *   POSTed to the emulator); otherwise the errors go to the page.
 * - Start: the suite renders every task, restores a saved state with `setSolution()` (as
 *   `resume()` restores responses from local storage), and adds itself to `document.body`.
 *
 * Assumed where the docs say nothing: after a successful send the suite is destroyed; after a
 * failed one it stays and Send can be pressed again. No Toloka hotkeys are emulated.
 */
import { report } from './page.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- ES5 classes written the way Toloka's docs write them */

export interface TolokaTaskModel {
  id: string;
  input_values: Record<string, unknown>;
}
export interface TolokaSolutionModel {
  task_id: string;
  output_values: Record<string, unknown>;
}
export interface TolokaValidationErrorModel {
  task_id: string;
  errors: Record<string, { code: string; message: string }>;
}
export interface TolokaWorkspaceOptions {
  isReadOnly?: boolean;
  isReviewMode?: boolean;
  language?: string;
}
export interface TolokaTaskOptions {
  task: TolokaTaskModel;
  specs: { markup: string; output_spec: Record<string, { type: string; required: boolean }> };
  workspaceOptions: TolokaWorkspaceOptions;
  assignment: TolokaAssignmentEmulation;
}

/** Toloka's documented inheritance helper (spec-advanced.md, "Class inheritance"). */
export function extend(ParentClass: any, constructorFunction?: any, prototypeHash?: Record<string, unknown>): any {
  const child = constructorFunction ?? function () {};
  if (ParentClass) child.prototype = Object.create(ParentClass.prototype);
  for (const key of Object.keys(prototypeHash ?? {})) child.prototype[key] = prototypeHash![key];
  child.prototype.constructor = child;
  return child;
}

/** `window.TolokaTask`. */
export const TolokaTask: any = extend(
  null,
  function (this: any, options: TolokaTaskOptions) {
    this._options = options;
    this._solution = { task_id: options.task.id, output_values: {} } satisfies TolokaSolutionModel;
  },
  {
    getOptions(this: any) {
      return this._options;
    },
    getTask(this: any): TolokaTaskModel {
      return this._options.task;
    },
    getWorkspaceOptions(this: any): TolokaWorkspaceOptions {
      return this._options.workspaceOptions;
    },
    getAssignment(this: any): TolokaAssignmentEmulation {
      return this._options.assignment;
    },
    getDOMElement(this: any): HTMLElement {
      this._element ??= document.createElement('div');
      return this._element;
    },
    template(this: any, data: Record<string, unknown>): string {
      return String(this._options.specs.markup).replace(/\$\{(\w+)\}/g, (_m: string, key: string) =>
        typeof data[key] === 'string' || typeof data[key] === 'number' ? String(data[key]) : '',
      );
    },
    render(this: any) {
      const holder = document.createElement('template');
      holder.innerHTML = this.template(this.getTask().input_values);
      this.getDOMElement().replaceChildren(holder.content);
      this.onRender();
      return this;
    },
    onRender() {},
    getSolution(this: any): TolokaSolutionModel {
      return { task_id: this._solution.task_id, output_values: { ...this._solution.output_values } };
    },
    setSolution(this: any, solution: TolokaSolutionModel) {
      this._solution = { task_id: this.getTask().id, output_values: { ...solution.output_values } };
    },
    setSolutionOutputValue(this: any, fieldName: string, value: unknown) {
      this._solution.output_values[fieldName] = value;
    },
    setSolutionOutputValues(this: any, outputValues: Record<string, unknown>) {
      Object.assign(this._solution.output_values, outputValues);
      this.saveState();
    },
    /** Validates against the output specification: a required field must have a value. */
    validate(this: any, solution?: TolokaSolutionModel): TolokaValidationErrorModel | null {
      const checked = solution ?? this.getSolution();
      const errors: TolokaValidationErrorModel['errors'] = {};
      for (const [field, spec] of Object.entries(
        this._options.specs.output_spec as TolokaTaskOptions['specs']['output_spec'],
      )) {
        const value = checked.output_values[field];
        if (spec.required && (value === undefined || value === null))
          errors[field] = { code: 'REQUIRED', message: 'Required field' };
      }
      return Object.keys(errors).length ? { task_id: this.getTask().id, errors } : null;
    },
    stateKey(this: any): string | undefined {
      const id = this.getAssignment().getId();
      return id === undefined ? undefined : `TASK_STATE:${id}:${this.getTask().id}`;
    },
    saveState(this: any) {
      const key = this.stateKey();
      if (key) localStorage.setItem(key, JSON.stringify(this.getSolution()));
    },
    getSavedState(this: any): TolokaSolutionModel | undefined {
      const key = this.stateKey();
      const text = key ? localStorage.getItem(key) : null;
      return text ? (JSON.parse(text) as TolokaSolutionModel) : undefined;
    },
    pause(this: any) {
      this.saveState();
      this.onPause();
    },
    onPause() {},
    onValidationFail(_errors: TolokaValidationErrorModel) {},
    destroy(this: any) {
      this.onDestroy();
      this.getDOMElement().remove();
    },
    onDestroy() {},
  },
);

/** `TolokaHandlebarsTask`: the task class projects extend; its template data are the input values. */
export const TolokaHandlebarsTask: any = extend(
  TolokaTask,
  function (this: any, options: TolokaTaskOptions) {
    TolokaTask.call(this, options);
  },
  {
    getTemplateData(this: any) {
      return this.getTask().input_values;
    },
  },
);

/** Toloka's Assignment with its one task suite. */
export class TolokaAssignmentEmulation {
  readonly tasks: any[] = [];
  private finished = false;

  constructor(
    private readonly id: string | undefined,
    private readonly workspaceOptions: TolokaWorkspaceOptions,
    private readonly send: (body: {
      solutions: TolokaSolutionModel[];
      assignmentId: string | undefined;
    }) => Promise<void>,
  ) {}

  getId(): string | undefined {
    return this.id;
  }

  getWorkspaceOptions(): TolokaWorkspaceOptions {
    return this.workspaceOptions;
  }

  /** Renders the tasks, restores saved responses, and shows the suite. */
  start(TaskClass: any, tasks: TolokaTaskModel[], specs: TolokaTaskOptions['specs']): void {
    const suite = document.createElement('div');
    suite.className = 'task-suite';
    for (const task of tasks) {
      const instance = new TaskClass({ task, specs, workspaceOptions: this.workspaceOptions, assignment: this });
      this.tasks.push(instance);
      instance.render();
      const saved = instance.getSavedState();
      if (saved) instance.setSolution(saved);
      suite.append(instance.getDOMElement());
    }
    document.body.prepend(suite);
  }

  /** The Send button (and the task's own code) call this. */
  submit(): void {
    report('toloka-submit-called');
    this.provideSolutions((solutions) => {
      this.send({ solutions, assignmentId: this.getId() }).then(
        () => {
          this.finished = true;
          for (const task of this.tasks) task.destroy();
          report('toloka-sent');
        },
        (error: unknown) => report('toloka-failed', { reason: String(error) }),
      );
    });
  }

  provideSolutions(strategy: (solutions: TolokaSolutionModel[]) => void): void {
    if (this.finished) return;
    const solutions: TolokaSolutionModel[] = this.tasks.map((task) => task.getSolution());
    void Promise.all(this.tasks.map((task, i) => Promise.resolve(task.validate(solutions[i])))).then((results) => {
      const errors = results.filter((e): e is TolokaValidationErrorModel => Boolean(e));
      if (!errors.length) return strategy(solutions);
      errors.forEach((e) => this.tasks.find((t) => t.getTask().id === e.task_id)?.onValidationFail(e));
      report('toloka-invalid', { errors });
    });
  }

  /** Pauses every task (each saves its state). */
  pause(): void {
    for (const task of this.tasks) task.pause();
  }
}
