import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { press } from '../../ui/test/keys.js';
import {
  validateAnnotation,
  type BBoxRegion,
  type ImageAnnotation,
  type ImageTask,
  type TagwerkErrorEvent,
} from '@tagwerk/core';
import { publishedSchemaErrors } from '../../core/test/published-schema.js';
import type { TagwerkImageLabeler } from './index.js';
import './index.js';

/** A generated test image (no files, no network): a grid, so geometry is easy to reason about. */
async function imageUrl(width: number, height: number): Promise<string> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#9bb7d4';
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = '#335';
  for (let x = 0; x < width; x += 100) ctx.strokeRect(x, 0, 100, height);
  for (let y = 0; y < height; y += 100) ctx.strokeRect(0, y, width, 100);
  return URL.createObjectURL(await canvas.convertToBlob({ type: 'image/png' }));
}

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

async function mount(task: ImageTask): Promise<TagwerkImageLabeler> {
  const el = document.createElement('tagwerk-image-labeler');
  el.autosave = 'off';
  el.task = task;
  const ready = oneEvent(el, 'tagwerk-ready');
  await fixture(html`<div style="width: 1100px">${el}</div>`);
  await ready;
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return el;
}

const $ = <T extends Element = HTMLElement>(el: TagwerkImageLabeler, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

async function checkEnvelope(el: TagwerkImageLabeler): Promise<ImageAnnotation> {
  const annotation = el.value as ImageAnnotation;
  expect(await publishedSchemaErrors(annotation)).to.deep.equal([]);
  expect(validateAnnotation(annotation, el.task as ImageTask).errors).to.deep.equal([]);
  return annotation;
}

describe('<tagwerk-image-labeler>', () => {
  before(() => setViewport({ width: 1280, height: 1000 }));

  it('is accessible when ready, and reports the natural image size', async () => {
    const el = await mount(await makeTask());
    await expect(el).to.be.accessible();
    expect(el.value!.result.image).to.deep.equal({ width: 1600, height: 1200 });
  });

  it('creates a box by keyboard alone, in exact natural-image pixels', async () => {
    const el = await mount(await makeTask());
    $(el, '[part="stage"]').focus();
    await sendKeys({ press: 'KeyB' }); // box tool: the crosshair starts at the image centre (800, 600)
    await press('Shift+ArrowLeft', 20); // -200 px
    await press('Shift+ArrowUp', 10); // -100 px
    await sendKeys({ press: 'Enter' }); // first corner at (600, 500)
    await press('Shift+ArrowRight', 34); // +340
    await press('Shift+ArrowDown', 18); // +180
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const [region] = el.value!.result.regions as BBoxRegion[];
    expect(region).to.deep.include({ type: 'bbox', label: 'car', origin: 'worker' });
    expect(region!.bbox).to.deep.equal({ x: 600, y: 500, width: 340, height: 180 });
    expect($(el, '[role="status"][aria-live="polite"]').textContent).to.contain('box 1, Car, 340 × 180 at 600, 500');
    await checkEnvelope(el);
  });

  it('draws a polygon and keypoints by keyboard alone, refusing a crossing edge', async () => {
    const el = await mount(
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
    $(el, '[part="stage"]').focus();
    await sendKeys({ press: 'KeyP' }); // the crosshair starts at the centre (800, 600)
    await sendKeys({ press: 'Enter' });
    await press('Shift+ArrowRight', 10);
    await sendKeys({ press: 'Enter' }); // (900, 600)
    await press('Shift+ArrowDown', 10);
    await sendKeys({ press: 'Enter' }); // (900, 700)
    await press('Shift+ArrowLeft', 5);
    await press('Shift+ArrowUp', 15); // (850, 550): the edge from (900, 700) would cross the first edge
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '[role="status"][aria-live="polite"]').textContent).to.contain('may not cross');
    await press('Shift+Enter'); // close
    await el.updateComplete;
    let regions = el.value!.result.regions;
    expect(regions).to.have.length(1);
    expect(regions[0]).to.deep.include({ type: 'polygon', label: 'car' });
    expect((regions[0] as { points: number[][] }).points).to.deep.equal([
      [800, 600],
      [900, 600],
      [900, 700],
    ]);

    await sendKeys({ press: 'KeyK' }); // the crosshair stays where it was: (850, 550)
    await sendKeys({ press: 'Enter' }); // nose
    await press('Shift+ArrowLeft', 3);
    await press('Shift+Enter'); // left_eye, occluded
    await sendKeys({ press: 'KeyS' }); // right_eye absent: the skeleton is complete
    await el.updateComplete;
    regions = el.value!.result.regions;
    expect(regions).to.have.length(2);
    expect((regions[1] as { keypoints: unknown[] }).keypoints).to.deep.equal([
      { name: 'nose', x: 850, y: 550, visible: true },
      { name: 'left_eye', x: 820, y: 550, visible: false },
    ]);
    await checkEnvelope(el);
  });

  it('edits by keyboard: Tab selects, arrows nudge, Alt+arrows resize, digits relabel, Delete removes, undo restores', async () => {
    const task = await makeTask({
      prefill: [{ id: 'p1', type: 'bbox', label: 'car', bbox: { x: 100, y: 100, width: 200, height: 100 } }],
    });
    const el = await mount(task);
    $(el, '[part="stage"]').focus();
    await sendKeys({ press: 'KeyV' });
    await sendKeys({ press: 'Tab' }); // select the first region
    await press('ArrowRight', 3);
    await press('Shift+ArrowDown');
    await press('Alt+ArrowRight', 5);
    await sendKeys({ press: 'Digit2' }); // relabel: person
    await el.updateComplete;
    let [region] = el.value!.result.regions as BBoxRegion[];
    expect(region!.bbox).to.deep.equal({ x: 103, y: 110, width: 205, height: 100 });
    expect(region).to.deep.include({ label: 'person', origin: 'prefill', modified: true });
    await sendKeys({ press: 'Delete' });
    expect(el.value!.result.regions).to.deep.equal([]);
    await press('Control+KeyZ');
    [region] = el.value!.result.regions as BBoxRegion[];
    expect(region!.label).to.equal('person');
    await checkEnvelope(el);
  });

  for (const zoomTo of ['fit', 'actual', 'double'] as const) {
    it(`draws a box with the real mouse (${zoomTo} zoom) in natural pixels, within one screen pixel`, async () => {
      const el = await mount(await makeTask());
      const engine = (
        el as unknown as {
          stage: { zoomTo(z: number, p?: { x: number; y: number }): void; centerOn(p: { x: number; y: number }): void };
        }
      ).stage;
      if (zoomTo !== 'fit') {
        engine.zoomTo(zoomTo === 'actual' ? 1 : 2);
        engine.centerOn({ x: 600, y: 500 });
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      }
      const [ax, ay, bx, by] = zoomTo === 'double' ? [500, 420, 700, 560] : [400, 300, 800, 700];
      const stage = $(el, '[part="stage"]');
      const toScreen = (x: number, y: number): [number, number] => {
        const p = (
          el as unknown as { stage: { imageToScreen(p: { x: number; y: number }): { x: number; y: number } } }
        ).stage.imageToScreen({ x, y });
        const box = stage.getBoundingClientRect();
        // The engine's screen coordinates start inside the stage's border.
        return [Math.round(box.x + stage.clientLeft + p.x), Math.round(box.y + stage.clientTop + p.y)];
      };
      const [x1, y1] = toScreen(ax, ay);
      const [x2, y2] = toScreen(bx, by);
      await sendMouse({ type: 'move', position: [x1, y1] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [Math.round((x1 + x2) / 2), Math.round((y1 + y2) / 2)] });
      await sendMouse({ type: 'move', position: [x2, y2] });
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      const [region] = el.value!.result.regions as BBoxRegion[];
      const zoom = (el as unknown as { stage: { viewport: { zoom: number } } }).stage.viewport.zoom;
      // The pointer moves in whole CSS pixels while the stage sits at a fractional page offset.
      const tolerance = 1 / zoom + 0.01; // one screen pixel: at 100% zoom the 1 image pixel
      if (zoomTo === 'actual') expect(tolerance).to.be.at.most(1.01);
      expect(Math.abs(region!.bbox.x - ax)).to.be.at.most(tolerance);
      expect(Math.abs(region!.bbox.y - ay)).to.be.at.most(tolerance);
      expect(Math.abs(region!.bbox.x + region!.bbox.width - bx)).to.be.at.most(tolerance);
      expect(Math.abs(region!.bbox.y + region!.bbox.height - by)).to.be.at.most(tolerance);
      await checkEnvelope(el);
    });
  }

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
