/**
 * platform="toloka" with `tolokaTask()` driven by an emulation of Toloka's Task/Assignment life
 * cycle (test/pages/toloka-emulation.ts): render → onRender, setSolutionOutputValue on every
 * edit, Send = getSolution + validate + submit of the solutions (POSTed to the emulator here).
 * https://github.com/Toloka/docs/blob/main/en/guide/concepts/js/task.md ·
 * https://github.com/Toloka/docs/blob/main/en/guide/concepts/js/assignment.md ·
 * https://github.com/Toloka/docs/blob/main/en/guide/concepts/spec-advanced.md
 */
import { expect } from '@open-wc/testing';
import type { Annotation } from '@tagwerk/core';
import { press } from '../../ui/test/keys.js';
import { sentimentTask } from '../../text-rater/test/fixtures.js';
import {
  attempts,
  closeFrames,
  control,
  deleteDraft,
  draftWith,
  emulatorLog,
  expectValidEnvelope,
  newRun,
  records,
  release,
  storedDraft,
  TaskFrame,
  until,
} from './frame.js';
import type { TolokaAssignmentEmulation, TolokaSolutionModel } from './pages/toloka-emulation.js';

interface Sent {
  solutions: Array<{ task_id: string; output_values: { annotation: Annotation } }>;
  assignmentId: string;
}

const open = (run: string, task: string, extra: Record<string, string> = {}): TaskFrame =>
  new TaskFrame('toloka.html', { run, task, ...extra });

const sendButton = (page: TaskFrame): HTMLElement => page.document.querySelector<HTMLElement>('#toloka-send')!;

const assignmentOf = (page: TaskFrame): TolokaAssignmentEmulation =>
  (page.frame.contentWindow as unknown as { tolokaAssignment: TolokaAssignmentEmulation }).tolokaAssignment;

/** The one set of solutions Toloka sent: the final envelope under output `annotation`. */
async function expectSent(run: string, task: string, answers: Record<string, unknown>): Promise<Annotation> {
  const [record, ...more] = await records(run, 'collect');
  expect(more, 'one submission').to.deep.equal([]);
  const sent = record!.body as Sent;
  expect(sent.assignmentId).to.equal(`ASG-${run}`);
  expect(sent.solutions).to.have.length(1);
  const [solution] = sent.solutions;
  expect(solution!.task_id).to.equal(task);
  expect(Object.keys(solution!.output_values)).to.deep.equal(['annotation']);
  const envelope = solution!.output_values.annotation;
  expect(envelope.result.answers).to.deep.equal(answers);
  await expectValidEnvelope(envelope, { ...sentimentTask, id: task }, [`ASG-${run}`]);
  return envelope;
}

