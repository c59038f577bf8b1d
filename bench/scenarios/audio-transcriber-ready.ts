/**
 * audio-transcriber-ready: `<tagwerk-audio-transcriber>` given a task whose audio has a
 * precomputed waveform (10 and 60 minutes of 8 kHz mono WAV, audiowaveform JSON or .dat at 256
 * samples per pixel), timed from creating the element and setting `task` to `tagwerk-ready` plus
 * two animation frames (the waveform painted). Baseline, interleaved mount by mount: bare peaks.js
 * 4 — `Peaks.init` with a fresh `<audio>` on the same blob URL, the same waveform file through
 * `dataUri` (json or arraybuffer), containers of the element's zoomview and overview size, and the
 * options the element's PeaksController passes (zoom levels, segment markers, no keyboard). A
 * fresh element (or peaks instance) per mount, removed before the next; renderer memory is read
 * while each is shown.
 */
import '../../packages/audio-transcriber/src/index.js';
import { audioTask, benchAudio, WAVEFORM_SCALE, type BenchAudio } from '../fixtures/audio-tasks.js';
import { Peaks, type PeaksInstance } from '../fixtures/audio-peaks.js';
import { compareAll, median, summarize } from '../lib/stats.js';
import type { Row, ScenarioContext } from '../lib/types.js';
import { fixedStage, painted, timeout, whenReady } from '../page/timing.js';

const MB = 1024 * 1024;
const FRAME = { width: 1200, height: 900 };

type Format = 'json' | 'dat';
type SideName = 'oursJson' | 'peaksJson' | 'oursDat' | 'peaksDat';
const SIDES: Record<SideName, { ours: boolean; format: Format }> = {
  oursJson: { ours: true, format: 'json' },
  peaksJson: { ours: false, format: 'json' },
  oursDat: { ours: true, format: 'dat' },
  peaksDat: { ours: false, format: 'dat' },
};

/** Border-box size of the element's waveform containers, which the baseline's copy. */
interface ContainerSize {
  width: number;
  zoomview: number;
  overview: number;
}

interface Mounted {
  /** Set → ready (ours) or Peaks.init → callback (peaks), and from there to painted. */
  phases: { ready: number; paint: number };
  unmount(): Promise<void>;
}

let serial = 0;

async function mountOurs(host: HTMLElement, audio: BenchAudio, format: Format): Promise<Mounted> {
  const started = performance.now();
  const element = document.createElement('tagwerk-audio-transcriber');
  element.autosave = 'off';
  const ready = whenReady(element);
  element.task = audioTask(`bench-ready-${++serial}`, {
    url: audio.wavUrl,
    waveform: format === 'json' ? audio.jsonUrl : audio.datUrl,
  });
  host.append(element);
  await timeout(ready, 30_000, 'tagwerk-ready');
  const readyAt = performance.now();
  await painted();
  return {
    phases: { ready: readyAt - started, paint: performance.now() - readyAt },
    unmount: async () => {
      element.remove();
      await painted();
    },
  };
}

/** The options PeaksController.load passes to Peaks.init, for a waveform at `WAVEFORM_SCALE`. */
const CONTROLLER_OPTIONS = {
  zoomLevels: [1, 2, 4, 8, 16, 32].map((factor) => WAVEFORM_SCALE * factor),
  keyboard: false,
  segmentOptions: { markers: true, overlay: false },
};

