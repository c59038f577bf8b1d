import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { IndexedDbStore, draftKey } from '@tagwerk/ui';
import { findAction, validateAnnotation, type Annotation, type AudioAnnotation, type AudioTask } from '@tagwerk/core';
import { press } from '../../ui/test/keys.js';
import { mountReady, shadowQuery } from '../../ui/test/widget-fixture.js';
import { publishedSchemaErrors } from '../../core/test/published-schema.js';
import { toneFixture, type ToneFixture } from '../test/audio-fixtures.js';
import type { TagwerkAudioTranscriber } from './index.js';
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

async function mount(task: AudioTask, setup?: (el: TagwerkAudioTranscriber) => void): Promise<TagwerkAudioTranscriber> {
  const el = document.createElement('tagwerk-audio-transcriber');
  setup?.(el);
  el.task = task;
  return mountReady(el);
}

const $ = <T extends Element = HTMLElement>(el: TagwerkAudioTranscriber, selector: string): T =>
  shadowQuery<T>(el, selector);
const media = (el: TagwerkAudioTranscriber): HTMLAudioElement => $<HTMLAudioElement>(el, 'audio');
const segments = (el: TagwerkAudioTranscriber) => el.value!.result.segments;

async function seek(el: TagwerkAudioTranscriber, time: number): Promise<void> {
  const seeked = oneEvent(media(el), 'seeked');
  media(el).currentTime = time;
  await seeked;
}

/** The page x of `time` in the zoomview, from the view's own visible range. */
function xOf(el: TagwerkAudioTranscriber, time: number): number {
  type View = { getStartTime(): number; getEndTime(): number };
  const peaks = (el as unknown as { peaks: { instance: { views: { getView(n: string): View } } } }).peaks;
  const view = peaks.instance.views.getView('zoomview');
  const rect = $(el, '.zoomview canvas').getBoundingClientRect();
  const start = view.getStartTime();
  const end = view.getEndTime();
  return rect.left + ((time - start) / (end - start)) * rect.width;
}

