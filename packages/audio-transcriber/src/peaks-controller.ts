/**
 * The audio transcriber's waveform engine: a Lit ReactiveController that owns one peaks.js
 * instance (zoomview + overview on konva stages) bound to the element's `<audio>`. It loads the
 * media and its waveform, maps every failure to a typed `MediaError`-like code, mirrors the
 * element's segments into peaks, and reports user intent (edge drags, seeks, time updates)
 * through `PeaksEvents`. It never echoes what the element set.
 *
 * Waveform sources, in order of preference:
 * - a precomputed audiowaveform file (`.json` or binary `.dat`, 8-bit, mono or stereo), fetched
 *   here and handed to peaks as `waveformData` — the audio itself is only streamed by `<audio>`,
 *   never decoded, so hour-long files are fine;
 * - otherwise the audio is fetched and decoded at 16 kHz (an `OfflineAudioContext`: no audio
 *   device, no autoplay policy, less than a third of the memory of 48 kHz), but only when its
 *   duration is at most `maxDecodeSeconds`.
 *
 * Strict CSP: konva's `Stage` clears its container with `container.innerHTML = ''`, a Trusted
 * Types sink that a `require-trusted-types-for 'script'` policy refuses (the stage is then never
 * built). A library must not install a default policy, so while peaks builds its views the two
 * containers get an own `innerHTML` accessor that only accepts the empty string (and empties the
 * element with `replaceChildren()`); it is removed right after.
 */
import Peaks, { type PeaksInstance, type Segment as PeaksSegment, type SegmentOptions } from 'peaks.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Why a load failed: the bytes could not be fetched, or they are not playable/decodable audio. */
export type MediaFailureCode = 'media-load-failed' | 'media-decode-failed';

/**
 * The failures the element words on its own (translated); others are described by the English
 * `message` appended to a general translated sentence.
 */
export type MediaFailureReason =
  | { kind: 'too-long'; seconds: number; limit: number }
  | { kind: 'waveform-mismatch'; waveform: number; audio: number }
  | { kind: 'waveform-invalid' }
  /** The waveform file could not be fetched (the audio itself may be fine). */
  | { kind: 'waveform-unavailable'; status?: number }
  | { kind: 'empty' };

/** A typed load failure (the promise returned by `load()` rejects with one). */
export class MediaFailure extends Error {
  /** `media-load-failed` or `media-decode-failed`. */
  readonly code: MediaFailureCode;
  /** Set when the failure is one the widget explains in its own words. */
  readonly reason: MediaFailureReason | undefined;
  constructor(code: MediaFailureCode, message: string, reason?: MediaFailureReason) {
    super(message);
    this.name = 'MediaFailure';
    this.code = code;
    this.reason = reason;
  }
}

/** What to load. */
export interface LoadOptions {
  /** The audio URL (streamed by the `<audio>` element). */
  url: string;
  /** A precomputed audiowaveform file (`.json` or `.dat`); when given the audio is never decoded. */
  waveformUrl?: string;
  /** Without a waveform, audio longer than this is refused (`media-decode-failed`), not decoded. */
  maxDecodeSeconds: number;
  /** Send credentials with the waveform and audio fetches. */
  withCredentials?: boolean;
  /** Canvas colours (CSS colour strings konva can parse, resolved: no var() or light-dark()). */
  colors?: WaveColors;
}

/** What the waveform is painted with; segments bring their own colours. */
export interface WaveColors {
  /** The waveform outside segments (a neutral that reads on light and dark). */
  waveform: string;
  /** The playhead, axis labels and gridlines. */
  ink: string;
}

/** The containers and the media element the element rendered. */
export interface AttachTargets {
  zoomview: HTMLElement;
  overview: HTMLElement;
  audio: HTMLAudioElement;
}

