import { expect } from 'chai';
import { validationDe } from '../i18n/validation.de.js';
import { validationEn } from '../i18n/validation.en.js';
import { LIMITS } from '../model/schema.js';
import type { Task, ValidationError } from '../model/types.js';
import { checkAnnotationShape, notReadyError, parseTask, validateAnnotation, VALIDATION_CODES } from './index.js';
import { quote, quoteList } from './issues.js';
import { audioAnnotation, audioTask, imageAnnotation, imageTask, textAnnotation, textTask } from './test-fixtures.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const task = (input: unknown, locale: string): ValidationError[] => {
  const result = parseTask(input, { locale });
  return result.ok ? [] : result.errors;
};
const edit = <T>(value: T, change: (doc: Doc) => void): T => {
  change(value as Doc);
  return value;
};

/** Documents that, together, produce every error code. */
function gallery(locale: string): ValidationError[] {
  const out: ValidationError[] = [];
  const add = (errors: ValidationError[]): void => void out.push(...errors);
  const annotation = (doc: unknown, t: Task, draft = false): void =>
    add(validateAnnotation(doc, t, { locale, draft }).errors);
  const annotationInMode = (doc: unknown, t: Task, mode: 'review'): void =>
    add(validateAnnotation(doc, t, { locale, mode }).errors);
  let deep: unknown = [];
  for (let i = 0; i < 100; i++) deep = [deep];

  add(task('{"id": ', locale));
  add(task(JSON.parse('{"__proto__": 1}'), locale));
  add(task({ x: NaN }, locale));
  add(task(deep, locale));
  add(task(new Array(LIMITS.nodes + 1), locale));
  add(task({ f: () => 1 }, locale));
  add(
    task(
      edit(imageTask(), (t) => {
        t['title'] = 5;
        delete t['id'];
        t['extra'] = 1;
        t['image'] = { url: '', width: 0, height: 2e6, alt: 'x'.repeat(1001) };
        t['labels'][0].color = 'red';
        t['questions'][0].options = [];
        t['tools'] = ['bbox', 'polygon', 'keypoints', 'bbox'];
        t['questions'].push(
          { id: 'q2', label: 'Q', type: 'rating', display: 'dial', scale: { min: 1.5, max: 5 } },
          { id: 'q3', type: 'dial' },
        );
      }),
      locale,
    ),
  );
  add(
    checkAnnotationShape(
      edit(textAnnotation(), (a) => (a['schemaVersion'] = 2)),
      { locale },
    ).errors,
  );
  add(
    task(
      edit(textTask(), (t) => {
        t['questions'][1].id = 'helpfulness';
        t['questions'][0].target = 'r9';
        t['questions'][0].scale = { min: 3, max: 1 };
        t['questions'][5].minSelected = 3;
        t['questions'][5].maxSelected = 2;
        t['record'].results = [{ id: 'res-1', title: 'x', url: 'javascript:alert(1)' }];
        delete t['record'].text;
        t['questions'][7].field = 'prompt';
        delete t['record'].prompt;
      }),
      locale,
    ),
  );
  add(
    task(
      edit(imageTask(), (t) => (t['image'].url = 'javascript:alert(1)')),
      locale,
    ),
  );

  const broken = edit(textTask(), (t) => (t['questions'][0].scale = { min: 3, max: 1 }));
  annotation(textAnnotation(), broken);
  annotation(
    edit(textAnnotation(), (a) => (a['taskId'] = 'other')),
    textTask(),
  );
  annotation(
    edit(imageAnnotation(), (a) => {
      const [box, polygon, keypoints] = a['result'].regions;
      box.label = 'dog';
      delete box.attributes;
      box.bbox = { x: 4000, y: 3000, width: 100, height: 100 };
      polygon.points = [
        [0, 0],
        [10, 10],
        [10, 0],
        [0, 10],
      ];
      keypoints.keypoints[0].name = 'tail';
      a['result'].regions.push({ id: 'r4', type: 'bbox', label: 'car', bbox: { x: 0, y: 0, width: 0, height: 1 } });
      a['result'].answers = { weather: 'snow', extra: 1 };
    }),
    edit(imageTask(), (t) => (t['tools'] = ['bbox', 'keypoints'])),
  );
  annotation(
    edit(audioAnnotation(), (a) => {
      a['result'].segments.push(
        { id: 's3', start: 5, end: 4.0001, text: '' },
        { id: 's4', start: 8, end: 10, text: '' },
      );
    }),
    audioTask(),
  );
  annotation(
    edit(textAnnotation(), (a) => {
      const answers = a['result'].answers;
      delete answers.helpfulness;
      answers.sentiment = ['positive'];
      answers.ranking = ['r1', 'r2'];
      answers.entities = [
        { start: 0, end: 3, label: 'PERSON', text: 'Bob' },
        { start: 1, end: 4, label: 'PERSON', text: 'da ' },
      ];
    }),
    textTask(),
  );
  const wrongKind = parseTask(imageTask(), { locale, kind: 'text' });
  if (!wrongKind.ok) add(wrongKind.errors);
  annotationInMode(textAnnotation(), textTask(), 'review');
  out.push(notReadyError(locale));
  return out;
}

