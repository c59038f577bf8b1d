import type { Annotation, ImageAnnotation, ImageTask, Label, Region, Task } from '../model/types.js';
import { polygonAreaOf, polygonBBox } from '../metrics/iou.js';

/** COCO `info`. */
export interface COCOInfo {
  description: string;
  version: string;
  year?: number;
  contributor?: string;
  url?: string;
  date_created?: string;
}

/** A COCO image record. */
export interface COCOImage {
  id: number;
  file_name: string;
  width: number;
  height: number;
}

/** A COCO category; keypoint categories name their keypoints and 1-based skeleton edges. */
export interface COCOCategory {
  id: number;
  name: string;
  supercategory: string;
  keypoints?: string[];
  skeleton?: Array<[number, number]>;
}

/** A COCO object annotation, coordinates in pixels. */
export interface COCOAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  /** `[x, y, width, height]`, top-left corner. */
  bbox: [number, number, number, number];
  area: number;
  iscrowd: 0;
  /** Polygons as flat `[x1, y1, x2, y2, …]` rings; empty for boxes and keypoints. */
  segmentation: number[][];
  /** `[x, y, v, …]` in the category's keypoint order; v: 2 visible, 1 occluded, 0 not placed. */
  keypoints?: number[];
  num_keypoints?: number;
  /** The region's attributes, as CVAT's COCO export carries them. */
  attributes?: Record<string, string | number | boolean>;
}

/** A COCO dataset object, ready for `JSON.stringify` and pycocotools. */
export interface COCODataset {
  info: COCOInfo;
  licenses: Array<{ id: number; name: string; url?: string }>;
  images: COCOImage[];
  annotations: COCOAnnotation[];
  categories: COCOCategory[];
}

/** A keypoint schema: names in order, skeleton edges as 0-based index pairs (as in image tasks). */
export interface KeypointSchema {
  names: readonly string[];
  edges?: ReadonlyArray<readonly number[]>;
}

/** Tasks given to an exporter: one, a list, or a Map by task id. */
export type TaskSource = Task | readonly Task[] | ReadonlyMap<string, Task>;

/** Options of {@link toCOCO}. */
export interface COCOOptions {
  /**
   * The image tasks the envelopes answer. Their labels become the categories (ids 1…n in label
   * order, across tasks in order, merged by label id), and their `keypoints` give keypoint order
   * and skeleton.
   */
  tasks?: TaskSource;
  /** The categories, in id order 1…n (label ids or Label objects); takes precedence over the tasks' labels. */
  categories?: ReadonlyArray<string | Label>;
  /** Keypoint names and edges for categories and regions whose task does not give them. */
  keypoints?: KeypointSchema;
  /** `file_name` of an envelope's image (default: last path segment of the task's image URL, else the task id). */
  fileName?: (annotation: ImageAnnotation) => string;
  /** `id` of an envelope's image (default: its position in the input, from 1). */
  imageIds?: (annotation: ImageAnnotation, index: number) => number;
  /** Merged over the default `info`. */
  info?: Partial<COCOInfo>;
}

interface CategoryEntry {
  category: COCOCategory;
  schema?: KeypointSchema;
}

/**
 * Image envelopes as one COCO object-detection / keypoint dataset. Boxes keep their fractional
 * pixels; polygons become `segmentation` rings with their bounding box and shoelace area;
 * keypoints regions become `keypoints` triples in the task's name order (a name the region lacks
 * is `0, 0, 0`) with the box of their placed points. Envelopes of other kinds are skipped.
 *
 * Category ids are stable when `categories` or `tasks` are given: 1…n in that order; a region
 * whose label is not among them throws. Without either, categories are the labels in order of
 * first appearance. A keypoints region needs its names from its task or `options.keypoints`,
 * and throws otherwise or when it has a keypoint not in them. Pure: the output depends on the
 * input only (no timestamps).
 */
export function toCOCO(annotations: Iterable<Annotation>, options: COCOOptions = {}): COCODataset {
  const findTask = taskLookup(options.tasks);
  const declared = declaredCategories(options);
  const categories = new Map<string, CategoryEntry>(declared ?? []);
  const images: COCOImage[] = [];
  const out: COCOAnnotation[] = [];
  let index = 0;
  for (const annotation of annotations) {
    if (!annotation || annotation.kind !== 'image') continue;
    const task = findTask(annotation.taskId);
    const imageId = options.imageIds ? options.imageIds(annotation, index) : index + 1;
    index++;
    const { width, height } = annotation.result.image;
    images.push({ id: imageId, file_name: fileNameOf(annotation, task, options), width, height });
    for (const region of annotation.result.regions) {
      let entry = categories.get(region.label);
      if (!entry) {
        if (declared) {
          throw new Error(
            `toCOCO: region ${JSON.stringify(region.id)} of task ${JSON.stringify(annotation.taskId)} has label ${JSON.stringify(region.label)}, which is not among the categories`,
          );
        }
        entry = { category: { id: categories.size + 1, name: region.label, supercategory: '' } };
        categories.set(region.label, entry);
      }
      const schema = task?.keypoints ?? entry.schema ?? options.keypoints;
      out.push({
        id: out.length + 1,
        image_id: imageId,
        category_id: entry.category.id,
        ...regionRecord(region, schema, annotation.taskId),
      });
      if (region.type === 'keypoints' && schema && !entry.category.keypoints) {
        // A category without a declared schema takes the one of its first keypoints region.
        Object.assign(entry.category, keypointFields(schema));
        entry.schema = schema;
      }
    }
  }
  return {
    info: { description: 'Exported by Tagwerk', version: '1.0', ...options.info },
    licenses: [],
    images,
    annotations: out,
    categories: [...categories.values()].map((e) => e.category),
  };
}

