import '../../src/test-widget.js';
import '../../../text-rater/src/index.js';
import '../../../image-labeler/src/index.js';
import '../../../audio-transcriber/src/index.js';
import { toneFixture } from '../../../audio-transcriber/test/audio-fixtures.js';
import type { Question } from '@tagwerk/core';
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

  /**
   * peaks.js + konva (their containers are emptied with innerHTML = ''), speaker colours (set
   * through the CSSOM), a segment by keyboard, a transcript, a tag button, then a submit.
   */
  async audioTranscriber(root) {
    const audio = toneFixture();
    const el = document.createElement('tagwerk-audio-transcriber');
    el.autosave = 'off';
    el.task = {
      id: 'csp-audio',
      kind: 'audio',
      instructions: 'Transcribe **everything**.',
      audio: { url: audio.wavUrl, waveform: audio.waveformUrl },
      speakers: [{ id: 'A', name: '<img src=x onerror=alert(1)>', color: '#c00' }],
      labels: [{ id: 'speech', name: 'Speech' }],
      tags: ['[inaudible]'],
      prefill: [{ id: 'p1', start: 0.2, end: 0.8, speaker: 'A', text: 'hello' }],
    };
    const ready = whenReady(el);
    root.append(el);
    await ready;
    const shadow = el.shadowRoot!;
    if (!shadow.querySelector('.zoomview canvas') || !shadow.querySelector('.overview canvas'))
      return 'no waveform canvases';
    shadow.querySelector<HTMLElement>('.segments')!.focus();
    const audioEl = shadow.querySelector('audio')!;
    const seeked = new Promise((resolve) => audioEl.addEventListener('seeked', resolve, { once: true }));
    audioEl.currentTime = 1.5;
    await seeked;
    shadow
      .querySelector('.segments')!
      .dispatchEvent(
        new KeyboardEvent('keydown', { code: 'Enter', key: 'Enter', altKey: true, bubbles: true, composed: true }),
      );
    await el.updateComplete;
    const textarea = shadow.querySelector<HTMLTextAreaElement>('[data-segment="s2"] textarea');
    if (!textarea) return 'no segment made at the playhead';
    textarea.value = 'typed';
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    textarea.setSelectionRange(5, 5);
    textarea.dispatchEvent(new Event('select'));
    shadow.querySelector<HTMLButtonElement>('.tags .tag')!.click();
    const annotation = await el.submit();
    audio.revoke();
    const texts = annotation.result.segments.map((s) => s.text).join('|');
    return texts === 'hello|typed [inaudible]' ? 'ok' : `wrong segments ${texts}`;
  },
};
