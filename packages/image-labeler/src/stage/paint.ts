/**
 * What regions look like, shared by the scene layer, the overlay and the live fabric objects:
 * line widths in CSS pixels (constant whatever the zoom), colours derived from a label's
 * `#rrggbb`, and the name tag drawn beside every region (colour is never the only cue).
 */
import type { LabelStyle } from '../stage-types.js';

/** Outline widths in CSS px. */
export const LINE = { normal: 1.5, selected: 3, hover: 3, draft: 2 } as const;
/** Fill opacity of a region's inside. */
export const FILL_ALPHA = { normal: 0.12, selected: 0.22 } as const;
/** Keypoint dot radius in CSS px. */
export const KEYPOINT_RADIUS = 4;
/** Tag font: fixed CSS px, drawn unscaled at every zoom. */
export const TAG_FONT = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const TAG_HEIGHT = 16;
const TAG_PAD = 4;
const FALLBACK_COLOR = '#808080';

/** A label style with everything a frame needs precomputed. */
export interface Paint {
  name: string;
  color: string;
  fill: string;
  fillSelected: string;
  /** Black or white, whichever reads better on `color`. */
  text: string;
  /** Tag width in CSS px (measured once). */
  tagWidth: number;
}

function parseHex(color: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const n = Number.parseInt(m[1] as string, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Relative luminance (WCAG) of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

let measureContext: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null = null;

function measureTag(text: string): number {
  measureContext ??= new OffscreenCanvas(1, 1).getContext('2d');
  if (!measureContext) return text.length * 7 + 2 * TAG_PAD;
  measureContext.font = TAG_FONT;
  return Math.ceil(measureContext.measureText(text).width) + 2 * TAG_PAD;
}

/** Precomputes the paint of a label style (unknown labels: grey, named by their id). */
export function toPaint(style: LabelStyle | undefined, labelId: string): Paint {
  const color = style && parseHex(style.color) ? style.color : FALLBACK_COLOR;
  const rgb = parseHex(color) as [number, number, number];
  const name = style?.name || labelId;
  const rgba = (a: number) => `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${a})`;
  // White text needs a contrast ratio of 4.5 against the tag: (1.05) / (L + 0.05) ≥ 4.5 ⇔ L ≤ 0.183.
  return {
    name,
    color,
    fill: rgba(FILL_ALPHA.normal),
    fillSelected: rgba(FILL_ALPHA.selected),
    text: luminance(rgb) <= 0.183 ? '#ffffff' : '#000000',
    tagWidth: measureTag(name),
  };
}

/**
 * Draws the name tags of one label at the given region corners (`[x0, y0, x1, y1, …]`, CSS px,
 * transform = DPR only): above each region's top-left corner, or just inside it when the region
 * touches the top of the stage. Backgrounds first (rect fast path), then the text.
 */
export function paintTags(ctx: CanvasRenderingContext2D, paint: Paint, corners: readonly number[]): void {
  const at = (i: number) => {
    const y = corners[i + 1] as number;
    return y >= TAG_HEIGHT ? y - TAG_HEIGHT : y;
  };
  ctx.fillStyle = paint.color;
  for (let i = 0; i < corners.length; i += 2) ctx.fillRect(corners[i] as number, at(i), paint.tagWidth, TAG_HEIGHT);
  ctx.fillStyle = paint.text;
  ctx.font = TAG_FONT;
  ctx.textBaseline = 'middle';
  // The tag box grows rightwards from the corner whatever the page direction ('start' would
  // right-align the text in a right-to-left canvas, outside its box).
  ctx.textAlign = 'left';
  for (let i = 0; i < corners.length; i += 2) {
    ctx.fillText(paint.name, (corners[i] as number) + TAG_PAD, at(i) + TAG_HEIGHT / 2 + 0.5);
  }
}
