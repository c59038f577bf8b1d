import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Annotation, ValidationError } from '@tagwerk/core';

interface FormHost extends ReactiveControllerHost, HTMLElement {
  name: string | undefined;
  required: boolean;
  formMirror: boolean;
}

/** What the form path needs from the widget. */
export interface FormBinding {
  /** The envelope a form posts now (the submitted one after a submit), null before ready. */
  current(): Annotation | null;
  /** Submitted, and not edited since: the posted value is final. */
  submitted(): boolean;
  /** What blocks a valid annotation now (empty when valid); before ready, the not-ready error. */
  errors(): ValidationError[];
  /** The worker edited something (an untouched, optional widget does not block constraint validation). */
  edited(): boolean;
  /** The focusable control an error points at: the browser focuses it and anchors its bubble there. */
  anchor(error: ValidationError | undefined): HTMLElement | undefined;
  /** Changes whenever the value, its validity or the form attributes may have changed. */
  stateKey(): string;
  /** Runs `submit()` for a form submission, synchronously, keeping the stored draft: true when it succeeded. */
  submitForForm(): boolean;
  /** The form submission went ahead (no later listener cancelled it): the stored draft may go. */
  submissionSent(): void;
  /** Lists the errors in the widget and moves focus to the first (constraint validation reported). */
  showErrors(): void;
}

/**
 * Form association, one concern: the element's ElementInternals (value, validity, `form`,
 * `labels`), the host form's submission, and the light-DOM mirror for forms that cannot see
 * form-associated elements.
 *
 * - The value is the envelope: the submitted one after `submit()`, else the draft.
 * - A form submission (any submit button, Enter in a field, `requestSubmit()`) runs `submit()`
 *   first when the annotation was not submitted yet, so a form always posts a submitted envelope;
 *   when `submit()` refuses, the submission is cancelled and the missing answers are listed.
 * - `required`: the browser's constraint validation refuses the form until the annotation is
 *   valid; the invalid event focuses the first missing answer (the validity anchor) and lists
 *   them, as a native input shows its bubble. Without `required`, an annotation the worker edited
 *   must be valid too; an untouched one is only checked when the form is submitted.
 * - The mirror `<input type=hidden>` exists only with `form-mirror` and no native form owner: in a
 *   native form the element itself is posted, and the annotation must be posted exactly once.
 */
export class FormController implements ReactiveController {
  readonly internals: ElementInternals;
  /** A `<fieldset disabled>` (or the form) disabled the element. */
  disabled = false;
  private mirror: HTMLInputElement | undefined;
  private form: HTMLFormElement | null = null;
  /** What the form last saw (see `FormBinding.stateKey`). */
  private syncedFor = '';
  /** Set by an invalid event until the browser's report (focus) arrives in the same task. */
  private reportPending = false;

  constructor(
    private readonly host: FormHost,
    private readonly binding: FormBinding,
  ) {
    this.internals = host.attachInternals();
    host.addController(this);
    host.addEventListener('invalid', this.handleInvalid);
    host.addEventListener('focusin', this.handleFocusIn);
  }

  hostConnected(): void {
    this.watch(this.internals.form);
  }

  hostDisconnected(): void {
    this.watch(null);
  }

  hostUpdated(): void {
    // After a render that may have changed something a form sees (the anchor must exist by then).
    const key = this.binding.stateKey();
    if (key === this.syncedFor) return;
    this.sync();
  }

  /** The form owner changed (formAssociatedCallback). */
  formChanged(form: HTMLFormElement | null): void {
    this.watch(form);
    this.sync();
  }

  /** Writes the value, the validity and the mirror. */
  sync(): void {
    this.syncedFor = this.binding.stateKey();
    const value = this.binding.current();
    const json = value ? JSON.stringify(value) : null;
    this.internals.setFormValue(json, json);
    const errors = this.binding.errors();
    const blocks = this.host.required || (value !== null && this.binding.edited());
    const first = errors[0];
    if (!blocks || !first || this.binding.submitted()) {
      this.internals.setValidity({});
    } else {
      const flags = value ? { customError: true } : { valueMissing: true };
      this.internals.setValidity(flags, first.message, this.binding.anchor(first));
    }
    this.syncMirror(json);
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  get labels(): NodeList {
    return this.internals.labels;
  }

  checkValidity(): boolean {
    this.sync();
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    this.sync();
    const valid = this.internals.reportValidity();
    if (!valid) {
      this.reportPending = false;
      this.binding.showErrors();
    }
    return valid;
  }

  private watch(form: HTMLFormElement | null): void {
    if (form === this.form) return;
    this.form?.removeEventListener('submit', this.handleSubmit, { capture: true });
    this.form = form;
    // Capture on the form: runs before the page's submit listeners on the form and its ancestors
    // in the bubble phase (which may read FormData); capture listeners on window or document run first.
    form?.addEventListener('submit', this.handleSubmit, { capture: true });
  }

  private handleSubmit = (event: SubmitEvent): void => {
    if (event.target !== this.form || !this.internals.willValidate) return;
    if (this.binding.current() === null) {
      // Nothing to submit yet (loading, or a task that failed): only a required widget objects.
      if (this.host.required) this.refuse(event);
      return;
    }
    if (!this.binding.submitted()) {
      if (!this.binding.submitForForm()) return this.refuse(event);
      this.sync();
    }
    // A later listener (the page's own check, another widget in the form) may still cancel the
    // submission: the stored draft goes only once the event is through and was not cancelled.
    setTimeout(() => {
      if (!event.defaultPrevented) this.binding.submissionSent();
    });
  };

  private refuse(event: SubmitEvent): void {
    event.preventDefault();
    // The page's own submit handlers (AJAX posts) must not send a refused annotation either.
    event.stopImmediatePropagation();
  }

  private handleInvalid = (): void => {
    // checkValidity() fires invalid too, and must show nothing; the browser's report (a form
    // submission, reportValidity) then focuses the anchor in the same task.
    this.reportPending = true;
    setTimeout(() => (this.reportPending = false));
  };

  private handleFocusIn = (): void => {
    if (!this.reportPending) return;
    this.reportPending = false;
    this.binding.showErrors();
  };

  private syncMirror(json: string | null): void {
    const name = this.host.name;
    if (!this.host.formMirror || !name || this.internals.form) {
      this.mirror?.remove();
      this.mirror = undefined;
      return;
    }
    if (!this.mirror || this.mirror.parentNode !== this.host) {
      this.mirror = document.createElement('input');
      this.mirror.type = 'hidden';
      this.mirror.setAttribute('data-tagwerk-mirror', '');
      this.host.append(this.mirror);
    }
    this.mirror.name = name;
    this.mirror.value = json ?? '';
  }
}
