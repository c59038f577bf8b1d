/**
 * The test harness of `<tagwerk-image-labeler>`: the worker's actions — choose a tool or a label,
 * draw boxes, polygons and keypoints, select, move, resize, delete, zoom and pan — performed with
 * the runner's real mouse and keyboard, in natural-image pixels.
 *
 * Image pixels become page positions through what the worker sees: the stage's canvas on the page
 * (its bounding rect), the image's natural size (reported in `value.result.image`) and the zoom
 * the toolbar shows. At Fit the whole image is centred in the stage, so the canvas rect alone
 * gives the scale. Past Fit the harness keeps track of the image point at the stage's centre
 * through the view changes it makes itself (the zoom buttons and keys zoom around the crosshair
 * when one is shown, else around the centre; a middle-button drag pans), and of the exact zoom
 * (each zoom step multiplies by 1.25 or 0.8), checked against the rounded percentage shown. A view
 * change the harness did not make (Tab or a click in the region list centring a region) is not
 * followed: `zoom('fit')` starts over from a known view.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { ImageTask, Region } from '@tagwerk/core';
import { press } from '../../ui/test/keys.js';
import { WidgetHarness, clickAt, dragAlong, text, type PagePoint } from '../../ui/test/widget-fixture.js';
import type { TagwerkImageLabeler } from '../src/index.js';

export type Tool = 'select' | 'bbox' | 'polygon' | 'keypoints';

/** An image point (natural-image pixels). */
export interface ImagePoint {
  x: number;
  y: number;
}

/** How a polygon drawn with the mouse is closed. */
export type PolygonClose = 'first-point' | 'double-click' | 'enter' | 'none';

/** Zoom steps the toolbar's buttons (or the keys Equal, Minus, F, Shift+F) take. */
export type ZoomStep = 'in' | 'out' | 'fit' | 'actual';

const ZOOM_FACTOR = { in: 1.25, out: 0.8 } as const;
const ZOOM_KEYS: Record<ZoomStep, string> = { in: 'Equal', out: 'Minus', fit: 'KeyF', actual: 'Shift+KeyF' };

export class ImageLabelerHarness extends WidgetHarness<TagwerkImageLabeler> {
  /** The image point at the stage's centre; undefined while the view is at Fit. */
  private centre: ImagePoint | undefined;
  /** The exact zoom after the harness's last zoom step; undefined while at Fit. */
  private zoomModel: number | undefined;
  /** Where the keyboard crosshair is (it starts at the image's centre). */
  private crosshair: ImagePoint | undefined;

  /** The annotation's regions, as the host reads them. */
  get regions(): Region[] {
    return this.value?.result.regions ?? [];
  }

  /** The natural image size the widget reports. */
  get imageSize(): { width: number; height: number } {
    const image = this.value?.result.image;
    if (!image) throw new Error('the image is not loaded');
    return image;
  }

  /** The stage (the focusable image area). */
  get stage(): HTMLElement {
    return this.query('[part="stage"]');
  }

  /** The stage's canvas: where the image and the regions are drawn, and the pointer lands. */
  get canvas(): HTMLCanvasElement {
    return this.query<HTMLCanvasElement>('[part="stage"] canvas');
  }

  /** The tool chosen in the toolbar. */
  get tool(): Tool {
    const index = this.toolButtons().findIndex((b) => b.getAttribute('aria-checked') === 'true');
    return this.tools()[index]!;
  }

  /** The label chosen in the toolbar (its name as shown), if any. */
  get activeLabel(): string | undefined {
    const button = this.labelButtons().find((b) => b.getAttribute('aria-checked') === 'true');
    return button ? labelName(button) : undefined;
  }

  /** The zoom shown in the toolbar, as a factor (0.44 for "44%"). */
  get zoomShown(): number {
    return parseFloat(text(this.query('.zoom-level'))) / 100;
  }

  /**
   * The exact zoom (screen px per image px): at Fit from the canvas and the image size, after the
   * harness's zoom steps from its own count, whenever that agrees with the percentage shown.
   */
  get zoomFactor(): number {
    const model = this.zoomModel ?? this.fitZoom();
    return Math.round(model * 100) === Math.round(this.zoomShown * 100) ? model : this.zoomShown;
  }

  /** The rows of the region list, as their text. */
  regionRows(): string[] {
    return this.queryAll('.region-row').map(text);
  }

