import type { Annotation, Label } from '../model/types.js';

/**
 * One image envelope as a YOLO (Darknet / Ultralytics detection) label file: one line per box,
 * `class cx cy w h`, the box centre and size divided by the image size, 6 decimals, newline
 * terminated. `class` is the index of the region's label in `labels` (label ids, or Label objects
 * such as the task's `labels`, whose order fixes the class ids of a dataset). Boxes are clipped
 * to the image first; a box with nothing left inside it is left out. Only boxes are written:
 * polygons would need YOLO's segmentation format (`class x1 y1 x2 y2 …`), a different file that
 * detection training cannot read, and keypoints YOLO-pose's. A region whose label is not in
 * `labels` throws an Error naming it.
 */
export function toYOLO(annotation: Annotation, labels: ReadonlyArray<string | Label>): string {
  if (!annotation || annotation.kind !== 'image') {
    throw new TypeError(`toYOLO: expected an image annotation envelope, got kind ${JSON.stringify(annotation?.kind)}`);
  }
  const classes = new Map<string, number>();
  labels.forEach((label, index) => {
    const id = typeof label === 'string' ? label : label.id;
    if (!classes.has(id)) classes.set(id, index);
  });
  const { width, height } = annotation.result.image;
  if (!(width > 0) || !(height > 0)) throw new RangeError('toYOLO: the envelope has no image size');
  let out = '';
  for (const region of annotation.result.regions) {
    if (region.type !== 'bbox') continue;
    const cls = classes.get(region.label);
    if (cls === undefined) {
      throw new Error(
        `toYOLO: region ${JSON.stringify(region.id)} has label ${JSON.stringify(region.label)}, which is not in labels`,
      );
    }
    const { x, y } = region.bbox;
    const x1 = Math.max(0, x);
    const y1 = Math.max(0, y);
    const x2 = Math.min(width, x + region.bbox.width);
    const y2 = Math.min(height, y + region.bbox.height);
    if (!(x2 > x1) || !(y2 > y1)) continue;
    const f = (v: number): string => v.toFixed(6);
    out += `${cls} ${f((x1 + x2) / 2 / width)} ${f((y1 + y2) / 2 / height)} ${f((x2 - x1) / width)} ${f((y2 - y1) / height)}\n`;
  }
  return out;
}
