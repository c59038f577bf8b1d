import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, setViewport } from '@web/test-runner-commands';
import {
  validateAnnotation,
  type BBoxRegion,
  type ImageAnnotation,
  type ImageTask,
  type KeypointsRegion,
  type PolygonRegion,
  type TagwerkErrorEvent,
} from '@tagwerk/core';
import { publishedSchemaErrors } from '../../core/test/published-schema.js';
import { mountReady, shadowQuery } from '../../ui/test/widget-fixture.js';
import { ImageLabelerHarness } from '../test/harness.js';
import type { TagwerkImageLabeler } from './index.js';
import './index.js';
import { gridImageUrl as imageUrl } from '../test/image-fixtures.js';

let seq = 0;
async function makeTask(overrides: Partial<ImageTask> = {}, size = { width: 1600, height: 1200 }): Promise<ImageTask> {
  seq += 1;
  return {
    id: `img-${Date.now()}-${seq}`,
    kind: 'image',
    title: 'Box every car',
    image: { url: await imageUrl(size.width, size.height), alt: 'A test grid' },
    labels: [
      { id: 'car', name: 'Car', color: '#d62728' },
      { id: 'person', name: 'Person' },
    ],
    tools: ['bbox', 'polygon'],
    ...overrides,
  };
}

async function mount(task: ImageTask): Promise<ImageLabelerHarness> {
  const el = document.createElement('tagwerk-image-labeler');
  el.task = task;
  await mountReady(el, 1100);
  const labeler = new ImageLabelerHarness(el);
  // Laid out and fitted: the toolbar shows the zoom at which the image fills the stage.
  await waitUntil(() => labeler.canvas.getBoundingClientRect().width > 0 && labeler.zoomShown !== 1, 'stage fitted');
  return labeler;
}

const $ = <T extends Element = HTMLElement>(el: TagwerkImageLabeler, selector: string): T =>
  shadowQuery<T>(el, selector);

async function checkEnvelope(labeler: ImageLabelerHarness): Promise<ImageAnnotation> {
  const annotation = labeler.value as ImageAnnotation;
  expect(await publishedSchemaErrors(annotation)).to.deep.equal([]);
  expect(validateAnnotation(annotation, labeler.element.task as ImageTask).errors).to.deep.equal([]);
  return annotation;
}

