import type { Annotation, ValidationResult } from '@tagwerk/core';
import type { AdapterEnvironment, Delivery, PlatformAdapter, PlatformHooks } from './adapter.js';
import type { PlatformContext } from './context.js';
import { PlatformError } from './errors.js';

/**
 * Toloka's JS task interface (the HTML/JS/CSS editor): the platform creates one `Task` object per
 * task, calls `onRender()`, collects `getSolution()` and `validate()` when the worker presses
 * Send, and `setSolution()` to show a saved or earlier answer.
 * https://github.com/Toloka/docs/blob/main/en/guide/concepts/js/task.md ·
 * …/concepts/js/assignment.md (workspace options `isReadOnly`, `isReviewMode`, `language`) ·
 * …/concepts/spec-advanced.md (Solution, SolutionValidationError)
 *
 * `tolokaTask(TolokaHandlebarsTask)` returns the class to assign to `exports.Task`; the task's
 * markup holds one widget with `platform="toloka"`.
 */

/** Toloka's Solution: the worker's answer to one task. */
export interface TolokaSolution {
  task_id: string;
  output_values: Record<string, unknown>;
}

/** Toloka's SolutionValidationError. */
export interface TolokaValidationError {
  task_id: string;
  errors: Record<string, { code: string; message: string }>;
}

/** The parts of Toloka's Task base class the adapter uses (all documented). */
export interface TolokaTaskBase {
  getDOMElement(): HTMLElement;
  getTask(): { id: string; input_values: Record<string, unknown> };
  getWorkspaceOptions?(): { isReadOnly?: boolean; isReviewMode?: boolean; language?: string } | undefined;
  getAssignment?(): { getId?(): string | undefined; submit?(): void } | undefined;
  setSolutionOutputValue?(field: string, value: unknown): void;
  onRender?(): void;
  onDestroy?(): void;
  setSolution?(solution: TolokaSolution): void;
  getSolution?(): TolokaSolution;
  validate?(solution?: TolokaSolution): TolokaValidationError | null | Promise<TolokaValidationError | null>;
}

export interface TolokaTaskOptions {
  /** The input field holding the Tagwerk task (default `task`); JSON text or an object. */
  input?: string;
  /** The output field (type json) receiving the envelope (default `annotation`). */
  output?: string;
  /** Finds the widget in the task's markup (default `[platform="toloka"]`). */
  selector?: string;
}

/** The widget as the Toloka task drives it (every Tagwerk widget is one). */
interface TolokaWidget extends HTMLElement {
  task: unknown;
  value: Annotation | null;
  readonly: boolean;
  validate(): ValidationResult;
  submit(): Promise<unknown>;
}

interface Binding {
  assignmentId?: string | undefined;
  submit?: (() => void) | undefined;
  hooks?: PlatformHooks | undefined;
}

/** What the Toloka task told a widget (assignment, Send), and the widget's hooks. */
const bindings = new WeakMap<HTMLElement, Binding>();

