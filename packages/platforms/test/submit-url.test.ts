/**
 * platform="prolific" | "url" | "clickworker": the ids from the page URL and the envelope are
 * POSTed as JSON to the host's submit-url (the emulator's /emulator/submit receiver, with
 * faults on request); only a 2xx completes.
 * - Prolific: https://docs.prolific.com/api-reference/studies/the-study-object (PROLIFIC_PID,
 *   STUDY_ID and SESSION_ID in the study URL; the completion URL with the completion code). The
 *   completion URL is on Prolific's origin, which this machine cannot reach: the page reports the
 *   navigation the widget really started (Chromium's Navigation API) and cancels it.
 * - url: the ids named in platform-params; the completion-url here is the emulator's
 *   /emulator/done page, so that navigation really happens and is recorded.
 * - clickworker: http://docs.clickworker.com/external-form.html (user_id in the link; the host's
 *   server confirms to clickworker; the worker stays and is told the answer was saved).
 */
import { expect } from '@open-wc/testing';
import type { Annotation } from '@tagwerk/core';
import { press } from '../../ui/test/keys.js';
import { sentimentTask } from '../../text-rater/test/fixtures.js';
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

interface SubmitBody {
  platform: string;
  ids: Record<string, string>;
  annotation: Annotation;
}

interface Study {
  run: string;
  task: string;
  /** The query the platform appends to the task page. */
  ids: Record<string, string>;
  /** The drafts' assignment scope. */
  scope: string;
}

interface PlatformCase {
  name: 'prolific' | 'url' | 'clickworker';
  study(run: string): Study;
  /** The widget's attributes beyond platform and submit-url. */
  attributes(run: string): Record<string, string>;
  /** What the worker sees or where they go after a saved submit. */
  completed(page: TaskFrame, study: Study): Promise<void>;
}

const CASES: PlatformCase[] = [
  {
    name: 'prolific',
    study: (run) => ({
      run,
      task: `pr-${run}`,
      ids: { PROLIFIC_PID: `PID-${run}`, STUDY_ID: `STUDY-${run}`, SESSION_ID: `SESSION-${run}` },
      scope: `SESSION-${run}`,
    }),
    attributes: () => ({}),
    async completed(page, study) {
      const navigation = await page.next('navigate');
      expect(navigation.url).to.equal(`https://app.prolific.com/submissions/complete?cc=CODE-${study.run}`);
      expect(navigation.cancelled, 'cancelled in the page (offline)').to.equal(true);
      await page.widget.updateComplete;
      expect(page.notice('.notice.platform.done')).to.contain(`Completion code: CODE-${study.run}`);
    },
  },
  {
    name: 'url',
    study: (run) => ({
      run,
      task: `url-${run}`,
      ids: { worker: `W-${run}`, job: `J-${run}` },
      scope: JSON.stringify([`W-${run}`, `J-${run}`]),
    }),
    attributes: (run) => ({
      'platform-params': 'worker, job',
      'completion-url': `/emulator/done?run=${run}&code={code}`,
    }),
    async completed(page, study) {
      const [done] = await records(study.run, 'done');
      expect(done!.query).to.deep.equal({ run: study.run, code: `CODE-${study.run}` });
      await until('the completion page in the frame', () => page.frame.contentDocument?.querySelector('#completed'));
    },
  },
  {
    name: 'clickworker',
    study: (run) => ({
      run,
      task: `cw-${run}`,
      ids: { user_id: `U-${run}` },
      scope: JSON.stringify([`U-${run}`]),
    }),
    attributes: () => ({}),
    async completed(page) {
      await until('the saved notice', async () => {
        await page.widget.updateComplete;
        return page.notice('.notice.platform.done').includes('Your answer was saved');
      });
      expect(page.count('navigate'), 'the worker stays').to.equal(0);
    },
  },
];

