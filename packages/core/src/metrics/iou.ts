/**
 * Intersection over union of boxes and simple polygons, in natural-image pixels. Pure: no DOM.
 *
 * Polygon IoU is exact (up to floating-point rounding) for any simple polygons, convex or not:
 * polygon A is split into the signed triangles of a fan from its first vertex, whose signed sum
 * is A's indicator function; each triangle is convex, so Sutherland–Hodgman clipping of B by it
 * gives the area of their intersection even when B is concave (the spurious edges the algorithm
 * adds run back and forth along the triangle's sides and enclose no area). O(n·m) per pair.
 */
import type { BBox, Region } from '../model/types.js';

/** A point as stored in polygon regions: `[x, y]`. */
type Pt = readonly [number, number];

/**
 * What {@link iou} compares: a box, a region, or a polygon's points. Any region type is accepted
 * so that `Region` values need no narrowing, but keypoints regions have no area and throw.
 */
export type IoUShape = BBox | Region | ReadonlyArray<readonly [number, number]>;

interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The axis-aligned bounding box of `points` (all zero for none). */
export function polygonBBox(points: ReadonlyArray<readonly [number, number]>): BBox {
  if (points.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const b = bounds(points);
  return { x: b.x1, y: b.y1, width: b.x2 - b.x1, height: b.y2 - b.y1 };
}

/** Unsigned area of a simple polygon (shoelace formula, translated to its first point for precision). */
export function polygonAreaOf(points: ReadonlyArray<readonly [number, number]>): number {
  return Math.abs(signedArea(points));
}

/**
 * Intersection over union of two shapes, in [0, 1]. Boxes and polygons mix freely (a box counts
 * as its rectangle). 0 when the shapes are disjoint or either has no area (zero width, fewer
 * than three distinct points, non-finite numbers). Polygons must be simple (not self-crossing),
 * as annotation validation guarantees; keypoints regions have no area and throw a TypeError.
 */
export function iou(a: IoUShape, b: IoUShape): number {
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  if ('x1' in sa && 'x1' in sb) return boxIoU(sa, sb);
  return polygonIoU('x1' in sa ? corners(sa) : sa, 'x1' in sb ? corners(sb) : sb);
}

function shapeOf(shape: IoUShape): Bounds | readonly Pt[] {
  if (isPointList(shape)) return shape;
  if ('type' in shape) {
    if (shape.type === 'polygon') return shape.points;
    if (shape.type === 'bbox') return edges(shape.bbox);
    throw new TypeError(`iou: a ${String(shape.type)} region has no area`);
  }
  return edges(shape);
}

const isPointList = (s: IoUShape): s is ReadonlyArray<readonly [number, number]> => Array.isArray(s);

const edges = (b: BBox): Bounds => ({ x1: b.x, y1: b.y, x2: b.x + b.width, y2: b.y + b.height });

function corners(b: Bounds): Pt[] {
  return [
    [b.x1, b.y1],
    [b.x2, b.y1],
    [b.x2, b.y2],
    [b.x1, b.y2],
  ];
}

function boxIoU(a: Bounds, b: Bounds): number {
  // Areas from the same edges as the overlap, so iou(a, a) is exactly 1.
  const areaA = (a.x2 - a.x1) * (a.y2 - a.y1);
  const areaB = (b.x2 - b.x1) * (b.y2 - b.y1);
  if (!(areaA > 0) || !(areaB > 0) || !Number.isFinite(areaA) || !Number.isFinite(areaB)) return 0;
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  if (!(w > 0) || !(h > 0)) return 0;
  const inter = w * h;
  return clamp01(inter / (areaA + areaB - inter));
}

function polygonIoU(a: readonly Pt[], b: readonly Pt[]): number {
  if (a.length < 3 || b.length < 3) return 0;
  if (![...a, ...b].every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))) return 0;
  const ba = bounds(a);
  const bb = bounds(b);
  if (ba.x2 <= bb.x1 || bb.x2 <= ba.x1 || ba.y2 <= bb.y1 || bb.y2 <= ba.y1) return 0;
  // Work relative to a shared origin: far from (0, 0), products of large coordinates lose digits.
  const ox = Math.min(ba.x1, bb.x1);
  const oy = Math.min(ba.y1, bb.y1);
  const ta = a.map((p): Pt => [p[0] - ox, p[1] - oy]);
  const tb = b.map((p): Pt => [p[0] - ox, p[1] - oy]);
  const areaA = Math.abs(signedArea(ta));
  const areaB = Math.abs(signedArea(tb));
  if (!(areaA > 0) || !(areaB > 0)) return 0;
  const inter = intersectionArea(ta, tb, bounds(tb));
  if (!(inter > 0)) return 0;
  return clamp01(inter / (areaA + areaB - inter));
}