const GALLERY_DIGEST = 'eec1ccd1';

/** FNV-1a over UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

describe('validation messages', () => {
  it('has an English and a German message for every code', () => {
    for (const code of VALIDATION_CODES) {
      expect(validationEn, code).to.have.property(`validation.${code}`);
      expect(validationDe, code).to.have.property(`validation.${code}`);
    }
    expect(Object.keys(validationEn).sort()).to.deep.equal(VALIDATION_CODES.map((c) => `validation.${c}`).sort());
  });

  for (const locale of ['en', 'de']) {
    it(`formats every code with its parameters (${locale})`, () => {
      const errors = gallery(locale);
      expect(new Set(errors.map((e) => e.code))).to.have.all.keys(...VALIDATION_CODES);
      for (const error of errors) {
        expect(error.message, error.code).to.not.equal(error.code);
        expect(error.message, error.message).to.not.match(/[{}]/);
        expect(error.path === '' || error.path.startsWith('/'), error.path).to.equal(true);
      }
    });
  }

  it('speaks German for de and de-AT, English for unknown locales', () => {
    const en = gallery('en');
    const de = gallery('de-AT');
    expect(de.map((e) => e.code)).to.deep.equal(en.map((e) => e.code));
    const different = de.filter((e, i) => e.message !== en[i]?.message);
    expect(different.length).to.equal(de.length);
    expect(gallery('fr').map((e) => e.message)).to.deep.equal(en.map((e) => e.message));
  });

  it('quotes hostile strings shortened, on one line', () => {
    expect(quote('a\nb\u2028c\u0000')).to.equal('"a\\u000ab\\u2028c\\u0000"');
    const long = quote(`${'x'.repeat(59)}😀tail`);
    expect(long).to.equal(`"${'x'.repeat(59)}…"`); // never half a surrogate pair
    expect(quoteList(['a', 'b', 'c'], 2)).to.equal('"a", "b", …');
    const hostile = edit(
      imageAnnotation(),
      (a) => (a['result'].regions[1].label = `<img src=x onerror=alert(1)>\u2028${'y'.repeat(150)}`),
    );
    const [error] = validateAnnotation(hostile, imageTask()).errors;
    expect(error?.code).to.equal('unknown-label');
    expect(error?.message.length).to.be.below(160);
    expect(error?.message).to.contain('"<img src=x onerror=alert(1)>\\u2028yyy');
    expect(error?.message).to.not.contain('\u2028');
  });

  it('gives the same errors for the same input every time', () => {
    expect(JSON.stringify(gallery('de'))).to.equal(JSON.stringify(gallery('de')));
  });

  // The same pinned digest in Node and in Chromium proves both give byte-identical errors.
  // After an intended change of messages or checks, replace it with the value the failure shows.
  it('gives byte-identical errors in every engine (pinned digest)', () => {
    expect(fnv1a(JSON.stringify([gallery('en'), gallery('de')]))).to.equal(GALLERY_DIGEST);
  });
});
