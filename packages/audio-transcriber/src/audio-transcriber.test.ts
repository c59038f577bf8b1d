import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, setViewport } from '@web/test-runner-commands';
import { validateAnnotation, type AudioAnnotation, type AudioTask } from '@tagwerk/core';
import { press } from '../../ui/test/keys.js';
import { mountReady } from '../../ui/test/widget-fixture.js';
import { toneFixture, type ToneFixture } from '../test/audio-fixtures.js';
import { AudioTranscriberHarness } from '../test/harness.js';
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

async function mount(task: AudioTask): Promise<AudioTranscriberHarness> {
  const el = document.createElement('tagwerk-audio-transcriber');
  el.task = task;
  return new AudioTranscriberHarness(await mountReady(el));
}

describe('<tagwerk-audio-transcriber>', () => {
  let audio: ToneFixture;
  before(() => setViewport({ width: 1280, height: 1000 }));
  beforeEach(() => {
    audio = toneFixture();
  });
  afterEach(async () => {
    audio.revoke();
    await resetMouse();
  });

  it('is accessible when ready, with the duration of the media and the waveform drawn', async () => {
    const transcriber = await mount(makeTask(audio));
    expect(transcriber.value!.result.duration).to.equal(audio.duration);
    expect(transcriber.segments).to.deep.equal([]);
    expect(transcriber.zoomview.querySelector('canvas')).to.exist;
    expect(transcriber.zoomview.getBoundingClientRect().width).to.be.greaterThan(500);
    expect(transcriber.element.shadowRoot!.querySelector('.wave-holder')).to.equal(null);
    expect(transcriber.positionSlider.getAttribute('aria-valuemax')).to.equal(String(audio.duration));
    await expect(transcriber.element).to.be.accessible();
  });

  it('prefills segments as origin "prefill" and marks them modified on edit', async () => {
    const transcriber = await mount(
      makeTask(audio, { prefill: [{ id: 'p1', start: 0.5, end: 1.25, speaker: 'A', text: 'hello' }] }),
    );
    expect(transcriber.segments).to.deep.equal([
      { id: 'p1', start: 0.5, end: 1.25, speaker: 'A', text: 'hello', origin: 'prefill' },
    ]);
    const select = transcriber.row('p1').querySelector<HTMLSelectElement>('.speaker select')!;
    expect(select.selectedOptions[0]!.textContent).to.equal('Anna');
    const change = transcriber.waitForChange();
    await transcriber.setSpeaker('p1', 'Ben');
    expect((await change).annotation.result).to.deep.include({
      segments: [{ id: 'p1', start: 0.5, end: 1.25, speaker: 'B', text: 'hello', origin: 'prefill', modified: true }],
    });
    expect(transcriber.segments[0]).to.include({ speaker: 'B', origin: 'prefill', modified: true });
  });

  it('creates a segment at the playhead with Alt+Enter; typing fills its text', async () => {
    const transcriber = await mount(makeTask(audio));
    const seeked = oneEvent(transcriber.media, 'seeked');
    transcriber.query('.segments').focus();
    await press('Alt+ArrowRight'); // +5 s on 3 s: clamped to the end
    await seeked;
    expect(transcriber.currentTime()).to.equal(audio.duration);
    await press('Alt+ArrowLeft'); // back to 0
    expect(transcriber.segments).to.deep.equal([]); // nothing committed by seeking
    await transcriber.seekTo(0.5);
    expect(transcriber.position()).to.equal(0.5);

    const change = transcriber.waitForChange();
    await transcriber.addSegmentAtPlayhead();
    await change;
    expect(transcriber.segments).to.deep.equal([{ id: 's1', start: 0.5, end: 2.5, text: '', origin: 'worker' }]);
    // The new segment's transcript has the focus: typing goes there.
    expect(transcriber.focused).to.equal(transcriber.transcript('s1'));
    for (const key of 'Hi!')
      await press(key === '!' ? 'Shift+Digit1' : key === 'H' ? 'Shift+KeyH' : `Key${key.toUpperCase()}`);
    await transcriber.element.updateComplete;
    const annotation = transcriber.value as AudioAnnotation;
    expect(annotation.result.segments[0]!.text).to.equal('Hi!');
    expect(validateAnnotation(annotation, transcriber.element.task as AudioTask).errors).to.deep.equal([]);

    // A second segment at the same playhead would overlap: refused.
    await transcriber.addSegmentAtPlayhead();
    expect(transcriber.segments).to.have.length(1);

    // Delete on the focused row removes it.
    transcriber.row('s1').focus();
    await press('Delete');
    expect(transcriber.segments).to.deep.equal([]);
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
    const failed = new AudioTranscriberHarness(el);
    expect(failed.query('[part="error"]').textContent).to.contain('/no-such-audio.wav');
    const retry = failed.queryAll('[part="error"] button').find((b) => /retry|again/i.test(b.textContent ?? ''));
    // Retry loads again (and fails again: the url is still wrong).
    const again = oneEvent(el, 'tagwerk-error');
    await failed.click(retry!);
    expect((await again).detail.code).to.equal('media-load-failed');
  });

  it('a waveform 404 is reported as the waveform, not the audio', async () => {
    const el = document.createElement('tagwerk-audio-transcriber');
    el.autosave = 'off';
    const waveform = new URL('/no-such-waveform.json', location.href).href;
    el.task = makeTask(audio, { audio: { url: audio.wavUrl, waveform } });
    const error = oneEvent(el, 'tagwerk-error');
    await fixture(html`<div style="width: 900px">${el}</div>`);
    const { detail } = await error;
    expect(detail.code).to.equal('media-load-failed');
    await el.updateComplete;
    const text = new AudioTranscriberHarness(el).query('[part="error"]').textContent ?? '';
    expect(text).to.contain(`The waveform file could not be loaded (HTTP 404): ${waveform}`);
    expect(text).not.to.contain('The audio could not be loaded');
  });

  it('commits a segment edge dragged in the waveform, millisecond precision', async () => {
    const transcriber = await mount(makeTask(audio, { prefill: [{ id: 'p1', start: 0.5, end: 1.25, text: '' }] }));
    const pixel = 1 / (await transcriber.pixelsPerSecond()); // the pointer moves in whole pixels
    let change = transcriber.waitForChange();
    await transcriber.dragEdge('p1', 'start', 0.4);
    await change;
    change = transcriber.waitForChange();
    await transcriber.dragEdge('p1', 'end', 1.5);
    await change;
    const [segment] = transcriber.segments;
    expect(segment).to.include({ id: 'p1', text: '', origin: 'prefill', modified: true });
    expect(segment!.start).to.be.closeTo(0.4, 1.5 * pixel);
    expect(segment!.end).to.be.closeTo(1.5, 1.5 * pixel);
    for (const t of [segment!.start, segment!.end]) expect(Math.round(t * 1000) / 1000).to.equal(t);
    // The list shows what the waveform did.
    expect(transcriber.edgeSlider('p1', 'start').getAttribute('aria-valuenow')).to.equal(String(segment!.start));
    await transcriber.undo();
    expect(transcriber.segments[0]).to.include({ start: segment!.start, end: 1.25 });
    await transcriber.undo();
    expect(transcriber.segments[0]).to.include({ start: 0.5, end: 1.25 });
  });
});