/** A segment as the waveform shows it (times in seconds). */
export interface WaveSegment {
  id: string;
  start: number;
  end: number;
  /** Key into the styles passed to `setSegments` (a speaker id). */
  speaker?: string;
  /** Short text drawn on the segment. */
  label?: string;
  /** Edges draggable (default true). */
  editable?: boolean;
}

/** How a segment is painted. */
export interface WaveSegmentStyle {
  color?: string;
  borderColor?: string;
}

/** Segment styles by speaker id; `''` is the style of segments without a speaker. */
export type WaveSegmentStyles = ReadonlyMap<string, WaveSegmentStyle> | Readonly<Record<string, WaveSegmentStyle>>;

/** What the waveform reports. */
export interface PeaksEvents {
  /** A segment edge was dragged (once, at the end of the drag). Times rounded to 1 ms. */
  onSegmentChange?(id: string, start: number, end: number): void;
  /** The playhead moved while playing (the media element's `timeupdate`). */
  onTimeUpdate?(time: number): void;
  /** The user clicked a waveform to seek there. */
  onSeek?(time: number): void;
  /**
   * The user dragged across the zoomview to make a segment (insert mode, see `setInsertMode`).
   * The waveform does not keep it: the owner adds it to its segments (or not). Times in ms.
   */
  onSegmentInsert?(start: number, end: number): void;
  /** The zoom level changed (index into the zoom levels, 0 = most detailed). */
  onZoom?(level: number, levels: number): void;
}

/** Zoom levels as multiples of the waveform's own scale (samples per pixel). */
const ZOOM_FACTORS = [1, 2, 4, 8, 16, 32];

/** A drag shorter than this on the zoomview is a click (seek), not a new segment. */
const MIN_INSERT_SECONDS = 0.05;

/** Samples per pixel of the most detailed zoom level when decoding here, at `DECODE_RATE`. */
const DECODE_SCALE = 128;
/** Decoding rate: plenty for speech, and a third of the memory of 48 kHz. */
const DECODE_RATE = 16000;
/** How far a waveform's duration may differ from the media's before it is refused. */
const mismatchTolerance = (duration: number): number => Math.max(1, duration * 0.02);

const ms = (t: number): number => Math.round(t * 1000) / 1000;

const isStyleMap = (styles: WaveSegmentStyles): styles is ReadonlyMap<string, WaveSegmentStyle> =>
  styles instanceof Map;

/**
 * Runs `build` while `elements` accept `innerHTML = ''` without a Trusted Types sink (see the file
 * comment); any other assignment throws, as it would under the policy.
 */
async function withEmptyingInnerHTML<T>(elements: HTMLElement[], build: () => Promise<T>): Promise<T> {
  // Reads still go through Element.prototype's getter (not a Trusted Types sink).
  const innerHTMLDescriptor = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
  for (const element of elements) {
    Object.defineProperty(element, 'innerHTML', {
      configurable: true,
      get: () => innerHTMLDescriptor?.get?.call(element) as string,
      set: (value: unknown) => {
        if (value !== '') throw new TypeError('tagwerk: refusing innerHTML on a waveform container');
        element.replaceChildren();
      },
    });
  }
  try {
    return await build();
  } finally {
    for (const element of elements) Reflect.deleteProperty(element, 'innerHTML');
  }
}

/** Waits for the media element's metadata, or its error. */
function awaitMetadata(audio: HTMLAudioElement, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      audio.removeEventListener('loadedmetadata', onMeta);
      audio.removeEventListener('error', onError);
      signal.removeEventListener('abort', onAbort);
    };
    const onMeta = (): void => {
      done();
      resolve();
    };
    const onError = (): void => {
      done();
      // The caller reads `audio.error`.
      reject(new Error('media error'));
    };
    const onAbort = (): void => {
      done();
      reject(new MediaFailure('media-load-failed', 'load superseded'));
    };
    audio.addEventListener('loadedmetadata', onMeta);
    audio.addEventListener('error', onError);
    signal.addEventListener('abort', onAbort);
  });
}

