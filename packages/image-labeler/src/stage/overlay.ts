/**
 * The overlay: a pointer-transparent canvas over fabric's for what follows the pointer and is
 * cheap to redraw every frame — crosshair lines, the hovered region's outline, the rubber band
 * and the shape being drawn (pointer or keyboard). Nothing here is part of the annotation.
 */
import type { Keypoint, Region } from '@tagwerk/core';
import type { DrawnShape, Point } from '../stage-types.js';
import type { Size } from './geometry.js';
import { KEYPOINT_RADIUS, LINE, TAG_FONT, type Paint } from './paint.js';
import { drawKeypoints } from './scene.js';
import type { View } from './viewport.js';

export type OverlayDraft =
  | { type: 'bbox'; a: readonly [number, number]; b: readonly [number, number] | null }
  | { type: 'polygon'; points: ReadonlyArray<readonly [number, number]>; next: readonly [number, number] | null }
  | { type: 'keypoints'; placed: readonly Keypoint[]; nextName: string | null; at: readonly [number, number] | null };

export interface OverlayState {
  stage: Size;
  dpr: number;
  view: View;
  /** Pointer crosshair, stage CSS px. */
  crosshair: Point | null;
  /** Keyboard cursor, image px. */
  cursor: Point | null;
  hover: { region: Region; paint: Paint } | null;
  /** Rubber band corners, image px. */
  band: { x1: number; y1: number; x2: number; y2: number } | null;
  draft: OverlayDraft | null;
  /** A keyboard-built shape previewed by the host (`setDraft`). */
  external: DrawnShape | null;
  /** The label being drawn. */
  paint: Paint;
  /** Radius (CSS px) of the first polygon point's close target. */
  closeRadius: number;
  skeleton?: { names: readonly string[]; edges?: ReadonlyArray<readonly [number, number]> };
}

const toS = (v: View, x: number, y: number): [number, number] => [(x - v.x) * v.zoom, (y - v.y) * v.zoom];

/** Two-tone line (dark under light) so it reads on any image. */
function strokeTwoTone(ctx: CanvasRenderingContext2D, color: string, width: number, dash: number[] = []): void {
  ctx.setLineDash([]);
  ctx.lineWidth = width + 2;
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.stroke();
  ctx.setLineDash(dash);
  ctx.lineWidth = width;
  ctx.strokeStyle = color;
  ctx.stroke();
  ctx.setLineDash([]);
}

function crosshairAt(ctx: CanvasRenderingContext2D, s: OverlayState, x: number, y: number): void {
  ctx.beginPath();
  ctx.moveTo(0, y);
  ctx.lineTo(s.stage.width, y);
  ctx.moveTo(x, 0);
  ctx.lineTo(x, s.stage.height);
  strokeTwoTone(ctx, 'rgba(255, 255, 255, 0.9)', 1, [4, 4]);
}

function polyline(ctx: CanvasRenderingContext2D, v: View, points: ReadonlyArray<readonly [number, number]>): void {
  points.forEach(([x, y], i) => {
    const [sx, sy] = toS(v, x, y);
    if (i === 0) ctx.moveTo(sx, sy);
    else ctx.lineTo(sx, sy);
  });
}

function drawRegionOutline(ctx: CanvasRenderingContext2D, s: OverlayState, region: Region, paint: Paint): void {
  const v = s.view;
  ctx.beginPath();
  if (region.type === 'bbox') {
    const [x, y] = toS(v, region.bbox.x, region.bbox.y);
    ctx.rect(x, y, region.bbox.width * v.zoom, region.bbox.height * v.zoom);
  } else if (region.type === 'polygon') {
    polyline(ctx, v, region.points);
    ctx.closePath();
  } else {
    for (const k of region.keypoints) {
      const [x, y] = toS(v, k.x, k.y);
      ctx.moveTo(x + KEYPOINT_RADIUS + 3, y);
      ctx.arc(x, y, KEYPOINT_RADIUS + 3, 0, Math.PI * 2);
    }
  }
  strokeTwoTone(ctx, paint.color, LINE.hover);
}

function drawShape(ctx: CanvasRenderingContext2D, s: OverlayState, shape: DrawnShape, dash: number[]): void {
  const v = s.view;
  if (shape.type === 'keypoints') {
    const lookup = s.skeleton ? new Map(s.skeleton.names.map((n, i) => [n, i])) : null;
    drawKeypoints(ctx, shape.keypoints, v, s.paint, LINE.draft, lookup, s.skeleton?.edges);
    return;
  }
  ctx.beginPath();
  if (shape.type === 'bbox') {
    const [x, y] = toS(v, shape.bbox.x, shape.bbox.y);
    ctx.rect(x, y, shape.bbox.width * v.zoom, shape.bbox.height * v.zoom);
  } else {
    polyline(ctx, v, shape.points);
    if (shape.points.length > 2) ctx.closePath();
  }
  ctx.fillStyle = s.paint.fill;
  ctx.fill();
  strokeTwoTone(ctx, s.paint.color, LINE.draft, dash);
}

