/**
 * The single source of truth for Tagwerk's contract: every task and annotation shape is declared
 * here once. The TypeScript types (`types.ts`) are derived from these schemas, and
 * `scripts/gen-schema.mjs` writes them out as the published JSON Schema 2020-12 files
 * (`@tagwerk/core/schema/task.json`, `…/annotation.json`).
 *
 * Every schema that carries a `title` becomes a named `$defs` entry in the published files.
 * Keep the shapes JSON-Schema-2020-12-clean: no tuples (`items: [...]`), no TypeBox-only kinds.
 * Records carry `additionalProperties: false`: a bare `patternProperties` lets keys that do not
 * match the key pattern through unchecked, values and all.
 * Checks a schema cannot express (unique ids, references, geometry, offsets) live in
 * `validate/semantic.ts`.
 */
import { Type, type TSchema } from '@sinclair/typebox';

/** Limits that keep hostile or absurd input from exhausting memory. */
export const LIMITS = {
  idLength: 200,
  labelLength: 1_000,
  descriptionLength: 20_000,
  instructionsLength: 200_000,
  /** A 1 MB response must fit; five million code units leave headroom for several of them. */
  textLength: 5_000_000,
  urlLength: 8_192,
  questions: 200,
  options: 500,
  labels: 1_000,
  responses: 100,
  results: 500,
  turns: 2_000,
  regions: 100_000,
  polygonPoints: 10_000,
  segments: 100_000,
  spans: 100_000,
  scaleSteps: 101,
  /** Largest image side, in pixels; gigapixel scans are out of scope for a browser widget. */
  imageSide: 1_000_000,
  /** Longest media, in seconds (one week). */
  duration: 604_800,
  depth: 64,
  nodes: 5_000_000,
} as const;

const named = <T extends TSchema>(title: string, schema: T): T => Object.assign(schema, { title });

/**
 * `$` and then no newline: Python's `$` (python-jsonschema uses `re.search`) also matches before a
 * final newline, ECMAScript's only at the end; `(?!\\n)` makes both mean the end.
 */
const END = '$(?!\\n)';
/** What an id may not contain anywhere: the controls (C0, DEL, C1) and U+FEFF (a byte order mark). */
const ID_INNER = '\\u0000-\\u001f\\u007f-\\u009f\\ufeff';
/**
 * What an id may not start or end with either: every Unicode White_Space character (U+0009–U+000D,
 * U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000; what
 * Python's `\s` adds, U+001C–U+001F, and ECMAScript's, U+FEFF, are in ID_INNER) and the invisible
 * format characters of the BMP (General_Category Cf and Default_Ignorable: U+00AD, U+061C, U+180E,
 * U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+206F, U+FEFF; those outside the BMP are
 * allowed, tag characters end flag sequences).
 * BMP code points only, so that the classes mean the same with and without the `u` flag (Ajv uses
 * it; TypeBox, and so the core, does not) and in Python's `re`.
 */
const ID_EDGE = `${ID_INNER}\\u0020\\u00a0\\u00ad\\u061c\\u1680\\u180e\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u2064\\u2066-\\u206f\\u3000`;

export const Id = named(
  'Id',
  Type.String({
    minLength: 1,
    maxLength: LIMITS.idLength,
    // Ids end up in keys, file names, CSV cells, URLs and DOM ids: no controls, and nothing
    // invisible at either end (an id must not look like another). Spelled out as explicit
    // classes, never `\s`: ECMAScript's and Python's `\s` differ (U+FEFF; U+0085, U+001C–U+001F),
    // and validators in both must give the same answer.
    pattern: `^[^${ID_EDGE}](?:[^${ID_INNER}]*[^${ID_EDGE}])?${END}`,
    description:
      'An identifier chosen by the host: 1–200 characters. No control character (U+0000–U+001F, U+007F–U+009F) and no U+FEFF anywhere. It neither starts nor ends with white space (any Unicode White_Space character) or an invisible format character (U+00AD, U+061C, U+180E, U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+206F). Anything else is allowed, white space inside included.',
  }),
);
const Label = (max: number = LIMITS.labelLength) => Type.String({ maxLength: max });
const Url = Type.String({ minLength: 1, maxLength: LIMITS.urlLength, description: 'An absolute or relative URL.' });
const Color = Type.String({
  pattern: `^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})${END}`,
  description: 'A hex colour, #rgb or #rrggbb.',
});
export const Hotkey = named(
  'Hotkey',
  Type.String({
    pattern: `^(?:[A-Za-z0-9]|Key[A-Z]|Digit[0-9]|Numpad[0-9]|F(?:[1-9]|1[0-2]))${END}`,
    description: 'A single letter or digit, or a KeyboardEvent.code such as "KeyQ" or "F2".',
  }),
);
const Markdown = (max: number) => Type.String({ maxLength: max, description: 'Markdown; rendered sanitised.' });
const Count = Type.Integer({ minimum: 0, maximum: 1e9 });
const Coordinate = Type.Number({ minimum: -LIMITS.imageSide, maximum: LIMITS.imageSide });
const Seconds = Type.Number({ minimum: 0, maximum: LIMITS.duration });

