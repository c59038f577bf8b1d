/**
 * platform="ground-truth" inside an emulated `<crowd-form>` (test/pages/crowd-form.ts), which
 * behaves as AWS documents it: it appends its own Submit button, fires a cancelable `submit`
 * event, and sends the named inputs of its light DOM (here POSTed as JSON to the emulator).
 * https://docs.aws.amazon.com/sagemaker/latest/dg/sms-ui-template-crowd-form.html
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

const open = (run: string, task: string, extra: Record<string, string> = {}): TaskFrame =>
  new TaskFrame('ground-truth.html', { run, task, ...extra });

const crowdSubmit = (page: TaskFrame): HTMLElement =>
  page.document.querySelector<HTMLElement>('crowd-form > button[type="submit"]')!;

/** The one output the crowd-form sent: exactly the widget's hidden input, a valid envelope. */
async function expectOutput(run: string, task: string, answers: Record<string, unknown>): Promise<Annotation> {
  const [record, ...more] = await records(run, 'collect');
  expect(more, 'one submission').to.deep.equal([]);
  const output = record!.body as Record<string, string>;
  expect(Object.keys(output)).to.deep.equal(['annotation']);
  const envelope = JSON.parse(output.annotation!) as Annotation;
  expect(envelope.result.answers).to.deep.equal(answers);
  await expectValidEnvelope(envelope, { ...sentimentTask, id: task }, []);
  return envelope;
}

describe('platform="ground-truth" (emulated crowd-form)', () => {
  afterEach(closeFrames);

  it("refuses the crowd-form's Submit while answers are missing, then sends one hidden annotation input", async () => {
    const run = newRun();
    const task = `gt-${run}`;
    const page = open(run, task);
    await page.ready();
    expect(page.submitButton(), "the crowd-form's Submit is the only one").to.equal(null);
    const hidden = page.document.querySelectorAll<HTMLInputElement>('crowd-form > input[name]');
    expect([...hidden].map((i) => [i.type, i.name, i.value])).to.deep.equal([['hidden', 'annotation', '']]);

    await page.click(crowdSubmit(page));
    await page.next('crowd-cancelled');
    await page.widget.updateComplete;
    expect(page.shadow('.submit-errors')?.textContent).to.contain('Overall sentiment');
    expect((await emulatorLog(run)).attempts, 'nothing sent').to.deep.equal([]);

    await page.choose('neutral');
    await page.next('change');
    await page.click(crowdSubmit(page));
    await page.next('crowd-sent');
    const envelope = await expectOutput(run, task, { sentiment: 'neutral' });
    expect(JSON.parse(hidden[0]!.value)).to.deep.equal(envelope);
    await until('the draft removed once handed over', async () =>
      (await storedDraft('text-rater', task, 'ground-truth', '')) === undefined ? true : undefined,
    );
  });

  it('sends once for Ctrl+Enter pressed twice, and for Submit then Ctrl+Enter', async () => {
    const run = newRun();
    const task = `gt-dbl-${run}`;
    await control(run, { hold: '1' });
    const page = open(run, task);
    await page.ready();
    await page.choose('positive');
    await page.next('change');
    await press('Control+Enter');
    await attempts(run, 'collect', 1);
    await press('Control+Enter');
    await page.widget.updateComplete;
    await release(run);
    await page.next('crowd-sent');
    await expectOutput(run, task, { sentiment: 'positive' });
    expect((await emulatorLog(run)).attempts).to.have.length(1);

    // The crowd-form's own Submit, then the widget's shortcut while the submission is on its way.
    const second = newRun();
    await control(second, { hold: '1' });
    const other = open(second, `gt-dbl2-${second}`);
    await other.ready();
    await other.choose('negative');
    await other.next('change');
    await other.click(crowdSubmit(other));
    await attempts(second, 'collect', 1);
    await other.choose('negative'); // back into the widget (the checked option: no change)
    expect(other.count('change'), 'no edit').to.equal(1);
    await press('Control+Enter');
    await other.widget.updateComplete;
    await release(second);
    await other.next('crowd-sent');
    await expectOutput(second, `gt-dbl2-${second}`, { sentiment: 'negative' });
    expect((await emulatorLog(second)).attempts, 'no second submission').to.have.length(1);
  });

  it("after the crowd-form's own submission failed on the network, Submit again sends the answer once", async () => {
    const run = newRun();
    const task = `gt-net-${run}`;
    await control(run, { fail: 'drop' });
    const page = open(run, task);
    await page.ready();
    await page.choose('mixed');
    await page.next('change');
    await page.click(crowdSubmit(page));
    await page.next('crowd-failed');
    expect(page.answers(), 'the answer is still shown').to.deep.equal({ sentiment: 'mixed' });
    await control(run, { fail: 'none' });
    await page.click(crowdSubmit(page));
    await page.next('crowd-sent');
    await expectOutput(run, task, { sentiment: 'mixed' });
  });

  it('restores the answer after a reload mid-task, then the crowd-form sends it', async () => {
    const run = newRun();
    const task = `gt-reload-${run}`;
    const page = open(run, task);
    await page.ready();
    await page.choose('negative');
    await page.next('change');
    await draftWith('text-rater', task, 'ground-truth', '', 'negative');
    page.reload();
    await page.ready();
    expect(page.answers()).to.deep.equal({ sentiment: 'negative' });
    expect(page.widget.shadowRoot!.textContent).to.contain('Your unsaved work on this task was restored.');
    await page.click(crowdSubmit(page));
    await page.next('crowd-sent');
    await expectOutput(run, task, { sentiment: 'negative' });
  });

  it('outside a crowd-form the widget is platform-invalid and says the page is not set up', async () => {
    const run = newRun();
    const page = open(run, `gt-out-${run}`, { outside: '' });
    const error = await page.next('error');
    expect(error.code).to.equal('platform-invalid');
    await page.ready();
    expect(page.notice()).to.contain('not set up correctly');
  });
});