/** The media element can seek anywhere in the media (a server without byte ranges prevents it). */
function seekableThroughout(audio: HTMLAudioElement): boolean {
  const { duration, seekable } = audio;
  if (!Number.isFinite(duration)) return false;
  return seekable.length > 0 && seekable.start(0) <= 0 && seekable.end(seekable.length - 1) >= duration - 0.1;
}

/** Fetches a URL; a network error or a non-2xx status is `media-load-failed`. */
async function fetchOk(
  url: string,
  what: 'the audio' | 'the waveform',
  credentials: boolean,
  signal: AbortSignal,
): Promise<Response> {
  const reason = (status?: number): MediaFailureReason | undefined =>
    what === 'the waveform' ? { kind: 'waveform-unavailable', ...(status ? { status } : {}) } : undefined;
  let response: Response;
  try {
    response = await fetch(url, { credentials: credentials ? 'include' : 'same-origin', signal });
  } catch (error) {
    throw new MediaFailure('media-load-failed', `${what} could not be fetched: ${String(error)}`, reason());
  }
  if (!response.ok) {
    throw new MediaFailure('media-load-failed', `${what}: HTTP ${response.status}`, reason(response.status));
  }
  return response;
}

/** An audiowaveform file as peaks' `waveformData` option: JSON or binary, sniffed. */
type LocalWaveform = { json: import('peaks.js').JsonWaveformData } | { arraybuffer: ArrayBuffer };

interface WaveformHeader {
  sampleRate: number;
  scale: number;
  length: number;
}

/** Reads a fetched waveform and its header; anything malformed is `media-decode-failed`. */
function parseWaveform(bytes: ArrayBuffer): { data: LocalWaveform; header: WaveformHeader } {
  const view = new DataView(bytes);
  const fail = (why: string): never => {
    throw new MediaFailure('media-decode-failed', `the waveform file is invalid: ${why}`, { kind: 'waveform-invalid' });
  };
  // Binary .dat starts with a little-endian int32 version (1 or 2); JSON with `{` (maybe after space).
  if (bytes.byteLength >= 20 && (view.getInt32(0, true) === 1 || view.getInt32(0, true) === 2)) {
    const version = view.getInt32(0, true);
    const header = {
      sampleRate: view.getInt32(8, true),
      scale: view.getInt32(12, true),
      length: view.getUint32(16, true),
    };
    if (version === 2 && bytes.byteLength < 24) fail('truncated header');
    return { data: { arraybuffer: bytes }, header };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return fail('neither audiowaveform JSON nor binary data');
  }
  const j = json as Partial<import('peaks.js').JsonWaveformData>;
  if (typeof j !== 'object' || j === null || !Array.isArray(j.data)) return fail('no data array');
  if (j.bits !== 8) fail('only 8-bit waveforms are supported');
  if (!(typeof j.sample_rate === 'number' && j.sample_rate > 0)) fail('bad sample_rate');
  if (!(typeof j.samples_per_pixel === 'number' && j.samples_per_pixel > 0)) fail('bad samples_per_pixel');
  const channels = j.channels ?? 1;
  const length = j.length ?? j.data.length / (2 * channels);
  if (j.data.length !== length * 2 * channels) fail('data length does not match length × channels × 2');
  // peaks keeps its options alive: an array of numbers costs ~8 bytes a value, the binary layout 1.
  return {
    data: { arraybuffer: toBinaryWaveform(j.data, j.sample_rate!, j.samples_per_pixel!, length, channels) },
    header: { sampleRate: j.sample_rate!, scale: j.samples_per_pixel!, length },
  };
}

