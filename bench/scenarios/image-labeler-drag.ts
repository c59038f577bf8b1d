/**
 * image-labeler-drag: the image labeller's stage (FabricCanvasController) with 1,000 and 5,000
 * boxes on a 4,000 × 3,000 image in a 1,200 × 800 stage, against bare fabric doing the same
 * naively — every box a `fabric.Rect` on one Canvas over a `FabricImage` background, with
 * fabric's default object caching on, and with it off. For each, interleaved round by round
 * (the three sides rotate order): time to first render, frame time while the real (trusted,
 * CDP) mouse drags one box, and renderer memory.
 *
 * Frame time: for every frame in which a mouse move arrived, from the first move handler of the
 * frame to the end of that frame's rendering (a task posted from requestAnimationFrame runs once
 * style, layout, paint and the canvases' flush are done) — main-thread work per frame, which must
 * fit in 16.7 ms for 60 fps. rAF-to-rAF intervals are kept in the JSON too.
 */
import { FabricCanvasController } from '../../packages/image-labeler/src/fabric-canvas-controller.js';
import type { LabelStyle } from '../../packages/image-labeler/src/stage-types.js';
import type { Region } from '@tagwerk/core';
import { BENCH_IMAGE, BENCH_LABELS, benchBoxes, benchImage, TARGET } from '../fixtures/image-boxes.js';
import { Canvas, FabricImage, Rect } from '../fixtures/image-fabric.js';
import { median, quantile, summarize } from '../lib/stats.js';
import type { BrowserHost, Row, ScenarioContext } from '../lib/types.js';
import { FRAME_MS, afterPaint, fixedStage, frameRendered } from '../page/timing.js';

const STAGE = { width: 1200, height: 800 };
const MB = 1024 * 1024;

type SideName = 'ours' | 'cacheOff' | 'cacheOn';
const SIDES: readonly SideName[] = ['ours', 'cacheOff', 'cacheOn'];
const BASELINE_NAME: Record<Exclude<SideName, 'ours'>, string> = {
  cacheOff: 'fabric naive, objectCaching off',
  cacheOn: 'fabric naive, objectCaching on',
};

interface Mounted {
  /** Page position of the dragged box's centre. */
  target: { x: number; y: number };
  /** Canvas backing stores the side holds, fabric's cache canvases included (bytes). */
  canvasBytes(): number;
  /** Decoded images it draws from (bytes): our ImageBitmaps, fabric's <img>. */
  imageBytes(): number;
  unmount(): Promise<void>;
}

interface Measure {
  firstRender: number[];
  work: number[];
  intervals: number[];
  heap: number[];
  /** Whether the heap reading counts canvas backing stores (measureUserAgentSpecificMemory does). */
  heapHasCanvases: boolean[];
  canvas: number[];
  images: number[];
  moves: number[];
}

/** The fit-and-centre viewport both sides use. */
function fitTransform(): { zoom: number; ox: number; oy: number } {
  const zoom = Math.min(STAGE.width / BENCH_IMAGE.width, STAGE.height / BENCH_IMAGE.height);
  return { zoom, ox: (STAGE.width - BENCH_IMAGE.width * zoom) / 2, oy: (STAGE.height - BENCH_IMAGE.height * zoom) / 2 };
}

const TARGET_CENTER = { x: TARGET.bbox.x + TARGET.bbox.width / 2, y: TARGET.bbox.y + TARGET.bbox.height / 2 };

const styles: Record<string, LabelStyle> = Object.fromEntries(
  BENCH_LABELS.map((l) => [l.id, { name: l.name, color: l.color }]),
);

