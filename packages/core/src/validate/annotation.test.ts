import { expect } from 'chai';
import type { Task, ValidationError } from '../model/types.js';
import { validateAnnotation } from './index.js';
import {
  audioAnnotation,
  audioTask,
  imageAnnotation,
  imageTask,
  SPAN_TEXT,
  textAnnotation,
  textTask,
} from './test-fixtures.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const errorsOf = (annotation: unknown, task: unknown, draft = false): ValidationError[] =>
  validateAnnotation(annotation, task as Task, { draft }).errors;
const pairs = (annotation: unknown, task: unknown, draft = false): string[] =>
  errorsOf(annotation, task, draft).map((e) => `${e.code} ${e.path}`);
const at = (annotation: unknown, task: unknown, path: string): ValidationError | undefined =>
  errorsOf(annotation, task).find((e) => e.path === path);

describe('validateAnnotation', () => {
  it('accepts the fixtures, finished and as drafts', () => {
    for (const [annotation, task] of [
      [imageAnnotation(), imageTask()],
      [audioAnnotation(), audioTask()],
      [textAnnotation(), textTask()],
    ] as const) {
      expect(validateAnnotation(annotation, task)).to.deep.equal({ valid: true, errors: [] });
      expect(validateAnnotation(annotation, task, { draft: true }).valid).to.equal(true);
    }
  });

  it('checks the schema first and stops there', () => {
    const annotation: Doc = imageAnnotation();
    annotation['result'].regions[0].label = 'bus'; // semantic
    annotation['meta'].edits = -1; // schema
    expect(pairs(annotation, imageTask())).to.deep.equal(['minimum /meta/edits']);
  });

  it('matches the task: kind, id and image size', () => {
    expect(pairs(textAnnotation(), imageTask())).to.deep.equal(['task-mismatch /kind']);
    const annotation: Doc = imageAnnotation();
    annotation['taskId'] = 'img-2';
    annotation['result'].image.width = 4040;
    expect(pairs(annotation, imageTask())).to.have.members(['task-mismatch /taskId', 'task-mismatch /result/image']);
    expect(at(annotation, imageTask(), '/result/image')?.message).to.equal(
      'The image size 4040 × 3024 does not match the task’s 4032 × 3024.',
    );
    const task: Doc = imageTask();
    delete task['image'].width;
    delete task['image'].height;
    annotation['taskId'] = 'img-1';
    expect(pairs(annotation, task)).to.deep.equal([]);
  });

  it('reports an invalid task once instead of checking against it', () => {
    const task: Doc = textTask();
    task['questions'][0].scale = { min: 3, max: 1 };
    expect(pairs(textAnnotation(), task)).to.deep.equal(['task-invalid ']);
    expect(errorsOf(textAnnotation(), task)[0]?.message).to.equal(
      'The task is not valid (1 error, the first at "/questions/0/scale/min"); check it with validateTask or parseTask.',
    );
    expect(pairs(textAnnotation(), null)).to.deep.equal(['task-invalid ']);
  });

  it('never throws, even for hostile input', () => {
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
        get: () => {
          throw new Error('no');
        },
      },
    );
    expect(validateAnnotation(trap, textTask()).errors.map((e) => e.code)).to.deep.equal(['not-json']);
    expect(validateAnnotation(textAnnotation(), trap as Task).valid).to.equal(false);
    expect(validateAnnotation(textAnnotation(), 'task' as unknown as Task).valid).to.equal(false);
  });
});