/** The audiowaveform binary format (version 2, 8-bit) of JSON waveform data. */
function toBinaryWaveform(
  data: readonly number[],
  sampleRate: number,
  scale: number,
  length: number,
  channels: number,
): ArrayBuffer {
  const HEADER = 24;
  const bytes = new ArrayBuffer(HEADER + data.length);
  const view = new DataView(bytes);
  view.setInt32(0, 2, true); // version
  view.setUint32(4, 1, true); // flags: 8-bit samples
  view.setInt32(8, sampleRate, true);
  view.setInt32(12, scale, true);
  view.setUint32(16, length, true);
  view.setInt32(20, channels, true);
  const samples = new Int8Array(bytes, HEADER);
  for (let i = 0; i < data.length; i++) samples[i] = Math.max(-128, Math.min(127, Math.round(Number(data[i]) || 0)));
  return bytes;
}

/**
 * Tells a 404 from a codec problem after the media element failed: Chromium's `MediaError` says
 * `SRC_NOT_SUPPORTED` for both, so the URL is probed with a GET whose body is cancelled.
 */
async function classifyMediaError(
  url: string,
  credentials: boolean,
  error: MediaError | null,
  signal: AbortSignal,
): Promise<MediaFailure> {
  const detail = error ? `${error.code}${error.message ? `: ${error.message}` : ''}` : 'unknown';
  if (error?.code === MediaError.MEDIA_ERR_DECODE) {
    return new MediaFailure('media-decode-failed', `the audio could not be decoded (${detail})`);
  }
  if (error?.code === MediaError.MEDIA_ERR_NETWORK || error?.code === MediaError.MEDIA_ERR_ABORTED) {
    return new MediaFailure('media-load-failed', `the audio could not be loaded (${detail})`);
  }
  try {
    // A plain GET (a one-byte Range request fails outright on an empty blob); only the headers
    // are waited for, the body is cancelled.
    const response = await fetch(url, { credentials: credentials ? 'include' : 'same-origin', signal });
    await response.body?.cancel();
    if (!response.ok) return new MediaFailure('media-load-failed', `the audio: HTTP ${response.status}`);
    if (response.headers.get('content-length') === '0') {
      return new MediaFailure('media-decode-failed', 'the audio file is empty', { kind: 'empty' });
    }
  } catch {
    return new MediaFailure('media-load-failed', `the audio could not be loaded (${detail})`);
  }
  return new MediaFailure('media-decode-failed', `the audio is not in a playable format (${detail})`);
}

/**
 * Drives the transcriber's waveform. Create it as a field of the element
 * (`new PeaksController(this, events)`), `attach(...)` once the containers are rendered, then
 * `load(...)`.
 */
