/**
 * Valid tasks and annotations of every kind, for tests (never shipped: `test-*.ts` is excluded
 * from the build). Each call returns a fresh copy that a test may mutate.
 */
import type {
  AudioAnnotation,
  AudioTask,
  ImageAnnotation,
  ImageTask,
  Meta,
  TextAnnotation,
  TextTask,
} from '../model/types.js';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const META: Meta = {
  startedAt: '2026-11-26T10:00:00.000Z',
  submittedAt: '2026-11-26T10:03:12.345Z',
  activeMs: 171000,
  idleMs: 21345,
  edits: 18,
  undos: 2,
  locale: 'en',
  widget: '@tagwerk/test@0.1.0',
};

const IMAGE_TASK: ImageTask = {
  id: 'img-1',
  kind: 'image',
  title: 'Street scene',
  image: { url: 'https://example.org/street.jpg', alt: 'A street', width: 4032, height: 3024 },
  labels: [
    { id: 'car', name: 'Car', color: '#f00', hotkey: 'c' },
    { id: 'road', name: 'Road' },
    { id: 'person', name: 'Person', hotkey: 'KeyP' },
  ],
  tools: ['bbox', 'polygon', 'keypoints'],
  keypoints: {
    names: ['nose', 'left_eye', 'right_eye'],
    edges: [
      [0, 1],
      [0, 2],
    ],
  },
  attributes: [
    { id: 'occluded', label: 'Occluded', type: 'boolean' },
    {
      id: 'colour',
      label: 'Colour',
      type: 'choice',
      options: [
        { id: 'red', label: 'Red' },
        { id: 'blue', label: 'Blue' },
      ],
      labels: ['car'],
    },
    { id: 'note', label: 'Note', type: 'text' },
  ],
  questions: [
    {
      id: 'weather',
      label: 'Weather?',
      type: 'choice',
      required: true,
      options: [
        { id: 'sun', label: 'Sun' },
        { id: 'rain', label: 'Rain' },
      ],
    },
  ],
  constraints: { minRegions: 1, maxRegions: 10, minBoxWidth: 2, perLabel: { car: { max: 5 } } },
  prefill: [
    { id: 'p1', type: 'bbox', label: 'car', bbox: { x: 10, y: 10, width: 100, height: 50 }, origin: 'prefill' },
  ],
};

const IMAGE_ANNOTATION: ImageAnnotation = {
  schemaVersion: 1,
  kind: 'image',
  taskId: 'img-1',
  result: {
    image: { width: 4032, height: 3024 },
    regions: [
      {
        id: 'r1',
        type: 'bbox',
        label: 'car',
        bbox: { x: 100.5, y: 220, width: 340, height: 180 },
        attributes: { occluded: true, colour: 'red' },
        origin: 'worker',
      },
      {
        id: 'r2',
        type: 'polygon',
        label: 'road',
        points: [
          [0, 2000],
          [4032, 1900],
          [4032, 3024],
        ],
      },
      {
        id: 'r3',
        type: 'keypoints',
        label: 'person',
        keypoints: [
          { name: 'nose', x: 812, y: 430, visible: true },
          { name: 'left_eye', x: 800, y: 420, visible: false },
        ],
      },
    ],
    answers: { weather: 'rain' },
  },
  meta: META,
};

const AUDIO_TASK: AudioTask = {
  id: 'aud-1',
  kind: 'audio',
  audio: { url: 'media/interview.mp3', duration: 754.2 },
  speakers: [
    { id: 'A', name: 'Host' },
    { id: 'B', name: 'Guest' },
  ],
  labels: [
    { id: 'music', name: 'Music' },
    { id: 'speech', name: 'Speech' },
  ],
  tags: ['[laughs]', '[inaudible]'],
  questions: [
    {
      id: 'quality',
      label: 'Audio quality',
      type: 'rating',
      scale: { min: 1, max: 5, labels: { '1': 'bad', '5': 'great' } },
    },
  ],
  constraints: { minSegments: 1, minSegmentDuration: 0.2, maxSegmentDuration: 30 },
  prefill: [{ id: 'p1', start: 0, end: 1.5, text: '', origin: 'prefill' }],
};

