/**
 * The scene layer: the image and every region nobody is interacting with, drawn with the raw 2D
 * context on a plain canvas under fabric's. Redrawn only when the viewport, the regions, their
 * styles or the selection change, never while a region is dragged (that is fabric's layer).
 * Regions are batched by label: one path, one fill and one stroke per label and state.
 */
import type { Region } from '@tagwerk/core';
import type { Size } from './geometry.js';
import { KEYPOINT_RADIUS, LINE, paintTags, TAG_HEIGHT, type Paint } from './paint.js';
import type { RegionIndex } from './region-index.js';
import type { View } from './viewport.js';

/**
 * An image kept at a few sizes, each half the previous, so a zoomed-out view draws from a copy
 * near its size (cheap, no aliasing) instead of shrinking the full copy every frame.
 */
export class ImagePyramid {
  private levels: ImageBitmap[] = [];
  private disposed = false;
  private started = false;

  /** `ownsBase`: close the base bitmap with the pyramid (false when the caller lent it). */
  constructor(
    base: ImageBitmap,
    readonly natural: Size,
    private readonly ownsBase = true,
  ) {
    this.levels = [base];
  }

  /**
   * Builds the smaller levels, one task each, after the current frame: createImageBitmap resizes
   * on the main thread, so this must not delay the first paint nor block input for long.
   * `onLevel` runs as each level is ready. Does nothing the second time.
   */
  buildLevelsSoon(minSide: number, onLevel: () => void): void {
    if (this.started) return;
    this.started = true;
    const next = () => {
      const last = this.levels[this.levels.length - 1] as ImageBitmap;
      if (this.disposed || Math.min(last.width, last.height) / 2 < minSide) return;
      // Halving with bilinear sampling averages each 2 × 2 block: a proper box filter.
      void createImageBitmap(last, {
        resizeWidth: Math.max(1, Math.round(last.width / 2)),
        resizeHeight: Math.max(1, Math.round(last.height / 2)),
        resizeQuality: 'low',
      }).then((level) => {
        if (this.disposed) {
          level.close();
          return;
        }
        this.levels.push(level);
        onLevel();
        setTimeout(next, 0);
      });
    };
    setTimeout(next, 0);
  }

  /** The smallest level with at least `devicePxPerImagePx` resolution (the largest if none has). */
  pick(devicePxPerImagePx: number): ImageBitmap {
    let chosen = this.levels[0] as ImageBitmap;
    for (const level of this.levels) {
      if (level.width / this.natural.width >= devicePxPerImagePx) chosen = level;
    }
    return chosen;
  }

  /** Bytes held by the bitmaps (RGBA). */
  get bytes(): number {
    return this.levels.reduce((sum, b) => sum + b.width * b.height * 4, 0);
  }

  close(): void {
    this.disposed = true;
    this.levels.forEach((level, i) => (i > 0 || this.ownsBase) && level.close());
    this.levels = [];
  }
}

export interface SceneState {
  stage: Size;
  dpr: number;
  view: View;
  image: ImagePyramid | null;
  index: RegionIndex;
  paintOf(label: string): Paint;
  hidden: ReadonlySet<string>;
  /** Live regions: fabric draws them. */
  skip: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  locked: ReadonlySet<string>;
  skeleton?: { names: readonly string[]; edges?: ReadonlyArray<readonly [number, number]> };
  /** Regions smaller than this on screen (CSS px, both sides) get no name tag unless selected. */
  tagMinSize: number;
}

interface Bucket {
  paint: Paint;
  shapes: number[];
  keypoints: number[];
  tags: number[];
}

/** Index of each skeleton name, so edges can be drawn between a region's present keypoints. */
function skeletonLookup(skeleton: SceneState['skeleton']): Map<string, number> | null {
  if (!skeleton?.edges?.length) return null;
  return new Map(skeleton.names.map((name, i) => [name, i]));
}

/** Adds a polygon's outline to the current path, in CSS px. */
function addPolygon(ctx: CanvasRenderingContext2D, points: ReadonlyArray<readonly [number, number]>, v: View): void {
  const { zoom, x: vx, y: vy } = v;
  for (let j = 0; j < points.length; j++) {
    const p = points[j] as readonly [number, number];
    const sx = (p[0] - vx) * zoom;
    const sy = (p[1] - vy) * zoom;
    if (j === 0) ctx.moveTo(sx, sy);
    else ctx.lineTo(sx, sy);
  }
  ctx.closePath();
}