// ---------------------------------------------------------------------------------------------
// Questions (shared by all three kinds)
// ---------------------------------------------------------------------------------------------

export const LabelDef = named(
  'Label',
  Type.Object(
    {
      id: Id,
      name: Label(),
      color: Type.Optional(Color),
      hotkey: Type.Optional(Hotkey),
      description: Type.Optional(Label(LIMITS.descriptionLength)),
    },
    { additionalProperties: false },
  ),
);

export const Scale = named(
  'Scale',
  Type.Object(
    {
      min: Type.Integer({ minimum: -1000, maximum: 1000 }),
      max: Type.Integer({ minimum: -1000, maximum: 1000 }),
      labels: Type.Optional(
        Type.Record(Type.String({ pattern: `^-?[0-9]{1,4}${END}` }), Label(), {
          additionalProperties: false,
          description: 'Anchor labels keyed by the scale value, e.g. { "1": "harmful", "5": "excellent" }.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
);

const questionBase = {
  id: Id,
  label: Label(),
  required: Type.Optional(Type.Boolean()),
  description: Type.Optional(Markdown(LIMITS.descriptionLength)),
};

/** A scalar an answer is compared with in `requiredWhen`. */
const ConditionValue = Type.Union([Type.String({ maxLength: LIMITS.labelLength }), Type.Number(), Type.Boolean()]);

export const Condition = named(
  'Condition',
  Type.Object(
    {
      question: Id,
      equals: Type.Optional(ConditionValue),
      oneOf: Type.Optional(Type.Array(ConditionValue, { minItems: 1, maxItems: LIMITS.options })),
      lte: Type.Optional(Type.Number()),
      gte: Type.Optional(Type.Number()),
    },
    {
      additionalProperties: false,
      description:
        'Holds when the answer to `question` meets every comparison given. A pairwise answer is compared by its `choice`; an array answer holds when any element does.',
    },
  ),
);

export const RatingQuestion = named(
  'RatingQuestion',
  Type.Object(
    {
      ...questionBase,
      type: Type.Literal('rating'),
      scale: Scale,
      target: Type.Optional(Id),
      display: Type.Optional(Type.Union([Type.Literal('scale'), Type.Literal('stars')])),
    },
    { additionalProperties: false },
  ),
);

export const ChoiceOption = named(
  'ChoiceOption',
  Type.Object(
    {
      id: Id,
      label: Label(),
      hotkey: Type.Optional(Hotkey),
      description: Type.Optional(Label(LIMITS.descriptionLength)),
    },
    { additionalProperties: false },
  ),
);

export const ChoiceQuestion = named(
  'ChoiceQuestion',
  Type.Object(
    {
      ...questionBase,
      type: Type.Literal('choice'),
      options: Type.Array(ChoiceOption, { minItems: 1, maxItems: LIMITS.options }),
      multiple: Type.Optional(Type.Boolean()),
      allowNone: Type.Optional(
        Type.Boolean({
          description:
            'Offer "None of these". Choosing it answers with an empty array, for single and multiple choice.',
        }),
      ),
      minSelected: Type.Optional(Type.Integer({ minimum: 0, maximum: LIMITS.options })),
      maxSelected: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.options })),
    },
    { additionalProperties: false },
  ),
);

export const TextQuestion = named(
  'TextQuestion',
  Type.Object(
    {
      ...questionBase,
      type: Type.Literal('text'),
      minLength: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
      maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
      requiredWhen: Type.Optional(Condition),
      multiline: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
);

export const PairwiseQuestion = named(
  'PairwiseQuestion',
  Type.Object(
    {
      ...questionBase,
      type: Type.Literal('pairwise'),
      pair: Type.Array(Id, { minItems: 2, maxItems: 2 }),
      allowTie: Type.Optional(Type.Boolean({ description: 'Offer "tie", "both good" and "both bad".' })),
      strength: Type.Optional(Type.Boolean({ description: 'Ask how much better: 1 slightly, 2 clearly, 3 much.' })),
      randomize: Type.Optional(Type.Boolean({ description: 'Show the pair in a random order, stable per task.' })),
    },
    { additionalProperties: false },
  ),
);

export const RankingQuestion = named(
  'RankingQuestion',
  Type.Object(
    {
      ...questionBase,
      type: Type.Literal('ranking'),
      items: Type.Union([Type.Literal('responses'), Type.Literal('results')]),
      allowTies: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
);

export const RelevanceQuestion = named(
  'RelevanceQuestion',
  Type.Object({ ...questionBase, type: Type.Literal('relevance'), scale: Scale }, { additionalProperties: false }),
);

export const SpansQuestion = named(
  'SpansQuestion',
  Type.Object(
    {
      ...questionBase,
      type: Type.Literal('spans'),
      field: Id,
      labels: Type.Array(LabelDef, { minItems: 1, maxItems: LIMITS.labels }),
      overlap: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
);

export const QUESTION_TYPES = ['rating', 'choice', 'text', 'pairwise', 'ranking', 'relevance', 'spans'] as const;

export const QuestionSchemas = {
  rating: RatingQuestion,
  choice: ChoiceQuestion,
  text: TextQuestion,
  pairwise: PairwiseQuestion,
  ranking: RankingQuestion,
  relevance: RelevanceQuestion,
  spans: SpansQuestion,
} as const;

export const Question = named(
  'Question',
  Type.Union([
    RatingQuestion,
    ChoiceQuestion,
    TextQuestion,
    PairwiseQuestion,
    RankingQuestion,
    RelevanceQuestion,
    SpansQuestion,
  ]),
);

const Questions = Type.Array(Question, { maxItems: LIMITS.questions });

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

export const Span = named(
  'Span',
  Type.Object(
    {
      start: Type.Integer({ minimum: 0, maximum: LIMITS.textLength, description: 'Code-point offset, inclusive.' }),
      end: Type.Integer({ minimum: 1, maximum: LIMITS.textLength, description: 'Code-point offset, exclusive.' }),
      label: Id,
      text: Type.String({ maxLength: LIMITS.textLength, description: 'The covered text, for verification.' }),
      startUtf16: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 * LIMITS.textLength })),
      endUtf16: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 * LIMITS.textLength })),
    },
    { additionalProperties: false },
  ),
);

export const PAIRWISE_CHOICES = ['a', 'b', 'tie', 'both-good', 'both-bad'] as const;

export const PairwiseAnswer = named(
  'PairwiseAnswer',
  Type.Object(
    {
      choice: Type.Union(PAIRWISE_CHOICES.map((c) => Type.Literal(c))),
      strength: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
      shownOrder: Type.Array(Id, {
        minItems: 2,
        maxItems: 2,
        description: 'Response ids in the order shown, left/top first.',
      }),
    },
    { additionalProperties: false },
  ),
);

export const Answer = named(
  'Answer',
  Type.Union(
    [
      Type.Integer({ minimum: -1000, maximum: 1000, description: 'rating' }),
      Type.String({ maxLength: LIMITS.textLength, description: 'choice (single) or text' }),
      Type.Array(Id, { maxItems: LIMITS.options, description: 'choice (multiple)' }),
      PairwiseAnswer,
      Type.Array(Type.Union([Id, Type.Array(Id, { minItems: 1, maxItems: LIMITS.results })]), {
        maxItems: LIMITS.results,
        description: 'ranking, best first; an inner array is a tied group',
      }),
      Type.Record(Id, Type.Integer({ minimum: -1000, maximum: 1000 }), {
        additionalProperties: false,
        description: 'relevance: grade per result id',
      }),
      Type.Array(Span, { maxItems: LIMITS.spans, description: 'spans' }),
    ],
    { description: 'The shape depends on the question type; validateAnnotation checks it against the task.' },
  ),
);

export const Answers = named(
  'Answers',
  Type.Record(Id, Answer, { additionalProperties: false, description: 'Answers keyed by question id.' }),
);

// ---------------------------------------------------------------------------------------------
// Image
// ---------------------------------------------------------------------------------------------

const AttributeValue = Type.Union([Type.Boolean(), Type.Number(), Type.String({ maxLength: LIMITS.labelLength })]);

export const AttributeDef = named(
  'Attribute',
  Type.Object(
    {
      id: Id,
      label: Label(),
      type: Type.Union([Type.Literal('boolean'), Type.Literal('choice'), Type.Literal('text')]),
      options: Type.Optional(Type.Array(ChoiceOption, { minItems: 1, maxItems: LIMITS.options })),
      labels: Type.Optional(
        Type.Array(Id, {
          maxItems: LIMITS.labels,
          description: 'Region labels this attribute applies to; all when absent.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
);

const regionBase = {
  id: Id,
  label: Id,
  attributes: Type.Optional(Type.Record(Id, AttributeValue, { additionalProperties: false })),
  origin: Type.Optional(Type.Union([Type.Literal('worker'), Type.Literal('prefill')])),
  modified: Type.Optional(Type.Boolean()),
};

export const BBox = named(
  'BBox',
  Type.Object(
    {
      x: Coordinate,
      y: Coordinate,
      width: Type.Number({ minimum: 0, maximum: LIMITS.imageSide }),
      height: Type.Number({ minimum: 0, maximum: LIMITS.imageSide }),
    },
    { additionalProperties: false, description: 'Natural-image pixels; x/y is the top-left corner.' },
  ),
);

export const Point = named(
  'Point',
  Type.Array(Coordinate, { minItems: 2, maxItems: 2, description: '[x, y] in natural-image pixels.' }),
);

export const Keypoint = named(
  'Keypoint',
  Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: LIMITS.labelLength }),
      x: Coordinate,
      y: Coordinate,
      visible: Type.Boolean({ description: 'false: placed but occluded. An absent keypoint is left out.' }),
    },
    { additionalProperties: false },
  ),
);

export const BBoxRegion = named(
  'BBoxRegion',
  Type.Object({ ...regionBase, type: Type.Literal('bbox'), bbox: BBox }, { additionalProperties: false }),
);
export const PolygonRegion = named(
  'PolygonRegion',
  Type.Object(
    {
      ...regionBase,
      type: Type.Literal('polygon'),
      points: Type.Array(Point, { minItems: 3, maxItems: LIMITS.polygonPoints }),
    },
    { additionalProperties: false },
  ),
);
export const KeypointsRegion = named(
  'KeypointsRegion',
  Type.Object(
    { ...regionBase, type: Type.Literal('keypoints'), keypoints: Type.Array(Keypoint, { maxItems: LIMITS.labels }) },
    { additionalProperties: false },
  ),
);

export const REGION_TYPES = ['bbox', 'polygon', 'keypoints'] as const;
export const RegionSchemas = { bbox: BBoxRegion, polygon: PolygonRegion, keypoints: KeypointsRegion } as const;
export const Region = named('Region', Type.Union([BBoxRegion, PolygonRegion, KeypointsRegion]));

const ImageSize = Type.Object(
  {
    width: Type.Integer({ minimum: 1, maximum: LIMITS.imageSide }),
    height: Type.Integer({ minimum: 1, maximum: LIMITS.imageSide }),
  },
  { additionalProperties: false },
);

export const ImageTask = named(
  'ImageTask',
  Type.Object(
    {
      id: Id,
      kind: Type.Literal('image'),
      title: Type.Optional(Label()),
      instructions: Type.Optional(Markdown(LIMITS.instructionsLength)),
      image: Type.Object(
        {
          url: Url,
          alt: Type.Optional(Label()),
          width: Type.Optional(ImageSize.properties.width),
          height: Type.Optional(ImageSize.properties.height),
        },
        { additionalProperties: false },
      ),
      labels: Type.Array(LabelDef, { maxItems: LIMITS.labels }),
      tools: Type.Array(Type.Union(REGION_TYPES.map((t) => Type.Literal(t))), { maxItems: 3, uniqueItems: true }),
      keypoints: Type.Optional(
        Type.Object(
          {
            names: Type.Array(Type.String({ minLength: 1, maxLength: LIMITS.labelLength }), {
              minItems: 1,
              maxItems: 200,
            }),
            edges: Type.Optional(
              Type.Array(Type.Array(Type.Integer({ minimum: 0, maximum: 199 }), { minItems: 2, maxItems: 2 }), {
                maxItems: 1_000,
                description: 'Skeleton edges as pairs of indexes into names.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
      ),
      attributes: Type.Optional(Type.Array(AttributeDef, { maxItems: LIMITS.questions })),
      questions: Type.Optional(Questions),
      constraints: Type.Optional(
        Type.Object(
          {
            minRegions: Type.Optional(Count),
            maxRegions: Type.Optional(Count),
            minBoxWidth: Type.Optional(Type.Number({ minimum: 0, maximum: LIMITS.imageSide })),
            minBoxHeight: Type.Optional(Type.Number({ minimum: 0, maximum: LIMITS.imageSide })),
            perLabel: Type.Optional(
              Type.Record(
                Id,
                Type.Object({ min: Type.Optional(Count), max: Type.Optional(Count) }, { additionalProperties: false }),
                {
                  additionalProperties: false,
                  description: 'How many regions each label needs or allows.',
                },
              ),
            ),
          },
          { additionalProperties: false },
        ),
      ),
      prefill: Type.Optional(Type.Array(Region, { maxItems: LIMITS.regions })),
    },
    { additionalProperties: false },
  ),
);

export const ImageResult = named(
  'ImageResult',
  Type.Object(
    { image: ImageSize, regions: Type.Array(Region, { maxItems: LIMITS.regions }), answers: Answers },
    { additionalProperties: false },
  ),
);

// ---------------------------------------------------------------------------------------------
// Audio
// ---------------------------------------------------------------------------------------------

export const Segment = named(
  'Segment',
  Type.Object(
    {
      id: Id,
      start: Seconds,
      end: Seconds,
      speaker: Type.Optional(Id),
      label: Type.Optional(Id),
      text: Type.String({ maxLength: 1_000_000 }),
      origin: Type.Optional(Type.Union([Type.Literal('worker'), Type.Literal('prefill')])),
      modified: Type.Optional(Type.Boolean()),
    },
    {
      additionalProperties: false,
      description: 'Seconds from the start of the media, start < end, millisecond precision.',
    },
  ),
);

export const AudioTask = named(
  'AudioTask',
  Type.Object(
    {
      id: Id,
      kind: Type.Literal('audio'),
      title: Type.Optional(Label()),
      instructions: Type.Optional(Markdown(LIMITS.instructionsLength)),
      audio: Type.Object(
        { url: Url, waveform: Type.Optional(Url), duration: Type.Optional(Seconds) },
        { additionalProperties: false },
      ),
      speakers: Type.Optional(
        Type.Array(
          Type.Object({ id: Id, name: Label(), color: Type.Optional(Color) }, { additionalProperties: false }),
          { maxItems: 100 },
        ),
      ),
      labels: Type.Optional(Type.Array(LabelDef, { maxItems: LIMITS.labels })),
      tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 })),
      questions: Type.Optional(Questions),
      constraints: Type.Optional(
        Type.Object(
          {
            mustPlayFully: Type.Optional(Type.Boolean()),
            allowOverlap: Type.Optional(Type.Boolean()),
            minSegments: Type.Optional(Count),
            minSegmentDuration: Type.Optional(Seconds),
            maxSegmentDuration: Type.Optional(Seconds),
          },
          { additionalProperties: false },
        ),
      ),
      prefill: Type.Optional(Type.Array(Segment, { maxItems: LIMITS.segments })),
    },
    { additionalProperties: false },
  ),
);

export const AudioResult = named(
  'AudioResult',
  Type.Object(
    {
      duration: Type.Number({ exclusiveMinimum: 0, maximum: LIMITS.duration }),
      segments: Type.Array(Segment, { maxItems: LIMITS.segments }),
      answers: Answers,
      played: Type.Optional(
        Type.Number({ minimum: 0, maximum: 1, description: 'Share of the media the worker played.' }),
      ),
      prefillWer: Type.Optional(
        Type.Number({
          minimum: 0,
          maximum: 1,
          description:
            'Word error rate of the pre-filled transcript against the final one (how much the worker corrected); set on submit when the task had a pre-fill.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
);

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

const Format = Type.Union([Type.Literal('markdown'), Type.Literal('plain')]);

export const Response = named(
  'Response',
  Type.Object(
    {
      id: Id,
      text: Type.String({ maxLength: LIMITS.textLength }),
      format: Type.Optional(Format),
      label: Type.Optional(Label()),
    },
    { additionalProperties: false },
  ),
);

export const Turn = named(
  'Turn',
  Type.Object(
    {
      role: Type.Union([Type.Literal('user'), Type.Literal('assistant'), Type.Literal('system')]),
      text: Type.String({ maxLength: LIMITS.textLength }),
      format: Type.Optional(Format),
    },
    { additionalProperties: false },
  ),
);

export const SearchResult = named(
  'SearchResult',
  Type.Object(
    { id: Id, title: Label(), url: Type.Optional(Url), snippet: Type.Optional(Label(LIMITS.descriptionLength)) },
    { additionalProperties: false },
  ),
);

export const TextTask = named(
  'TextTask',
  Type.Object(
    {
      id: Id,
      kind: Type.Literal('text'),
      title: Type.Optional(Label()),
      instructions: Type.Optional(Markdown(LIMITS.instructionsLength)),
      record: Type.Object(
        {
          prompt: Type.Optional(Type.String({ maxLength: LIMITS.textLength })),
          conversation: Type.Optional(Type.Array(Turn, { maxItems: LIMITS.turns })),
          responses: Type.Optional(Type.Array(Response, { maxItems: LIMITS.responses })),
          query: Type.Optional(Label(LIMITS.descriptionLength)),
          results: Type.Optional(Type.Array(SearchResult, { maxItems: LIMITS.results })),
          text: Type.Optional(Type.String({ maxLength: LIMITS.textLength })),
        },
        { additionalProperties: false },
      ),
      questions: Type.Array(Question, { minItems: 1, maxItems: LIMITS.questions }),
    },
    { additionalProperties: false },
  ),
);

export const TextResult = named('TextResult', Type.Object({ answers: Answers }, { additionalProperties: false }));

// ---------------------------------------------------------------------------------------------
// Task and annotation envelopes
// ---------------------------------------------------------------------------------------------

export const KINDS = ['image', 'audio', 'text'] as const;
export const TaskSchemas = { image: ImageTask, audio: AudioTask, text: TextTask } as const;
export const ResultSchemas = { image: ImageResult, audio: AudioResult, text: TextResult } as const;

export const Task = named('Task', Type.Union([ImageTask, AudioTask, TextTask]));

const Timestamp = Type.String({
  maxLength: 40,
  pattern: `^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,9})?(?:Z|[+-][0-9]{2}:[0-9]{2})${END}`,
  description: 'An RFC 3339 date-time.',
});

export const Meta = named(
  'Meta',
  Type.Object(
    {
      startedAt: Timestamp,
      submittedAt: Type.Union([Timestamp, Type.Null()], { description: 'null in drafts.' }),
      activeMs: Type.Integer({ minimum: 0, maximum: 1e12 }),
      idleMs: Type.Integer({ minimum: 0, maximum: 1e12 }),
      edits: Count,
      undos: Count,
      locale: Type.String({ maxLength: 35 }),
      widget: Type.String({ maxLength: 200, description: 'package@version of the widget that produced it.' }),
    },
    { additionalProperties: false, description: 'No personal data: the host adds what it needs outside the envelope.' },
  ),
);

export const Review = named(
  'Review',
  Type.Object(
    {
      verdict: Type.Union([Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('corrected')]),
      comment: Type.Optional(Type.String({ maxLength: LIMITS.descriptionLength })),
    },
    {
      additionalProperties: false,
      description: 'Set in review mode: the reviewer’s decision on the annotation under review.',
    },
  ),
);

const envelope = <K extends (typeof KINDS)[number], R extends TSchema>(kind: K, result: R) =>
  Type.Object(
    {
      schemaVersion: Type.Literal(1),
      kind: Type.Literal(kind),
      taskId: Id,
      result,
      meta: Meta,
      review: Type.Optional(Review),
    },
    { additionalProperties: false },
  );

export const ImageAnnotation = named('ImageAnnotation', envelope('image', ImageResult));
export const AudioAnnotation = named('AudioAnnotation', envelope('audio', AudioResult));
export const TextAnnotation = named('TextAnnotation', envelope('text', TextResult));
export const AnnotationSchemas = { image: ImageAnnotation, audio: AudioAnnotation, text: TextAnnotation } as const;
export const Annotation = named('Annotation', Type.Union([ImageAnnotation, AudioAnnotation, TextAnnotation]));
