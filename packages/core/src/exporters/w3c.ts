import type { Annotation, Region, Span, SpansQuestion, Task, TextTask } from '../model/types.js';
import { CodePointIndex } from '../validate/codepoints.js';
import { nameOf, type NameMap } from './voc.js';

/** The JSON-LD context of every Web Annotation. */
export const W3C_ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const MEDIA_FRAGMENTS = 'http://www.w3.org/TR/media-frags/';

/** A label as a Web Annotation body. */
export interface W3CTextualBody {
  type: 'TextualBody';
  purpose: 'tagging';
  value: string;
}

/** The selectors {@link toW3C} writes. */
export type W3CSelector =
  | { type: 'FragmentSelector'; conformsTo: typeof MEDIA_FRAGMENTS; value: string }
  | { type: 'SvgSelector'; value: string }
  | { type: 'TextPositionSelector'; start: number; end: number }
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string };

/** One W3C Web Annotation (JSON-LD, compact form). */
export interface W3CAnnotation {
  '@context': typeof W3C_ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  /** The envelope's `meta.submittedAt`, when set. */
  created?: string;
  body: W3CTextualBody;
  target: { source: string; selector: W3CSelector | W3CSelector[] };
}

/** Options of {@link toW3C}. */
export interface W3COptions {
  /**
   * The task the envelope answers: gives the image URL (default `source`), label names (default
   * body values) and, for spans, the annotated text (TextQuoteSelector `prefix` and `suffix`).
   */
  task?: Task;
  /**
   * IRI of the annotated resource: one for all, or per span field (`"text"`, `"prompt"` or a
   * response id; `"image"` for image envelopes). Default: the task's image URL, else
   * `<idBase><taskId>/<field>`.
   */
  source?: string | ((field: string) => string);
  /** Prefix of annotation ids (default `"urn:tagwerk:"`); ids are `<idBase><taskId>/<regionId>` and `<idBase><taskId>/<questionId>/<n>`. */
  idBase?: string;
  /** Body value by label id; default the task's label names, else the label id. */
  labelNames?: NameMap;
  /**
   * Box FragmentSelector numbers: `"integer"` (default) rounds outward to whole pixels, as Media
   * Fragments 1.0 allows only non-negative integers; `"exact"` keeps fractional pixels (accepted
   * by Annotorious, not by the grammar).
   */
  fragment?: 'integer' | 'exact';
}

/** Context characters kept before and after a quoted span. */
const QUOTE_CONTEXT = 32;

/**
 * An image or text envelope as W3C Web Annotations: an array with one `Annotation` per region or
 * span (each carrying its own `@context`), not an `AnnotationCollection`, which needs an IRI of
 * its own and pages — wrap the array as `{ "@context", id, type: "AnnotationCollection", total,
 * first: { type: "AnnotationPage", items } }` to publish one. The body is the label as a tagging
 * `TextualBody`.
 *
 * Boxes target `xywh=pixel:x,y,w,h` (a FragmentSelector conforming to Media Fragments), polygons an
 * SvgSelector `<svg><polygon points="…"/></svg>` built from numbers only. Spans target a
 * TextPositionSelector — the Web Annotation Data Model counts Unicode code points, as Tagwerk
 * spans do, so offsets are copied unchanged — plus a TextQuoteSelector with the span's text.
 * Keypoints regions (no W3C selector fits) and non-span answers are left out; audio envelopes
 * throw.
 */
