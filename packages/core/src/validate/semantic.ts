/**
 * Checks the schema cannot express: unique ids, references between parts of a task, scale and
 * range sanity, URL safety, and for annotations everything measured against their task
 * (labels, tools, geometry inside the image, segment timing, answers). Both entry points expect
 * a schema-valid document: they run after `checkSchema` found nothing.
 */
import { LIMITS } from '../model/schema.js';
import type {
  Annotation,
  AudioTask,
  ImageTask,
  Point,
  Question,
  Region,
  Scale,
  Segment,
  Task,
  TextTask,
} from '../model/types.js';
import { checkAnswers } from './answers.js';
import { findSelfIntersection, hasZeroArea, ringIndexes, type Pt } from './geometry.js';
import { FORBIDDEN_KEYS } from './guard.js';
import { type IssueSink, num, quote, quoteList } from './issues.js';
import { appendPointer } from './pointer.js';
import { fieldText, taskInfo, type TaskInfo } from './task-info.js';
import { urlProblem, type UrlUse } from './url.js';

/** Pixels a box or point may stick out of the image (rounding of drawn coordinates). */
export const BOUNDS_TOLERANCE = 0.5;
/** Seconds a segment may end after the media (decoders disagree about the last frame). */
export const DURATION_TOLERANCE = 0.001;

// ---------------------------------------------------------------------------------------------
// Tasks
// ---------------------------------------------------------------------------------------------

/** Reports ids used twice in `items` (paths `${base}/<i>/id`, or `${base}/<i>` for plain ids). */
function unique(
  items: readonly unknown[] | undefined,
  base: string,
  sink: IssueSink,
  idOf: (item: unknown) => string = (i) => (i as { id: string }).id,
  suffix = '/id',
): void {
  if (!items || items.length < 2) return;
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const id = idOf(item);
    const seen = first.get(id);
    if (seen === undefined) first.set(id, i);
    else sink.add(`${base}/${i}${suffix}`, 'duplicate-id', { id: quote(id), first: `${base}/${seen}${suffix}` });
  });
}

/** Ids that become object keys in annotations (answers, attributes, relevance grades). */
function keyIds(items: readonly { id: string }[] | undefined, base: string, sink: IssueSink): void {
  items?.forEach((item, i) => {
    if (FORBIDDEN_KEYS.has(item.id)) sink.add(`${base}/${i}/id`, 'forbidden-key', { key: item.id });
  });
}

function url(value: string | undefined, path: string, use: UrlUse, sink: IssueSink): void {
  if (value === undefined) return;
  const problem = urlProblem(value, use);
  if (problem) sink.add(path, 'unsafe-url', { scheme: quote(problem.scheme), reason: problem.reason });
}

function range(
  minValue: number | undefined,
  maxValue: number | undefined,
  path: string,
  minName: string,
  maxName: string,
  sink: IssueSink,
): void {
  if (minValue !== undefined && maxValue !== undefined && minValue > maxValue) {
    sink.add(path, 'range', { minName, minValue: num(minValue), maxName, maxValue: num(maxValue) });
  }
}

function scale(s: Scale, path: string, sink: IssueSink): void {
  if (s.min >= s.max) {
    sink.add(`${path}/min`, 'scale-range', { reason: 'order', min: num(s.min), max: num(s.max), value: '', limit: '' });
    return;
  }
  const steps = s.max - s.min + 1;
  if (steps > LIMITS.scaleSteps)
    sink.add(path, 'scale-range', {
      reason: 'steps',
      min: num(s.min),
      max: num(s.max),
      value: num(steps),
      limit: num(LIMITS.scaleSteps),
    });
  for (const key of Object.keys(s.labels ?? {})) {
    const value = Number(key);
    if (value < s.min || value > s.max)
      sink.add(appendPointer(`${path}/labels`, key), 'scale-range', {
        reason: 'key',
        min: num(s.min),
        max: num(s.max),
        value: num(value),
        limit: '',
      });
  }
}

