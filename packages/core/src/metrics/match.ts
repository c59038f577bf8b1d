/**
 * One-to-one matching of annotations against a reference (a gold answer, another annotator):
 * which region or segment stands for which. Pure: no DOM.
 *
 * One algorithm for both: greedy by best overlap. Every (reference, candidate) pair that may
 * match is scored; pairs are taken best score first, skipping any whose reference or candidate
 * is already taken. Ties go to the earlier reference item, then to the earlier candidate, so the
 * result depends only on the inputs' order, never on the sort's implementation. Greedy, not an
 * optimal (Hungarian) assignment: the two can differ only where one item could match two others,
 * and greedy keeps the better-fitting pair there. O(n·m log(n·m)) for n and m items.
 */
import type { Region, Segment } from '../model/types.js';
import { iou, polygonBBox, type IoUShape } from './iou.js';

/** One matched pair: a reference item, the item standing for it, and how well they overlap. */
export interface MatchedPair<T> {
  reference: T;
  /** Index of `reference` in the reference list. */
  referenceIndex: number;
  item: T;
  /** Index of `item` in the list matched against the reference. */
  index: number;
  /** The overlap (IoU) of the pair, in (0, 1]. */
  score: number;
}

/** What {@link matchRegions} and {@link matchSegments} return. */
export interface Matching<T> {
  /** The matched pairs, in reference order. */
  pairs: Array<MatchedPair<T>>;
  /** Reference items nothing matched (misses), in reference order. */
  missed: T[];
  /** Items that matched no reference item (extras), in their order. */
  extra: T[];
}

/** Options of {@link matchRegions}. */
export interface RegionMatchOptions {
  /** The least IoU a pair needs to match, in [0, 1] (default 0.5). Regions that do not overlap never match. */
  iou?: number;
}

/** Options of {@link matchSegments}. */
export interface SegmentMatchOptions {
  /** The least time IoU a pair needs to match, in [0, 1] (default 0.5). Segments that do not overlap never match. */
  iou?: number;
  /** Match only segments of the same speaker (default `false`: time alone, so speaker mix-ups can be counted). */
  sameSpeaker?: boolean;
}

/**
 * Matches `regions` one-to-one against `reference` regions of the same label, greedily by best
 * IoU (see the module note for ties). Boxes and polygons are compared by their exact shapes
 * ({@link iou}; a box and a polygon mix freely), keypoints regions by the bounding boxes of their
 * points; a region with no area to compare (keypoints on one line, a type without a shape)
 * never matches.
 */
export function matchRegions(
  reference: readonly Region[],
  regions: readonly Region[],
  options: RegionMatchOptions = {},
): Matching<Region> {
  const least = threshold(options.iou);
  const shapes = new Map<Region, IoUShape | undefined>();
  const shape = (r: Region): IoUShape | undefined => {
    if (!shapes.has(r)) shapes.set(r, areaOf(r));
    return shapes.get(r);
  };
  return matchGreedy(reference, regions, least, (gold, mine) => {
    if (gold.label !== mine.label) return 0;
    const a = shape(gold);
    const b = shape(mine);
    return a && b ? iou(a, b) : 0;
  });
}

/**
 * Matches `segments` one-to-one against `reference` segments, greedily by best time IoU
 * (intersection over union of the two `[start, end]` intervals; see the module note for ties).
 * Speakers are ignored unless `sameSpeaker` asks for them to be equal.
 */
export function matchSegments<S extends Pick<Segment, 'start' | 'end' | 'speaker'>>(
  reference: readonly S[],
  segments: readonly S[],
  options: SegmentMatchOptions = {},
): Matching<S> {
  const least = threshold(options.iou);
  return matchGreedy(reference, segments, least, (gold, mine) => {
    if (options.sameSpeaker && gold.speaker !== mine.speaker) return 0;
    const inter = Math.min(gold.end, mine.end) - Math.max(gold.start, mine.start);
    if (!(inter > 0)) return 0;
    return inter / (Math.max(gold.end, mine.end) - Math.min(gold.start, mine.start));
  });
}

function threshold(value: number | undefined): number {
  if (value === undefined) return 0.5;
  if (!(value >= 0 && value <= 1)) throw new RangeError(`match: iou must be in [0, 1], not ${String(value)}`);
  return value;
}

/** What a region is compared by: its own shape, or the bounding box of its keypoints. */
function areaOf(region: Region): IoUShape | undefined {
  if (region.type === 'bbox' || region.type === 'polygon') return region;
  if (region.type === 'keypoints') return polygonBBox(region.keypoints.map((k) => [k.x, k.y] as const));
  return undefined;
}

function matchGreedy<T>(
  reference: readonly T[],
  items: readonly T[],
  least: number,
  score: (reference: T, item: T) => number,
): Matching<T> {
  const candidates: Array<{ r: number; i: number; score: number }> = [];
  for (let r = 0; r < reference.length; r++) {
    for (let i = 0; i < items.length; i++) {
      const s = score(reference[r] as T, items[i] as T);
      // NaN (from non-finite numbers) fails both tests: such pairs never match.
      if (s > 0 && s >= least) candidates.push({ r, i, score: s });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.r - b.r || a.i - b.i);
  const itemOf = new Map<number, { i: number; score: number }>();
  const taken = new Set<number>();
  for (const c of candidates) {
    if (itemOf.has(c.r) || taken.has(c.i)) continue;
    itemOf.set(c.r, { i: c.i, score: c.score });
    taken.add(c.i);
  }
  const out: Matching<T> = { pairs: [], missed: [], extra: [] };
  reference.forEach((ref, r) => {
    const match = itemOf.get(r);
    if (match)
      out.pairs.push({
        reference: ref,
        referenceIndex: r,
        item: items[match.i] as T,
        index: match.i,
        score: match.score,
      });
    else out.missed.push(ref);
  });
  items.forEach((item, i) => {
    if (!taken.has(i)) out.extra.push(item);
  });
  return out;
}
