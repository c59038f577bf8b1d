/**
 * The few fabric objects the stage keeps live: the selected regions, with resize handles (boxes),
 * vertex handles plus insert-on-edge handles (polygons) and one handle per keypoint. Their
 * stroke width is 0 for fabric's geometry maths, so an object's box is exactly the region's
 * (handles sit on the region's edges, scaling is exact); each class paints its own outline at a
 * constant CSS width and its name tag. Geometry is read back through the object's transform
 * matrix, whatever its origin or scale.
 */
import type { BBox, Keypoint, Region } from '@tagwerk/core';
import {
  Control,
  controlsUtils,
  type FabricObject,
  Point as FPoint,
  Polygon,
  Polyline,
  Rect,
  type TPointerEvent,
  type Transform,
  util,
  type XY,
} from 'fabric';
import { drawKeypoints } from './scene.js';
import { boundsOf } from './geometry.js';
import { LINE, paintTags, type Paint } from './paint.js';

/** How a live object looks. */
export interface LiveLook {
  paint: Paint;
  /** Handle size in CSS px, for mouse/pen and for touch. */
  handle: number;
  touchHandle: number;
}

/** What every live object carries besides fabric's state. */
export interface LiveExtras {
  regionId: string;
  look: LiveLook;
}

export type LiveObject = (LiveBox | LivePolygon | LiveKeypoints) & LiveExtras;

const zoomOf = (o: FabricObject): number => o.canvas?.getZoom() ?? 1;

/** Paints the region's name tag at its top-left corner, in CSS px whatever the transform. */
function paintLiveTag(ctx: CanvasRenderingContext2D, o: FabricObject & LiveExtras, x: number, y: number): void {
  const canvas = o.canvas;
  if (!canvas) return;
  const vpt = canvas.viewportTransform;
  const dpr = canvas.getRetinaScaling();
  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  paintTags(ctx, o.look.paint, [x * vpt[0] + vpt[4], y * vpt[3] + vpt[5]]);
  ctx.restore();
}

export class LiveBox extends Rect {
  declare regionId: string;
  declare look: LiveLook;

  override _render(ctx: CanvasRenderingContext2D): void {
    const { scaleX, scaleY } = this;
    const w = this.width * scaleX;
    const h = this.height * scaleY;
    ctx.save();
    // Undo the object's scale so the outline keeps one width on every side while resizing.
    ctx.scale(1 / scaleX, 1 / scaleY);
    ctx.beginPath();
    ctx.rect(-w / 2, -h / 2, w, h);
    ctx.fillStyle = this.look.paint.fillSelected;
    ctx.fill();
    ctx.lineWidth = LINE.selected / zoomOf(this);
    ctx.strokeStyle = this.look.paint.color;
    ctx.stroke();
    ctx.restore();
    const box = readBox(this);
    paintLiveTag(ctx, this, box.x, box.y);
  }
}

export class LivePolygon extends Polygon {
  declare regionId: string;
  declare look: LiveLook;

  override _render(ctx: CanvasRenderingContext2D): void {
    const { x: ox, y: oy } = this.pathOffset;
    ctx.beginPath();
    this.points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x - ox, p.y - oy) : ctx.lineTo(p.x - ox, p.y - oy)));
    ctx.closePath();
    ctx.fillStyle = this.look.paint.fillSelected;
    ctx.fill();
    ctx.lineWidth = LINE.selected / zoomOf(this);
    ctx.strokeStyle = this.look.paint.color;
    ctx.lineJoin = 'round';
    ctx.stroke();
    const b = boundsOf(readPoints(this));
    paintLiveTag(ctx, this, b.x, b.y);
  }
}

export class LiveKeypoints extends Polyline {
  declare regionId: string;
  declare look: LiveLook;
  /** The keypoints as placed (names, visibility), in the order of `points`. */
  declare keypoints: Keypoint[];
  /** Skeleton edges as index pairs into `points`. */
  declare edges: Array<[number, number]>;