const unknown = (sink: IssueSink, path: string, what: string, id: string, known: readonly string[]): void =>
  sink.add(path, 'unknown-reference', { what, id: quote(id), count: known.length, known: quoteList(known) });

function questions(list: readonly Question[] | undefined, task: Task, sink: IssueSink): void {
  if (!list) return;
  unique(list, '/questions', sink);
  keyIds(list, '/questions', sink);
  const responses = task.kind === 'text' ? (task.record.responses ?? []).map((r) => r.id) : [];
  const results = task.kind === 'text' ? (task.record.results ?? []).map((r) => r.id) : [];
  const ids = list.map((q) => q.id);
  list.forEach((q, i) => {
    const base = `/questions/${i}`;
    switch (q.type) {
      case 'rating':
        scale(q.scale, `${base}/scale`, sink);
        if (q.target !== undefined && !responses.includes(q.target))
          unknown(sink, `${base}/target`, 'response', q.target, responses);
        break;
      case 'relevance':
        scale(q.scale, `${base}/scale`, sink);
        if (results.length === 0) sink.add(base, 'missing', { what: 'results', limit: 1 });
        break;
      case 'choice':
        unique(q.options, `${base}/options`, sink);
        if (q.multiple) {
          range(q.minSelected, q.maxSelected, `${base}/minSelected`, 'minSelected', 'maxSelected', sink);
          range(q.minSelected, q.options.length, `${base}/minSelected`, 'minSelected', 'options', sink);
        }
        break;
      case 'text':
        range(q.minLength, q.maxLength, `${base}/minLength`, 'minLength', 'maxLength', sink);
        if (q.requiredWhen) {
          const target = q.requiredWhen.question;
          const at = `${base}/requiredWhen/question`;
          if (target === q.id)
            sink.add(at, 'unknown-reference', { what: 'self', id: quote(target), count: 0, known: '' });
          else if (!ids.includes(target)) unknown(sink, at, 'question', target, ids);
        }
        break;
      case 'pairwise':
        q.pair.forEach((id, k) => {
          if (!responses.includes(id)) unknown(sink, `${base}/pair/${k}`, 'response', id, responses);
        });
        if (q.pair[0] === q.pair[1])
          sink.add(`${base}/pair/1`, 'duplicate-id', { id: quote(q.pair[1]), first: `${base}/pair/0` });
        break;
      case 'ranking': {
        const count = q.items === 'responses' ? responses.length : results.length;
        if (count < 2) sink.add(`${base}/items`, 'missing', { what: q.items, limit: 2 });
        break;
      }
      case 'spans': {
        unique(q.labels, `${base}/labels`, sink);
        if (fieldText(task, q.field) !== undefined) break;
        if (task.kind === 'text' && (q.field === 'text' || q.field === 'prompt')) {
          sink.add(`${base}/field`, 'missing', { what: q.field, limit: 1 });
        } else {
          unknown(
            sink,
            `${base}/field`,
            'field',
            q.field,
            task.kind === 'text' ? ['text', 'prompt', ...responses] : [],
          );
        }
        break;
      }
    }
  });
}

