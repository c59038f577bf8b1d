import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, setViewport } from '@web/test-runner-commands';
import { IndexedDbStore, draftKey } from '@tagwerk/ui';
import { findAction, validateAnnotation, type Annotation, type AudioAnnotation, type AudioTask } from '@tagwerk/core';
import { press } from '../../ui/test/keys.js';
import { mountReady, nextFrame, text } from '../../ui/test/widget-fixture.js';
import { publishedSchemaErrors } from '../../core/test/published-schema.js';
import { toneFixture, type ToneFixture } from '../test/audio-fixtures.js';
import { AudioTranscriberHarness } from '../test/harness.js';
import { typingModifier } from './audio-transcriber.js';
import './index.js';

// The known audio (toneFixture): 3 s — a 440 Hz tone from 0 to 1 s, silence from 1 to 2 s,
// the tone again from 2 to 3 s; its waveform has 64 samples per pixel at 8 kHz (125 px per second).

let seq = 0;
function makeTask(audio: ToneFixture, overrides: Partial<AudioTask> = {}): AudioTask {
  seq += 1;
  return {
    id: `audio-edit-${Date.now()}-${seq}`,
    kind: 'audio',
    audio: { url: audio.wavUrl, waveform: audio.waveformUrl },
    ...overrides,
  };
}

async function mount(
  task: AudioTask,
  setup?: (el: HTMLElementTagNameMap['tagwerk-audio-transcriber']) => void,
): Promise<AudioTranscriberHarness> {
  const el = document.createElement('tagwerk-audio-transcriber');
  setup?.(el);
  el.task = task;
  return new AudioTranscriberHarness(await mountReady(el));
}

/** The colours of the zoomview's pixels in the column at page x (every layer), as "r,g,b". */
function columnColours(transcriber: AudioTranscriberHarness, pageX: number): Set<string> {
  const colours = new Set<string>();
  for (const canvas of transcriber.zoomview.querySelectorAll('canvas')) {
    const rect = canvas.getBoundingClientRect();
    const scale = canvas.width / rect.width;
    const x = Math.floor((pageX - rect.left) * scale);
    const data = canvas.getContext('2d')!.getImageData(x, 0, 1, canvas.height).data;
    for (let i = 0; i < data.length; i += 4)
      if (data[i + 3]! > 200) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
  }
  return colours;
}

/** What the zoomview's layers show now (one ImageData per canvas). */
function snapshot(transcriber: AudioTranscriberHarness): ImageData[] {
  return [...transcriber.zoomview.querySelectorAll('canvas')].map((c) =>
    c.getContext('2d')!.getImageData(0, 0, c.width, c.height),
  );
}

