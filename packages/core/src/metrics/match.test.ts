import { expect } from 'chai';
import fc from 'fast-check';
import type { Region, Segment } from '../model/types.js';
import { matchRegions, matchSegments, type Matching } from './match.js';

const box = (id: string, label: string, x: number, y: number, width = 10, height = 10): Region => ({
  id,
  type: 'bbox',
  label,
  bbox: { x, y, width, height },
});
const seg = (id: string, start: number, end: number, speaker?: string): Segment => ({
  id,
  start,
  end,
  text: '',
  ...(speaker ? { speaker } : {}),
});
/** A matching by ids, for readable expectations. */
const ids = <T extends { id: string }>(m: Matching<T>) => ({
  pairs: m.pairs.map((p) => [p.reference.id, p.item.id, Math.round(p.score * 1000) / 1000]),
  missed: m.missed.map((r) => r.id),
  extra: m.extra.map((r) => r.id),
});

describe('metrics: matchRegions', () => {
  it('pairs each reference region with the same-label region overlapping it most, one to one', () => {
    const reference = [box('g1', 'car', 0, 0), box('g2', 'car', 100, 0)];
    const regions = [box('m1', 'car', 101, 0), box('m2', 'car', 1, 0), box('m3', 'car', 300, 0)];
    const m = matchRegions(reference, regions);
    expect(ids(m)).to.deep.equal({
      pairs: [
        ['g1', 'm2', 0.818],
        ['g2', 'm1', 0.818],
      ],
      missed: [],
      extra: ['m3'],
    });
    expect(m.pairs.map((p) => [p.referenceIndex, p.index])).to.deep.equal([
      [0, 1],
      [1, 0],
    ]);
  });

  it('requires the same label: a perfect box of another label is a miss and an extra', () => {
    const m = matchRegions([box('g1', 'car', 0, 0)], [box('m1', 'person', 0, 0)], { iou: 0 });
    expect(ids(m)).to.deep.equal({ pairs: [], missed: ['g1'], extra: ['m1'] });
  });

  it('handles empty inputs on either side', () => {
    const some = [box('a', 'car', 0, 0)];
    expect(ids(matchRegions([], []))).to.deep.equal({ pairs: [], missed: [], extra: [] });
    expect(ids(matchRegions(some, []))).to.deep.equal({ pairs: [], missed: ['a'], extra: [] });
    expect(ids(matchRegions([], some))).to.deep.equal({ pairs: [], missed: [], extra: ['a'] });
  });

  it('takes the best overlap first, not the first reference region (greedy by score)', () => {
    // m1 overlaps g1 by 0.5 and g2 by 0.82: g2 gets it, though g1 comes first.
    const reference = [box('g1', 'car', 0, 0, 20, 10), box('g2', 'car', 9, 0)];
    const m = matchRegions(reference, [box('m1', 'car', 10, 0)], { iou: 0 });
    expect(ids(m)).to.deep.equal({ pairs: [['g2', 'm1', 0.818]], missed: ['g1'], extra: [] });
  });

  it('breaks ties by reference order, then by order of the regions', () => {
    // m1 overlaps g1 and g2 exactly alike; so does m2: g1–m1 first, then g2–m2.
    const reference = [box('g1', 'car', 0, 0), box('g2', 'car', 0, 0)];
    const regions = [box('m1', 'car', 5, 0), box('m2', 'car', 5, 0)];
    expect(ids(matchRegions(reference, regions, { iou: 0 })).pairs).to.deep.equal([
      ['g1', 'm1', 0.333],
      ['g2', 'm2', 0.333],
    ]);
    expect(ids(matchRegions(reference, [...regions].reverse(), { iou: 0 })).pairs).to.deep.equal([
      ['g1', 'm2', 0.333],
      ['g2', 'm1', 0.333],
    ]);
  });

  it('needs the given IoU (0.5 by default); no overlap never matches, even with iou 0', () => {
    const reference = [box('g1', 'car', 0, 0)];
    expect(ids(matchRegions(reference, [box('m1', 'car', 5, 0)])).pairs).to.deep.equal([]);
    expect(ids(matchRegions(reference, [box('m1', 'car', 5, 0)], { iou: 0.3 })).pairs).to.have.length(1);
    expect(ids(matchRegions(reference, [box('m1', 'car', 10, 0)], { iou: 0 }))).to.deep.equal({
      pairs: [],
      missed: ['g1'],
      extra: ['m1'],
    });
    expect(() => matchRegions(reference, [], { iou: 1.5 })).to.throw(RangeError);
    expect(() => matchRegions(reference, [], { iou: Number.NaN })).to.throw(RangeError);
  });

  it('compares polygons by their shapes, not their bounding boxes', () => {
    // A triangle and its mirror image share their bounding box (bounding-box IoU 1, as the image
    // labeler's feedback said before) but only a third of their union.
    const up: Region = {
      id: 'g1',
      type: 'polygon',
      label: 'roof',
      points: [
        [0, 0],
        [10, 0],
        [5, 10],
      ],
    };
    const down: Region = {
      id: 'm1',
      type: 'polygon',
      label: 'roof',
      points: [
        [0, 10],
        [10, 10],
        [5, 0],
      ],
    };
    expect(ids(matchRegions([up], [down], { iou: 0 })).pairs).to.deep.equal([['g1', 'm1', 0.333]]);
    expect(ids(matchRegions([up], [box('m2', 'roof', 0, 0)], { iou: 0 })).pairs).to.deep.equal([['g1', 'm2', 0.5]]);
  });

  it('compares keypoints by the boxes around their points; points on a line never match', () => {
    const kp = (id: string, points: Array<[number, number]>): Region => ({
      id,
      type: 'keypoints',
      label: 'person',
      keypoints: points.map(([x, y], i) => ({ name: `k${i}`, x, y, visible: true })),
    });
    const m = matchRegions(
      [
        kp('g1', [
          [0, 0],
          [10, 10],
        ]),
      ],
      [
        kp('m1', [
          [0, 0],
          [10, 10],
          [5, 5],
        ]),
      ],
    );
    expect(ids(m).pairs).to.deep.equal([['g1', 'm1', 1]]);
    const flat = matchRegions(
      [
        kp('g1', [
          [0, 0],
          [10, 0],
        ]),
      ],
      [
        kp('m1', [
          [0, 0],
          [10, 0],
        ]),
      ],
      { iou: 0 },
    );
    expect(ids(flat)).to.deep.equal({ pairs: [], missed: ['g1'], extra: ['m1'] });
  });

  it('is one to one and accounts for every region (property)', () => {
    const region = fc
      .record({
        label: fc.constantFrom('car', 'person'),
        x: fc.integer({ min: 0, max: 30 }),
        y: fc.integer({ min: 0, max: 30 }),
        w: fc.integer({ min: 1, max: 20 }),
      })
      .map((r) => box('', r.label, r.x, r.y, r.w, r.w));
    const list = (prefix: string) =>
      fc.array(region, { maxLength: 6 }).map((rs) => rs.map((r, i) => ({ ...r, id: `${prefix}${i}` })));
    fc.assert(
      fc.property(list('g'), list('m'), fc.constantFrom(0, 0.3, 0.5), (reference, regions, least) => {
        const m = matchRegions(reference, regions, { iou: least });
        expect(m.pairs.length + m.missed.length).to.equal(reference.length);
        expect(m.pairs.length + m.extra.length).to.equal(regions.length);
        expect(new Set(m.pairs.map((p) => p.index)).size).to.equal(m.pairs.length);
        for (const p of m.pairs) {
          expect(p.reference.label).to.equal(p.item.label);
          expect(p.score).to.be.greaterThan(0).and.at.least(least).and.at.most(1);
        }
        expect(m.pairs.map((p) => p.referenceIndex)).to.deep.equal(
          [...m.pairs.map((p) => p.referenceIndex)].sort((a, b) => a - b),
        );
      }),
    );
  });
});