  /** The description of the selected region in the side panel ("box 1, Car, 340 × 180 at 600, 500"). */
  selectedDescription(): string | undefined {
    const found = this.element.shadowRoot!.querySelector('.details .describe');
    return found ? text(found) : undefined;
  }

  // ---- geometry ---------------------------------------------------------------------------

  /** The page position (integer CSS px) where an image point is shown now. */
  pageOf(x: number, y: number): PagePoint {
    const rect = this.canvas.getBoundingClientRect();
    const zoom = this.zoomFactor;
    const centre = this.centre ?? this.imageCentre();
    return [
      Math.round(rect.left + rect.width / 2 + (x - centre.x) * zoom),
      Math.round(rect.top + rect.height / 2 + (y - centre.y) * zoom),
    ];
  }

  // ---- toolbar ------------------------------------------------------------------------------

  /** Chooses a tool: a click on its toolbar button, or its key (as the button shows it) on the stage. */
  async selectTool(tool: Tool, by: 'mouse' | 'keyboard' = 'mouse'): Promise<void> {
    const index = this.tools().indexOf(tool);
    if (index < 0) throw new Error(`the task has no ${tool} tool`);
    const button = this.toolButtons()[index]!;
    if (by === 'keyboard') {
      this.focusStage();
      await press(keyOf(text(button.querySelector('kbd')!)));
    } else {
      await this.click(button);
    }
    await this.element.updateComplete;
    if (tool !== 'select') this.crosshair ??= this.imageCentre();
  }

  /** Picks a label by its name: a click on its toolbar button, or its key (digit or hotkey) on the stage. */
  async pickLabel(name: string, by: 'mouse' | 'keyboard' = 'mouse'): Promise<void> {
    const button = this.labelButtons().find((b) => labelName(b) === name);
    if (!button) throw new Error(`no label ${name}`);
    if (by === 'keyboard') {
      this.focusStage();
      await press(keyOf(text(button.querySelector('kbd')!)));
    } else {
      await this.click(button);
    }
    await this.element.updateComplete;
  }

  /** One zoom step: the toolbar's buttons (−, +, Fit, 100%), or their keys on the stage. */
  async zoom(step: ZoomStep, by: 'mouse' | 'keyboard' = 'mouse'): Promise<void> {
    const before = this.zoomFactor;
    if (by === 'keyboard') {
      this.focusStage();
      await press(ZOOM_KEYS[step]);
    } else {
      const buttons = this.queryAll<HTMLButtonElement>('.zoom button');
      await this.click(buttons[{ out: 0, in: 1, fit: 2, actual: 3 }[step]]!);
    }
    await this.element.updateComplete;
    if (step === 'fit') {
      this.centre = undefined;
      this.zoomModel = undefined;
      return;
    }
    const after = step === 'actual' ? 1 : this.clampZoom(before * ZOOM_FACTOR[step]);
    // The anchor (the crosshair, when shown, else the centre) keeps its place on the stage.
    const centre = this.centre ?? this.imageCentre();
    const anchor = this.tool !== 'select' && this.crosshair ? this.crosshair : centre;
    const k = before / after;
    this.zoomModel = after;
    this.centre = this.clampCentre({
      x: anchor.x - (anchor.x - centre.x) * k,
      y: anchor.y - (anchor.y - centre.y) * k,
    });
  }

  /** Pans with a middle-button drag so that `point` comes to the stage's centre. */
  async centreOn(point: ImagePoint): Promise<void> {
    const rect = this.canvas.getBoundingClientRect();
    const here = this.centre ?? this.imageCentre();
    const zoom = this.zoomFactor;
    const dx = Math.round((here.x - point.x) * zoom);
    const dy = Math.round((here.y - point.y) * zoom);
    const cx = rect.left + rect.width / 2;
    const cy = rect.top + rect.height / 2;
    const from: PagePoint = [Math.round(cx - dx / 2), Math.round(cy - dy / 2)];
    await dragAlong(from, [from[0] + dx, from[1] + dy], { steps: 4, button: 'middle' });
    await this.element.updateComplete;
    this.centre = this.clampCentre({ x: here.x - dx / zoom, y: here.y - dy / zoom });
  }

  // ---- drawing with the mouse -------------------------------------------------------------

  /** Draws a box with a drag from its top-left to its bottom-right corner (the box tool is chosen first if needed). */
  async drawBox(x: number, y: number, width: number, height: number): Promise<void> {
    await this.ensureTool('bbox');
    await dragAlong(this.pageOf(x, y), this.pageOf(x + width, y + height));
    await this.element.updateComplete;
  }

