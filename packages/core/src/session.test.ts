import { expect } from 'chai';
import type { TextResult, TextTask } from './model/types.js';
import { AnnotationSession } from './session.js';

const task: TextTask = {
  id: 't-1',
  kind: 'text',
  record: { text: 'Hello' },
  questions: [{ id: 'why', type: 'text', label: 'Why?', required: true }],
};

function session(overrides: { mode?: 'work' | 'review' | 'training' } = {}) {
  let ms = 0;
  let wall = Date.parse('2026-12-02T10:00:00.000Z');
  const s = new AnnotationSession({
    kind: 'text',
    task,
    initial: { answers: {} },
    widget: '@tagwerk/test@0.0.0',
    clock: () => ms,
    now: () => new Date(wall),
    ...overrides,
  });
  const advance = (by: number): void => {
    ms += by;
    wall += by;
  };
  return { s, advance };
}

const answer = (why: string): TextResult => ({ answers: { why } });

describe('AnnotationSession', () => {
  it('counts user commits as edits and undo steps; a host commit is the new starting point', () => {
    const { s } = session();
    expect(s.commit(answer('a'), { origin: 'user' })).to.equal(true);
    expect(s.envelope().meta.edits).to.equal(1);
    expect(s.canUndo).to.equal(true);
    s.commit(answer('pre'), { origin: 'host' });
    expect(s.canUndo, 'a pre-fill is not an undo step').to.equal(false);
    expect(s.envelope().meta.edits).to.equal(1);
    s.commit(answer('b'), { origin: 'user' });
    s.reset();
    expect(s.result).to.deep.equal(answer('pre'), 'reset goes back to the pre-fill');
  });

  it('merges coalesced user commits into one undo step and counts undos', () => {
    const { s, advance } = session();
    s.commit(answer('h'), { origin: 'user', coalesceKey: 'why' });
    advance(100);
    s.commit(answer('he'), { origin: 'user', coalesceKey: 'why' });
    expect(s.undo()).to.equal(true);
    expect(s.result).to.deep.equal({ answers: {} });
    expect(s.undo()).to.equal(false);
    expect(s.envelope().meta.undos).to.equal(1);
    expect(s.redo()).to.equal(true);
    expect(s.result).to.deep.equal(answer('he'));
  });

  it('returns one envelope and one validation per state', () => {
    const { s, advance } = session();
    const e1 = s.envelope();
    const v1 = s.validation();
    advance(5000);
    expect(s.envelope()).to.equal(e1);
    expect(s.validation()).to.equal(v1);
    expect(v1.valid).to.equal(false);
    s.commit(answer('x'), { origin: 'user' });
    expect(s.envelope()).not.to.equal(e1);
    expect(s.validation().valid).to.equal(true);
    s.touch();
    expect(s.envelope().meta.activeMs, 'a touch re-reads the clock').to.equal(5000);
  });

  it('keeps the submitted envelope as current until the next edit', () => {
    const { s, advance } = session();
    expect(s.submit()).to.deep.include({ ok: false });
    s.commit(answer('x'), { origin: 'user' });
    advance(1234);
    const outcome = s.submit();
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.annotation.meta.submittedAt).to.equal('2026-12-02T10:00:01.234Z');
    expect(s.current).to.equal(outcome.annotation);
    expect(s.envelope().meta.submittedAt, 'the draft envelope stays a draft').to.equal(null);
    s.commit(answer('y'), { origin: 'user' });
    expect(s.submitted).to.equal(undefined);
    expect(s.current.meta.submittedAt).to.equal(null);
  });

  it('in review mode needs a verdict, and an edit is a correction', () => {
    const { s } = session({ mode: 'review' });
    s.commit(answer('x'), { origin: 'host' });
    const refused = s.submit();
    expect(refused.ok).to.equal(false);
    expect(!refused.ok && refused.errors.map((e) => [e.path, e.code])).to.deep.equal([['/review', 'review-required']]);
    s.commit(answer('y'), { origin: 'user' });
    expect(s.review).to.deep.equal({ verdict: 'corrected' });
    s.setVerdict('rejected', 'wrong');
    s.commit(answer('z'), { origin: 'user' });
    expect(s.review, 'a rejection stays a rejection').to.deep.equal({ verdict: 'rejected', comment: 'wrong' });
    expect(s.submit().ok).to.equal(true);
  });

  it('continues a draft with its counters and times', () => {
    const { s, advance } = session();
    s.commit(answer('a'), { origin: 'user' });
    advance(2000);
    s.touch();
    const draft = s.toDraft();
    const { s: next } = session();
    next.restore(draft);
    expect(next.result).to.deep.equal(answer('a'));
    expect(next.envelope().meta).to.include({ edits: 1, activeMs: 2000, startedAt: draft.meta.startedAt });
  });
});
