import { expect } from 'chai';
import type { TextAnnotation, TextTask } from '../model/types.js';
import { validateAnnotation } from '../validate/index.js';
import { toJSONL, toPreferencePairs } from './index.js';

const task: TextTask = {
  id: 'pw-1',
  kind: 'text',
  record: {
    prompt: 'Say hi',
    responses: [
      { id: 'r1', text: 'Hello!' },
      { id: 'r2', text: 'Go away.' },
    ],
  },
  questions: [{ id: 'pref', type: 'pairwise', label: 'Better?', pair: ['r1', 'r2'], allowTie: true, strength: true }],
};

const meta = {
  startedAt: '2026-11-26T10:00:00.000Z',
  submittedAt: '2026-11-26T10:01:00.000Z',
  activeMs: 60000,
  idleMs: 0,
  edits: 2,
  undos: 0,
  locale: 'en',
  widget: '@tagwerk/text-rater@0.1.0',
};
const envelope = (answers: TextAnnotation['result']['answers'], taskId = 'pw-1'): TextAnnotation => ({
  schemaVersion: 1,
  kind: 'text',
  taskId,
  result: { answers },
  meta,
});

describe('exporters: toJSONL', () => {
  it('writes one parseable line per envelope, escaping line separators', () => {
    const a = envelope({ pref: { choice: 'a', shownOrder: ['r2', 'r1'] } });
    const b = envelope({ pref: { choice: 'tie', shownOrder: ['r1', 'r2'] } });
    (b.result.answers as Record<string, unknown>)['note'] = 'line\u2028break';
    const text = toJSONL([a, b]);
    const lines = text.split('\n');
    expect(lines).to.have.length(3);
    expect(lines[2]).to.equal('');
    expect(JSON.parse(lines[0]!)).to.deep.equal(a);
    expect(JSON.parse(lines[1]!)).to.deep.equal(b);
    expect(lines[1]).not.to.contain('\u2028');
    expect(toJSONL([])).to.equal('');
  });
});

describe('exporters: toPreferencePairs', () => {
  it('maps a/b to pair[0]/pair[1] whatever the display order, keeping strength and shownOrder', () => {
    const annotation = envelope({ pref: { choice: 'b', strength: 2, shownOrder: ['r2', 'r1'] } });
    expect(validateAnnotation(annotation, task).valid).to.equal(true);
    expect(toPreferencePairs([annotation], task)).to.deep.equal([
      {
        prompt: 'Say hi',
        chosen: 'Go away.',
        rejected: 'Hello!',
        taskId: 'pw-1',
        questionId: 'pref',
        chosenId: 'r2',
        rejectedId: 'r1',
        strength: 2,
        shownOrder: ['r2', 'r1'],
      },
    ]);
  });

  it('excludes ties by default and marks them on request', () => {
    const ties = ['tie', 'both-good', 'both-bad'] as const;
    const annotations = ties.map((choice) => envelope({ pref: { choice, shownOrder: ['r1', 'r2'] } }));
    expect(toPreferencePairs(annotations, [task])).to.deep.equal([]);
    const marked = toPreferencePairs(annotations, [task], { ties: 'mark' });
    expect(marked.map((p) => p.tie)).to.deep.equal([...ties]);
    expect(marked.every((p) => p.chosenId === 'r1' && p.rejectedId === 'r2' && p.strength === undefined)).to.equal(
      true,
    );
  });

  it('uses chat messages for conversations when asked', () => {
    const chat: TextTask = {
      ...task,
      id: 'pw-2',
      record: {
        ...task.record,
        prompt: undefined,
        conversation: [
          { role: 'system', text: 'Be nice' },
          { role: 'user', text: 'Hi?' },
        ],
      },
    };
    const annotation = envelope({ pref: { choice: 'a', shownOrder: ['r1', 'r2'] } }, 'pw-2');
    const [pair] = toPreferencePairs([annotation], new Map([[chat.id, chat]]), { format: 'messages' });
    expect(pair!.prompt).to.deep.equal([
      { role: 'system', content: 'Be nice' },
      { role: 'user', content: 'Hi?' },
    ]);
    expect(pair!.chosen).to.deep.equal([{ role: 'assistant', content: 'Hello!' }]);
    const [text] = toPreferencePairs([annotation], [chat]);
    expect(text!.prompt).to.equal('system: Be nice\n\nuser: Hi?');
  });

  it('skips unknown tasks, other kinds and unanswered questions', () => {
    const other = envelope({ pref: { choice: 'a', shownOrder: ['r1', 'r2'] } }, 'nope');
    const unanswered = envelope({});
    expect(toPreferencePairs([other, unanswered], task)).to.deep.equal([]);
  });
});