function imageTask(task: ImageTask, sink: IssueSink): void {
  url(task.image.url, '/image/url', 'image', sink);
  unique(task.labels, '/labels', sink);
  if (task.tools.length > 0 && task.labels.length === 0) sink.add('/labels', 'missing', { what: 'labels', limit: 1 });
  if (task.tools.includes('keypoints') && !task.keypoints)
    sink.add('/keypoints', 'missing', { what: 'keypointNames', limit: 1 });
  if (task.keypoints) {
    const names = task.keypoints.names;
    unique(names, '/keypoints/names', sink, (n) => n as string, '');
    task.keypoints.edges?.forEach((edge, i) =>
      edge.forEach((index, k) => {
        if (index >= names.length)
          sink.add(`/keypoints/edges/${i}/${k}`, 'unknown-reference', {
            what: 'index',
            id: num(index),
            count: names.length,
            known: `0–${names.length - 1}`,
          });
      }),
    );
  }
  const labels = task.labels.map((l) => l.id);
  unique(task.attributes, '/attributes', sink);
  keyIds(task.attributes, '/attributes', sink);
  task.attributes?.forEach((attribute, i) => {
    const base = `/attributes/${i}`;
    attribute.labels?.forEach((label, k) => {
      if (!labels.includes(label)) unknown(sink, `${base}/labels/${k}`, 'label', label, labels);
    });
    if (attribute.type === 'choice' && !attribute.options)
      sink.add(`${base}/options`, 'missing', { what: 'options', limit: 1 });
    unique(attribute.options, `${base}/options`, sink);
  });
  const c = task.constraints;
  if (c) {
    range(c.minRegions, c.maxRegions, '/constraints/minRegions', 'minRegions', 'maxRegions', sink);
    for (const [label, bounds] of Object.entries(c.perLabel ?? {})) {
      const at = appendPointer('/constraints/perLabel', label);
      if (!labels.includes(label)) unknown(sink, at, 'label', label, labels);
      range(bounds.min, bounds.max, `${at}/min`, 'min', 'max', sink);
    }
  }
  if (task.prefill)
    regions(task.prefill, '/prefill', task, taskInfo(task), task.image.width, task.image.height, sink, null);
}

function audioTask(task: AudioTask, sink: IssueSink): void {
  url(task.audio.url, '/audio/url', 'audio', sink);
  url(task.audio.waveform, '/audio/waveform', 'resource', sink);
  unique(task.speakers, '/speakers', sink);
  unique(task.labels, '/labels', sink);
  const c = task.constraints;
  range(
    c?.minSegmentDuration,
    c?.maxSegmentDuration,
    '/constraints/minSegmentDuration',
    'minSegmentDuration',
    'maxSegmentDuration',
    sink,
  );
  if (task.prefill) segments(task.prefill, '/prefill', task, taskInfo(task), task.audio.duration, sink, false);
}

function textTask(task: TextTask, sink: IssueSink): void {
  const { responses, results } = task.record;
  unique(responses, '/record/responses', sink);
  unique(results, '/record/results', sink);
  keyIds(results, '/record/results', sink);
  results?.forEach((result, i) => url(result.url, `/record/results/${i}/url`, 'link', sink));
}

/** The checks beyond the schema for a schema-valid task. */
export function checkTaskSemantics(task: Task, sink: IssueSink): void {
  if (task.kind === 'image') imageTask(task, sink);
  else if (task.kind === 'audio') audioTask(task, sink);
  else textTask(task, sink);
  questions(task.questions, task, sink);
}

// ---------------------------------------------------------------------------------------------
// Regions and segments (annotation results and task prefill)
// ---------------------------------------------------------------------------------------------

const outside = (x: number, y: number, width: number, height: number): boolean =>
  x < -BOUNDS_TOLERANCE || y < -BOUNDS_TOLERANCE || x > width + BOUNDS_TOLERANCE || y > height + BOUNDS_TOLERANCE;

/**
 * Regions of an annotation (`draft` not null: constraints apply) or of a task's prefill (`draft`
 * null). `width`/`height` bound the geometry when known.
 */