describe('platform="toloka" (emulated Toloka task life cycle)', () => {
  afterEach(closeFrames);

  it('validate() returns the errors and the widget lists them; Send submits the final envelope', async () => {
    const run = newRun();
    const task = `tl-${run}`;
    const page = open(run, task);
    await page.ready();
    expect(page.submitButton(), 'Toloka has Send').to.equal(null);

    await page.click(sendButton(page));
    const invalid = await page.next('toloka-invalid');
    expect(invalid.errors).to.have.length(1);
    expect(invalid.errors![0]!.task_id).to.equal(task);
    expect(invalid.errors![0]!.errors.annotation!.code).to.equal('TAGWERK_INVALID');
    expect(invalid.errors![0]!.errors.annotation!.message).to.contain('Overall sentiment');
    await page.widget.updateComplete;
    expect(page.shadow('.submit-errors')?.textContent).to.contain('Overall sentiment');
    expect((await emulatorLog(run)).attempts, 'nothing sent').to.deep.equal([]);

    await page.choose('positive');
    const change = await page.next('change');
    // Toloka keeps the answer in progress: setSolutionOutputValue('annotation', envelope), read
    // from the emulated base class's own record (getSolution() would build the final envelope).
    const kept = (assignmentOf(page).tasks[0] as { _solution: TolokaSolutionModel })._solution;
    expect(kept.output_values.annotation).to.deep.equal(change.annotation);

    await page.click(sendButton(page));
    await page.next('toloka-sent');
    await expectSent(run, task, { sentiment: 'positive' });
    expect(page.document.querySelector('tagwerk-text-rater'), 'Toloka destroyed the task').to.equal(null);
  });

  it("Ctrl+Enter presses Send: pressed twice, it calls the assignment's submit() once", async () => {
    const run = newRun();
    const task = `tl-dbl-${run}`;
    await control(run, { hold: '1' });
    const page = open(run, task);
    await page.ready();
    await page.choose('mixed');
    await page.next('change');
    await press('Control+Enter');
    await attempts(run, 'collect', 1);
    await press('Control+Enter');
    await page.widget.updateComplete;
    expect(page.count('toloka-submit-called')).to.equal(1);
    await release(run);
    await page.next('toloka-sent');
    await expectSent(run, task, { sentiment: 'mixed' });
    expect((await emulatorLog(run)).attempts).to.have.length(1);
    expect(page.count('toloka-submit-called')).to.equal(1);
  });

  it("keeps the draft while Toloka's submission fails on the network; Send again submits once", async () => {
    const run = newRun();
    const task = `tl-net-${run}`;
    await control(run, { fail: 'drop' });
    const page = open(run, task);
    await page.ready();
    await page.choose('negative');
    await page.next('change');
    await draftWith('text-rater', task, 'toloka', `ASG-${run}`, 'negative');
    await page.click(sendButton(page));
    await page.next('toloka-failed');
    expect((await storedDraft('text-rater', task, 'toloka', `ASG-${run}`))?.value.result.answers).to.deep.equal({
      sentiment: 'negative',
    });
    await control(run, { fail: 'none' });
    await page.click(sendButton(page));
    await page.next('toloka-sent');
    await expectSent(run, task, { sentiment: 'negative' });
    await until('the draft removed once Toloka is done', async () =>
      (await storedDraft('text-rater', task, 'toloka', `ASG-${run}`)) === undefined ? true : undefined,
    );
  });

  it("restores the answer from the widget's own draft after a reload mid-task (per assignment)", async () => {
    const run = newRun();
    const task = `tl-reload-${run}`;
    const page = open(run, task);
    await page.ready();
    await page.choose('positive');
    await page.next('change');
    await draftWith('text-rater', task, 'toloka', `ASG-${run}`, 'positive');
    page.reload();
    await page.ready();
    // Toloka saves its state only on pause(): what comes back is the widget's draft.
    expect(localStorage.getItem(`TASK_STATE:ASG-${run}:${task}`)).to.equal(null);
    expect(page.answers()).to.deep.equal({ sentiment: 'positive' });
    expect(page.widget.shadowRoot!.textContent).to.contain('Your unsaved work on this task was restored.');

    const other = open(run, task, { assignment: `OTHER-${run}` });
    await other.ready();
    expect(other.answers(), 'another assignment starts empty').to.deep.equal({});
    other.remove();

    await page.click(sendButton(page));
    await page.next('toloka-sent');
    await expectSent(run, task, { sentiment: 'positive' });
  });

  it("shows a saved solution read-only in the history view, in the worker's language (task input as JSON text)", async () => {
    const run = newRun();
    const task = `tl-ro-${run}`;
    // An answer in progress from an earlier visit, saved by Toloka (pause → saveState).
    const first = open(run, task);
    await first.ready();
    await first.choose('mixed');
    await first.next('change');
    await draftWith('text-rater', task, 'toloka', `ASG-${run}`, 'mixed');
    assignmentOf(first).pause();
    const saved = localStorage.getItem(`TASK_STATE:ASG-${run}:${task}`);
    expect(saved, 'Toloka saved its state').to.be.a('string');
    first.remove();
    // Only Toloka's saved state can bring the answer back now.
    await deleteDraft('text-rater', task, 'toloka', `ASG-${run}`);

    const page = open(run, task, { readonly: '', language: 'de', 'string-input': '' });
    await page.ready();
    expect(page.widget.readonly).to.equal(true);
    expect(page.shadow('[part="base"]')?.getAttribute('lang')).to.equal('de');
    expect(page.answers(), "setSolution() showed Toloka's saved answer").to.deep.equal({ sentiment: 'mixed' });
    await page.choose('negative');
    await page.widget.updateComplete;
    expect(page.answers(), 'nothing changes in the history view').to.deep.equal({ sentiment: 'mixed' });
    localStorage.removeItem(`TASK_STATE:ASG-${run}:${task}`);
  });
});
