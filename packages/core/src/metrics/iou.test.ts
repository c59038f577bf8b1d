import { expect } from 'chai';
import fc from 'fast-check';
import type { BBox, BBoxRegion, PolygonRegion } from '../model/types.js';
import { iou, polygonAreaOf, polygonBBox } from './iou.js';

type P = [number, number];
const square = (x: number, y: number, s: number): P[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
];
const rect = (b: BBox): P[] => [
  [b.x, b.y],
  [b.x + b.width, b.y],
  [b.x + b.width, b.y + b.height],
  [b.x, b.y + b.height],
];

/** Star-shaped polygon around (cx, cy): simple (never self-crossing), usually concave. */
const star = (cx: number, cy: number, radii: number[]): P[] =>
  radii.map((r, i) => {
    const angle = (2 * Math.PI * i) / radii.length;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  });

/** Point-in-polygon by ray casting, for the sampling cross-check. */
function inside(points: readonly P[], x: number, y: number): boolean {
  let odd = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

/** IoU estimated on a fine grid of sample points (cell centres). */
function sampledIoU(a: readonly P[], b: readonly P[], lo: number, hi: number, steps: number): number {
  let both = 0;
  let either = 0;
  const cell = (hi - lo) / steps;
  for (let i = 0; i < steps; i++) {
    for (let j = 0; j < steps; j++) {
      const x = lo + (i + 0.5) * cell;
      const y = lo + (j + 0.5) * cell;
      const ia = inside(a, x, y);
      const ib = inside(b, x, y);
      if (ia && ib) both++;
      if (ia || ib) either++;
    }
  }
  return either === 0 ? 0 : both / either;
}

const box = fc.record({
  x: fc.double({ min: -1000, max: 1000, noNaN: true }),
  y: fc.double({ min: -1000, max: 1000, noNaN: true }),
  width: fc.double({ min: 0, max: 1000, noNaN: true }),
  height: fc.double({ min: 0, max: 1000, noNaN: true }),
});

describe('metrics: iou', () => {
  describe('boxes', () => {
    it('gives hand-checked values', () => {
      // Overlap 5×5 = 25 of 100 + 100 − 25.
      expect(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 })).to.equal(25 / 175);
      // One inside the other: 4 / 16.
      expect(iou({ x: 0, y: 0, width: 4, height: 4 }, { x: 1, y: 1, width: 2, height: 2 })).to.equal(0.25);
      expect(iou({ x: 0.1, y: 0.2, width: 0.3, height: 0.7 }, { x: 0.1, y: 0.2, width: 0.3, height: 0.7 })).to.equal(1);
    });

    it('is 0 for disjoint, touching and degenerate boxes', () => {
      expect(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 20, y: 0, width: 10, height: 10 })).to.equal(0);
      expect(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).to.equal(0);
      expect(iou({ x: 0, y: 0, width: 0, height: 10 }, { x: 0, y: 0, width: 0, height: 10 })).to.equal(0);
      expect(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 0, y: 0, width: NaN, height: 10 })).to.equal(0);
    });

    it('accepts bbox and polygon regions, and mixes boxes with polygons', () => {
      const a: BBoxRegion = { id: 'a', type: 'bbox', label: 'car', bbox: { x: 0, y: 0, width: 10, height: 10 } };
      const b: PolygonRegion = { id: 'b', type: 'polygon', label: 'car', points: square(5, 5, 10) };
      expect(iou(a, b)).to.be.closeTo(25 / 175, 1e-12);
      expect(iou(a.bbox, b.points)).to.be.closeTo(25 / 175, 1e-12);
      expect(() => iou(a, { id: 'k', type: 'keypoints', label: 'p', keypoints: [] })).to.throw(TypeError, /keypoints/);
    });

    it('is symmetric, in [0, 1], and 1 for the same non-degenerate box (property)', () => {
      fc.assert(
        fc.property(box, box, (a, b) => {
          const v = iou(a, b);
          expect(v).to.be.within(0, 1);
          expect(iou(b, a)).to.equal(v);
          // Non-degenerate: its edges enclose a positive area (a side far below the resolution
          // of its position, or subnormal sides, leave none).
          if ((a.x + a.width - a.x) * (a.y + a.height - a.y) > 0) expect(iou(a, { ...a })).to.equal(1);
        }),
      );
    });
  });

  describe('polygons', () => {
    it('gives hand-checked values for convex and concave polygons', () => {
      expect(iou(square(0, 0, 2), square(1, 1, 2))).to.be.closeTo(1 / 7, 1e-12);
      // L shape (area 3) inside a 2×2 square.
      const ell: P[] = [
        [0, 0],
        [2, 0],
        [2, 1],
        [1, 1],
        [1, 2],
        [0, 2],
      ];
      expect(iou(ell, { x: 0, y: 0, width: 2, height: 2 })).to.be.closeTo(0.75, 1e-12);
      // The L and the square filling its notch touch along edges only.
      expect(iou(ell, square(1, 1, 1))).to.equal(0);
      // Two U shapes facing each other: overlap is the two 1×1 prong tips.
      const u: P[] = [
        [0, 0],
        [3, 0],
        [3, 3],
        [2, 3],
        [2, 1],
        [1, 1],
        [1, 3],
        [0, 3],
      ]; // area 9 − 2 = 7
      const n: P[] = u.map(([x, y]): P => [x, 5 - y]); // prongs y 2…4, overlapping u's y 2…3
      expect(iou(u, n)).to.be.closeTo(2 / (7 + 7 - 2), 1e-12);
    });

    it('does not depend on orientation or starting vertex', () => {
      const ell: P[] = [
        [0, 0],
        [2, 0],
        [2, 1],
        [1, 1],
        [1, 2],
        [0, 2],
      ];
      const expected = iou(ell, square(0.5, 0.5, 1));
      expect(expected).to.be.closeTo(0.75 / (3 + 1 - 0.75), 1e-12);
      expect(iou([...ell].reverse(), square(0.5, 0.5, 1))).to.be.closeTo(expected, 1e-12);
      expect(iou([...ell.slice(3), ...ell.slice(0, 3)], [...square(0.5, 0.5, 1)].reverse())).to.be.closeTo(
        expected,
        1e-12,
      );
    });

    it('is 0 for degenerate polygons', () => {
      const line: P[] = [
        [0, 0],
        [1, 1],
        [2, 2],
      ];
      expect(iou(line, square(0, 0, 2))).to.equal(0);
      expect(iou([[0, 0]], square(0, 0, 2))).to.equal(0);
      expect(iou(square(0, 0, 2), square(0, 0, 0))).to.equal(0);
    });

    it('stays exact far from the origin', () => {
      expect(iou(square(999_000, 999_000, 2), square(999_001, 999_001, 2))).to.be.closeTo(1 / 7, 1e-9);
    });

    it('agrees with box IoU for rectangles given as polygons (property)', () => {
      fc.assert(
        fc.property(box, box, (a, b) => {
          expect(iou(rect(a), rect(b))).to.be.closeTo(iou(a, b), 1e-9);
        }),
      );
    });

    it('agrees with grid sampling for random concave polygons (property)', () => {
      const radii = fc.array(fc.double({ min: 5, max: 40, noNaN: true }), { minLength: 3, maxLength: 12 });
      const centre = fc.double({ min: 40, max: 60, noNaN: true });
      fc.assert(
        fc.property(radii, radii, centre, centre, centre, centre, (ra, rb, ax, ay, bx, by) => {
          const a = star(ax, ay, ra);
          const b = star(bx, by, rb);
          const exact = iou(a, b);
          expect(exact).to.be.within(0, 1);
          expect(iou(b, a)).to.be.closeTo(exact, 1e-9);
          // 300×300 samples over 100×100 px: a few hundredths at worst on thin slivers.
          expect(exact).to.be.closeTo(sampledIoU(a, b, 0, 100, 300), 0.03);
        }),
        { numRuns: 40 },
      );
    });

    it('is 1 for the same polygon (property)', () => {
      const radii = fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 3, maxLength: 30 });
      fc.assert(
        fc.property(radii, (r) => {
          const p = star(200, 200, r);
          expect(iou(p, p)).to.be.closeTo(1, 1e-9);
        }),
      );
    });
  });

  it('polygonBBox and polygonAreaOf', () => {
    expect(
      polygonBBox([
        [1, 5],
        [4, 2],
        [3, 9],
      ]),
    ).to.deep.equal({ x: 1, y: 2, width: 3, height: 7 });
    expect(polygonBBox([])).to.deep.equal({ x: 0, y: 0, width: 0, height: 0 });
    expect(polygonAreaOf(square(3, 3, 4))).to.equal(16);
    expect(polygonAreaOf([...square(3, 3, 4)].reverse())).to.equal(16);
  });
});
