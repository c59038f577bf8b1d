import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AudioResult, Segment, TaskOf } from '@tagwerk/core';
import {
  MediaError,
  QUESTION_ACTIONS,
  TagwerkWidget,
  handleQuestionAction,
  questionStyles,
  renderQuestion,
  syncRadioFocus,
  type WidgetAction,
} from '@tagwerk/core/ui';
import { styles } from './audio-transcriber.styles.js';
import { MediaFailure, PeaksController, type WaveSegmentStyle } from './peaks-controller.js';
import { WIDGET_ID } from './version.js';

/** Without a precomputed waveform, longer audio is refused rather than decoded in the browser. */
const MAX_DECODE_SECONDS = 20 * 60;
/** Length of a segment created at the playhead. */
const NEW_SEGMENT_SECONDS = 2;
/** How far the skip buttons and keys move the playhead. */
const SKIP_SECONDS = 5;
const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];

const ms = (t: number): number => Math.round(t * 1000) / 1000;

/** `mm:ss.mmm` (hours are folded into the minutes: the list stays aligned). */
export function formatTime(seconds: number): string {
  const total = Math.max(0, Math.round(seconds * 1000));
  const minutes = Math.floor(total / 60000);
  const secs = Math.floor((total % 60000) / 1000);
  const millis = total % 1000;
  return `${String(minutes).padStart(2, '0')}:${String(secs).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
}

const byStart = (a: Segment, b: Segment): number => a.start - b.start || a.end - b.end;

/**
 * Waveform segments with text, speakers and tags, plus file-level questions.
 *
 * @summary The audio microtask widget.
 *
 * @event tagwerk-ready - Task parsed and audio loaded; `detail: { taskId }`.
 * @event tagwerk-change - After each user edit; `detail: { annotation, valid, errors }`.
 * @event tagwerk-submit - `submit()` succeeded; `detail: { annotation }`.
 * @event tagwerk-invalid - `submit()` refused; `detail: { errors }`.
 * @event tagwerk-error - Bad task, audio failed to load or decode, storage failure; `detail: { code, message }`.
 *
 * @csspart transport - The play/pause, skip, speed and time bar.
 * @csspart zoomview - The detailed waveform.
 * @csspart overview - The whole-recording waveform.
 * @csspart segments - The list of segments.
 */
export class TagwerkAudioTranscriber extends TagwerkWidget<'audio'> {
  static override styles = [...TagwerkWidget.styles, questionStyles, styles];

  static override properties = {
    ...TagwerkWidget.properties,
    playing: { state: true },
    currentTime: { state: true },
    rate: { state: true },
    announcement: { state: true },
  };

  protected readonly kind = 'audio' as const;
  protected readonly widgetId = WIDGET_ID;

  declare private playing: boolean;
  declare private currentTime: number;
  declare private rate: number;
  declare private announcement: string;

  private duration = 0;
  private audioEl: HTMLAudioElement | undefined;
  /** Holds the zoomview and overview; created in prepare() so the waveform is drawn before ready. */
  private waveEl: HTMLDivElement | undefined;
  private zoomviewEl: HTMLDivElement | undefined;
  private overviewEl: HTMLDivElement | undefined;
  private resizeObserver: ResizeObserver | undefined;

  private readonly peaks = new PeaksController(this, {
    onSegmentChange: (id, start, end) => this.moveSegment(id, start, end),
    onTimeUpdate: (time) => {
      this.currentTime = time;
    },
    onSeek: (time) => {
      this.currentTime = time;
    },
  });

  constructor() {
    super();
    this.playing = false;
    this.currentTime = 0;
    this.rate = 1;
    this.announcement = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.audioEl?.pause();
    this.resizeObserver?.disconnect();
  }

  // ---------------------------------------------------------------------------------------
  // Loading

  protected override async prepare(task: TaskOf<'audio'>, signal: AbortSignal): Promise<void> {
    this.peaks.dispose();
    this.resizeObserver?.disconnect();
    const audio = document.createElement('audio');
    audio.addEventListener('play', () => (this.playing = true));
    audio.addEventListener('pause', () => (this.playing = false));
    audio.addEventListener('ended', () => (this.playing = false));
    audio.addEventListener('seeked', () => (this.currentTime = audio.currentTime));
    const wave = document.createElement('div');
    wave.className = 'wave';
    const zoomview = document.createElement('div');
    zoomview.className = 'zoomview';
    zoomview.setAttribute('part', 'zoomview');
    zoomview.setAttribute('role', 'img');
    zoomview.setAttribute('aria-label', this.t('audio.waveform'));
    const overview = document.createElement('div');
    overview.className = 'overview';
    overview.setAttribute('part', 'overview');
    overview.setAttribute('role', 'img');
    overview.setAttribute('aria-label', this.t('audio.overview'));
    wave.append(zoomview, overview, audio);
    // konva sizes its stage from the container at init: it must be laid out, so the containers
    // wait in a hidden holder in the shadow root until the surface renders them in place.
    const holder = document.createElement('div');
    holder.className = 'wave-holder';
    holder.setAttribute('aria-hidden', 'true');
    holder.style.cssText = 'position:absolute;inset-inline-start:-100000px;inline-size:100%;visibility:hidden';
    holder.append(wave);
    this.renderRoot.append(holder);
    this.audioEl = audio;
    this.waveEl = wave;
    this.zoomviewEl = zoomview;
    this.overviewEl = overview;
    this.peaks.attach({ zoomview, overview, audio });
    try {
      await this.peaks.load({
        url: task.audio.url,
        ...(task.audio.waveform ? { waveformUrl: task.audio.waveform } : {}),
        maxDecodeSeconds: MAX_DECODE_SECONDS,
      });
    } catch (error) {
      holder.remove();
      if (signal.aborted) return;
      const code = error instanceof MediaFailure ? error.code : 'media-load-failed';
      const message =
        code === 'media-load-failed'
          ? this.t('audio.error.load', { url: task.audio.url })
          : this.t('audio.error.decode');
      const detail = error instanceof Error ? ` (${error.message})` : '';
      throw new MediaError(code, `${message}${detail}`, '/audio/url');
    }
    holder.remove();
    this.duration = this.peaks.duration;
    this.currentTime = 0;
    this.playing = false;
    this.rate = 1;
  }

  protected emptyResult(task: TaskOf<'audio'>): AudioResult {
    const duration =
      Number.isFinite(this.duration) && this.duration > 0 ? ms(this.duration) : (task.audio.duration ?? 1);
    const segments = (task.prefill ?? []).map((s) => ({ ...s, origin: 'prefill' as const })).sort(byStart);
    return { duration, segments, answers: {} };
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    const result = this.result;
    if (!result) return;
    this.peaks.setSegments(
      result.segments.map((s) => ({
        id: s.id,
        start: s.start,
        end: s.end,
        ...(s.speaker ? { speaker: s.speaker } : {}),
        editable: this.editable,
      })),
      this.speakerStyles(),
    );
    if (this.zoomviewEl?.isConnected && !this.resizeObserver) {
      // The stage was built in the hidden holder; follow the surface's real width from now on.
      this.resizeObserver = new ResizeObserver(() => {
        const views = this.peaks.instance?.views;
        views?.getView('zoomview')?.fitToContainer();
        views?.getView('overview')?.fitToContainer();
      });
      this.resizeObserver.observe(this.waveEl!);
    }
  }

  private speakerStyles(): Map<string, WaveSegmentStyle> {
    const styles = new Map<string, WaveSegmentStyle>();
    for (const speaker of this.parsedTask?.speakers ?? []) {
      if (speaker.color)
        styles.set(speaker.id, { color: `${speaker.color}66`.slice(0, 9), borderColor: speaker.color });
    }
    return styles;
  }

  // ---------------------------------------------------------------------------------------
  // Editing

  private setSegments(segments: Segment[], options: { coalesceKey?: string } = {}): boolean {
    return this.commit({ ...this.result!, segments: [...segments].sort(byStart) }, options);
  }

  private updateSegment(id: string, changes: Partial<Segment>, coalesceKey?: string): void {
    const segments = this.result!.segments.map((s) => {
      if (s.id !== id) return s;
      const next: Segment = { ...s, ...changes, ...(s.origin === 'prefill' ? { modified: true } : {}) };
      // "No speaker" removes the key: the envelope never carries undefined values.
      if (next.speaker === undefined) delete next.speaker;
      return next;
    });
    this.setSegments(segments, coalesceKey ? { coalesceKey } : {});
  }

  private moveSegment(id: string, start: number, end: number): void {
    if (!this.result?.segments.some((s) => s.id === id)) return;
    if (!this.editable) {
      this.requestUpdate(); // puts the waveform back where the result says
      return;
    }
    this.updateSegment(id, { start: ms(start), end: ms(Math.min(end, this.result.duration)) });
  }

  /** Adds a segment at the playhead; returns false (and says why) when there is no room. */
  private addSegmentAtPlayhead(): boolean {
    const result = this.result!;
    const duration = result.duration;
    const allowOverlap = this.parsedTask?.constraints?.allowOverlap ?? false;
    let start = ms(Math.min(this.audioEl?.currentTime ?? this.currentTime, duration));
    let end = ms(Math.min(start + NEW_SEGMENT_SECONDS, duration));
    if (end <= start) {
      // At the very end: take the last seconds instead.
      start = ms(Math.max(0, duration - NEW_SEGMENT_SECONDS));
      end = duration;
    }
    if (!allowOverlap) {
      const inside = result.segments.find((s) => s.start <= start && start < s.end);
      if (inside) {
        this.announce(this.t('audio.segment.noRoom'));
        return false;
      }
      const next = result.segments.find((s) => s.start > start);
      if (next) end = Math.min(end, next.start);
      if (end - start < 0.001) {
        this.announce(this.t('audio.segment.noRoom'));
        return false;
      }
    }
    const id = this.nextSegmentId();
    const segment: Segment = { id, start, end, text: '', origin: 'worker' };
    if (!this.setSegments([...result.segments, segment])) return false;
    this.announce(this.t('audio.segment.added', { start: formatTime(start), end: formatTime(end) }));
    void this.updateComplete.then(() => this.textareaOf(id)?.focus());
    return true;
  }

  private nextSegmentId(): string {
    const taken = new Set(this.result!.segments.map((s) => s.id));
    let n = this.result!.segments.length + 1;
    while (taken.has(`s${n}`)) n += 1;
    return `s${n}`;
  }

  private deleteSegment(id: string): void {
    const segments = this.result!.segments;
    const index = segments.findIndex((s) => s.id === id);
    if (index < 0 || !this.setSegments(segments.filter((s) => s.id !== id))) return;
    this.announce(this.t('audio.segment.deleted'));
    const neighbour = segments[index + 1] ?? segments[index - 1];
    void this.updateComplete.then(() =>
      (neighbour ? this.rowOf(neighbour.id) : this.renderRoot.querySelector<HTMLElement>('.segments'))?.focus(),
    );
  }

  private rowOf(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-segment="${CSS.escape(id)}"]`);
  }

  private textareaOf(id: string): HTMLTextAreaElement | null {
    return this.rowOf(id)?.querySelector('textarea') ?? null;
  }

  private announce(message: string): void {
    // Re-announce identical messages: a live region only speaks when its text changes.
    this.announcement = this.announcement === message ? `${message}\u00a0` : message;
  }

  // ---------------------------------------------------------------------------------------
  // Playback

  private togglePlay = (): void => {
    const audio = this.audioEl;
    if (!audio) return;
    if (audio.paused) {
      this.peaks.play().catch((error: unknown) => this.announce(String((error as Error).message ?? error)));
    } else {
      this.peaks.pause();
    }
  };

  private skip(seconds: number): void {
    const audio = this.audioEl;
    if (!audio) return;
    this.peaks.seek(audio.currentTime + seconds);
    this.currentTime = audio.currentTime;
  }

  private handleRate = (event: Event): void => {
    this.rate = Number((event.target as HTMLSelectElement).value);
    this.peaks.setRate(this.rate);
  };

  private playSegment(segment: Segment): void {
    this.peaks.seek(segment.start);
    this.currentTime = segment.start;
  }

  // ---------------------------------------------------------------------------------------
  // Keyboard

  protected override get actions(): WidgetAction[] {
    return [
      {
        id: 'audio:playPause',
        label: 'audio.action.playPause',
        keys: ['Control+Space', 'Alt+KeyK'],
        allowInInputs: true,
      },
      { id: 'audio:back', label: 'audio.action.back', keys: ['Alt+ArrowLeft'], allowInInputs: true, allowRepeat: true },
      {
        id: 'audio:forward',
        label: 'audio.action.forward',
        keys: ['Alt+ArrowRight'],
        allowInInputs: true,
        allowRepeat: true,
      },
      { id: 'audio:newSegment', label: 'audio.action.newSegment', keys: ['Alt+Enter'], allowInInputs: true },
      { id: 'audio:deleteSegment', label: 'audio.action.deleteSegment', keys: ['Delete'] },
      ...QUESTION_ACTIONS,
    ];
  }

  protected override handleAction(id: string, event: KeyboardEvent): boolean {
    const task = this.parsedTask!;
    switch (id) {
      case 'audio:playPause':
        this.togglePlay();
        return true;
      case 'audio:back':
        this.skip(-SKIP_SECONDS);
        return true;
      case 'audio:forward':
        this.skip(SKIP_SECONDS);
        return true;
      case 'audio:newSegment':
        if (!this.editable) return false;
        this.addSegmentAtPlayhead();
        return true;
      case 'audio:deleteSegment': {
        // Only on the focused row itself: Delete inside the textarea or a select edits text.
        const row = event.composedPath()[0];
        if (!(row instanceof HTMLElement) || !row.dataset['segment'] || !this.editable) return false;
        this.deleteSegment(row.dataset['segment']);
        return true;
      }
      default: {
        const handled = handleQuestionAction(id, task.questions ?? [], this.questionHost(), this.shadowRoot!);
        if (handled) void this.updateComplete.then(() => syncRadioFocus(this.shadowRoot!));
        return handled;
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  protected renderSurface(task: TaskOf<'audio'>, result: AudioResult): TemplateResult {
    return html`
      <div class="transcriber">
        ${this.renderTransport(result)} ${this.waveEl} ${this.renderSegments(task, result)}
        ${
          task.questions?.length
            ? html`<section class="questions" aria-label=${this.t('audio.questions')}>
                ${task.questions.map((q) => renderQuestion(q, this.questionHost()))}
              </section>`
            : nothing
        }
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  private renderTransport(result: AudioResult): TemplateResult {
    const playLabel = this.playing ? this.t('audio.pause') : this.t('audio.play');
    return html`
      <div part="transport" class="transport" role="group" aria-label=${this.t('audio.transport')}>
        <button
          type="button"
          class="icon-button play"
          @click=${this.togglePlay}
          aria-label=${playLabel}
          title=${playLabel}
          aria-keyshortcuts="Control+Space Alt+K"
        >
          <span aria-hidden="true">${this.playing ? '\u23F8' : '\u25B6'}</span>
        </button>
        <button
          type="button"
          class="icon-button"
          @click=${() => this.skip(-SKIP_SECONDS)}
          aria-label=${this.t('audio.back')}
          title=${this.t('audio.back')}
          aria-keyshortcuts="Alt+ArrowLeft"
        >
          <span aria-hidden="true">&#x21BA;5</span>
        </button>
        <button
          type="button"
          class="icon-button"
          @click=${() => this.skip(SKIP_SECONDS)}
          aria-label=${this.t('audio.forward')}
          title=${this.t('audio.forward')}
          aria-keyshortcuts="Alt+ArrowRight"
        >
          <span aria-hidden="true">5&#x21BB;</span>
        </button>
        <label class="speed">
          ${this.t('audio.speed')}
          <select @change=${this.handleRate}>
            ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.rate}>${s}&times;</option>`)}
          </select>
        </label>
        <span class="time"
          >${this.t('audio.time', { current: formatTime(this.currentTime), duration: formatTime(result.duration) })}</span
        >
      </div>
    `;
  }

  private renderSegments(task: TaskOf<'audio'>, result: AudioResult): TemplateResult {
    const speakers = task.speakers ?? [];
    return html`
      <section part="segments" class="segments" tabindex="-1" aria-label=${this.t('audio.segments')}>
        <h3>${this.t('audio.segments')}</h3>
        ${result.segments.length === 0 ? html`<p class="status">${this.t('audio.segments.empty')}</p>` : nothing}
        <ol>
          ${result.segments.map((segment, index) => {
            const times = this.t('audio.segment', {
              index: index + 1,
              start: formatTime(segment.start),
              end: formatTime(segment.end),
            });
            return html`<li class="segment" data-segment=${segment.id} tabindex="0" aria-label=${times}>
              <button
                type="button"
                class="time link"
                @click=${() => this.playSegment(segment)}
                title=${this.t('audio.segment.play')}
              >
                ${formatTime(segment.start)}–${formatTime(segment.end)}
              </button>
              ${
                speakers.length
                  ? html`<label class="speaker">
                      <span class="visually-hidden">${this.t('audio.segment.speaker')}</span>
                      <select
                        ?disabled=${!this.editable}
                        .value=${live(segment.speaker ?? '')}
                        @change=${(e: Event) => {
                          const value = (e.target as HTMLSelectElement).value;
                          this.updateSegment(segment.id, { speaker: value || undefined });
                        }}
                      >
                        <option value="" ?selected=${!segment.speaker}>${this.t('audio.segment.noSpeaker')}</option>
                        ${speakers.map((s) => html`<option value=${s.id} ?selected=${s.id === segment.speaker}>${s.name}</option>`)}
                      </select>
                    </label>`
                  : nothing
              }
              <label class="text">
                <span class="visually-hidden">${this.t('audio.segment.text')} ${times}</span>
                <textarea
                  rows="2"
                  ?readonly=${!this.editable}
                  .value=${live(segment.text)}
                  @input=${(e: Event) =>
                    this.updateSegment(
                      segment.id,
                      { text: (e.target as HTMLTextAreaElement).value },
                      `text:${segment.id}`,
                    )}
                ></textarea>
              </label>
              <button
                type="button"
                class="icon-button delete"
                ?disabled=${!this.editable}
                @click=${() => this.deleteSegment(segment.id)}
                aria-label=${this.t('audio.segment.delete')}
                title=${this.t('audio.segment.delete')}
              >
                <span aria-hidden="true">&#x2715;</span>
              </button>
            </li>`;
          })}
        </ol>
      </section>
    `;
  }
}