/** Ours, driven as the element drives it: selections and edits are applied back. */
async function mountOurs(
  image: HTMLImageElement,
  boxes: readonly Region[],
): Promise<Mounted & { firstRender: number }> {
  const div = fixedStage(STAGE.width, STAGE.height, '#222');
  let regions = boxes;
  const host = { addController: () => undefined, removeController: () => undefined, requestUpdate: () => undefined };
  const started = performance.now();
  const stage: FabricCanvasController = new FabricCanvasController(
    host as never,
    {
      onDraw: () => undefined,
      onSelect: (ids) => stage.setSelection(ids),
      onEdit: (changes) => {
        const byId = new Map(changes.map((c) => [c.id, c.region]));
        regions = regions.map((r) => byId.get(r.id) ?? r);
        stage.setRegions(regions, styles);
      },
      onViewport: () => undefined,
    },
    { coarse: false },
  );
  stage.attach(div);
  stage.setRegions(regions, styles);
  await stage.setImage(image, BENCH_IMAGE);
  await stage.rendered();
  await afterPaint();
  const firstRender = performance.now() - started;
  const screen = stage.imageToScreen(TARGET_CENTER);
  return {
    firstRender,
    target: { x: Math.round(screen.x), y: Math.round(screen.y) },
    canvasBytes: () => stage.memoryUse.canvases,
    imageBytes: () => stage.memoryUse.bitmaps,
    unmount: async () => {
      stage.hostDisconnected();
      div.remove();
      await frameRendered();
    },
  };
}

/** Bare fabric, naively: one Rect per box, the image as background, default interaction. */
async function mountFabric(
  image: HTMLImageElement,
  boxes: readonly Region[],
  objectCaching: boolean,
): Promise<Mounted & { firstRender: number }> {
  const div = fixedStage(STAGE.width, STAGE.height, '#222');
  const colors = new Map<string, string>(BENCH_LABELS.map((l) => [l.id, l.color]));
  const started = performance.now();
  const element = document.createElement('canvas');
  div.append(element);
  const canvas = new Canvas(element, {
    width: STAGE.width,
    height: STAGE.height,
    renderOnAddRemove: false,
    preserveObjectStacking: true,
  });
  canvas.backgroundImage = new FabricImage(image, { left: 0, top: 0, originX: 'left', originY: 'top', objectCaching });
  const rects = boxes.map((r) => {
    if (r.type !== 'bbox') throw new Error('boxes only');
    const color = colors.get(r.label) ?? '#808080';
    return new Rect({
      left: r.bbox.x,
      top: r.bbox.y,
      width: r.bbox.width,
      height: r.bbox.height,
      originX: 'left',
      originY: 'top',
      fill: `${color}1f`,
      stroke: color,
      strokeWidth: 2,
      strokeUniform: true,
      objectCaching,
    });
  });
  canvas.add(...rects);
  const { zoom, ox, oy } = fitTransform();
  canvas.setViewportTransform([zoom, 0, 0, zoom, ox, oy]);
  canvas.renderAll();
  await afterPaint();
  const firstRender = performance.now() - started;
  return {
    firstRender,
    target: { x: Math.round(ox + TARGET_CENTER.x * zoom), y: Math.round(oy + TARGET_CENTER.y * zoom) },
    canvasBytes: () => {
      const bytes = (c?: HTMLCanvasElement) => (c ? c.width * c.height * 4 : 0);
      let sum = bytes(canvas.lowerCanvasEl) + bytes(canvas.upperCanvasEl);
      for (const o of [canvas.backgroundImage, ...canvas.getObjects()]) {
        sum += bytes((o as unknown as { _cacheCanvas?: HTMLCanvasElement } | undefined)?._cacheCanvas);
      }
      return sum;
    },
    // The decoded <img> fabric draws from every frame: it must stay alive as long as the canvas.
    imageBytes: () => image.naturalWidth * image.naturalHeight * 4,
    unmount: async () => {
      await canvas.dispose();
      div.remove();
      await frameRendered();
    },
  };
}

/**
 * Clicks the target (selects it), waits for quiet, then drags it with the trusted mouse, one move
 * per frame or so, timing every frame that handled a move. Stops after `moves` moves or `budgetMs`.
 */