export class PeaksController implements ReactiveController {
  private targets: AttachTargets | null = null;
  private peaks: PeaksInstance | null = null;
  private loading: AbortController | null = null;
  private detach: Array<() => void> = [];
  private segments: readonly WaveSegment[] = [];
  private insertMode = false;
  /** The in-memory copy of audio its server would not let the element seek in. */
  private objectUrl: string | undefined;
  private overlap = false;
  private styles: WaveSegmentStyles = new Map();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly events: PeaksEvents = {},
  ) {
    host.addController(this);
  }

  /** Lit: nothing to do on connect; `attach` needs the rendered containers. */
  hostConnected(): void {}

  /**
   * Lit: frees peaks, konva stages and listeners when the element leaves the page — unless it
   * was only moved (re-attached in the same task, as frameworks and dialogs do).
   */
  hostDisconnected(): void {
    queueMicrotask(() => {
      if (!(this.host as unknown as Element).isConnected) this.dispose();
    });
  }

  /** Binds the controller to the element's containers and `<audio>` (once per render tree). */
  attach(targets: AttachTargets): void {
    if (this.targets && this.targets.audio !== targets.audio) this.dispose();
    this.targets = targets;
  }

  /** The live peaks instance (tests, advanced use), or null before `load` resolves. */
  get instance(): PeaksInstance | null {
    return this.peaks;
  }

  /** Media duration in seconds (NaN before load). */
  get duration(): number {
    return this.targets?.audio.duration ?? NaN;
  }

  /**
   * Loads the audio (and its waveform). Resolves when the waveform is drawn and the media can
   * seek; rejects with a `MediaFailure`. A second call supersedes the first.
   */
  async load(options: LoadOptions): Promise<void> {
    const targets = this.targets;
    if (!targets) throw new Error('PeaksController.load(): call attach() first');
    this.destroyPeaks();
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    const { signal } = loading;
    const { audio } = targets;
    const credentials = options.withCredentials ?? false;

    // The waveform file is fetched while the element reads the media's metadata.
    const waveformPromise = options.waveformUrl
      ? fetchOk(options.waveformUrl, 'the waveform', credentials, signal)
          .then((response) => response.arrayBuffer())
          .then(parseWaveform)
      : null;
    waveformPromise?.catch(() => {}); // handled below; avoid an unhandled rejection meanwhile

    audio.crossOrigin = credentials ? 'use-credentials' : null;
    audio.preload = 'metadata';
    audio.preservesPitch = true;
    const metadata = awaitMetadata(audio, signal);
    audio.src = options.url;
    audio.load();
    try {
      await metadata;
    } catch (error) {
      if (error instanceof MediaFailure) throw error;
      throw await classifyMediaError(options.url, credentials, audio.error, signal);
    }
    let duration = audio.duration;
    if (!seekableThroughout(audio)) {
      // A server that sends neither the length nor byte ranges: the element streams the file as
      // live (duration Infinity) or cannot seek in it. Download it once and play it from memory.
      const blob = await (await fetchOk(options.url, 'the audio', credentials, signal)).blob();
      if (signal.aborted) throw new MediaFailure('media-load-failed', 'load superseded');
      this.objectUrl = URL.createObjectURL(blob);
      const again = awaitMetadata(audio, signal);
      audio.src = this.objectUrl;
      audio.load();
      try {
        await again;
      } catch (error) {
        if (error instanceof MediaFailure) throw error;
        throw await classifyMediaError(this.objectUrl, false, audio.error, signal);
      }
      duration = audio.duration;
    }
    if (!Number.isFinite(duration) || duration <= 0) {
      throw new MediaFailure('media-decode-failed', `the audio has no usable duration (${duration})`);
    }

    let source: { waveformData: LocalWaveform } | { webAudio: { audioBuffer: AudioBuffer; multiChannel: false } };
    let baseScale: number;
    if (waveformPromise) {
      const { data, header } = await waveformPromise;
      const waveDuration = (header.length * header.scale) / header.sampleRate;
      if (Math.abs(waveDuration - duration) > mismatchTolerance(duration)) {
        throw new MediaFailure(
          'media-load-failed',
          `the waveform (${waveDuration.toFixed(2)} s) does not match the audio (${duration.toFixed(2)} s)`,
          { kind: 'waveform-mismatch', waveform: waveDuration, audio: duration },
        );
      }
      source = { waveformData: data };
      baseScale = header.scale;
    } else {
      if (duration > options.maxDecodeSeconds) {
        throw new MediaFailure(
          'media-decode-failed',
          `the audio is ${Math.round(duration)} s long; without a precomputed waveform at most ${options.maxDecodeSeconds} s are decoded`,
          { kind: 'too-long', seconds: duration, limit: options.maxDecodeSeconds },
        );
      }
      const bytes = await (await fetchOk(options.url, 'the audio', credentials, signal)).arrayBuffer();
      let buffer: AudioBuffer;
      try {
        buffer = await new OfflineAudioContext(1, 1, DECODE_RATE).decodeAudioData(bytes);
      } catch (error) {
        throw new MediaFailure('media-decode-failed', `the audio could not be decoded: ${String(error)}`);
      }
      source = { webAudio: { audioBuffer: buffer, multiChannel: false } };
      baseScale = DECODE_SCALE;
    }
    if (signal.aborted) throw new MediaFailure('media-load-failed', 'load superseded');

    const peaks = await withEmptyingInnerHTML([targets.zoomview, targets.overview], () =>
      new Promise<PeaksInstance>((resolve, reject) => {
        Peaks.init(
          {
            ...source,
            mediaElement: audio,
            zoomview: {
              container: targets.zoomview,
              wheelMode: 'scroll',
              ...(options.colors
                ? {
                    waveformColor: options.colors.waveform,
                    playheadColor: options.colors.ink,
                    axisLabelColor: options.colors.ink,
                    axisGridlineColor: options.colors.waveform,
                  }
                : {}),
            },
            overview: {
              container: targets.overview,
              ...(options.colors
                ? {
                    waveformColor: options.colors.waveform,
                    playedWaveformColor: options.colors.ink,
                    playheadColor: options.colors.ink,
                    axisLabelColor: options.colors.ink,
                    axisGridlineColor: options.colors.waveform,
                    highlightColor: options.colors.waveform,
                  }
                : {}),
            },
            zoomLevels: ZOOM_FACTORS.map((factor) => baseScale * factor),
            keyboard: false,
            segmentOptions: { markers: true, overlay: false },
          },
          (error, instance) => (error || !instance ? reject(error) : resolve(instance)),
        );
      }).catch((error: unknown) => {
        throw error instanceof MediaFailure
          ? error
          : new MediaFailure('media-decode-failed', `the waveform could not be drawn: ${String(error)}`);
      }),
    );
    if (signal.aborted) {
      peaks.destroy();
      throw new MediaFailure('media-load-failed', 'load superseded');
    }
    this.peaks = peaks;
    this.loading = null;
    peaks.views.getView('zoomview')?.enableSegmentDragging(true);
    this.setInsertMode(this.insertMode);
    this.setOverlapAllowed(this.overlap);
    this.listen(peaks, audio);
    this.applySegments();
  }

  /** Shows these segments (ids are kept as peaks segment ids), painted by speaker style. */
  setSegments(segments: readonly WaveSegment[], styles: WaveSegmentStyles = new Map()): void {
    this.segments = segments;
    this.styles = styles;
    this.applySegments();
  }

  /** Starts playback (rejects as `HTMLMediaElement.play` does). */
  play(): Promise<void> {
    return this.targets?.audio.play() ?? Promise.resolve();
  }

  /** Pauses playback. */
  pause(): void {
    this.targets?.audio.pause();
  }

  /** Moves the playhead to `time` seconds (clamped to the media). */
  seek(time: number): void {
    const audio = this.targets?.audio;
    if (!audio) return;
    const end = Number.isFinite(audio.duration) ? audio.duration : Infinity;
    audio.currentTime = Math.min(Math.max(0, time), end);
  }

  /** Sets the playback rate (0.5–2), keeping the pitch. */
  setRate(rate: number): void {
    const audio = this.targets?.audio;
    if (!audio) return;
    audio.preservesPitch = true;
    audio.playbackRate = Math.min(2, Math.max(0.5, rate));
  }

  /** One zoom level closer. */
  zoomIn(): void {
    this.peaks?.zoom.zoomIn();
    this.reportZoom();
  }

  /** One zoom level further out. */
  zoomOut(): void {
    this.peaks?.zoom.zoomOut();
    this.reportZoom();
  }

  /** The zoom level (0 = most detailed) and how many there are. */
  get zoom(): { level: number; levels: number } {
    return { level: this.peaks?.zoom.getZoom() ?? 0, levels: ZOOM_FACTORS.length };
  }

  /**
   * Insert mode: dragging across the zoomview makes a segment (`onSegmentInsert`) instead of
   * scrolling the view; a click still seeks. Off for read-only work.
   */
  setInsertMode(enabled: boolean): void {
    this.insertMode = enabled;
    this.peaks?.views.getView('zoomview')?.setWaveformDragMode(enabled ? 'insert-segment' : 'scroll');
  }

  /** Whether a dragged edge may pass a neighbouring segment (else it stops there). */
  setOverlapAllowed(allowed: boolean): void {
    this.overlap = allowed;
    this.peaks?.views.getView('zoomview')?.setSegmentDragMode(allowed ? 'overlap' : 'no-overlap');
  }

  private reportZoom(): void {
    const { level, levels } = this.zoom;
    this.events.onZoom?.(level, levels);
  }

  /** Destroys peaks (and its konva stages) and cancels a pending load. Safe to call twice. */
  dispose(): void {
    this.loading?.abort();
    this.loading = null;
    this.destroyPeaks();
  }

  private destroyPeaks(): void {
    for (const off of this.detach) off();
    this.detach = [];
    this.peaks?.destroy();
    this.peaks = null;
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = undefined;
  }

  private listen(peaks: PeaksInstance, audio: HTMLAudioElement): void {
    const onDragEnd = (event: { segment: PeaksSegment }): void => {
      const { id, startTime, endTime } = event.segment;
      if (id !== undefined) this.events.onSegmentChange?.(id, ms(startTime), ms(endTime));
    };
    const onClick = (event: { time: number }): void => {
      // peaks does not seek when the click lands on a segment in insert mode: seek here, so the
      // media always follows the playhead the worker sees.
      if (Math.abs(audio.currentTime - event.time) > 0.0005) this.seek(event.time);
      this.events.onSeek?.(event.time);
    };
    const onTime = (): void => this.events.onTimeUpdate?.(audio.currentTime);
    const onInsert = (event: { segment: PeaksSegment }): void => {
      const { startTime, endTime } = event.segment;
      peaks.segments.removeById(event.segment.id ?? '');
      const start = Math.min(startTime, endTime);
      const end = Math.max(startTime, endTime);
      if (end - start < MIN_INSERT_SECONDS) {
        this.seek(start);
        this.events.onSeek?.(start);
      } else {
        this.events.onSegmentInsert?.(ms(start), ms(end));
      }
    };
    peaks.on('segments.insert', onInsert);
    peaks.on('segments.dragend', onDragEnd);
    peaks.on('zoomview.click', onClick);
    peaks.on('overview.click', onClick);
    audio.addEventListener('timeupdate', onTime);
    this.detach.push(
      () => peaks.off('segments.insert', onInsert),
      () => peaks.off('segments.dragend', onDragEnd),
      () => peaks.off('zoomview.click', onClick),
      () => peaks.off('overview.click', onClick),
      () => audio.removeEventListener('timeupdate', onTime),
    );
  }

  private styleOf(speaker: string | undefined): WaveSegmentStyle {
    const key = speaker ?? '';
    const styles = this.styles;
    return (isStyleMap(styles) ? styles.get(key) : Object.hasOwn(styles, key) ? styles[key] : undefined) ?? {};
  }

  /** Mirrors `this.segments` into peaks: update the kept ones, add the new, remove the gone. */
  private applySegments(): void {
    const peaks = this.peaks;
    if (!peaks) return;
    const wanted = new Map(this.segments.map((segment) => [segment.id, segment]));
    for (const existing of peaks.segments.getSegments()) {
      if (existing.id === undefined || !wanted.has(existing.id)) peaks.segments.removeById(existing.id ?? '');
    }
    const added: SegmentOptions[] = [];
    for (const segment of this.segments) {
      const style = this.styleOf(segment.speaker);
      const options: SegmentOptions = {
        id: segment.id,
        startTime: segment.start,
        endTime: segment.end,
        editable: segment.editable ?? true,
        labelText: segment.label ?? '',
        ...(style.color ? { color: style.color } : {}),
        ...(style.borderColor ? { borderColor: style.borderColor } : {}),
      };
      const existing = peaks.segments.getSegment(segment.id);
      if (!existing) {
        added.push(options);
        continue;
      }
      const { id: _id, ...changes } = options;
      const same = (Object.keys(changes) as Array<keyof typeof changes>).every((key) => existing[key] === changes[key]);
      if (!same) existing.update(changes);
    }
    if (added.length > 0) peaks.segments.add(added);
  }
}
