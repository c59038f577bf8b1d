/**
 * platform="mturk" on an ExternalQuestion page framed as Amazon Mechanical Turk frames it
 * (test/pages/mturk.html): the query parameters MTurk appends, the preview before the HIT is
 * accepted, and the form post to <turkSubmitTo>/mturk/externalSubmit, received by the emulator
 * (scripts/platform-emulator.mjs).
 * https://docs.aws.amazon.com/AWSMechTurk/latest/AWSMechanicalTurkRequester/mturk-hits-defining-questions-html-rendered.html
 */
import { expect } from '@open-wc/testing';
import type { Annotation, Task } from '@tagwerk/core';
import { press } from '../../ui/test/keys.js';
import { sentimentTask } from '../../text-rater/test/fixtures.js';
import { taskFor } from './pages/page.js';
import {
  attempts,
  closeFrames,
  control,
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

interface Hit {
  run: string;
  task: string;
  assignmentId: string;
  workerId: string;
  hitId: string;
}

function hit(): Hit {
  const run = newRun();
  return { run, task: `mt-${run}`, assignmentId: `ASG-${run}`, workerId: `WRK-${run}`, hitId: `HIT-${run}` };
}

/** The HIT's page with the parameters MTurk appends (turkSubmitTo: the emulator's receiver). */
function openHit(h: Hit, extra: Record<string, string> = {}): TaskFrame {
  return new TaskFrame('mturk.html', {
    task: h.task,
    assignmentId: h.assignmentId,
    hitId: h.hitId,
    workerId: h.workerId,
    turkSubmitTo: `${location.origin}/emulator/mturk/${h.run}`,
    ...extra,
  });
}

/** The externalSubmit post the emulator received: exactly the documented fields. */
async function expectPost(h: Hit, answers: Record<string, unknown>, task: Task = { ...sentimentTask, id: h.task }) {
  const [post, ...more] = await records(h.run, 'mturk');
  expect(more, 'one post').to.deep.equal([]);
  expect(post!.contentType).to.contain('application/x-www-form-urlencoded');
  expect(post!.fieldNames).to.deep.equal(['assignmentId', 'annotation']);
  expect(post!.fields!.assignmentId).to.equal(h.assignmentId);
  const envelope = JSON.parse(post!.fields!.annotation!) as Annotation;
  expect(envelope.taskId).to.equal(h.task);
  expect(envelope.result.answers).to.deep.equal(answers);
  await expectValidEnvelope(envelope, task, [h.workerId, h.assignmentId, h.hitId]);
  return envelope;
}

describe('platform="mturk" (emulated MTurk ExternalQuestion)', () => {
  afterEach(closeFrames);

  it('posts assignmentId and the envelope once to externalSubmit, for two quick presses of Submit', async () => {
    const h = hit();
    await control(h.run, { hold: '1' }); // MTurk takes its time: the first post is still on its way
    const page = openHit(h);
    await page.ready();
    expect(page.notice(), 'no notice while working').to.equal('');
    await page.choose('positive');
    await page.next('change');
    const submit = page.submitButton()!;
    await page.click(submit);
    await attempts(h.run, 'mturk', 1);
    await page.click(submit); // the page has not left yet: a second press
    await page.widget.updateComplete;
    expect(page.document.querySelectorAll('form[data-tagwerk-platform]'), 'one form post').to.have.length(1);
    await release(h.run);
    await expectPost(h, { sentiment: 'positive' });
    // MTurk's answer replaced the task page.
    await until('the externalSubmit answer in the frame', () =>
      page.frame.contentDocument?.querySelector('#mturk-done'),
    );
    const log = await emulatorLog(h.run);
    expect(log.attempts, 'one request reached MTurk').to.deep.equal([
      { route: 'mturk', outcome: 'answered', held: true },
    ]);
  });

  it('previews the HIT before it is accepted: read-only, the notice, nothing can be submitted', async () => {
    const h = { ...hit(), assignmentId: 'ASSIGNMENT_ID_NOT_AVAILABLE' };
    const page = new TaskFrame('mturk.html', {
      task: h.task,
      assignmentId: 'ASSIGNMENT_ID_NOT_AVAILABLE',
      hitId: h.hitId,
      turkSubmitTo: `${location.origin}/emulator/mturk/${h.run}`,
    });
    await page.ready();
    expect(page.notice()).to.equal('This is a preview. Accept the HIT to start working.');
    expect(page.submitButton(), 'no Submit in a preview').to.equal(null);
    await page.choose('negative');
    await page.widget.updateComplete;
    expect(page.answers(), 'a click changes nothing').to.deep.equal({});
    page.shadow('[data-question="sentiment"] input')!.focus();
    await press('Control+Enter');
    await page.widget.updateComplete;
    const refused = await page.widget.submit().then(
      () => 'submitted',
      (e: Error & { code?: string }) => [e.name, e.code, e.message],
    );
    expect(refused, 'submit() refuses').to.deep.equal([
      'PlatformError',
      'preview',
      'This is a preview. Accept the HIT to start working.',
    ]);
    expect(page.document.querySelector('form[data-tagwerk-platform]'), 'no form post').to.equal(null);
    expect(page.count('submit'), 'no tagwerk-submit').to.equal(0);
    expect(await emulatorLog(h.run)).to.deep.include({ records: [], attempts: [] });
  });

  it('keeps the draft when the post is lost on the network: the HIT opened again restores it and posts once', async () => {
    const h = hit();
    await control(h.run, { fail: 'drop' });
    const page = openHit(h);
    await page.ready();
    await page.choose('mixed');
    await page.next('change');
    await draftWith('text-rater', h.task, 'mturk', h.assignmentId, 'mixed');
    await page.click(page.submitButton()!);
    await attempts(h.run, 'mturk', 1);
    // The browser shows its own error page for the failed post (another origin to this test).
    await until('the network error page in the frame', () => page.frame.contentDocument === null);
    expect((await storedDraft('text-rater', h.task, 'mturk', h.assignmentId))?.value.result.answers).to.deep.equal(
      { sentiment: 'mixed' },
      'the draft outlives the failed post',
    );
    await control(h.run, { fail: 'none' });
    // The worker opens the HIT again (a new load: no browser form-state restore helps here).
    page.reopen();
    await page.ready();
    expect(page.answers(), 'the answer is back').to.deep.equal({ sentiment: 'mixed' });
    expect(page.widget.shadowRoot!.textContent).to.contain('Your unsaved work on this task was restored.');
    await page.click(page.submitButton()!);
    await expectPost(h, { sentiment: 'mixed' });
    expect((await emulatorLog(h.run)).records, 'one stored post').to.have.length(1);
  });

  it('restores the answer after a reload mid-task (per assignment), then posts it with Ctrl+Enter', async () => {
    const h = hit();
    const page = openHit(h);
    await page.ready();
    await page.choose('negative');
    await page.next('change');
    await draftWith('text-rater', h.task, 'mturk', h.assignmentId, 'negative');
    page.reload();
    await page.ready();
    expect(page.answers()).to.deep.equal({ sentiment: 'negative' });
    expect(page.widget.shadowRoot!.textContent).to.contain('Your unsaved work on this task was restored.');

    // The same HIT in another assignment (another worker on this device) starts empty.
    const other = openHit({ ...h, assignmentId: `OTHER-${h.run}` });
    await other.ready();
    expect(other.answers()).to.deep.equal({});
    other.remove();

    page.shadow('[data-question="sentiment"] input:checked')!.focus();
    await press('Control+Enter');
    await expectPost(h, { sentiment: 'negative' });
  });

  for (const turkSubmitTo of ['https://evil.example', 'javascript:alert(1)', 'http://www.mturk.com']) {
    it(`refuses turkSubmitTo=${turkSubmitTo}: platform-invalid, the worker is told, nothing is posted`, async () => {
      const h = hit();
      const page = new TaskFrame('mturk.html', { task: h.task, assignmentId: h.assignmentId, turkSubmitTo });
      await page.ready();
      await page.choose('neutral');
      await page.click(page.submitButton()!);
      const error = await page.next('error');
      expect(error.code).to.equal('platform-invalid');
      await page.widget.updateComplete;
      expect(page.notice('.notice.platform.failed')).to.contain('Your answer was not sent');
      expect(page.shadow('.notice.platform.failed button'), 'no retry for a page that is set up wrong').to.equal(null);
      expect(page.document.querySelector('form[data-tagwerk-platform]')).to.equal(null);
      expect(page.count('navigate'), 'no navigation').to.equal(0);
    });
  }

  it('an unknown platform name is platform-invalid, with a notice', async () => {
    const h = hit();
    const page = openHit(h, { 'attr-platform': 'mechanical-turk' });
    const error = await page.next('error');
    expect(error.code).to.equal('platform-invalid');
    expect(error.message).to.contain('mechanical-turk');
    await page.ready();
    expect(page.notice()).to.contain('not set up correctly');
  });

  for (const widget of ['image-labeler', 'audio-transcriber'] as const) {
    it(`<tagwerk-${widget} platform="mturk"> posts its envelope to externalSubmit`, async () => {
      const h = hit();
      const page = openHit(h, { widget });
      await page.ready();
      await page.choose('negative');
      await page.next('change');
      await page.click(page.submitButton()!);
      await expectPost(h, { sentiment: 'negative' }, await taskFor(widget, h.task));
    });
  }
});