describe('image annotations', () => {
  it('checks labels, tools and region ids', () => {
    const annotation: Doc = imageAnnotation();
    annotation['result'].regions[0].label = 'dog';
    delete annotation['result'].regions[0].attributes;
    annotation['result'].regions[1].id = 'r1';
    const task: Doc = imageTask();
    task['tools'] = ['bbox', 'keypoints'];
    expect(pairs(annotation, task)).to.have.members([
      'unknown-label /result/regions/0/label',
      'duplicate-id /result/regions/1/id',
      'tool-not-allowed /result/regions/1/type',
    ]);
    expect(at(annotation, task, '/result/regions/0/label')?.message).to.equal(
      'Label "dog" is not one of the allowed labels: "car", "road", "person".',
    );
    expect(at(annotation, task, '/result/regions/1/type')?.message).to.equal(
      'Tool "polygon" is not enabled in this task; enabled: "bbox", "keypoints".',
    );
  });

  it('keeps boxes inside the image, within half a pixel', () => {
    const annotation: Doc = imageAnnotation();
    const bbox = annotation['result'].regions[0].bbox;
    Object.assign(bbox, { x: -0.5, y: 0, width: 4032.5, height: 3024.5 });
    expect(pairs(annotation, imageTask())).to.deep.equal([]);
    bbox.x = -0.6;
    expect(pairs(annotation, imageTask())).to.deep.equal(['out-of-bounds /result/regions/0/bbox']);
    Object.assign(bbox, { x: 4000, y: 3000, width: 40, height: 10 });
    expect(at(annotation, imageTask(), '/result/regions/0/bbox')?.message).to.equal(
      'The box (top-left corner at 4000, 3000) extends outside the image (4032 × 3024 px).',
    );
    Object.assign(bbox, { x: 0, y: 0, width: 0, height: 10 });
    expect(pairs(annotation, imageTask())).to.have.members([
      'degenerate /result/regions/0/bbox',
      'constraint /result/regions/0/bbox/width',
    ]);
  });

  it('checks polygons: distinct points, area, self-intersection, bounds', () => {
    const annotation: Doc = imageAnnotation();
    const polygon = annotation['result'].regions[1];
    polygon.points = [
      [0, 0],
      [0, 0],
      [5, 5],
      [0, 0],
    ];
    expect(pairs(annotation, imageTask())).to.deep.equal(['degenerate /result/regions/1/points']);
    expect(at(annotation, imageTask(), '/result/regions/1/points')?.message).to.equal(
      'The polygon needs at least 3 distinct points.',
    );
    polygon.points = [
      [0, 0],
      [10, 10],
      [20, 20],
    ];
    expect(at(annotation, imageTask(), '/result/regions/1/points')?.message).to.equal(
      'The polygon has no area: all its points lie on one line.',
    );
    polygon.points = [
      [0, 0],
      [100, 100],
      [100, 0],
      [0, 100],
    ];
    expect(pairs(annotation, imageTask())).to.deep.equal(['self-intersection /result/regions/1/points']);
    expect(at(annotation, imageTask(), '/result/regions/1/points')?.message).to.equal(
      'The polygon crosses itself: the edge from point 0 to point 1 meets the edge from point 2 to point 3.',
    );
    polygon.points = [
      [0, 0],
      [100, 0],
      [100, 100],
      [0, 0],
    ]; // explicitly closed: fine
    expect(pairs(annotation, imageTask())).to.deep.equal([]);
    polygon.points = [
      [0, 0],
      [5000, 0],
      [100, 100],
    ];
    expect(pairs(annotation, imageTask())).to.deep.equal(['out-of-bounds /result/regions/1/points/1']);
  });

  it('checks keypoints: names, repeats, bounds', () => {
    const annotation: Doc = imageAnnotation();
    const keypoints = annotation['result'].regions[2].keypoints;
    keypoints.push(
      { name: 'tail', x: 1, y: 1, visible: true },
      { name: 'nose', x: 1, y: 1, visible: true },
      { name: 'right_eye', x: 5000, y: 1, visible: true },
    );
    expect(pairs(annotation, imageTask())).to.have.members([
      'unknown-keypoint /result/regions/2/keypoints/2/name',
      'unknown-keypoint /result/regions/2/keypoints/3/name',
      'out-of-bounds /result/regions/2/keypoints/4',
    ]);
    expect(at(annotation, imageTask(), '/result/regions/2/keypoints/3/name')?.message).to.equal(
      'The keypoint "nose" is placed twice in this region.',
    );
  });

  it('checks region constraints, minimums only when finished', () => {
    const annotation: Doc = imageAnnotation();
    const task: Doc = imageTask();
    task['constraints'] = { minRegions: 5, perLabel: { road: { min: 2 }, person: { min: 3 }, car: { max: 1 } } };
    annotation['result'].regions.push({
      id: 'r4',
      type: 'bbox',
      label: 'car',
      bbox: { x: 1, y: 1, width: 5, height: 5 },
    });
    const errors = errorsOf(annotation, task);
    expect(errors.map((e) => `${e.code} ${e.path}`)).to.deep.equal([
      'constraint /result/regions/3/label',
      'constraint /result/regions',
      'constraint /result/regions',
      'constraint /result/regions',
    ]);
    expect(errors.map((e) => e.message)).to.deep.equal([
      'Label "car" allows at most 1 regions; there are 2.',
      'At least 5 regions are needed; there are 4.',
      'Label "road" needs at least 2 regions; there is 1.',
      'Label "person" needs at least 3 regions; there is 1.',
    ]);
    expect(pairs(annotation, task, true)).to.deep.equal(['constraint /result/regions/3/label']);
    task['constraints'] = { maxRegions: 2 };
    expect(at(annotation, task, '/result/regions')?.message).to.equal('At most 2 regions are allowed; there are 4.');
  });

  it('checks region attributes against the task', () => {
    const annotation: Doc = imageAnnotation();
    const [box, polygon] = annotation['result'].regions;
    box.attributes = { occluded: 'yes', colour: 'green', size: 3 };
    polygon.attributes = { colour: 'red', note: 'wide' };
    expect(pairs(annotation, imageTask())).to.have.members([
      'type /result/regions/0/attributes/occluded',
      'unknown-option /result/regions/0/attributes/colour',
      'unknown-reference /result/regions/0/attributes/size',
      'unknown-reference /result/regions/1/attributes/colour',
    ]);
    expect(at(annotation, imageTask(), '/result/regions/1/attributes/colour')?.message).to.equal(
      'The attribute "colour" does not apply to this region’s label; it applies to "car".',
    );
  });
});