async function mountPeaks(host: HTMLElement, audio: BenchAudio, format: Format, size: ContainerSize): Promise<Mounted> {
  const started = performance.now();
  const wrap = document.createElement('div');
  const box = (height: number) => {
    const div = document.createElement('div');
    div.style.cssText = `width:${size.width}px;height:${height}px;box-sizing:border-box;border:1px solid #888;overflow:hidden`;
    return div;
  };
  const zoomview = box(size.zoomview);
  const overview = box(size.overview);
  const media = document.createElement('audio');
  media.preload = 'metadata';
  media.src = audio.wavUrl;
  wrap.append(zoomview, overview, media);
  host.append(wrap);
  const peaks = await timeout(
    new Promise<PeaksInstance>((resolve, reject) => {
      Peaks.init(
        {
          ...CONTROLLER_OPTIONS,
          mediaElement: media,
          dataUri: format === 'json' ? { json: audio.jsonUrl } : { arraybuffer: audio.datUrl },
          zoomview: { container: zoomview, wheelMode: 'scroll' },
          overview: { container: overview },
        },
        (error, instance) => (error || !instance ? reject(error ?? new Error('no instance')) : resolve(instance)),
      );
    }),
    30_000,
    'Peaks.init',
  );
  const readyAt = performance.now();
  await painted();
  return {
    phases: { ready: readyAt - started, paint: performance.now() - readyAt },
    unmount: async () => {
      peaks.destroy();
      media.pause();
      wrap.remove();
      await painted();
    },
  };
}

/** Medians of the phases of our mount, from instrumented mounts outside the comparison. */
interface Parts {
  /** Set task → the <audio> has its metadata (the waveform is fetched and checked meanwhile). */
  toMetadata: number;
  /** Set task → Peaks.init called. */
  toInit: number;
  /** Peaks.init → its callback: peaks builds both views. */
  init: number;
  /** Peaks' callback → tagwerk-ready: segments applied, the surface rendered. */
  toReady: number;
  /** Ready → painted (two frames). */
  paint: number;
  /** Inside that: both views' fitToContainer, called by the element's ResizeObserver. */
  refit: number;
}

/**
 * Our mount, instrumented: Peaks.init is wrapped (the widget and the bench share one peaks.js), the
 * <audio>'s loadedmetadata heard in the capture phase, and the views' fitToContainer timed.
 */
async function measureParts(host: HTMLElement, audio: BenchAudio, samples: number): Promise<Parts> {
  const init = Peaks.init.bind(Peaks);
  const marks = { init: Number.NaN, callback: Number.NaN };
  const wrapped: typeof Peaks.init = (options, callback) => {
    marks.init = performance.now();
    init(options, (error, instance) => {
      marks.callback = performance.now();
      callback?.(error, instance);
    });
  };
  const all: Parts[] = [];
  (Peaks as { init: typeof Peaks.init }).init = wrapped;
  try {
    for (let i = 0; i < samples; i++) {
      marks.init = marks.callback = Number.NaN;
      let metadataAt = Number.NaN;
      let refit = 0;
      const started = performance.now();
      const element = document.createElement('tagwerk-audio-transcriber');
      element.autosave = 'off';
      const ready = whenReady(element);
      element.task = audioTask(`bench-parts-${++serial}`, { url: audio.wavUrl, waveform: audio.jsonUrl });
      host.append(element);
      // Media events do not bubble, but the shadow root sees them in the capture phase.
      element.shadowRoot?.addEventListener('loadedmetadata', () => (metadataAt = performance.now()), {
        capture: true,
        once: true,
      });
      await timeout(ready, 30_000, 'tagwerk-ready');
      const readyAt = performance.now();
      // The element's PeaksController keeps the instance private; the bench reads it to time the refit.
      const peaks = (element as unknown as { peaks?: { instance?: PeaksInstance | null } }).peaks?.instance;
      if (!peaks) throw new Error('no peaks instance on the element (its PeaksController field moved?)');
      for (const view of [peaks.views.getView('zoomview'), peaks.views.getView('overview')]) {
        if (!view) continue;
        const fit = view.fitToContainer.bind(view);
        view.fitToContainer = () => {
          const t = performance.now();
          fit();
          refit += performance.now() - t;
        };
      }
      await painted();
      const paintedAt = performance.now();
      if (Number.isNaN(marks.init))
        throw new Error("the widget's Peaks.init was not the bench's: two copies of peaks.js");
      all.push({
        toMetadata: metadataAt - started,
        toInit: marks.init - started,
        init: marks.callback - marks.init,
        toReady: readyAt - marks.callback,
        paint: paintedAt - readyAt,
        refit,
      });
      element.remove();
      await painted();
    }
  } finally {
    (Peaks as { init: typeof Peaks.init }).init = init;
  }
  const keys = Object.keys(all[0]!) as Array<keyof Parts>;
  return Object.fromEntries(keys.map((k) => [k, median(all.map((p) => p[k]))])) as unknown as Parts;
}