function open(c: PlatformCase, study: Study, submit: Record<string, string> = {}): TaskFrame {
  const attributes: Record<string, string> = {
    'submit-url': `/emulator/submit?${new URLSearchParams({ run: study.run, ...submit })}`,
    ...c.attributes(study.run),
  };
  return new TaskFrame(`${c.name}.html`, {
    task: study.task,
    ...study.ids,
    ...Object.fromEntries(Object.entries(attributes).map(([k, v]) => [`attr-${k}`, v])),
  });
}

/** The one record the receiver stored: JSON, an idempotency key, the ids, a valid envelope. */
async function expectSaved(c: PlatformCase, study: Study, answers: Record<string, unknown>): Promise<SubmitBody> {
  const [record, ...more] = await records(study.run, 'submit');
  expect(more, 'one stored record').to.deep.equal([]);
  expect(record!.contentType).to.equal('application/json');
  expect(record!.idempotencyKey).to.match(/^[0-9a-z]+$/);
  const body = record!.body as SubmitBody;
  expect(Object.keys(body).sort()).to.deep.equal(['annotation', 'ids', 'platform']);
  expect(body.platform).to.equal(c.name);
  expect(body.ids).to.deep.equal(study.ids);
  expect(body.annotation.result.answers).to.deep.equal(answers);
  await expectValidEnvelope(body.annotation, { ...sentimentTask, id: study.task }, Object.values(study.ids));
  return body;
}

for (const c of CASES) {
  describe(`platform="${c.name}" (emulated task page and submit-url receiver)`, () => {
    afterEach(closeFrames);

    it('saves the ids and the envelope with a click on Submit, then completes', async () => {
      const study = c.study(newRun());
      const page = open(c, study);
      await page.ready();
      await page.choose('positive');
      await page.next('change');
      await page.click(page.submitButton()!);
      await expectSaved(c, study, { sentiment: 'positive' });
      await c.completed(page, study);
    });

    it('sends once for Ctrl+Enter pressed twice and a click while the save is on its way', async () => {
      const study = c.study(newRun());
      const page = open(c, study, { hold: '1' });
      await page.ready();
      await page.choose('neutral');
      await page.next('change');
      await press('Control+Enter'); // the focus is on the option just clicked
      await attempts(study.run, 'submit', 1);
      await press('Control+Enter');
      await page.widget.updateComplete;
      expect(page.notice()).to.contain('Sending your answer');
      await page.click(page.submitButton()!);
      expect((await emulatorLog(study.run)).attempts, 'no second POST').to.have.length(1);
      await release(study.run);
      await expectSaved(c, study, { sentiment: 'neutral' });
      await c.completed(page, study);
      expect((await emulatorLog(study.run)).attempts, 'still one POST').to.have.length(1);
    });

    it('a lost connection and an HTTP error keep the draft and offer to try again; the retry saves one record', async () => {
      const study = c.study(newRun());
      await control(study.run, { fail: 'drop' });
      const page = open(c, study);
      await page.ready();
      await page.choose('mixed');
      await page.next('change');
      await draftWith('text-rater', study.task, c.name, study.scope, 'mixed');
      await page.click(page.submitButton()!);
      const error = await page.next('error');
      expect(error.code).to.equal('submit-failed');
      await page.widget.updateComplete;
      const failed = page.notice('.notice.platform.failed');
      expect(failed).to.contain('Your answer was not sent: the server could not be reached.');
      expect(failed).to.contain('It is kept on this device');
      expect(page.shadow('.notice.platform.failed button')?.textContent?.trim()).to.equal('Try again');
      expect((await storedDraft('text-rater', study.task, c.name, study.scope))?.value.result.answers).to.deep.equal({
        sentiment: 'mixed',
      });
      // The host's own call rejects with the platform's error.
      const rejected = await page.widget.submit().then(
        () => undefined,
        (e: Error & { code?: string }) => e,
      );
      expect([rejected?.name, rejected?.code]).to.deep.equal(['PlatformError', 'network']);

      await control(study.run, { fail: '503' });
      await page.widget.updateComplete;
      await page.click(page.shadow('.notice.platform.failed button')!);
      await until('the 503 notice', async () => {
        await page.widget.updateComplete;
        return page.notice('.notice.platform.failed').includes('error 503');
      });
      expect((await page.next('error', 3)).code, 'a tagwerk-error for every failed try').to.equal('submit-failed');

      await control(study.run, { fail: 'none' });
      await page.click(page.shadow('.notice.platform.failed button')!);
      await expectSaved(c, study, { sentiment: 'mixed' });
      await c.completed(page, study);
      const log = await emulatorLog(study.run);
      const keys = new Set(log.attempts.map((a) => a.idempotencyKey));
      expect(keys.size, 'every try carries the same Idempotency-Key').to.equal(1);
      expect(log.attempts.at(-1)!.outcome).to.equal('answered');
      await until('the draft removed once saved', async () =>
        (await storedDraft('text-rater', study.task, c.name, study.scope)) === undefined ? true : undefined,
      );
    });

    it('restores the answer after a reload mid-task (per assignment), then saves it', async () => {
      const study = c.study(newRun());
      const page = open(c, study);
      await page.ready();
      await page.choose('negative');
      await page.next('change');
      await draftWith('text-rater', study.task, c.name, study.scope, 'negative');
      page.reload();
      await page.ready();
      expect(page.answers()).to.deep.equal({ sentiment: 'negative' });
      expect(page.widget.shadowRoot!.textContent).to.contain('Your unsaved work on this task was restored.');
      const otherIds = Object.fromEntries(Object.entries(study.ids).map(([k, v]) => [k, `${v}-other`]));
      const other = open(c, { ...study, ids: otherIds });
      await other.ready();
      expect(other.answers(), 'another assignment starts empty').to.deep.equal({});
      other.remove();
      await page.click(page.submitButton()!);
      await expectSaved(c, study, { sentiment: 'negative' });
      await c.completed(page, study);
    });
  });
}

