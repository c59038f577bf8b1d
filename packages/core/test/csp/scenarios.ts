import type { TagwerkTestWidget } from '../../src/ui/test-widget.js';
import '../../src/ui/test-widget.js';

type Scenario = (root: HTMLElement) => Promise<string>;

function whenReady(el: HTMLElement): Promise<void> {
  return new Promise((resolve, reject) => {
    el.addEventListener('tagwerk-ready', () => resolve(), { once: true });
    el.addEventListener('tagwerk-error', (e) => reject(new Error((e as CustomEvent<{ message: string }>).detail.message)), { once: true });
  });
}

/** Each returns "ok" when the widget worked end to end. */
export const scenarios: Record<string, Scenario> = {
  async base(root) {
    const el = document.createElement('tagwerk-test-widget') as TagwerkTestWidget;
    el.task = {
      id: 'csp-base',
      kind: 'text',
      instructions: '**Markdown** with a [link](https://example.org), a table\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<img src=x onerror=alert(1)>',
      record: { text: 'x' },
      questions: [{ id: 'why', type: 'text', label: 'Why?', required: true }],
    };
    el.autosave = 'off';
    const ready = whenReady(el);
    root.append(el);
    await ready;
    const textarea = el.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'typed';
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const annotation = await el.submit();
    return annotation.result.answers['why'] === 'typed' ? 'ok' : 'wrong answer';
  },
};
