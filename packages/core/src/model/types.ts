/** TypeScript types derived from the schemas in `schema.ts`: never written by hand. */
import type { Static } from '@sinclair/typebox';
import type * as S from './schema.js';

export type Kind = (typeof S.KINDS)[number];
export type QuestionType = (typeof S.QUESTION_TYPES)[number];
export type RegionType = (typeof S.REGION_TYPES)[number];
export type PairwiseChoice = (typeof S.PAIRWISE_CHOICES)[number];

export type Label = Static<typeof S.LabelDef>;
export type Scale = Static<typeof S.Scale>;
export type Condition = Static<typeof S.Condition>;
export type ChoiceOption = Static<typeof S.ChoiceOption>;
export type RatingQuestion = Static<typeof S.RatingQuestion>;
export type ChoiceQuestion = Static<typeof S.ChoiceQuestion>;
export type TextQuestion = Static<typeof S.TextQuestion>;
export type PairwiseQuestion = Static<typeof S.PairwiseQuestion>;
export type RankingQuestion = Static<typeof S.RankingQuestion>;
export type RelevanceQuestion = Static<typeof S.RelevanceQuestion>;
export type SpansQuestion = Static<typeof S.SpansQuestion>;
export type Question = Static<typeof S.Question>;

export type Span = Static<typeof S.Span>;
export type PairwiseAnswer = Static<typeof S.PairwiseAnswer>;
export type Answer = Static<typeof S.Answer>;
export type Answers = Static<typeof S.Answers>;

export type AttributeDef = Static<typeof S.AttributeDef>;
export type BBox = Static<typeof S.BBox>;
export type Point = [number, number];
export type Keypoint = Static<typeof S.Keypoint>;
export type BBoxRegion = Static<typeof S.BBoxRegion>;
export type PolygonRegion = Omit<Static<typeof S.PolygonRegion>, 'points'> & { points: Point[] };
export type KeypointsRegion = Static<typeof S.KeypointsRegion>;
export type Region = BBoxRegion | PolygonRegion | KeypointsRegion;
export type Segment = Static<typeof S.Segment>;
export type Response = Static<typeof S.Response>;
export type Turn = Static<typeof S.Turn>;
export type SearchResult = Static<typeof S.SearchResult>;

export type ImageTask = Omit<Static<typeof S.ImageTask>, 'prefill'> & { prefill?: Region[] };
export type AudioTask = Static<typeof S.AudioTask>;
export type TextTask = Static<typeof S.TextTask>;
export type Task = ImageTask | AudioTask | TextTask;
export type TaskOf<K extends Kind> = Extract<Task, { kind: K }>;

export type ImageResult = Omit<Static<typeof S.ImageResult>, 'regions'> & { regions: Region[] };
export type AudioResult = Static<typeof S.AudioResult>;
export type TextResult = Static<typeof S.TextResult>;
export interface ResultByKind {
  image: ImageResult;
  audio: AudioResult;
  text: TextResult;
}

export type Meta = Static<typeof S.Meta>;
export type Review = Static<typeof S.Review>;

/** The annotation envelope a widget emits, keyed by task kind. */
export interface AnnotationOf<K extends Kind> {
  schemaVersion: 1;
  kind: K;
  taskId: string;
  result: ResultByKind[K];
  meta: Meta;
  review?: Review;
}
export type ImageAnnotation = AnnotationOf<'image'>;
export type AudioAnnotation = AnnotationOf<'audio'>;
export type TextAnnotation = AnnotationOf<'text'>;
export type Annotation = ImageAnnotation | AudioAnnotation | TextAnnotation;

/** A validation problem, addressed by a JSON Pointer into the task or the annotation. */
export interface ValidationError {
  /** JSON Pointer (RFC 6901) to the offending value, "" for the document itself. */
  path: string;
  /** Stable machine-readable code, e.g. "required", "out-of-bounds". */
  code: string;
  /** Human-readable, translated message. */
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

export interface ValidationResult {
  valid: boolean;
  errors: ValidationError[];
}
