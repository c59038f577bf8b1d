import { expect } from 'chai';
import {
  findSelfIntersection,
  hasZeroArea,
  orientation,
  polygonArea,
  ringIndexes,
  segmentsIntersect,
  type Pt,
} from './geometry.js';

const ring = (points: Pt[]): Pt[] => ringIndexes(points).map((i) => points[i] as Pt);

describe('geometry', () => {
  it('tells the turn direction, collinear within rounding', () => {
    expect(orientation([0, 0], [1, 0], [1, 1])).to.equal(1);
    expect(orientation([0, 0], [1, 0], [1, -1])).to.equal(-1);
    expect(orientation([0, 0], [1, 1], [2, 2])).to.equal(0);
    expect(orientation([0.1, 0.1], [0.2, 0.2], [0.3, 0.3])).to.equal(0);
  });

  it('intersects closed segments, touching and collinear overlaps included', () => {
    expect(segmentsIntersect([0, 0], [2, 2], [0, 2], [2, 0])).to.equal(true); // X
    expect(segmentsIntersect([0, 0], [2, 0], [1, 0], [1, 5])).to.equal(true); // T: endpoint on segment
    expect(segmentsIntersect([0, 0], [2, 0], [1, 0], [3, 0])).to.equal(true); // collinear overlap
    expect(segmentsIntersect([0, 0], [1, 0], [2, 0], [3, 0])).to.equal(false); // collinear, apart
    expect(segmentsIntersect([0, 0], [1, 0], [1, 0], [1, 1])).to.equal(true); // shared endpoint
    expect(segmentsIntersect([0, 0], [1, 1], [0, 1], [0.4, 0.6])).to.equal(false); // near miss
  });

  it('drops repeated consecutive points and the closing point', () => {
    expect(
      ringIndexes([
        [0, 0],
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]),
    ).to.deep.equal([0, 2, 3]);
    expect(
      ringIndexes([
        [5, 5],
        [5, 5],
      ]),
    ).to.deep.equal([0]);
  });

  it('computes signed areas and detects zero area', () => {
    expect(
      polygonArea([
        [0, 0],
        [4, 0],
        [4, 3],
      ]),
    ).to.equal(6);
    expect(
      polygonArea([
        [0, 0],
        [4, 3],
        [4, 0],
      ]),
    ).to.equal(-6);
    expect(
      hasZeroArea([
        [0, 0],
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
    ).to.equal(true);
    expect(
      hasZeroArea([
        [0.1, 0.1],
        [0.2, 0.2],
        [0.7, 0.7],
      ]),
    ).to.equal(true);
    expect(
      hasZeroArea([
        [1e5 + 0.1, 1e5 + 0.1],
        [1e5 + 0.2, 1e5 + 0.2],
        [1e5 + 0.7, 1e5 + 0.7],
      ]),
    ).to.equal(true);
    expect(
      hasZeroArea([
        [0, 0],
        [1, 0],
        [1, 0.001],
      ]),
    ).to.equal(false);
    expect(
      hasZeroArea([
        [999_999, 999_999],
        [1_000_000, 999_999],
        [1_000_000, 1_000_000],
      ]),
    ).to.equal(false);
    expect(
      hasZeroArea([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
      ]),
    ).to.equal(false); // bow tie: signed area 0, but not flat
    expect(
      polygonArea([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
      ]),
    ).to.equal(0);
  });

  it('accepts simple polygons, convex and concave', () => {
    expect(
      findSelfIntersection(
        ring([
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
        ]),
      ),
    ).to.equal(null);
    expect(
      findSelfIntersection(
        ring([
          [0, 0],
          [4, 0],
          [4, 4],
          [2, 1],
          [0, 4],
        ]),
      ),
    ).to.equal(null);
    expect(
      findSelfIntersection(
        ring([
          [0, 0],
          [1, 0],
          [2, 0],
          [2, 2],
        ]),
      ),
    ).to.equal(null); // collinear vertex, no fold
    expect(
      findSelfIntersection(
        ring([
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ]),
      ),
    ).to.equal(null); // explicitly closed
  });

  it('finds a bow tie', () => {
    expect(
      findSelfIntersection(
        ring([
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
        ]),
      ),
    ).to.deep.equal([0, 1, 2, 3]);
  });

  it('finds a vertex touching a non-adjacent edge', () => {
    expect(
      findSelfIntersection(
        ring([
          [0, 0],
          [4, 0],
          [4, 4],
          [2, 0],
          [0, 4],
        ]),
      ),
    ).to.not.equal(null);
  });

  it('finds a figure eight through a repeated vertex', () => {
    expect(
      findSelfIntersection(
        ring([
          [0, 0],
          [1, 1],
          [2, 0],
          [2, 2],
          [1, 1],
          [0, 2],
        ]),
      ),
    ).to.not.equal(null);
  });

  it('finds adjacent edges folding back over each other (a spike)', () => {
    expect(
      findSelfIntersection(
        ring([
          [0, 0],
          [4, 0],
          [2, 0],
          [2, 3],
        ]),
      ),
    ).to.deep.equal([0, 1, 1, 2]);
  });

  it('finds collinear overlaps between non-adjacent edges', () => {
    expect(
      findSelfIntersection(
        ring([
          [0, 0],
          [3, 0],
          [3, 1],
          [1, 1],
          [1, 0],
          [2, 0],
          [2, -1],
          [0, -1],
        ]),
      ),
    ).to.not.equal(null);
  });

  it('checks 10 000-point polygons quickly', () => {
    const n = 10_000;
    const circle: Pt[] = Array.from({ length: n }, (_, i) => [
      5000 + 4000 * Math.cos((2 * Math.PI * i) / n),
      5000 + 4000 * Math.sin((2 * Math.PI * i) / n),
    ]);
    const started = Date.now();
    expect(findSelfIntersection(circle)).to.equal(null);
    const crossed = circle.slice();
    [crossed[10], crossed[5000]] = [crossed[5000] as Pt, crossed[10] as Pt];
    expect(findSelfIntersection(crossed)).to.not.equal(null);
    expect(Date.now() - started).to.be.below(2000);
  });

  it('agrees with a brute-force check on random polygons', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 300; round++) {
      const n = 4 + Math.floor(random() * 6);
      const points: Pt[] = Array.from({ length: n }, () => [Math.floor(random() * 6), Math.floor(random() * 6)]);
      const r = ring(points);
      if (r.length < 3) continue;
      expect(findSelfIntersection(r) !== null, JSON.stringify(r)).to.equal(bruteForce(r));
    }
  });
});

function bruteForce(r: Pt[]): boolean {
  const n = r.length;
  const edge = (i: number): [Pt, Pt] => [r[i] as Pt, r[(i + 1) % n] as Pt];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [a, b] = edge(i);
      const [c, d] = edge(j);
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      if (!adjacent) {
        if (segmentsIntersect(a, b, c, d)) return true;
        continue;
      }
      // Adjacent edges share one vertex; they overlap when the other end of one lies on the other.
      const [shared, p, q] = j === i + 1 ? [b, a, d] : [a, b, c];
      const onLine = (s: Pt, e: Pt, x: Pt): boolean =>
        orientation(s, e, x) === 0 &&
        Math.min(s[0], e[0]) <= x[0] &&
        x[0] <= Math.max(s[0], e[0]) &&
        Math.min(s[1], e[1]) <= x[1] &&
        x[1] <= Math.max(s[1], e[1]);
      if (onLine(shared, p, q) || onLine(shared, q, p)) return true;
    }
  }
  return false;
}