describe('audio annotations', () => {
  const segment = (fields: Doc): Doc => ({ id: 'x', start: 10, end: 11, text: '', ...fields });

  it('checks timing: order, bounds with 1 ms tolerance, precision', () => {
    const annotation: Doc = audioAnnotation();
    annotation['result'].segments.push(
      segment({ id: 'a', start: 20, end: 19 }),
      segment({ id: 'b', start: 754, end: 754.202 }),
      segment({ id: 'c', start: 30.0001, end: 31 }),
    );
    expect(pairs(annotation, audioTask())).to.have.members([
      'segment-order /result/segments/2',
      'out-of-bounds /result/segments/3/end',
      'precision /result/segments/4/start',
    ]);
    expect(at(annotation, audioTask(), '/result/segments/2')?.message).to.equal(
      'The segment starts at 20 s but ends at 19 s; its start must come before its end.',
    );
    annotation['result'].segments = [segment({ start: 754, end: 754.2 })];
    annotation['result'].duration = 754.199;
    expect(pairs(annotation, audioTask())).to.deep.equal([]);
  });

  it('checks speakers and labels', () => {
    const annotation: Doc = audioAnnotation();
    annotation['result'].segments[0].speaker = 'C';
    annotation['result'].segments[1].label = 'noise';
    expect(pairs(annotation, audioTask())).to.have.members([
      'unknown-reference /result/segments/0/speaker',
      'unknown-label /result/segments/1/label',
    ]);
    expect(at(annotation, audioTask(), '/result/segments/0/speaker')?.message).to.equal(
      'Speaker "C" does not exist; expected one of "A", "B".',
    );
  });

  it('refuses overlaps unless the task allows them; touching is fine', () => {
    const annotation: Doc = audioAnnotation();
    annotation['result'].segments.push(segment({ id: 's3', start: 9, end: 12 }));
    expect(pairs(annotation, audioTask())).to.deep.equal(['overlap /result/segments/2']);
    expect(at(annotation, audioTask(), '/result/segments/2')?.message).to.equal(
      'This segment overlaps segment "s2"; overlapping segments are not allowed in this task.',
    );
    const task: Doc = audioTask();
    task['constraints'].allowOverlap = true;
    expect(pairs(annotation, task)).to.deep.equal([]);
  });

  it('checks segment constraints, minimums only when finished', () => {
    const annotation: Doc = audioAnnotation();
    annotation['result'].segments = [segment({ start: 1, end: 1.1 }), segment({ id: 'y', start: 2, end: 40 })];
    const task: Doc = audioTask();
    task['constraints'].minSegments = 3;
    task['constraints'].mustPlayFully = true;
    annotation['result'].played = 0.5;
    expect(pairs(annotation, task)).to.have.members([
      'constraint /result/segments/0',
      'constraint /result/segments/1',
      'constraint /result/segments',
      'constraint /result/played',
    ]);
    expect(at(annotation, task, '/result/segments/0')?.message).to.equal(
      'The segment lasts 0.1 s; segments must last at least 0.2 s.',
    );
    expect(pairs(annotation, task, true)).to.have.members([
      'constraint /result/segments/0',
      'constraint /result/segments/1',
    ]);
  });
});