/**
 * Boxes and polygons of one label. Boxes go through fillRect/strokeRect one by one: Skia's rect
 * fast paths, where stroking one path of 5,000 rectangles wider than a hairline costs 20× more.
 * Polygons share one fill, and are stroked one by one for the same reason.
 */
function drawShapes(
  ctx: CanvasRenderingContext2D,
  regions: readonly Region[],
  indexes: readonly number[],
  v: View,
  paint: Paint,
  selected: boolean,
  locked: ReadonlySet<string>,
): void {
  const { zoom, x: vx, y: vy } = v;
  ctx.fillStyle = selected ? paint.fillSelected : paint.fill;
  let polygons = false;
  for (const i of indexes) {
    const r = regions[i] as Region;
    if (r.type === 'bbox')
      ctx.fillRect((r.bbox.x - vx) * zoom, (r.bbox.y - vy) * zoom, r.bbox.width * zoom, r.bbox.height * zoom);
    else polygons = true;
  }
  if (polygons) {
    ctx.beginPath();
    for (const i of indexes) {
      const r = regions[i] as Region;
      if (r.type === 'polygon') addPolygon(ctx, r.points, v);
    }
    ctx.fill();
  }
  ctx.strokeStyle = paint.color;
  ctx.lineWidth = selected ? LINE.selected : LINE.normal;
  ctx.lineJoin = 'round';
  for (const i of indexes) {
    const r = regions[i] as Region;
    // Locked selected regions are dashed: selected, but not editable.
    const dashed = selected && locked.has(r.id);
    if (dashed) ctx.setLineDash([6, 4]);
    if (r.type === 'bbox') {
      ctx.strokeRect((r.bbox.x - vx) * zoom, (r.bbox.y - vy) * zoom, r.bbox.width * zoom, r.bbox.height * zoom);
    } else if (r.type === 'polygon') {
      ctx.beginPath();
      addPolygon(ctx, r.points, v);
      ctx.stroke();
    }
    if (dashed) ctx.setLineDash([]);
  }
}

/** Skeleton edges and keypoint dots (filled: visible; hollow: occluded). */
export function drawKeypoints(
  ctx: CanvasRenderingContext2D,
  keypoints: ReadonlyArray<{ name: string; x: number; y: number; visible: boolean }>,
  v: View,
  paint: Paint,
  lineWidth: number,
  lookup: Map<string, number> | null,
  edges: ReadonlyArray<readonly [number, number]> | undefined,
): void {
  const { zoom, x: vx, y: vy } = v;
  if (lookup && edges) {
    const byIndex = new Map<number, { x: number; y: number }>();
    for (const k of keypoints) {
      const i = lookup.get(k.name);
      if (i !== undefined) byIndex.set(i, k);
    }
    ctx.beginPath();
    for (const [a, b] of edges) {
      const p = byIndex.get(a);
      const q = byIndex.get(b);
      if (!p || !q) continue;
      ctx.moveTo((p.x - vx) * zoom, (p.y - vy) * zoom);
      ctx.lineTo((q.x - vx) * zoom, (q.y - vy) * zoom);
    }
    ctx.strokeStyle = paint.color;
    ctx.lineWidth = lineWidth;
    ctx.stroke();
  }
  const r = KEYPOINT_RADIUS + (lineWidth > LINE.normal ? 1 : 0);
  ctx.beginPath();
  for (const k of keypoints) {
    if (!k.visible) continue;
    const sx = (k.x - vx) * zoom;
    const sy = (k.y - vy) * zoom;
    ctx.moveTo(sx + r, sy);
    ctx.arc(sx, sy, r, 0, Math.PI * 2);
  }
  ctx.fillStyle = paint.color;
  ctx.fill();
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.beginPath();
  for (const k of keypoints) {
    if (k.visible) continue;
    const sx = (k.x - vx) * zoom;
    const sy = (k.y - vy) * zoom;
    ctx.moveTo(sx + r, sy);
    ctx.arc(sx, sy, r, 0, Math.PI * 2);
  }
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = paint.color;
  ctx.lineWidth = 2;
  ctx.stroke();
}

