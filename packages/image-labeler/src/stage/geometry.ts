/**
 * Pure geometry of the drawing stage, in natural-image pixels: boxes from two corners, clamping to
 * the image, rounding, hit tests and the polygon checks a drawn shape must pass. The crossing test
 * uses the same rules as core's validator (`validate/geometry.ts`: touching edges count, a ring that
 * folds back on itself counts), so a polygon the stage accepts is never refused on submit.
 */
import { findSelfIntersection, hasZeroArea, orientation, segmentsIntersect, type BBox } from '@tagwerk/core';

export { hasZeroArea, orientation, segmentsIntersect };

export type Pt = readonly [number, number];

export interface Size {
  width: number;
  height: number;
}

/** Rounds to 1/100 px: pointer maths never leaves float noise in the annotation. */
export const tidy = (n: number): number => Math.round(n * 100) / 100;

export const clamp = (v: number, min: number, max: number): number => Math.min(max, Math.max(min, v));

/** The point moved inside the image (edges included). */
export function clampToImage(p: Pt, image: Size): [number, number] {
  return [clamp(p[0], 0, image.width), clamp(p[1], 0, image.height)];
}

/** The box spanned by two corners, clamped to the image and tidied. */
export function boxFromCorners(a: Pt, b: Pt, image: Size): BBox {
  const [x1, y1] = clampToImage(a, image);
  const [x2, y2] = clampToImage(b, image);
  const x = tidy(Math.min(x1, x2));
  const y = tidy(Math.min(y1, y2));
  return { x, y, width: tidy(Math.max(x1, x2) - x), height: tidy(Math.max(y1, y2) - y) };
}

/** A box clamped to the image: moved inside when it fits, cut at the edges otherwise. */
export function clampBox(box: BBox, image: Size): BBox {
  const width = Math.min(box.width, image.width);
  const height = Math.min(box.height, image.height);
  const x = clamp(box.x, 0, image.width - width);
  const y = clamp(box.y, 0, image.height - height);
  return { x: tidy(x), y: tidy(y), width: tidy(width), height: tidy(height) };
}

/** True when `box` is at least `min` (defaults to a strictly positive size). */
export function meetsMinSize(box: BBox, min?: Size): boolean {
  if (!(box.width > 0 && box.height > 0)) return false;
  return !min || (box.width >= min.width && box.height >= min.height);
}

/** Bounds of a list of points (zero box for none). */
export function boundsOf(points: readonly Pt[]): BBox {
  if (points.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** True when the path turns straight back at `cur` (prev → cur → next overlap). */
function foldsBack(prev: Pt, cur: Pt, next: Pt): boolean {
  const dot = (cur[0] - prev[0]) * (next[0] - cur[0]) + (cur[1] - prev[1]) * (next[1] - cur[1]);
  return orientation(prev, cur, next) === 0 && dot < 0;
}

/**
 * Whether appending `p` to the open path `points` would make the new edge cross or touch an
 * earlier one (or fold back over the last). `closing`: `p` is the first point (the ring closes).
 */
export function newEdgeIntersects(points: readonly Pt[], p: Pt, closing = false): boolean {
  const n = points.length;
  if (n === 0) return false;
  const last = points[n - 1] as Pt;
  if (n >= 2 && foldsBack(points[n - 2] as Pt, last, p)) return true;
  if (closing && n >= 2 && foldsBack(last, p, points[1] as Pt)) return true;
  // Edges i → i+1 for i < n - 2 (the last edge shares `last` with the new one).
  for (let i = 0; i < n - 2; i++) {
    if (closing && i === 0) continue; // shares the first point with the closing edge
    if (segmentsIntersect(points[i] as Pt, points[i + 1] as Pt, last, p)) return true;
  }
  return false;
}

/** True when a closed ring crosses or touches itself: the validator's own rule, so a polygon the
 * stage accepts is never refused on submit. */
export function ringSelfIntersects(ring: readonly Pt[]): boolean {
  return ring.length >= 3 && findSelfIntersection(ring) !== null;
}

/** Even-odd point-in-polygon test. */
export function pointInPolygon(p: Pt, ring: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Pt;
    const [xj, yj] = ring[j] as Pt;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Squared distance from p to the segment ab. */
export function distanceToSegmentSq(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  let t = lengthSq > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSq : 0;
  t = clamp(t, 0, 1);
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** The index of the ring edge (i → i+1) nearest to p within `tolerance`, or -1. */
export function nearestEdge(p: Pt, ring: readonly Pt[], tolerance: number): number {
  let best = -1;
  let bestSq = tolerance * tolerance;
  for (let i = 0; i < ring.length; i++) {
    const d = distanceToSegmentSq(p, ring[i] as Pt, ring[(i + 1) % ring.length] as Pt);
    if (d <= bestSq) {
      bestSq = d;
      best = i;
    }
  }
  return best;
}