function drawDraft(ctx: CanvasRenderingContext2D, s: OverlayState, d: OverlayDraft): void {
  const v = s.view;
  if (d.type === 'bbox') {
    const b = d.b ?? d.a;
    const [x1, y1] = toS(v, Math.min(d.a[0], b[0]), Math.min(d.a[1], b[1]));
    ctx.beginPath();
    ctx.rect(x1, y1, Math.abs(b[0] - d.a[0]) * v.zoom, Math.abs(b[1] - d.a[1]) * v.zoom);
    ctx.fillStyle = s.paint.fill;
    ctx.fill();
    strokeTwoTone(ctx, s.paint.color, LINE.draft);
    const [cx, cy] = toS(v, d.a[0], d.a[1]);
    ctx.beginPath();
    ctx.arc(cx, cy, 3, 0, Math.PI * 2);
    ctx.fillStyle = s.paint.color;
    ctx.fill();
    return;
  }
  if (d.type === 'polygon') {
    if (!d.points.length) return;
    ctx.beginPath();
    polyline(ctx, v, d.points);
    ctx.fillStyle = s.paint.fill;
    if (d.points.length > 2) ctx.fill();
    strokeTwoTone(ctx, s.paint.color, LINE.draft);
    if (d.next) {
      const last = d.points[d.points.length - 1] as readonly [number, number];
      ctx.beginPath();
      polyline(ctx, v, [last, d.next]);
      strokeTwoTone(ctx, s.paint.color, 1, [5, 4]);
    }
    // Vertices, the first one larger: clicking it closes the polygon.
    d.points.forEach(([x, y], i) => {
      const [sx, sy] = toS(v, x, y);
      ctx.beginPath();
      const r = i === 0 && d.points.length >= 3 ? s.closeRadius : 3.5;
      ctx.arc(sx, sy, r, 0, Math.PI * 2);
      ctx.fillStyle = i === 0 ? 'rgba(255, 255, 255, 0.85)' : s.paint.color;
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = i === 0 ? s.paint.color : '#ffffff';
      ctx.stroke();
    });
    return;
  }
  const lookup = s.skeleton ? new Map(s.skeleton.names.map((n, i) => [n, i])) : null;
  drawKeypoints(ctx, d.placed, v, s.paint, LINE.draft, lookup, s.skeleton?.edges);
  if (d.nextName && d.at) {
    // The name of the keypoint the next click places, beside the pointer.
    const [x, y] = toS(v, d.at[0], d.at[1]);
    ctx.font = TAG_FONT;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    const w = ctx.measureText(d.nextName).width + 8;
    ctx.fillStyle = 'rgba(0, 0, 0, 0.7)';
    ctx.fillRect(x + 12, y + 12, w, 16);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(d.nextName, x + 16, y + 14);
  }
}

/** Redraws the overlay; returns false when there was nothing to draw. */
export function drawOverlay(ctx: CanvasRenderingContext2D, s: OverlayState): boolean {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(s.dpr, 0, 0, s.dpr, 0, 0);
  if (s.hover) drawRegionOutline(ctx, s, s.hover.region, s.hover.paint);
  if (s.external) drawShape(ctx, s, s.external, [6, 4]);
  if (s.draft) drawDraft(ctx, s, s.draft);
  if (s.band) {
    const [x1, y1] = toS(s.view, Math.min(s.band.x1, s.band.x2), Math.min(s.band.y1, s.band.y2));
    const [x2, y2] = toS(s.view, Math.max(s.band.x1, s.band.x2), Math.max(s.band.y1, s.band.y2));
    ctx.beginPath();
    ctx.rect(x1, y1, x2 - x1, y2 - y1);
    ctx.fillStyle = 'rgba(100, 150, 255, 0.15)';
    ctx.fill();
    strokeTwoTone(ctx, '#ffffff', 1, [4, 3]);
  }
  if (s.crosshair) crosshairAt(ctx, s, s.crosshair.x, s.crosshair.y);
  if (s.cursor) {
    const [x, y] = toS(s.view, s.cursor.x, s.cursor.y);
    crosshairAt(ctx, s, x, y);
    ctx.beginPath();
    ctx.arc(x, y, 6, 0, Math.PI * 2);
    strokeTwoTone(ctx, s.paint.color, 2);
  }
  return !!(s.hover || s.external || s.draft || s.band || s.crosshair || s.cursor);
}