function regions(
  list: readonly Region[],
  base: string,
  task: ImageTask,
  info: TaskInfo,
  width: number | undefined,
  height: number | undefined,
  sink: IssueSink,
  draft: boolean | null,
): void {
  unique(list, base, sink);
  const sized = width !== undefined && height !== undefined;
  const c = draft === null ? undefined : task.constraints;
  const perLabel = new Map<string, number>();
  for (let i = 0; i < list.length && !sink.full; i++) {
    const region = list[i] as Region;
    const at = `${base}/${i}`;
    perLabel.set(region.label, (perLabel.get(region.label) ?? 0) + 1);
    if (!info.labelIds.has(region.label))
      sink.add(`${at}/label`, 'unknown-label', {
        label: quote(region.label),
        count: info.labelIds.size,
        known: quoteList(info.labelIds),
      });
    if (!info.tools.has(region.type))
      sink.add(`${at}/type`, 'tool-not-allowed', {
        tool: quote(region.type),
        count: info.tools.size,
        allowed: quoteList(info.tools),
      });
    if (region.attributes) attributes(region, at, info, sink);
    if (region.type === 'bbox') {
      const { x, y, width: w, height: h } = region.bbox;
      if (w <= 0 || h <= 0) sink.add(`${at}/bbox`, 'degenerate', { what: 'box' });
      else if (sized && (outside(x, y, width, height) || outside(x + w, y + h, width, height))) {
        sink.add(`${at}/bbox`, 'out-of-bounds', {
          what: 'box',
          width: num(width),
          height: num(height),
          x: num(x),
          y: num(y),
          value: '',
          limit: '',
        });
      }
      if (c?.minBoxWidth !== undefined && w < c.minBoxWidth)
        sink.add(`${at}/bbox/width`, 'constraint', {
          rule: 'minBoxWidth',
          limit: num(c.minBoxWidth),
          value: num(w),
          count: 0,
          label: '',
        });
      if (c?.minBoxHeight !== undefined && h < c.minBoxHeight)
        sink.add(`${at}/bbox/height`, 'constraint', {
          rule: 'minBoxHeight',
          limit: num(c.minBoxHeight),
          value: num(h),
          count: 0,
          label: '',
        });
    } else if (region.type === 'polygon') {
      polygon(region.points, `${at}/points`, sized ? width : undefined, height, sink);
    } else {
      const names = new Set<string>();
      region.keypoints.forEach((point, k) => {
        const kat = `${at}/keypoints/${k}`;
        if (!info.keypointNames.has(point.name))
          sink.add(`${kat}/name`, 'unknown-keypoint', {
            reason: 'unknown',
            name: quote(point.name),
            known: quoteList(info.keypointNames),
          });
        else if (names.has(point.name))
          sink.add(`${kat}/name`, 'unknown-keypoint', { reason: 'duplicate', name: quote(point.name), known: '' });
        names.add(point.name);
        if (sized && outside(point.x, point.y, width, height)) {
          sink.add(kat, 'out-of-bounds', {
            what: 'point',
            width: num(width),
            height: num(height),
            x: num(point.x),
            y: num(point.y),
            value: '',
            limit: '',
          });
        }
      });
    }
  }
  if (!c || draft === null) return;
  const count = list.length;
  if (!draft && c.minRegions !== undefined && count < c.minRegions)
    sink.add(base, 'constraint', { rule: 'minRegions', limit: num(c.minRegions), count, value: '', label: '' });
  if (c.maxRegions !== undefined && count > c.maxRegions)
    sink.add(base, 'constraint', { rule: 'maxRegions', limit: num(c.maxRegions), count, value: '', label: '' });
  for (const [label, bounds] of Object.entries(c.perLabel ?? {})) {
    const n = perLabel.get(label) ?? 0;
    if (!draft && bounds.min !== undefined && n < bounds.min)
      sink.add(
        base,
        'constraint',
        { rule: 'labelMin', limit: num(bounds.min), count: n, label: quote(label), value: '' },
        `labelMin ${label}`,
      );
    // Reported at the first region over the limit, so that each label gets its own error.
    if (bounds.max !== undefined && n > bounds.max) {
      let seen = 0;
      const index = list.findIndex((r) => r.label === label && ++seen > (bounds.max as number));
      sink.add(`${base}/${index}/label`, 'constraint', {
        rule: 'labelMax',
        limit: num(bounds.max),
        count: n,
        label: quote(label),
        value: '',
      });
    }
  }
}