interface SideResult {
  times: number[];
  ready: number[];
  paint: number[];
  heap: number[];
}

async function runDuration(
  ctx: ScenarioContext,
  host: HTMLElement,
  audio: BenchAudio,
  samples: number,
  warmup: number,
): Promise<{
  sides: Record<SideName, SideResult>;
  size: ContainerSize;
  heapSource: string;
  emptyHeap: number;
  parts: Parts;
}> {
  // One untimed mount first: the element's container sizes (the baseline's containers copy them).
  const first = await mountOurs(host, audio, 'json');
  const root = host.querySelector('tagwerk-audio-transcriber')?.shadowRoot;
  const zoomview = root?.querySelector<HTMLElement>('.zoomview');
  const overview = root?.querySelector<HTMLElement>('.overview');
  if (!zoomview?.querySelector('canvas') || !overview)
    throw new Error('the element drew no waveform canvas in .zoomview');
  const rect = zoomview.getBoundingClientRect();
  const size = {
    width: Math.round(rect.width),
    zoomview: Math.round(rect.height),
    overview: Math.round(overview.getBoundingClientRect().height),
  };
  await first.unmount();

  const sides = Object.fromEntries(
    (Object.keys(SIDES) as SideName[]).map((name) => [name, { times: [], ready: [], paint: [], heap: [] }]),
  ) as unknown as Record<SideName, SideResult>;
  let shown: { side: SideName; mounted: Mounted } | undefined;
  let heapSource = '';
  // Untimed between mounts: read the renderer's heap while the last mount is shown, remove it,
  // let the removal render, and collect its garbage.
  const before = async () => {
    if (shown) {
      const heap = await ctx.heapUsed();
      heapSource = heap.source;
      sides[shown.side].heap.push(heap.bytes);
      await shown.mounted.unmount();
      shown = undefined;
    }
    await ctx.gc();
    await painted();
  };
  const work = (side: SideName) => async () => {
    const { ours, format } = SIDES[side];
    const mounted = ours ? await mountOurs(host, audio, format) : await mountPeaks(host, audio, format, size);
    sides[side].ready.push(mounted.phases.ready);
    sides[side].paint.push(mounted.phases.paint);
    shown = { side, mounted };
  };
  const times = await compareAll(
    { oursJson: work('oursJson'), peaksJson: work('peaksJson'), oursDat: work('oursDat'), peaksDat: work('peaksDat') },
    { warmup, samples, before },
  );
  await before();
  // Nothing shown, every side's code compiled: what the page holds without a waveform.
  const empty = await ctx.heapUsed();
  for (const side of Object.keys(SIDES) as SideName[]) {
    const s = sides[side];
    s.times = times[side];
    // Warm-up mounts recorded phases and heap too: keep the timed ones.
    for (const list of [s.ready, s.paint, s.heap]) list.splice(0, list.length - samples);
  }
  const parts = await measureParts(host, audio, Math.max(3, Math.round(samples / 2)));
  return { sides, size, heapSource, emptyHeap: empty.bytes, parts };
}