  /** Draws a box with two clicks, one on each corner. */
  async drawBoxByClicks(x: number, y: number, width: number, height: number): Promise<void> {
    await this.ensureTool('bbox');
    await clickAt(this.pageOf(x, y));
    await clickAt(this.pageOf(x + width, y + height));
    await this.element.updateComplete;
  }

  /**
   * Clicks the polygon's points, then closes it: a click on the first point, a second click on the
   * last (a double click), Enter on the stage, or not at all (`none`: the draft stays open).
   */
  async drawPolygon(points: Array<[number, number]>, close: PolygonClose = 'first-point'): Promise<void> {
    await this.ensureTool('polygon');
    for (const [x, y] of points) await clickAt(this.pageOf(x, y));
    if (close === 'first-point') await clickAt(this.pageOf(points[0]![0], points[0]![1]));
    else if (close === 'double-click') await clickAt(this.pageOf(points.at(-1)![0], points.at(-1)![1]));
    else if (close === 'enter') await this.pressOnStage('Enter');
    await this.element.updateComplete;
  }

  /** Places the next keypoint with a click (Alt + click: occluded). */
  async placeKeypoint(x: number, y: number, { occluded = false } = {}): Promise<void> {
    await this.ensureTool('keypoints');
    await clickAt(this.pageOf(x, y), occluded ? ['Alt'] : []);
    await this.element.updateComplete;
  }

  // ---- selecting and editing with the mouse -------------------------------------------------

  /** Clicks the image at a point with the Select tool (Shift held: adds to or removes from the selection). */
  async selectRegion(x: number, y: number, { add = false } = {}): Promise<void> {
    await this.ensureTool('select');
    await clickAt(this.pageOf(x, y), add ? ['Shift'] : []);
    await this.element.updateComplete;
  }

  /** Clicks a row of the region list (0-based); the stage centres on that region. */
  async selectRow(index: number): Promise<void> {
    await this.click(this.queryAll('.region-row')[index]!);
  }

  /** Drags a rubber band across the image with the Select tool, selecting what it touches. */
  async selectByBand(from: ImagePoint, to: ImagePoint): Promise<void> {
    await this.ensureTool('select');
    await dragAlong(this.pageOf(from.x, from.y), this.pageOf(to.x, to.y));
    await this.element.updateComplete;
  }

  /** Presses on a region at `from` and drags it until that point is at `to` (image px). */
  async dragRegion(from: ImagePoint, to: ImagePoint, steps = 6): Promise<void> {
    await this.ensureTool('select');
    const start = this.pageOf(from.x, from.y);
    await dragAlong(start, this.pageOf(to.x, to.y), { steps });
    await this.element.updateComplete;
  }

  /** Drags the handle (box corner, polygon vertex or midpoint, keypoint) at `handle` to `to` (image px). */
  async resizeHandle(handle: ImagePoint, to: ImagePoint, steps = 6): Promise<void> {
    await this.ensureTool('select');
    await dragAlong(this.pageOf(handle.x, handle.y), this.pageOf(to.x, to.y), { steps });
    await this.element.updateComplete;
  }

  /** Deletes the selection: the Delete key on the stage, or the side panel's delete button. */
  async deleteSelected(by: 'keyboard' | 'button' = 'keyboard'): Promise<void> {
    if (by === 'keyboard') {
      this.focusStage();
      await sendKeys({ press: 'Delete' });
    } else {
      await this.click(this.query('.details button.danger'));
    }
    await this.element.updateComplete;
  }

  // ---- the keyboard alone -------------------------------------------------------------------

  /** Puts the focus on the stage (as Tab would), where the drawing keys work. */
  focusStage(): void {
    if (this.focused !== this.stage) this.stage.focus();
  }

  /**
   * Moves the crosshair (drawing tools) by image px: Shift+arrows for tens, arrows for the rest.
   * With the Select tool the same keys nudge the selection (or pan when nothing is selected).
   */
  async moveCrosshair(dx: number, dy: number): Promise<void> {
    this.focusStage();
    const axis = async (delta: number, minus: string, plus: string): Promise<void> => {
      const key = delta < 0 ? minus : plus;
      const tens = Math.floor(Math.abs(delta) / 10);
      await press(`Shift+${key}`, tens);
      await press(key, Math.abs(delta) - tens * 10);
    };
    await axis(dx, 'ArrowLeft', 'ArrowRight');
    await axis(dy, 'ArrowUp', 'ArrowDown');
    await this.element.updateComplete;
    if (this.tool !== 'select') {
      const p = this.crosshair ?? this.imageCentre();
      const { width, height } = this.imageSize;
      this.crosshair = { x: clamp(p.x + dx, 0, width), y: clamp(p.y + dy, 0, height) };
    }
  }