function polygon(
  points: readonly Point[],
  at: string,
  width: number | undefined,
  height: number | undefined,
  sink: IssueSink,
): void {
  if (width !== undefined && height !== undefined) {
    points.forEach(([x, y], k) => {
      if (outside(x, y, width, height))
        sink.add(`${at}/${k}`, 'out-of-bounds', {
          what: 'point',
          width: num(width),
          height: num(height),
          x: num(x),
          y: num(y),
          value: '',
          limit: '',
        });
    });
  }
  const keep = ringIndexes(points);
  const ring = keep.map((k) => points[k] as Pt);
  if (new Set(ring.map(([x, y]) => `${x},${y}`)).size < 3) {
    sink.add(at, 'degenerate', { what: 'points' });
    return;
  }
  if (hasZeroArea(ring)) {
    sink.add(at, 'degenerate', { what: 'area' });
    return;
  }
  const hit = findSelfIntersection(ring);
  if (hit) {
    const [a1, a2, b1, b2] = hit.map((k) => num(keep[k] as number));
    sink.add(at, 'self-intersection', { a1, a2, b1, b2 });
  }
}

function attributes(region: Region, at: string, info: TaskInfo, sink: IssueSink): void {
  for (const [id, value] of Object.entries(region.attributes ?? {})) {
    const path = appendPointer(`${at}/attributes`, id);
    const attribute = info.attributes.get(id);
    if (!attribute) {
      unknown(sink, path, 'attribute', id, [...info.attributes.keys()]);
      continue;
    }
    if (attribute.labels && !attribute.labels.has(region.label)) {
      sink.add(path, 'unknown-reference', {
        what: 'attributeLabel',
        id: quote(id),
        count: attribute.labels.size,
        known: quoteList(attribute.labels),
      });
      continue;
    }
    const type = attribute.def.type;
    if (type === 'boolean' && typeof value !== 'boolean') sink.add(path, 'type', { expected: 'boolean' });
    else if (type !== 'boolean' && typeof value !== 'string') sink.add(path, 'type', { expected: 'string' });
    else if (type === 'choice' && !attribute.options?.has(value as string)) {
      sink.add(path, 'unknown-option', { option: quote(value), known: quoteList(attribute.options ?? []) });
    }
  }
}

const msPrecise = (x: number): boolean => Math.round(x * 1000) / 1000 === x;

/**
 * Segments of an annotation (`isResult`) or of a task's prefill. Prefill must be well-formed and
 * not overlap (unless allowed) but may break the duration and count constraints: the worker's job.
 */