  // A lone keypoint has no width nor height; fabric would skip it.
  override isNotVisible(): boolean {
    return !this.visible || this.opacity === 0;
  }

  override _render(ctx: CanvasRenderingContext2D): void {
    const canvas = this.canvas;
    if (!canvas) return;
    const points = readPoints(this);
    const vpt = canvas.viewportTransform;
    const dpr = canvas.getRetinaScaling();
    ctx.save();
    // Dots and lines in CSS px: the scene layer's own routine, so both layers look the same.
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const zoom = vpt[0];
    const view = { zoom, x: -vpt[4] / zoom, y: -vpt[5] / zoom };
    const keypoints = this.keypoints.map((k, i) => ({ ...k, x: points[i]![0], y: points[i]![1] }));
    const lookup = new Map(keypoints.map((k, i) => [k.name, i]));
    drawKeypoints(ctx, keypoints, view, this.look.paint, LINE.selected, lookup, this.edges);
    ctx.restore();
    const b = boundsOf(points);
    paintLiveTag(ctx, this, b.x, b.y);
  }
}

const common = (look: LiveLook) =>
  ({
    originX: 'left',
    originY: 'top',
    strokeWidth: 0,
    objectCaching: false,
    lockRotation: true,
    lockSkewingX: true,
    lockSkewingY: true,
    lockScalingFlip: true,
    lockMovementX: true,
    lockMovementY: true,
    hasBorders: false,
    transparentCorners: false,
    cornerColor: '#ffffff',
    cornerStrokeColor: look.paint.color,
    cornerSize: look.handle,
    touchCornerSize: look.touchHandle,
    padding: 0,
    hoverCursor: 'move',
  }) as const;

/** The region's box as the object now has it (center ± scaled size / 2), untidied. */
export function readBox(o: Rect): BBox {
  const c = o.getCenterPoint();
  const width = o.width * o.scaleX;
  const height = o.height * o.scaleY;
  return { x: c.x - width / 2, y: c.y - height / 2, width, height };
}

/** The object's points in image px, through its full transform. */
export function readPoints(o: Polyline): Array<[number, number]> {
  const m = o.calcTransformMatrix();
  return o.points.map((p) => {
    const q = new FPoint(p.x, p.y).subtract(o.pathOffset).transform(m);
    return [q.x, q.y];
  });
}

/** Insert-on-edge: the first drag step adds a vertex at the edge's middle, then drags it. */
const inserting = new WeakSet<Transform>();

function polygonControls(poly: Polyline, look: LiveLook, withMidpoints: boolean): Record<string, Control> {
  const controls: Record<string, Control> = {};
  const n = poly.points.length;
  if (withMidpoints) {
    for (let i = 0; i < n; i++) {
      controls[`m${i}`] = new Control({
        actionName: 'modifyPoly',
        cursorStyle: 'copy',
        sizeX: look.handle,
        sizeY: look.handle,
        touchSizeX: look.touchHandle,
        touchSizeY: look.touchHandle,
        positionHandler: (_dim, _matrix, o) => {
          const p = o as Polyline;
          const a = p.points[i] as XY;
          const b = p.points[(i + 1) % p.points.length] as XY;
          return new FPoint((a.x + b.x) / 2, (a.y + b.y) / 2)
            .subtract(p.pathOffset)
            .transform(util.multiplyTransformMatrices(p.getViewportTransform(), p.calcTransformMatrix()));
        },
        // Hidden on edges too short to hold three handles: vertices must stay easy to grab.
        getVisibility: (o) => {
          const p = o as Polyline;
          if (p.points.length !== n) return false;
          const a = p.points[i] as XY;
          const b = p.points[(i + 1) % n] as XY;
          return Math.hypot(b.x - a.x, b.y - a.y) * zoomOf(p) >= look.handle * 3;
        },
        actionHandler: (e: TPointerEvent, transform: Transform, x: number, y: number) => {
          const p = transform.target as Polyline;
          if (!inserting.has(transform)) {
            inserting.add(transform);
            const a = p.points[i] as XY;
            const b = p.points[(i + 1) % p.points.length] as XY;
            p.points.splice(i + 1, 0, new FPoint((a.x + b.x) / 2, (a.y + b.y) / 2));
            p.controls = polygonControls(p, look, true);
          }
          return controlsUtils.createPolyActionHandler(i + 1)(e, transform, x, y);
        },
        render: (ctx, left, top, _style, o) => {
          ctx.save();
          ctx.beginPath();
          ctx.arc(left, top, look.handle / 3, 0, Math.PI * 2);
          ctx.fillStyle = 'rgba(255, 255, 255, 0.8)';
          ctx.fill();
          ctx.lineWidth = 1;
          ctx.strokeStyle = (o as FabricObject).cornerStrokeColor || '#000000';
          ctx.stroke();
          ctx.restore();
        },
      });
    }
  }
  // Vertices last: fabric tests controls from the last one, so a vertex wins over a nearby midpoint.
  Object.assign(
    controls,
    controlsUtils.createPolyControls(poly, {
      cursorStyle: 'pointer',
      sizeX: look.handle,
      sizeY: look.handle,
      touchSizeX: look.touchHandle,
      touchSizeY: look.touchHandle,
    }),
  );
  return controls;
}

