/**
 * Viewport maths shared by the scene layer and fabric's viewportTransform: one zoom (screen CSS
 * pixels per image pixel) and the image point at the stage's top-left corner. Pure functions.
 */
import type { Point } from '../stage-types.js';
import { clamp, type Size } from './geometry.js';

export interface View {
  zoom: number;
  x: number;
  y: number;
}

/** Zoom at which the whole image fits the stage (1 when either has no size yet). */
export function fitZoom(stage: Size, image: Size): number {
  if (!(stage.width > 0 && stage.height > 0 && image.width > 0 && image.height > 0)) return 1;
  return Math.min(stage.width / image.width, stage.height / image.height);
}

/** The zoom range: from half the fit (but never above 100%) to 32× (or twice the fit for tiny images). */
export function zoomLimits(stage: Size, image: Size): { min: number; max: number } {
  const fit = fitZoom(stage, image);
  return { min: Math.min(fit, 1) / 2, max: Math.max(32, fit * 2) };
}

/**
 * Keeps the image on stage: centred along an axis where it is smaller than the stage, otherwise
 * free to move until its edge is half a stage inside (room to reach corners near the border).
 */
export function clampView(view: View, stage: Size, image: Size): View {
  const { min, max } = zoomLimits(stage, image);
  const zoom = clamp(view.zoom, min, max);
  const axis = (pos: number, stageSide: number, imageSide: number): number => {
    const visible = stageSide / zoom;
    if (visible >= imageSide) return (imageSide - visible) / 2;
    const slack = visible / 2;
    return clamp(pos, -slack, imageSide - visible + slack);
  };
  return { zoom, x: axis(view.x, stage.width, image.width), y: axis(view.y, stage.height, image.height) };
}

/** The view that fits the whole image, centred. */
export function fitView(stage: Size, image: Size): View {
  return clampView({ zoom: fitZoom(stage, image), x: 0, y: 0 }, stage, image);
}

/** A new zoom keeping the image point under `anchor` (stage CSS px) where it is. */
export function zoomAround(view: View, zoom: number, anchor: Point): View {
  const ix = view.x + anchor.x / view.zoom;
  const iy = view.y + anchor.y / view.zoom;
  return { zoom, x: ix - anchor.x / zoom, y: iy - anchor.y / zoom };
}

/** Stage CSS px → image px. */
export function toImage(view: View, p: Point): Point {
  return { x: view.x + p.x / view.zoom, y: view.y + p.y / view.zoom };
}

/** Image px → stage CSS px. */
export function toScreen(view: View, p: Point): Point {
  return { x: (p.x - view.x) * view.zoom, y: (p.y - view.y) * view.zoom };
}