function declaredCategories(options: COCOOptions): Array<[string, CategoryEntry]> | null {
  // Keypoint schemas by label id, from tasks that use the keypoints tool (the first task wins).
  const taskSchemas = new Map<string, KeypointSchema>();
  const taskLabels: Label[] = [];
  for (const task of options.tasks ? taskList(options.tasks) : []) {
    const schema = task.keypoints && task.tools.includes('keypoints') ? task.keypoints : undefined;
    for (const label of task.labels) {
      taskLabels.push(label);
      if (schema && !taskSchemas.has(label.id)) taskSchemas.set(label.id, schema);
    }
  }
  const source: Label[] | null = options.categories
    ? options.categories.map((c) => (typeof c === 'string' ? { id: c, name: c } : c))
    : options.tasks
      ? taskLabels
      : null;
  if (!source) return null;
  const entries: Array<[string, CategoryEntry]> = [];
  const seen = new Set<string>();
  for (const label of source) {
    if (seen.has(label.id)) continue;
    seen.add(label.id);
    // Without tasks, options.keypoints describes every category (a pose dataset).
    const schema = taskSchemas.get(label.id) ?? (options.tasks ? undefined : options.keypoints);
    const category: COCOCategory = {
      id: entries.length + 1,
      name: label.name || label.id,
      supercategory: '',
      ...(schema ? keypointFields(schema) : {}),
    };
    entries.push([label.id, schema ? { category, schema } : { category }]);
  }
  return entries;
}

function keypointFields(schema: KeypointSchema): Pick<COCOCategory, 'keypoints' | 'skeleton'> {
  return {
    keypoints: [...schema.names],
    skeleton: (schema.edges ?? []).map((e): [number, number] => [(e[0] ?? 0) + 1, (e[1] ?? 0) + 1]),
  };
}

type RegionRecord = Omit<COCOAnnotation, 'id' | 'image_id' | 'category_id'>;

function regionRecord(region: Region, schema: KeypointSchema | undefined, taskId: string): RegionRecord {
  const attributes =
    region.attributes && Object.keys(region.attributes).length ? { attributes: { ...region.attributes } } : {};
  if (region.type === 'bbox') {
    const { x, y, width, height } = region.bbox;
    return { bbox: [x, y, width, height], area: width * height, iscrowd: 0, segmentation: [], ...attributes };
  }
  if (region.type === 'polygon') {
    const box = polygonBBox(region.points);
    return {
      bbox: [box.x, box.y, box.width, box.height],
      area: polygonAreaOf(region.points),
      iscrowd: 0,
      segmentation: [region.points.flatMap(([x, y]) => [x, y])],
      ...attributes,
    };
  }
  if (!schema) {
    throw new Error(
      `toCOCO: keypoints region ${JSON.stringify(region.id)} of task ${JSON.stringify(taskId)} needs keypoint names: pass options.tasks or options.keypoints`,
    );
  }
  const byName = new Map(region.keypoints.map((k) => [k.name, k]));
  for (const k of region.keypoints) {
    if (!schema.names.includes(k.name)) {
      throw new Error(
        `toCOCO: keypoints region ${JSON.stringify(region.id)} of task ${JSON.stringify(taskId)} has keypoint ${JSON.stringify(k.name)}, which is not among the keypoint names`,
      );
    }
  }
  const keypoints: number[] = [];
  const placed: Array<[number, number]> = [];
  for (const name of schema.names) {
    const k = byName.get(name);
    if (!k) keypoints.push(0, 0, 0);
    else {
      keypoints.push(k.x, k.y, k.visible === false ? 1 : 2);
      placed.push([k.x, k.y]);
    }
  }
  const box = polygonBBox(placed);
  return {
    bbox: [box.x, box.y, box.width, box.height],
    area: box.width * box.height,
    iscrowd: 0,
    segmentation: [],
    keypoints,
    num_keypoints: placed.length,
    ...attributes,
  };
}

function fileNameOf(annotation: ImageAnnotation, task: ImageTask | undefined, options: COCOOptions): string {
  if (options.fileName) return options.fileName(annotation);
  const url = task?.image.url;
  if (url && !/^(?:data|blob):/i.test(url)) {
    const path = url.split(/[?#]/, 1)[0] ?? '';
    const last = path.slice(path.lastIndexOf('/') + 1);
    if (last) {
      try {
        return decodeURIComponent(last);
      } catch {
        return last;
      }
    }
  }
  return annotation.taskId;
}

function taskList(tasks: TaskSource): ImageTask[] {
  const list: readonly Task[] =
    tasks instanceof Map
      ? [...(tasks as ReadonlyMap<string, Task>).values()]
      : Array.isArray(tasks)
        ? tasks
        : [tasks as Task];
  return list.filter((t): t is ImageTask => t?.kind === 'image');
}

function taskLookup(tasks: TaskSource | undefined): (id: string) => ImageTask | undefined {
  if (!tasks) return () => undefined;
  const byId = new Map<string, ImageTask>();
  for (const task of taskList(tasks)) if (!byId.has(task.id)) byId.set(task.id, task);
  return (id) => byId.get(id);
}