describe('metrics: matchSegments', () => {
  it('pairs segments by time IoU (0.5 by default), one to one, speakers ignored', () => {
    const reference = [seg('r1', 0, 2, 'A'), seg('r2', 2, 4, 'B')];
    const segments = [seg('s1', 2.1, 4, 'A'), seg('s2', 0, 1.9, 'A'), seg('s3', 3, 9)];
    expect(ids(matchSegments(reference, segments))).to.deep.equal({
      pairs: [
        ['r1', 's2', 0.95],
        ['r2', 's1', 0.95],
      ],
      missed: [],
      extra: ['s3'],
    });
  });

  it('with sameSpeaker, matches only segments of the same speaker', () => {
    const m = matchSegments([seg('r1', 0, 2, 'A')], [seg('s1', 0, 2, 'B')], { sameSpeaker: true });
    expect(ids(m)).to.deep.equal({ pairs: [], missed: ['r1'], extra: ['s1'] });
    const unnamed = matchSegments([seg('r1', 0, 2)], [seg('s1', 0, 2)], { sameSpeaker: true });
    expect(ids(unnamed).pairs).to.deep.equal([['r1', 's1', 1]]);
  });

  it('takes the best overlap first and breaks ties by order', () => {
    // Overlapping references: s1 fits r2 exactly and r1 by 0.75; r2 gets it.
    expect(ids(matchSegments([seg('r1', 0, 4), seg('r2', 1, 4)], [seg('s1', 1, 4)]))).to.deep.equal({
      pairs: [['r2', 's1', 1]],
      missed: ['r1'],
      extra: [],
    });
    const tie = matchSegments([seg('r1', 0, 2), seg('r2', 0, 2)], [seg('s1', 0, 2), seg('s2', 0, 2)]);
    expect(ids(tie).pairs).to.deep.equal([
      ['r1', 's1', 1],
      ['r2', 's2', 1],
    ]);
  });

  it('handles empty inputs, touching segments and a zero threshold', () => {
    expect(ids(matchSegments([], []))).to.deep.equal({ pairs: [], missed: [], extra: [] });
    expect(ids(matchSegments([seg('r1', 0, 1)], []))).to.deep.equal({ pairs: [], missed: ['r1'], extra: [] });
    expect(ids(matchSegments([], [seg('s1', 0, 1)]))).to.deep.equal({ pairs: [], missed: [], extra: ['s1'] });
    // Touching is not overlapping.
    expect(ids(matchSegments([seg('r1', 0, 1)], [seg('s1', 1, 2)], { iou: 0 })).pairs).to.deep.equal([]);
    expect(ids(matchSegments([seg('r1', 0, 4)], [seg('s1', 3, 5)], { iou: 0 })).pairs).to.deep.equal([
      ['r1', 's1', 0.2],
    ]);
    expect(ids(matchSegments([seg('r1', 0, 4)], [seg('s1', Number.NaN, 5)], { iou: 0 })).pairs).to.deep.equal([]);
  });
});
