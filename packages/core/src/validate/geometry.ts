/**
 * Polygon checks for image regions: degenerate rings and self-intersections. Orientation tests
 * treat results within floating-point error as collinear, so a vertex that lies on another edge
 * (or all but) counts as touching it.
 */

/** A point as the schema stores it: `[x, y]` in natural-image pixels. */
export type Pt = readonly [number, number];

const EPSILON = 2 ** -53;
const ORIENT_BOUND = (3 + 16 * EPSILON) * EPSILON;

/** Sign of the turn a → b → c: 1 left (counter-clockwise in y-up axes), -1 right, 0 collinear. */
export function orientation(a: Pt, b: Pt, c: Pt): -1 | 0 | 1 {
  const left = (b[0] - a[0]) * (c[1] - a[1]);
  const right = (b[1] - a[1]) * (c[0] - a[0]);
  const det = left - right;
  if (Math.abs(det) <= ORIENT_BOUND * (Math.abs(left) + Math.abs(right))) return 0;
  return det > 0 ? 1 : -1;
}

const within = (a: Pt, b: Pt, p: Pt): boolean =>
  Math.min(a[0], b[0]) <= p[0] &&
  p[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= p[1] &&
  p[1] <= Math.max(a[1], b[1]);

/** True when the closed segments ab and cd share at least one point (touching and collinear overlap included). */
export function segmentsIntersect(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const d1 = orientation(c, d, a);
  const d2 = orientation(c, d, b);
  const d3 = orientation(a, b, c);
  const d4 = orientation(a, b, d);
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return (
    (d1 === 0 && within(c, d, a)) ||
    (d2 === 0 && within(c, d, b)) ||
    (d3 === 0 && within(a, b, c)) ||
    (d4 === 0 && within(a, b, d))
  );
}

/**
 * The ring without repeated consecutive points (the closing point repeating the first one
 * included), as indexes into `points`.
 */
export function ringIndexes(points: readonly Pt[]): number[] {
  const keep: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as Pt;
    const last = keep.length > 0 ? (points[keep[keep.length - 1] as number] as Pt) : null;
    if (!last || last[0] !== p[0] || last[1] !== p[1]) keep.push(i);
  }
  while (keep.length > 1) {
    const first = points[keep[0] as number] as Pt;
    const last = points[keep[keep.length - 1] as number] as Pt;
    if (first[0] !== last[0] || first[1] !== last[1]) break;
    keep.pop();
  }
  return keep;
}

/** Signed area of a polygon (positive when counter-clockwise in y-up axes, i.e. clockwise on screen). */
export function polygonArea(points: readonly Pt[]): number {
  if (points.length < 3) return 0;
  const origin = points[0] as Pt; // translate first: small polygons far from (0, 0) stay exact
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as Pt;
    const q = points[(i + 1) % points.length] as Pt;
    twice += (p[0] - origin[0]) * (q[1] - origin[1]) - (q[0] - origin[0]) * (p[1] - origin[1]);
  }
  return twice / 2;
}

/**
 * True when the polygon encloses no area: fewer than 3 points, or all on one line (within
 * rounding). A bow tie, whose signed area may be 0, is not degenerate but self-intersecting.
 */
export function hasZeroArea(points: readonly Pt[]): boolean {
  const p = points[0];
  const q = points.find((r) => p && (r[0] !== p[0] || r[1] !== p[1]));
  if (!p || !q) return true;
  return points.every((r) => orientation(p, q, r) === 0);
}

/**
 * The first pair of crossing or touching edges of a ring as point indexes `[a1, a2, b1, b2]`
 * (edge a1→a2 meets edge b1→b2), or null for a simple polygon. `ring` must have no repeated
 * consecutive points (see `ringIndexes`). Edges that share a vertex only count when they fold
 * back over each other. Sweep-and-prune on x: near O(n log n) for drawn polygons.
 */
export function findSelfIntersection(ring: readonly Pt[]): [number, number, number, number] | null {
  const n = ring.length;
  if (n < 3) return null;
  const next = (i: number): number => (i + 1) % n;
  // Adjacent edges (i-1, i) overlap only when the ring reverses direction at vertex i.
  for (let i = 0; i < n; i++) {
    const prev = ring[(i + n - 1) % n] as Pt;
    const cur = ring[i] as Pt;
    const after = ring[next(i)] as Pt;
    const dot = (cur[0] - prev[0]) * (after[0] - cur[0]) + (cur[1] - prev[1]) * (after[1] - cur[1]);
    if (orientation(prev, cur, after) === 0 && dot < 0) return [(i + n - 1) % n, i, i, next(i)];
  }
  if (n === 3) return null;
  const minX = new Float64Array(n);
  const maxX = new Float64Array(n);
  const minY = new Float64Array(n);
  const maxY = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = ring[i] as Pt;
    const b = ring[next(i)] as Pt;
    minX[i] = Math.min(a[0], b[0]);
    maxX[i] = Math.max(a[0], b[0]);
    minY[i] = Math.min(a[1], b[1]);
    maxY[i] = Math.max(a[1], b[1]);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => (minX[i] as number) - (minX[j] as number) || i - j,
  );
  for (let s = 0; s < n; s++) {
    const i = order[s] as number;
    for (let t = s + 1; t < n; t++) {
      const j = order[t] as number;
      if ((minX[j] as number) > (maxX[i] as number)) break;
      if ((minY[j] as number) > (maxY[i] as number) || (minY[i] as number) > (maxY[j] as number)) continue;
      const gap = Math.abs(i - j);
      if (gap === 1 || gap === n - 1) continue;
      if (segmentsIntersect(ring[i] as Pt, ring[next(i)] as Pt, ring[j] as Pt, ring[next(j)] as Pt)) {
        const [a, b] = i < j ? [i, j] : [j, i];
        return [a, next(a), b, next(b)];
      }
    }
  }
  return null;
}
