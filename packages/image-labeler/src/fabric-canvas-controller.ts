/**
 * The image labeller's drawing engine: a Lit ReactiveController that owns three stacked layers in
 * a container the element provides —
 *
 * 1. the scene layer, a plain canvas drawn with the raw 2D context: the image (a downscaled copy,
 *    at most `maxImageSide` px a side, in a mip pyramid) and every region nobody is interacting
 *    with. Redrawn at most once a frame, and only when the viewport, the regions, their styles or
 *    the selection change — never while a region is dragged;
 * 2. a transparent fabric Canvas holding only the live objects: the selected regions with their
 *    handles. Dragging one repaints this layer alone (one object, not five thousand);
 * 3. an overlay canvas (pointer-transparent) for crosshair, hover outline, rubber band and the
 *    shape being drawn.
 *
 * All three share one viewport (zoom, pan) and the device pixel ratio. The engine hit-tests
 * inactive regions itself, runs the drawing tools, panning and zooming, and only hands a
 * pointer-down to fabric when it lands on a handle of the active object. It reports user intent
 * through `StageEvents` (one `onEdit` per completed gesture) and never echoes what the element set.
 * Coordinates crossing the API are natural-image pixels, tidied to 1/100 px.
 */
import type { BBox, Keypoint, Region } from '@tagwerk/core';
import { Canvas, config } from 'fabric';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  boxFromCorners,
  clamp,
  clampToImage,
  hasZeroArea,
  meetsMinSize,
  newEdgeIntersects,
  ringSelfIntersects,
  tidy,
  type Pt,
  type Size,
} from './stage/geometry.js';
import {
  createLive,
  LiveKeypoints,
  LivePolygon,
  placeAt,
  readRegion,
  type LiveLook,
  type LiveObject,
} from './stage/live-objects.js';
import { drawOverlay, type OverlayDraft } from './stage/overlay.js';
import { toPaint, type Paint } from './stage/paint.js';
import { RegionIndex } from './stage/region-index.js';
import { drawScene, ImagePyramid } from './stage/scene.js';
import { clampView, fitView, fitZoom, toImage, toScreen, zoomAround, zoomLimits, type View } from './stage/viewport.js';
import type {
  Draft,
  DrawnShape,
  KeypointVisibility,
  LabelStyle,
  Point,
  StageEvents,
  StageOptions,
  Tool,
  Viewport,
} from './stage-types.js';

/** Label styles by label id. */
export type LabelStyles = ReadonlyMap<string, LabelStyle> | Readonly<Record<string, LabelStyle>>;

const isStyleMap = (styles: LabelStyles): styles is ReadonlyMap<string, LabelStyle> => styles instanceof Map;

/** Which regions are hidden (not drawn, not hit) and locked (selectable, not editable). */
export interface RegionState {
  hidden?: Iterable<string>;
  locked?: Iterable<string>;
}

/** Milliseconds and CSS px that tell a double click or a long press from two clicks or a drag. */
const DOUBLE_CLICK_MS = 400;
const LONG_PRESS_MS = 550;
const FINE = { drag: 3, double: 6, hit: 4, handle: 10, close: 8 } as const;
const COARSE = { drag: 8, double: 16, hit: 10, handle: 22, close: 16 } as const;
/** Wheel zoom per CSS px of deltaY, and the largest step one wheel event may take. */
const WHEEL_ZOOM_RATE = 0.01;
const WHEEL_ZOOM_MAX_DELTA = 25;

type Gesture =
  /** fabric drags a handle of the active object. */
  | { kind: 'fabric' }
  | { kind: 'pan'; pointerId: number; last: Point; start: Point; moved: boolean; clearOnTap: boolean }
  | { kind: 'pinch'; ids: [number, number]; center: Point; distance: number }
  | {
      kind: 'move';
      pointerId: number;
      start: Point;
      from: Map<string, { left: number; top: number }>;
      limits: { minDx: number; maxDx: number; minDy: number; maxDy: number };
      moved: boolean;
      dx: number;
      dy: number;
      /** Click (no drag) on a region of a multi-selection: select it alone on release. */
      clickSelect: string | null;
    }
  | { kind: 'band'; pointerId: number; start: Point; a: Pt; b: Pt; additive: boolean; moved: boolean }
  | { kind: 'box'; pointerId: number; start: Point; a: Pt; dragging: boolean; second: boolean }
  | { kind: 'click'; pointerId: number; start: Point; timer: ReturnType<typeof setTimeout> | 0; fired: boolean };

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/** The region moved by (dx, dy) image px, tidied. */
function translate(region: Region, dx: number, dy: number): Region {
  switch (region.type) {
    case 'bbox':
      return { ...region, bbox: { ...region.bbox, x: tidy(region.bbox.x + dx), y: tidy(region.bbox.y + dy) } };
    case 'polygon':
      return { ...region, points: region.points.map(([x, y]) => [tidy(x + dx), tidy(y + dy)] as [number, number]) };
    case 'keypoints':
      return { ...region, keypoints: region.keypoints.map((k) => ({ ...k, x: tidy(k.x + dx), y: tidy(k.y + dy) })) };
  }
}

/** The part of a box inside the image (a resize past an edge stops at the edge), tidied. */
function intersectBox(box: BBox, image: Size): BBox {
  const x0 = clamp(box.x, 0, image.width);
  const y0 = clamp(box.y, 0, image.height);
  const x1 = clamp(box.x + box.width, 0, image.width);
  const y1 = clamp(box.y + box.height, 0, image.height);
  const x = tidy(x0);
  const y = tidy(y0);
  return { x, y, width: tidy(x1 - x), height: tidy(y1 - y) };
}

function sameGeometry(a: Region, b: Region): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Drives the image labeller's stage. Create it as a field of the element
 * (`new FabricCanvasController(this, events)`), then `attach(container)` once the element has
 * rendered an empty, sized container for it.
 */
export class FabricCanvasController implements ReactiveController {
  private container: HTMLElement | null = null;
  private root: HTMLDivElement | null = null;
  private sceneCanvas: HTMLCanvasElement | null = null;
  private sceneCtx: CanvasRenderingContext2D | null = null;
  private overlayCanvas: HTMLCanvasElement | null = null;
  private overlayCtx: CanvasRenderingContext2D | null = null;
  private canvas: Canvas | null = null;
  private cleanups: Array<() => void> = [];

  private source: ImageBitmapSource | null = null;
  private natural: Size = { width: 0, height: 0 };
  private pyramid: ImagePyramid | null = null;
  private imageToken = 0;

  private readonly index = new RegionIndex();
  private styles: ReadonlyMap<string, LabelStyle> = new Map();
  private stylesKey = '';
  private paints = new Map<string, Paint>();
  private hidden: ReadonlySet<string> = new Set();
  private locked: ReadonlySet<string> = new Set();
  private selection: readonly string[] = [];
  private selected: ReadonlySet<string> = new Set();
  private tool: Tool = 'select';
  private label: string | undefined;
  private options: StageOptions = {};
  private readonly = false;
  private coarseQuery: MediaQueryList | null = null;

  private stage: Size = { width: 0, height: 0 };
  private dpr = 1;
  private view: View = { zoom: 1, x: 0, y: 0 };
  private fitted = false;
  private atFit = true;

  private readonly live = new Map<string, LiveObject>();
  private readonly liveSource = new WeakMap<LiveObject, Region>();
  private liveStale = false;