describe('<tagwerk-image-labeler>', () => {
  before(() => setViewport({ width: 1280, height: 1000 }));
  afterEach(() => resetMouse());

  it('is accessible when ready, and reports the natural image size', async () => {
    const labeler = await mount(await makeTask());
    await expect(labeler.element).to.be.accessible();
    expect(labeler.imageSize).to.deep.equal({ width: 1600, height: 1200 });
  });

  it('creates a box by keyboard alone, in exact natural-image pixels', async () => {
    const labeler = await mount(await makeTask());
    await labeler.selectTool('bbox', 'keyboard'); // the crosshair starts at the image centre (800, 600)
    await labeler.moveCrosshair(-200, -100);
    await labeler.placeAtCrosshair(); // first corner at (600, 500)
    await labeler.moveCrosshair(340, 180);
    await labeler.placeAtCrosshair();
    const [region] = labeler.regions as BBoxRegion[];
    expect(region).to.deep.include({ type: 'bbox', label: 'car', origin: 'worker' });
    expect(region!.bbox).to.deep.equal({ x: 600, y: 500, width: 340, height: 180 });
    expect(labeler.announcement()).to.contain('box 1, Car, 340 × 180 at 600, 500');
    expect(labeler.focused).to.equal(labeler.stage);
    // The harness's own keyboard drawing: the crosshair from where it is to each corner.
    await labeler.drawBoxByKeyboard(100, 120, 50, 40);
    expect((labeler.regions[1] as BBoxRegion).bbox).to.deep.equal({ x: 100, y: 120, width: 50, height: 40 });
    await checkEnvelope(labeler);
  });

  it('draws a polygon and keypoints by keyboard alone, refusing a crossing edge', async () => {
    const labeler = await mount(
      await makeTask({
        tools: ['polygon', 'keypoints'],
        keypoints: {
          names: ['nose', 'left_eye', 'right_eye'],
          edges: [
            [0, 1],
            [0, 2],
          ],
        },
      }),
    );
    await labeler.selectTool('polygon', 'keyboard'); // the crosshair starts at the centre (800, 600)
    await labeler.placeAtCrosshair();
    await labeler.moveCrosshair(100, 0);
    await labeler.placeAtCrosshair(); // (900, 600)
    await labeler.moveCrosshair(0, 100);
    await labeler.placeAtCrosshair(); // (900, 700)
    await labeler.moveCrosshair(-50, -150); // (850, 550): the edge from (900, 700) would cross the first edge
    await labeler.placeAtCrosshair();
    expect(labeler.announcement()).to.contain('may not cross');
    await labeler.placeAtCrosshair({ shift: true }); // close
    let regions = labeler.regions;
    expect(regions).to.have.length(1);
    expect(regions[0]).to.deep.include({ type: 'polygon', label: 'car' });
    expect((regions[0] as { points: number[][] }).points).to.deep.equal([
      [800, 600],
      [900, 600],
      [900, 700],
    ]);

    await labeler.selectTool('keypoints', 'keyboard'); // the crosshair stays where it was: (850, 550)
    await labeler.placeAtCrosshair(); // nose
    await labeler.moveCrosshair(-30, 0);
    await labeler.placeAtCrosshair({ shift: true }); // left_eye, occluded
    await labeler.pressOnStage('KeyS'); // right_eye absent: the skeleton is complete
    regions = labeler.regions;
    expect(regions).to.have.length(2);
    expect((regions[1] as { keypoints: unknown[] }).keypoints).to.deep.equal([
      { name: 'nose', x: 850, y: 550, visible: true },
      { name: 'left_eye', x: 820, y: 550, visible: false },
    ]);
    await checkEnvelope(labeler);
  });

  it('edits by keyboard: Tab selects, arrows nudge, Alt+arrows resize, digits relabel, Delete removes, undo restores', async () => {
    const task = await makeTask({
      prefill: [{ id: 'p1', type: 'bbox', label: 'car', bbox: { x: 100, y: 100, width: 200, height: 100 } }],
    });
    const labeler = await mount(task);
    await labeler.selectTool('select', 'keyboard');
    await labeler.pressOnStage('Tab'); // select the first region
    expect(labeler.selectedDescription()).to.equal('box 1, Car, 200 × 100 at 100, 100');
    await labeler.pressOnStage('ArrowRight', 3);
    await labeler.pressOnStage('Shift+ArrowDown');
    await labeler.pressOnStage('Alt+ArrowRight', 5);
    await labeler.pickLabel('Person', 'keyboard'); // relabel: its digit, 2
    let [region] = labeler.regions as BBoxRegion[];
    expect(region!.bbox).to.deep.equal({ x: 103, y: 110, width: 205, height: 100 });
    expect(region).to.deep.include({ label: 'person', origin: 'prefill', modified: true });
    await labeler.deleteSelected('keyboard');
    expect(labeler.regions).to.deep.equal([]);
    await labeler.pressOnStage('Control+KeyZ');
    [region] = labeler.regions as BBoxRegion[];
    expect(region!.label).to.equal('person');
    await checkEnvelope(labeler);
  });

  for (const zoomTo of ['fit', 'actual', 'zoomed in'] as const) {
    it(`draws a box with the real mouse (${zoomTo}) in natural pixels, within one screen pixel`, async () => {
      const labeler = await mount(await makeTask());
      if (zoomTo !== 'fit') {
        await labeler.zoom('actual');
        // 100% × 1.25³ ≈ 195%, half by the toolbar's button and half by the key.
        if (zoomTo === 'zoomed in') {
          await labeler.zoom('in');
          await labeler.zoom('in', 'keyboard');
          await labeler.zoom('in');
          expect(labeler.zoomShown).to.equal(1.95);
        } else {
          expect(labeler.zoomShown).to.equal(1);
        }
        await labeler.centreOn({ x: 600, y: 500 });
      }
      const [ax, ay, bx, by] = zoomTo === 'zoomed in' ? [500, 420, 700, 560] : [400, 300, 800, 700];
      const change = labeler.waitForChange();
      await labeler.drawBox(ax, ay, bx - ax, by - ay);
      const { annotation } = await change;
      const [region] = (annotation as ImageAnnotation).result.regions as BBoxRegion[];
      // The pointer moves in whole CSS pixels while the stage sits at a fractional page offset.
      const tolerance = 1 / labeler.zoomFactor + 0.01; // one screen pixel: at 100% zoom the 1 image pixel
      if (zoomTo === 'actual') expect(tolerance).to.be.at.most(1.01);
      expect(Math.abs(region!.bbox.x - ax)).to.be.at.most(tolerance);
      expect(Math.abs(region!.bbox.y - ay)).to.be.at.most(tolerance);
      expect(Math.abs(region!.bbox.x + region!.bbox.width - bx)).to.be.at.most(tolerance);
      expect(Math.abs(region!.bbox.y + region!.bbox.height - by)).to.be.at.most(tolerance);
      await checkEnvelope(labeler);
    });
  }

  it('draws polygons (closed on the first point, by double click, by Enter) and keypoints with the mouse', async () => {
    const labeler = await mount(
      await makeTask({ tools: ['polygon', 'keypoints'], keypoints: { names: ['head', 'hip', 'knee'] } }),
    );
    const tolerance = 1 / labeler.zoomFactor + 0.01;
    const near = (actual: number[][], expected: number[][]) => {
      expect(actual).to.have.length(expected.length);
      actual.forEach(([x, y], i) => {
        expect(x).to.be.closeTo(expected[i]![0]!, tolerance);
        expect(y).to.be.closeTo(expected[i]![1]!, tolerance);
      });
    };
    const triangle: Array<[number, number]> = [
      [200, 200],
      [600, 220],
      [400, 600],
    ];
    await labeler.drawPolygon(triangle, 'first-point');
    near((labeler.regions[0] as PolygonRegion).points, triangle);
    expect(labeler.regions[0]).to.deep.include({ type: 'polygon', label: 'car', origin: 'worker' });

    const square: Array<[number, number]> = [
      [900, 200],
      [1300, 200],
      [1300, 600],
      [900, 600],
    ];
    await labeler.drawPolygon(square, 'double-click'); // the last point counted once
    near((labeler.regions[1] as PolygonRegion).points, square);

    // A pointer draft takes Backspace (drops the last point) and Enter (closes) from the stage.
    const low = triangle.map(([x, y]) => [x, y + 500] as [number, number]);
    await labeler.drawPolygon([...low, [100, 1150]], 'none');
    await labeler.pressOnStage('Backspace');
    await labeler.pressOnStage('Enter');
    near((labeler.regions[2] as PolygonRegion).points, low);

    // Keypoints in the task's order; Alt + click places one occluded.
    await labeler.placeKeypoint(700, 300);
    await labeler.placeKeypoint(710, 700, { occluded: true });
    await labeler.placeKeypoint(720, 1000);
    const person = labeler.regions[3] as KeypointsRegion;
    expect(person.keypoints.map((k) => [k.name, k.visible])).to.deep.equal([
      ['head', true],
      ['hip', false],
      ['knee', true],
    ]);
    near(
      person.keypoints.map((k) => [k.x, k.y]),
      [
        [700, 300],
        [710, 700],
        [720, 1000],
      ],
    );
    await checkEnvelope(labeler);
  });

  it('selects, moves and resizes a box with the mouse, relabels it from the toolbar, deletes it from the side panel', async () => {
    const labeler = await mount(
      await makeTask({
        prefill: [
          { id: 'a', type: 'bbox', label: 'car', bbox: { x: 400, y: 300, width: 200, height: 100 } },
          { id: 'b', type: 'bbox', label: 'person', bbox: { x: 900, y: 700, width: 300, height: 200 } },
        ],
      }),
    );
    const box = (i: number) => (labeler.regions[i] as BBoxRegion).bbox;
    const tolerance = 1 / labeler.zoomFactor + 0.01;
    const near = (actual: BBoxRegion['bbox'], expected: BBoxRegion['bbox']) => {
      for (const key of ['x', 'y', 'width', 'height'] as const)
        expect(actual[key], key).to.be.closeTo(expected[key], tolerance);
    };
    await labeler.selectRegion(500, 350);
    expect(labeler.selectedDescription()).to.equal('box 1, Car, 200 × 100 at 400, 300');
    expect(labeler.regionRows()[0]).to.contain('Car');

    let change = labeler.waitForChange();
    await labeler.dragRegion({ x: 500, y: 350 }, { x: 600, y: 390 });
    await change;
    near(box(0), { x: 500, y: 340, width: 200, height: 100 });
    expect(labeler.regions[0]).to.deep.include({ origin: 'prefill', modified: true });
    const moved = box(0);

    change = labeler.waitForChange();
    await labeler.resizeHandle({ x: moved.x + 200, y: moved.y + 100 }, { x: moved.x + 250, y: moved.y + 120 });
    await change;
    near(box(0), { x: moved.x, y: moved.y, width: 250, height: 120 });

    // Shift + click adds to the selection; the toolbar's label relabels both.
    await labeler.selectRegion(1000, 800, { add: true });
    expect(labeler.announcement()).to.contain('2');
    await labeler.pickLabel('Person');
    expect(labeler.regions.map((r) => r.label)).to.deep.equal(['person', 'person']);

    await labeler.selectRegion(1000, 800);
    await labeler.deleteSelected('button');
    expect(labeler.regions.map((r) => r.id)).to.deep.equal(['a']);
    await labeler.undo();
    expect(labeler.regions.map((r) => r.id)).to.deep.equal(['a', 'b']);
    await checkEnvelope(labeler);
  });

  it('draws a box with two clicks; selects with a rubber band and from the region list', async () => {
    const labeler = await mount(
      await makeTask({
        prefill: [{ id: 'a', type: 'bbox', label: 'car', bbox: { x: 100, y: 100, width: 200, height: 100 } }],
      }),
    );
    const tolerance = 1 / labeler.zoomFactor + 0.01;
    await labeler.pickLabel('Person');
    await labeler.drawBoxByClicks(900, 600, 300, 200);
    const drawn = labeler.regions[1] as BBoxRegion;
    expect(drawn).to.deep.include({ label: 'person', origin: 'worker' });
    for (const [key, expected] of Object.entries({ x: 900, y: 600, width: 300, height: 200 }))
      expect(drawn.bbox[key as keyof BBoxRegion['bbox']], key).to.be.closeTo(expected, tolerance);
    expect(labeler.regionRows()).to.have.length(2);

    await labeler.selectByBand({ x: 50, y: 50 }, { x: 1300, y: 900 });
    expect(labeler.announcement()).to.contain('2 regions selected');
    await labeler.selectRow(0);
    expect(labeler.selectedDescription()).to.equal('box 1, Car, 200 × 100 at 100, 100');
    expect(labeler.activeLabel).to.equal('Car'); // a selected region's label becomes the active one
  });

  it('shows a clear error with retry when the image does not load, and fires media-load-failed', async () => {
    const el = document.createElement('tagwerk-image-labeler');
    const error = oneEvent<TagwerkErrorEvent>(el, 'tagwerk-error');
    el.task = { ...(await makeTask()), image: { url: '/does-not-exist.png' } };
    await fixture(html`<div>${el}</div>`);
    expect((await error).detail.code).to.equal('media-load-failed');
    await el.updateComplete;
    expect($(el, '[part="error"]').textContent).to.contain('/does-not-exist.png');
    expect($(el, '[part="error"] button').textContent).to.contain('Try again');
    expect(el.value).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('refuses an image that is not an image (decode failure)', async () => {
    const el = document.createElement('tagwerk-image-labeler');
    const error = oneEvent<TagwerkErrorEvent>(el, 'tagwerk-error');
    const notAnImage = URL.createObjectURL(new Blob(['<html>nope</html>'], { type: 'image/png' }));
    el.task = { ...(await makeTask()), image: { url: notAnImage } };
    await fixture(html`<div>${el}</div>`);
    expect(['media-load-failed', 'media-decode-failed']).to.include((await error).detail.code);
  });

  it('rejects pre-fill outside the image with a path-addressed error', async () => {
    const el = document.createElement('tagwerk-image-labeler');
    const error = oneEvent<TagwerkErrorEvent>(el, 'tagwerk-error');
    el.task = await makeTask({
      image: { url: 'x.png', width: 100, height: 100 },
      prefill: [{ id: 'p1', type: 'bbox', label: 'car', bbox: { x: 90, y: 90, width: 50, height: 50 } }],
    });
    await fixture(html`<div>${el}</div>`);
    const { detail } = await error;
    expect(detail.code).to.equal('task-invalid');
    expect(detail.message).to.contain('/prefill/0/bbox');
  });
});
