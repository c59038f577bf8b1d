/**
 * Pure region operations of the image labeler: ids, bounds, keyboard nudging and resizing
 * (clamped to the image), duplication, and the sentence a screen reader hears for a region.
 * All coordinates are natural-image pixels.
 */
import type { BBox, Region } from '@tagwerk/core';
import { boundsOf } from './stage/geometry.js';

export interface Size {
  width: number;
  height: number;
}

/** `r<n>` with n one above the largest numeric suffix in use: stable, short, never reused. */
export function nextRegionId(regions: readonly Region[]): string {
  let max = 0;
  for (const r of regions) {
    const n = /^r(\d+)$/.exec(r.id);
    if (n) max = Math.max(max, Number(n[1]));
  }
  return `r${max + 1}`;
}

/** Axis-aligned bounds of any region (keypoints: of their points; empty keypoints: a zero box). */
export function regionBounds(region: Region): BBox {
  if (region.type === 'bbox') return region.bbox;
  const points: Array<readonly [number, number]> =
    region.type === 'polygon' ? region.points : region.keypoints.map((k) => [k.x, k.y] as const);
  return boundsOf(points);
}

const clamp = (v: number, min: number, max: number): number => Math.min(max, Math.max(min, v));

/** Marks a pre-filled region as edited by the worker (`modified: true`), per the contract. */
export function touched<R extends Region>(region: R): R {
  return region.origin === 'prefill' && !region.modified ? { ...region, modified: true } : region;
}

/** Moves a region by (dx, dy), stopping at the image edges so it never leaves the image. */
export function nudge<R extends Region>(region: R, dx: number, dy: number, image: Size): R {
  const b = regionBounds(region);
  const mx = clamp(dx, -b.x, image.width - (b.x + b.width));
  const my = clamp(dy, -b.y, image.height - (b.y + b.height));
  if (mx === 0 && my === 0) return region;
  return touched(translate(region, mx, my));
}

function translate<R extends Region>(region: R, dx: number, dy: number): R {
  switch (region.type) {
    case 'bbox':
      return { ...region, bbox: { ...region.bbox, x: region.bbox.x + dx, y: region.bbox.y + dy } };
    case 'polygon':
      return { ...region, points: region.points.map(([x, y]) => [x + dx, y + dy] as [number, number]) };
    case 'keypoints':
      return { ...region, keypoints: region.keypoints.map((k) => ({ ...k, x: k.x + dx, y: k.y + dy })) };
  }
  return region;
}

/**
 * Grows or shrinks a region's right/bottom edge by (dw, dh): boxes directly, polygons and
 * skeletons by scaling about their top-left corner. Never below 1 px, never past the image.
 */
export function resizeBy<R extends Region>(region: R, dw: number, dh: number, image: Size): R {
  const b = regionBounds(region);
  const width = clamp(b.width + dw, 1, image.width - b.x);
  const height = clamp(b.height + dh, 1, image.height - b.y);
  if (width === b.width && height === b.height) return region;
  if (region.type === 'bbox') return touched({ ...region, bbox: { ...region.bbox, width, height } });
  const sx = b.width > 0 ? width / b.width : 1;
  const sy = b.height > 0 ? height / b.height : 1;
  const scale = (x: number, y: number): [number, number] => [b.x + (x - b.x) * sx, b.y + (y - b.y) * sy];
  if (region.type === 'polygon') return touched({ ...region, points: region.points.map(([x, y]) => scale(x, y)) });
  return touched({
    ...region,
    keypoints: region.keypoints.map((k) => {
      const [x, y] = scale(k.x, k.y);
      return { ...k, x, y };
    }),
  });
}

/** A copy with a new id, offset by `offset` px (kept inside the image), owned by the worker. */
export function duplicate<R extends Region>(region: R, id: string, offset: number, image: Size): R {
  const copy = { ...structuredClone(region), id, origin: 'worker' as const };
  delete (copy as Partial<Region>).modified;
  const b = regionBounds(copy);
  const dx = b.x + b.width + offset <= image.width ? offset : -Math.min(offset, b.x);
  const dy = b.y + b.height + offset <= image.height ? offset : -Math.min(offset, b.y);
  return translate(copy, dx, dy);
}

/** Rounds to 1/100 px: keyboard and pointer maths never leave float noise in the envelope. */
export function tidy(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The counts per label, in the task's label order. */
export function countByLabel(regions: readonly Region[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of regions) counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
  return counts;
}