  private frame = 0;
  private readonly dirty = { scene: false, overlay: false, live: false };
  /** The scene must change even mid-drag: a region just became live (or stopped being live). */
  private sceneUrgent = false;
  private frameWaiters: Array<() => void> = [];

  private gesture: Gesture | null = null;
  private readonly touches = new Map<number, Point>();
  private readonly ignored = new Set<number>();
  private panKey = false;
  private pointer: Point | null = null;
  private hoverId: string | null = null;
  private keyboardCursor: Point | null = null;
  private external: DrawnShape | null = null;
  private lastClick: { time: number; at: Point } | null = null;
  private lastFinish: { time: number; at: Point } | null = null;
  private lastControlPress: { time: number; key: string; id: string } | null = null;

  private boxCorner: Pt | null = null;
  private polygonPoints: Array<[number, number]> = [];
  private keypointDraft: { placed: Keypoint[]; next: number; steps: Array<'placed' | 'skipped'> } = {
    placed: [],
    next: 0,
    steps: [],
  };
  private keypointVisibility: KeypointVisibility = 'visible';

  constructor(
    host: ReactiveControllerHost,
    private readonly events: StageEvents,
    options: StageOptions = {},
  ) {
    this.options = { ...options };
    host.addController(this);
  }

  hostConnected(): void {
    if (this.container && !this.root) this.build();
  }

  hostDisconnected(): void {
    this.teardown();
  }

  // ---- public API ----------------------------------------------------------------------------

  /** Builds the stage inside `container` (an empty element with a size; the engine fills it). */
  attach(container: HTMLElement): void {
    if (this.container === container && this.root) return;
    this.teardown();
    this.container = container;
    this.build();
  }

  /**
   * Shows an image. `natural` is its size in natural pixels (the coordinate space of regions).
   * Resolves once it is ready to draw (fitted to the stage the first time). An ImageBitmap at most
   * `maxImageSide` a side, of the image's aspect (natural size or a downscaled copy), is drawn as
   * it is: keep it open while shown. Anything else is copied into one (downscaled past
   * `maxImageSide`), after which the caller may drop its own decoded copy.
   */
  async setImage(source: ImageBitmapSource | null, natural: Size): Promise<void> {
    const token = ++this.imageToken;
    this.source = source;
    this.natural = { width: natural.width, height: natural.height };
    this.fitted = false;
    this.pyramid?.close();
    this.pyramid = null;
    if (source) await this.loadImage(token);
    if (token !== this.imageToken) return;
    this.fitIfReady();
    this.invalidate('scene');
  }

  /**
   * The regions to draw, in drawing order (later on top), with their label styles (by label id)
   * and which are hidden or locked. Cheap enough to call after every edit.
   */
  setRegions(regions: readonly Region[], styles: LabelStyles, state: RegionState = {}): void {
    this.index.set(regions);
    const entries: Array<[string, LabelStyle]> = isStyleMap(styles) ? [...styles.entries()] : Object.entries(styles);
    const key = JSON.stringify(entries.map(([id, s]) => [id, s.name, s.color]));
    if (key !== this.stylesKey) {
      this.stylesKey = key;
      this.styles = new Map(entries);
      this.paints.clear();
      for (const o of this.live.values()) this.liveSource.delete(o); // restyle every live object
    }
    this.hidden = new Set(state.hidden ?? []);
    this.locked = new Set(state.locked ?? []);
    if (this.hoverId && !this.index.get(this.hoverId)) this.hoverId = null;
    this.syncLive();
    this.invalidate('scene');
    this.invalidate('overlay');
  }

  /** The selected region ids (no `onSelect` follows). */
  setSelection(ids: readonly string[]): void {
    if (sameIds(ids, this.selection)) return;
    this.selection = [...ids];
    this.selected = new Set(ids);
    this.syncLive();
    this.invalidate('scene');
  }

  /** The active tool, and the label new shapes get (for the preview's colour and tag). */
  setTool(tool: Tool, options: { label?: string } = {}): void {
    const changed = tool !== this.tool;
    this.label = options.label;
    if (changed) {
      this.resetDrafts(); // the element changed the tool: it knows the draft is gone
      this.cancelGesture();
      this.tool = tool;
      this.hoverId = null;
      this.applyToolToFabric();
      this.syncLive();
    }
    this.invalidate('overlay');
  }

  /** Task constraints and input settings (merged into the current ones). */
  setOptions(options: StageOptions): void {
    const coarseBefore = this.coarse;
    this.options = { ...this.options, ...options };
    // Handle sizes and skeleton edges are baked into the live objects.
    if (this.coarse !== coarseBefore || 'keypoints' in options) this.restyleLive();
    if (options.maxImageSide !== undefined && this.source) void this.setImage(this.source, this.natural);
    this.invalidate('scene');
    this.invalidate('overlay');
  }

  /** Read-only: the worker may look, zoom and select, but not draw or edit. */
  setReadonly(readonly: boolean): void {
    if (readonly === this.readonly) return;
    this.readonly = readonly;
    if (readonly) {
      this.resetDrafts();
      this.cancelGesture();
    }
    this.applyToolToFabric();
    this.syncLive();
    this.invalidate('scene');
  }

  /** How the next keypoints are placed (Alt + click places one occluded whatever this says). */
  setKeypointVisibility(visibility: KeypointVisibility): void {
    this.keypointVisibility = visibility;
  }

  /** The current zoom and pan. */
  get viewport(): Viewport {
    return { ...this.view, fitZoom: fitZoom(this.stage, this.natural) };
  }

  /** True while a shape is being drawn with the pointer (Enter/Backspace/Escape apply to it). */
  get drafting(): boolean {
    return this.boxCorner !== null || this.polygonPoints.length > 0 || this.keypointDraft.steps.length > 0;
  }

  /** Zooms to `zoom` (1 = 100%) keeping `anchor` (stage CSS px; default: the keyboard cursor or the centre) in place. */
  zoomTo(zoom: number, anchor?: Point): void {
    const { min, max } = zoomLimits(this.stage, this.natural);
    const z = clamp(zoom, min, max);
    this.applyView(zoomAround(this.view, z, anchor ?? this.defaultAnchor()));
  }

  /** Multiplies the zoom by `factor` around `anchor` (see `zoomTo`). */
  zoomBy(factor: number, anchor?: Point): void {
    this.zoomTo(this.view.zoom * factor, anchor);
  }

  /** Fits the whole image to the stage, centred. */
  fit(): void {
    this.applyView(fitView(this.stage, this.natural));
    this.atFit = true;
  }

  /** 100%: one image pixel per CSS pixel. */
  actualSize(anchor?: Point): void {
    this.zoomTo(1, anchor);
  }

  /** Pans by a distance in stage CSS px (positive: the image moves left/up, as scrolling does). */
  panBy(dx: number, dy: number): void {
    this.applyView({ ...this.view, x: this.view.x + dx / this.view.zoom, y: this.view.y + dy / this.view.zoom });
  }

  /** Centres the stage on an image point. */
  centerOn(point: Point): void {
    const z = this.view.zoom;
    this.applyView({ zoom: z, x: point.x - this.stage.width / 2 / z, y: point.y - this.stage.height / 2 / z });
  }

