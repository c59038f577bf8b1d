import { expect } from 'chai';
import type { ImageAnnotation } from '../model/types.js';
import { audioAnnotation, imageAnnotation, imageTask } from '../validate/test-fixtures.js';
import { toCOCO } from './coco.js';

const SCHEMA = {
  keypoints: ['nose', 'left_eye', 'right_eye'],
  skeleton: [
    [1, 2],
    [1, 3],
  ],
};

describe('exporters: toCOCO', () => {
  it('writes images, annotations and categories (hand-checked)', () => {
    const coco = toCOCO([imageAnnotation(), audioAnnotation()], { tasks: [imageTask()] });
    expect(coco).to.deep.equal({
      info: { description: 'Exported by Tagwerk', version: '1.0' },
      licenses: [],
      images: [{ id: 1, file_name: 'street.jpg', width: 4032, height: 3024 }],
      annotations: [
        {
          id: 1,
          image_id: 1,
          category_id: 1,
          bbox: [100.5, 220, 340, 180],
          area: 340 * 180,
          iscrowd: 0,
          segmentation: [],
          attributes: { occluded: true, colour: 'red' },
        },
        {
          id: 2,
          image_id: 1,
          category_id: 2,
          bbox: [0, 1900, 4032, 1124],
          // Triangle: ½ · 4032 · (1024 + 100).
          area: 2_265_984,
          iscrowd: 0,
          segmentation: [[0, 2000, 4032, 1900, 4032, 3024]],
        },
        {
          id: 3,
          image_id: 1,
          category_id: 3,
          bbox: [800, 420, 12, 10],
          area: 120,
          iscrowd: 0,
          segmentation: [],
          // nose visible (2), left_eye occluded (1), right_eye not placed (0).
          keypoints: [812, 430, 2, 800, 420, 1, 0, 0, 0],
          num_keypoints: 2,
        },
      ],
      categories: [
        { id: 1, name: 'Car', supercategory: '', ...SCHEMA },
        { id: 2, name: 'Road', supercategory: '', ...SCHEMA },
        { id: 3, name: 'Person', supercategory: '', ...SCHEMA },
      ],
    });
  });

  it('keeps category ids stable across batches and numbers images and annotations across envelopes', () => {
    const first = imageAnnotation();
    first.result.regions = [first.result.regions[1]!]; // only "road"
    const second = imageAnnotation();
    second.result.regions = [second.result.regions[0]!]; // only "car"
    const coco = toCOCO([first, second], { tasks: imageTask() });
    expect(coco.categories.map((c) => [c.id, c.name])).to.deep.equal([
      [1, 'Car'],
      [2, 'Road'],
      [3, 'Person'],
    ]);
    expect(coco.images.map((i) => i.id)).to.deep.equal([1, 2]);
    expect(coco.annotations.map((a) => [a.id, a.image_id, a.category_id])).to.deep.equal([
      [1, 1, 2],
      [2, 2, 1],
    ]);
  });

  it('takes explicit categories, file names, image ids and info', () => {
    const annotation = imageAnnotation();
    annotation.result.regions = annotation.result.regions.slice(0, 2);
    const coco = toCOCO([annotation], {
      categories: ['road', { id: 'car', name: 'Auto' }],
      fileName: (a) => `${a.taskId}.png`,
      imageIds: (_a, i) => 100 + i,
      info: { description: 'Batch 7', year: 2026 },
    });
    expect(coco.info).to.deep.equal({ description: 'Batch 7', version: '1.0', year: 2026 });
    expect(coco.images).to.deep.equal([{ id: 100, file_name: 'img-1.png', width: 4032, height: 3024 }]);
    expect(coco.categories).to.deep.equal([
      { id: 1, name: 'road', supercategory: '' },
      { id: 2, name: 'Auto', supercategory: '' },
    ]);
    expect(coco.annotations.map((a) => [a.image_id, a.category_id])).to.deep.equal([
      [100, 2],
      [100, 1],
    ]);
  });

  it('throws a clear error for a label outside the declared categories', () => {
    expect(() => toCOCO([imageAnnotation()], { categories: ['car', 'road'] })).to.throw(
      Error,
      /region "r3" of task "img-1" has label "person", which is not among the categories/,
    );
  });

  it('derives categories from the data without tasks or categories, and needs keypoint names', () => {
    const annotation = imageAnnotation();
    expect(() => toCOCO([annotation])).to.throw(Error, /keypoints region "r3".*needs keypoint names/);
    const coco = toCOCO([annotation], { keypoints: { names: ['left_eye', 'nose'], edges: [[0, 1]] } });
    expect(coco.categories).to.deep.equal([
      { id: 1, name: 'car', supercategory: '' },
      { id: 2, name: 'road', supercategory: '' },
      { id: 3, name: 'person', supercategory: '', keypoints: ['left_eye', 'nose'], skeleton: [[1, 2]] },
    ]);
    expect(coco.annotations[2]!.keypoints).to.deep.equal([800, 420, 1, 812, 430, 2]);
  });

  it('rejects keypoints the schema does not name', () => {
    expect(() => toCOCO([imageAnnotation()], { keypoints: { names: ['nose'] } })).to.throw(
      Error,
      /keypoint "left_eye", which is not among the keypoint names/,
    );
  });

  it('falls back to the task id as file name, and keeps hostile names as plain JSON strings', () => {
    const task = imageTask();
    task.image.url = 'data:image/png;base64,AAAA';
    task.labels[0]!.name = '</script><img src=x onerror=alert(1)> & "quotes"';
    const annotation: ImageAnnotation = imageAnnotation();
    const coco = toCOCO([annotation], { tasks: task });
    expect(coco.images[0]!.file_name).to.equal('img-1');
    const parsed = JSON.parse(JSON.stringify(coco));
    expect(parsed.categories[0].name).to.equal(task.labels[0]!.name);
  });

  it('decodes the file name from a URL with query and fragment', () => {
    const task = imageTask();
    task.image.url = 'https://cdn.example.org/a/b/Stra%C3%9Fe%201.jpg?sig=abc#x';
    expect(toCOCO([imageAnnotation()], { tasks: task }).images[0]!.file_name).to.equal('Straße 1.jpg');
  });

  it('is empty for no image envelopes', () => {
    const coco = toCOCO([audioAnnotation()]);
    expect(coco.images).to.deep.equal([]);
    expect(coco.annotations).to.deep.equal([]);
    expect(coco.categories).to.deep.equal([]);
  });
});
