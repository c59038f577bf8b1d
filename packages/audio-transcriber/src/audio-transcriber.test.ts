import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { validateAnnotation, type AudioAnnotation, type AudioTask } from '@tagwerk/core';
import { press } from '../../ui/test/keys.js';
import { mountReady, shadowQuery } from '../../ui/test/widget-fixture.js';
import { toneFixture, type ToneFixture } from '../test/audio-fixtures.js';
import type { TagwerkAudioTranscriber } from './index.js';
import './index.js';

let seq = 0;
function makeTask(audio: ToneFixture, overrides: Partial<AudioTask> = {}): AudioTask {
  seq += 1;
  return {
    id: `audio-${Date.now()}-${seq}`,
    kind: 'audio',
    title: 'Transcribe the recording',
    audio: { url: audio.wavUrl, waveform: audio.waveformUrl },
    speakers: [
      { id: 'A', name: 'Anna', color: '#1f77b4' },
      { id: 'B', name: 'Ben' },
    ],
    ...overrides,
  };
}

async function mount(task: AudioTask): Promise<TagwerkAudioTranscriber> {
  const el = document.createElement('tagwerk-audio-transcriber');
  el.task = task;
  return mountReady(el);
}

const $ = <T extends Element = HTMLElement>(el: TagwerkAudioTranscriber, selector: string): T =>
  shadowQuery<T>(el, selector);

describe('<tagwerk-audio-transcriber>', () => {
  let audio: ToneFixture;
  before(() => setViewport({ width: 1280, height: 1000 }));
  beforeEach(() => {
    audio = toneFixture();
  });
  afterEach(() => audio.revoke());

  it('is accessible when ready, with the duration of the media and the waveform drawn', async () => {
    const el = await mount(makeTask(audio));
    expect(el.value!.result.duration).to.equal(audio.duration);
    expect(el.value!.result.segments).to.deep.equal([]);
    expect($(el, '.zoomview canvas')).to.exist;
    expect($(el, '.zoomview').getBoundingClientRect().width).to.be.greaterThan(500);
    expect(el.shadowRoot!.querySelector('.wave-holder')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('prefills segments as origin "prefill" and marks them modified on edit', async () => {
    const el = await mount(
      makeTask(audio, { prefill: [{ id: 'p1', start: 0.5, end: 1.25, speaker: 'A', text: 'hello' }] }),
    );
    expect(el.value!.result.segments).to.deep.equal([
      { id: 'p1', start: 0.5, end: 1.25, speaker: 'A', text: 'hello', origin: 'prefill' },
    ]);
    const select = $<HTMLSelectElement>(el, '[data-segment="p1"] select');
    expect(select.value).to.equal('A');
    const change = oneEvent(el, 'tagwerk-change');
    select.value = 'B';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await change;
    expect(el.value!.result.segments[0]).to.include({ speaker: 'B', origin: 'prefill', modified: true });
  });

  it('creates a segment at the playhead with Alt+Enter; typing fills its text', async () => {
    const el = await mount(makeTask(audio));
    const seeked = oneEvent($(el, 'audio'), 'seeked');
    $(el, '.segments').focus();
    await press('Alt+ArrowRight'); // +5 s on 3 s: clamped to the end
    await seeked;
    await press('Alt+ArrowLeft'); // back to 0
    const back = el.value!; // nothing committed by seeking
    expect(back.result.segments).to.deep.equal([]);
    const audioEl = $<HTMLAudioElement>(el, 'audio');
    const seekedAgain = oneEvent(audioEl, 'seeked');
    audioEl.currentTime = 0.5;
    await seekedAgain;

    const change = oneEvent(el, 'tagwerk-change');
    await press('Alt+Enter');
    await change;
    await el.updateComplete;
    expect(el.value!.result.segments).to.deep.equal([{ id: 's1', start: 0.5, end: 2.5, text: '', origin: 'worker' }]);
    // The new segment's transcript has the focus: typing goes there.
    const textarea = $<HTMLTextAreaElement>(el, '[data-segment="s1"] textarea');
    expect(el.shadowRoot!.activeElement).to.equal(textarea);
    for (const key of 'Hi!')
      await press(key === '!' ? 'Shift+Digit1' : key === 'H' ? 'Shift+KeyH' : `Key${key.toUpperCase()}`);
    await el.updateComplete;
    const annotation = el.value as AudioAnnotation;
    expect(annotation.result.segments[0]!.text).to.equal('Hi!');
    expect(validateAnnotation(annotation, el.task as AudioTask).errors).to.deep.equal([]);

    // A second segment at the same playhead would overlap: refused.
    await press('Alt+Enter');
    expect(el.value!.result.segments).to.have.length(1);

    // Delete on the focused row removes it.
    $(el, '[data-segment="s1"]').focus();
    await press('Delete');
    expect(el.value!.result.segments).to.deep.equal([]);
  });

  it('reports media-load-failed for a 404 and offers a retry', async () => {
    const el = document.createElement('tagwerk-audio-transcriber');
    el.autosave = 'off';
    el.task = makeTask(audio, { audio: { url: new URL('/no-such-audio.wav', location.href).href } });
    const error = oneEvent(el, 'tagwerk-error');
    await fixture(html`<div style="width: 900px">${el}</div>`);
    const { detail } = await error;
    expect(detail.code).to.equal('media-load-failed');
    await el.updateComplete;
    expect($(el, '[part="error"]').textContent).to.contain('/no-such-audio.wav');
    const retry = [...el.shadowRoot!.querySelectorAll('button')].find((b) => /retry|again/i.test(b.textContent ?? ''));
    // Retry loads again (and fails again: the url is still wrong).
    const again = oneEvent(el, 'tagwerk-error');
    retry!.click();
    expect((await again).detail.code).to.equal('media-load-failed');
  });

  it('commits a segment edge dragged in the waveform, millisecond precision', async () => {
    const el = await mount(makeTask(audio, { prefill: [{ id: 'p1', start: 0.5, end: 1.25, text: '' }] }));
    const peaks = (el as unknown as { peaks: { instance: { emit(type: string, event: unknown): void } } }).peaks;
    const change = oneEvent(el, 'tagwerk-change');
    peaks.instance.emit('segments.dragend', { segment: { id: 'p1', startTime: 0.40004, endTime: 1.5 } });
    await change;
    expect(el.value!.result.segments).to.deep.equal([
      { id: 'p1', start: 0.4, end: 1.5, text: '', origin: 'prefill', modified: true },
    ]);
    el.undo();
    expect(el.value!.result.segments[0]).to.include({ start: 0.5, end: 1.25 });
  });
});
