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

/** A shape being drawn with the pointer, before it is finished. */
export type Draft =
  /** Click-click box: the first corner is placed. */
  | { type: 'bbox'; corner: [number, number] }
  | { type: 'polygon'; points: Array<[number, number]> }
  /** `next`: index in `StageOptions.keypoints.names` of the keypoint the next click places. */
  | { type: 'keypoints'; keypoints: Keypoint[]; next: number };

/** Why a pointer gesture did not produce a shape or an edit (for an announcement). */
export type Refusal = 'too-small' | 'self-intersection' | 'too-few-points' | 'zero-area';

/** Callbacks from the engine: user intent only, never echoes of `setRegions`. */
export interface StageEvents {
  /** A shape was drawn (pointer). */
  onDraw(shape: DrawnShape): void;
  /** Regions were moved/resized/reshaped by the pointer; one call per completed gesture. */
  onEdit(changes: Array<{ id: string; region: Region }>): void;
  /** The pointer selected regions (click, shift-click, rubber band) or cleared the selection. */
  onSelect(ids: string[]): void;
  /**
   * Zoom or pan changed: wheel, pinch, drag, the element's own calls (keys), a resize that keeps
   * the image fitted. The engine owns the viewport, so every change is reported.
   */
  onViewport(viewport: Viewport): void;
  /**
   * The shape being drawn changed (a point added or removed, a keypoint placed or skipped, a
   * first corner placed) or was dropped (`draft` null, `points` empty), for announcements and
   * Backspace. `points`: polygon points, placed keypoints' positions, or the box's first corner.
   */
  onDraftChange?(points: Array<[number, number]>, draft: Draft | null): void;
  /** A gesture was refused: a box below the minimum size, a crossing polygon edge, … */
  onRefuse?(reason: Refusal): void;
}

export interface StageOptions {
  /** Minimum box size in image pixels (task constraints); smaller drags are refused. */
  minBox?: { width: number; height: number };
  /** Keypoint names in order, and skeleton edges (index pairs), for the keypoints tool. */
  keypoints?: { names: string[]; edges?: Array<[number, number]> };
  /** Coarse pointer (touch): larger handles, long-press closes a polygon. Default: `(pointer: coarse)`. */
  coarse?: boolean;
  /**
   * Plain wheel zooms (desktop labelling tools' habit). Default false: Ctrl/⌘ + wheel and trackpad
   * pinch zoom, a plain wheel pans when zoomed in and otherwise scrolls the page (the widget sits
   * in a host page and must not trap its scrolling).
   */
  wheelZoom?: boolean;
  /** Regions smaller than this on screen (CSS px, both sides) get no name tag unless selected. Default 12. */
  tagMinSize?: number;
  /** Longest side of the copy of the image kept for drawing (larger images are downscaled). Default 4096. */
  maxImageSide?: number;
}

/** How the next keypoint is placed: seen, or hidden behind something (`visible: false`). */
export type KeypointVisibility = 'visible' | 'occluded';
