/**
 * The contract between <tagwerk-image-labeler> and its drawing engine (FabricCanvasController).
 * The element owns the annotation (regions, undo history, labels, selection state as data); the
 * engine owns pixels: the image, the regions as drawn, zoom/pan, pointer interaction and the
 * shapes being drawn. Every coordinate crossing this boundary is in natural-image pixels.
 */
import type { BBox, Keypoint, Region } from '@tagwerk/core';

export type Tool = 'select' | 'bbox' | 'polygon' | 'keypoints';

/** How a label looks on the canvas. Colour is never the only cue: the name is drawn too. */
export interface LabelStyle {
  name: string;
  /** #rrggbb */
  color: string;
}

export interface Point {
  x: number;
  y: number;
}

/** The visible part of the image and the zoom, in image pixels per screen pixel terms. */
export interface Viewport {
  /** Screen pixels per image pixel (1 = 100%). */
  zoom: number;
  /** Image coordinate shown at the top-left corner of the stage. */
  x: number;
  y: number;
  /** Zoom at which the whole image fits the stage. */
  fitZoom: number;
}

/** A shape the worker finished drawing with the pointer; the element turns it into a region. */
export type DrawnShape =
  | { type: 'bbox'; bbox: BBox }
  | { type: 'polygon'; points: Array<[number, number]> }
  | { type: 'keypoints'; keypoints: Keypoint[] };

/** Callbacks from the engine: user intent only, never echoes of `setRegions`. */
export interface StageEvents {
  /** A shape was drawn (pointer). */
  onDraw(shape: DrawnShape): void;
  /** Regions were moved/resized/reshaped by the pointer; one call per completed gesture. */
  onEdit(changes: Array<{ id: string; region: Region }>): void;
  /** The pointer selected regions (click, shift-click, rubber band) or cleared the selection. */
  onSelect(ids: string[]): void;
  /** Zoom or pan changed (wheel, pinch, drag, keys through the element). */
  onViewport(viewport: Viewport): void;
  /** A polygon being drawn changed (points so far), for announcements and Backspace. */
  onDraftChange?(points: Array<[number, number]>): void;
}

export interface StageOptions {
  /** Minimum box size in image pixels (task constraints); smaller drags are refused. */
  minBox?: { width: number; height: number };
  /** Keypoint names in order, and skeleton edges (index pairs), for the keypoints tool. */
  keypoints?: { names: string[]; edges?: Array<[number, number]> };
  /** Coarse pointer (touch): larger handles, long-press closes a polygon. */
  coarse?: boolean;
}