async function typeText(text: string): Promise<void> {
  await sendKeys({ type: text });
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
    const el = await mount(makeTask(audio));
    const player = media(el);
    $(el, '.segments').focus();

    // Keyboard: start playback, and mark the silence (1–2 s) as it passes.
    await press('Control+Space');
    await waitUntil(() => player.currentTime >= 1, 'playback reaches 1 s', { timeout: 5000, interval: 5 });
    let before = player.currentTime;
    await press('Alt+Enter');
    let after = player.currentTime;
    const [created] = segments(el);
    expect(created!.start).to.be.within(before - 0.05, after + 0.05);
    // In the silence (a loaded machine may deliver the key late; the playhead check above is the ±50 ms one).
    expect(created!.start).to.be.within(0.95, 1.6);
    // The caret is in the new segment: type while it plays, then close it at the playhead.
    await typeText('(silence)');
    await waitUntil(() => player.currentTime >= 1.95, 'playback reaches 2 s', { timeout: 5000, interval: 5 });
    before = player.currentTime;
    await press('Alt+BracketRight');
    after = player.currentTime;
    expect(segments(el)[0]!.end).to.be.within(before - 0.05, after + 0.05);
    expect(segments(el)[0]!.end).to.be.within(1.9, 2.6);
    await press('Control+Space');
    await waitUntil(() => player.paused);
    expect(segments(el)[0]!.text).to.equal('(silence)');

    // Mouse: drag across the second tone in the zoomview (2.2 → 2.9 s; it starts at 2 s, where
    // the first segment may end: a press on its edge would drag that edge instead).
    const y = Math.round($(el, '.zoomview').getBoundingClientRect().top + 40);
    const change = oneEvent(el, 'tagwerk-change');
    await sendMouse({ type: 'move', position: [Math.round(xOf(el, 2.2)), y] });
    await sendMouse({ type: 'down' });
    for (const t of [2.3, 2.5, 2.7, 2.9]) await sendMouse({ type: 'move', position: [Math.round(xOf(el, t)), y] });
    await sendMouse({ type: 'up' });
    await change;
    const tone = segments(el)[1]!;
    expect(tone.start).to.be.closeTo(2.2, 0.05);
    expect(tone.end).to.be.closeTo(2.9, 0.05);
    expect(tone.origin).to.equal('worker');
    for (const s of segments(el)) expect(Math.round(s.start * 1000) / 1000).to.equal(s.start);

    const annotation = el.value as Annotation;
    expect(validateAnnotation(annotation, el.task as AudioTask).errors).to.deep.equal([]);
    expect(await publishedSchemaErrors(annotation, 'annotation.json')).to.deep.equal([]);
    // What was played is reported: about the first two seconds.
    expect((annotation as AudioAnnotation).result.played).to.be.within(0.6, 0.75);
  });

  it('a click on the zoomview seeks without making a segment; read-only work cannot insert', async () => {
    const el = await mount(makeTask(audio), (e) => (e.readonly = true));
    const y = Math.round($(el, '.zoomview').getBoundingClientRect().top + 40);
    const seeked = oneEvent(media(el), 'seeked');
    await sendMouse({ type: 'click', position: [Math.round(xOf(el, 1.5)), y] });
    await seeked;
    expect(media(el).currentTime).to.be.closeTo(1.5, 0.05);
    await sendMouse({ type: 'move', position: [Math.round(xOf(el, 0.5)), y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(xOf(el, 1.0)), y] });
    await sendMouse({ type: 'up' });
    expect(segments(el)).to.deep.equal([]);
  });

  it('moves edges by keyboard within their neighbours, splits at the caret, merges, and undoes each', async () => {
    const el = await mount(
      makeTask(audio, {
        prefill: [
          { id: 'p1', start: 0.5, end: 2.5, text: 'hello world' },
          { id: 'p2', start: 2.6, end: 2.9, text: 'again' },
        ],
      }),
    );
    const start = $(el, '[data-segment="p1"] [data-edge="start"]');
    start.focus();
    await press('ArrowRight', 3);
    expect(segments(el)[0]!.start).to.equal(0.53);
    await press('Shift+ArrowRight');
    expect(segments(el)[0]!.start).to.equal(0.63);
    expect(start.getAttribute('aria-valuetext')).to.equal('00:00.630');
    await press('Home');
    expect(segments(el)[0]!.start).to.equal(0);
    const end = $(el, '[data-segment="p1"] [data-edge="end"]');
    end.focus();
    await press('End'); // up to the next segment, not over it
    expect(segments(el)[0]!.end).to.equal(2.6);
    await press('PageUp');
    expect(segments(el)[0]!.end).to.equal(2.6);
    // Held arrows are one undo step per edge.
    el.undo();
    expect(segments(el)[0]).to.include({ start: 0, end: 2.5 });
    el.undo();
    expect(segments(el)[0]).to.include({ start: 0.5, end: 2.5 });

    // Split at the playhead; typing in the segment, the text splits at the caret.
    await seek(el, 1.5);
    const textarea = $<HTMLTextAreaElement>(el, '[data-segment="p1"] textarea');
    textarea.focus();
    textarea.setSelectionRange(5, 5);
    await press('Alt+KeyS');
    await el.updateComplete;
    expect(segments(el).map(({ id, start, end, text }) => ({ id, start, end, text }))).to.deep.equal([
      { id: 'p1', start: 0.5, end: 1.5, text: 'hello' },
      { id: 's3', start: 1.5, end: 2.5, text: 'world' },
      { id: 'p2', start: 2.6, end: 2.9, text: 'again' },
    ]);
    expect(segments(el)[0]).to.include({ origin: 'prefill', modified: true });
    expect(segments(el)[1]!.origin).to.equal('worker');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[data-segment="s3"] textarea'));

    // Merge the new segment with the next one (Alt+M in its transcript).
    await press('Alt+KeyM');
    expect(segments(el).map(({ id, start, end, text }) => ({ id, start, end, text }))).to.deep.equal([
      { id: 'p1', start: 0.5, end: 1.5, text: 'hello' },
      { id: 's3', start: 1.5, end: 2.9, text: 'world again' },
    ]);
    // The merge button of the first row merges it too.
    $<HTMLButtonElement>(el, '[data-segment="p1"] .merge').click();
    expect(segments(el)).to.have.length(1);
    expect(segments(el)[0]).to.include({ id: 'p1', start: 0.5, end: 2.9, text: 'hello world again', modified: true });
    el.undo();
    el.undo();
    el.undo();
    expect(segments(el).map((s) => s.text)).to.deep.equal(['hello world', 'again']);
    expect(validateAnnotation(el.value!, el.task as AudioTask).errors).to.deep.equal([]);
  });

  it('inserts tags and sets speakers by hotkey while typing; a label hotkey (or digit) on a focused row picks its label', async () => {
    const el = await mount(
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
    const textarea = $<HTMLTextAreaElement>(el, '[data-segment="p1"] textarea');
    textarea.focus();
    await typeText('so 12');
    await press('Alt+Digit2');
    expect(segments(el)[0]!.text).to.equal('so 12 [laughs]');
    await typeText(' ok');
    await press('Alt+Shift+Digit2');
    expect(segments(el)[0]).to.include({ text: 'so 12 [laughs] ok', speaker: 'B' });
    expect(el.shadowRoot!.activeElement).to.equal(textarea);
    // A tag button inserts at the caret of the transcript last typed in, keeping the focus there.
    textarea.setSelectionRange(2, 2);
    textarea.dispatchEvent(new Event('select'));
    $<HTMLButtonElement>(el, '.tags .tag').click();
    expect(segments(el)[0]!.text).to.equal('so [inaudible] 12 [laughs] ok');
    // Digits on the row pick a label.
    await el.updateComplete;
    $(el, '[data-segment="p1"]').focus();
    await press('Digit1');
    expect(segments(el)[0]!.label).to.equal('speech');
    await press('KeyN'); // the task's hotkey for Noise
    expect(segments(el)[0]!.label).to.equal('noise');
    expect($<HTMLSelectElement>(el, '[data-segment="p1"] .label select').value).to.equal('noise');
    // The speaker colour marks the row (and the task's #rgb is expanded for the waveform).
    await el.updateComplete;
    expect(getComputedStyle($(el, '[data-segment="p1"] .label-swatch')).backgroundColor).to.equal('rgb(0, 170, 0)');
    // On the waveform: coloured by speaker, named by speaker and label.
    type PeaksSegment = { color: string; labelText: string };
    const peaks = (el as unknown as { peaks: { instance: { segments: { getSegment(id: string): PeaksSegment } } } })
      .peaks;
    expect(peaks.instance.segments.getSegment('p1')).to.include({ color: '#E69F00', labelText: 'Ben · Noise' });
    // Ben has no colour in the task: the second palette colour.
    expect(getComputedStyle($(el, '[data-segment="p1"] .swatch')).backgroundColor).to.equal('rgb(230, 159, 0)');
  });

  it('loops the current segment until stopped, and plays the next segment into its transcript', async () => {
    const el = await mount(
      makeTask(audio, {
        prefill: [
          { id: 'p1', start: 0.2, end: 0.5, text: '' },
          { id: 'p2', start: 1.0, end: 1.3, text: '' },
        ],
      }),
    );
    const player = media(el);
    $(el, '[data-segment="p1"]').focus();
    await press('Alt+KeyL');
    expect($(el, '.loop').getAttribute('aria-pressed')).to.equal('true');
    await waitUntil(() => player.currentTime > 0.4, 'plays the segment', { timeout: 3000, interval: 5 });
    const wrapped = oneEvent(player, 'seeked');
    await wrapped; // back to the start of the segment
    expect(player.currentTime).to.be.closeTo(0.2, 0.05);
    expect(player.paused).to.equal(false);
    await press('Alt+KeyL');
    expect($(el, '.loop').getAttribute('aria-pressed')).to.equal('false');
    await press('Control+Space');
    await waitUntil(() => player.paused);

    // Alt+↓ plays the next segment and stops at its end; its transcript gets the caret.
    $(el, '[data-segment="p1"]').focus();
    await press('Alt+ArrowDown');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[data-segment="p2"] textarea'));
    await waitUntil(() => $(el, '[data-segment="p2"]').classList.contains('current'), 'follows playback');
    await oneEvent(player, 'pause');
    expect(player.currentTime).to.be.closeTo(1.3, 0.05);
  });

  it('moves the playhead by keyboard on the position slider (1 s, 0.1 s, 10 s, ends)', async () => {
    const el = await mount(makeTask(audio));
    const position = $(el, '.transport [role="slider"]');
    position.focus();
    await press('ArrowRight');
    await waitUntil(() => Math.abs(media(el).currentTime - 1) < 0.001);
    await press('Shift+ArrowRight', 3);
    await waitUntil(() => Math.abs(media(el).currentTime - 1.3) < 0.001);
    await el.updateComplete;
    expect(position.getAttribute('aria-valuenow')).to.equal('1.3');
    expect(position.getAttribute('aria-valuetext')).to.equal('00:01.300 of 00:03.000');
    await press('End');
    await waitUntil(() => media(el).currentTime === 3);
    await press('PageDown');
    await waitUntil(() => media(el).currentTime === 0);
    expect(segments(el)).to.deep.equal([]); // seeking is not an edit
  });

  it('rewinds on resume after a pause (configurable, 0 = off)', async () => {
    const el = await mount(makeTask(audio));
    const player = media(el);
    $(el, '.segments').focus();
    await press('Control+Space');
    await waitUntil(() => player.currentTime >= 1.6, 'plays', { timeout: 5000, interval: 5 });
    await press('Control+Space');
    await waitUntil(() => player.paused);
    const pausedAt = player.currentTime;
    await press('Control+Space');
    await waitUntil(() => !player.paused);
    expect(player.currentTime).to.be.within(pausedAt - 1.05, pausedAt - 0.7);
    await press('Control+Space');
    await waitUntil(() => player.paused);

    el.rewind = 0;
    const at = player.currentTime;
    await press('Control+Space');
    await waitUntil(() => !player.paused);
    expect(player.currentTime).to.be.within(at - 0.01, at + 0.3);
    await press('Control+Space');
  });

  it('requires the whole file played when the task says so; reports prefillWer on submit', async () => {
    const el = await mount(
      makeTask(audio, {
        constraints: { mustPlayFully: true },
        prefill: [{ id: 'p1', start: 0.5, end: 1.5, text: 'the cat sat' }],
      }),
    );
    const textarea = $<HTMLTextAreaElement>(el, '[data-segment="p1"] textarea');
    textarea.focus();
    textarea.setSelectionRange(11, 11);
    await typeText(' down');
    const refused = await el.submit().catch((error: { errors: { path: string }[] }) => error.errors);
    expect((refused as { path: string }[]).map((e) => e.path)).to.deep.equal(['/result/played']);
    expect($(el, '.played').textContent).to.contain('0');
    // The play button gets the focus: the worker sees what to do.
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.play'));

    const player = media(el);
    player.playbackRate = 2;
    const ended = oneEvent(player, 'ended');
    await press('Control+Space');
    await ended;
    await el.updateComplete;
    expect(el.value!.result.played).to.be.at.least(0.999);
    expect($(el, '.played').classList.contains('done')).to.equal(true);
    const annotation = await el.submit();
    expect(annotation.result.prefillWer).to.equal(0.25); // "the cat sat" against "the cat sat down"
    expect(await publishedSchemaErrors(annotation, 'annotation.json')).to.deep.equal([]);
  });

  it('keeps what was heard in the draft: a reload does not make the worker listen again', async () => {
    const task = makeTask(audio, { constraints: { mustPlayFully: true } });
    const first = document.createElement('tagwerk-audio-transcriber');
    first.task = task;
    const ready = oneEvent(first, 'tagwerk-ready');
    await fixture(html`<div style="width: 900px">${first}</div>`); // autosave on (the default)
    await ready;
    const player = media(first);
    player.playbackRate = 2;
    const ended = oneEvent(player, 'ended');
    $(first, '.play').click();
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
    const el = await mount(
      makeTask(audio, {
        tags: ['[laughs]'],
        prefill: [
          { id: 'p1', start: 0.2, end: 0.8, text: 'one' },
          { id: 'p2', start: 1.0, end: 1.6, text: 'two' },
        ],
      }),
    );
    await seek(el, 2.2);
    $(el, '.segments').focus();
    await press('Alt+Enter');
    await press('Alt+KeyL'); // loops the new segment s3
    expect($(el, '.loop').getAttribute('aria-pressed')).to.equal('true');
    await press('Control+Space');
    await waitUntil(() => media(el).paused);
    el.undo();
    await el.updateComplete;
    expect(segments(el).map((s) => s.id)).to.deep.equal(['p1', 'p2']);
    expect($(el, '.loop').getAttribute('aria-pressed')).to.equal('false');

    $<HTMLTextAreaElement>(el, '[data-segment="p1"] textarea').focus();
    await typeText('!');
    $(el, '[data-segment="p2"]').focus();
    await press('Alt+Digit1');
    expect(segments(el).map((s) => s.text)).to.deep.equal(['one!', 'two [laughs]']);
  });

  it('keeps dragged edges 10 ms apart and ignores drags that change nothing; zoom buttons keep the focus', async () => {
    const el = await mount(makeTask(audio, { prefill: [{ id: 'p1', start: 0.5, end: 1.5, text: '' }] }));
    const peaks = (el as unknown as { peaks: { instance: { emit(type: string, event: unknown): void } } }).peaks;
    let changes = 0;
    el.addEventListener('tagwerk-change', () => (changes += 1));
    peaks.instance.emit('segments.dragend', { segment: { id: 'p1', startTime: 0.5, endTime: 1.5 } });
    expect(changes).to.equal(0);
    expect(segments(el)[0]!.modified).to.equal(undefined);
    peaks.instance.emit('segments.dragend', { segment: { id: 'p1', startTime: 0.5, endTime: 0.5 } });
    expect(segments(el)[0]).to.include({ start: 0.5, end: 0.51 });
    expect(validateAnnotation(el.value!, el.task as AudioTask).errors).to.deep.equal([]);

    const zoomOut = $<HTMLButtonElement>(el, '.zoom button');
    zoomOut.focus();
    await press('Enter', 8);
    expect(zoomOut.getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(zoomOut);
  });

  it("survives being moved in the page, and a value's played share does not count for a new worker", async () => {
    const el = await mount(makeTask(audio, { constraints: { mustPlayFully: true } }));
    const other = document.createElement('div');
    document.body.append(other);
    other.append(el); // a framework or a dialog re-parenting the element
    await new Promise((resolve) => requestAnimationFrame(resolve)); // past the deferred teardown
    expect((el as unknown as { peaks: { instance: unknown } }).peaks.instance).to.not.equal(null);
    expect(el.shadowRoot!.querySelectorAll('.zoomview canvas').length).to.be.greaterThan(0);
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
    const el = await mount(
      makeTask(audio, { prefill: [{ id: 'p1', start: 0.52, end: 1.48, text: 'one two tree four' }] }),
      (e) => {
        e.mode = 'training';
        e.reference = reference;
      },
    );
    await el.submit();
    await el.updateComplete;
    const feedback = $(el, '.feedback').textContent.replace(/\s+/g, ' ');
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
    const el = await mount(makeTask(audio, { audio: { url, waveform: audio.waveformUrl } }));
    expect(el.value!.result.duration).to.equal(3);
    expect(media(el).src).to.match(/^blob:/);
    await seek(el, 1.5);
    expect(media(el).currentTime).to.be.closeTo(1.5, 0.01);
    // The waveform is drawn at the width it is shown at: nothing to refit after ready.
    const canvas = $<HTMLCanvasElement>(el, '.zoomview canvas');
    expect(Math.abs(canvas.getBoundingClientRect().width - $(el, '.zoomview').clientWidth)).to.be.below(1);
  });

  it('shows hostile names, labels and tags as text, never as markup', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const el = await mount(
      makeTask(audio, {
        speakers: [{ id: 'A', name: evil }],
        labels: [{ id: 'l', name: `${evil}label` }],
        tags: [`[${evil}]`],
        prefill: [{ id: 'p1', start: 0.5, end: 1.5, speaker: 'A', label: 'l', text: evil }],
      }),
    );
    $<HTMLTextAreaElement>(el, '[data-segment="p1"] textarea').focus();
    $<HTMLButtonElement>(el, '.tags .tag').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('img, script')).to.have.length(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect($(el, '.tags .tag').textContent).to.contain(evil);
    expect($<HTMLSelectElement>(el, '[data-segment="p1"] .speaker select').selectedOptions[0]!.textContent).to.equal(
      evil,
    );
    expect(segments(el)[0]!.text).to.equal(`${evil} [${evil}]`);
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
