import { expect } from 'chai';
import fc from 'fast-check';
// Core's validator, which every submitted polygon must pass: the stage's checks must agree with it.
import { findSelfIntersection, ringIndexes } from '../../../core/src/validate/geometry.js';
import {
  boxFromCorners,
  clampBox,
  hasZeroArea,
  meetsMinSize,
  nearestEdge,
  newEdgeIntersects,
  pointInPolygon,
  ringSelfIntersects,
  type Pt,
} from './geometry.js';
import { clampView, fitView, toImage, toScreen, zoomAround } from './viewport.js';

const coreSaysCrossing = (ring: readonly Pt[]): boolean => {
  const keep = ringIndexes(ring);
  return keep.length === ring.length && findSelfIntersection(ring) !== null;
};

describe('stage geometry', () => {
  it('builds boxes from two corners in any order, clamped to the image', () => {
    const image = { width: 100, height: 50 };
    expect(boxFromCorners([80, 40], [20, 10], image)).to.deep.equal({ x: 20, y: 10, width: 60, height: 30 });
    expect(boxFromCorners([-5, 10], [120, 70], image)).to.deep.equal({ x: 0, y: 10, width: 100, height: 40 });
    expect(boxFromCorners([1.005, 2.333333], [3.1, 4], image)).to.deep.equal({
      x: 1,
      y: 2.33,
      width: 2.1,
      height: 1.67,
    });
  });

  it('clamps a box into the image, moving it when it fits', () => {
    expect(clampBox({ x: 90, y: -5, width: 20, height: 10 }, { width: 100, height: 50 })).to.deep.equal({
      x: 80,
      y: 0,
      width: 20,
      height: 10,
    });
  });

  it('checks the minimum size, refusing empty boxes without one', () => {
    expect(meetsMinSize({ x: 0, y: 0, width: 0, height: 5 })).to.equal(false);
    expect(meetsMinSize({ x: 0, y: 0, width: 1, height: 5 })).to.equal(true);
    expect(meetsMinSize({ x: 0, y: 0, width: 10, height: 5 }, { width: 10, height: 6 })).to.equal(false);
  });

  it('refuses a new edge that crosses, touches or folds back', () => {
    const path: Pt[] = [
      [0, 0],
      [10, 10],
      [10, 0],
    ];
    expect(newEdgeIntersects(path, [0, 10])).to.equal(true); // crosses 0,0 → 10,10
    expect(newEdgeIntersects(path, [5, 5])).to.equal(true); // touches it
    expect(newEdgeIntersects(path, [10, 20])).to.equal(true); // folds back over 10,10 → 10,0
    expect(newEdgeIntersects(path, [20, -5])).to.equal(false);
    expect(newEdgeIntersects(path, [0, 0], true)).to.equal(false); // closing the triangle
    expect(ringSelfIntersects([...path, [0, 10]])).to.equal(true);
    expect(
      hasZeroArea([
        [0, 0],
        [5, 5],
        [10, 10],
      ]),
    ).to.equal(true);
  });

  it('agrees with core: drawing point by point then closing is refused exactly when core refuses the ring', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 8 }), (raw) => {
        const ring = raw as Pt[];
        if (ringIndexes(ring).length !== ring.length) return; // repeated points: the stage drops them first
        let refused = false;
        for (let i = 1; i < ring.length; i++) {
          if (newEdgeIntersects(ring.slice(0, i), ring[i] as Pt)) refused = true;
        }
        if (newEdgeIntersects(ring, ring[0] as Pt, true)) refused = true;
        expect(refused, JSON.stringify(ring)).to.equal(coreSaysCrossing(ring));
        expect(ringSelfIntersects(ring), JSON.stringify(ring)).to.equal(coreSaysCrossing(ring));
      }),
      { numRuns: 2000 },
    );
  });

  it('tests points inside polygons and near their edges', () => {
    const square: Pt[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    expect(pointInPolygon([5, 5], square)).to.equal(true);
    expect(pointInPolygon([15, 5], square)).to.equal(false);
    expect(nearestEdge([11, 5], square, 2)).to.equal(1);
    expect(nearestEdge([15, 5], square, 2)).to.equal(-1);
  });
});

describe('stage viewport', () => {
  const stage = { width: 800, height: 600 };
  const image = { width: 1600, height: 1000 };

  it('fits and centres the image', () => {
    const v = fitView(stage, image);
    expect(v.zoom).to.equal(0.5);
    expect(v.x).to.equal(0);
    expect(v.y).to.equal(-100); // 500 px tall on a 600 px stage: 50 px of margin above, in image px
  });

  it('maps screen ↔ image both ways and zooms around a fixed point', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 800, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        (z1, z2, ax, ay) => {
          const v = { zoom: z1, x: 37, y: -12 };
          const anchor = { x: ax, y: ay };
          const under = toImage(v, anchor);
          const back = toScreen(v, under);
          expect(back.x).to.be.closeTo(ax, 1e-6);
          const after = toScreen(zoomAround(v, z2, anchor), under);
          expect(after.x).to.be.closeTo(ax, 1e-6);
          expect(after.y).to.be.closeTo(ay, 1e-6);
        },
      ),
    );
  });

  it('keeps at least half a stage of image in view when panned far away', () => {
    const v = clampView({ zoom: 2, x: 5000, y: -5000 }, stage, image);
    // 400 × 300 image px visible; the image edge may come half of that inside the stage.
    expect(v.x).to.equal(1600 - 400 + 200);
    expect(v.y).to.equal(-150);
  });
});
