import type { AdapterEnvironment, Delivery, PlatformAdapter, PlatformHooks } from './adapter.js';
import { readContext } from './context.js';
import { PlatformError } from './errors.js';

/** The element SageMaker Ground Truth (and MTurk's crowd HTML elements) wrap a task in. */
const CROWD_FORM = 'crowd-form';

/**
 * SageMaker Ground Truth custom templates: the widget sits inside `<crowd-form>`, whose own Submit
 * button sends every named input in its light DOM. The envelope goes into one hidden input
 * (`annotation`, or the widget's `name`) that the adapter keeps in the crowd-form; a submit the
 * widget refuses (missing answers) is cancelled with `preventDefault()` on the crowd-form's
 * submit event, the way the documentation's templates validate.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/sms-ui-template-crowd-form.html
 */
export function groundTruthAdapter(env: AdapterEnvironment): PlatformAdapter {
  const element = env.element;
  const context = readContext('ground-truth', env.url ?? element.ownerDocument.URL, env.settings);
  const field = env.settings?.field || 'annotation';
  let input: HTMLInputElement | undefined;

  const crowdForm = (): HTMLElement => {
    const form = element.closest<HTMLElement>(CROWD_FORM);
    if (!form) throw new PlatformError('config', 'The widget is not inside a <crowd-form>.');
    return form;
  };

  const write = (form: HTMLElement, json: string): void => {
    if (!input || input.parentNode !== form) {
      input = element.ownerDocument.createElement('input');
      input.type = 'hidden';
      input.setAttribute('data-tagwerk-platform', 'ground-truth');
      form.prepend(input);
    }
    input.name = field;
    input.value = json;
  };

  return {
    name: 'ground-truth',
    context,
    ownsSubmit: true,
    deliver(annotation): Promise<Delivery> {
      return Promise.resolve().then(() => {
        const form = crowdForm();
        write(form, JSON.stringify(annotation));
        // The crowd-form posts what its inputs hold; its submit() runs its own submission.
        (form as HTMLElement & { submit?: () => void }).submit?.();
        return { kind: 'handed-over' } as const;
      });
    },
    connect(hooks: PlatformHooks): () => void {
      const form = element.closest<HTMLElement>(CROWD_FORM);
      if (!form) return () => {};
      write(form, '');
      const onSubmit = (event: Event): void => {
        const annotation = hooks.submitNow();
        if (!annotation) {
          event.preventDefault();
          event.stopImmediatePropagation();
          return;
        }
        write(form, JSON.stringify(annotation));
        setTimeout(() => {
          if (!event.defaultPrevented) hooks.sent();
        });
      };
      // Capture: the widget's check runs before the template's own onsubmit handlers.
      form.addEventListener('submit', onSubmit, { capture: true });
      return () => {
        form.removeEventListener('submit', onSubmit, { capture: true });
        input?.remove();
        input = undefined;
      };
    },
  };
}