/** Draws the visible part of the image, scaled from the best pyramid level. */
function drawImage(ctx: CanvasRenderingContext2D, s: SceneState): void {
  const image = s.image;
  if (!image) return;
  const { zoom, x: vx, y: vy } = s.view;
  const { width: W, height: H } = image.natural;
  const ix0 = Math.max(0, vx);
  const iy0 = Math.max(0, vy);
  const ix1 = Math.min(W, vx + s.stage.width / zoom);
  const iy1 = Math.min(H, vy + s.stage.height / zoom);
  if (!(ix1 > ix0 && iy1 > iy0)) return;
  const bitmap = image.pick(zoom * s.dpr);
  if (!bitmap.width) return; // closed by its owner: nothing to draw
  const kx = bitmap.width / W;
  const ky = bitmap.height / H;
  const magnification = (zoom * s.dpr) / kx;
  // Magnified past 2 screen px per bitmap pixel: show pixels as squares, as annotators expect.
  ctx.imageSmoothingEnabled = magnification < 2;
  // Shrunk by more than 2× (the smaller levels are not built yet): mipmapped, not aliased.
  ctx.imageSmoothingQuality = magnification < 0.5 ? 'medium' : 'low';
  ctx.drawImage(
    bitmap,
    ix0 * kx,
    iy0 * ky,
    (ix1 - ix0) * kx,
    (iy1 - iy0) * ky,
    (ix0 - vx) * zoom,
    (iy0 - vy) * zoom,
    (ix1 - ix0) * zoom,
    (iy1 - iy0) * zoom,
  );
}

/** Redraws the whole scene layer. */
export function drawScene(ctx: CanvasRenderingContext2D, s: SceneState): void {
  const canvas = ctx.canvas;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(s.dpr, 0, 0, s.dpr, 0, 0);
  drawImage(ctx, s);

  const { zoom, x: vx, y: vy } = s.view;
  const b = s.index.bounds;
  const regions = s.index.regions;
  // Visible image rectangle, with room for tags that stick out above a region.
  const left = vx;
  const top = vy;
  const right = vx + s.stage.width / zoom;
  const bottom = vy + (s.stage.height + TAG_HEIGHT) / zoom;
  const normal = new Map<string, Bucket>();
  const selected = new Map<string, Bucket>();
  const bucket = (map: Map<string, Bucket>, label: string): Bucket => {
    let found = map.get(label);
    if (!found) {
      found = { paint: s.paintOf(label), shapes: [], keypoints: [], tags: [] };
      map.set(label, found);
    }
    return found;
  };
  const tagMin = s.tagMinSize / zoom;
  for (let i = 0; i < regions.length; i++) {
    const o = i * 4;
    const x0 = b[o] as number;
    const y0 = b[o + 1] as number;
    const x1 = b[o + 2] as number;
    const y1 = b[o + 3] as number;
    // NaN bounds (no points) fail every comparison and are culled here too.
    if (!(x1 >= left && x0 <= right && y1 >= top && y0 <= bottom)) continue;
    const r = regions[i] as Region;
    if (s.hidden.has(r.id) || s.skip.has(r.id)) continue;
    const isSelected = s.selected.has(r.id);
    const target = bucket(isSelected ? selected : normal, r.label);
    (r.type === 'keypoints' ? target.keypoints : target.shapes).push(i);
    if (isSelected || (x1 - x0 >= tagMin && y1 - y0 >= tagMin) || r.type === 'keypoints') target.tags.push(i);
  }

  const lookup = skeletonLookup(s.skeleton);
  const drawBuckets = (map: Map<string, Bucket>, isSelected: boolean) => {
    for (const bk of map.values()) {
      if (bk.shapes.length) drawShapes(ctx, regions, bk.shapes, s.view, bk.paint, isSelected, s.locked);
      for (const i of bk.keypoints) {
        const r = regions[i] as Region;
        if (r.type !== 'keypoints') continue;
        drawKeypoints(
          ctx,
          r.keypoints,
          s.view,
          bk.paint,
          isSelected ? LINE.selected : LINE.normal,
          lookup,
          s.skeleton?.edges,
        );
      }
    }
  };
  drawBuckets(normal, false);
  drawBuckets(selected, true);

  // Tags last, over every shape: batched by label (background) then drawn text by text.
  for (const map of [normal, selected]) {
    for (const bk of map.values()) {
      if (!bk.tags.length) continue;
      const xy: number[] = [];
      for (const i of bk.tags) xy.push(((b[i * 4] as number) - vx) * zoom, ((b[i * 4 + 1] as number) - vy) * zoom);
      paintTags(ctx, bk.paint, xy);
    }
  }
}
