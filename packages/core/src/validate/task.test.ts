import { expect } from 'chai';
import type { ValidationError } from '../model/types.js';
import { parseTask, validateTask } from './index.js';
import { audioTask, imageTask, textTask } from './test-fixtures.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const errorsOf = (task: unknown): ValidationError[] => {
  const result = parseTask(task);
  return result.ok ? [] : result.errors;
};
const pairs = (task: unknown): string[] => errorsOf(task).map((e) => `${e.code} ${e.path}`);
const message = (task: unknown, code: string): string | undefined =>
  errorsOf(task).find((e) => e.code === code)?.message;

describe('parseTask', () => {
  it('accepts valid tasks of every kind and returns a plain copy', () => {
    for (const task of [imageTask(), audioTask(), textTask()]) {
      const result = parseTask(task);
      expect(result.ok, JSON.stringify(result)).to.equal(true);
      if (result.ok) {
        expect(result.value).to.deep.equal(task);
        expect(result.value).to.not.equal(task);
      }
    }
  });

  it('parses JSON text, and reports a syntax error at the document', () => {
    const result = parseTask(JSON.stringify(textTask()));
    expect(result.ok).to.equal(true);
    const broken = parseTask('{"id": "t", "kind": "text",\n "questions": [}');
    expect(broken).to.deep.equal({
      ok: false,
      errors: [{ path: '', code: 'json-syntax', message: 'Not valid JSON: syntax error at line 2, column 16.' }],
    });
  });

  it('runs the guard first and stops there', () => {
    const text = JSON.stringify(textTask()).replace('"record":{', '"record":{"__proto__":{"admin":true},');
    expect(pairs(text)).to.deep.equal(['forbidden-key /record/__proto__']);
    expect(pairs({ ...textTask(), extra: NaN })).to.deep.equal(['not-finite /extra']);
  });

  it('never throws, whatever the input', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    for (const input of [undefined, null, 0, 'x', [], hostile, () => 1, Symbol('s'), 10n]) {
      const result = parseTask(input);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.errors.length).to.be.greaterThan(0);
    }
  });

  it('validateTask gives the same errors without copying', () => {
    const task: Doc = textTask();
    task['questions'][0].target = 'nope';
    expect(validateTask(task)).to.deep.equal({ valid: false, errors: errorsOf(task) });
    expect(validateTask(textTask())).to.deep.equal({ valid: true, errors: [] });
  });
});