/** The page-x extent of the pixels that turned dark (text is drawn black) between two snapshots, or null. */
function newlyDark(
  transcriber: AudioTranscriberHarness,
  before: ImageData[],
  after: ImageData[],
): { left: number; right: number } | null {
  const dark = (d: Uint8ClampedArray, i: number) => d[i + 3]! > 200 && d[i]! < 80 && d[i + 1]! < 80 && d[i + 2]! < 80;
  const canvases = [...transcriber.zoomview.querySelectorAll('canvas')];
  let left = Infinity;
  let right = -Infinity;
  after.forEach((image, n) => {
    const rect = canvases[n]!.getBoundingClientRect();
    const scale = image.width / rect.width;
    for (let i = 0; i < image.data.length; i += 4) {
      if (!dark(image.data, i) || dark(before[n]!.data, i)) continue;
      const x = rect.left + ((i / 4) % image.width) / scale;
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  });
  return left <= right ? { left, right } : null;
}

describe('<tagwerk-audio-transcriber> editing', () => {
  let audio: ToneFixture;
  before(() => setViewport({ width: 1280, height: 1000 }));
  beforeEach(() => {
    audio = toneFixture();
  });
  afterEach(async () => {
    audio.revoke();
    await resetMouse();
  });

  it('plays the audio; marks the silence by keyboard while it plays and the second tone with the mouse (±50 ms)', async () => {
    const transcriber = await mount(makeTask(audio));
    const player = transcriber.media;
    transcriber.query('.segments').focus();

    // Keyboard: start playback, and mark the silence (1–2 s) as it passes.
    await transcriber.play('keyboard');
    await transcriber.waitForPlayhead(1);
    let before = player.currentTime;
    await transcriber.addSegmentAtPlayhead();
    let after = player.currentTime;
    const [created] = transcriber.segments;
    expect(created!.start).to.be.within(before - 0.05, after + 0.05);
    // In the silence (a loaded machine may deliver the key late; the playhead check above is the ±50 ms one).
    expect(created!.start).to.be.within(0.95, 1.6);
    // The caret is in the new segment: type while it plays, then close it at the playhead.
    await transcriber.typeTranscript('(silence)');
    await transcriber.waitForPlayhead(1.95);
    before = player.currentTime;
    await press('Alt+BracketRight');
    after = player.currentTime;
    expect(transcriber.segments[0]!.end).to.be.within(before - 0.05, after + 0.05);
    expect(transcriber.segments[0]!.end).to.be.within(1.9, 2.6);
    await transcriber.pause('keyboard');
    expect(transcriber.segments[0]!.text).to.equal('(silence)');

    // Mouse: drag across the second tone in the zoomview (2.2 → 2.9 s; it starts at 2 s, where
    // the first segment may end: a press on its edge would drag that edge instead).
    const change = transcriber.waitForChange();
    await transcriber.dragOnWaveform(2.2, 2.9);
    await change;
    const tone = transcriber.segments[1]!;
    expect(tone.start).to.be.closeTo(2.2, 0.05);
    expect(tone.end).to.be.closeTo(2.9, 0.05);
    expect(tone.origin).to.equal('worker');
    for (const s of transcriber.segments) expect(Math.round(s.start * 1000) / 1000).to.equal(s.start);

    const annotation = transcriber.value as Annotation;
    expect(validateAnnotation(annotation, transcriber.element.task as AudioTask).errors).to.deep.equal([]);
    expect(await publishedSchemaErrors(annotation, 'annotation.json')).to.deep.equal([]);
    // What was played is reported: about the first two seconds.
    expect((annotation as AudioAnnotation).result.played).to.be.within(0.6, 0.75);
  });

  it('a click on the zoomview seeks without making a segment; read-only work cannot insert', async () => {
    const transcriber = await mount(makeTask(audio), (e) => (e.readonly = true));
    const seeked = oneEvent(transcriber.media, 'seeked');
    await transcriber.clickWaveform(1.5);
    await seeked;
    expect(transcriber.currentTime()).to.be.closeTo(1.5, 0.05);
    expect(transcriber.position()).to.be.closeTo(1.5, 0.05);
    await transcriber.dragOnWaveform(0.5, 1.0, 1);
    expect(transcriber.segments).to.deep.equal([]);
  });

  it('moves edges by keyboard within their neighbours, splits at the caret, merges, and undoes each', async () => {
    const transcriber = await mount(
      makeTask(audio, {
        prefill: [
          { id: 'p1', start: 0.5, end: 2.5, text: 'hello world' },
          { id: 'p2', start: 2.6, end: 2.9, text: 'again' },
        ],
      }),
    );
    const segments = () => transcriber.segments;
    const start = transcriber.edgeSlider('p1', 'start');
    start.focus();
    await press('ArrowRight', 3);
    expect(segments()[0]!.start).to.equal(0.53);
    await press('Shift+ArrowRight');
    expect(segments()[0]!.start).to.equal(0.63);
    await transcriber.element.updateComplete;
    expect(start.getAttribute('aria-valuetext')).to.equal('00:00.630');
    await press('Home');
    expect(segments()[0]!.start).to.equal(0);
    const end = transcriber.edgeSlider('p1', 'end');
    end.focus();
    await press('End'); // up to the next segment, not over it
    expect(segments()[0]!.end).to.equal(2.6);
    await press('PageUp');
    expect(segments()[0]!.end).to.equal(2.6);
    // Held arrows are one undo step per edge.
    await transcriber.undo();
    expect(segments()[0]).to.include({ start: 0, end: 2.5 });
    await transcriber.undo();
    expect(segments()[0]).to.include({ start: 0.5, end: 2.5 });
    // The harness's keyboard edge move: tenths then hundredths.
    await transcriber.dragEdge('p1', 'start', 0.27, 'keyboard');
    expect(segments()[0]!.start).to.equal(0.27);
    await transcriber.undo();

    // Split at the playhead; typing in the segment, the text splits at the caret.
    await transcriber.seekTo(1.5);
    await transcriber.placeCaret('p1', 5);
    await press('Alt+KeyS');
    await transcriber.element.updateComplete;
    expect(segments().map(({ id, start, end, text }) => ({ id, start, end, text }))).to.deep.equal([
      { id: 'p1', start: 0.5, end: 1.5, text: 'hello' },
      { id: 's3', start: 1.5, end: 2.5, text: 'world' },
      { id: 'p2', start: 2.6, end: 2.9, text: 'again' },
    ]);
    expect(segments()[0]).to.include({ origin: 'prefill', modified: true });
    expect(segments()[1]!.origin).to.equal('worker');
    await waitUntil(() => transcriber.focused === transcriber.transcript('s3'));

    // Merge the new segment with the next one (Alt+M in its transcript).
    await press('Alt+KeyM');
    expect(segments().map(({ id, start, end, text }) => ({ id, start, end, text }))).to.deep.equal([
      { id: 'p1', start: 0.5, end: 1.5, text: 'hello' },
      { id: 's3', start: 1.5, end: 2.9, text: 'world again' },
    ]);
    // The merge button of the first row merges it too.
    await transcriber.merge('p1');
    expect(segments()).to.have.length(1);
    expect(segments()[0]).to.include({ id: 'p1', start: 0.5, end: 2.9, text: 'hello world again', modified: true });
    await transcriber.undo();
    await transcriber.undo();
    await transcriber.undo();
    expect(segments().map((s) => s.text)).to.deep.equal(['hello world', 'again']);
    expect(validateAnnotation(transcriber.value!, transcriber.element.task as AudioTask).errors).to.deep.equal([]);
  });

  it('inserts tags and sets speakers by hotkey while typing; a label hotkey (or digit) on a focused row picks its label', async () => {
    const transcriber = await mount(
      makeTask(audio, {
        speakers: [
          { id: 'A', name: 'Anna', color: '#c00' },
          { id: 'B', name: 'Ben' },
        ],
        labels: [
          { id: 'speech', name: 'Speech' },
          { id: 'noise', name: 'Noise', color: '#0a0', hotkey: 'n' },
        ],
        tags: ['[inaudible]', '[laughs]'],
        prefill: [{ id: 'p1', start: 0.5, end: 1.5, text: '' }],
      }),
    );
    const textarea = transcriber.transcript('p1');
    await transcriber.typeTranscript('so 12', 'p1');
    await transcriber.insertTag(1, 'keyboard');
    expect(transcriber.segments[0]!.text).to.equal('so 12 [laughs]');
    await transcriber.typeTranscript(' ok');
    await press('Alt+Shift+Digit2');
    expect(transcriber.segments[0]).to.include({ text: 'so 12 [laughs] ok', speaker: 'B' });
    expect(transcriber.focused).to.equal(textarea);
    // A tag button inserts at the caret of the transcript last typed in, keeping the focus there.
    await transcriber.placeCaret('p1', 2);
    await transcriber.insertTag(0, 'button');
    expect(transcriber.segments[0]!.text).to.equal('so [inaudible] 12 [laughs] ok');
    expect(transcriber.focused).to.equal(textarea);
    // Digits on the row pick a label.
    transcriber.row('p1').focus();
    await press('Digit1');
    expect(transcriber.segments[0]!.label).to.equal('speech');
    await press('KeyN'); // the task's hotkey for Noise
    expect(transcriber.segments[0]!.label).to.equal('noise');
    await transcriber.element.updateComplete;
    expect(transcriber.row('p1').querySelector<HTMLSelectElement>('.label select')!.value).to.equal('noise');
    // The speaker colour marks the row (and the task's #rgb is expanded for the waveform).
    expect(getComputedStyle(transcriber.row('p1').querySelector('.label-swatch')!).backgroundColor).to.equal(
      'rgb(0, 170, 0)',
    );
    // Ben has no colour in the task: the second palette colour, on the row and on the waveform.
    expect(getComputedStyle(transcriber.row('p1').querySelector('.swatch')!).backgroundColor).to.equal(
      'rgb(230, 159, 0)',
    );
    await nextFrame(2);
    const [inside] = await transcriber.waveformPoint(0.75);
    const [outside] = await transcriber.waveformPoint(0.25);
    expect([...columnColours(transcriber, inside)], 'the segment on the waveform').to.include('230,159,0');
    expect([...columnColours(transcriber, outside)]).to.not.include('230,159,0');
    // Hovering the segment shows its name, speaker · label: as wide as that text drawn in the same font.
    const quiet = snapshot(transcriber);
    await transcriber.hoverWaveform(1.0);
    await nextFrame(2);
    const label = newlyDark(transcriber, quiet, snapshot(transcriber));
    expect(label, 'a label is drawn').to.not.equal(null);
    const measure = document.createElement('canvas').getContext('2d')!;
    measure.font = '11px sans-serif'; // peaks' default label font
    expect(label!.right - label!.left + 1).to.be.closeTo(measure.measureText('Ben · Noise').width, 2);
  });

  it("works a row's menus and buttons: label, play, delete; the zoom buttons change the waveform's scale", async () => {
    const transcriber = await mount(
      makeTask(audio, {
        labels: [
          { id: 'speech', name: 'Speech' },
          { id: 'noise', name: 'Noise' },
        ],
        prefill: [
          { id: 'p1', start: 0.2, end: 0.6, text: '' },
          { id: 'p2', start: 1.0, end: 1.3, text: '' },
        ],
      }),
    );
    await transcriber.setLabel('p2', 'Noise');
    expect(transcriber.segments[1]).to.include({ label: 'noise', modified: true });
    await transcriber.setLabel('p2', undefined);
    expect(transcriber.segments[1]!.label).to.equal(undefined);

    const paused = oneEvent(transcriber.media, 'pause');
    await transcriber.playSegment('p1'); // plays 0.2–0.6 s and stops there
    expect(transcriber.media.paused).to.equal(false);
    await paused;
    expect(transcriber.currentTime()).to.be.closeTo(0.6, 0.05);

    await transcriber.deleteSegment('p1');
    expect(transcriber.segments.map((s) => s.id)).to.deep.equal(['p2']);

    const detailed = await transcriber.pixelsPerSecond();
    expect(detailed).to.be.closeTo(125, 0.5);
    await transcriber.zoom('out');
    expect(await transcriber.pixelsPerSecond()).to.be.closeTo(detailed / 2, 0.5);
    await transcriber.zoom('in');
    expect(await transcriber.pixelsPerSecond()).to.be.closeTo(detailed, 0.5);
  });

  it('loops the current segment until stopped, and plays the next segment into its transcript', async () => {
    const transcriber = await mount(
      makeTask(audio, {
        prefill: [
          { id: 'p1', start: 0.2, end: 0.5, text: '' },
          { id: 'p2', start: 1.0, end: 1.3, text: '' },
        ],
      }),
    );
    const player = transcriber.media;
    transcriber.row('p1').focus();
    await press('Alt+KeyL');
    expect(transcriber.loopButton.getAttribute('aria-pressed')).to.equal('true');
    await waitUntil(() => player.currentTime > 0.4, 'plays the segment', { timeout: 3000, interval: 5 });
    const wrapped = oneEvent(player, 'seeked');
    await wrapped; // back to the start of the segment
    expect(player.currentTime).to.be.closeTo(0.2, 0.05);
    expect(player.paused).to.equal(false);
    await press('Alt+KeyL');
    expect(transcriber.loopButton.getAttribute('aria-pressed')).to.equal('false');
    await transcriber.pause('keyboard');

    // Alt+↓ plays the next segment and stops at its end; its transcript gets the caret.
    transcriber.row('p1').focus();
    await press('Alt+ArrowDown');
    await waitUntil(() => transcriber.focused === transcriber.transcript('p2'));
    await waitUntil(() => transcriber.row('p2').classList.contains('current'), 'follows playback');
    await oneEvent(player, 'pause');
    expect(player.currentTime).to.be.closeTo(1.3, 0.05);
  });

  it('moves the playhead by keyboard on the position slider (1 s, 0.1 s, 10 s, ends)', async () => {
    const transcriber = await mount(makeTask(audio));
    const position = transcriber.positionSlider;
    position.focus();
    await press('ArrowRight');
    await waitUntil(() => Math.abs(transcriber.currentTime() - 1) < 0.001);
    await press('Shift+ArrowRight', 3);
    await waitUntil(() => Math.abs(transcriber.currentTime() - 1.3) < 0.001);
    await transcriber.element.updateComplete;
    expect(position.getAttribute('aria-valuenow')).to.equal('1.3');
    expect(position.getAttribute('aria-valuetext')).to.equal('00:01.300 of 00:03.000');
    await press('End');
    await waitUntil(() => transcriber.currentTime() === 3);
    await press('PageDown');
    await waitUntil(() => transcriber.currentTime() === 0);
    await transcriber.seekTo(2.4);
    expect(transcriber.position()).to.equal(2.4);
    expect(transcriber.segments).to.deep.equal([]); // seeking is not an edit
  });

  it('rewinds on resume after a pause (configurable, 0 = off)', async () => {
    const transcriber = await mount(makeTask(audio));
    const player = transcriber.media;
    transcriber.query('.segments').focus();
    await transcriber.play('keyboard');
    await transcriber.waitForPlayhead(1.6);
    await transcriber.pause('keyboard');
    const pausedAt = player.currentTime;
    await transcriber.play('keyboard');
    expect(player.currentTime).to.be.within(pausedAt - 1.05, pausedAt - 0.7);
    await transcriber.pause('keyboard');

    await transcriber.setRewind(0);
    const at = player.currentTime;
    await transcriber.play('button');
    expect(player.currentTime).to.be.within(at - 0.01, at + 0.3);
    await transcriber.pause('button');
  });

  it('requires the whole file played when the task says so; reports prefillWer on submit', async () => {
    const transcriber = await mount(
      makeTask(audio, {
        constraints: { mustPlayFully: true },
        prefill: [{ id: 'p1', start: 0.5, end: 1.5, text: 'the cat sat' }],
      }),
    );
    await transcriber.typeTranscript(' down', 'p1');
    const refused = await transcriber.submit('button');
    expect(refused.submitted ? [] : refused.errors.map((e) => e.path)).to.deep.equal(['/result/played']);
    expect(transcriber.errorsShown()).to.have.length(1);
    expect(transcriber.playedShown()).to.contain('0');
    // The play button gets the focus: the worker sees what to do.
    expect(transcriber.focused).to.equal(transcriber.playButton);

    await transcriber.setSpeed(2);
    expect(transcriber.media.playbackRate).to.equal(2);
    const ended = oneEvent(transcriber.media, 'ended');
    transcriber.playButton.focus();
    await transcriber.play('keyboard');
    await ended;
    await transcriber.element.updateComplete;
    expect(transcriber.value!.result.played).to.be.at.least(0.999);
    expect(transcriber.query('.played').classList.contains('done')).to.equal(true);
    const outcome = await transcriber.submit('button');
    if (!outcome.submitted) throw new Error(`refused: ${JSON.stringify(outcome.errors)}`);
    expect(outcome.annotation.result.prefillWer).to.equal(0.25); // "the cat sat" against "the cat sat down"
    expect(await publishedSchemaErrors(outcome.annotation, 'annotation.json')).to.deep.equal([]);
  });

  it('a click on a segment in the waveform seeks playback there, not only the position slider', async () => {
    const transcriber = await mount(makeTask(audio, { prefill: [{ id: 'p1', start: 1, end: 2, text: '' }] }));
    await transcriber.clickWaveform(1.5);
    expect(transcriber.position()).to.be.within(1.3, 1.7);
    await waitUntil(
      () => Math.abs(transcriber.currentTime() - transcriber.position()) < 0.05,
      'the media is where the playhead shows',
    );
  });

  it('keeps what was heard in the draft: a reload does not make the worker listen again', async () => {
    const task = makeTask(audio, { constraints: { mustPlayFully: true } });
    const first = document.createElement('tagwerk-audio-transcriber');
    first.task = task;
    const ready = oneEvent(first, 'tagwerk-ready');
    await fixture(html`<div style="width: 900px">${first}</div>`); // autosave on (the default)
    await ready;
    const worker = new AudioTranscriberHarness(first);
    await worker.setSpeed(2);
    const ended = oneEvent(worker.media, 'ended');
    await worker.play('button');
    await ended;
    expect(first.validate().valid).to.equal(true);
    first.remove(); // flushes the draft
    // The flush is asynchronous: wait until IndexedDB holds the heard ranges up to the end.
    type Stored = { value?: { widget?: { played?: Array<[number, number]> } } } | undefined;
    const drafts = new IndexedDbStore();
    await waitUntil(async () => {
      const stored = (await drafts.get(draftKey('tagwerk-audio-transcriber', task.id))) as Stored;
      return (stored?.value?.widget?.played?.at(-1)?.[1] ?? 0) >= audio.duration - 0.25;
    }, 'heard ranges stored');

    const second = document.createElement('tagwerk-audio-transcriber');
    second.task = task;
    const again = oneEvent(second, 'tagwerk-ready');
    await fixture(html`<div style="width: 900px">${second}</div>`);
    await again;
    expect(second.value!.result.played).to.be.at.least(0.999);
    expect(second.validate().valid).to.equal(true);
    second.reset(); // clears the draft
  });

  it('drops a loop whose segment an undo removed; a tag goes to the focused segment, not the last typed in', async () => {
    const transcriber = await mount(
      makeTask(audio, {
        tags: ['[laughs]'],
        prefill: [
          { id: 'p1', start: 0.2, end: 0.8, text: 'one' },
          { id: 'p2', start: 1.0, end: 1.6, text: 'two' },
        ],
      }),
    );
    await transcriber.seekTo(2.2);
    transcriber.query('.segments').focus();
    await transcriber.addSegmentAtPlayhead();
    await press('Alt+KeyL'); // loops the new segment s3
    expect(transcriber.loopButton.getAttribute('aria-pressed')).to.equal('true');
    await transcriber.pause('keyboard');
    await transcriber.undo();
    expect(transcriber.segments.map((s) => s.id)).to.deep.equal(['p1', 'p2']);
    expect(transcriber.loopButton.getAttribute('aria-pressed')).to.equal('false');

    await transcriber.typeTranscript('!', 'p1');
    transcriber.row('p2').focus();
    await transcriber.insertTag(0, 'keyboard');
    expect(transcriber.segments.map((s) => s.text)).to.deep.equal(['one!', 'two [laughs]']);
  });

  it('keeps dragged edges 10 ms apart and ignores drags that change nothing; zoom buttons keep the focus', async () => {
    // Edges on whole waveform pixels (8 ms at 125 px per second): a handle dragged back lands where it was.
    const transcriber = await mount(makeTask(audio, { prefill: [{ id: 'p1', start: 0.504, end: 1.504, text: '' }] }));
    expect(await transcriber.pixelsPerSecond()).to.be.closeTo(125, 0.5);
    let changes = 0;
    transcriber.element.addEventListener('tagwerk-change', () => (changes += 1));
    await transcriber.dragEdge('p1', 'end', 1.504, 'pointer', { via: 1.2 }); // out and back
    expect(changes).to.equal(0);
    expect(transcriber.segments[0]!.modified).to.equal(undefined);
    const change = transcriber.waitForChange();
    await transcriber.dragEdge('p1', 'end', 0.3); // onto the start, and past it
    await change;
    expect(transcriber.segments[0]).to.include({ start: 0.504, end: 0.514 });
    expect(validateAnnotation(transcriber.value!, transcriber.element.task as AudioTask).errors).to.deep.equal([]);

    const zoomOut = transcriber.zoomButtons.out;
    zoomOut.focus();
    await press('Enter', 8);
    expect(zoomOut.getAttribute('aria-disabled')).to.equal('true');
    expect(transcriber.focused).to.equal(zoomOut);
  });

  it("survives being moved in the page, and a value's played share does not count for a new worker", async () => {
    const transcriber = await mount(makeTask(audio, { constraints: { mustPlayFully: true } }));
    const el = transcriber.element;
    const other = document.createElement('div');
    document.body.append(other);
    other.append(el); // a framework or a dialog re-parenting the element
    await nextFrame(); // past the deferred teardown
    expect(transcriber.zoomview.querySelectorAll('canvas').length).to.be.greaterThan(0);
    // The waveform still answers the pointer: a click seeks.
    const seeked = oneEvent(transcriber.media, 'seeked');
    await transcriber.clickWaveform(1.5);
    await seeked;
    expect(transcriber.currentTime()).to.be.closeTo(1.5, 0.05);
    const value = structuredClone(el.value!);
    value.result.played = 1;
    el.value = value;
    expect(el.value.result.played).to.equal(0);
    expect(el.validate().errors.map((e) => e.path)).to.deep.equal(['/result/played']);
    other.remove();
  });

  it('uses Control+Option for the typing shortcuts on Apple keyboards (Option alone types characters)', () => {
    const modifier = typingModifier();
    expect(modifier).to.equal(/Mac|iPhone|iPad/.test(navigator.platform) ? 'Control+Alt+' : 'Alt+');
    // What a Mac worker presses while typing is matched there (and Option+S alone is not).
    const keymap = { split: ['Control+Alt+KeyS'] };
    const actions = { split: { allowInInputs: true } };
    const press = { code: 'KeyS', key: 's', ctrlKey: true, altKey: true, shiftKey: false, metaKey: false };
    expect(findAction(keymap, press, 'mac', { typing: true, actions })).to.equal('split');
    const option = { ...press, ctrlKey: false, key: 'ß' };
    expect(findAction({ split: ['Alt+KeyS'] }, option, 'mac', { typing: true, actions })).to.equal(undefined);
  });

  it('training: after submit, WER/CER and segment matches against the reference', async () => {
    const reference = {
      schemaVersion: 1 as const,
      kind: 'audio' as const,
      taskId: 'ref',
      result: {
        duration: audio.duration,
        segments: [{ id: 'r1', start: 0.5, end: 1.5, text: 'one two three four' }],
        answers: {},
      },
      meta: {
        startedAt: new Date().toISOString(),
        submittedAt: new Date().toISOString(),
        activeMs: 0,
        idleMs: 0,
        edits: 0,
        undos: 0,
        locale: 'en',
        widget: 'x',
      },
    };
    const transcriber = await mount(
      makeTask(audio, { prefill: [{ id: 'p1', start: 0.52, end: 1.48, text: 'one two tree four' }] }),
      (e) => {
        e.mode = 'training';
        e.reference = reference;
      },
    );
    const outcome = await transcriber.submit('button');
    expect(outcome.submitted).to.equal(true);
    const feedback = text(transcriber.query('.feedback'));
    expect(feedback).to.contain('Word error rate 25%');
    expect(feedback).to.contain('1 of 1 matched, 0 extra; edges off by 20 ms');
  });

  it('refuses a pre-fill past the end of the audio once its length is known (task-invalid, path)', async () => {
    const el = document.createElement('tagwerk-audio-transcriber');
    el.autosave = 'off';
    el.task = makeTask(audio, {
      prefill: [
        { id: 'p1', start: 0.5, end: 1, text: 'ok' },
        { id: 'p2', start: 2.5, end: 4.25, text: 'too far' },
      ],
    });
    const error = oneEvent(el, 'tagwerk-error');
    await fixture(html`<div style="width: 900px">${el}</div>`);
    const { detail } = await error;
    expect(detail.code).to.equal('task-invalid');
    expect(detail.message).to.equal(
      '/prefill/1/end: Pre-filled segment 2 ends at 00:04.250, after the end of the audio (00:03.000).',
    );
  });

  it('plays audio from a server that sends no length and no byte ranges (downloaded once, seekable)', async () => {
    const url = new URL('/__tagwerk/unsized.wav?seconds=3', location.href).href;
    const transcriber = await mount(makeTask(audio, { audio: { url, waveform: audio.waveformUrl } }));
    expect(transcriber.value!.result.duration).to.equal(3);
    expect(transcriber.media.src).to.match(/^blob:/);
    await transcriber.seekTo(1.5);
    expect(transcriber.currentTime()).to.be.closeTo(1.5, 0.01);
    // The waveform is drawn at the width it is shown at: nothing to refit after ready.
    const canvas = transcriber.zoomview.querySelector('canvas')!;
    expect(Math.abs(canvas.getBoundingClientRect().width - transcriber.zoomview.clientWidth)).to.be.below(1);
  });

  it('shows hostile names, labels and tags as text, never as markup', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const transcriber = await mount(
      makeTask(audio, {
        speakers: [{ id: 'A', name: evil }],
        labels: [{ id: 'l', name: `${evil}label` }],
        tags: [`[${evil}]`],
        prefill: [{ id: 'p1', start: 0.5, end: 1.5, speaker: 'A', label: 'l', text: evil }],
      }),
    );
    await transcriber.placeCaret('p1');
    await transcriber.insertTag(0, 'button');
    expect(transcriber.queryAll('img, script')).to.have.length(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(transcriber.query('.tags .tag').textContent).to.contain(evil);
    expect(
      transcriber.row('p1').querySelector<HTMLSelectElement>('.speaker select')!.selectedOptions[0]!.textContent,
    ).to.equal(evil);
    expect(transcriber.segments[0]!.text).to.equal(`${evil} [${evil}]`);
  });

  it('says in words when a waveform does not belong to the audio, and when a long file needs one', async () => {
    const other = toneFixture(6);
    const el = document.createElement('tagwerk-audio-transcriber');
    el.autosave = 'off';
    el.task = makeTask(audio, { audio: { url: audio.wavUrl, waveform: other.waveformUrl } });
    const error = oneEvent(el, 'tagwerk-error');
    await fixture(html`<div style="width: 900px">${el}</div>`);
    const { detail } = await error;
    other.revoke();
    expect(detail.code).to.equal('media-load-failed');
    expect(detail.message).to.contain('/audio/waveform');
    expect(detail.message).to.contain('does not belong to this audio: it covers 00:06.000, the audio lasts 00:03.000');

    // 21 minutes of audio without a waveform file: refused before decoding, with what to do.
    const long = toneFixture(21 * 60, 3000);
    const el2 = document.createElement('tagwerk-audio-transcriber');
    el2.autosave = 'off';
    el2.lang = 'de';
    el2.task = makeTask(long, { audio: { url: long.wavUrl } });
    const error2 = oneEvent(el2, 'tagwerk-error');
    await fixture(html`<div style="width: 900px">${el2}</div>`);
    const detail2 = (await error2).detail;
    long.revoke();
    expect(detail2.code).to.equal('media-decode-failed');
    expect(detail2.message).to.contain('21 Minuten');
    expect(detail2.message).to.contain('20 Minuten');
  });
});