export function toW3C(annotation: Annotation, options: W3COptions = {}): W3CAnnotation[] {
  if (!annotation || (annotation.kind !== 'image' && annotation.kind !== 'text')) {
    throw new TypeError(
      `toW3C: expected an image or text annotation envelope, got kind ${JSON.stringify(annotation?.kind)}`,
    );
  }
  const idBase = options.idBase ?? 'urn:tagwerk:';
  const task = options.task?.id === annotation.taskId ? options.task : undefined;
  const base = `${idBase}${encodeURIComponent(annotation.taskId)}/`;
  const sourceOf = (field: string): string => {
    if (typeof options.source === 'string') return options.source;
    if (typeof options.source === 'function') return options.source(field);
    if (task?.kind === 'image' && field === 'image') return task.image.url;
    return `${base}${encodeURIComponent(field)}`;
  };
  const created = annotation.meta?.submittedAt ? { created: annotation.meta.submittedAt } : {};
  const make = (
    id: string,
    label: string,
    names: NameMap | undefined,
    target: W3CAnnotation['target'],
  ): W3CAnnotation => ({
    '@context': W3C_ANNO_CONTEXT,
    id,
    type: 'Annotation',
    ...created,
    body: { type: 'TextualBody', purpose: 'tagging', value: nameOf(options.labelNames ?? names, label) },
    target,
  });

  const out: W3CAnnotation[] = [];
  if (annotation.kind === 'image') {
    const names = task?.kind === 'image' ? new Map(task.labels.map((l) => [l.id, l.name])) : undefined;
    const source = sourceOf('image');
    for (const region of annotation.result.regions) {
      const selector = regionSelector(region, options.fragment ?? 'integer');
      if (selector)
        out.push(make(`${base}${encodeURIComponent(region.id)}`, region.label, names, { source, selector }));
    }
  }
  const questions = new Map((task?.questions ?? []).map((q) => [q.id, q]));
  for (const [questionId, answer] of Object.entries(annotation.result.answers ?? {})) {
    const question = questions.get(questionId);
    if (!Array.isArray(answer) || (question ? question.type !== 'spans' : !isSpanList(answer))) continue;
    const spansQuestion = question as SpansQuestion | undefined;
    const field = spansQuestion?.field ?? questionId;
    const index = task?.kind === 'text' ? fieldIndex(task, field) : undefined;
    const names = spansQuestion ? new Map(spansQuestion.labels.map((l) => [l.id, l.name])) : undefined;
    const source = sourceOf(field);
    (answer as Span[]).forEach((span, n) => {
      if (!isSpan(span)) return;
      const quote: W3CSelector = { type: 'TextQuoteSelector', exact: span.text };
      if (index) {
        const prefix = index.slice(Math.max(0, span.start - QUOTE_CONTEXT), span.start);
        const suffix = index.slice(span.end, Math.min(index.length, span.end + QUOTE_CONTEXT));
        if (prefix !== null) quote.prefix = prefix;
        if (suffix !== null) quote.suffix = suffix;
      }
      const position: W3CSelector = { type: 'TextPositionSelector', start: span.start, end: span.end };
      out.push(
        make(`${base}${encodeURIComponent(questionId)}/${n}`, span.label, names, {
          source,
          selector: [position, quote],
        }),
      );
    });
  }
  return out;
}

function regionSelector(region: Region, fragment: 'integer' | 'exact'): W3CSelector | null {
  if (region.type === 'bbox') {
    const { x, y, width, height } = region.bbox;
    if (![x, y, width, height].every(Number.isFinite)) return null;
    let xywh: number[];
    if (fragment === 'exact') xywh = [x, y, width, height];
    else {
      // Round outward to the pixels the box touches; the grammar has no negatives and no zero sizes.
      const x1 = Math.max(0, Math.floor(x));
      const y1 = Math.max(0, Math.floor(y));
      xywh = [x1, y1, Math.max(1, Math.ceil(x + width) - x1), Math.max(1, Math.ceil(y + height) - y1)];
    }
    return { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: `xywh=pixel:${xywh.join(',')}` };
  }
  if (region.type === 'polygon') {
    // Numbers only: nothing from the task or the envelope reaches the SVG markup as text.
    const coords = region.points.flatMap(([px, py]) => [Number(px), Number(py)]);
    if (coords.length < 6 || !coords.every(Number.isFinite)) return null;
    const points: string[] = [];
    for (let i = 0; i < coords.length; i += 2) points.push(`${coords[i]},${coords[i + 1]}`);
    return {
      type: 'SvgSelector',
      value: `<svg xmlns="http://www.w3.org/2000/svg"><polygon points="${points.join(' ')}"/></svg>`,
    };
  }
  return null;
}

/** Index over the text a spans question annotates, when the task holds it. */
function fieldIndex(task: TextTask, field: string): CodePointIndex | undefined {
  const { record } = task;
  const text =
    field === 'text'
      ? record.text
      : field === 'prompt'
        ? record.prompt
        : record.responses?.find((r) => r.id === field)?.text;
  return typeof text === 'string' ? new CodePointIndex(text) : undefined;
}

function isSpan(value: unknown): value is Span {
  if (!value || typeof value !== 'object') return false;
  const s = value as Partial<Span>;
  return (
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    (s.start as number) >= 0 &&
    (s.end as number) > (s.start as number) &&
    typeof s.label === 'string' &&
    typeof s.text === 'string'
  );
}

const isSpanList = (value: unknown): boolean => Array.isArray(value) && value.length > 0 && value.every(isSpan);