describe('submit-url platforms: configuration', () => {
  afterEach(closeFrames);

  it('prolific takes the completion-code attribute when the answer carries none', async () => {
    const study = CASES[0]!.study(newRun());
    const page = new TaskFrame('prolific.html', {
      task: study.task,
      ...study.ids,
      'attr-submit-url': `/emulator/submit?run=${study.run}&code=-`,
      'attr-completion-code': 'ATTR-CODE',
    });
    await page.ready();
    await page.choose('positive');
    await page.click(page.submitButton()!);
    expect((await page.next('navigate')).url).to.equal('https://app.prolific.com/submissions/complete?cc=ATTR-CODE');
  });

  for (const name of ['prolific', 'url', 'clickworker']) {
    it(`${name} without a submit-url is platform-invalid, with a notice`, async () => {
      const page = new TaskFrame(`${name}.html`, { task: `none-${newRun()}` });
      const error = await page.next('error');
      expect(error.code).to.equal('platform-invalid');
      await page.ready();
      expect(page.notice()).to.contain('not set up correctly');
    });
  }

  for (const submitUrl of ['javascript:alert(1)', 'http://other.example/answers']) {
    it(`refuses submit-url=${submitUrl}: platform-invalid, nothing is sent`, async () => {
      const page = new TaskFrame('url.html', { task: `bad-${newRun()}`, 'attr-submit-url': submitUrl });
      await page.ready();
      await page.choose('positive');
      await page.click(page.submitButton()!);
      const error = await page.next('error');
      expect(error.code).to.equal('platform-invalid');
      await page.widget.updateComplete;
      expect(page.notice('.notice.platform.failed')).to.contain('not set up correctly');
      expect(page.shadow('.notice.platform.failed button'), 'no retry').to.equal(null);
      expect(page.count('navigate')).to.equal(0);
    });
  }
});