function segments(
  list: readonly Segment[],
  base: string,
  task: AudioTask,
  info: TaskInfo,
  duration: number | undefined,
  sink: IssueSink,
  isResult: boolean,
  draft = false,
): void {
  unique(list, base, sink);
  const c = task.constraints;
  const limits = isResult ? c : undefined;
  const labels = info.labelIds;
  for (let i = 0; i < list.length && !sink.full; i++) {
    const s = list[i] as Segment;
    const at = `${base}/${i}`;
    for (const key of ['start', 'end'] as const) {
      if (!msPrecise(s[key])) sink.add(`${at}/${key}`, 'precision', { value: num(s[key]) });
    }
    if (s.start >= s.end) sink.add(at, 'segment-order', { what: 'segment', start: num(s.start), end: num(s.end) });
    // The 1e-9 absorbs binary rounding: 754.2 - 754.199 is 0.0010000000000332.
    else if (duration !== undefined && s.end - duration > DURATION_TOLERANCE + 1e-9) {
      sink.add(`${at}/end`, 'out-of-bounds', { what: 'segment', value: num(s.end), limit: num(duration) });
    }
    if (s.speaker !== undefined && !info.speakers.has(s.speaker))
      unknown(sink, `${at}/speaker`, 'speaker', s.speaker, [...info.speakers]);
    if (s.label !== undefined && !labels.has(s.label))
      sink.add(`${at}/label`, 'unknown-label', { label: quote(s.label), count: labels.size, known: quoteList(labels) });
    const length = s.end - s.start;
    if (s.start < s.end && limits?.minSegmentDuration !== undefined && length < limits.minSegmentDuration - 1e-9) {
      sink.add(at, 'constraint', {
        rule: 'minSegmentDuration',
        limit: num(limits.minSegmentDuration),
        value: num(Math.round(length * 1000) / 1000),
        count: 0,
        label: '',
      });
    }
    if (limits?.maxSegmentDuration !== undefined && length > limits.maxSegmentDuration + 1e-9) {
      sink.add(at, 'constraint', {
        rule: 'maxSegmentDuration',
        limit: num(limits.maxSegmentDuration),
        value: num(Math.round(length * 1000) / 1000),
        count: 0,
        label: '',
      });
    }
  }
  if (!c?.allowOverlap) {
    const order = list.map((s, i) => i).filter((i) => (list[i] as Segment).start < (list[i] as Segment).end);
    order.sort((a, b) => (list[a] as Segment).start - (list[b] as Segment).start || a - b);
    let reach = -1;
    for (const i of order) {
      const s = list[i] as Segment;
      if (reach >= 0 && s.start < (list[reach] as Segment).end) {
        sink.add(`${base}/${i}`, 'overlap', {
          what: 'segment',
          reason: 'overlap',
          other: quote((list[reach] as Segment).id),
        });
      }
      if (reach < 0 || s.end > (list[reach] as Segment).end) reach = i;
    }
  }
  if (!draft && limits?.minSegments !== undefined && list.length < limits.minSegments) {
    sink.add(base, 'constraint', {
      rule: 'minSegments',
      limit: num(limits.minSegments),
      count: list.length,
      value: '',
      label: '',
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Annotations
// ---------------------------------------------------------------------------------------------

/** The checks of a schema-valid annotation against its (valid) task. */
export function checkAnnotationSemantics(
  annotation: Annotation,
  task: Task,
  info: TaskInfo,
  sink: IssueSink,
  draft: boolean,
): void {
  if (annotation.kind !== task.kind) {
    sink.add('/kind', 'task-mismatch', { field: 'kind', expected: quote(task.kind), actual: quote(annotation.kind) });
    return;
  }
  if (annotation.taskId !== task.id)
    sink.add('/taskId', 'task-mismatch', {
      field: 'taskId',
      expected: quote(task.id),
      actual: quote(annotation.taskId),
    });
  if (annotation.kind === 'image') {
    const t = task as ImageTask;
    const { width, height } = annotation.result.image;
    if (
      (t.image.width !== undefined && t.image.width !== width) ||
      (t.image.height !== undefined && t.image.height !== height)
    ) {
      sink.add('/result/image', 'task-mismatch', {
        field: 'imageSize',
        expected: `${t.image.width ?? '?'} × ${t.image.height ?? '?'}`,
        actual: `${width} × ${height}`,
      });
    }
    regions(annotation.result.regions, '/result/regions', t, info, width, height, sink, draft);
  } else if (annotation.kind === 'audio') {
    const t = task as AudioTask;
    segments(annotation.result.segments, '/result/segments', t, info, annotation.result.duration, sink, true, draft);
    const played = annotation.result.played;
    if (!draft && t.constraints?.mustPlayFully && (played === undefined || played < 0.999)) {
      sink.add('/result/played', 'constraint', {
        rule: 'mustPlay',
        limit: '1',
        value: played === undefined ? '' : num(played),
        count: 0,
        label: '',
      });
    }
  }
  checkAnswers(annotation.result.answers, '/result/answers', task, info, sink, draft);
}