const bindingOf = (element: HTMLElement): Binding => {
  let binding = bindings.get(element);
  if (!binding) bindings.set(element, (binding = {}));
  return binding;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern requires any[]
type Constructor<T> = abstract new (...args: any[]) => T;

/** Extends Toloka's task class (TolokaHandlebarsTask or TolokaTask) with a Tagwerk widget. */
export function tolokaTask<B extends Constructor<TolokaTaskBase>>(Base: B, options: TolokaTaskOptions = {}): B {
  const input = options.input ?? 'task';
  const output = options.output ?? 'annotation';
  const selector = options.selector ?? '[platform="toloka"]';

  abstract class TagwerkTolokaTask extends Base {
    private tagwerkWidget: TolokaWidget | null | undefined;
    private tagwerkOff: (() => void) | undefined;
    /** Send collected a final envelope and validation passed: once Toloka is done, the draft may go. */
    private tagwerkFinal = false;

    private widget(): TolokaWidget | null {
      this.tagwerkWidget ??= this.getDOMElement().querySelector<TolokaWidget>(selector);
      return this.tagwerkWidget;
    }

    override onRender(): void {
      super.onRender?.();
      const widget = this.widget();
      if (!widget) return;
      const binding = bindingOf(widget);
      const assignment = this.getAssignment?.();
      binding.assignmentId = assignment?.getId?.();
      binding.submit = assignment?.submit ? () => assignment.submit?.() : undefined;
      const workspace = this.getWorkspaceOptions?.() ?? {};
      if (workspace.isReadOnly || workspace.isReviewMode) widget.readonly = true;
      if (typeof workspace.language === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(workspace.language)) {
        if (!widget.hasAttribute('lang')) widget.setAttribute('lang', workspace.language);
      }
      const value = this.getTask().input_values[input];
      widget.task = typeof value === 'string' ? parseJson(value) : value;
      // Toloka keeps intermediate answers per assignment (setSolutionOutputValue → saveState).
      const onChange = (): void => this.setSolutionOutputValue?.(output, widget.value);
      widget.addEventListener('tagwerk-change', onChange);
      this.tagwerkOff = () => widget.removeEventListener('tagwerk-change', onChange);
    }

    override onDestroy(): void {
      this.tagwerkOff?.();
      const widget = this.widget();
      if (widget && this.tagwerkFinal) bindingOf(widget).hooks?.sent();
      super.onDestroy?.();
    }

    override setSolution(solution: TolokaSolution): void {
      super.setSolution?.(solution);
      const value = solution?.output_values?.[output];
      const widget = this.widget();
      if (widget && value && typeof value === 'object') widget.value = value as Annotation;
    }

    override getSolution(): TolokaSolution {
      const widget = this.widget();
      const base = super.getSolution?.() ?? { task_id: this.getTask().id, output_values: {} };
      if (!widget) return base;
      // Valid: the final envelope (with submittedAt), as Send is about to submit it.
      const final = !widget.readonly && widget.validate().valid ? bindingOf(widget).hooks?.submitNow() : null;
      this.tagwerkFinal = Boolean(final);
      return { ...base, output_values: { ...base.output_values, [output]: final ?? widget.value } };
    }

    override validate(solution?: TolokaSolution): TolokaValidationError | null | Promise<TolokaValidationError | null> {
      const widget = this.widget();
      if (!widget || widget.readonly) return super.validate?.(solution) ?? null;
      const { valid, errors } = widget.validate();
      if (valid) return super.validate?.(solution) ?? null;
      this.tagwerkFinal = false;
      // The widget's refused submit lists what is missing and focuses the first (nothing is sent).
      widget.submit().catch(() => undefined);
      return {
        task_id: this.getTask().id,
        errors: { [output]: { code: 'TAGWERK_INVALID', message: errors.map((e) => e.message).join(' ') } },
      };
    }
  }
  return TagwerkTolokaTask;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // the widget reports it as an invalid task
  }
}

/** The widget's side: Send belongs to Toloka; the assignment scopes the drafts. */
export function tolokaAdapter(env: AdapterEnvironment): PlatformAdapter {
  const element = env.element;
  const binding = bindingOf(element);
  return {
    name: 'toloka',
    get context(): PlatformContext {
      const id = binding.assignmentId;
      return { platform: 'toloka', ids: id ? { assignmentId: id } : {}, preview: false, scope: id ?? '' };
    },
    ownsSubmit: true,
    deliver(): Promise<Delivery> {
      if (!binding.submit) {
        return Promise.reject(
          new PlatformError('config', 'The Toloka task does not use tolokaTask(): nothing can send.'),
        );
      }
      binding.submit();
      return Promise.resolve({ kind: 'handed-over' });
    },
    connect(hooks: PlatformHooks): () => void {
      binding.hooks = hooks;
      return () => {
        if (binding.hooks === hooks) binding.hooks = undefined;
      };
    },
  };
}
