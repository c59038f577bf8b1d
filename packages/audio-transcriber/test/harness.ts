/**
 * The test harness of `<tagwerk-audio-transcriber>`: the worker's actions — play, pause, seek,
 * make segments, move their edges, type transcripts, pick speakers, labels and tags — performed
 * with the runner's real mouse and keyboard.
 *
 * Times become positions on the waveform through what the worker sees: a click on the zoomview
 * moves the playhead, and the position slider says where it went. The harness measures the
 * zoomview that way (two clicks, far apart) the first time it needs a position and after each of
 * its zoom steps; measuring moves the playhead (call `seekTo` afterwards when that matters). A
 * zoomview that scrolls (playback past its right edge at a high zoom) is not followed: zoom again
 * to measure again.
 */
import { waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Segment } from '@tagwerk/core';
import { press } from '../../ui/test/keys.js';
import { WidgetHarness, clickAt, dragAlong, text, type PagePoint } from '../../ui/test/widget-fixture.js';
import type { TagwerkAudioTranscriber } from '../src/index.js';

/** A segment edge. */
export type Edge = 'start' | 'end';

/** The zoomview's time scale as measured: page x = `left` + (time − `t0`) × `pxPerSecond`. */
interface Timeline {
  left: number;
  t0: number;
  pxPerSecond: number;
}

export class AudioTranscriberHarness extends WidgetHarness<TagwerkAudioTranscriber> {
  private timeline: Timeline | undefined;

  /** The annotation's segments, as the host reads them. */
  get segments(): Segment[] {
    return this.value?.result.segments ?? [];
  }

  /** The media element (what is heard: its `currentTime`, `paused`, `playbackRate`). */
  get media(): HTMLAudioElement {
    return this.query<HTMLAudioElement>('audio');
  }

  /** The play/pause button. */
  get playButton(): HTMLButtonElement {
    return this.query<HTMLButtonElement>('.transport .play');
  }

  /** The loop button (`aria-pressed` while a segment loops). */
  get loopButton(): HTMLButtonElement {
    return this.query<HTMLButtonElement>('.transport .loop');
  }

  /** The zoom-out and zoom-in buttons. */
  get zoomButtons(): { out: HTMLButtonElement; in: HTMLButtonElement } {
    const [out, zoomIn] = this.queryAll<HTMLButtonElement>('.transport .zoom button');
    return { out: out!, in: zoomIn! };
  }

  /** The position slider. */
  get positionSlider(): HTMLElement {
    return this.query('.transport [role="slider"]');
  }

  /** The zoomview (the detailed waveform). */
  get zoomview(): HTMLElement {
    return this.query('.zoomview');
  }

  /** The playhead as the position slider shows it (seconds, to the millisecond). */
  position(): number {
    return Number(this.positionSlider.getAttribute('aria-valuenow'));
  }

  /** The playhead as it is heard (the media's `currentTime`). */
  currentTime(): number {
    return this.media.currentTime;
  }

  /** A segment's row in the list. */
  row(id: string): HTMLElement {
    return this.query(`[data-segment="${CSS.escape(id)}"]`);
  }

  /** A segment's edge slider. */
  edgeSlider(id: string, edge: Edge): HTMLElement {
    return this.query(`[data-segment="${CSS.escape(id)}"] [data-edge="${edge}"]`);
  }

  /** A segment's transcript field. */
  transcript(id: string): HTMLTextAreaElement {
    return this.query<HTMLTextAreaElement>(`[data-segment="${CSS.escape(id)}"] textarea`);
  }

  /** The share of the audio heard, as shown ("Heard 40%"), when the task requires hearing it all. */
  playedShown(): string {
    return text(this.query('.transport .played'));
  }

  // ---- transport ------------------------------------------------------------------------------

  /** Starts playback: the play button, or Control+Space (with the focus in the widget). */
  async play(by: 'button' | 'keyboard' = 'button'): Promise<void> {
    if (!this.media.paused) return;
    const started = waitUntil(() => !this.media.paused, 'playback started');
    await this.toggle(by);
    await started;
  }

  /** Pauses playback (as `play`); resolves once the media is paused. */
  async pause(by: 'button' | 'keyboard' = 'button'): Promise<void> {
    if (this.media.paused) return;
    await this.toggle(by);
    await waitUntil(() => this.media.paused, 'playback paused');
  }

  /** Resolves once playback has reached `seconds` (the heard position, not a duration). */
  async waitForPlayhead(seconds: number, timeout = 5000): Promise<void> {
    await waitUntil(() => this.media.currentTime >= seconds, `playback reaches ${seconds} s`, {
      timeout,
      interval: 5,
    });
  }