function rowsFor(audio: BenchAudio, result: Awaited<ReturnType<typeof runDuration>>): Row[] {
  const { sides } = result;
  const minutes = `${audio.seconds / 60} min`;
  const n = sides.oursJson.times.length;
  const mb = (bytes: number) => (bytes < MB ? `${Math.round(bytes / 1024)} kB` : `${(bytes / MB).toFixed(1)} MB`);
  const extra = Object.fromEntries(
    (Object.keys(SIDES) as SideName[]).map((side) => [
      side,
      {
        total: summarize(sides[side].times),
        toReady: summarize(sides[side].ready),
        readyToPainted: summarize(sides[side].paint),
        heap: sides[side].heap,
      },
    ]),
  );
  const pair = (ours: SideName, base: SideName, pick: (s: SideResult) => number[], q: (v: number[]) => number) => ({
    ours: q(pick(sides[ours])),
    baseline: { name: base.startsWith('peaks') ? baselineName(SIDES[base].format) : base, value: q(pick(sides[base])) },
    samples: { ours: pick(sides[ours]), baseline: pick(sides[base]) },
  });
  const p95 = (v: number[]) => summarize(v).p95;
  return [
    {
      measure: `${minutes}, JSON waveform · task → ready + painted, median of ${n}`,
      unit: 'ms',
      ...pair('oursJson', 'peaksJson', (s) => s.times, median),
      target: { on: 'ratio', max: 1.2 },
      note:
        `From creating the element and setting \`task\` (autosave off) to \`tagwerk-ready\` plus two animation frames, against bare peaks.js: ` +
        `creating two containers of the element's zoomview and overview size (${result.size.width} × ${result.size.zoomview} and ${result.size.overview} px) and an <audio>, then Peaks.init with ` +
        `the same blob URLs and the options the element passes, to its callback plus two frames. Audio: ${minutes} of 8 kHz mono 16-bit WAV ` +
        `(${mb(audio.bytes.wav)}), waveform at ${WAVEFORM_SCALE} samples per pixel: JSON ${mb(audio.bytes.json)}, .dat ${mb(audio.bytes.dat)}. ` +
        'Ours also validates the task, fetches the waveform itself (while the <audio> reads its metadata; peaks fetches after) and checks it ' +
        'against the audio, renders the transport, list and footer, and refits the waveform to its container once shown.',
      extra: { ...extra, waveformBytes: audio.bytes, containers: result.size },
    },
    {
      measure: `${minutes}, JSON waveform · task → ready + painted, p95 of ${n}`,
      unit: 'ms',
      ...pair('oursJson', 'peaksJson', (s) => s.times, p95),
    },
    {
      measure: `${minutes}, JSON · of which set task → ready (peaks: init → callback), median`,
      unit: 'ms',
      ...pair('oursJson', 'peaksJson', (s) => s.ready, median),
    },
    {
      measure: `${minutes}, JSON · of which ready → painted, median`,
      unit: 'ms',
      ...pair('oursJson', 'peaksJson', (s) => s.paint, median),
      note:
        "Two animation frames after the ready event (or peaks' callback): style, layout and paint of what was added. Ours also " +
        'refits both waveform views to their containers here (a ResizeObserver set up after the first render: peaks built them in a ' +
        'hidden holder).',
    },
    {
      measure: `${minutes}, JSON · ours alone: set task → Peaks.init called (metadata at ${result.parts.toMetadata.toFixed(1)} ms), median`,
      unit: 'ms',
      ours: result.parts.toInit,
      note:
        'Breakdown of our mount, from separate instrumented mounts after the comparison (Peaks.init wrapped — the widget and the ' +
        "bench share one peaks.js —, the <audio>'s loadedmetadata heard on the shadow root, the views' fitToContainer timed): " +
        'before Peaks.init the element validates the task, renders its loading state, and waits for the media metadata while it ' +
        "fetches and checks the waveform; Peaks.init → callback is peaks building both views from local data (the baseline's " +
        'init → callback above also loads the metadata and fetches the waveform); then the segments are applied and the surface ' +
        "rendered until tagwerk-ready; after it, the element's ResizeObserver refits both views to their containers.",
      extra: { parts: result.parts },
    },
    {
      measure: `${minutes}, JSON · ours alone: Peaks.init → callback (both views built), median`,
      unit: 'ms',
      ours: result.parts.init,
    },
    {
      measure: `${minutes}, JSON · ours alone: Peaks' callback → tagwerk-ready, median`,
      unit: 'ms',
      ours: result.parts.toReady,
    },
    {
      measure: `${minutes}, JSON · ours alone: refit after ready (fitToContainer × 2), median`,
      unit: 'ms',
      ours: result.parts.refit,
    },
    {
      measure: `${minutes}, .dat waveform · task → ready + painted, median of ${n}`,
      unit: 'ms',
      ...pair('oursDat', 'peaksDat', (s) => s.times, median),
      target: { on: 'ratio', max: 1.2 },
      note: "The same with audiowaveform's binary .dat (version 2, 8-bit): peaks gets `dataUri: { arraybuffer }`.",
    },
    {
      measure: `${minutes}, JSON waveform · renderer memory while shown, median of ${n}`,
      unit: 'B',
      ...pair('oursJson', 'peaksJson', (s) => s.heap, median),
      note:
        `JS heap of the whole page after a GC while one element (or one bare peaks instance) is shown, from ${result.heapSource}; ` +
        `with nothing mounted the page reads ${mb(result.emptyHeap)}. Canvas backing stores are included under ` +
        'measureUserAgentSpecificMemory; decoded media buffers and the blob store (the WAV) are not. Both sides play the same blob URL.',
    },
    {
      measure: `${minutes}, JSON · of which held by what is shown (heap − empty page), median`,
      unit: 'B',
      ours: median(sides.oursJson.heap) - result.emptyHeap,
      baseline: { name: baselineName('json'), value: median(sides.peaksJson.heap) - result.emptyHeap },
      note:
        "The same readings less the page with nothing mounted (read after the last mount was removed, every side's code " +
        'compiled): what one widget (or one bare peaks instance) with its waveform holds.',
    },
    {
      measure: `${minutes}, .dat waveform · renderer memory while shown, median of ${n}`,
      unit: 'B',
      ...pair('oursDat', 'peaksDat', (s) => s.heap, median),
    },
  ];
}

