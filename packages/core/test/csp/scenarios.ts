import '../../src/ui/test-widget.js';
import '../../../text-rater/src/index.js';
import '../../../image-labeler/src/index.js';
import type { Question } from '../../src/model/types.js';
import { nerTask, pairwiseTask, rankingTask, relevanceTask, rubricTask } from '../../../text-rater/test/fixtures.js';

type Scenario = (root: HTMLElement) => Promise<string>;

function whenReady(el: HTMLElement): Promise<void> {
  return new Promise((resolve, reject) => {
    el.addEventListener('tagwerk-ready', () => resolve(), { once: true });
    el.addEventListener(
      'tagwerk-error',
      (e) => reject(new Error((e as CustomEvent<{ message: string }>).detail.message)),
      { once: true },
    );
  });
}

/** Each returns "ok" when the widget worked end to end. */
export const scenarios: Record<string, Scenario> = {
  async base(root) {
    const el = document.createElement('tagwerk-test-widget');
    el.task = {
      id: 'csp-base',
      kind: 'text',
      instructions:
        '**Markdown** with a [link](https://example.org), a table\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<img src=x onerror=alert(1)>',
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

  /** Every question type, markdown responses, the ranking and spans fields, then a submit. */
  async textRater(root) {
    const questions: Question[] = [rubricTask, pairwiseTask, rankingTask, relevanceTask, nerTask]
      .flatMap((t) => t.questions)
      .map((q) => (q.type === 'rating' && q.target ? { ...q, target: 'left' } : q));
    const el = document.createElement('tagwerk-text-rater');
    el.autosave = 'off';
    el.task = {
      id: 'csp-text',
      kind: 'text',
      instructions: pairwiseTask.record.responses![0]!.text,
      record: { ...pairwiseTask.record, results: relevanceTask.record.results, text: nerTask.record.text },
      // Ids are unique across the fixtures; the pairwise pair and spans field exist in this record.
      questions: [
        ...questions.filter((q) => q.type !== 'ranking'),
        { id: 'order', type: 'ranking', label: 'Order', items: 'responses' },
      ],
    };
    const ready = whenReady(el);
    root.append(el);
    await ready;
    const radio = el.shadowRoot!.querySelector<HTMLInputElement>('[data-question="helpfulness"] input[type="radio"]')!;
    radio.click();
    const result = el.validate();
    return result.errors.some((e) => e.path === '/result/answers/helpfulness') ? 'answer not recorded' : 'ok';
  },

  /** fabric's canvases, the scene layer, a box drawn through the keyboard, then a submit. */
  async imageLabeler(root) {
    const canvas = new OffscreenCanvas(800, 600);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#88aacc';
    ctx.fillRect(0, 0, 800, 600);
    const url = URL.createObjectURL(await canvas.convertToBlob({ type: 'image/png' }));
    const el = document.createElement('tagwerk-image-labeler');
    el.autosave = 'off';
    el.task = {
      id: 'csp-image',
      kind: 'image',
      instructions: 'Box the **cars**.',
      image: { url, alt: 'A blue rectangle' },
      labels: [{ id: 'car', name: 'Car' }],
      tools: ['bbox', 'polygon', 'keypoints'],
      keypoints: { names: ['a', 'b'], edges: [[0, 1]] },
      questions: [{ id: 'q', type: 'choice', label: 'Weather', options: [{ id: 'sun', label: 'Sun' }] }],
    };
    const ready = whenReady(el);
    root.append(el);
    await ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const stage = el.shadowRoot!.querySelector<HTMLElement>('[part="stage"]')!;
    if (stage.querySelectorAll('canvas').length < 2) return 'the stage has no canvases';
    const annotation = await el.submit();
    return annotation.result.image.width === 800 ? 'ok' : `wrong image size ${JSON.stringify(annotation.result.image)}`;
  },
};
