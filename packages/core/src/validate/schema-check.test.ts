import { expect } from 'chai';
import type { ValidationError, ValidationResult } from '../model/types.js';
import { checkAnnotationShape, checkTaskShape, parseTask } from './index.js';
import { audioAnnotation, imageAnnotation, imageTask, textAnnotation, textTask } from './test-fixtures.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const taskErrors = (task: unknown): ValidationError[] => {
  const result = parseTask(task);
  return result.ok ? [] : result.errors;
};
const pairs = (errors: ValidationError[]): string[] => errors.map((e) => `${e.code} ${e.path}`);
const shape = (annotation: unknown): ValidationResult => checkAnnotationShape(annotation);

describe('schema check', () => {
  it('accepts the fixtures', () => {
    for (const task of [imageTask(), textTask()]) expect(checkTaskShape(task).errors).to.deep.equal([]);
    for (const annotation of [imageAnnotation(), audioAnnotation(), textAnnotation()])
      expect(shape(annotation).errors).to.deep.equal([]);
  });

  it('dispatches on the question type and points at the real field', () => {
    const task: Doc = textTask();
    task['questions'][3].scale.min = 'low';
    expect(pairs(taskErrors(task))).to.deep.equal(['type /questions/3/scale/min']);
    expect(taskErrors(task)[0]?.message).to.equal('Must be an integer.');
  });

  it('reports an unknown discriminator with the allowed values', () => {
    const task: Doc = textTask();
    task['questions'][1].type = 'slider';
    const [error] = taskErrors(task);
    expect(error?.code).to.equal('unknown-type');
    expect(error?.path).to.equal('/questions/1/type');
    expect(error?.message).to.equal(
      'Unknown type "slider"; expected one of "rating", "choice", "text", "pairwise", "ranking", "relevance", "spans".',
    );
    expect(pairs(taskErrors({ ...textTask(), kind: 'video' }))).to.deep.equal(['unknown-type /kind']);
    const annotation: Doc = imageAnnotation();
    annotation['result'].regions[0].type = 'circle';
    expect(pairs(shape(annotation).errors)).to.deep.equal(['unknown-type /result/regions/0/type']);
  });

  it('reports a missing discriminator as required, and a non-object as a type error', () => {
    const task: Doc = textTask();
    delete task['questions'][0].type;
    task['questions'][1] = 'rating';
    expect(pairs(taskErrors(task))).to.have.members(['required /questions/0/type', 'type /questions/1']);
    expect(pairs(taskErrors([]))).to.deep.equal(['type ']);
  });

  it('maps TypeBox errors to stable codes', () => {
    const task: Doc = imageTask();
    task['title'] = 5; // type
    delete task['labels']; // required
    task['colour'] = 'red'; // additional-property
    task['questions'][0].options = []; // min-items
    task['tools'] = ['bbox', 'bbox']; // unique-items
    task['image'].width = 0; // minimum
    task['image'].height = 2_000_000; // maximum
    task['image'].url = ''; // min-length
    task['image'].alt = 'x'.repeat(1001); // max-length
    task['questions'][0].options.push; // (unchanged)
    task['attributes'][0].id = ' spaced'; // pattern (id)
    task['prefill'][0].bbox.x = 1.5e6; // maximum
    expect(pairs(taskErrors(task))).to.have.members([
      'type /title',
      'required /labels',
      'additional-property /colour',
      'min-items /questions/0/options',
      'unique-items /tools',
      'minimum /image/width',
      'maximum /image/height',
      'min-length /image/url',
      'max-length /image/alt',
      'pattern /attributes/0/id',
      'maximum /prefill/0/bbox/x',
    ]);
  });

  it('reports const, enum, integer and exclusive minimum', () => {
    const annotation: Doc = audioAnnotation();
    annotation['schemaVersion'] = 2;
    annotation['result'].duration = 0;
    annotation['result'].segments[0].origin = 'robot';
    annotation['meta'].edits = 1.5;
    const errors = shape(annotation).errors;
    expect(pairs(errors)).to.have.members([
      'const /schemaVersion',
      'minimum /result/duration',
      'enum /result/segments/0/origin',
      'integer /meta/edits',
    ]);
    expect(errors.find((e) => e.code === 'minimum')?.message).to.equal('Must be greater than 0, not 0.');
    expect(errors.find((e) => e.code === 'enum')?.message).to.equal('Must be one of "worker", "prefill", not "robot".');
    expect(errors.find((e) => e.code === 'const')?.message).to.equal('Must be 1.');
  });

  it('names the format a pattern stands for', () => {
    const task: Doc = imageTask();
    task['labels'][0].color = 'red';
    task['labels'][2].hotkey = 'Ctrl+K';
    const messages = taskErrors(task).map((e) => e.message);
    expect(messages).to.include('Must be a hex colour such as "#1e90ff" or "#f80".');
    expect(messages.some((m) => m.includes('"KeyQ"'))).to.equal(true);
    const annotation: Doc = textAnnotation();
    annotation['meta'].startedAt = 'yesterday';
    annotation['meta'].submittedAt = 5;
    expect(pairs(shape(annotation).errors)).to.have.members(['pattern /meta/startedAt', 'type /meta/submittedAt']);
    expect(shape(annotation).errors.find((e) => e.path === '/meta/submittedAt')?.message).to.equal(
      'Must be a string or null.',
    );
  });

  it('counts string lengths in code points, as JSON Schema does', () => {
    const task: Doc = imageTask();
    task['image'].alt = '😀'.repeat(1000); // 2000 UTF-16 units, 1000 code points
    expect(taskErrors(task)).to.deep.equal([]);
    task['image'].alt = '😀'.repeat(1001);
    const [error] = taskErrors(task);
    expect(error?.code).to.equal('max-length');
    expect(error?.message).to.equal('Must be at most 1,000 characters long; it has 1001.');
  });

  it('rejects record keys that are not ids', () => {
    const annotation: Doc = textAnnotation();
    annotation['result'].answers[' why'] = 'x';
    expect(pairs(shape(annotation).errors)).to.deep.equal(['additional-property /result/answers/ why']);
    const task: Doc = textTask();
    task['questions'][0].scale.labels = { one: 'bad' };
    expect(pairs(taskErrors(task))).to.deep.equal(['additional-property /questions/0/scale/labels/one']);
  });

  it('reports the answer branch that fits the value', () => {
    const annotation: Doc = textAnnotation();
    const answers = annotation['result'].answers;
    answers.preference.strength = 5;
    answers.relevance['res-1'] = 7000;
    delete answers.entities[1].label;
    answers.helpfulness = 2.5;
    answers.ranking = [['r1', 3]];
    answers.sentiment = true;
    expect(pairs(shape(annotation).errors)).to.have.members([
      'maximum /result/answers/preference/strength',
      'maximum /result/answers/relevance/res-1',
      'required /result/answers/entities/1/label',
      'integer /result/answers/helpfulness',
      'type /result/answers/ranking/0/1',
      'type /result/answers/sentiment',
    ]);
  });

  it('reports scalar unions by the JSON types they take', () => {
    const task: Doc = textTask();
    task['questions'][6].requiredWhen.oneOf = [{}];
    const [error] = taskErrors(task);
    expect(error?.path).to.equal('/questions/6/requiredWhen/oneOf/0');
    expect(error?.message).to.equal('Must be a string, number or boolean.');
  });

  it('reports at most 100 errors, most specific first, without repeats', () => {
    const annotation: Doc = imageAnnotation();
    annotation['extra'] = true;
    annotation['result'].regions = Array.from({ length: 300 }, (_, i) => ({
      id: `r${i}`,
      type: 'bbox',
      label: 'car',
      bbox: { x: 'a', y: 0, width: 1, height: 1 },
    }));
    const errors = shape(annotation).errors;
    expect(errors).to.have.length(100);
    expect(new Set(errors.map((e) => `${e.path} ${e.code}`)).size).to.equal(100);
    const depths = errors.map((e) => e.path.split('/').length);
    expect(depths).to.deep.equal([...depths].sort((a, b) => b - a));
  });
});
