import { expect } from 'chai';
import fc from 'fast-check';
import type { BBox, ImageAnnotation } from '../model/types.js';
import { audioAnnotation, imageAnnotation, imageTask } from '../validate/test-fixtures.js';
import { toYOLO } from './yolo.js';

/** Reads YOLO detection lines back into pixel boxes. */
function parseYOLO(text: string, width: number, height: number): Array<{ cls: number; box: BBox }> {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [cls, cx, cy, w, h] = line.split(' ').map(Number) as [number, number, number, number, number];
      return {
        cls,
        box: { x: (cx - w / 2) * width, y: (cy - h / 2) * height, width: w * width, height: h * height },
      };
    });
}

function withBoxes(width: number, height: number, boxes: Array<{ label: string; bbox: BBox }>): ImageAnnotation {
  const annotation = imageAnnotation();
  annotation.result.image = { width, height };
  annotation.result.regions = boxes.map((b, i) => ({ id: `b${i}`, type: 'bbox', ...b }));
  return annotation;
}

describe('exporters: toYOLO', () => {
  it('writes one normalised line per box, skipping polygons and keypoints (hand-checked)', () => {
    // Centre (270.5, 310) and size 340×180 over 4032×3024.
    expect(toYOLO(imageAnnotation(), imageTask().labels)).to.equal('0 0.067088 0.102513 0.084325 0.059524\n');
  });

  it('takes classes from the order of labels given as ids', () => {
    const annotation = withBoxes(100, 200, [
      { label: 'b', bbox: { x: 0, y: 0, width: 100, height: 200 } },
      { label: 'a', bbox: { x: 25, y: 50, width: 50, height: 100 } },
    ]);
    expect(toYOLO(annotation, ['a', 'b'])).to.equal(
      '1 0.500000 0.500000 1.000000 1.000000\n0 0.500000 0.500000 0.500000 0.500000\n',
    );
  });

  it('clips boxes to the image and leaves out boxes entirely outside it', () => {
    const annotation = withBoxes(100, 100, [
      { label: 'a', bbox: { x: -10, y: 90, width: 30, height: 20 } },
      { label: 'a', bbox: { x: 120, y: 0, width: 10, height: 10 } },
    ]);
    expect(toYOLO(annotation, ['a'])).to.equal('0 0.100000 0.950000 0.200000 0.100000\n');
  });

  it('is empty without boxes', () => {
    expect(toYOLO(withBoxes(10, 10, []), ['a'])).to.equal('');
  });

  it('throws a clear error for labels not in the list, and for other kinds', () => {
    expect(() => toYOLO(imageAnnotation(), ['road'])).to.throw(
      Error,
      /region "r1" has label "car", which is not in labels/,
    );
    expect(() => toYOLO(audioAnnotation(), ['a'])).to.throw(TypeError, /image annotation/);
  });

  it('round-trips boxes within 1e-6 of the image size (property)', () => {
    const size = fc.integer({ min: 1, max: 100_000 });
    fc.assert(
      fc.property(
        size,
        size,
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          { maxLength: 5 },
        ),
        (width, height, raw) => {
          const boxes = raw
            .map(([a, b, c, d]) => {
              const [x1, x2] = [Math.min(a, b) * width, Math.max(a, b) * width];
              const [y1, y2] = [Math.min(c, d) * height, Math.max(c, d) * height];
              return { label: 'a', bbox: { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } };
            })
            .filter((b) => b.bbox.width > 0 && b.bbox.height > 0);
          const parsed = parseYOLO(toYOLO(withBoxes(width, height, boxes), ['a']), width, height);
          expect(parsed).to.have.length(boxes.length);
          parsed.forEach(({ cls, box }, i) => {
            const want = boxes[i]!.bbox;
            expect(cls).to.equal(0);
            expect(box.x).to.be.closeTo(want.x, 1e-6 * width);
            expect(box.y).to.be.closeTo(want.y, 1e-6 * height);
            expect(box.width).to.be.closeTo(want.width, 1e-6 * width);
            expect(box.height).to.be.closeTo(want.height, 1e-6 * height);
          });
        },
      ),
    );
  });
});