  /** Pans as little as needed for an image rectangle to be on screen (with a small margin). */
  reveal(box: BBox): void {
    const z = this.view.zoom;
    const margin = 24 / z;
    const w = this.stage.width / z;
    const h = this.stage.height / z;
    let { x, y } = this.view;
    if (box.x - margin < x) x = box.x - margin;
    else if (box.x + box.width + margin > x + w) x = Math.min(box.x - margin, box.x + box.width + margin - w);
    if (box.y - margin < y) y = box.y - margin;
    else if (box.y + box.height + margin > y + h) y = Math.min(box.y - margin, box.y + box.height + margin - h);
    if (x !== this.view.x || y !== this.view.y) this.applyView({ zoom: z, x, y });
  }

  /** The keyboard cursor (image px): a crosshair is drawn there; null hides it. */
  setCursor(point: Point | null): void {
    this.keyboardCursor = point ? { x: point.x, y: point.y } : null;
    this.invalidate('overlay');
  }

  /** Previews a shape the element builds from the keyboard (dashed); null removes it. */
  setDraft(shape: DrawnShape | null): void {
    this.external = shape;
    this.invalidate('overlay');
  }

  /** Closes the polygon being drawn. False (and `onRefuse`) when it cannot close. */
  finishPolygon(): boolean {
    if (this.tool !== 'polygon' || this.readonly) return false;
    const points = this.polygonPoints;
    if (points.length < 3) return this.refuse('too-few-points');
    if (hasZeroArea(points)) return this.refuse('zero-area');
    if (newEdgeIntersects(points, points[0] as Pt, true)) return this.refuse('self-intersection');
    const shape: DrawnShape = { type: 'polygon', points: points.map(([x, y]) => [x, y] as [number, number]) };
    this.polygonPoints = [];
    this.lastFinish = { time: performance.now(), at: this.pointer ?? { x: -1e9, y: -1e9 } };
    this.emitDraft();
    this.events.onDraw(shape);
    return true;
  }

  /** Removes the last polygon point, keypoint step or first box corner. False when there is none. */
  undoDraftPoint(): boolean {
    if (this.boxCorner) {
      this.boxCorner = null;
    } else if (this.polygonPoints.length) {
      this.polygonPoints.pop();
    } else if (this.keypointDraft.steps.length) {
      const step = this.keypointDraft.steps.pop();
      if (step === 'placed') this.keypointDraft.placed.pop();
      this.keypointDraft.next--;
    } else {
      return false;
    }
    this.emitDraft();
    return true;
  }

  /** Marks the next keypoint absent and moves on (finishing after the last name). */
  skipKeypoint(): boolean {
    const names = this.options.keypoints?.names ?? [];
    if (this.tool !== 'keypoints' || this.readonly || !names.length) return false;
    this.keypointDraft.steps.push('skipped');
    this.keypointDraft.next++;
    if (this.keypointDraft.next >= names.length) this.finishKeypoints();
    else this.emitDraft();
    return true;
  }

  /** Drops the shape being drawn (no `onDraftChange`: the caller knows). False when there was none. */
  cancelDraft(): boolean {
    if (!this.drafting) return false;
    this.resetDrafts();
    return true;
  }

  /**
   * Keys the element forwards from its stage: Space (held: drag pans), Enter (close the polygon /
   * finish the keypoints), Backspace (undo the last draft point), Escape (abandon the gesture or
   * the draft). Returns true when the key was used (the element then does nothing else with it).
   */
  handleKeyDown(event: KeyboardEvent): boolean {
    switch (event.code || event.key) {
      case 'Space':
        if (!this.panKey) {
          this.panKey = true;
          this.applyToolToFabric();
        }
        return true;
      case 'Enter':
      case 'NumpadEnter':
        if (this.tool === 'polygon' && this.polygonPoints.length) {
          this.finishPolygon();
          return true;
        }
        if (this.tool === 'keypoints' && this.keypointDraft.steps.length) {
          this.finishKeypoints();
          return true;
        }
        return false;
      case 'Backspace':
        return this.drafting ? this.undoDraftPoint() : false;
      case 'Escape':
        if (this.gesture && this.gesture.kind !== 'fabric') {
          this.cancelGesture();
          return true;
        }
        if (!this.cancelDraft()) return false;
        this.emitDraft();
        return true;
      default:
        return false;
    }
  }

  /** The matching key-up (Space ends pan mode). */
  handleKeyUp(event: KeyboardEvent): boolean {
    if ((event.code || event.key) !== 'Space') return false;
    this.panKey = false;
    this.applyToolToFabric();
    return true;
  }

  /** The stage lost focus: forget held keys and drop half-done gestures (drafts stay). */
  handleBlur(): void {
    this.panKey = false;
    if (this.gesture && this.gesture.kind !== 'fabric') this.cancelGesture();
    this.applyToolToFabric();
  }

  /** Stage CSS px (from the stage's top-left corner) → image px. */
  screenToImage(p: Point): Point {
    return toImage(this.view, p);
  }

  /** Image px → stage CSS px. */
  imageToScreen(p: Point): Point {
    return toScreen(this.view, p);
  }

  /** Resolves after the pending redraws (if any) are on the canvases. */
  rendered(): Promise<void> {
    if (!this.frame) return Promise.resolve();
    return new Promise((resolve) => this.frameWaiters.push(resolve));
  }

  /** Bytes the stage holds outside the JS heap (estimated as width × height × 4): canvas backing stores and image bitmaps. */
  get memoryUse(): { canvases: number; bitmaps: number } {
    const canvases = [this.sceneCanvas, this.overlayCanvas, this.canvas?.lowerCanvasEl, this.canvas?.upperCanvasEl];
    return {
      canvases: canvases.reduce((sum, c) => sum + (c ? c.width * c.height * 4 : 0), 0),
      bitmaps: this.pyramid?.bytes ?? 0,
    };
  }

  // ---- building and tearing down ---------------------------------------------------------------

