import { expect } from 'chai';
import type { PolygonRegion } from '../model/types.js';
import {
  audioAnnotation,
  imageAnnotation,
  imageTask,
  META,
  SPAN_TEXT,
  textAnnotation,
  textTask,
} from '../validate/test-fixtures.js';
import { sliceCodePoints } from '../validate/codepoints.js';
import { toW3C } from './w3c.js';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

describe('exporters: toW3C', () => {
  it('writes one Annotation per box and polygon of an image envelope (hand-checked)', () => {
    expect(toW3C(imageAnnotation(), { task: imageTask() })).to.deep.equal([
      {
        '@context': CONTEXT,
        id: 'urn:tagwerk:img-1/r1',
        type: 'Annotation',
        created: META.submittedAt,
        body: { type: 'TextualBody', purpose: 'tagging', value: 'Car' },
        target: {
          source: 'https://example.org/street.jpg',
          // x 100.5 … 440.5 rounded outward to whole pixels: 100 … 441.
          selector: {
            type: 'FragmentSelector',
            conformsTo: 'http://www.w3.org/TR/media-frags/',
            value: 'xywh=pixel:100,220,341,180',
          },
        },
      },
      {
        '@context': CONTEXT,
        id: 'urn:tagwerk:img-1/r2',
        type: 'Annotation',
        created: META.submittedAt,
        body: { type: 'TextualBody', purpose: 'tagging', value: 'Road' },
        target: {
          source: 'https://example.org/street.jpg',
          selector: {
            type: 'SvgSelector',
            value: '<svg xmlns="http://www.w3.org/2000/svg"><polygon points="0,2000 4032,1900 4032,3024"/></svg>',
          },
        },
      },
    ]);
  });

  it('keeps fractional pixels on request, and takes source, id base and names from options', () => {
    const [box] = toW3C(imageAnnotation(), {
      fragment: 'exact',
      source: 'https://img.example/1.jpg',
      idBase: 'https://anno.example/',
      labelNames: new Map([['car', 'Automobile']]),
    });
    expect(box!.id).to.equal('https://anno.example/img-1/r1');
    expect(box!.target).to.deep.equal({
      source: 'https://img.example/1.jpg',
      selector: {
        type: 'FragmentSelector',
        conformsTo: 'http://www.w3.org/TR/media-frags/',
        value: 'xywh=pixel:100.5,220,340,180',
      },
    });
    expect(box!.body.value).to.equal('Automobile');
  });

  it('without a task: label ids as values, a URN as source; no created in drafts', () => {
    const annotation = imageAnnotation();
    annotation.meta.submittedAt = null;
    const [box] = toW3C(annotation);
    expect(box!.body.value).to.equal('car');
    expect(box!.target.source).to.equal('urn:tagwerk:img-1/image');
    expect(box).not.to.have.property('created');
  });

  it('targets spans with code-point TextPositionSelectors and TextQuoteSelectors (hand-checked)', () => {
    const out = toW3C(textAnnotation(), { task: textTask() });
    expect(out.map((a) => [a.id, a.body.value, a.target.source])).to.deep.equal([
      ['urn:tagwerk:txt-1/entities/0', 'Person', 'urn:tagwerk:txt-1/text'],
      ['urn:tagwerk:txt-1/entities/1', 'Person', 'urn:tagwerk:txt-1/text'],
      ['urn:tagwerk:txt-1/entities/2', 'Place', 'urn:tagwerk:txt-1/text'],
    ]);
    expect(out[0]!.target.selector).to.deep.equal([
      { type: 'TextPositionSelector', start: 0, end: 5 },
      { type: 'TextQuoteSelector', exact: 'Ada 👩', prefix: '', suffix: '\u200D💻 met Zoë (Zoe\u0308) in القاهرة and' },
    ]);
    expect(out[2]!.target.selector).to.deep.equal([
      { type: 'TextPositionSelector', start: 26, end: 33 },
      {
        type: 'TextQuoteSelector',
        exact: 'القاهرة',
        prefix: 'Ada 👩‍💻 met Zoë (Zoe\u0308) in ',
        suffix: ' and עברית 🎉!',
      },
    ]);
    // The positions select the quoted text when counted in code points.
    for (const annotation of out) {
      const [position, quote] = annotation.target.selector as unknown as [
        { start: number; end: number },
        { exact: string },
      ];
      expect(sliceCodePoints(SPAN_TEXT, position.start, position.end)).to.equal(quote.exact);
    }
  });

  it('finds spans by shape without a task, and leaves other answers out', () => {
    const out = toW3C(textAnnotation(), { source: (field) => `https://text.example/${field}` });
    expect(out).to.have.length(3);
    expect(out[1]!.target).to.deep.equal({
      source: 'https://text.example/entities',
      selector: [
        { type: 'TextPositionSelector', start: 12, end: 15 },
        { type: 'TextQuoteSelector', exact: 'Zoë' },
      ],
    });
  });

  it('keeps hostile labels and ids out of markup: SVG from numbers only, ids percent-encoded', () => {
    const annotation = imageAnnotation();
    annotation.taskId = 'a b/c?d#e';
    const polygon = annotation.result.regions[1] as PolygonRegion;
    polygon.label = '"/><script>alert(1)</script>';
    polygon.id = '"/><x>';
    const out = toW3C(annotation);
    const svg = out.find((a) => !Array.isArray(a.target.selector) && a.target.selector.type === 'SvgSelector')!;
    expect(svg.id).to.equal('urn:tagwerk:a%20b%2Fc%3Fd%23e/%22%2F%3E%3Cx%3E');
    expect((svg.target.selector as { value: string }).value).not.to.contain('script');
    expect(svg.body.value).to.equal(polygon.label);
    // Non-numeric coordinates (a forged envelope) drop the region rather than reach the SVG.
    (polygon.points[0] as unknown[])[0] = '0"/><script>';
    expect(toW3C(annotation).map((a) => a.id)).to.deep.equal(['urn:tagwerk:a%20b%2Fc%3Fd%23e/r1']);
  });

  it('parses the SVG selector as well-formed SVG', function () {
    if (typeof DOMParser === 'undefined') this.skip(); // browsers only
    const svg = toW3C(imageAnnotation())[1]!.target.selector as { value: string };
    const doc = new DOMParser().parseFromString(svg.value, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.documentElement.firstElementChild!.getAttribute('points')).to.equal('0,2000 4032,1900 4032,3024');
  });

  it('throws for audio envelopes', () => {
    expect(() => toW3C(audioAnnotation())).to.throw(TypeError, /image or text/);
  });
});