/** A live fabric object for a region (boxes, polygons, keypoints). */
export function createLive(
  region: Region,
  look: LiveLook,
  skeleton?: { names: readonly string[]; edges?: ReadonlyArray<readonly [number, number]> },
): LiveObject {
  let o: LiveObject;
  if (region.type === 'bbox') {
    const box = new LiveBox({ ...common(look), width: region.bbox.width, height: region.bbox.height }) as LiveObject;
    box.setControlVisible('mtr', false);
    box.setPositionByOrigin(
      new FPoint(region.bbox.x + region.bbox.width / 2, region.bbox.y + region.bbox.height / 2),
      'center',
      'center',
    );
    o = box;
  } else if (region.type === 'polygon') {
    const poly = new LivePolygon(
      region.points.map(([x, y]) => new FPoint(x, y)),
      { ...common(look), cornerStyle: 'circle' },
    ) as LiveObject;
    poly.controls = polygonControls(poly as LivePolygon, look, true);
    o = poly;
  } else {
    const kp = new LiveKeypoints(
      region.keypoints.map((k) => new FPoint(k.x, k.y)),
      { ...common(look), cornerStyle: 'circle' },
    ) as LiveKeypoints & LiveExtras;
    kp.keypoints = region.keypoints.map((k) => ({ ...k }));
    const lookup = new Map(region.keypoints.map((k, i) => [k.name, i]));
    const names = skeleton?.names ?? [];
    kp.edges = [];
    for (const [a, b] of skeleton?.edges ?? []) {
      const i = lookup.get(names[a] ?? '');
      const j = lookup.get(names[b] ?? '');
      if (i !== undefined && j !== undefined) kp.edges.push([i, j]);
    }
    kp.controls = polygonControls(kp, look, false);
    o = kp;
  }
  o.regionId = region.id;
  o.look = look;
  o.setCoords();
  return o;
}

/** The region with the geometry the object now has (untidied, unclamped). */
export function readRegion(o: LiveObject, region: Region): Region {
  if (o instanceof LiveBox && region.type === 'bbox') return { ...region, bbox: readBox(o) };
  if (o instanceof LiveKeypoints && region.type === 'keypoints') {
    const points = readPoints(o);
    return { ...region, keypoints: o.keypoints.map((k, i) => ({ ...k, x: points[i]![0], y: points[i]![1] })) };
  }
  if (region.type === 'polygon') return { ...region, points: readPoints(o as Polyline) };
  return region;
}

/** Moves an object by (dx, dy) image px from where it was (`from`: its left/top then). */
export function placeAt(o: FabricObject, from: { left: number; top: number }, dx: number, dy: number): void {
  o.set({ left: from.left + dx, top: from.top + dy });
  o.setCoords();
}