/** Area of a ∩ b for simple polygons: signed fan triangles of `a`, each clipping `b`. */
function intersectionArea(a: readonly Pt[], b: readonly Pt[], bBounds: Bounds): number {
  const o = a[0] as Pt;
  let sum = 0;
  for (let i = 1; i + 1 < a.length; i++) {
    const p = a[i] as Pt;
    const q = a[i + 1] as Pt;
    const twice = (p[0] - o[0]) * (q[1] - o[1]) - (q[0] - o[0]) * (p[1] - o[1]);
    if (twice === 0 || !Number.isFinite(twice)) continue;
    const tri: [Pt, Pt, Pt] = twice > 0 ? [o, p, q] : [o, q, p];
    const tb = bounds(tri);
    if (tb.x2 <= bBounds.x1 || bBounds.x2 <= tb.x1 || tb.y2 <= bBounds.y1 || bBounds.y2 <= tb.y1) continue;
    sum += Math.sign(twice) * signedArea(clipByConvex(b, tri));
  }
  // The sum is ±area depending on both polygons' orientations.
  return Math.abs(sum);
}

/** Sutherland–Hodgman: `subject` clipped by the counter-clockwise (y-up) convex polygon `clip`. */
function clipByConvex(subject: readonly Pt[], clip: readonly Pt[]): Pt[] {
  let out: Pt[] = subject.slice();
  for (let i = 0; i < clip.length && out.length > 0; i++) {
    const p = clip[i] as Pt;
    const q = clip[(i + 1) % clip.length] as Pt;
    const dx = q[0] - p[0];
    const dy = q[1] - p[1];
    const side = (v: Pt): number => dx * (v[1] - p[1]) - dy * (v[0] - p[0]);
    const input = out;
    out = [];
    let s = input[input.length - 1] as Pt;
    let ds = side(s);
    for (const e of input) {
      const de = side(e);
      if (de >= 0) {
        if (ds < 0) out.push(cross(s, e, ds, de));
        out.push(e);
      } else if (ds >= 0) {
        out.push(cross(s, e, ds, de));
      }
      s = e;
      ds = de;
    }
  }
  return out;
}

/** Where segment s→e crosses the clip line, from the two signed distances (of opposite signs). */
function cross(s: Pt, e: Pt, ds: number, de: number): Pt {
  const t = ds / (ds - de);
  return [s[0] + t * (e[0] - s[0]), s[1] + t * (e[1] - s[1])];
}

function signedArea(points: ReadonlyArray<readonly [number, number]>): number {
  if (points.length < 3) return 0;
  const o = points[0] as Pt;
  let twice = 0;
  for (let i = 1; i + 1 < points.length; i++) {
    const p = points[i] as Pt;
    const q = points[i + 1] as Pt;
    twice += (p[0] - o[0]) * (q[1] - o[1]) - (q[0] - o[0]) * (p[1] - o[1]);
  }
  return twice / 2;
}

function bounds(points: ReadonlyArray<readonly [number, number]>): Bounds {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const [x, y] of points) {
    if (x < x1) x1 = x;
    if (x > x2) x2 = x;
    if (y < y1) y1 = y;
    if (y > y2) y2 = y;
  }
  return { x1, y1, x2, y2 };
}

const clamp01 = (v: number): number => (v > 1 ? 1 : v > 0 ? v : 0);
