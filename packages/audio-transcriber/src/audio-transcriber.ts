import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  assignColors,
  cer,
  expandHexColor,
  formatShortcut,
  hotkeyBinding,
  isHexColor,
  matchSegments,
  wer,
  type AudioResult,
  type Segment,
  type TaskOf,
  type ValidationError,
} from '@tagwerk/core';
import {
  LabelColorsController,
  MediaError,
  TagwerkWidget,
  currentPlatform,
  questionStyles,
  renderQuestion,
  type FeedbackItem,
  type WidgetAction,
} from '@tagwerk/ui';
import { audioMessages, type AudioMessageKey } from './i18n/messages.js';
import { styles } from './audio-transcriber.styles.js';
import { MediaFailure, PeaksController, type WaveSegmentStyle } from './peaks-controller.js';
import { PlayedRanges } from './played-ranges.js';
import {
  MIN_SEGMENT_SECONDS,
  byStart,
  edgeLimits,
  formatTime,
  insertTag,
  mergeSegments,
  ms,
  nextSegmentId,
  segmentAt,
  splitSegment,
  transcriptOf,
} from './segments.js';
import { WIDGET_ID } from './version.js';

export { formatTime } from './segments.js';

/** Without a precomputed waveform, longer audio is refused rather than decoded in the browser. */
export const MAX_DECODE_SECONDS = 20 * 60;
/** Length of a segment created at the playhead (within the task's min/max). */
const NEW_SEGMENT_SECONDS = 2;
/** How far the skip buttons and keys move the playhead. */
const SKIP_SECONDS = 5;
const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];
const REWINDS = [0, 0.5, 1, 2, 3];
/** The on-screen clock follows playback this often (the playhead itself is drawn by peaks). */
const CLOCK_MS = 100;
/** The waveform outside segments, and segments without a speaker (reads on light and dark). */
const NEUTRAL_WAVE = '#8c95a6';
const UNASSIGNED_SEGMENT = '#5f6b85';

type Edge = 'start' | 'end';

/**
 * The modifier of the shortcuts meant for typing: Alt, but on Apple keyboards Control+Option —
 * Option alone types characters there (Option+L is @ on a German Mac), Control+Option types none.
 */
export const typingModifier = (): string => (currentPlatform() === 'mac' ? 'Control+Alt+' : 'Alt+');