  private build(): void {
    const container = this.container;
    if (!container) return;
    const doc = container.ownerDocument;
    const root = doc.createElement('div');
    root.setAttribute('data-tagwerk-stage', '');
    Object.assign(root.style, {
      position: 'relative',
      width: '100%',
      height: '100%',
      overflow: 'hidden',
      touchAction: 'none',
      userSelect: 'none',
      webkitUserSelect: 'none',
    });
    const layer = (canvas: HTMLCanvasElement) => {
      Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', display: 'block' });
      canvas.setAttribute('aria-hidden', 'true');
      return canvas;
    };
    const scene = layer(doc.createElement('canvas'));
    const overlay = layer(doc.createElement('canvas'));
    overlay.style.pointerEvents = 'none';
    const fabricEl = doc.createElement('canvas');
    root.append(scene, fabricEl, overlay);
    container.append(root);

    const canvas = new Canvas(fabricEl, {
      width: 1,
      height: 1,
      enableRetinaScaling: true,
      enablePointerEvents: true,
      selection: false,
      renderOnAddRemove: false,
      preserveObjectStacking: true,
      uniformScaling: false,
      stopContextMenu: false,
      fireRightClick: false,
      fireMiddleClick: false,
      skipOffscreen: true,
      allowTouchScrolling: false,
      controlsAboveOverlay: true,
    });
    Object.assign(canvas.wrapperEl.style, { position: 'absolute', left: '0', top: '0' });
    // fabric makes its top canvas draggable for its own drag-and-drop; a native drag would steal our gestures.
    canvas.upperCanvasEl.setAttribute('draggable', 'false');
    // fabric paints its top canvas only for its rubber band and free drawing, both unused here:
    // invisible, the compositor skips it every frame; it still receives the pointer.
    canvas.upperCanvasEl.style.opacity = '0';
    canvas.upperCanvasEl.setAttribute('aria-hidden', 'true');
    canvas.lowerCanvasEl.setAttribute('aria-hidden', 'true');
    canvas.on('object:modified', (e) => this.handleModified(e.target as LiveObject));
    canvas.on('mouse:up', () => {
      if (this.gesture?.kind !== 'fabric') return;
      this.gesture = null;
      if (this.dirty.scene) this.invalidate('scene');
      // fabric still holds the transformed object until its handler returns.
      queueMicrotask(() => this.flushStale());
    });

    this.root = root;
    this.sceneCanvas = scene;
    this.sceneCtx = scene.getContext('2d');
    this.overlayCanvas = overlay;
    this.overlayCtx = overlay.getContext('2d');
    this.canvas = canvas;

    const listen = <K extends keyof HTMLElementEventMap>(
      type: K,
      handler: (event: HTMLElementEventMap[K]) => void,
      options: AddEventListenerOptions = { capture: true },
    ) => {
      root.addEventListener(type, handler as EventListener, options);
      this.cleanups.push(() => root.removeEventListener(type, handler as EventListener, options));
    };
    listen('pointerdown', this.handlePointerDown);
    listen('pointermove', this.handlePointerMove);
    listen('pointerup', this.handlePointerUp);
    listen('pointercancel', this.handlePointerCancel);
    listen('pointerleave', this.handlePointerLeave, {});
    listen('wheel', this.handleWheel, { capture: true, passive: false });

    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) this.resize(box.width, box.height);
    });
    observer.observe(container);
    this.cleanups.push(() => observer.disconnect());
    this.watchDevicePixelRatio();

    const view = doc.defaultView;
    if (view && this.options.coarse === undefined) {
      const query = view.matchMedia('(pointer: coarse)');
      const onChange = () => this.restyleLive();
      query.addEventListener('change', onChange);
      this.coarseQuery = query;
      this.cleanups.push(() => query.removeEventListener('change', onChange));
    }

    const rect = container.getBoundingClientRect();
    this.resize(container.clientWidth || rect.width, container.clientHeight || rect.height);
    this.applyToolToFabric();
    if (this.source && !this.pyramid) {
      const token = ++this.imageToken;
      void this.loadImage(token).then(() => {
        if (token === this.imageToken) this.invalidate('scene');
      });
    }
    this.syncLive();
    this.invalidate('scene');
    this.invalidate('overlay');
  }

  private teardown(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.cancelGesture();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    const canvas = this.canvas;
    this.canvas = null;
    this.live.clear();
    // dispose() is async (it waits for a pending render); the DOM is restored synchronously.
    if (canvas) void canvas.dispose().catch(() => undefined);
    this.root?.remove();
    this.root = this.sceneCanvas = this.overlayCanvas = null;
    this.sceneCtx = this.overlayCtx = null;
    this.coarseQuery = null;
    this.pyramid?.close();
    this.pyramid = null;
    this.imageToken++;
    this.touches.clear();
    this.ignored.clear();
    this.stage = { width: 0, height: 0 };
    for (const resolve of this.frameWaiters.splice(0)) resolve();
  }

  private watchDevicePixelRatio(): void {
    const view = this.container?.ownerDocument.defaultView;
    if (!view) return;
    const query = view.matchMedia(`(resolution: ${view.devicePixelRatio || 1}dppx)`);
    const onChange = () => {
      query.removeEventListener('change', onChange);
      this.cleanups = this.cleanups.filter((c) => c !== stop);
      const { width, height } = this.stage;
      this.stage = { width: 0, height: 0 };
      this.resize(width, height);
      this.watchDevicePixelRatio();
    };
    const stop = () => query.removeEventListener('change', onChange);
    query.addEventListener('change', onChange);
    this.cleanups.push(stop);
  }

  private async loadImage(token: number): Promise<void> {
    const source = this.source;
    const { width, height } = this.natural;
    if (!source || !(width > 0 && height > 0)) return;
    const maxSide = this.options.maxImageSide ?? 4096;
    const scale = Math.min(1, maxSide / Math.max(width, height));
    if (
      source instanceof ImageBitmap &&
      Math.max(source.width, source.height) <= maxSide &&
      Math.abs(source.width / source.height - width / height) < 0.01
    ) {
      // Drawn as it is (maybe already downscaled by the caller): a copy would double the largest
      // allocation of the stage.
      this.pyramid = new ImagePyramid(source, { width, height }, false);
      return;
    }
    const base = await createImageBitmap(
      source,
      scale < 1
        ? {
            resizeWidth: Math.max(1, Math.round(width * scale)),
            resizeHeight: Math.max(1, Math.round(height * scale)),
            resizeQuality: 'high',
          }
        : {},
    );
    if (token !== this.imageToken) {
      base.close();
      return;
    }
    this.pyramid = new ImagePyramid(base, { width, height });
  }

  private resize(cssWidth: number, cssHeight: number): void {
    const width = Math.max(0, Math.floor(cssWidth));
    const height = Math.max(0, Math.floor(cssHeight));
    const dpr = this.container?.ownerDocument.defaultView?.devicePixelRatio || 1;
    if (width === this.stage.width && height === this.stage.height && dpr === this.dpr) return;
    this.stage = { width, height };
    this.dpr = dpr;
    for (const c of [this.sceneCanvas, this.overlayCanvas]) {
      if (!c) continue;
      // Truncated like fabric's own canvases (a width attribute drops the fraction): the layers line up.
      c.width = Math.max(1, Math.floor(width * dpr));
      c.height = Math.max(1, Math.floor(height * dpr));
      c.style.width = `${width}px`;
      c.style.height = `${height}px`;
    }
    // fabric reads the ratio once, when it loads; browser zoom and moving to another screen change it.
    if (config.devicePixelRatio !== dpr) config.configure({ devicePixelRatio: dpr });
    this.canvas?.setDimensions({ width: Math.max(1, width), height: Math.max(1, height) });
    // Hidden (display: none, a closed tab): keep the view as it was until the stage has a size again.
    if (width > 0 && height > 0 && !this.fitIfReady()) {
      // A fitted image stays fitted as the stage resizes; otherwise the view is only re-clamped.
      if (this.atFit) this.fit();
      else this.applyView(this.view);
    }
    this.invalidate('scene');
    this.invalidate('overlay');
    this.invalidate('live');
  }

  /** Fits a new image once both it and the stage have a size; true if it did. */
  private fitIfReady(): boolean {
    if (this.fitted || !(this.stage.width > 0 && this.stage.height > 0 && this.natural.width > 0)) return false;
    this.fitted = true;
    this.fit();
    return true;
  }

  // ---- viewport ---------------------------------------------------------------------------------

  private applyView(next: View): void {
    const view = this.natural.width > 0 ? clampView(next, this.stage, this.natural) : next;
    const changed = view.zoom !== this.view.zoom || view.x !== this.view.x || view.y !== this.view.y;
    this.view = view;
    this.atFit = false;
    const canvas = this.canvas;
    if (canvas) {
      const z = view.zoom;
      canvas.setViewportTransform([z, 0, 0, z, -view.x * z, -view.y * z]);
      for (const o of this.live.values()) o.setCoords();
    }
    if (!changed) return;
    this.invalidate('scene');
    this.invalidate('overlay');
    this.invalidate('live');
    this.events.onViewport(this.viewport);
  }

  private defaultAnchor(): Point {
    if (this.keyboardCursor) return toScreen(this.view, this.keyboardCursor);
    return { x: this.stage.width / 2, y: this.stage.height / 2 };
  }

  // ---- frames -----------------------------------------------------------------------------------

  private invalidate(layer: keyof FabricCanvasController['dirty']): void {
    this.dirty[layer] = true;
    if (!this.frame && this.root) this.frame = requestAnimationFrame(this.renderFrame);
  }

  private readonly renderFrame = (): void => {
    this.frame = 0;
    // While a region is dragged only fabric's layer repaints: anything else waits for the release.
    const dragging = this.gesture?.kind === 'move' || this.gesture?.kind === 'fabric';
    if (this.dirty.scene && this.sceneCtx && (!dragging || this.sceneUrgent)) {
      this.dirty.scene = false;
      this.sceneUrgent = false;
      drawScene(this.sceneCtx, {
        stage: this.stage,
        dpr: this.dpr,
        view: this.view,
        image: this.pyramid,
        index: this.index,
        paintOf: (label) => this.paintOf(label),
        hidden: this.hidden,
        skip: new Set(this.live.keys()),
        selected: this.selected,
        locked: this.locked,
        ...(this.options.keypoints ? { skeleton: this.options.keypoints } : {}),
        tagMinSize: this.options.tagMinSize ?? 12,
      });
      // Smaller copies of the image for zoomed-out views: after the first paint, never before it.
      this.pyramid?.buildLevelsSoon(256, () => this.invalidate('scene'));
    }
    if (this.dirty.overlay && this.overlayCtx) {
      this.dirty.overlay = false;
      const drawn = this.paintOverlay(this.overlayCtx);
      // An empty overlay is hidden: one layer fewer for the compositor while a region is dragged.
      this.overlayCtx.canvas.style.visibility = drawn ? 'visible' : 'hidden';
    }
    if (this.dirty.live && this.canvas) {
      this.dirty.live = false;
      this.canvas.renderAll();
    }
    for (const resolve of this.frameWaiters.splice(0)) resolve();
  };

  /** Repaints the overlay; false when it holds nothing. */
  private paintOverlay(ctx: CanvasRenderingContext2D): boolean {
    const drawing = this.isDrawingTool;
    const hoverRegion = this.hoverId && !this.live.has(this.hoverId) ? this.index.get(this.hoverId) : undefined;
    return drawOverlay(ctx, {
      stage: this.stage,
      dpr: this.dpr,
      view: this.view,
      crosshair: drawing && !this.panKey && this.pointer ? this.pointer : null,
      cursor: this.keyboardCursor,
      hover: hoverRegion ? { region: hoverRegion, paint: this.paintOf(hoverRegion.label) } : null,
      band:
        this.gesture?.kind === 'band' && this.gesture.moved
          ? { x1: this.gesture.a[0], y1: this.gesture.a[1], x2: this.gesture.b[0], y2: this.gesture.b[1] }
          : null,
      draft: this.overlayDraft(),
      external: this.external,
      paint: this.paintOf(this.label ?? ''),
      closeRadius: this.metrics.close,
      ...(this.options.keypoints ? { skeleton: this.options.keypoints } : {}),
    });
  }

  private overlayDraft(): OverlayDraft | null {
    const at = this.pointer ? clampToImage(this.toImagePt(this.pointer), this.natural) : null;
    const g = this.gesture;
    if (g?.kind === 'box' && (g.dragging || g.second)) return { type: 'bbox', a: g.a, b: at };
    if (this.boxCorner) return { type: 'bbox', a: this.boxCorner, b: at };
    if (this.tool === 'polygon' && this.polygonPoints.length) {
      return { type: 'polygon', points: this.polygonPoints, next: at };
    }
    if (this.tool === 'keypoints') {
      const names = this.options.keypoints?.names ?? [];
      const d = this.keypointDraft;
      if (!names.length || (!d.placed.length && !at)) return null;
      return { type: 'keypoints', placed: d.placed, nextName: names[d.next] ?? null, at };
    }
    return null;
  }

  // ---- styles and live objects ----------------------------------------------------------------

  private get coarse(): boolean {
    return this.options.coarse ?? this.coarseQuery?.matches ?? false;
  }

  private get metrics(): typeof FINE | typeof COARSE {
    return this.coarse ? COARSE : FINE;
  }

  private get isDrawingTool(): boolean {
    return this.tool !== 'select' && !this.readonly;
  }

  private paintOf(label: string): Paint {
    let paint = this.paints.get(label);
    if (!paint) {
      paint = toPaint(this.styles.get(label), label);
      this.paints.set(label, paint);
    }
    return paint;
  }

  private lookOf(label: string): LiveLook {
    return { paint: this.paintOf(label), handle: this.metrics.handle, touchHandle: COARSE.handle };
  }

  private restyleLive(): void {
    for (const o of this.live.values()) this.liveSource.delete(o);
    this.syncLive();
  }

  /** Makes the live objects match the selection: selected, visible, unlocked regions, editable. */
  private syncLive(): void {
    const canvas = this.canvas;
    if (!canvas) return;
    if (this.gesture?.kind === 'fabric' || this.gesture?.kind === 'move') {
      this.liveStale = true;
      return;
    }
    this.liveStale = false;
    const want = new Map<string, Region>();
    if (!this.readonly) {
      for (const id of this.selection) {
        const region = this.index.get(id);
        if (region && !this.hidden.has(id) && !this.locked.has(id)) want.set(id, region);
      }
    }
    let changed = false;
    for (const [id, o] of this.live) {
      if (want.get(id) === this.liveSource.get(o)) continue;
      canvas.remove(o);
      this.live.delete(id);
      changed = true;
    }
    for (const [id, region] of want) {
      if (this.live.has(id)) continue;
      const o = createLive(region, this.lookOf(region.label), this.options.keypoints);
      this.liveSource.set(o, region);
      canvas.add(o);
      this.live.set(id, o);
      changed = true;
    }
    const single = this.live.size === 1 && this.tool === 'select' ? [...this.live.values()][0] : undefined;
    if (single) {
      if (canvas.getActiveObject() !== single) canvas.setActiveObject(single);
    } else if (canvas.getActiveObject()) {
      canvas.discardActiveObject();
    }
    if (changed) {
      this.sceneUrgent = true;
      this.invalidate('scene');
    }
    this.invalidate('live');
  }

  private flushStale(): void {
    if (this.liveStale) this.syncLive();
  }

  /** Re-creates one live object from its region (a refused edit snaps back). */
  private revertLive(id: string): void {
    const o = this.live.get(id);
    if (o) this.liveSource.delete(o);
    this.syncLive();
  }

  private applyToolToFabric(): void {
    const canvas = this.canvas;
    if (!canvas) return;
    const drawing = this.isDrawingTool;
    canvas.skipTargetFind = drawing || this.panKey;
    const cursor = this.panKey ? 'grab' : drawing ? 'crosshair' : 'default';
    canvas.defaultCursor = cursor;
    canvas.hoverCursor = this.panKey ? 'grab' : drawing ? 'crosshair' : 'move';
    canvas.setCursor(cursor);
    this.syncLive();
    this.invalidate('overlay');
  }

  // ---- pointer input ----------------------------------------------------------------------------

  private local(e: MouseEvent): Point {
    const rect = (this.root as HTMLDivElement).getBoundingClientRect();
    // A host page may scale the widget with a CSS transform: map client px back to stage px.
    const sx = rect.width > 0 ? this.stage.width / rect.width : 1;
    const sy = rect.height > 0 ? this.stage.height / rect.height : 1;
    return { x: (e.clientX - rect.left) * sx, y: (e.clientY - rect.top) * sy };
  }

  private toImagePt(p: Point): Pt {
    const q = toImage(this.view, p);
    return [q.x, q.y];
  }

  private capture(e: PointerEvent): void {
    e.stopPropagation();
    try {
      this.root?.setPointerCapture(e.pointerId);
    } catch {
      // A pointer that is already gone cannot be captured; its up event follows anyway.
    }
  }

  private readonly handlePointerDown = (e: PointerEvent): void => {
    if (!this.root || !this.canvas) return;
    const p = this.local(e);
    this.pointer = p;
    if (e.pointerType === 'touch') {
      this.touches.set(e.pointerId, p);
      if (this.touches.size === 2 && this.gesture?.kind !== 'fabric') {
        this.cancelGesture();
        const [[a, pa], [b, pb]] = [...this.touches.entries()] as [[number, Point], [number, Point]];
        this.gesture = {
          kind: 'pinch',
          ids: [a, b],
          center: { x: (pa.x + pb.x) / 2, y: (pa.y + pb.y) / 2 },
          distance: distance(pa, pb),
        };
        this.capture(e);
        return;
      }
    }
    if (this.gesture) {
      // A second button or finger while a gesture runs: not fabric's either.
      if (this.gesture.kind !== 'fabric') e.stopPropagation();
      return;
    }
    if (e.button === 1 || (e.button === 0 && this.panKey)) {
      this.startPan(e, p, false);
      return;
    }
    if (e.button !== 0) return;
    if (!this.natural.width) return;
    if (!this.isDrawingTool) this.selectDown(e, p);
    else if (this.tool === 'bbox') this.boxDown(e, p);
    else this.clickDown(e, p);
  };

  private readonly handlePointerMove = (e: PointerEvent): void => {
    if (!this.root) return;
    const p = this.local(e);
    if (e.pointerType === 'touch') this.touches.set(e.pointerId, p);
    if (this.ignored.has(e.pointerId)) return;
    const g = this.gesture;
    if (!g) {
      this.pointer = p;
      this.updateHover(p);
      if (this.isDrawingTool) this.invalidate('overlay');
      return;
    }
    if (g.kind === 'fabric') return;
    if (g.kind === 'pinch') {
      if (g.ids.includes(e.pointerId)) this.pinchMove(g);
      return;
    }
    if (e.pointerId !== g.pointerId) return;
    this.pointer = p;
    switch (g.kind) {
      case 'pan': {
        if (!g.moved && distance(p, g.start) < this.metrics.drag) return;
        g.moved = true;
        const dx = g.last.x - p.x;
        const dy = g.last.y - p.y;
        g.last = p;
        this.panBy(dx, dy);
        return;
      }
      case 'move':
        this.moveMove(g, p);
        return;
      case 'band':
        if (!g.moved && distance(p, g.start) < this.metrics.drag) return;
        g.moved = true;
        g.b = this.toImagePt(p);
        this.invalidate('overlay');
        return;
      case 'box':
        if (!g.dragging && !g.second && distance(p, g.start) >= this.metrics.drag) g.dragging = true;
        this.invalidate('overlay');
        return;
      case 'click':
        if (g.timer && distance(p, g.start) >= this.metrics.drag) {
          clearTimeout(g.timer);
          g.timer = 0;
        }
        this.invalidate('overlay');
        return;
    }
  };

  private readonly handlePointerUp = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') this.touches.delete(e.pointerId);
    if (this.ignored.delete(e.pointerId)) return;
    const g = this.gesture;
    if (!g || g.kind === 'fabric') return;
    if (g.kind === 'pinch') {
      if (!g.ids.includes(e.pointerId)) return;
      this.gesture = null;
      // The finger left on the glass must not start drawing when it lifts.
      for (const id of g.ids) if (id !== e.pointerId && this.touches.has(id)) this.ignored.add(id);
      return;
    }
    if (e.pointerId !== g.pointerId) return;
    const p = this.local(e);
    this.pointer = p;
    this.gesture = null;
    this.root?.style.removeProperty('cursor');
    switch (g.kind) {
      case 'pan':
        if (!g.moved && g.clearOnTap) this.select([]);
        break;
      case 'move':
        this.moveUp(g);
        break;
      case 'band':
        this.bandUp(g);
        break;
      case 'box':
        this.boxUp(g, p);
        break;
      case 'click':
        if (g.timer) clearTimeout(g.timer);
        if (!g.fired) this.click(e, p);
        break;
    }
    if (this.dirty.scene) this.invalidate('scene');
    this.invalidate('overlay');
  };

  private readonly handlePointerCancel = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') this.touches.delete(e.pointerId);
    this.ignored.delete(e.pointerId);
    const g = this.gesture;
    if (!g || g.kind === 'fabric') return;
    if (g.kind === 'pinch' ? g.ids.includes(e.pointerId) : g.pointerId === e.pointerId) this.cancelGesture();
  };

  private readonly handlePointerLeave = (): void => {
    if (this.gesture) return;
    this.pointer = null;
    if (this.hoverId) this.hoverId = null;
    this.invalidate('overlay');
  };

  private readonly handleWheel = (e: WheelEvent): void => {
    if (!this.natural.width || !this.stage.width) return;
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.stage.height : 1;
    const dx = e.deltaX * unit;
    const dy = e.deltaY * unit;
    // Trackpad pinch arrives as a wheel event with ctrlKey set, in Chromium, Firefox and Safari.
    if (e.ctrlKey || e.metaKey || this.options.wheelZoom) {
      e.preventDefault();
      e.stopPropagation();
      const step = clamp(dy, -WHEEL_ZOOM_MAX_DELTA, WHEEL_ZOOM_MAX_DELTA);
      this.zoomTo(this.view.zoom * Math.exp(-step * WHEEL_ZOOM_RATE), this.local(e));
      this.atFit = false;
      return;
    }
    const before = this.view;
    const [px, py] = e.shiftKey && !dx ? [dy, 0] : [dx, dy];
    const next = clampView(
      { zoom: before.zoom, x: before.x + px / before.zoom, y: before.y + py / before.zoom },
      this.stage,
      this.natural,
    );
    // Nothing to pan (the image fits): leave the wheel to the page.
    if (next.x === before.x && next.y === before.y) return;
    e.preventDefault();
    e.stopPropagation();
    this.applyView(next);
  };

  private updateHover(p: Point): void {
    if (this.tool !== 'select' && !this.readonly) return;
    const id = this.hitTest(p);
    if (id === this.hoverId) return;
    this.hoverId = id;
    if (this.canvas && !this.panKey) this.canvas.defaultCursor = id ? 'pointer' : 'default';
    this.invalidate('overlay');
  }

  private hitTest(p: Point): string | null {
    const m = this.metrics;
    const z = this.view.zoom;
    return this.index.hit(this.toImagePt(p), m.hit / z, 4 / z, (i) =>
      this.hidden.has((this.index.regions[i] as Region).id),
    );
  }

  // ---- select tool ------------------------------------------------------------------------------

  private selectDown(e: PointerEvent, p: Point): void {
    const canvas = this.canvas as Canvas;
    const active = canvas.getActiveObject() as LiveObject | undefined;
    if (active && !this.readonly && !this.panKey) {
      const found = active.findControl(canvas.getViewportPoint(e), e.pointerType === 'touch');
      if (found) {
        const now = performance.now();
        const last = this.lastControlPress;
        const double =
          !!last && last.key === found.key && last.id === active.regionId && now - last.time < DOUBLE_CLICK_MS;
        this.lastControlPress = { time: now, key: found.key, id: active.regionId };
        if (/^p\d+$/.test(found.key) && (e.altKey || double)) {
          e.stopPropagation();
          this.lastControlPress = null;
          this.vertexAction(active, Number(found.key.slice(1)));
          return;
        }
        this.gesture = { kind: 'fabric' };
        return; // fabric takes this press: it drags the handle
      }
    }
    const id = this.hitTest(p);
    if (e.shiftKey) {
      if (id) {
        // A toggle and nothing else: a shift-drag must not move what was just toggled.
        e.stopPropagation();
        this.select(this.selected.has(id) ? this.selection.filter((s) => s !== id) : [...this.selection, id]);
        return;
      }
      this.startBand(e, p, true);
      return;
    }
    if (id) {
      let clickSelect: string | null = null;
      if (!this.selected.has(id)) this.select([id]);
      else if (this.selection.length > 1) clickSelect = id;
      this.startMove(e, p, clickSelect);
      return;
    }
    if (e.pointerType === 'touch') this.startPan(e, p, true);
    else this.startBand(e, p, false);
  }

  private select(ids: readonly string[]): void {
    if (sameIds(ids, this.selection)) return;
    this.setSelection(ids);
    this.events.onSelect([...ids]);
  }

  private startPan(e: PointerEvent, p: Point, clearOnTap: boolean): void {
    this.capture(e);
    this.gesture = { kind: 'pan', pointerId: e.pointerId, last: p, start: p, moved: false, clearOnTap };
    if (this.root) this.root.style.cursor = 'grabbing';
  }

  private startBand(e: PointerEvent, p: Point, additive: boolean): void {
    this.capture(e);
    const a = this.toImagePt(p);
    this.gesture = { kind: 'band', pointerId: e.pointerId, start: p, a, b: a, additive, moved: false };
  }

  private startMove(e: PointerEvent, p: Point, clickSelect: string | null): void {
    this.capture(e);
    const from = new Map<string, { left: number; top: number }>();
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [id, o] of this.live) {
      from.set(id, { left: o.left, top: o.top });
      const i = this.index.indexOf(id) * 4;
      const b = this.index.bounds;
      minX = Math.min(minX, b[i] as number);
      minY = Math.min(minY, b[i + 1] as number);
      maxX = Math.max(maxX, b[i + 2] as number);
      maxY = Math.max(maxY, b[i + 3] as number);
    }
    const { width: W, height: H } = this.natural;
    this.gesture = {
      kind: 'move',
      pointerId: e.pointerId,
      start: p,
      from,
      limits: { minDx: -minX, maxDx: W - maxX, minDy: -minY, maxDy: H - maxY },
      moved: false,
      dx: 0,
      dy: 0,
      clickSelect,
    };
  }

  private moveMove(g: Extract<Gesture, { kind: 'move' }>, p: Point): void {
    if (!g.from.size) return;
    if (!g.moved) {
      if (distance(p, g.start) < this.metrics.drag) return;
      g.moved = true;
      this.hoverId = null;
      this.invalidate('overlay');
      if (this.root) this.root.style.cursor = 'move';
    }
    const z = this.view.zoom;
    g.dx = clamp((p.x - g.start.x) / z, Math.min(0, g.limits.minDx), Math.max(0, g.limits.maxDx));
    g.dy = clamp((p.y - g.start.y) / z, Math.min(0, g.limits.minDy), Math.max(0, g.limits.maxDy));
    for (const [id, from] of g.from) {
      const o = this.live.get(id);
      if (o) placeAt(o, from, g.dx, g.dy);
    }
    this.invalidate('live');
  }

  private moveUp(g: Extract<Gesture, { kind: 'move' }>): void {
    const dx = tidy(g.dx);
    const dy = tidy(g.dy);
    if (!g.moved || (dx === 0 && dy === 0)) {
      if (g.moved) this.revertAll(g);
      this.flushStale();
      if (!g.moved && g.clickSelect) this.select([g.clickSelect]);
      return;
    }
    const changes: Array<{ id: string; region: Region }> = [];
    for (const id of g.from.keys()) {
      const region = this.index.get(id);
      if (region) changes.push({ id, region: translate(region, dx, dy) });
    }
    this.flushStale();
    if (changes.length) this.events.onEdit(changes);
  }

  private revertAll(g: Extract<Gesture, { kind: 'move' }>): void {
    for (const [id, from] of g.from) {
      const o = this.live.get(id);
      if (o) placeAt(o, from, 0, 0);
    }
    this.invalidate('live');
  }

  private bandUp(g: Extract<Gesture, { kind: 'band' }>): void {
    if (!g.moved) {
      if (!g.additive) this.select([]);
      return;
    }
    const ids = this.index.within(
      Math.min(g.a[0], g.b[0]),
      Math.min(g.a[1], g.b[1]),
      Math.max(g.a[0], g.b[0]),
      Math.max(g.a[1], g.b[1]),
      (i) => this.hidden.has((this.index.regions[i] as Region).id),
    );
    if (!g.additive) {
      this.select(ids);
      return;
    }
    const next = [...this.selection];
    for (const id of ids) if (!this.selected.has(id)) next.push(id);
    this.select(next);
  }

  private pinchMove(g: Extract<Gesture, { kind: 'pinch' }>): void {
    const a = this.touches.get(g.ids[0]);
    const b = this.touches.get(g.ids[1]);
    if (!a || !b) return;
    const center = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const d = distance(a, b);
    const { min, max } = zoomLimits(this.stage, this.natural);
    const zoom = g.distance > 0 && d > 0 ? clamp(this.view.zoom * (d / g.distance), min, max) : this.view.zoom;
    // Zoom about the previous centre, then follow the centre: two fingers pan and pinch at once.
    const zoomed = zoomAround(this.view, zoom, g.center);
    this.applyView({
      zoom,
      x: zoomed.x - (center.x - g.center.x) / zoom,
      y: zoomed.y - (center.y - g.center.y) / zoom,
    });
    g.center = center;
    g.distance = d;
  }

  /** Edits from fabric's handles (resize, vertex drag, insert-on-edge): one per gesture. */
  private handleModified(o: LiveObject | undefined): void {
    if (!o || !this.live.has(o.regionId)) return;
    const region = this.index.get(o.regionId);
    if (!region) return;
    let next = readRegion(o, region);
    if (next.type === 'bbox') {
      const bbox = intersectBox(next.bbox, this.natural);
      if (!meetsMinSize(bbox, this.options.minBox)) {
        this.refuse('too-small');
        this.revertLive(o.regionId);
        return;
      }
      next = { ...next, bbox };
    } else if (next.type === 'polygon') {
      const points = next.points.map((p) => clampToImage(p, this.natural).map(tidy) as [number, number]);
      if (hasZeroArea(points) || ringSelfIntersects(points)) {
        this.refuse(hasZeroArea(points) ? 'zero-area' : 'self-intersection');
        this.revertLive(o.regionId);
        return;
      }
      next = { ...next, points };
    } else {
      next = {
        ...next,
        keypoints: next.keypoints.map((k) => {
          const [x, y] = clampToImage([k.x, k.y], this.natural);
          return { ...k, x: tidy(x), y: tidy(y) };
        }),
      };
    }
    if (sameGeometry(next, region)) {
      this.revertLive(o.regionId);
      return;
    }
    this.events.onEdit([{ id: region.id, region: next }]);
  }

  /** Alt + click or double click on a handle: delete a polygon vertex, toggle a keypoint's visibility. */
  private vertexAction(o: LiveObject, index: number): void {
    const region = this.index.get(o.regionId);
    if (!region) return;
    if (o instanceof LivePolygon && region.type === 'polygon') {
      if (region.points.length <= 3) {
        this.refuse('too-few-points');
        return;
      }
      const points = region.points.filter((_, i) => i !== index);
      if (hasZeroArea(points) || ringSelfIntersects(points)) {
        this.refuse(hasZeroArea(points) ? 'zero-area' : 'self-intersection');
        return;
      }
      this.events.onEdit([{ id: region.id, region: { ...region, points } }]);
    } else if (o instanceof LiveKeypoints && region.type === 'keypoints') {
      const name = o.keypoints[index]?.name;
      const keypoints = region.keypoints.map((k) => (k.name === name ? { ...k, visible: !k.visible } : k));
      this.events.onEdit([{ id: region.id, region: { ...region, keypoints } }]);
    }
  }

  // ---- drawing tools ----------------------------------------------------------------------------

  private boxDown(e: PointerEvent, p: Point): void {
    this.capture(e);
    const second = this.boxCorner !== null;
    const a = this.boxCorner ?? clampToImage(this.toImagePt(p), this.natural);
    this.gesture = { kind: 'box', pointerId: e.pointerId, start: p, a, dragging: false, second };
  }

  private boxUp(g: Extract<Gesture, { kind: 'box' }>, p: Point): void {
    const b = clampToImage(this.toImagePt(p), this.natural);
    if (!g.second && !g.dragging) {
      // A click without a drag: the first corner of a click-click box.
      this.boxCorner = [tidy(g.a[0]), tidy(g.a[1])];
      this.emitDraft();
      return;
    }
    const hadCorner = this.boxCorner !== null;
    this.boxCorner = null;
    if (hadCorner) this.emitDraft();
    const bbox = boxFromCorners(g.a, b, this.natural);
    if (!meetsMinSize(bbox, this.options.minBox)) {
      this.refuse('too-small');
      return;
    }
    this.events.onDraw({ type: 'bbox', bbox });
  }

  private clickDown(e: PointerEvent, p: Point): void {
    this.capture(e);
    const longPress = this.coarse && this.tool === 'polygon' && this.polygonPoints.length >= 3;
    const g: Extract<Gesture, { kind: 'click' }> = {
      kind: 'click',
      pointerId: e.pointerId,
      start: p,
      timer: 0,
      fired: false,
    };
    if (longPress) {
      g.timer = setTimeout(() => {
        g.timer = 0;
        g.fired = true;
        this.finishPolygon();
      }, LONG_PRESS_MS);
    }
    this.gesture = g;
  }

  private click(e: PointerEvent, p: Point): void {
    const now = performance.now();
    const m = this.metrics;
    const finish = this.lastFinish;
    // The second click of the double click that just finished a shape starts nothing.
    if (finish && now - finish.time < DOUBLE_CLICK_MS && distance(p, finish.at) <= m.double) {
      this.lastFinish = null;
      return;
    }
    const q = clampToImage(this.toImagePt(p), this.natural);
    const point: [number, number] = [tidy(q[0]), tidy(q[1])];
    if (this.tool === 'keypoints') {
      this.placeKeypoint(point, e.altKey);
      return;
    }
    const points = this.polygonPoints;
    const last = this.lastClick;
    this.lastClick = { time: now, at: p };
    if (points.length >= 3 && distance(p, toScreen(this.view, { x: points[0]![0], y: points[0]![1] })) <= m.close) {
      this.finishPolygon();
      return;
    }
    if (points.length && last && now - last.time < DOUBLE_CLICK_MS && distance(p, last.at) <= m.double) {
      this.lastClick = null;
      this.finishPolygon();
      return;
    }
    const prev = points[points.length - 1];
    if (prev && prev[0] === point[0] && prev[1] === point[1]) return;
    if (newEdgeIntersects(points, point)) {
      this.refuse('self-intersection');
      return;
    }
    points.push(point);
    this.emitDraft();
  }

  private placeKeypoint(point: [number, number], occluded: boolean): void {
    const names = this.options.keypoints?.names ?? [];
    const d = this.keypointDraft;
    const name = names[d.next];
    if (name === undefined) return;
    d.placed.push({ name, x: point[0], y: point[1], visible: !occluded && this.keypointVisibility === 'visible' });
    d.steps.push('placed');
    d.next++;
    if (d.next >= names.length) this.finishKeypoints();
    else this.emitDraft();
  }

  private finishKeypoints(): void {
    const placed = this.keypointDraft.placed;
    this.keypointDraft = { placed: [], next: 0, steps: [] };
    this.lastFinish = { time: performance.now(), at: this.pointer ?? { x: -1e9, y: -1e9 } };
    this.emitDraft();
    if (placed.length) this.events.onDraw({ type: 'keypoints', keypoints: placed });
  }

  private resetDrafts(): void {
    this.boxCorner = null;
    this.polygonPoints = [];
    this.keypointDraft = { placed: [], next: 0, steps: [] };
    this.invalidate('overlay');
  }

  private emitDraft(): void {
    this.invalidate('overlay');
    if (!this.events.onDraftChange) return;
    let draft: Draft | null = null;
    let points: Array<[number, number]> = [];
    if (this.boxCorner) {
      const corner: [number, number] = [this.boxCorner[0], this.boxCorner[1]];
      draft = { type: 'bbox', corner };
      points = [corner];
    } else if (this.polygonPoints.length) {
      points = this.polygonPoints.map(([x, y]) => [x, y] as [number, number]);
      draft = { type: 'polygon', points: points.map(([x, y]) => [x, y] as [number, number]) };
    } else if (this.keypointDraft.steps.length) {
      const d = this.keypointDraft;
      points = d.placed.map((k) => [k.x, k.y] as [number, number]);
      draft = { type: 'keypoints', keypoints: d.placed.map((k) => ({ ...k })), next: d.next };
    }
    this.events.onDraftChange(points, draft);
  }

  private refuse(reason: Parameters<NonNullable<StageEvents['onRefuse']>>[0]): false {
    this.events.onRefuse?.(reason);
    return false;
  }

  private cancelGesture(): void {
    const g = this.gesture;
    if (!g || g.kind === 'fabric') return;
    this.gesture = null;
    this.root?.style.removeProperty('cursor');
    if (g.kind === 'move') {
      this.revertAll(g);
      this.flushStale();
    }
    if (g.kind === 'click' && g.timer) clearTimeout(g.timer);
    if (this.dirty.scene) this.invalidate('scene');
    this.invalidate('overlay');
  }
}