async function drag(
  host: BrowserHost,
  at: { x: number; y: number },
  moves: number,
  budgetMs: number,
): Promise<{ work: number[]; intervals: number[]; moves: number }> {
  await host.mouseMove(at.x, at.y);
  await host.mouseDown();
  await host.mouseUp();
  for (let i = 0; i < 20; i++) await frameRendered(); // selection painted, background work settled

  let inputAt = Number.NaN;
  const onInput = () => {
    if (Number.isNaN(inputAt)) inputAt = performance.now();
  };
  window.addEventListener('pointermove', onInput, { capture: true });
  window.addEventListener('mousemove', onInput, { capture: true });
  const work: number[] = [];
  const stamps: number[] = [];
  let recording = true;
  const loop = (time: number) => {
    if (!recording) return;
    stamps.push(time);
    const start = inputAt;
    inputAt = Number.NaN;
    if (!Number.isNaN(start)) {
      // Registered a frame earlier, this callback runs before the stage's own; the message runs
      // after the whole frame (every rAF callback, style, layout, paint).
      const channel = new MessageChannel();
      channel.port1.onmessage = () => work.push(performance.now() - start);
      channel.port2.postMessage(null);
    }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  await host.mouseDown();
  const started = performance.now();
  let done = 0;
  for (let i = 1; i <= moves; i++) {
    await host.mouseMove(at.x + i * 3, at.y + i * 2);
    done = i;
    if (i >= 10 && performance.now() - started > budgetMs) break;
  }
  const stopped = performance.now();
  await host.mouseUp();
  await frameRendered();
  await frameRendered();
  recording = false;
  window.removeEventListener('pointermove', onInput, { capture: true });
  window.removeEventListener('mousemove', onInput, { capture: true });
  const inDrag = stamps.filter((t) => t >= started && t <= stopped);
  const intervals = inDrag.slice(1).map((t, i) => t - inDrag[i]!);
  return { work, intervals, moves: done };
}

async function runCount(
  ctx: ScenarioContext,
  host: BrowserHost,
  image: HTMLImageElement,
  count: number,
  rounds: number,
  moves: number,
  warmup = false,
): Promise<Record<SideName, Measure>> {
  const boxes = benchBoxes(count);
  const empty = (): Measure => ({
    firstRender: [],
    work: [],
    intervals: [],
    heap: [],
    heapHasCanvases: [],
    canvas: [],
    images: [],
    moves: [],
  });
  const out: Record<SideName, Measure> = { ours: empty(), cacheOff: empty(), cacheOn: empty() };
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < SIDES.length; i++) {
      const side = SIDES[(round + i) % SIDES.length]!;
      await ctx.gc();
      await frameRendered();
      const mounted =
        side === 'ours' ? await mountOurs(image, boxes) : await mountFabric(image, boxes, side === 'cacheOn');
      const m = out[side];
      m.firstRender.push(mounted.firstRender);
      // Slow sides get a time budget, not a frame count: 60 frames at ~1 s each would take minutes.
      const result = await drag(host, mounted.target, moves, side === 'ours' ? 30_000 : 6_000);
      m.work.push(...result.work);
      m.intervals.push(...result.intervals);
      m.moves.push(result.moves);
      const heap = await ctx.heapUsed();
      m.heap.push(heap.bytes);
      m.heapHasCanvases.push(heap.source === 'measureUserAgentSpecificMemory');
      m.canvas.push(mounted.canvasBytes());
      m.images.push(mounted.imageBytes());
      if (!warmup)
        ctx.log(
          `${count} boxes, ${side}: first render ${mounted.firstRender.toFixed(0)} ms, ` +
            `frame p95 ${quantile(result.work, 0.95).toFixed(1)} ms over ${result.work.length} frames (${result.moves} moves), ` +
            `heap ${(heap.bytes / MB).toFixed(0)} MB (${heap.source}), canvases ${(mounted.canvasBytes() / MB).toFixed(0)} MB, ` +
            `images ${(mounted.imageBytes() / MB).toFixed(0)} MB`,
        );
      await mounted.unmount();
      // Let the side's memory go (fabric's cache canvases run to a gigabyte) before the next one starts.
      await ctx.gc();
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  return out;
}

function rowsFor(count: number, r: Record<SideName, Measure>): Row[] {
  const total = (m: Measure) =>
    m.heap.map((h, i) => h + (m.images[i] ?? 0) + (m.heapHasCanvases[i] ? 0 : (m.canvas[i] ?? 0)));
  const memory = (m: Measure) => median(total(m));
  const versus = (side: Exclude<SideName, 'ours'>, value: (m: Measure) => number) => ({
    name: BASELINE_NAME[side],
    value: value(r[side]),
  });
  const p95 = (m: Measure) => quantile(m.work, 0.95);
  const med = (m: Measure) => median(m.work);
  const first = (m: Measure) => median(m.firstRender);
  const n = r.ours.firstRender.length;
  const frames = r.ours.work.length;
  const extra = (pick: (m: Measure) => unknown) => Object.fromEntries(SIDES.map((s) => [s, pick(r[s])]));
  return [
    {
      measure: `${count} boxes · first render, median of ${n}`,
      unit: 'ms',
      ours: first(r.ours),
      baseline: versus('cacheOff', first),
      target: { on: 'ours', max: 300 },
      note:
        'From creating the stage to the end of the first frame showing the image and every box: ours copies the decoded ' +
        '4,000 × 3,000 image into an ImageBitmap, builds its region index and draws image and boxes (with name tags) on ' +
        'its scene canvas; fabric builds a Rect per box and a FabricImage background and renders them all. Both get the ' +
        'same decoded <img>; building the box data is not timed for either.',
      samples: { ours: r.ours.firstRender, baseline: r.cacheOff.firstRender },
      extra: extra((m) => summarize(m.firstRender)),
    },
    {
      measure: `${count} boxes · first render, vs caching on`,
      unit: 'ms',
      ours: first(r.ours),
      baseline: versus('cacheOn', first),
      samples: { ours: r.ours.firstRender, baseline: r.cacheOn.firstRender },
    },
    {
      measure: `${count} boxes · drag frame, p95 of ${frames} frames`,
      unit: 'ms',
      ours: p95(r.ours),
      baseline: versus('cacheOff', p95),
      target: { on: 'ours', max: FRAME_MS },
      note:
        'The trusted (CDP) mouse drags one selected box, one move per frame or so: for each frame that handled a move, ' +
        'main-thread time from the first move handler to the end of that frame (rAF, style, layout, paint, canvas flush). ' +
        'Ours repaints only its fabric layer (the dragged box and its handles); naive fabric repaints every box. Slow ' +
        'sides stop after 6 s of moves (at least 10), so they have fewer frames.',
      samples: { ours: r.ours.work, baseline: r.cacheOff.work },
      extra: {
        ...extra((m) => ({ work: summarize(m.work), rafInterval: summarize(m.intervals), moves: m.moves })),
      },
    },
    {
      measure: `${count} boxes · drag frame p95, vs caching on`,
      unit: 'ms',
      ours: p95(r.ours),
      baseline: versus('cacheOn', p95),
      samples: { ours: r.ours.work, baseline: r.cacheOn.work },
    },
    {
      measure: `${count} boxes · drag frame, median`,
      unit: 'ms',
      ours: med(r.ours),
      baseline: versus('cacheOff', med),
      samples: { ours: r.ours.work, baseline: r.cacheOff.work },
    },
    {
      measure: `${count} boxes · renderer memory, median of ${n}`,
      unit: 'B',
      ours: memory(r.ours),
      baseline: versus('cacheOff', memory),
      target: { on: 'ours', max: 400 * MB },
      note:
        'JS heap after a GC, whole page, from measureUserAgentSpecificMemory — which counts canvas backing stores ' +
        '(checked here: a 4,000 × 4,000 canvas adds 61 MB) but not decoded images — plus the decoded image each side ' +
        'draws from, as width × height × 4: our ImageBitmap copy and its smaller levels (the <img> can go once handed ' +
        "over), fabric's <img> (drawn every frame, so kept). Under another heap API the canvases' estimated backing " +
        'stores would be added. Per-side canvas and image estimates are in the JSON.',
      samples: { ours: total(r.ours), baseline: total(r.cacheOff) },
      extra: extra((m) => ({ heap: m.heap, heapHasCanvases: m.heapHasCanvases, canvases: m.canvas, images: m.images })),
    },
    {
      measure: `${count} boxes · renderer memory, vs caching on`,
      unit: 'B',
      ours: memory(r.ours),
      baseline: versus('cacheOn', memory),
      samples: { ours: total(r.ours), baseline: total(r.cacheOn) },
    },
  ];
}

export async function run(ctx: ScenarioContext): Promise<Row[]> {
  const host = ctx.host;
  if (!host) throw new Error('image-labeler-drag needs the harness host for trusted mouse input');
  const image = await benchImage();
  const rounds = ctx.quick ? 1 : 3;
  const moves = ctx.quick ? 20 : 60;
  // Warm-up, thrown away: the first mount of a fresh page pays for JIT tiers, fonts and canvas setup.
  await runCount(ctx, host, image, 200, 1, 10, true);
  const rows: Row[] = [];
  for (const count of [1000, 5000]) {
    const result = await runCount(ctx, host, image, count, rounds, moves);
    rows.push(...rowsFor(count, result));
  }
  URL.revokeObjectURL(image.src);
  return rows;
}
