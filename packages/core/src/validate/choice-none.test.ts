import { expect } from 'chai';
import type { TextAnnotation, TextTask } from '../model/types.js';
import { validateAnnotation, validateTask } from './index.js';

const task = (allowNone: boolean, multiple: boolean): TextTask => ({
  id: 'none',
  kind: 'text',
  record: { text: 'x' },
  questions: [
    { id: 'q', type: 'choice', label: 'Pick', required: true, multiple, allowNone, options: [{ id: 'a', label: 'A' }] },
  ],
});
const annotation = (answer: unknown): TextAnnotation =>
  ({
    schemaVersion: 1,
    kind: 'text',
    taskId: 'none',
    result: { answers: { q: answer } },
    meta: {
      startedAt: '2026-11-26T10:00:00Z',
      submittedAt: null,
      activeMs: 0,
      idleMs: 0,
      edits: 1,
      undos: 0,
      locale: 'en',
      widget: 'w',
    },
  }) as TextAnnotation;

describe('choice: "None of these" (allowNone)', () => {
  it('accepts [] as a complete answer when the task allows none, single or multiple', () => {
    for (const multiple of [false, true]) {
      expect(validateTask(task(true, multiple)).valid).to.equal(true);
      expect(validateAnnotation(annotation([]), task(true, multiple)).errors).to.deep.equal([]);
    }
  });

  it('refuses [] when the task does not allow none', () => {
    expect(validateAnnotation(annotation([]), task(false, true)).errors.map((e) => e.code)).to.deep.equal([
      'answer-required',
    ]);
    expect(validateAnnotation(annotation([]), task(false, false)).errors.map((e) => e.code)).to.deep.equal([
      'answer-invalid',
      'answer-required',
    ]);
  });
});