describe('answers', () => {
  const text = (change: (answers: Doc) => void, draft = false, task: Doc = textTask()): string[] => {
    const annotation: Doc = textAnnotation();
    change(annotation['result'].answers);
    return pairs(annotation, task, draft);
  };
  const messageOf = (change: (answers: Doc) => void, path: string, task: Doc = textTask()): string | undefined => {
    const annotation: Doc = textAnnotation();
    change(annotation['result'].answers);
    return at(annotation, task, path)?.message;
  };

  it('refuses answers to unknown questions', () => {
    expect(text((a) => (a['colour'] = 'red'))).to.deep.equal(['unknown-question /result/answers/colour']);
  });

  it('requires required questions unless drafting', () => {
    expect(text((a) => delete a['helpfulness'])).to.deep.equal(['answer-required /result/answers/helpfulness']);
    expect(messageOf((a) => delete a['helpfulness'], '/result/answers/helpfulness')).to.equal(
      'An answer to "How helpful is response 1?" is required.',
    );
    expect(text((a) => delete a['helpfulness'], true)).to.deep.equal([]);
    const image: Doc = imageAnnotation();
    image['result'].answers = { weather: '  ' };
    expect(pairs(image, imageTask())).to.deep.equal(['answer-required /result/answers/weather']);
  });

  it('honours requiredWhen', () => {
    const tie = (a: Doc): void => {
      a['preference'] = { choice: 'tie', shownOrder: ['r1', 'r2'] };
      delete a['why'];
    };
    expect(text(tie)).to.deep.equal(['answer-required /result/answers/why']);
    expect(messageOf(tie, '/result/answers/why')).to.equal(
      'An answer to "Why?" is required because of the answer to "Which is better?".',
    );
    expect(text(tie, true)).to.deep.equal([]);
    expect(text((a) => delete a['why'])).to.deep.equal([]);
  });

  it('checks ratings against the scale', () => {
    expect(text((a) => (a['helpfulness'] = 6))).to.deep.equal(['scale-range /result/answers/helpfulness']);
    expect(messageOf((a) => (a['helpfulness'] = 0), '/result/answers/helpfulness')).to.equal(
      '0 lies outside the scale 1–5.',
    );
    expect(text((a) => (a['helpfulness'] = 'good'))).to.deep.equal(['type /result/answers/helpfulness']);
  });

  it('checks choices: options, single or multiple, counts', () => {
    expect(text((a) => (a['sentiment'] = 'neutral'))).to.deep.equal(['unknown-option /result/answers/sentiment']);
    expect(messageOf((a) => (a['sentiment'] = 'neutral'), '/result/answers/sentiment')).to.equal(
      'The option "neutral" is not one of "positive", "negative".',
    );
    expect(text((a) => (a['sentiment'] = ['positive']))).to.deep.equal(['answer-invalid /result/answers/sentiment']);
    expect(text((a) => (a['emotions'] = 'joy'))).to.deep.equal(['answer-invalid /result/answers/emotions']);
    expect(text((a) => (a['emotions'] = ['joy', 'fear']))).to.deep.equal(['unknown-option /result/answers/emotions/1']);
    expect(text((a) => (a['emotions'] = ['joy', 'joy']))).to.deep.equal(['answer-invalid /result/answers/emotions/1']);
    expect(text((a) => (a['emotions'] = ['joy', 'surprise', 'anger']))).to.deep.equal([
      'answer-invalid /result/answers/emotions',
    ]);
    expect(messageOf((a) => (a['emotions'] = ['joy', 'surprise', 'anger']), '/result/answers/emotions')).to.equal(
      'Select at most 2 options; 3 are selected.',
    );
    const task: Doc = textTask();
    task['questions'][5].minSelected = 2;
    expect(text((a) => (a['emotions'] = ['joy']), false, task)).to.deep.equal([
      'answer-invalid /result/answers/emotions',
    ]);
    expect(text((a) => (a['emotions'] = ['joy']), true, task)).to.deep.equal([]);
  });

  it('checks text lengths in code points', () => {
    const task: Doc = textTask();
    task['questions'][6].maxLength = 5;
    expect(text((a) => (a['why'] = '👩‍💻👍🎉'), false, task)).to.deep.equal([]); // 5 code points, 8 UTF-16 units
    expect(text((a) => (a['why'] = '👩‍💻👍🎉!'), false, task)).to.deep.equal(['max-length /result/answers/why']);
    expect(text((a) => (a['why'] = 'ok'))).to.deep.equal(['min-length /result/answers/why']);
    expect(messageOf((a) => (a['why'] = 'ok'), '/result/answers/why')).to.equal(
      'Must be at least 3 characters long; it has 2.',
    );
    expect(text((a) => (a['why'] = 'ok'), true)).to.deep.equal([]);
  });

  it('checks pairwise answers: shown order, ties, strength', () => {
    expect(text((a) => (a['preference'].shownOrder = ['r1', 'r3']))).to.deep.equal([
      'answer-invalid /result/answers/preference/shownOrder',
    ]);
    expect(text((a) => (a['preference'].shownOrder = ['r1', 'r1']))).to.deep.equal([
      'answer-invalid /result/answers/preference/shownOrder',
    ]);
    const strict: Doc = textTask();
    strict['questions'][1].allowTie = false;
    strict['questions'][1].strength = false;
    expect(
      text((a) => (a['preference'] = { choice: 'both-bad', shownOrder: ['r1', 'r2'] }), false, strict),
    ).to.deep.equal(['answer-invalid /result/answers/preference/choice']);
    expect(text(() => undefined, false, strict)).to.deep.equal(['answer-invalid /result/answers/preference/strength']);
    expect(text((a) => (a['preference'] = { choice: 'tie', strength: 1, shownOrder: ['r1', 'r2'] }))).to.deep.equal([
      'answer-invalid /result/answers/preference/strength',
    ]);
  });

  it('checks rankings: a permutation of the items, ties only when allowed', () => {
    expect(text((a) => (a['ranking'] = ['r1', 'r2']))).to.deep.equal(['not-permutation /result/answers/ranking']);
    expect(messageOf((a) => (a['ranking'] = ['r1', 'r2']), '/result/answers/ranking')).to.equal(
      'The ranking must list every response once; missing: "r3".',
    );
    expect(text((a) => (a['ranking'] = ['r1', 'r2']), true)).to.deep.equal([]);
    expect(text((a) => (a['ranking'] = ['r1', ['r2', 'r1'], 'r3']))).to.deep.equal([
      'not-permutation /result/answers/ranking/1/1',
    ]);
    expect(text((a) => (a['ranking'] = ['r1', 'r2', 'r3', 'r4']))).to.deep.equal([
      'not-permutation /result/answers/ranking/3',
    ]);
    const strict: Doc = textTask();
    strict['questions'][2].allowTies = false;
    expect(text(() => undefined, false, strict)).to.deep.equal(['not-permutation /result/answers/ranking/1']);
  });

  it('checks relevance grades: exactly the results, within the scale', () => {
    expect(text((a) => (a['relevance'] = { 'res-1': 4, 'res-3': 1 }))).to.have.members([
      'scale-range /result/answers/relevance/res-1',
      'unknown-reference /result/answers/relevance/res-3',
      'answer-invalid /result/answers/relevance',
    ]);
    expect(text((a) => (a['relevance'] = { 'res-1': 2 }), true)).to.deep.equal([]);
  });

  it('checks spans over emoji, combining marks and right-to-left text', () => {
    const spans = (list: Doc[]) => (a: Doc) => (a['entities'] = list);
    const span = (start: number, end: number, label = 'PERSON', fields: Doc = {}): Doc => ({
      start,
      end,
      label,
      text: [...SPAN_TEXT].slice(start, end).join(''),
      ...fields,
    });
    expect(
      text(
        spans([
          span(4, 7),
          span(17, 21),
          span(38, 43, 'PLACE'),
          span(44, 46, 'PLACE', { startUtf16: SPAN_TEXT.indexOf('🎉'), endUtf16: SPAN_TEXT.length }),
        ]),
      ),
    ).to.deep.equal([]);
    expect(text(spans([span(0, 3, 'ORG')]))).to.deep.equal(['unknown-label /result/answers/entities/0/label']);
    expect(text(spans([span(5, 5)]))).to.deep.equal(['segment-order /result/answers/entities/0']);
    expect(text(spans([{ start: 40, end: 47, label: 'PLACE', text: 'x' }]))).to.deep.equal([
      'out-of-bounds /result/answers/entities/0/end',
    ]);
    expect(
      messageOf(spans([{ start: 40, end: 47, label: 'PLACE', text: 'x' }]), '/result/answers/entities/0/end'),
    ).to.equal('The span ends at offset 47, beyond the end of the text (46 characters).');
    expect(text(spans([{ start: 4, end: 5, label: 'PERSON', text: '\ud83d' }]))).to.deep.equal([
      'span-text-mismatch /result/answers/entities/0/text',
    ]);
    expect(
      messageOf(spans([{ start: 0, end: 3, label: 'PERSON', text: 'Bob' }]), '/result/answers/entities/0/text'),
    ).to.equal('The span’s text "Bob" does not match the text at its offsets: "Ada".');
    expect(text(spans([span(4, 7, 'PERSON', { startUtf16: 4, endUtf16: 7 })]))).to.deep.equal([
      'span-text-mismatch /result/answers/entities/0/endUtf16',
    ]);
    expect(text(spans([span(0, 5), span(4, 7)]))).to.deep.equal(['overlap /result/answers/entities/1']);
    expect(text(spans([span(0, 3), span(3, 5)]))).to.deep.equal([]);
    expect(text(spans([span(0, 3), span(0, 3)]))).to.deep.equal(['overlap /result/answers/entities/1']);
    const overlapping: Doc = textTask();
    overlapping['questions'][7].overlap = true;
    expect(text(spans([span(0, 5), span(4, 7, 'PLACE')]), false, overlapping)).to.deep.equal([]);
    expect(text(spans([span(0, 5), span(0, 5)]), false, overlapping)).to.deep.equal([
      'overlap /result/answers/entities/1',
    ]);
  });

  it('validates spans over a 1 MB response quickly', () => {
    const task: Doc = textTask();
    const big = '👩‍💻 Ada 🎉 '.repeat(100_000);
    task['record'].responses[2].text = big;
    task['questions'][7].field = 'r3';
    const annotation: Doc = textAnnotation();
    const chars = [...big];
    annotation['result'].answers.entities = Array.from({ length: 2000 }, (_, i) => {
      const start = i * 400 + 4;
      return { start, end: start + 3, label: 'PERSON', text: chars.slice(start, start + 3).join('') };
    });
    const started = Date.now();
    expect(pairs(annotation, task)).to.deep.equal([]);
    expect(Date.now() - started).to.be.below(2000);
  });
});