  /** Moves the crosshair to an image point (from where the harness knows it is). */
  async moveCrosshairTo(x: number, y: number): Promise<void> {
    const p = this.crosshair ?? this.imageCentre();
    await this.moveCrosshair(Math.round(x - p.x), Math.round(y - p.y));
  }

  /** Enter at the crosshair: a box corner, a polygon point, a keypoint (Shift+Enter: occluded, or close the polygon). */
  async placeAtCrosshair({ shift = false } = {}): Promise<void> {
    this.focusStage();
    await press(shift ? 'Shift+Enter' : 'Enter');
    await this.element.updateComplete;
  }

  /** A box drawn by keyboard alone: crosshair to one corner, Enter, to the other, Enter. */
  async drawBoxByKeyboard(x: number, y: number, width: number, height: number): Promise<void> {
    if (this.tool !== 'bbox') await this.selectTool('bbox', 'keyboard');
    await this.moveCrosshairTo(x, y);
    await this.placeAtCrosshair();
    await this.moveCrosshairTo(x + width, y + height);
    await this.placeAtCrosshair();
  }

  /** A key (or combination, "Shift+KeyZ") pressed on the stage, `times` times. */
  async pressOnStage(combo: string, times = 1): Promise<void> {
    this.focusStage();
    await press(combo, times);
    await this.element.updateComplete;
  }

  // ---- internals of the harness ------------------------------------------------------------

  private async ensureTool(tool: Tool): Promise<void> {
    if (this.tool !== tool) await this.selectTool(tool);
  }

  private tools(): Tool[] {
    return ['select', ...((this.element.task as ImageTask).tools as Tool[])];
  }

  private toolButtons(): HTMLButtonElement[] {
    return this.queryAll<HTMLButtonElement>('.toolbar button.tool');
  }

  private labelButtons(): HTMLButtonElement[] {
    return this.queryAll<HTMLButtonElement>('.toolbar button.label');
  }

  private imageCentre(): ImagePoint {
    return { x: this.imageSize.width / 2, y: this.imageSize.height / 2 };
  }

  /** The stage's size in CSS px (the canvas as laid out). */
  private stageSize(): { width: number; height: number } {
    const rect = this.canvas.getBoundingClientRect();
    return { width: rect.width, height: rect.height };
  }

  private fitZoom(): number {
    const stage = this.stageSize();
    const image = this.imageSize;
    return Math.min(stage.width / image.width, stage.height / image.height);
  }

  /** The widget's zoom range: half of Fit (at most 50%) to 32× (or twice Fit for tiny images). */
  private clampZoom(zoom: number): number {
    const fit = this.fitZoom();
    return clamp(zoom, Math.min(fit, 1) / 2, Math.max(32, fit * 2));
  }

  /** The image stays on stage: centred along an axis it does not fill, else its centre point stays on the image. */
  private clampCentre(p: ImagePoint): ImagePoint {
    const stage = this.stageSize();
    const image = this.imageSize;
    const zoom = this.zoomModel ?? this.fitZoom();
    const axis = (c: number, side: number, visible: number): number => (visible >= side ? side / 2 : clamp(c, 0, side));
    return { x: axis(p.x, image.width, stage.width / zoom), y: axis(p.y, image.height, stage.height / zoom) };
  }
}

const clamp = (v: number, min: number, max: number): number => Math.min(max, Math.max(min, v));

/** A label button's name (its text without the key hint). */
function labelName(button: Element): string {
  const kbd = button.querySelector('kbd');
  const all = text(button);
  return kbd ? all.slice(0, all.length - text(kbd).length).trim() : all;
}

/** The key a hint shows ("B", "Shift+B", "2", "N") as a key combination for `press`. */
function keyOf(hint: string): string {
  return hint
    .split('+')
    .map((part) => (/^[A-Z]$/i.test(part) ? `Key${part.toUpperCase()}` : /^\d$/.test(part) ? `Digit${part}` : part))
    .join('+');
}