  /**
   * Moves the playhead with the position slider's keys: Home, then arrows (1 s) and Shift+arrows
   * (0.1 s). `seconds` is rounded to the tenth the keys reach.
   */
  async seekTo(seconds: number): Promise<void> {
    const tenths = Math.round(seconds * 10);
    this.positionSlider.focus();
    await press('Home');
    await press('ArrowRight', Math.floor(tenths / 10));
    await press('Shift+ArrowRight', tenths % 10);
    const target = Math.min(tenths / 10, this.media.duration);
    await waitUntil(
      () => Math.abs(this.media.currentTime - target) < 0.001 && !this.media.seeking,
      `seeked to ${target} s`,
    );
    await this.element.updateComplete;
  }

  /** Picks a playback speed in the speed menu (its keyboard). */
  async setSpeed(rate: number): Promise<void> {
    await this.chooseOption(this.query<HTMLSelectElement>('.transport .speed select'), String(rate));
  }

  /** Picks how far playback rewinds on resume, in the rewind menu (its keyboard; 0 = off). */
  async setRewind(seconds: number): Promise<void> {
    await this.chooseOption(this.query<HTMLSelectElement>('.transport .rewind select'), String(seconds));
  }

  /** One zoom step of the waveform (its buttons). */
  async zoom(direction: 'in' | 'out'): Promise<void> {
    await this.click(this.zoomButtons[direction]);
    this.timeline = undefined;
  }

  // ---- the waveform -------------------------------------------------------------------------

  /** The page position of `seconds` in the zoomview (at half its height, or `y` px from its top). */
  async waveformPoint(seconds: number, y?: number): Promise<PagePoint> {
    const timeline = await this.measure();
    const rect = this.zoomview.getBoundingClientRect();
    return [
      Math.round(timeline.left + (seconds - timeline.t0) * timeline.pxPerSecond),
      Math.round(rect.top + (y ?? rect.height / 2)),
    ];
  }

  /** The zoomview's scale: page px per second. */
  async pixelsPerSecond(): Promise<number> {
    return (await this.measure()).pxPerSecond;
  }

  /** A click on the zoomview at `seconds` (it seeks there). */
  async clickWaveform(seconds: number): Promise<void> {
    const at = await this.waveformPoint(seconds, 40);
    await clickAt(at);
    await this.element.updateComplete;
  }

  /** Moves the pointer over the zoomview at `seconds` (a segment there shows its name). */
  async hoverWaveform(seconds: number): Promise<void> {
    await sendMouse({ type: 'move', position: await this.waveformPoint(seconds, 40) });
  }

  /** A drag across the zoomview from `from` to `to` seconds (away from the edge handles): a new segment. */
  async dragOnWaveform(from: number, to: number, steps = 4): Promise<void> {
    const a = await this.waveformPoint(from, 40);
    const b = await this.waveformPoint(to, 40);
    await dragAlong(a, b, { steps });
    await this.element.updateComplete;
  }

  // ---- segments -----------------------------------------------------------------------------

  /** Alt+Enter: a new segment at the playhead (the focus goes to its transcript). */
  async addSegmentAtPlayhead(): Promise<void> {
    if (!this.element.matches(':focus-within')) this.query('.segments').focus();
    await press('Alt+Enter');
    await this.element.updateComplete;
  }

  /**
   * Moves a segment edge to `seconds`: by the real pointer, dragging its handle on the waveform
   * (to the nearest pixel; through `via` seconds first, if given), or by keyboard on its edge
   * slider (Shift+arrows 0.1 s, arrows 10 ms).
   */
  async dragEdge(
    id: string,
    edge: Edge,
    seconds: number,
    by: 'pointer' | 'keyboard' = 'pointer',
    { via }: { via?: number } = {},
  ): Promise<void> {
    const segment = this.segments.find((s) => s.id === id);
    if (!segment) throw new Error(`no segment ${id}`);
    if (by === 'keyboard') {
      this.edgeSlider(id, edge).focus();
      const hundredths = Math.round((seconds - segment[edge]) * 100);
      const arrow = hundredths < 0 ? 'ArrowLeft' : 'ArrowRight';
      await press(`Shift+${arrow}`, Math.floor(Math.abs(hundredths) / 10));
      await press(arrow, Math.abs(hundredths) % 10);
      await this.element.updateComplete;
      return;
    }
    // The handle is drawn at the edge's whole pixel; the drag moves it as far as the pointer goes.
    const from = await this.waveformPoint(segment[edge]);
    const to = await this.waveformPoint(seconds);
    const stops = via === undefined ? [to] : [await this.waveformPoint(via), to];
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    let at = from;
    for (const stop of stops) {
      for (let i = 1; i <= 5; i++)
        await sendMouse({ type: 'move', position: [Math.round(at[0] + ((stop[0] - at[0]) * i) / 5), stop[1]] });
      at = stop;
    }
    await sendMouse({ type: 'up' });
    await this.element.updateComplete;
  }