function baselineName(format: Format): string {
  return format === 'json' ? 'Peaks.init, dataUri json' : 'Peaks.init, dataUri arraybuffer';
}

export async function run(ctx: ScenarioContext): Promise<Row[]> {
  const host = fixedStage(FRAME.width, FRAME.height);
  const rows: Row[] = [];
  try {
    // Warm-up, thrown away: the first mounts of a fresh page pay for JIT tiers, styles and konva setup.
    const warm = benchAudio(60);
    try {
      await runDuration(ctx, host, warm, 1, 1);
    } finally {
      warm.revoke();
    }
    for (const seconds of [600, 3600]) {
      const started = performance.now();
      const audio = benchAudio(seconds);
      ctx.log(
        `${seconds / 60} min: audio and waveforms generated in ${Math.round(performance.now() - started)} ms ` +
          `(WAV ${(audio.bytes.wav / MB).toFixed(1)} MB, JSON ${(audio.bytes.json / MB).toFixed(2)} MB)`,
      );
      try {
        const result = await runDuration(ctx, host, audio, ctx.quick ? 3 : 10, ctx.quick ? 1 : 2);
        const s = result.sides;
        const med = (side: SideName, key: 'times' | 'ready' | 'paint' | 'heap') => median(s[side][key]);
        ctx.log(
          `${seconds / 60} min: ours json ${med('oursJson', 'times').toFixed(0)} ms (ready ${med('oursJson', 'ready').toFixed(0)}, ` +
            `paint ${med('oursJson', 'paint').toFixed(0)}), peaks json ${med('peaksJson', 'times').toFixed(0)} ms ` +
            `(init ${med('peaksJson', 'ready').toFixed(0)}, paint ${med('peaksJson', 'paint').toFixed(0)}); ` +
            `ours dat ${med('oursDat', 'times').toFixed(0)} ms, peaks dat ${med('peaksDat', 'times').toFixed(0)} ms; ` +
            `heap ours ${(med('oursJson', 'heap') / MB).toFixed(1)} MB, peaks ${(med('peaksJson', 'heap') / MB).toFixed(1)} MB`,
        );
        rows.push(...rowsFor(audio, result));
      } finally {
        audio.revoke();
      }
    }
  } finally {
    host.remove();
  }
  return rows;
}