describe('task checks beyond the schema', () => {
  it('reports duplicate ids with the first use', () => {
    const text: Doc = textTask();
    text['questions'][1].id = 'helpfulness';
    text['record'].responses[1].id = 'r1';
    text['record'].results[1].id = 'res-1';
    text['questions'][4].options[1].id = 'positive';
    text['questions'][7].labels[1].id = 'PERSON';
    expect(pairs(text)).to.include.members([
      'duplicate-id /questions/1/id',
      'duplicate-id /record/responses/1/id',
      'duplicate-id /record/results/1/id',
      'duplicate-id /questions/4/options/1/id',
      'duplicate-id /questions/7/labels/1/id',
    ]);
    expect(errorsOf(text).find((e) => e.path === '/questions/1/id')?.message).to.equal(
      'The id "helpfulness" is already used at /questions/0/id; ids must be unique.',
    );

    const image: Doc = imageTask();
    image['labels'][1].id = 'car';
    image['attributes'][1].id = 'occluded';
    image['attributes'][1].options[1].id = 'red';
    image['keypoints'].names[2] = 'nose';
    image['prefill'].push({ ...image['prefill'][0] });
    expect(pairs(image)).to.include.members([
      'duplicate-id /labels/1/id',
      'duplicate-id /attributes/1/id',
      'duplicate-id /attributes/1/options/1/id',
      'duplicate-id /keypoints/names/2',
      'duplicate-id /prefill/1/id',
    ]);

    const audio: Doc = audioTask();
    audio['speakers'][1].id = 'A';
    audio['labels'][1].id = 'music';
    audio['prefill'].push({ ...audio['prefill'][0], start: 2, end: 3 });
    expect(pairs(audio)).to.have.members([
      'duplicate-id /speakers/1/id',
      'duplicate-id /labels/1/id',
      'duplicate-id /prefill/1/id',
    ]);
  });

  it('refuses ids that become prototype keys in annotations', () => {
    const text: Doc = textTask();
    text['questions'][0].id = 'constructor';
    text['record'].results[0].id = '__proto__';
    expect(pairs(text)).to.include.members(['forbidden-key /questions/0/id', 'forbidden-key /record/results/0/id']);
    const image: Doc = imageTask();
    image['attributes'][0].id = 'prototype';
    expect(pairs(image)).to.deep.equal(['forbidden-key /attributes/0/id']);
  });

  it('checks references between questions and the record', () => {
    const text: Doc = textTask();
    text['questions'][0].target = 'r9';
    text['questions'][1].pair = ['r1', 'r9'];
    text['questions'][6].requiredWhen.question = 'nope';
    text['questions'][7].field = 'r9';
    expect(pairs(text)).to.have.members([
      'unknown-reference /questions/0/target',
      'unknown-reference /questions/1/pair/1',
      'unknown-reference /questions/6/requiredWhen/question',
      'unknown-reference /questions/7/field',
    ]);
    expect(message(text, 'unknown-reference')).to.equal(
      'Response "r9" does not exist; expected one of "r1", "r2", "r3".',
    );
  });

  it('needs two distinct responses in a pair', () => {
    const text: Doc = textTask();
    text['questions'][1].pair = ['r2', 'r2'];
    expect(pairs(text)).to.deep.equal(['duplicate-id /questions/1/pair/1']);
  });

  it('refuses a condition on the question itself', () => {
    const text: Doc = textTask();
    text['questions'][6].requiredWhen = { question: 'why', equals: 'x' };
    expect(pairs(text)).to.deep.equal(['unknown-reference /questions/6/requiredWhen/question']);
    expect(message(text, 'unknown-reference')).to.equal('A question cannot depend on its own answer.');
  });

  it('needs what ranking, relevance and spans questions work on', () => {
    const text: Doc = textTask();
    text['record'].responses = [text['record'].responses[0]];
    text['questions'] = text['questions'].filter(
      (q: Doc) => q['type'] === 'ranking' || q['type'] === 'relevance' || q['type'] === 'spans',
    );
    delete text['record'].results;
    delete text['record'].text;
    expect(pairs(text)).to.have.members([
      'missing /questions/0/items',
      'missing /questions/1',
      'missing /questions/2/field',
    ]);
    expect(message(text, 'missing')).to.equal('Ranking responses needs at least 2 responses in the record.');

    const image: Doc = imageTask();
    image['questions'] = [{ id: 'who', label: 'Who', type: 'spans', field: 'text', labels: [{ id: 'P', name: 'P' }] }];
    expect(pairs(image)).to.deep.equal(['unknown-reference /questions/0/field']);
  });

  it('needs labels for drawing tools and names for the keypoints tool', () => {
    const image: Doc = imageTask();
    image['labels'] = [];
    delete image['keypoints'];
    delete image['attributes'];
    delete image['constraints'];
    delete image['prefill'];
    expect(pairs(image)).to.have.members(['missing /labels', 'missing /keypoints']);
    image['tools'] = [];
    expect(pairs(image)).to.deep.equal([]);
  });

  it('checks image references: keypoint edges, attribute labels and options, per-label constraints', () => {
    const image: Doc = imageTask();
    image['keypoints'].edges.push([1, 3]);
    image['attributes'][1].labels.push('bus');
    image['attributes'][2] = { id: 'kind', label: 'Kind', type: 'choice' };
    image['constraints'].perLabel.bus = { min: 1 };
    expect(pairs(image)).to.have.members([
      'unknown-reference /keypoints/edges/2/1',
      'unknown-reference /attributes/1/labels/1',
      'missing /attributes/2/options',
      'unknown-reference /constraints/perLabel/bus',
    ]);
    expect(errorsOf(image).find((e) => e.path === '/keypoints/edges/2/1')?.message).to.equal(
      'Keypoint index 3 does not exist; the valid indexes are 0–2.',
    );
  });

  it('checks scales', () => {
    const text: Doc = textTask();
    text['questions'][0].scale = { min: 5, max: 5 };
    text['questions'][3].scale = { min: 0, max: 200 };
    expect(pairs(text)).to.have.members(['scale-range /questions/0/scale/min', 'scale-range /questions/3/scale']);
    expect(message(text, 'scale-range')).to.equal('The scale’s minimum (5) must be less than its maximum (5).');
    text['questions'][0].scale = { min: 1, max: 5, labels: { '0': 'none', '5': 'top' } };
    text['questions'][3].scale = { min: -50, max: 50 };
    expect(pairs(text)).to.deep.equal(['scale-range /questions/0/scale/labels/0']);
  });

  it('checks min/max pairs', () => {
    const text: Doc = textTask();
    text['questions'][5].minSelected = 3;
    text['questions'][5].maxSelected = 2;
    text['questions'][6].minLength = 300;
    expect(pairs(text)).to.have.members(['range /questions/5/minSelected', 'range /questions/6/minLength']);
    expect(message(text, 'range')).to.equal(
      'minSelected (3) is greater than maxSelected (2), so no answer can satisfy both.',
    );
    text['questions'][5].minSelected = 4;
    text['questions'][5].maxSelected = 5;
    text['questions'][6].minLength = 3;
    expect(message(text, 'range')).to.equal(
      'minSelected (4) is greater than the number of options (3), so no answer can satisfy both.',
    );

    const image: Doc = imageTask();
    image['constraints'] = { minRegions: 3, maxRegions: 2, perLabel: { car: { min: 2, max: 1 } } };
    expect(pairs(image)).to.have.members(['range /constraints/minRegions', 'range /constraints/perLabel/car/min']);
    const audio: Doc = audioTask();
    audio['constraints'] = { minSegmentDuration: 2, maxSegmentDuration: 1 };
    audio['prefill'] = [];
    expect(pairs(audio)).to.deep.equal(['range /constraints/minSegmentDuration']);
  });

  it('refuses unsafe URLs', () => {
    const image: Doc = imageTask();
    image['image'].url = ' JavaScript:alert(1)';
    expect(pairs(image)).to.deep.equal(['unsafe-url /image/url']);
    expect(message(image, 'unsafe-url')).to.equal(
      '"javascript" URLs are not allowed here: they could run code or load unexpected content.',
    );
    image['image'].url = 'data:image/png;base64,iVBORw0KGgo=';
    expect(pairs(image)).to.deep.equal([]);
    image['image'].url = 'data:text/html;base64,PHNjcmlwdD4=';
    expect(pairs(image)).to.deep.equal(['unsafe-url /image/url']);

    const audio: Doc = audioTask();
    audio['audio'].url = 'data:image/png;base64,AAAA';
    audio['audio'].waveform = 'vbscript:x';
    expect(pairs(audio)).to.have.members(['unsafe-url /audio/url', 'unsafe-url /audio/waveform']);

    const text: Doc = textTask();
    text['record'].results[0].url = 'ftp://example.org/file';
    expect(pairs(text)).to.deep.equal(['unsafe-url /record/results/0/url']);
    expect(message(text, 'unsafe-url')).to.equal('Links must be http(s) or relative URLs, not "ftp" URLs.');
  });

  it('checks image prefill like annotation regions', () => {
    const image: Doc = imageTask();
    image['prefill'] = [
      { id: 'a', type: 'bbox', label: 'car', bbox: { x: 4000, y: 0, width: 100, height: 10 } },
      { id: 'b', type: 'bbox', label: 'bus', bbox: { x: 0, y: 0, width: 0, height: 10 } },
      {
        id: 'c',
        type: 'polygon',
        label: 'road',
        points: [
          [0, 0],
          [10, 10],
          [10, 0],
          [0, 10],
        ],
      },
    ];
    image['tools'] = ['bbox'];
    expect(pairs(image)).to.have.members([
      'out-of-bounds /prefill/0/bbox',
      'unknown-label /prefill/1/label',
      'degenerate /prefill/1/bbox',
      'tool-not-allowed /prefill/2/type',
      'self-intersection /prefill/2/points',
    ]);
    delete image['image'].width;
    delete image['image'].height;
    expect(pairs(image)).to.not.include('out-of-bounds /prefill/0/bbox');
  });

  it('lets prefill break the constraints the worker must meet', () => {
    const audio: Doc = audioTask();
    audio['prefill'] = [{ id: 'long', start: 0, end: 100, text: '' }]; // maxSegmentDuration is 30
    expect(pairs(audio)).to.deep.equal([]);
    const image: Doc = imageTask();
    image['prefill'][0].bbox.width = 1; // minBoxWidth is 2
    expect(pairs(image)).to.deep.equal([]);
  });

  it('checks audio prefill like annotation segments', () => {
    const audio: Doc = audioTask();
    audio['prefill'] = [
      { id: 'a', start: 2, end: 1, text: '' },
      { id: 'b', start: 750, end: 760, text: '', speaker: 'Z' },
      { id: 'c', start: 0.0005, end: 1, text: '', label: 'noise' },
    ];
    expect(pairs(audio)).to.have.members([
      'segment-order /prefill/0',
      'out-of-bounds /prefill/1/end',
      'unknown-reference /prefill/1/speaker',
      'precision /prefill/2/start',
      'unknown-label /prefill/2/label',
    ]);
  });
});