  /** Clicks a segment's play button (it plays that segment and stops at its end). */
  async playSegment(id: string): Promise<void> {
    await this.click(this.query(`[data-segment="${CSS.escape(id)}"] .play-segment`));
  }

  /** Clicks a segment's merge button (merged with the next one). */
  async merge(id: string): Promise<void> {
    await this.click(this.query(`[data-segment="${CSS.escape(id)}"] .merge`));
  }

  /** Clicks a segment's delete button. */
  async deleteSegment(id: string): Promise<void> {
    await this.click(this.query(`[data-segment="${CSS.escape(id)}"] .delete`));
  }

  /** Puts the caret in a segment's transcript (by click, then keys): at `offset` characters, or at the end. */
  async placeCaret(id: string, offset?: number): Promise<void> {
    const field = this.transcript(id);
    await this.click(field);
    await press('Control+End');
    if (offset !== undefined) {
      await press('Control+Home');
      await press('ArrowRight', offset);
    }
  }

  /** Types into a segment's transcript (at its end, or at `offset`); without `id`, where the focus is. */
  async typeTranscript(text: string, id?: string, offset?: number): Promise<void> {
    if (id !== undefined) await this.placeCaret(id, offset);
    await sendKeys({ type: text });
    await this.element.updateComplete;
  }

  /** Picks a segment's speaker by name in its menu (`undefined`: no speaker). */
  async setSpeaker(id: string, name: string | undefined): Promise<void> {
    const select = this.query<HTMLSelectElement>(`[data-segment="${CSS.escape(id)}"] .speaker select`);
    await this.chooseOption(select, optionValue(select, name));
  }

  /** Picks a segment's label by name in its menu (`undefined`: no label). */
  async setLabel(id: string, name: string | undefined): Promise<void> {
    const select = this.query<HTMLSelectElement>(`[data-segment="${CSS.escape(id)}"] .label select`);
    await this.chooseOption(select, optionValue(select, name));
  }

  /** Inserts tag number `index` (0-based): its button (the focus stays in the transcript), or Alt+digit. */
  async insertTag(index: number, by: 'button' | 'keyboard' = 'button'): Promise<void> {
    if (by === 'keyboard') await press(`Alt+Digit${index + 1}`);
    else await this.click(this.queryAll('.tags .tag')[index]!);
    await this.element.updateComplete;
  }

  // ---- internals of the harness -------------------------------------------------------------

  private async toggle(by: 'button' | 'keyboard'): Promise<void> {
    if (by === 'button') {
      await this.click(this.playButton);
      return;
    }
    if (!this.element.matches(':focus-within')) throw new Error('play by keyboard: the focus is outside the widget');
    await press('Control+Space');
  }

  /** A closed menu's option chosen from the keyboard: focus it, arrow to the option (each arrow commits). */
  private async chooseOption(select: HTMLSelectElement, value: string): Promise<void> {
    const target = [...select.options].findIndex((o) => o.value === value);
    if (target < 0) throw new Error(`no option ${value}`);
    select.focus();
    const steps = target - select.selectedIndex;
    await press(steps < 0 ? 'ArrowUp' : 'ArrowDown', Math.abs(steps));
    await waitUntil(() => select.value === value, `option ${value} chosen`);
    await this.element.updateComplete;
  }

  /** Measures the zoomview's scale with two clicks (see the file comment); cached until a zoom step. */
  private async measure(): Promise<Timeline> {
    if (this.timeline) return this.timeline;
    const rect = this.zoomview.getBoundingClientRect();
    const y = Math.round(rect.top + 40);
    // Read the slider, not the media: in an editable widget a click on a segment's body moves the
    // slider but not playback (the media stays where it was).
    const seekAt = async (x: number): Promise<number> => {
      await clickAt([x, y]);
      await this.element.updateComplete;
      return this.position();
    };
    const x1 = Math.round(rect.left + 4);
    const x2 = Math.round(rect.left + Math.min(rect.width - 4, 200));
    const t1 = await seekAt(x1);
    const t2 = await seekAt(x2);
    if (!(t2 > t1)) throw new Error(`could not measure the zoomview (${t1} s at ${x1}, ${t2} s at ${x2})`);
    await sendMouse({ type: 'move', position: [x2, Math.round(rect.bottom + 30)] });
    const pxPerSecond = (x2 - x1) / (t2 - t1);
    this.timeline = { left: x1, t0: t1, pxPerSecond };
    return this.timeline;
  }
}

/** The value of the option shown as `name` (`undefined`: the empty "none" option). */
function optionValue(select: HTMLSelectElement, name: string | undefined): string {
  if (name === undefined) return '';
  const option = [...select.options].find((o) => text(o) === name);
  if (!option) throw new Error(`no option named ${name}`);
  return option.value;
}
