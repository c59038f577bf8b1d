/**
 * Small emulations of the two platforms whose own page code drives the task, following their
 * documentation (and nothing more):
 *
 * - `<crowd-form>` (SageMaker Ground Truth, https://docs.aws.amazon.com/sagemaker/latest/dg/sms-ui-template-crowd-form.html):
 *   appends a submit button when it holds none; pressing it fires a cancelable `submit` event on
 *   the crowd-form (templates validate in `onsubmit` and call `preventDefault()`); when not
 *   cancelled, the named inputs in its light DOM are sent as JSON.
 * - Toloka's Task life cycle (https://github.com/Toloka/docs/blob/main/en/guide/concepts/js/task.md,
 *   assignment.md, spec-advanced.md): the page creates the Task with `{ task, specs,
 *   workspaceOptions }`, renders it (`render()` builds the DOM element from the markup, then
 *   `onRender()`), restores a saved answer with `setSolution()`, and on Send collects
 *   `getSolution()`, calls `validate()` and, when it returns null, submits the solutions.
 */

export function defineCrowdForm(collect: string): void {
  class CrowdForm extends HTMLElement {
    connectedCallback(): void {
      if (this.querySelector('button[data-crowd-submit]')) return;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Submit';
      button.setAttribute('data-crowd-submit', '');
      button.addEventListener('click', () => this.submit());
      this.append(button);
    }

    submit(): void {
      const event = new Event('submit', { cancelable: true });
      if (!this.dispatchEvent(event)) {
        parent.postMessage({ source: 'platform-page', type: 'crowd-cancelled' }, '*');
        return;
      }
      const output: Record<string, string> = {};
      for (const input of this.querySelectorAll<HTMLInputElement>('input[name]')) output[input.name] = input.value;
      void fetch(collect, { method: 'POST', body: JSON.stringify(output) });
    }
  }
  if (!customElements.get('crowd-form')) customElements.define('crowd-form', CrowdForm);
}

interface TolokaOptions {
  task: { id: string; input_values: Record<string, unknown> };
  workspaceOptions: { isReadOnly?: boolean; isReviewMode?: boolean; language?: string };
}

/** Toloka's TolokaHandlebarsTask, as far as the documented life cycle goes. */
export class TolokaTaskEmulation {
  private element: HTMLElement | undefined;
  readonly outputValues: Record<string, unknown> = {};

  constructor(
    private readonly options: TolokaOptions,
    private readonly assignment: { getId(): string; submit(): void },
  ) {}

  /** The task's element, built from the project's markup: `<tagwerk-text-rater platform="toloka">`. */
  getDOMElement(): HTMLElement {
    if (!this.element) {
      this.element = document.createElement('div');
      const widget = document.createElement('tagwerk-text-rater');
      widget.setAttribute('platform', 'toloka');
      this.element.append(widget);
    }
    return this.element;
  }

  getTask(): TolokaOptions['task'] {
    return this.options.task;
  }

  getWorkspaceOptions(): TolokaOptions['workspaceOptions'] {
    return this.options.workspaceOptions;
  }

  getAssignment(): { getId(): string; submit(): void } {
    return this.assignment;
  }

  setSolutionOutputValue(field: string, value: unknown): void {
    this.outputValues[field] = value;
    localStorage.setItem(
      `TASK_STATE:${this.assignment.getId()}:${this.options.task.id}`,
      JSON.stringify(this.outputValues),
    );
  }

  getSolution(): { task_id: string; output_values: Record<string, unknown> } {
    return { task_id: this.options.task.id, output_values: { ...this.outputValues } };
  }

  setSolution(solution: { task_id: string; output_values: Record<string, unknown> }): void {
    Object.assign(this.outputValues, solution.output_values);
  }

  validate(_solution?: unknown): { task_id: string; errors: Record<string, { code: string; message: string }> } | null {
    return null;
  }

  render(): this {
    this.getDOMElement();
    this.onRender();
    return this;
  }

  onRender(): void {}

  destroy(): void {
    this.onDestroy();
    this.element?.remove();
  }

  onDestroy(): void {}
}
