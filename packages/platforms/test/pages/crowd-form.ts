/**
 * `<crowd-form>` as the SageMaker Ground Truth documentation describes it, and no more:
 * https://docs.aws.amazon.com/sagemaker/latest/dg/sms-ui-template-crowd-form.html
 *
 * - "If a crowd-button of type submit isn't included in the crowd-form element, it will
 *   automatically be appended within the crowd-form element": a Submit button is appended when the
 *   element holds none.
 * - "The crowd-form element extends the standard HTML form element and inherits its events, such
 *   as onclick and onsubmit": pressing Submit fires a cancelable `submit` event (templates
 *   validate in `onsubmit` and call `preventDefault()`); `requestSubmit()` does the same, and
 *   `submit()`, as on a standard form, sends without the event.
 * - What is sent: the named inputs in its light DOM. The real element sends them to Ground Truth;
 *   this one POSTs them as one JSON object to the emulator (`/emulator/collect?run=…`).
 *
 * What the documentation does not say, and this emulation assumes: when the sending fails, the
 * page stays and Submit can be pressed again.
 */
import { report } from './page.js';

export function defineCrowdForm(collect: string): void {
  class CrowdFormEmulation extends HTMLElement {
    connectedCallback(): void {
      if (this.querySelector('crowd-button[form-action="submit"], button[type="submit"]')) return;
      const button = document.createElement('button');
      button.type = 'submit';
      button.textContent = 'Submit';
      // A button outside a <form> submits nothing by itself: the crowd-form handles its click.
      button.addEventListener('click', (event) => {
        event.preventDefault();
        this.requestSubmit();
      });
      this.append(button);
    }

    /** As HTMLFormElement.requestSubmit(): the cancelable submit event, then the submission. */
    requestSubmit(): void {
      if (!this.dispatchEvent(new Event('submit', { cancelable: true }))) {
        report('crowd-cancelled');
        return;
      }
      this.submit();
    }

    /** As HTMLFormElement.submit(): sends what the named inputs hold, without a submit event. */
    submit(): void {
      const output: Record<string, string> = {};
      for (const input of this.querySelectorAll<HTMLInputElement>('input[name], textarea[name]')) {
        output[input.name] = input.value;
      }
      report('crowd-sending', { output });
      fetch(collect, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(output) })
        .then((response) => report(response.ok ? 'crowd-sent' : 'crowd-failed', { status: response.status }))
        .catch((error: unknown) => report('crowd-failed', { reason: String(error) }));
    }
  }
  if (!customElements.get('crowd-form')) customElements.define('crowd-form', CrowdFormEmulation);
}