const AUDIO_ANNOTATION: AudioAnnotation = {
  schemaVersion: 1,
  kind: 'audio',
  taskId: 'aud-1',
  result: {
    duration: 754.2,
    segments: [
      { id: 's1', start: 1.25, end: 4.8, speaker: 'A', text: 'Hello and welcome [laughs]' },
      { id: 's2', start: 4.8, end: 9.001, speaker: 'B', label: 'speech', text: 'Thanks 👋' },
    ],
    answers: { quality: 4 },
    played: 1,
  },
  meta: META,
};

/** The text the spans question marks: astral characters, a ZWJ sequence, combining marks, RTL. */
export const SPAN_TEXT = 'Ada 👩‍💻 met Zoë (Zoe\u0308) in القاهرة and עברית 🎉!';

const TEXT_TASK: TextTask = {
  id: 'txt-1',
  kind: 'text',
  instructions: '# Compare the answers',
  record: {
    prompt: 'Who wrote the first program?',
    conversation: [{ role: 'user', text: 'Who wrote the first program?' }],
    responses: [
      { id: 'r1', text: 'Ada Lovelace.', format: 'plain' },
      { id: 'r2', text: 'Charles **Babbage**.', format: 'markdown' },
      { id: 'r3', text: SPAN_TEXT },
    ],
    query: 'first programmer',
    results: [
      {
        id: 'res-1',
        title: 'Ada Lovelace - Wikipedia',
        url: 'https://en.wikipedia.org/wiki/Ada_Lovelace',
        snippet: 'Ada…',
      },
      { id: 'res-2', title: 'Local notes', url: '/notes/ada' },
    ],
    text: SPAN_TEXT,
  },
  questions: [
    {
      id: 'helpfulness',
      label: 'How helpful is response 1?',
      type: 'rating',
      scale: { min: 1, max: 5 },
      target: 'r1',
      required: true,
    },
    {
      id: 'preference',
      label: 'Which is better?',
      type: 'pairwise',
      pair: ['r1', 'r2'],
      allowTie: true,
      strength: true,
      randomize: true,
      required: true,
    },
    { id: 'ranking', label: 'Rank the responses', type: 'ranking', items: 'responses', allowTies: true },
    { id: 'relevance', label: 'Grade the results', type: 'relevance', scale: { min: 0, max: 3 } },
    {
      id: 'sentiment',
      label: 'Sentiment',
      type: 'choice',
      options: [
        { id: 'positive', label: '+' },
        { id: 'negative', label: '-' },
      ],
    },
    {
      id: 'emotions',
      label: 'Emotions',
      type: 'choice',
      multiple: true,
      minSelected: 1,
      maxSelected: 2,
      options: [
        { id: 'joy', label: 'Joy' },
        { id: 'surprise', label: 'Surprise' },
        { id: 'anger', label: 'Anger' },
      ],
    },
    {
      id: 'why',
      label: 'Why?',
      type: 'text',
      minLength: 3,
      maxLength: 200,
      requiredWhen: { question: 'preference', oneOf: ['tie', 'both-bad'] },
    },
    {
      id: 'entities',
      label: 'Mark names',
      type: 'spans',
      field: 'text',
      labels: [
        { id: 'PERSON', name: 'Person' },
        { id: 'PLACE', name: 'Place' },
      ],
    },
  ],
};

const TEXT_ANNOTATION: TextAnnotation = {
  schemaVersion: 1,
  kind: 'text',
  taskId: 'txt-1',
  result: {
    answers: {
      helpfulness: 4,
      preference: { choice: 'a', strength: 2, shownOrder: ['r2', 'r1'] },
      ranking: ['r1', ['r3', 'r2']],
      relevance: { 'res-1': 3, 'res-2': 0 },
      sentiment: 'negative',
      emotions: ['joy', 'surprise'],
      why: 'B invents a citation.',
      entities: [
        { start: 0, end: 5, label: 'PERSON', text: 'Ada 👩', startUtf16: 0, endUtf16: 6 },
        { start: 12, end: 15, label: 'PERSON', text: 'Zoë' },
        { start: 26, end: 33, label: 'PLACE', text: 'القاهرة' },
      ],
    },
  },
  meta: META,
};

export const imageTask = (): ImageTask => copy(IMAGE_TASK);
export const imageAnnotation = (): ImageAnnotation => copy(IMAGE_ANNOTATION);
export const audioTask = (): AudioTask => copy(AUDIO_TASK);
export const audioAnnotation = (): AudioAnnotation => copy(AUDIO_ANNOTATION);
export const textTask = (): TextTask => copy(TEXT_TASK);
export const textAnnotation = (): TextAnnotation => copy(TEXT_ANNOTATION);
