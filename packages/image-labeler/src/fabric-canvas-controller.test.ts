import type { Region } from '@tagwerk/core';
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { css, html, LitElement } from 'lit';
import { FabricCanvasController } from './fabric-canvas-controller.js';
import type { Draft, DrawnShape, LabelStyle, Refusal, StageOptions, Viewport } from './stage-types.js';

/** Everything the engine reported, in order. */
interface Log {
  draw: DrawnShape[];
  edit: Array<Array<{ id: string; region: Region }>>;
  select: string[][];
  viewport: Viewport[];
  draft: Array<Draft | null>;
  refuse: Refusal[];
}

const STAGE = { left: 20, top: 30, width: 800, height: 600 };

/** A test-only host: a sized container, the controller, and a log of its events. */
class StageTestHost extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: absolute;
      left: ${STAGE.left}px;
      top: ${STAGE.top}px;
    }
    .stage {
      position: relative;
      width: ${STAGE.width}px;
      height: ${STAGE.height}px;
    }
  `;

  log: Log = { draw: [], edit: [], select: [], viewport: [], draft: [], refuse: [] };
  readonly stage = new FabricCanvasController(this, {
    onDraw: (shape) => this.log.draw.push(shape),
    onEdit: (changes) => this.log.edit.push(changes),
    onSelect: (ids) => this.log.select.push(ids),
    onViewport: (viewport) => this.log.viewport.push(viewport),
    onDraftChange: (_points, draft) => this.log.draft.push(draft),
    onRefuse: (reason) => this.log.refuse.push(reason),
  });

  override render() {
    return html`<div class="stage"></div>`;
  }

  override firstUpdated(): void {
    this.stage.attach(this.renderRoot.querySelector('.stage') as HTMLElement);
  }

  get stageRoot(): HTMLElement {
    return this.renderRoot.querySelector('[data-tagwerk-stage]') as HTMLElement;
  }

  get sceneCanvas(): HTMLCanvasElement {
    return this.stageRoot.querySelector('canvas') as HTMLCanvasElement;
  }
}
customElements.define('tw-stage-test-host', StageTestHost);

const IMAGE = { width: 1600, height: 1200 };
/** The red rectangle painted into the test image, in image px. */
const RED = { x: 400, y: 300, width: 400, height: 300 };

/** A 1600×1200 grey image with a red rectangle, as a PNG blob: no files needed. */
async function testImage(size = IMAGE): Promise<Blob> {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  ctx.fillStyle = '#808080';
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.fillStyle = '#ff0000';
  ctx.fillRect(RED.x, RED.y, RED.width, RED.height);
  return canvas.convertToBlob({ type: 'image/png' });
}

const STYLES: Record<string, LabelStyle> = {
  car: { name: 'Car', color: '#1f77b4' },
  person: { name: 'Person', color: '#d62728' },
};

let host: StageTestHost;
let imageBlob: Blob;
let clock: FakeClock | undefined;

interface FakeClock {
  /** Moves the clock on by `ms` at once. */
  advance(ms: number): void;
  restore(): void;
}

/**
 * The engine tells a double click from two clicks by `performance.now()`: this clock runs with the
 * real one and jumps forward when told, so a test need not wait out the double-click time.
 */
function fakeClock(): FakeClock {
  const real = performance.now.bind(performance);
  let offset = 0;
  performance.now = () => real() + offset;
  return {
    advance: (ms) => (offset += ms),
    restore: () => {
      delete (performance as { now?: unknown }).now;
    },
  };
}

async function mount(options: StageOptions = {}, image: Blob = imageBlob, size = IMAGE): Promise<StageTestHost> {
  const el = document.createElement('tw-stage-test-host') as StageTestHost;
  document.body.append(el);
  await el.updateComplete;
  el.stage.setOptions({ coarse: false, ...options });
  await el.stage.setImage(image, size);
  await el.stage.rendered();
  el.log.viewport = [];
  return el;
}

/** Page position (integer CSS px) of an image point under the current viewport. */
function pageOf(el: StageTestHost, x: number, y: number): [number, number] {
  const s = el.stage.imageToScreen({ x, y });
  const rect = el.stageRoot.getBoundingClientRect();
  return [Math.round(rect.left + s.x), Math.round(rect.top + s.y)];
}

/** Page position of a stage point (CSS px from the stage's top-left corner). */
function pageAt(el: StageTestHost, sx: number, sy: number): [number, number] {
  const rect = el.stageRoot.getBoundingClientRect();
  return [Math.round(rect.left + sx), Math.round(rect.top + sy)];
}

/** The image point exactly under a page position (what the engine must report). */
function imageAtPage(el: StageTestHost, [px, py]: [number, number]): { x: number; y: number } {
  const rect = el.stageRoot.getBoundingClientRect();
  return el.stage.screenToImage({ x: px - rect.left, y: py - rect.top });
}

async function drag(from: [number, number], to: [number, number], steps = 5, button?: 'middle'): Promise<void> {
  await sendMouse({ type: 'move', position: from });
  await sendMouse(button ? { type: 'down', button } : { type: 'down' });
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    await sendMouse({
      type: 'move',
      position: [Math.round(from[0] + (to[0] - from[0]) * t), Math.round(from[1] + (to[1] - from[1]) * t)],
    });
  }
  await sendMouse(button ? { type: 'up', button } : { type: 'up' });
}

async function click(at: [number, number]): Promise<void> {
  await sendMouse({ type: 'move', position: at });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'up' });
}

/** One pixel of the scene layer, at a stage point (CSS px). */
function scenePixel(el: StageTestHost, sx: number, sy: number): [number, number, number] {
  const canvas = el.sceneCanvas;
  const dpr = canvas.width / STAGE.width;
  const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(
    Math.floor(sx * dpr),
    Math.floor(sy * dpr),
    1,
    1,
  ).data;
  return [data[0] as number, data[1] as number, data[2] as number];
}

const isRed = ([r, g, b]: [number, number, number]) => r > 200 && g < 60 && b < 60;
const isGrey = ([r, g, b]: [number, number, number]) => Math.abs(r - 128) < 20 && Math.abs(g - 128) < 20 && b < 150;

const box = (id: string, x: number, y: number, width: number, height: number, label = 'car'): Region => ({
  id,
  type: 'bbox',
  label,
  bbox: { x, y, width, height },
});

function expectBox(
  actual: { x: number; y: number; width: number; height: number },
  expected: typeof actual,
  tolerance: number,
) {
  expect(actual.x, 'x').to.be.closeTo(expected.x, tolerance);
  expect(actual.y, 'y').to.be.closeTo(expected.y, tolerance);
  expect(actual.width, 'width').to.be.closeTo(expected.width, tolerance);
  expect(actual.height, 'height').to.be.closeTo(expected.height, tolerance);
}

describe('FabricCanvasController', () => {
  before(async () => {
    await setViewport({ width: 1000, height: 800 });
    imageBlob = await testImage();
  });

  afterEach(async () => {
    clock?.restore();
    clock = undefined;
    host?.remove();
    await resetMouse();
  });

  describe('viewport', () => {
    it('fits the image to the stage and draws it where the coordinates say', async () => {
      host = await mount();
      const v = host.stage.viewport;
      expect(v.zoom).to.equal(0.5);
      expect(v.fitZoom).to.equal(0.5);
      expect(v.x).to.equal(0);
      expect(v.y).to.equal(0);
      // RED spans stage x 200–400, y 150–300 at 50 %.
      expect(isRed(scenePixel(host, 203, 153)), 'inside the red corner').to.equal(true);
      expect(isGrey(scenePixel(host, 197, 147)), 'outside the red corner').to.equal(true);
      expect(isRed(scenePixel(host, 397, 297))).to.equal(true);
      expect(isGrey(scenePixel(host, 403, 303))).to.equal(true);
    });

    it('lines pixels up when zoomed in and panned (within 1 image px)', async () => {
      host = await mount();
      host.stage.zoomTo(4);
      host.stage.centerOn({ x: RED.x, y: RED.y });
      await host.stage.rendered();
      const v = host.stage.viewport;
      expect(v.zoom).to.equal(4);
      expect(v.x).to.equal(RED.x - STAGE.width / 2 / 4);
      // The red corner at image (400, 300) sits at the stage centre: 4 screen px per image px.
      expect(isRed(scenePixel(host, 401, 301))).to.equal(true);
      expect(isGrey(scenePixel(host, 398, 298))).to.equal(true);
      expect(isGrey(scenePixel(host, 401, 298))).to.equal(true);
      expect(isGrey(scenePixel(host, 398, 301))).to.equal(true);
      expect(host.log.viewport.length).to.be.greaterThan(0);
    });

    it('lines the layers up at a device pixel ratio of 2, and draws boxes in image px there', async () => {
      await setViewport({ width: 1000, height: 800, deviceScaleFactor: 2 });
      try {
        host = await mount();
        expect(window.devicePixelRatio).to.equal(2);
        const canvases = [...host.stageRoot.querySelectorAll('canvas')];
        expect(canvases.map((c) => [c.width, c.height])).to.deep.equal(canvases.map(() => [1600, 1200]));
        host.stage.zoomTo(4);
        host.stage.centerOn({ x: RED.x, y: RED.y });
        await host.stage.rendered();
        expect(isRed(scenePixel(host, 400.5, 300.5))).to.equal(true);
        expect(isGrey(scenePixel(host, 399.5, 299.5))).to.equal(true);
        host.stage.setTool('bbox', { label: 'car' });
        const from = pageOf(host, RED.x, RED.y);
        const to = pageOf(host, RED.x + 40, RED.y + 30);
        await drag(from, to);
        await waitUntil(() => host.log.draw.length === 1);
        expectBox(
          (host.log.draw[0] as Extract<DrawnShape, { type: 'bbox' }>).bbox,
          { x: 400, y: 300, width: 40, height: 30 },
          0.25,
        );
      } finally {
        host?.remove();
        await setViewport({ width: 1000, height: 800, deviceScaleFactor: 1 });
      }
    });

    it('zooms with Ctrl + wheel, keeping the image point under the pointer fixed', async () => {
      host = await mount();
      host.stage.zoomTo(1);
      const anchor = { x: 300, y: 200 };
      const before = host.stage.screenToImage(anchor);
      const rect = host.stageRoot.getBoundingClientRect();
      const target = host.stageRoot.querySelector('canvas.upper-canvas') as HTMLCanvasElement;
      const wheel = new WheelEvent('wheel', {
        clientX: rect.left + anchor.x,
        clientY: rect.top + anchor.y,
        deltaY: -100,
        ctrlKey: true,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      target.dispatchEvent(wheel);
      expect(wheel.defaultPrevented).to.equal(true);
      expect(host.stage.viewport.zoom).to.be.greaterThan(1);
      const after = host.stage.imageToScreen(before);
      expect(after.x).to.be.closeTo(anchor.x, 1);
      expect(after.y).to.be.closeTo(anchor.y, 1);
      expect(host.log.viewport.at(-1)?.zoom).to.equal(host.stage.viewport.zoom);
    });

    it('leaves a plain wheel to the page when the image fits, pans with it when zoomed in', async () => {
      host = await mount();
      const target = host.stageRoot.querySelector('canvas.upper-canvas') as HTMLCanvasElement;
      const wheel = () =>
        new WheelEvent('wheel', {
          deltaY: 120,
          bubbles: true,
          cancelable: true,
          composed: true,
          clientX: 100,
          clientY: 100,
        });
      const first = wheel();
      target.dispatchEvent(first);
      expect(first.defaultPrevented).to.equal(false);
      host.stage.zoomTo(2);
      const y = host.stage.viewport.y;
      const second = wheel();
      target.dispatchEvent(second);
      expect(second.defaultPrevented).to.equal(true);
      expect(host.stage.viewport.y).to.be.closeTo(y + 60, 1e-9);
    });

    it('pans with a middle-button drag and with Space held', async () => {
      host = await mount();
      host.stage.zoomTo(2);
      host.stage.centerOn({ x: 800, y: 600 });
      const start = host.stage.viewport;
      await drag(pageAt(host, 400, 300), pageAt(host, 300, 250), 4, 'middle');
      expect(host.stage.viewport.x).to.be.closeTo(start.x + 50, 1e-9);
      expect(host.stage.viewport.y).to.be.closeTo(start.y + 25, 1e-9);
      expect(host.stage.handleKeyDown(new KeyboardEvent('keydown', { code: 'Space', key: ' ' }))).to.equal(true);
      await drag(pageAt(host, 400, 300), pageAt(host, 500, 300), 4);
      host.stage.handleKeyUp(new KeyboardEvent('keyup', { code: 'Space', key: ' ' }));
      expect(host.stage.viewport.x).to.be.closeTo(start.x, 1e-9);
      expect(host.log.select, 'a pan selects nothing').to.deep.equal([]);
    });
  });

  describe('boxes', () => {
    it('draws a box with a drag on an image shown at 50 %, in image px (within 1 px)', async () => {
      host = await mount();
      host.stage.setTool('bbox', { label: 'car' });
      await drag(pageOf(host, RED.x, RED.y), pageOf(host, RED.x + RED.width, RED.y + RED.height));
      await waitUntil(() => host.log.draw.length === 1);
      const shape = host.log.draw[0] as Extract<DrawnShape, { type: 'bbox' }>;
      expect(shape.type).to.equal('bbox');
      expectBox(shape.bbox, RED, 1);
      expect(host.log.edit).to.deep.equal([]);
    });

    it('draws a box with a drag zoomed to 200 % and panned', async () => {
      host = await mount();
      host.stage.zoomTo(2);
      host.stage.centerOn({ x: 500, y: 400 });
      await host.stage.rendered();
      host.stage.setTool('bbox', { label: 'car' });
      const from = pageOf(host, RED.x, RED.y);
      const to = pageOf(host, 480, 350);
      await drag(from, to);
      await waitUntil(() => host.log.draw.length === 1);
      const { bbox } = host.log.draw[0] as Extract<DrawnShape, { type: 'bbox' }>;
      expectBox(bbox, { x: RED.x, y: RED.y, width: 80, height: 50 }, 0.5);
      // Exactly the image point under the pointer, whatever the rounding of the page position.
      const a = imageAtPage(host, from);
      const b = imageAtPage(host, to);
      expectBox(bbox, { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y }, 0.01);
    });

    it('draws a box with two clicks, reporting the first corner as a draft', async () => {
      host = await mount();
      host.stage.setTool('bbox', { label: 'car' });
      await click(pageOf(host, 100, 100));
      expect(host.log.draft.at(-1)).to.deep.equal({ type: 'bbox', corner: [100, 100] });
      expect(host.stage.drafting).to.equal(true);
      await click(pageOf(host, 300, 200));
      await waitUntil(() => host.log.draw.length === 1);
      expectBox(
        (host.log.draw[0] as Extract<DrawnShape, { type: 'bbox' }>).bbox,
        { x: 100, y: 100, width: 200, height: 100 },
        1,
      );
      expect(host.log.draft.at(-1)).to.equal(null);
      expect(host.stage.drafting).to.equal(false);
    });

    it('refuses a box below the minimum size', async () => {
      host = await mount({ minBox: { width: 50, height: 50 } });
      host.stage.setTool('bbox', { label: 'car' });
      await drag(pageOf(host, 100, 100), pageOf(host, 140, 200));
      await waitUntil(() => host.log.refuse.length === 1);
      expect(host.log.refuse).to.deep.equal(['too-small']);
      expect(host.log.draw).to.deep.equal([]);
      await drag(pageOf(host, 100, 100), pageOf(host, 160, 200));
      await waitUntil(() => host.log.draw.length === 1);
    });

    it('clamps a box dragged past the image edge to the image', async () => {
      host = await mount();
      host.stage.zoomTo(1);
      host.stage.centerOn({ x: 1500, y: 1100 });
      host.stage.setTool('bbox', { label: 'car' });
      await drag(pageOf(host, 1500, 1100), pageOf(host, 1700, 1250));
      await waitUntil(() => host.log.draw.length === 1);
      expectBox(
        (host.log.draw[0] as Extract<DrawnShape, { type: 'bbox' }>).bbox,
        { x: 1500, y: 1100, width: 100, height: 100 },
        1,
      );
    });
  });

  describe('polygons', () => {
    it('closes a polygon by clicking its first point', async () => {
      host = await mount();
      host.stage.setTool('polygon', { label: 'car' });
      const points: Array<[number, number]> = [
        [200, 200],
        [600, 220],
        [500, 600],
        [240, 500],
      ];
      for (const [x, y] of points) await click(pageOf(host, x, y));
      expect((host.log.draft.at(-1) as Extract<Draft, { type: 'polygon' }>).points).to.have.length(4);
      await click(pageOf(host, 201, 201));
      await waitUntil(() => host.log.draw.length === 1);
      const shape = host.log.draw[0] as Extract<DrawnShape, { type: 'polygon' }>;
      expect(shape.points).to.have.length(4);
      shape.points.forEach(([x, y], i) => {
        expect(x).to.be.closeTo(points[i]![0], 1);
        expect(y).to.be.closeTo(points[i]![1], 1);
      });
      expect(host.log.draft.at(-1)).to.equal(null);
    });

    it('closes a polygon with a double click (the last point counted once)', async () => {
      clock = fakeClock();
      host = await mount();
      host.stage.setTool('polygon', { label: 'car' });
      await click(pageOf(host, 200, 200));
      await click(pageOf(host, 600, 200));
      await click(pageOf(host, 400, 600));
      await click(pageOf(host, 400, 600));
      await waitUntil(() => host.log.draw.length === 1);
      const shape = host.log.draw[0] as Extract<DrawnShape, { type: 'polygon' }>;
      expect(shape.points).to.have.length(3);
      expect(shape.points[2]![0]).to.be.closeTo(400, 1);
      expect(shape.points[2]![1]).to.be.closeTo(600, 1);
      // Past the double-click time (the fake clock jumps: no waiting), a click where the double
      // click was starts a new polygon…
      clock.advance(1000);
      await click(pageOf(host, 400, 600));
      expect((host.log.draft.at(-1) as Extract<Draft, { type: 'polygon' }>).points).to.have.length(1);
      // …while right after a double click, a click there is its echo and starts nothing.
      await click(pageOf(host, 700, 300));
      await click(pageOf(host, 700, 600));
      await click(pageOf(host, 700, 600));
      await waitUntil(() => host.log.draw.length === 2);
      const drafts = host.log.draft.length;
      await click(pageOf(host, 700, 600));
      expect(host.log.draft.length).to.equal(drafts);
      expect(host.stage.drafting).to.equal(false);
    });

    it('refuses a point whose edge crosses an earlier one, and a crossing close', async () => {
      host = await mount();
      host.stage.setTool('polygon', { label: 'car' });
      await click(pageOf(host, 200, 200));
      await click(pageOf(host, 600, 600));
      await click(pageOf(host, 600, 200));
      await click(pageOf(host, 200, 600)); // crosses 200,200 → 600,600
      expect(host.log.refuse).to.deep.equal(['self-intersection']);
      expect((host.log.draft.at(-1) as Extract<Draft, { type: 'polygon' }>).points).to.have.length(3);
      // Closing 600,200 → 200,200 does not cross: the bow tie is avoided, the triangle closes.
      expect(host.stage.finishPolygon()).to.equal(true);
      expect(host.log.draw).to.have.length(1);
    });

    it('undoes the last point with Backspace and closes with Enter (keys forwarded by the element)', async () => {
      host = await mount();
      host.stage.setTool('polygon', { label: 'car' });
      for (const [x, y] of [
        [200, 200],
        [600, 200],
        [900, 900],
        [400, 600],
      ] as Array<[number, number]>) {
        await click(pageOf(host, x, y));
      }
      expect(host.stage.handleKeyDown(new KeyboardEvent('keydown', { code: 'Backspace', key: 'Backspace' }))).to.equal(
        true,
      );
      expect((host.log.draft.at(-1) as Extract<Draft, { type: 'polygon' }>).points).to.have.length(3);
      expect(host.stage.handleKeyDown(new KeyboardEvent('keydown', { code: 'Enter', key: 'Enter' }))).to.equal(true);
      const shape = host.log.draw[0] as Extract<DrawnShape, { type: 'polygon' }>;
      expect(shape.points).to.have.length(3);
      expect(shape.points[2]![0]).to.be.closeTo(900, 1);
      // Nothing drafted: the keys are the element's again.
      expect(host.stage.handleKeyDown(new KeyboardEvent('keydown', { code: 'Backspace', key: 'Backspace' }))).to.equal(
        false,
      );
    });

    it('refuses to close fewer than three points', async () => {
      host = await mount();
      host.stage.setTool('polygon', { label: 'car' });
      await click(pageOf(host, 200, 200));
      await click(pageOf(host, 600, 200));
      expect(host.stage.finishPolygon()).to.equal(false);
      expect(host.log.refuse).to.deep.equal(['too-few-points']);
    });
  });

  describe('keypoints', () => {
    it('places named keypoints in order, with a skipped (absent) one and an occluded one', async () => {
      host = await mount({
        keypoints: {
          names: ['head', 'neck', 'hip', 'knee'],
          edges: [
            [0, 1],
            [1, 2],
            [2, 3],
          ],
        },
      });
      host.stage.setTool('keypoints', { label: 'person' });
      await click(pageOf(host, 400, 200));
      expect(host.log.draft.at(-1)).to.deep.include({ type: 'keypoints', next: 1 });
      expect(host.stage.skipKeypoint()).to.equal(true);
      await click(pageOf(host, 420, 600));
      host.stage.setKeypointVisibility('occluded');
      await click(pageOf(host, 430, 800));
      await waitUntil(() => host.log.draw.length === 1);
      const shape = host.log.draw[0] as Extract<DrawnShape, { type: 'keypoints' }>;
      expect(shape.keypoints.map((k) => [k.name, k.visible])).to.deep.equal([
        ['head', true],
        ['hip', true],
        ['knee', false],
      ]);
      expect(shape.keypoints[1]!.x).to.be.closeTo(420, 1);
      expect(shape.keypoints[1]!.y).to.be.closeTo(600, 1);
    });
  });

  describe('selecting and editing', () => {
    const regions = [box('a', 400, 300, 200, 100), box('b', 900, 700, 300, 200, 'person'), box('c', 950, 750, 50, 40)];

    it('selects an inactive region by clicking it (the smallest under the pointer)', async () => {
      host = await mount();
      host.stage.setRegions(regions, STYLES);
      await click(pageOf(host, 500, 350));
      expect(host.log.select).to.deep.equal([['a']]);
      await click(pageOf(host, 970, 770)); // inside both b and c: c is smaller
      expect(host.log.select.at(-1)).to.deep.equal(['c']);
      await click(pageOf(host, 100, 1100)); // empty: clears
      expect(host.log.select.at(-1)).to.deep.equal([]);
      expect(host.log.edit).to.deep.equal([]);
    });

    it('toggles with shift-click and selects with a rubber band', async () => {
      host = await mount();
      host.stage.setRegions(regions, STYLES);
      await click(pageOf(host, 500, 350));
      // Shift held on the real keyboard while the real mouse clicks.
      await sendKeys({ down: 'Shift' });
      try {
        await click(pageOf(host, 1100, 850));
        expect(host.log.select.at(-1)).to.deep.equal(['a', 'b']);
        host.stage.setSelection(['a', 'b']); // as the element does with what it is told
        await click(pageOf(host, 500, 350));
        expect(host.log.select.at(-1), 'shift-click again removes').to.deep.equal(['b']);
      } finally {
        await sendKeys({ up: 'Shift' });
      }
      await drag(pageOf(host, 850, 650), pageOf(host, 1300, 1000));
      expect(host.log.select.at(-1)).to.deep.equal(['b', 'c']);
    });

    it('moves a selected box with the mouse: one onEdit per gesture, exact numbers', async () => {
      host = await mount();
      host.stage.setRegions(regions, STYLES);
      host.stage.setSelection(['a']);
      await host.stage.rendered();
      const from = pageOf(host, 500, 350);
      await drag(from, [from[0] + 50, from[1] + 20], 8);
      await waitUntil(() => host.log.edit.length === 1);
      expect(host.log.edit).to.have.length(1);
      expect(host.log.edit[0]).to.deep.equal([{ id: 'a', region: box('a', 500, 340, 200, 100) }]);
      expect(host.log.select, 'already selected').to.deep.equal([]);
    });

    it('selects and moves an inactive box in one press', async () => {
      host = await mount();
      host.stage.setRegions(regions, STYLES);
      const from = pageOf(host, 500, 350);
      await drag(from, [from[0] - 25, from[1] + 10], 6);
      await waitUntil(() => host.log.edit.length === 1);
      expect(host.log.select).to.deep.equal([['a']]);
      expect(host.log.edit[0]).to.deep.equal([{ id: 'a', region: box('a', 350, 320, 200, 100) }]);
    });

    it('keeps a moved box inside the image', async () => {
      host = await mount();
      host.stage.setRegions(regions, STYLES);
      host.stage.setSelection(['a']);
      const from = pageOf(host, 500, 350);
      await drag(from, [from[0] - 400, from[1] - 400], 4);
      await waitUntil(() => host.log.edit.length === 1);
      expect(host.log.edit[0]![0]!.region).to.deep.equal(box('a', 0, 0, 200, 100));
    });

    it('resizes a selected box by its corner handle: one onEdit, exact numbers', async () => {
      host = await mount();
      host.stage.setRegions(regions, STYLES);
      host.stage.setSelection(['a']);
      await host.stage.rendered();
      const corner = pageOf(host, 600, 400);
      await drag(corner, [corner[0] + 25, corner[1] + 10], 6);
      await waitUntil(() => host.log.edit.length === 1);
      expect(host.log.edit).to.have.length(1);
      const edited = host.log.edit[0]![0]!.region as Extract<Region, { type: 'bbox' }>;
      expectBox(edited.bbox, { x: 400, y: 300, width: 250, height: 120 }, 0.01);
    });

    it('refuses a resize below the minimum size and snaps back', async () => {
      host = await mount({ minBox: { width: 100, height: 50 } });
      host.stage.setRegions(regions, STYLES);
      host.stage.setSelection(['a']);
      await host.stage.rendered();
      const corner = pageOf(host, 600, 400);
      await drag(corner, [corner[0] - 60, corner[1]], 4);
      await waitUntil(() => host.log.refuse.length === 1);
      expect(host.log.refuse).to.deep.equal(['too-small']);
      expect(host.log.edit).to.deep.equal([]);
    });

    it('drags a polygon vertex, inserts one from an edge handle, deletes one with a double click', async () => {
      host = await mount();
      const polygon: Region = {
        id: 'p',
        type: 'polygon',
        label: 'car',
        points: [
          [200, 200],
          [1000, 200],
          [1000, 800],
          [200, 800],
        ],
      };
      host.stage.setRegions([polygon], STYLES);
      host.stage.setSelection(['p']);
      await host.stage.rendered();
      // Vertex 1 from (1000, 200) to (1100, 240).
      const v1 = pageOf(host, 1000, 200);
      await drag(v1, [v1[0] + 50, v1[1] + 20], 5);
      await waitUntil(() => host.log.edit.length === 1);
      const moved = host.log.edit[0]![0]!.region as Extract<Region, { type: 'polygon' }>;
      expect(moved.points[1]![0]).to.be.closeTo(1100, 0.01);
      expect(moved.points[1]![1]).to.be.closeTo(240, 0.01);
      // The midpoint handle of the bottom edge (1000,800)→(200,800), dragged down by 50 image px.
      const mid = pageOf(host, 600, 800);
      await drag(mid, [mid[0], mid[1] + 25], 5);
      await waitUntil(() => host.log.edit.length === 2);
      const inserted = host.log.edit[1]![0]!.region as Extract<Region, { type: 'polygon' }>;
      expect(inserted.points).to.have.length(5);
      expect(inserted.points[3]![0]).to.be.closeTo(600, 0.01);
      expect(inserted.points[3]![1]).to.be.closeTo(850, 0.01);
      // Apply it as the element would, then double-click vertex 3 to delete it.
      host.stage.setRegions([inserted], STYLES);
      await host.stage.rendered();
      const v3 = pageOf(host, 600, 850);
      await click(v3);
      await click(v3);
      await waitUntil(() => host.log.edit.length === 3);
      const deleted = host.log.edit[2]![0]!.region as Extract<Region, { type: 'polygon' }>;
      expect(deleted.points).to.have.length(4);
    });

    it('refuses a vertex drag that makes the polygon cross itself', async () => {
      host = await mount();
      const polygon: Region = {
        id: 'p',
        type: 'polygon',
        label: 'car',
        points: [
          [200, 200],
          [1000, 200],
          [1000, 800],
          [200, 800],
        ],
      };
      host.stage.setRegions([polygon], STYLES);
      host.stage.setSelection(['p']);
      await host.stage.rendered();
      const v0 = pageOf(host, 200, 200);
      await drag(v0, pageOf(host, 1200, 500), 5);
      await waitUntil(() => host.log.refuse.length === 1);
      expect(host.log.refuse).to.deep.equal(['self-intersection']);
      expect(host.log.edit).to.deep.equal([]);
    });

    it('does not redraw the scene layer while a box is dragged', async () => {
      host = await mount();
      host.stage.setRegions(regions, STYLES);
      host.stage.setSelection(['a']);
      await host.stage.rendered();
      const ctx = host.sceneCanvas.getContext('2d') as CanvasRenderingContext2D;
      let clears = 0;
      const original = ctx.clearRect;
      ctx.clearRect = function (...args: Parameters<CanvasRenderingContext2D['clearRect']>) {
        clears++;
        return original.apply(this, args);
      };
      try {
        const from = pageOf(host, 500, 350);
        await sendMouse({ type: 'move', position: from });
        await sendMouse({ type: 'down' });
        // Counted from the press: before it the scene may still repaint (the image's smaller copies arrive).
        clears = 0;
        for (let i = 1; i <= 10; i++) {
          await sendMouse({ type: 'move', position: [from[0] + i * 5, from[1] + i * 2] });
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        expect(clears, 'scene redraws during the drag').to.equal(0);
        await sendMouse({ type: 'up' });
      } finally {
        ctx.clearRect = original;
      }
    });

    it('reports nothing for what the element sets', async () => {
      host = await mount();
      host.stage.setRegions(regions, STYLES, { hidden: ['b'], locked: ['c'] });
      host.stage.setSelection(['a', 'c']);
      host.stage.setTool('bbox', { label: 'car' });
      host.stage.setTool('select');
      host.stage.setRegions([...regions], STYLES);
      await host.stage.rendered();
      expect(host.log.select).to.deep.equal([]);
      expect(host.log.edit).to.deep.equal([]);
      expect(host.log.draw).to.deep.equal([]);
    });

    it('does not hit hidden regions and does not move locked ones', async () => {
      host = await mount();
      host.stage.setRegions(regions, STYLES, { hidden: ['a'], locked: ['b'] });
      await click(pageOf(host, 500, 350));
      expect(host.log.select).to.deep.equal([]);
      const from = pageOf(host, 1100, 850);
      await drag(from, [from[0] + 40, from[1]], 4);
      expect(host.log.select).to.deep.equal([['b']]);
      expect(host.log.edit).to.deep.equal([]);
    });
  });

  describe('touch', () => {
    /** A synthetic touch pointer event on the stage (the runner has no touch screen). */
    function touch(el: StageTestHost, type: string, id: number, sx: number, sy: number): void {
      const rect = el.stageRoot.getBoundingClientRect();
      const target = el.stageRoot.querySelector('canvas.upper-canvas') as HTMLCanvasElement;
      target.dispatchEvent(
        new PointerEvent(type, {
          pointerId: id,
          pointerType: 'touch',
          isPrimary: id === 1,
          clientX: rect.left + sx,
          clientY: rect.top + sy,
          button: type === 'pointermove' ? -1 : 0,
          bubbles: true,
          cancelable: true,
          composed: true,
        }),
      );
    }

    it('pinches to zoom and pans with two fingers, the image point between them following them', async () => {
      host = await mount();
      const under = host.stage.screenToImage({ x: 400, y: 300 });
      touch(host, 'pointerdown', 1, 300, 300);
      touch(host, 'pointerdown', 2, 500, 300);
      touch(host, 'pointermove', 2, 600, 300);
      touch(host, 'pointermove', 2, 700, 300);
      touch(host, 'pointerup', 2, 700, 300);
      touch(host, 'pointerup', 1, 300, 300);
      expect(host.stage.viewport.zoom).to.be.closeTo(1, 1e-9);
      const now = host.stage.imageToScreen(under);
      expect(now.x).to.be.closeTo(500, 1e-6);
      expect(now.y).to.be.closeTo(300, 1e-6);
      expect(host.log.draw).to.deep.equal([]);
      expect(host.log.select).to.deep.equal([]);
    });

    it('closes a polygon with a long press on a coarse pointer', async () => {
      host = await mount({ coarse: true });
      host.stage.setTool('polygon', { label: 'car' });
      for (const [x, y] of [
        [100, 100],
        [400, 100],
        [300, 400],
      ] as Array<[number, number]>) {
        touch(host, 'pointerdown', 1, x, y);
        touch(host, 'pointerup', 1, x, y);
      }
      expect((host.log.draft.at(-1) as Extract<Draft, { type: 'polygon' }>).points).to.have.length(3);
      touch(host, 'pointerdown', 1, 600, 500);
      await waitUntil(() => host.log.draw.length === 1, 'long press', { timeout: 2000 });
      touch(host, 'pointerup', 1, 600, 500);
      expect((host.log.draw[0] as Extract<DrawnShape, { type: 'polygon' }>).points).to.deep.equal([
        [200, 200],
        [800, 200],
        [600, 800],
      ]);
      expect(host.stage.drafting).to.equal(false);
    });
  });

  describe('more editing', () => {
    it('drags one keypoint of a selected skeleton', async () => {
      host = await mount({ keypoints: { names: ['head', 'hip'], edges: [[0, 1]] } });
      const person: Region = {
        id: 'k',
        type: 'keypoints',
        label: 'person',
        keypoints: [
          { name: 'head', x: 400, y: 200, visible: true },
          { name: 'hip', x: 420, y: 600, visible: false },
        ],
      };
      host.stage.setRegions([person], STYLES);
      host.stage.setSelection(['k']);
      await host.stage.rendered();
      const head = pageOf(host, 400, 200);
      await drag(head, [head[0] + 20, head[1] + 10], 4);
      await waitUntil(() => host.log.edit.length === 1);
      expect(host.log.edit[0]).to.deep.equal([
        {
          id: 'k',
          region: {
            ...person,
            keypoints: [
              { name: 'head', x: 440, y: 220, visible: true },
              { name: 'hip', x: 420, y: 600, visible: false },
            ],
          },
        },
      ]);
    });

    it('abandons a draft with Escape, then leaves Escape to the element', async () => {
      host = await mount();
      host.stage.setTool('polygon', { label: 'car' });
      await click(pageOf(host, 200, 200));
      const escape = () => host.stage.handleKeyDown(new KeyboardEvent('keydown', { code: 'Escape', key: 'Escape' }));
      expect(escape()).to.equal(true);
      expect(host.log.draft.at(-1)).to.equal(null);
      expect(host.stage.drafting).to.equal(false);
      expect(escape()).to.equal(false);
    });
  });

  describe('large images and lifecycle', () => {
    it('shows a 12,000 × 9,000 image downscaled and reports full-resolution coordinates', async () => {
      const big = { width: 12000, height: 9000 };
      const canvas = new OffscreenCanvas(big.width, big.height);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.fillStyle = '#808080';
      ctx.fillRect(0, 0, big.width, big.height);
      ctx.fillStyle = '#ff0000';
      ctx.fillRect(6000, 4500, 3000, 1500);
      const el = document.createElement('tw-stage-test-host') as StageTestHost;
      document.body.append(el);
      host = el;
      await el.updateComplete;
      el.stage.setOptions({ coarse: false });
      await el.stage.setImage(canvas, big);
      await el.stage.rendered();
      expect(el.stage.viewport.zoom).to.be.closeTo(800 / 12000, 1e-12);
      // 4096 × 3072 at most for the drawing copy (plus its smaller levels), whatever the source size.
      const memory = el.stage.memoryUse;
      expect(memory.bitmaps + memory.canvases).to.be.lessThan(100 * 1024 * 1024);
      expect(isRed(scenePixel(el, 402, 302))).to.equal(true);
      expect(isGrey(scenePixel(el, 397, 297))).to.equal(true);
      el.stage.setTool('bbox', { label: 'car' });
      await drag(pageOf(el, 6000, 4500), pageOf(el, 9000, 6000));
      await waitUntil(() => el.log.draw.length === 1);
      expectBox(
        (el.log.draw[0] as Extract<DrawnShape, { type: 'bbox' }>).bbox,
        { x: 6000, y: 4500, width: 3000, height: 1500 },
        15,
      );
    });

    it('draws a lent (downscaled) ImageBitmap as it is, and copes with its owner closing it', async () => {
      const bitmap = await createImageBitmap(imageBlob, { resizeWidth: 800, resizeHeight: 600 });
      host = await mount({}, imageBlob, IMAGE);
      await host.stage.setImage(bitmap, IMAGE);
      // Before the first frame: its smaller copies are only made after that frame is painted.
      expect(host.stage.memoryUse.bitmaps, 'no copy').to.equal(800 * 600 * 4);
      await host.stage.rendered();
      expect(isRed(scenePixel(host, 203, 153))).to.equal(true);
      expect(isGrey(scenePixel(host, 197, 147))).to.equal(true);
      bitmap.close();
      host.stage.zoomBy(2);
      await host.stage.rendered();
      expect(host.stage.viewport.zoom).to.equal(1);
    });

    it('disposes everything when the host leaves the page and rebuilds when it comes back', async () => {
      host = await mount();
      host.stage.setRegions([box('a', 400, 300, 200, 100)], STYLES);
      host.stage.setSelection(['a']);
      const container = host.renderRoot.querySelector('.stage') as HTMLElement;
      expect(container.querySelectorAll('canvas')).to.have.length(4);
      host.remove();
      expect(container.children).to.have.length(0);
      document.body.append(host);
      await host.updateComplete;
      await waitUntil(() => container.querySelectorAll('canvas').length === 4);
      await waitUntil(async () => {
        await host.stage.rendered();
        return isRed(scenePixel(host, 250, 200));
      });
    });
  });
});