/** Two arrows chasing each other (the repeat glyph is missing from many system fonts). */
const loopIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M4 13V11a5 5 0 0 1 5-5h10M16 3l3 3-3 3M20 11v2a5 5 0 0 1-5 5H5M8 21l-3-3 3-3" />
</svg>`;

/**
 * Where a key moves a time slider (the ARIA slider keys): arrows by `arrow` (`shiftArrow` with
 * Shift), Page Up/Down by `page`, Home/End to the ends. Undefined for other keys and for keys
 * with Ctrl, Alt or ⌘ (those are the widget's shortcuts).
 */
function sliderTarget(
  event: KeyboardEvent,
  value: number,
  range: { arrow: number; shiftArrow: number; page: number; min: number; max: number },
): number | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const arrow = event.shiftKey ? range.shiftArrow : range.arrow;
  switch (event.key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return value - arrow;
    case 'ArrowRight':
    case 'ArrowUp':
      return value + arrow;
    case 'PageDown':
      return value - range.page;
    case 'PageUp':
      return value + range.page;
    case 'Home':
      return range.min;
    case 'End':
      return range.max;
    default:
      return undefined;
  }
}

/**
 * Waveform segments with transcripts, speakers, labels and tags, plus file-level questions.
 *
 * @summary The audio microtask widget.
 *
 * @attr rewind - Seconds played again when playback resumes after a pause (0 = off). Default 1.
 *
 * @event tagwerk-ready - Task parsed and audio loaded; `detail: { taskId }`.
 * @event tagwerk-change - After each user edit; `detail: { annotation, valid, errors }`.
 * @event tagwerk-submit - `submit()` succeeded; `detail: { annotation }`.
 * @event tagwerk-invalid - `submit()` refused; `detail: { errors }`.
 * @event tagwerk-error - Bad task, audio failed to load or decode, storage failure; `detail: { code, message }`.
 *
 * @csspart transport - The play/pause, skip, speed, zoom and time bar.
 * @csspart zoomview - The detailed waveform.
 * @csspart overview - The whole-recording waveform.
 * @csspart tags - The tag buttons.
 * @csspart segments - The list of segments.
 */
export class TagwerkAudioTranscriber extends TagwerkWidget<'audio', AudioMessageKey> {
  static override messages = audioMessages;
  static override styles = [...TagwerkWidget.styles, questionStyles, styles];

  static override properties = {
    ...TagwerkWidget.properties,
    rewind: { type: Number, reflect: true },
    playing: { state: true },
    currentTime: { state: true },
    rate: { state: true },
    loopId: { state: true },
    playingId: { state: true },
    zoomLevel: { state: true },
    playedShare: { state: true },
  };

  /** Seconds played again when playback resumes after a pause (0 = off). */
  declare rewind: number;

  protected readonly kind = 'audio' as const;
  protected readonly widgetId = WIDGET_ID;

  declare private playing: boolean;
  declare private currentTime: number;
  declare private rate: number;
  /** The segment being looped. */
  declare private loopId: string | undefined;
  /** The segment under the playhead (highlighted in the list). */
  declare private playingId: string | undefined;
  declare private zoomLevel: number;
  declare private playedShare: number;

  private duration = 0;
  private audioEl: HTMLAudioElement | undefined;
  /** Holds the zoomview and overview; created in prepare() so the waveform is drawn before ready. */
  private waveEl: HTMLDivElement | undefined;
  private zoomviewEl: HTMLDivElement | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private played = new PlayedRanges();
  private frame = 0;
  private clockAt = 0;
  /** Where playback was paused (for the rewind on resume); cleared by any seek. */
  private pausedAt: number | undefined;
  /** Play `id` until its end (stop there, or loop). */
  private bound: { id: string; loop: boolean } | undefined;
  /** The transcript last typed in, and its selection, for tags inserted from the buttons. */
  private lastText: { id: string; start: number; end: number } | undefined;
  /** What {@link colors} worked out, and for which task. */
  private colorsOf:
    { task: TaskOf<'audio'> | undefined; speakers: Map<string, string>; labels: Map<string, string> } | undefined;

  private readonly peaks = new PeaksController(this, {
    onSegmentChange: (id, start, end) => this.moveSegment(id, start, end),
    onSegmentInsert: (start, end) => this.insertSegment(start, end),
    // Also while the tab is hidden, when animation frames stop.
    onTimeUpdate: (time) => {
      if (!this.playing) this.currentTime = time;
      else if (this.advance(time)) this.updatePlayed(false);
    },
    onSeek: (time) => {
      this.currentTime = time;
      this.followTime(time);
    },
    onZoom: (level) => {
      this.zoomLevel = level;
    },
  });
  /** Row colours by speaker and by label, as stylesheet rules (a strict CSP refuses style attributes). */
  private readonly speakerColors = new LabelColorsController(this, {
    attribute: 'data-speaker-color',
    property: '--_speaker',
  });
  private readonly labelColors = new LabelColorsController(this, {
    attribute: 'data-label-color',
    property: '--_label',
  });

  constructor() {
    super();
    this.rewind = 1;
    this.playing = false;
    this.currentTime = 0;
    this.rate = 1;
    this.loopId = undefined;
    this.playingId = undefined;
    this.zoomLevel = 0;
    this.playedShare = 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.audioEl?.pause();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    cancelAnimationFrame(this.frame);
  }

  // ---------------------------------------------------------------------------------------
  // Loading

  protected override async prepare(task: TaskOf<'audio'>, signal: AbortSignal): Promise<void> {
    this.peaks.dispose();
    this.mirrored = { segments: undefined, editable: false };
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    cancelAnimationFrame(this.frame);
    const audio = document.createElement('audio');
    audio.addEventListener('play', this.handlePlay);
    audio.addEventListener('pause', this.handlePause);
    audio.addEventListener('seeking', this.handleSeeking);
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
    // wait in a hidden holder until the surface renders them in place. The holder spans the
    // card's content box (the loading state is rendered first): the waveform is drawn once, at
    // the width it will have, not redrawn by a resize right after ready.
    const holder = document.createElement('div');
    holder.className = 'wave-holder';
    holder.setAttribute('aria-hidden', 'true');
    holder.append(wave);
    // A newer task (or none) supersedes this load: free its peaks even if no prepare() follows.
    signal.addEventListener('abort', () => this.peaks.dispose(), { once: true });
    await this.updateComplete;
    if (signal.aborted) return;
    (this.renderRoot.querySelector('[part="base"]') ?? this.renderRoot).append(holder);
    this.audioEl = audio;
    this.waveEl = wave;
    this.zoomviewEl = zoomview;
    this.peaks.attach({ zoomview, overview, audio });
    this.peaks.setOverlapAllowed(task.constraints?.allowOverlap ?? false);
    try {
      await this.peaks.load({
        url: task.audio.url,
        ...(task.audio.waveform ? { waveformUrl: task.audio.waveform } : {}),
        maxDecodeSeconds: MAX_DECODE_SECONDS,
        colors: this.waveColors(zoomview),
      });
    } catch (error) {
      if (signal.aborted) return;
      throw this.mediaError(task, error);
    } finally {
      holder.remove();
    }
    this.duration = this.peaks.duration;
    // Without audio.duration in the task, a pre-fill past the end is only known now.
    const beyond = (task.prefill ?? []).findIndex((s) => s.end > ms(this.duration) + 0.0005);
    if (beyond >= 0) {
      const segment = task.prefill![beyond]!;
      this.peaks.dispose();
      throw new MediaError(
        'task-invalid',
        this.t('audio.error.prefillBeyond', {
          index: beyond + 1,
          end: formatTime(segment.end),
          duration: formatTime(this.duration),
        }),
        `/prefill/${beyond}/end`,
      );
    }
    this.currentTime = 0;
    this.playing = false;
    this.rate = 1;
    this.loopId = undefined;
    this.playingId = undefined;
    this.bound = undefined;
    this.pausedAt = undefined;
    this.lastText = undefined;
    this.played = new PlayedRanges();
    this.playedShare = 0;
    this.zoomLevel = this.peaks.zoom.level;
  }

  /**
   * konva paints with resolved colours only: the text colour of the theme (for the playhead and
   * axis) read from the laid-out container, and a neutral grey that reads on light and dark.
   */
  private waveColors(container: HTMLElement): { waveform: string; ink: string } {
    const ink = getComputedStyle(container).color || '#1b1d22';
    return { waveform: NEUTRAL_WAVE, ink };
  }

  /** A load failure in the worker's language, pointing at the task field to fix. */
  private mediaError(task: TaskOf<'audio'>, error: unknown): MediaError {
    const failure = error instanceof MediaFailure ? error : undefined;
    const code = failure?.code ?? 'media-load-failed';
    const reason = failure?.reason;
    const minutes = (seconds: number): string => (seconds / 60).toFixed(seconds < 600 ? 1 : 0);
    switch (reason?.kind) {
      case 'too-long':
        return new MediaError(
          code,
          this.t('audio.error.tooLong', { minutes: minutes(reason.seconds), limit: minutes(reason.limit) }),
          '/audio/waveform',
        );
      case 'waveform-mismatch':
        return new MediaError(
          code,
          this.t('audio.error.waveformMismatch', {
            waveform: formatTime(reason.waveform),
            audio: formatTime(reason.audio),
          }),
          '/audio/waveform',
        );
      case 'waveform-invalid':
        return new MediaError(code, this.t('audio.error.waveformInvalid'), '/audio/waveform');
      case 'waveform-unavailable':
        return new MediaError(
          code,
          this.t('audio.error.waveformLoad', { url: task.audio.waveform ?? '', status: reason.status ?? 0 }),
          '/audio/waveform',
        );
      case 'empty':
        return new MediaError(code, this.t('audio.error.empty'), '/audio/url');
      default: {
        // The browser's own wording (FFmpeg demuxer codes, English) is not for the worker.
        const message =
          code === 'media-load-failed'
            ? this.t('audio.error.load', { url: task.audio.url })
            : this.t('audio.error.decode');
        return new MediaError(code, message, '/audio/url');
      }
    }
  }

  protected emptyResult(task: TaskOf<'audio'>): AudioResult {
    const duration =
      Number.isFinite(this.duration) && this.duration > 0 ? ms(this.duration) : (task.audio.duration ?? 1);
    const segments = (task.prefill ?? []).map((s) => ({ ...s, origin: 'prefill' as const })).sort(byStart);
    return { duration, segments, answers: {} };
  }

  /** Adds what was heard and, on submit, how much the pre-filled transcript was corrected. */
  protected override finishResult(result: AudioResult, submitting: boolean): AudioResult {
    // What this worker heard (and their draft); a value's `played` is another session's, kept
    // only for review, where the reviewer's listening is not the worker's.
    const heard = this.played.share(result.duration);
    const played = this.mode === 'review' ? Math.max(result.played ?? 0, heard) : heard;
    const finished: AudioResult = { ...result, played };
    const prefill = this.parsedTask?.prefill;
    if (submitting && prefill?.length) {
      finished.prefillWer = Math.round(wer(transcriptOf(result.segments), transcriptOf(prefill)) * 10000) / 10000;
    }
    return finished;
  }

  protected override draftState(): unknown {
    return { played: this.played.toJSON() };
  }

  protected override restoreDraftState(state: unknown): void {
    const played = (state as { played?: unknown } | null)?.played;
    this.played = PlayedRanges.from(played);
    this.playedShare = this.played.share(this.duration);
  }

  private checkedSegments: readonly Segment[] | undefined;

  /** What points at segments by id is dropped when undo, redo, reset or a new value removed them. */
  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const segments = this.result?.segments;
    // Only when the segments changed (playback re-renders ten times a second; it follows the
    // playhead itself).
    if (!segments || segments === this.checkedSegments) return;
    this.checkedSegments = segments;
    const ids = new Set(segments.map((s) => s.id));
    if (this.loopId !== undefined && !ids.has(this.loopId)) this.loopId = undefined;
    if (this.bound && !ids.has(this.bound.id)) this.bound = undefined;
    if (this.lastText && !ids.has(this.lastText.id)) this.lastText = undefined;
    const playing = segmentAt(segments, this.audioEl?.currentTime ?? this.currentTime)?.id;
    if (playing !== this.playingId) this.playingId = playing;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const result = this.result;
    if (!result) return;
    // The clock re-renders ten times a second while playing: mirror segments only when they change.
    if (result.segments !== this.mirrored.segments || this.editable !== this.mirrored.editable) {
      this.mirrored = { segments: result.segments, editable: this.editable };
      this.mirrorSegments(result.segments);
    }
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

  private mirrored: { segments: readonly Segment[] | undefined; editable: boolean } = {
    segments: undefined,
    editable: false,
  };

  private mirrorSegments(segments: readonly Segment[]): void {
    const task = this.parsedTask;
    const speakerNames = new Map((task?.speakers ?? []).map((s) => [s.id, s.name]));
    const labelNames = new Map((task?.labels ?? []).map((l) => [l.id, l.name]));
    // Colour by speaker; a segment without one by its label (music, noise…).
    this.peaks.setSegments(
      segments.map((s) => {
        const text = [s.speaker && speakerNames.get(s.speaker), s.label && labelNames.get(s.label)]
          .filter(Boolean)
          .join(' · ');
        const style = s.speaker ?? (s.label ? `label:${s.label}` : undefined);
        return {
          id: s.id,
          start: s.start,
          end: s.end,
          ...(style ? { speaker: style } : {}),
          ...(text ? { label: text } : {}),
          editable: this.editable,
        };
      }),
      this.segmentStyles(),
    );
    this.peaks.setInsertMode(this.editable);
  }

  /**
   * The task's speaker colours (palette colours for speakers without one) and label colours
   * (only those the task gives), as six-digit hex for the waveform; worked out once per task,
   * when they also go to the rows' stylesheets.
   */
  private get colors(): { speakers: Map<string, string>; labels: Map<string, string> } {
    const task = this.parsedTask;
    if (this.colorsOf && this.colorsOf.task === task) return this.colorsOf;
    const speakers = assignColors(task?.speakers ?? []);
    const labels = new Map<string, string>();
    for (const l of task?.labels ?? []) if (isHexColor(l.color)) labels.set(l.id, expandHexColor(l.color));
    this.speakerColors.set(speakers);
    this.labelColors.set(labels);
    this.colorsOf = { task, speakers, labels };
    return this.colorsOf;
  }

  private speakerColor(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.colors.speakers.get(id);
  }

  private labelColor(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.colors.labels.get(id);
  }

  private segmentStyles(): Map<string, WaveSegmentStyle> {
    // peaks paints a segment's stretch of the waveform in its colour: opaque, so speakers read
    // as themselves; segments without a speaker in a darker neutral than the waveform around.
    const styles = new Map<string, WaveSegmentStyle>([
      ['', { color: UNASSIGNED_SEGMENT, borderColor: UNASSIGNED_SEGMENT }],
    ]);
    for (const speaker of this.parsedTask?.speakers ?? []) {
      const color = this.speakerColor(speaker.id)!;
      styles.set(speaker.id, { color, borderColor: color });
    }
    for (const label of this.parsedTask?.labels ?? []) {
      const color = this.labelColor(label.id);
      if (color) styles.set(`label:${label.id}`, { color, borderColor: color });
    }
    return styles;
  }

  // ---------------------------------------------------------------------------------------
  // Editing

  private get segments(): Segment[] {
    return this.result?.segments ?? [];
  }

  private get allowOverlap(): boolean {
    return this.parsedTask?.constraints?.allowOverlap ?? false;
  }

  private setSegments(segments: Segment[], options: { coalesceKey?: string } = {}): boolean {
    return this.commit({ ...this.result!, segments: [...segments].sort(byStart) }, options);
  }

  private updateSegment(id: string, changes: Partial<Segment>, coalesceKey?: string): boolean {
    const mirrored = this.mirrored.segments === this.segments;
    const segments = this.segments.map((s) => {
      if (s.id !== id) return s;
      const next: Segment = { ...s, ...changes, ...(s.origin === 'prefill' ? { modified: true } : {}) };
      // "None" removes the key: the envelope never carries undefined values.
      if (next.speaker === undefined) delete next.speaker;
      if (next.label === undefined) delete next.label;
      return next;
    });
    const done = this.setSegments(segments, coalesceKey ? { coalesceKey } : {});
    // The waveform shows no text: a transcript edit need not be mirrored into peaks.
    const textOnly = Object.keys(changes).every((key) => key === 'text');
    if (done && textOnly && mirrored) this.mirrored = { ...this.mirrored, segments: this.segments };
    return done;
  }

  /** An edge dragged on the waveform: kept inside its limits, at least 10 ms long; no-ops ignored. */
  private moveSegment(id: string, start: number, end: number): void {
    const segments = this.segments;
    const index = segments.findIndex((s) => s.id === id);
    if (index < 0) return;
    // Whatever happens next, the waveform is put back to what the result says.
    this.mirrored = { segments: undefined, editable: false };
    this.requestUpdate();
    if (!this.editable) return;
    const segment = segments[index]!;
    const duration = this.result!.duration;
    const previous = this.allowOverlap ? undefined : segments[index - 1];
    const next = this.allowOverlap ? undefined : segments[index + 1];
    let from = ms(Math.max(previous ? previous.end : 0, start));
    let to = ms(Math.min(next ? next.start : duration, end));
    if (to - from < MIN_SEGMENT_SECONDS) {
      // Dragged onto the other edge: stop 10 ms short of it.
      if (from !== segment.start) from = ms(to - MIN_SEGMENT_SECONDS);
      else to = ms(from + MIN_SEGMENT_SECONDS);
    }
    if (from === segment.start && to === segment.end) return;
    this.updateSegment(id, { start: from, end: to });
  }

  /** The length of a new segment: two seconds, within the task's minimum and maximum. */
  private newSegmentLength(): number {
    const c = this.parsedTask?.constraints;
    let length = NEW_SEGMENT_SECONDS;
    if (c?.minSegmentDuration !== undefined) length = Math.max(length, c.minSegmentDuration);
    if (c?.maxSegmentDuration !== undefined) length = Math.min(length, c.maxSegmentDuration);
    return length;
  }

  /** Adds a segment at the playhead; returns false (and says why) when there is no room. */
  private addSegmentAtPlayhead(): boolean {
    const duration = this.result!.duration;
    let start = ms(Math.min(this.audioEl?.currentTime ?? this.currentTime, duration));
    let end = ms(Math.min(start + this.newSegmentLength(), duration));
    if (end - start < MIN_SEGMENT_SECONDS) {
      // At the very end: take the last seconds instead.
      start = ms(Math.max(0, duration - this.newSegmentLength()));
      end = duration;
    }
    return this.insertSegment(start, end, true);
  }

  /** Adds a segment (from the playhead or a drag on the waveform), trimmed to the free room. */
  private insertSegment(start: number, end: number, focusText = true): boolean {
    if (!this.editable) return false;
    const segments = this.segments;
    if (!this.allowOverlap) {
      const inside = segments.find((s) => s.start <= start && start < s.end);
      if (inside) {
        this.announce(this.t('audio.segment.noRoom'));
        return false;
      }
      const next = segments.find((s) => s.start > start);
      if (next) end = Math.min(end, next.start);
      if (end - start < MIN_SEGMENT_SECONDS) {
        this.announce(this.t('audio.segment.noRoom'));
        return false;
      }
    }
    const id = nextSegmentId(segments);
    const segment: Segment = { id, start: ms(start), end: ms(end), text: '', origin: 'worker' };
    if (!this.setSegments([...segments, segment])) return false;
    this.announce(this.t('audio.segment.added', { start: formatTime(segment.start), end: formatTime(segment.end) }));
    if (focusText) this.focusText(id);
    return true;
  }

  private deleteSegment(id: string): void {
    const segments = this.segments;
    const index = segments.findIndex((s) => s.id === id);
    if (index < 0 || !this.setSegments(segments.filter((s) => s.id !== id))) return;
    if (this.loopId === id) this.stopBound();
    this.announce(this.t('audio.segment.deleted'));
    const neighbour = segments[index + 1] ?? segments[index - 1];
    void this.updateComplete.then(() =>
      (neighbour ? this.rowOf(neighbour.id) : this.renderRoot.querySelector<HTMLElement>('.segments'))?.focus(),
    );
  }

  /** Splits the current segment at the playhead; typing in it, the text splits at the caret. */
  private splitAtPlayhead(event: KeyboardEvent | undefined): void {
    const time = this.audioEl?.currentTime ?? this.currentTime;
    const focused = this.focusedSegment(event);
    const segment = focused && focused.start < time && time < focused.end ? focused : segmentAt(this.segments, time);
    if (!segment) {
      this.announce(this.t('audio.segment.splitOutside'));
      return;
    }
    const textarea = this.textareaOf(segment.id);
    const typing = textarea && this.shadowRoot!.activeElement === textarea;
    const before = typing ? segment.text.slice(0, textarea.selectionStart).trimEnd() : segment.text;
    const after = typing ? segment.text.slice(textarea.selectionEnd).trimStart() : '';
    const id = nextSegmentId(this.segments);
    const parts = splitSegment(segment, time, id, before, after);
    if (!parts) {
      this.announce(this.t('audio.segment.splitOutside'));
      return;
    }
    const segments = this.segments.flatMap((s) => (s.id === segment.id ? parts : [s]));
    if (!this.setSegments(segments)) return;
    this.announce(this.t('audio.segment.split', { time: formatTime(parts[1].start) }));
    this.focusText(id, 0);
  }

  /** Merges a segment (by default the current one) with the next one. */
  private mergeWithNext(current: Segment | undefined): void {
    const segments = this.segments;
    const index = current ? segments.indexOf(current) : -1;
    const next = segments[index + 1];
    if (!current || !next) {
      this.announce(this.t('audio.segment.noNext'));
      return;
    }
    const merged = mergeSegments(current, next);
    const caret = current.text.trimEnd().length;
    if (!this.setSegments(segments.filter((s) => s !== next).map((s) => (s === current ? merged : s)))) return;
    if (this.loopId === next.id) this.stopBound();
    this.announce(this.t('audio.segment.merged', { start: formatTime(merged.start), end: formatTime(merged.end) }));
    this.focusText(merged.id, caret);
  }

  /** Moves one edge, kept inside its limits (the media, the other edge, the neighbours). */
  private setEdge(id: string, edge: Edge, time: number, coalesceKey?: string): void {
    const segments = this.segments;
    const index = segments.findIndex((s) => s.id === id);
    if (index < 0) return;
    const limits = edgeLimits(segments, index, edge, this.result!.duration, this.allowOverlap);
    const value = ms(Math.min(limits.max, Math.max(limits.min, time)));
    if (value === segments[index]![edge]) return;
    this.updateSegment(id, { [edge]: value }, coalesceKey);
  }

  /** Sets an edge of the current segment to the playhead. */
  private edgeToPlayhead(edge: Edge, event: KeyboardEvent): void {
    const segment = this.currentSegment(event);
    if (!segment) {
      this.announce(this.t('audio.segment.none'));
      return;
    }
    const time = this.audioEl?.currentTime ?? this.currentTime;
    this.setEdge(segment.id, edge, time);
    const updated = this.segments.find((s) => s.id === segment.id)!;
    this.announce(
      this.t(edge === 'start' ? 'audio.segment.startSet' : 'audio.segment.endSet', {
        time: formatTime(updated[edge]),
      }),
    );
  }

  private handleEdgeKey(event: KeyboardEvent, segment: Segment, index: number, edge: Edge): void {
    const limits = edgeLimits(this.segments, index, edge, this.result!.duration, this.allowOverlap);
    const target = sliderTarget(event, segment[edge], { arrow: 0.01, shiftArrow: 0.1, page: 1, ...limits });
    if (target === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    if (!this.editable) return;
    this.setEdge(segment.id, edge, target, `edge:${segment.id}:${edge}`);
  }

  private setSpeaker(segment: Segment, speaker: string | undefined): void {
    if (segment.speaker === speaker) return;
    this.updateSegment(segment.id, { speaker });
  }

  private setLabel(segment: Segment, label: string | undefined): void {
    if (segment.label === label) return;
    this.updateSegment(segment.id, { label });
  }

  /** Inserts the task's tag number `index` where the worker types (or at the end of the current segment). */
  private insertTagAt(index: number, event?: KeyboardEvent): boolean {
    const tag = this.parsedTask?.tags?.[index];
    if (!tag || !this.editable) return false;
    const active = this.shadowRoot!.activeElement;
    const typingId =
      active instanceof HTMLTextAreaElement
        ? active.closest<HTMLElement>('[data-segment]')?.dataset['segment']
        : undefined;
    // Where the worker is (typing, or a focused row), else where they last typed, else the playhead.
    const remembered = this.segments.find((s) => s.id === this.lastText?.id);
    const segment =
      this.focusedSegment(event) ?? remembered ?? segmentAt(this.segments, this.audioEl?.currentTime ?? 0);
    if (!segment) {
      this.announce(this.t('audio.segment.none'));
      return true;
    }
    const textarea = this.textareaOf(segment.id);
    let start = segment.text.length;
    let end = start;
    if (typingId === segment.id && textarea) {
      start = textarea.selectionStart;
      end = textarea.selectionEnd;
    } else if (this.lastText?.id === segment.id) {
      start = Math.min(this.lastText.start, segment.text.length);
      end = Math.min(this.lastText.end, segment.text.length);
    }
    const next = insertTag(segment.text, start, end, tag);
    if (!this.updateSegment(segment.id, { text: next.text })) return true;
    this.lastText = { id: segment.id, start: next.caret, end: next.caret };
    this.focusText(segment.id, next.caret);
    return true;
  }

  private rememberCaret = (event: Event): void => {
    const textarea = event.target as HTMLTextAreaElement;
    const id = textarea.closest<HTMLElement>('[data-segment]')?.dataset['segment'];
    if (id) this.lastText = { id, start: textarea.selectionStart, end: textarea.selectionEnd };
  };

  // ---------------------------------------------------------------------------------------
  // Which segment, and focus

  /** The segment whose row holds focus (or the event's target). */
  private focusedSegment(event?: Event): Segment | undefined {
    const path = event?.composedPath() ?? [];
    let row: HTMLElement | null | undefined = path.find(
      (node): node is HTMLElement => node instanceof HTMLElement && node.dataset['segment'] !== undefined,
    );
    if (!row) {
      const active = this.shadowRoot?.activeElement;
      row = active instanceof HTMLElement ? active.closest<HTMLElement>('[data-segment]') : null;
    }
    const id = row?.dataset['segment'];
    return id === undefined ? undefined : this.segments.find((s) => s.id === id);
  }

  /** The segment an action applies to: the focused one, else the one under the playhead. */
  private currentSegment(event?: Event): Segment | undefined {
    return this.focusedSegment(event) ?? segmentAt(this.segments, this.audioEl?.currentTime ?? this.currentTime);
  }

  private rowOf(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-segment="${CSS.escape(id)}"]`);
  }

  private textareaOf(id: string): HTMLTextAreaElement | null {
    return this.rowOf(id)?.querySelector('textarea') ?? null;
  }

  /** Focuses a segment's transcript (after the next render), the caret at `caret` or the end. */
  private focusText(id: string, caret?: number): void {
    void this.updateComplete.then(() => {
      const textarea = this.textareaOf(id);
      if (!textarea) return;
      textarea.focus({ preventScroll: true });
      this.scrollRowIntoView(id);
      const at = caret ?? textarea.value.length;
      textarea.setSelectionRange(at, at);
    });
  }

  /** Scrolls the list (only the list, never the page) so the segment's row is visible. */
  private scrollRowIntoView(id: string): void {
    const list = this.renderRoot.querySelector<HTMLElement>('.segment-list');
    const row = this.rowOf(id);
    if (!list || !row) return;
    const top = row.offsetTop - list.offsetTop;
    const bottom = top + row.offsetHeight;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
  }

  private announce(message: string): void {
    this.announcer.announce(message);
  }

  // ---------------------------------------------------------------------------------------
  // Playback

  private handlePlay = (): void => {
    this.playing = true;
    this.pausedAt = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(this.tick);
  };

  private handlePause = (): void => {
    const audio = this.audioEl!;
    this.playing = false;
    cancelAnimationFrame(this.frame);
    this.played.stop(audio.currentTime);
    this.currentTime = audio.currentTime;
    this.pausedAt = audio.ended ? undefined : audio.currentTime;
    this.updatePlayed(true);
  };

  private handleSeeking = (): void => {
    const audio = this.audioEl!;
    this.played.stop();
    this.pausedAt = undefined;
    // A seek away from a bound segment ends the "play this segment" (and the loop).
    const bound = this.bound && this.segments.find((s) => s.id === this.bound!.id);
    if (bound && (audio.currentTime < bound.start - 0.001 || audio.currentTime > bound.end)) this.stopBound();
  };

  /**
   * Playback reached `time`: count it as heard, and stop or loop at the end of a segment being
   * played. False when playback stopped there.
   */
  private advance(time: number): boolean {
    this.played.progress(time);
    const bound = this.bound && this.segments.find((s) => s.id === this.bound!.id);
    if (bound && time >= bound.end) {
      if (this.bound!.loop) {
        this.played.stop(bound.end);
        this.seekTo(bound.start, true);
      } else {
        this.bound = undefined;
        this.peaks.pause();
        this.peaks.seek(bound.end);
        return false;
      }
    }
    return true;
  }

  /** Every frame while playing: what was heard, the segment end, the clock, the current segment. */
  private tick = (): void => {
    const audio = this.audioEl;
    if (!audio || audio.paused) return;
    const time = audio.currentTime;
    if (!this.advance(time)) return;
    const now = performance.now();
    if (now - this.clockAt >= CLOCK_MS) {
      this.clockAt = now;
      this.currentTime = time;
      this.updatePlayed(false);
    }
    this.followTime(time);
    this.frame = requestAnimationFrame(this.tick);
  };

  /** Highlights the segment under the playhead and keeps it in view (unless the worker works elsewhere). */
  private followTime(time: number): void {
    const id = segmentAt(this.segments, time)?.id;
    if (id === this.playingId) return;
    this.playingId = id;
    const active = this.shadowRoot?.activeElement;
    if (id && !(active instanceof HTMLElement && active.closest('.segment-list'))) {
      void this.updateComplete.then(() => this.scrollRowIntoView(id));
    }
  }

  /** Re-validates when the heard share moved by a percent (or playback stopped). */
  private updatePlayed(force: boolean): void {
    const share = this.played.share(this.result?.duration ?? this.duration);
    if (share === this.playedShare) return;
    const step = Math.floor(share * 100) !== Math.floor(this.playedShare * 100) || share >= 0.999;
    this.playedShare = share;
    if (force || step) this.stateChanged();
  }

  private seekTo(time: number, keepBound = false): void {
    const bound = this.bound;
    this.peaks.seek(time);
    if (keepBound && bound) this.bound = bound;
    this.currentTime = this.audioEl?.currentTime ?? time;
    this.followTime(this.currentTime);
  }

  private togglePlay = (): void => {
    const audio = this.audioEl;
    if (!audio) return;
    if (!audio.paused) {
      this.peaks.pause();
      return;
    }
    // Resuming where playback was paused: go back a little to pick up the thread.
    if (this.rewind > 0 && this.pausedAt !== undefined && Math.abs(audio.currentTime - this.pausedAt) < 0.001) {
      const bound = this.bound && this.segments.find((s) => s.id === this.bound!.id);
      this.seekTo(Math.max(bound ? bound.start : 0, audio.currentTime - this.rewind), true);
    }
    this.startPlayback();
  };

  private startPlayback(): void {
    this.peaks.play().catch((error: unknown) => {
      const name = (error as DOMException | undefined)?.name;
      if (name === 'AbortError') return; // paused again before it started: nothing went wrong
      this.announce(this.t(name === 'NotAllowedError' ? 'audio.error.playBlocked' : 'audio.error.play'));
    });
  }

  private skip(seconds: number): void {
    const audio = this.audioEl;
    if (!audio) return;
    this.seekTo(audio.currentTime + seconds);
  }

  /** The playhead as a slider: arrows a second (Shift: a tenth), Page keys ten, Home/End the ends. */
  private handleSeekKey = (event: KeyboardEvent): void => {
    const audio = this.audioEl;
    if (!audio) return;
    const range = { arrow: 1, shiftArrow: 0.1, page: 10, min: 0, max: audio.duration };
    const target = sliderTarget(event, audio.currentTime, range);
    if (target === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    this.seekTo(target);
  };

  private setRate(rate: number): void {
    this.rate = Math.min(2, Math.max(0.5, rate));
    this.peaks.setRate(this.rate);
  }

  private stepRate(direction: 1 | -1): void {
    const index = SPEEDS.indexOf(this.rate);
    const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (index < 0 ? 2 : index) + direction))]!;
    this.setRate(next);
    this.announce(this.t('audio.speedSet', { rate: next }));
  }

  /** Plays one segment from its start; stops at its end, or loops it. */
  private playSegment(segment: Segment, loop = false): void {
    this.seekTo(segment.start);
    this.bound = { id: segment.id, loop };
    this.loopId = loop ? segment.id : undefined;
    this.startPlayback();
  }

  private stopBound(): void {
    this.bound = undefined;
    this.loopId = undefined;
  }

  private toggleLoop(event?: Event): void {
    if (this.loopId) {
      this.stopBound();
      this.announce(this.t('audio.loop.off'));
      return;
    }
    const segment = this.currentSegment(event);
    if (!segment) {
      this.announce(this.t('audio.segment.none'));
      return;
    }
    this.announce(this.t('audio.loop.on', { start: formatTime(segment.start), end: formatTime(segment.end) }));
    this.playSegment(segment, true);
  }

  /** Plays the segment after (or before) the current one and puts the caret in its transcript. */
  private playNeighbour(direction: 1 | -1, event: KeyboardEvent): void {
    const segments = this.segments;
    const time = this.audioEl?.currentTime ?? this.currentTime;
    const current = this.currentSegment(event);
    let target: Segment | undefined;
    if (current) target = segments[segments.indexOf(current) + direction];
    else if (direction === 1) target = segments.find((s) => s.start >= time);
    else target = [...segments].reverse().find((s) => s.end <= time);
    if (!target) {
      this.announce(this.t(direction === 1 ? 'audio.segment.noNext' : 'audio.segment.noPrevious'));
      return;
    }
    this.playSegment(target);
    this.focusText(target.id);
  }

  // ---------------------------------------------------------------------------------------
  // Keyboard

  protected override get actions(): WidgetAction<AudioMessageKey>[] {
    const task = this.parsedTask;
    const alt = typingModifier();
    const digits = (count: number, prefix: string): string[][] =>
      Array.from({ length: Math.min(count, 9) }, (_, i) => [`${prefix}Digit${i + 1}`]);
    /** An action that works while typing a transcript (all of them use a modifier). */
    const typing = (
      id: string,
      label: AudioMessageKey,
      keys: string[],
      run: (event: KeyboardEvent) => boolean | void,
      allowRepeat = false,
    ): WidgetAction<AudioMessageKey> => ({ id, label, keys, run, allowInInputs: true, allowRepeat });
    /** Changes the transcript: only when editable (the key goes on otherwise). */
    const edit =
      (change: (event: KeyboardEvent) => void) =>
      (event: KeyboardEvent): boolean => {
        if (!this.editable) return false;
        change(event);
        return true;
      };
    return [
      typing('audio:playPause', 'audio.action.playPause', ['Control+Space', `${alt}KeyK`], () => this.togglePlay()),
      typing('audio:back', 'audio.action.back', [`${alt}ArrowLeft`], () => this.skip(-SKIP_SECONDS), true),
      typing('audio:forward', 'audio.action.forward', [`${alt}ArrowRight`], () => this.skip(SKIP_SECONDS), true),
      typing('audio:slower', 'audio.action.slower', [`${alt}Minus`], () => this.stepRate(-1)),
      typing('audio:faster', 'audio.action.faster', [`${alt}Equal`], () => this.stepRate(1)),
      typing('audio:playSegment', 'audio.action.playSegment', [`${alt}KeyP`], (event) => {
        const segment = this.currentSegment(event);
        if (segment) this.playSegment(segment);
        else this.announce(this.t('audio.segment.none'));
      }),
      typing('audio:nextSegment', 'audio.action.nextSegment', [`${alt}ArrowDown`], (e) => this.playNeighbour(1, e)),
      typing('audio:previousSegment', 'audio.action.previousSegment', [`${alt}ArrowUp`], (e) =>
        this.playNeighbour(-1, e),
      ),
      typing('audio:loop', 'audio.action.loop', [`${alt}KeyL`], (e) => this.toggleLoop(e)),
      typing(
        'audio:newSegment',
        'audio.action.newSegment',
        [`${alt}Enter`],
        edit(() => this.addSegmentAtPlayhead()),
      ),
      typing(
        'audio:setStart',
        'audio.action.setStart',
        [`${alt}BracketLeft`],
        edit((e) => this.edgeToPlayhead('start', e)),
      ),
      typing(
        'audio:setEnd',
        'audio.action.setEnd',
        [`${alt}BracketRight`],
        edit((e) => this.edgeToPlayhead('end', e)),
      ),
      typing(
        'audio:split',
        'audio.action.split',
        [`${alt}KeyS`],
        edit((e) => this.splitAtPlayhead(e)),
      ),
      typing(
        'audio:merge',
        'audio.action.merge',
        [`${alt}KeyM`],
        edit((e) => this.mergeWithNext(this.currentSegment(e))),
      ),
      {
        id: 'audio:deleteSegment',
        label: 'audio.action.deleteSegment',
        keys: ['Delete'],
        run: (event) => {
          // Only on the focused row itself: Delete inside the textarea or a select edits text.
          const row = event.composedPath()[0];
          if (!(row instanceof HTMLElement) || row.dataset['segment'] === undefined || !this.editable) return false;
          this.deleteSegment(row.dataset['segment']);
          return true;
        },
      },
      {
        id: 'audio:zoomIn',
        label: 'audio.action.zoomIn',
        keys: ['Equal', 'NumpadAdd'],
        run: () => this.peaks.zoomIn(),
      },
      {
        id: 'audio:zoomOut',
        label: 'audio.action.zoomOut',
        keys: ['Minus', 'NumpadSubtract'],
        run: () => this.peaks.zoomOut(),
      },
      ...digits(task?.tags?.length ?? 0, alt).map((keys, i) =>
        typing(`audio:tag:${i}`, 'audio.action.tag', keys, (event) => this.insertTagAt(i, event)),
      ),
      ...(task?.speakers ?? []).slice(0, 9).map((speaker, i) =>
        typing(`audio:speaker:${i}`, 'audio.action.speaker', digits(9, `${alt}Shift+`)[i]!, (event) => {
          if (!this.editable) return false;
          const segment = this.currentSegment(event);
          if (!segment) this.announce(this.t('audio.segment.none'));
          else {
            this.setSpeaker(segment, speaker.id);
            this.announce(this.t('audio.segment.speakerSet', { name: speaker.name }));
          }
          return true;
        }),
      ),
      // On a focused segment (not while typing): the task's label hotkeys, else digits. Elsewhere
      // the same keys answer the file-level questions.
      ...(task?.labels ?? [])
        .map((l, i) => ({ l, keys: l.hotkey ? [hotkeyBinding(l.hotkey)] : i < 9 ? [`Digit${i + 1}`] : [] }))
        .filter(({ keys }) => keys.length > 0)
        .map(({ l, keys }) => ({
          id: `audio:label:${l.id}`,
          label: 'audio.action.label' as const,
          keys,
          run: (event: KeyboardEvent) => {
            const segment = this.focusedSegment(event);
            if (!segment || !this.editable) return false;
            this.setLabel(segment, l.id);
            this.announce(this.t('audio.segment.labelSet', { name: l.name }));
            return true;
          },
        })),
      ...this.questionKeys(),
    ];
  }

  protected override focusError(error: ValidationError): void {
    const index = /^\/result\/segments\/(\d+)/.exec(error.path)?.[1];
    const segment = index === undefined ? undefined : this.segments[Number(index)];
    if (segment) {
      this.scrollRowIntoView(segment.id);
      this.rowOf(segment.id)?.focus();
      return;
    }
    if (error.path === '/result/played') {
      this.renderRoot.querySelector<HTMLElement>('.play')?.focus();
      return;
    }
    super.focusError(error);
  }

  // ---------------------------------------------------------------------------------------
  // Training

  protected override compare(reference: AudioResult, result: AudioResult): FeedbackItem[] {
    const percent = (x: number): number => Math.round(x * 1000) / 10;
    const refText = transcriptOf(reference.segments);
    const text = transcriptOf(result.segments);
    const w = wer(refText, text);
    const c = cer(refText, text);
    const items: FeedbackItem[] = [
      {
        label: this.t('audio.training.transcript'),
        agree: w <= 0.05,
        detail: this.t('audio.training.rates', { wer: percent(w), cer: percent(c) }),
      },
    ];
    // Segments: one to one by time (an IoU of 50%), speakers compared after matching.
    const { pairs, extra: extras } = matchSegments(reference.segments, result.segments);
    const matched = pairs.length;
    let sameSpeaker = 0;
    let offset = 0;
    for (const { reference: gold, item } of pairs) {
      offset += Math.abs(item.start - gold.start) + Math.abs(item.end - gold.end);
      if (item.speaker === gold.speaker) sameSpeaker += 1;
    }
    const extra = extras.length;
    items.push({
      label: this.t('audio.training.segments'),
      agree: matched === reference.segments.length && extra === 0,
      detail: this.t('audio.training.segmentsDetail', {
        matched,
        total: reference.segments.length,
        extra,
        offset: matched ? Math.round((offset / (2 * matched)) * 1000) : 0,
      }),
    });
    if (this.parsedTask?.speakers?.length && matched) {
      items.push({
        label: this.t('audio.training.speakers'),
        agree: sameSpeaker === matched,
        detail: this.t('audio.training.speakersDetail', { same: sameSpeaker, matched }),
      });
    }
    return [...items, ...super.compare(reference, result)];
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  protected renderSurface(task: TaskOf<'audio'>, result: AudioResult): TemplateResult {
    return html`
      <div class="transcriber">
        ${this.renderTransport(task, result)} ${this.waveEl} ${this.renderTags(task)}
        ${this.renderSegments(task, result)}
        ${
          task.questions?.length
            ? html`<section class="questions" aria-label=${this.t('audio.questions')}>
                ${task.questions.map((q) => renderQuestion(q, this.questionHost()))}
              </section>`
            : nothing
        }
      </div>
    `;
  }

  private renderTransport(task: TaskOf<'audio'>, result: AudioResult): TemplateResult {
    const playLabel = this.playing ? this.t('audio.pause') : this.t('audio.play');
    const { levels } = this.peaks.zoom;
    const mustPlay = task.constraints?.mustPlayFully ?? false;
    return html`
      <div part="transport" class="transport" role="group" aria-label=${this.t('audio.transport')}>
        <button
          type="button"
          class="icon-button play"
          @click=${this.togglePlay}
          aria-label=${playLabel}
          title=${playLabel}
          aria-keyshortcuts=${`Control+Space ${typingModifier()}K`}
        >
          <span aria-hidden="true">${this.playing ? '\u23F8' : '\u25B6'}</span>
        </button>
        <button
          type="button"
          class="icon-button"
          @click=${() => this.skip(-SKIP_SECONDS)}
          aria-label=${this.t('audio.back')}
          title=${this.t('audio.back')}
          aria-keyshortcuts=${`${typingModifier()}ArrowLeft`}
        >
          <span aria-hidden="true">&#x21BA;5</span>
        </button>
        <button
          type="button"
          class="icon-button"
          @click=${() => this.skip(SKIP_SECONDS)}
          aria-label=${this.t('audio.forward')}
          title=${this.t('audio.forward')}
          aria-keyshortcuts=${`${typingModifier()}ArrowRight`}
        >
          <span aria-hidden="true">5&#x21BB;</span>
        </button>
        <button
          type="button"
          class="icon-button loop"
          aria-pressed=${this.loopId ? 'true' : 'false'}
          @click=${() => this.toggleLoop()}
          aria-label=${this.t('audio.loop')}
          title=${this.t('audio.loop')}
          aria-keyshortcuts=${`${typingModifier()}L`}
        >
          ${loopIcon}
        </button>
        <label class="speed">
          ${this.t('audio.speed')}
          <select
            .value=${live(String(this.rate))}
            @change=${(e: Event) => this.setRate(Number((e.target as HTMLSelectElement).value))}
          >
            ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.rate}>${s}&times;</option>`)}
          </select>
        </label>
        <label class="rewind">
          ${this.t('audio.rewind')}
          <select
            .value=${live(String(this.rewind))}
            @change=${(e: Event) => (this.rewind = Number((e.target as HTMLSelectElement).value))}
          >
            ${(REWINDS.includes(this.rewind) ? REWINDS : [...REWINDS, this.rewind].sort((a, b) => a - b)).map(
              (s) =>
                html`<option value=${s} ?selected=${s === this.rewind}>
                  ${s === 0 ? this.t('audio.rewind.off') : this.t('audio.seconds', { seconds: s })}
                </option>`,
            )}
          </select>
        </label>
        <span class="zoom" role="group" aria-label=${this.t('audio.zoom')}>
          <button
            type="button"
            class="icon-button"
            aria-disabled=${this.zoomLevel >= levels - 1 ? 'true' : 'false'}
            @click=${() => this.peaks.zoomOut()}
            aria-label=${this.t('audio.zoomOut')}
            title=${this.t('audio.zoomOut')}
          >
            <span aria-hidden="true">&minus;</span>
          </button>
          <button
            type="button"
            class="icon-button"
            aria-disabled=${this.zoomLevel <= 0 ? 'true' : 'false'}
            @click=${() => this.peaks.zoomIn()}
            aria-label=${this.t('audio.zoomIn')}
            title=${this.t('audio.zoomIn')}
          >
            <span aria-hidden="true">+</span>
          </button>
        </span>
        ${
          mustPlay
            ? html`<span class="played ${this.playedShare >= 0.999 ? 'done' : ''}"
                >${this.t('audio.played', { percent: Math.floor(this.playedShare * 100) })}</span
              >`
            : nothing
        }
        <span
          class="time"
          role="slider"
          tabindex="0"
          aria-label=${this.t('audio.position')}
          aria-valuemin="0"
          aria-valuemax=${result.duration}
          aria-valuenow=${ms(this.currentTime)}
          aria-valuetext=${this.t('audio.time', {
            current: formatTime(this.currentTime),
            duration: formatTime(result.duration),
          })}
          @keydown=${this.handleSeekKey}
          >${this.t('audio.time', { current: formatTime(this.currentTime), duration: formatTime(result.duration) })}</span
        >
      </div>
    `;
  }

  private renderTags(task: TaskOf<'audio'>): TemplateResult | typeof nothing {
    const tags = task.tags ?? [];
    if (tags.length === 0) return nothing;
    return html`<div part="tags" class="tags" role="group" aria-label=${this.t('audio.tags')}>
      <span class="tags-title" aria-hidden="true">${this.t('audio.tags')}</span>
      ${tags.map((tag, i) => {
        const binding = i < 9 ? `${typingModifier()}Digit${i + 1}` : '';
        const key = binding ? formatShortcut(binding, currentPlatform(), this.locale.lang) : '';
        return html`<button
          type="button"
          class="tag"
          ?disabled=${!this.editable}
          @mousedown=${(e: Event) => e.preventDefault()}
          @click=${() => this.insertTagAt(i)}
          title=${key ? this.t('audio.tag.insert', { tag, key }) : tag}
          aria-keyshortcuts=${binding ? binding.replace('Digit', '') : nothing}
        >
          ${tag}${key ? html`<kbd aria-hidden="true">${key}</kbd>` : nothing}
        </button>`;
      })}
    </div>`;
  }

  private renderSegments(task: TaskOf<'audio'>, result: AudioResult): TemplateResult {
    return html`
      <section part="segments" class="segments" tabindex="-1" aria-labelledby="segments-title">
        <h3 id="segments-title">${this.t('audio.segments.count', { count: result.segments.length })}</h3>
        ${result.segments.length === 0 ? html`<p class="status">${this.t('audio.segments.empty')}</p>` : nothing}
        <ol class="segment-list">
          ${repeat(
            result.segments,
            (segment) => segment.id,
            (segment, index) =>
              guard(
                [
                  segment,
                  index,
                  this.editable,
                  this.playingId === segment.id,
                  this.loopId === segment.id,
                  index > 0 ? result.segments[index - 1]!.end : 0,
                  result.segments[index + 1]?.start,
                  result.duration,
                  this.disabled,
                  this.locale.lang,
                ],
                () => this.renderSegment(task, result, segment, index),
              ),
          )}
        </ol>
      </section>
    `;
  }

  private renderSegment(task: TaskOf<'audio'>, result: AudioResult, segment: Segment, index: number): TemplateResult {
    const speakers = task.speakers ?? [];
    const labels = task.labels ?? [];
    const c = task.constraints;
    const length = segment.end - segment.start;
    const tooShort = c?.minSegmentDuration !== undefined && length < c.minSegmentDuration;
    const tooLong = c?.maxSegmentDuration !== undefined && length > c.maxSegmentDuration;
    const name = this.t('audio.segment', {
      index: index + 1,
      start: formatTime(segment.start),
      end: formatTime(segment.end),
    });
    const labelColor = this.labelColor(segment.label);
    const current = this.playingId === segment.id;
    const edge = (which: Edge): TemplateResult => {
      const limits = edgeLimits(result.segments, index, which, result.duration, this.allowOverlap);
      return html`<span
        class="edge"
        role="slider"
        tabindex=${this.disabled ? '-1' : '0'}
        aria-disabled=${ifDefined(this.disabled ? 'true' : undefined)}
        data-edge=${which}
        aria-label=${this.t(which === 'start' ? 'audio.segment.start' : 'audio.segment.end', { index: index + 1 })}
        aria-valuemin=${limits.min}
        aria-valuemax=${limits.max}
        aria-valuenow=${segment[which]}
        aria-valuetext=${formatTime(segment[which])}
        aria-readonly=${ifDefined(this.editable ? undefined : 'true')}
        @keydown=${(e: KeyboardEvent) => this.handleEdgeKey(e, segment, index, which)}
        >${formatTime(segment[which])}</span
      >`;
    };
    return html`<li
      class="segment ${current ? 'current' : ''} ${tooShort || tooLong ? 'warn' : ''}"
      data-segment=${segment.id}
      tabindex="0"
      aria-label=${name}
      aria-current=${ifDefined(current ? 'true' : undefined)}
      data-speaker-color=${ifDefined(this.speakerColors.token(segment.speaker))}
      data-label-color=${ifDefined(this.labelColors.token(segment.label))}
    >
      <div class="row">
        <span class="index" aria-hidden="true">${index + 1}</span>
        <button
          type="button"
          class="icon-button play-segment"
          @click=${() => this.playSegment(segment)}
          aria-label=${this.t('audio.segment.play', { index: index + 1 })}
          title=${this.t('audio.segment.play', { index: index + 1 })}
        >
          ${this.loopId === segment.id ? loopIcon : html`<span aria-hidden="true">&#x25B6;</span>`}
        </button>
        <span class="times">${edge('start')}<span aria-hidden="true">&#x2013;</span>${edge('end')}</span>
        <span class="length">${this.t('audio.seconds', { seconds: Math.round(length * 10) / 10 })}</span>
        ${
          speakers.length
            ? html`<label class="speaker">
                <span class="swatch" aria-hidden="true"></span>
                <span class="visually-hidden">${this.t('audio.segment.speaker')}</span>
                <select
                  ?disabled=${!this.editable}
                  .value=${live(segment.speaker ?? '')}
                  @change=${(e: Event) => this.setSpeaker(segment, (e.target as HTMLSelectElement).value || undefined)}
                >
                  <option value="" ?selected=${!segment.speaker}>${this.t('audio.segment.noSpeaker')}</option>
                  ${speakers.map((s) => html`<option value=${s.id} ?selected=${s.id === segment.speaker}>${s.name}</option>`)}
                </select>
              </label>`
            : nothing
        }
        ${
          labels.length
            ? html`<label class="label">
                ${labelColor ? html`<span class="swatch label-swatch" aria-hidden="true"></span>` : nothing}
                <span class="visually-hidden">${this.t('audio.segment.label')}</span>
                <select
                  ?disabled=${!this.editable}
                  .value=${live(segment.label ?? '')}
                  @change=${(e: Event) => this.setLabel(segment, (e.target as HTMLSelectElement).value || undefined)}
                >
                  <option value="" ?selected=${!segment.label}>${this.t('audio.segment.noLabel')}</option>
                  ${labels.map((l) => html`<option value=${l.id} ?selected=${l.id === segment.label}>${l.name}</option>`)}
                </select>
              </label>`
            : nothing
        }
        ${
          segment.origin === 'prefill'
            ? html`<span class="badge"
                >${this.t(segment.modified ? 'audio.segment.prefillModified' : 'audio.segment.prefill')}</span
              >`
            : nothing
        }
        ${
          tooShort || tooLong
            ? html`<span class="warning"
                >${
                  tooShort
                    ? this.t('audio.segment.tooShort', { min: c.minSegmentDuration! })
                    : this.t('audio.segment.tooLong', { max: c.maxSegmentDuration! })
                }</span
              >`
            : nothing
        }
        <span class="row-actions">
          <button
            type="button"
            class="icon-button merge"
            ?disabled=${!this.editable || index === result.segments.length - 1}
            @click=${() => this.mergeWithNext(segment)}
            aria-label=${this.t('audio.segment.merge', { index: index + 1 })}
            title=${this.t('audio.segment.merge', { index: index + 1 })}
          >
            <span aria-hidden="true">&#x2913;</span>
          </button>
          <button
            type="button"
            class="icon-button delete"
            ?disabled=${!this.editable}
            @click=${() => this.deleteSegment(segment.id)}
            aria-label=${this.t('audio.segment.delete', { index: index + 1 })}
            title=${this.t('audio.segment.delete', { index: index + 1 })}
          >
            <span aria-hidden="true">&#x2715;</span>
          </button>
        </span>
      </div>
      <label class="text">
        <span class="visually-hidden">${this.t('audio.segment.text')} ${name}</span>
        <textarea
          rows="2"
          dir="auto"
          ?readonly=${!this.editable}
          .value=${live(segment.text)}
          @input=${(e: Event) => {
            this.rememberCaret(e);
            this.updateSegment(segment.id, { text: (e.target as HTMLTextAreaElement).value }, `text:${segment.id}`);
          }}
          @select=${this.rememberCaret}
          @keyup=${this.rememberCaret}
          @pointerup=${this.rememberCaret}
        ></textarea>
      </label>
    </li>`;
  }
}
