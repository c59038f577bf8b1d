import type { Annotation, BBox } from '../model/types.js';
import { polygonBBox } from '../metrics/iou.js';

/** Display names keyed by id (label or speaker): a plain object or a Map. Ids not in it stay ids. */
export type NameMap = Readonly<Record<string, string>> | ReadonlyMap<string, string>;

/**
 * The name `map` gives `id`, or `id` itself.
 * @internal shared by the exporters.
 */
export function nameOf(map: NameMap | undefined, id: string): string {
  if (!map) return id;
  if (map instanceof Map) return (map as ReadonlyMap<string, string>).get(id) ?? id;
  const record = map as Readonly<Record<string, unknown>>;
  const name = Object.hasOwn(record, id) ? record[id] : undefined;
  return typeof name === 'string' ? name : id;
}

/** Options of {@link toPascalVOC}. */
export interface PascalVOCOptions {
  /** `<filename>` (default: the envelope's `taskId`). */
  filename?: string;
  /** `<folder>` (default: empty). */
  folder?: string;
  /** `<name>` of each object by label id (e.g. from the task's labels); the label id otherwise. */
  labelNames?: NameMap;
  /** `<depth>`: colour channels (default 3). */
  depth?: number;
  /** Polygons become their bounding box (`"bbox"`, default) or are left out (`"skip"`). */
  polygons?: 'bbox' | 'skip';
}

/**
 * One image envelope as Pascal VOC XML. Boxes (and, by default, polygons' bounding boxes) become
 * `<object>`s; keypoints regions are left out (VOC has no keypoints). Coordinates follow the VOC
 * devkit: 1-based integer pixel indexes, `xmax`/`ymax` inclusive. A region covering the
 * continuous pixel range [x, x + width) is rounded outward to the pixels it touches:
 * `xmin = floor(x) + 1`, `xmax = ceil(x + width)` (a 10 px box at x = 0 gives 1…10), clamped to
 * the image (1…width); a box thinner than a pixel still spans one. `<truncated>` and
 * `<difficult>` are 1 when the region's attribute of that name is `true`. Every string is
 * XML-escaped and characters XML 1.0 forbids become U+FFFD.
 */
export function toPascalVOC(annotation: Annotation, options: PascalVOCOptions = {}): string {
  if (!annotation || annotation.kind !== 'image') {
    throw new TypeError(
      `toPascalVOC: expected an image annotation envelope, got kind ${JSON.stringify(annotation?.kind)}`,
    );
  }
  const { width, height } = annotation.result.image;
  const depth = Number.isInteger(options.depth) && (options.depth as number) > 0 ? (options.depth as number) : 3;
  let xml = '<annotation>\n';
  xml += `\t<folder>${xmlText(options.folder ?? '')}</folder>\n`;
  xml += `\t<filename>${xmlText(options.filename ?? annotation.taskId)}</filename>\n`;
  xml += `\t<size>\n\t\t<width>${int(width)}</width>\n\t\t<height>${int(height)}</height>\n\t\t<depth>${depth}</depth>\n\t</size>\n`;
  xml += '\t<segmented>0</segmented>\n';
  for (const region of annotation.result.regions) {
    let box: BBox;
    if (region.type === 'bbox') box = region.bbox;
    else if (region.type === 'polygon' && options.polygons !== 'skip') box = polygonBBox(region.points);
    else continue;
    const pixels = vocBox(box, width, height);
    if (!pixels) continue;
    const flag = (name: string): number => (region.attributes?.[name] === true ? 1 : 0);
    xml += '\t<object>\n';
    xml += `\t\t<name>${xmlText(nameOf(options.labelNames, region.label))}</name>\n`;
    xml += '\t\t<pose>Unspecified</pose>\n';
    xml += `\t\t<truncated>${flag('truncated')}</truncated>\n`;
    xml += `\t\t<difficult>${flag('difficult')}</difficult>\n`;
    xml += '\t\t<bndbox>\n';
    xml += `\t\t\t<xmin>${pixels.xmin}</xmin>\n\t\t\t<ymin>${pixels.ymin}</ymin>\n`;
    xml += `\t\t\t<xmax>${pixels.xmax}</xmax>\n\t\t\t<ymax>${pixels.ymax}</ymax>\n`;
    xml += '\t\t</bndbox>\n';
    xml += '\t</object>\n';
  }
  return `${xml}</annotation>\n`;
}

/** A box in VOC's 1-based inclusive pixel indexes, or null when not finite. */
function vocBox(
  box: BBox,
  width: number,
  height: number,
): { xmin: number; ymin: number; xmax: number; ymax: number } | null {
  const { x, y } = box;
  if (![x, y, box.width, box.height].every(Number.isFinite)) return null;
  const axis = (start: number, size: number, limit: number): [number, number] => {
    const lo = clamp(Math.floor(start) + 1, 1, limit);
    const hi = clamp(Math.ceil(start + size), 1, limit);
    return [lo, Math.max(lo, hi)];
  };
  const [xmin, xmax] = axis(x, box.width, int(width));
  const [ymin, ymax] = axis(y, box.height, int(height));
  return { xmin, ymin, xmax, ymax };
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const int = (v: number): number => (Number.isFinite(v) ? Math.max(1, Math.round(v)) : 1);

// Characters XML 1.0 does not allow anywhere, lone surrogates included.
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `s` as XML character data or attribute value: markup characters escaped, forbidden characters
 * replaced by U+FFFD.
 * @internal
 */
export function xmlText(s: string): string {
  return String(s)
    .replace(XML_INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
