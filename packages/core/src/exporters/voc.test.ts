import { expect } from 'chai';
import type { ImageAnnotation } from '../model/types.js';
import { audioAnnotation, imageAnnotation } from '../validate/test-fixtures.js';
import { nameOf, toPascalVOC, xmlText } from './voc.js';

const HOSTILE = `</name><script>alert("x")</script> & ]]> 'q' \u0000\u0007\uD800 ok`;

function withBox(bbox: { x: number; y: number; width: number; height: number }, label = 'car'): ImageAnnotation {
  const annotation = imageAnnotation();
  annotation.result.image = { width: 100, height: 50 };
  annotation.result.regions = [{ id: 'b', type: 'bbox', label, bbox }];
  return annotation;
}

/** The 1-based bounding box VOC writes for one region. */
function bndbox(xml: string): number[] {
  return ['xmin', 'ymin', 'xmax', 'ymax'].map((tag) => Number(new RegExp(`<${tag}>(\\d+)</${tag}>`).exec(xml)![1]));
}

describe('exporters: toPascalVOC', () => {
  it('writes the VOC layout with 1-based inclusive pixel boxes (hand-checked)', () => {
    const xml = toPascalVOC(imageAnnotation(), {
      filename: 'street.jpg',
      folder: 'batch-7',
      labelNames: { car: 'Car', road: 'Road' },
    });
    expect(xml).to.equal(
      [
        '<annotation>',
        '\t<folder>batch-7</folder>',
        '\t<filename>street.jpg</filename>',
        '\t<size>',
        '\t\t<width>4032</width>',
        '\t\t<height>3024</height>',
        '\t\t<depth>3</depth>',
        '\t</size>',
        '\t<segmented>0</segmented>',
        '\t<object>',
        '\t\t<name>Car</name>',
        '\t\t<pose>Unspecified</pose>',
        '\t\t<truncated>0</truncated>',
        '\t\t<difficult>0</difficult>',
        '\t\t<bndbox>',
        // x 100.5 … 440.5 touches pixels 100 … 440 (0-based), 101 … 441 (1-based).
        '\t\t\t<xmin>101</xmin>',
        '\t\t\t<ymin>221</ymin>',
        '\t\t\t<xmax>441</xmax>',
        '\t\t\t<ymax>400</ymax>',
        '\t\t</bndbox>',
        '\t</object>',
        '\t<object>',
        '\t\t<name>Road</name>',
        '\t\t<pose>Unspecified</pose>',
        '\t\t<truncated>0</truncated>',
        '\t\t<difficult>0</difficult>',
        '\t\t<bndbox>',
        '\t\t\t<xmin>1</xmin>',
        '\t\t\t<ymin>1901</ymin>',
        '\t\t\t<xmax>4032</xmax>',
        '\t\t\t<ymax>3024</ymax>',
        '\t\t</bndbox>',
        '\t</object>',
        '</annotation>',
        '',
      ].join('\n'),
    );
  });

  it('rounds outward to the pixels a box touches and clamps to the image', () => {
    expect(bndbox(toPascalVOC(withBox({ x: 0, y: 0, width: 10, height: 5 })))).to.deep.equal([1, 1, 10, 5]);
    expect(bndbox(toPascalVOC(withBox({ x: 2.2, y: 3.9, width: 0.5, height: 0.2 })))).to.deep.equal([3, 4, 3, 5]);
    expect(bndbox(toPascalVOC(withBox({ x: 5, y: 5, width: 0, height: 0 })))).to.deep.equal([6, 6, 6, 6]);
    expect(bndbox(toPascalVOC(withBox({ x: -0.4, y: 49.5, width: 100.8, height: 0.5 })))).to.deep.equal([
      1, 50, 100, 50,
    ]);
  });

  it('skips polygons on request, and keypoints always', () => {
    const xml = toPascalVOC(imageAnnotation(), { polygons: 'skip' });
    expect(xml.match(/<object>/g)).to.have.length(1);
    expect(xml).to.contain('<name>car</name>');
    expect(xml).to.contain('<filename>img-1</filename>');
  });

  it('sets truncated and difficult from boolean attributes', () => {
    const annotation = withBox({ x: 0, y: 0, width: 1, height: 1 });
    annotation.result.regions[0]!.attributes = { truncated: true, difficult: 'yes' };
    const xml = toPascalVOC(annotation);
    expect(xml).to.contain('<truncated>1</truncated>');
    expect(xml).to.contain('<difficult>0</difficult>');
  });

  it('escapes every string: hostile labels, file names and folders stay text', () => {
    const xml = toPascalVOC(withBox({ x: 0, y: 0, width: 1, height: 1 }, 'x'), {
      filename: HOSTILE,
      folder: HOSTILE,
      labelNames: { x: HOSTILE },
    });
    const escaped =
      '&lt;/name&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt; &apos;q&apos; \uFFFD\uFFFD\uFFFD ok';
    expect(xml).to.contain(`<folder>${escaped}</folder>`);
    expect(xml).to.contain(`<filename>${escaped}</filename>`);
    expect(xml).to.contain(`<name>${escaped}</name>`);
    expect(xml).not.to.contain('<script');
    expect(xml).not.to.match(/[\u0000-\u0008\uD800-\uDFFF]/);
    // Exactly the structural tags remain.
    expect(xml.match(/</g)).to.have.length(
      toPascalVOC(withBox({ x: 0, y: 0, width: 1, height: 1 }, 'x')).match(/</g)!.length,
    );
  });

  it('parses as well-formed XML with the names intact', function () {
    if (typeof DOMParser === 'undefined') this.skip(); // browsers only
    const xml = toPascalVOC(withBox({ x: 0, y: 0, width: 1, height: 1 }, 'x'), { labelNames: { x: 'a<b>&"c"' } });
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.querySelector('object > name')!.textContent).to.equal('a<b>&"c"');
  });

  it('throws for other kinds', () => {
    expect(() => toPascalVOC(audioAnnotation())).to.throw(TypeError, /image annotation/);
  });

  it('helpers: xmlText keeps astral characters; nameOf reads objects and Maps', () => {
    expect(xmlText('👩‍💻 <')).to.equal('👩‍💻 &lt;');
    expect(nameOf({ a: 'A' }, 'a')).to.equal('A');
    expect(nameOf({ a: 'A' }, 'toString')).to.equal('toString');
    expect(nameOf(new Map([['a', 'A']]), 'a')).to.equal('A');
    expect(nameOf(undefined, 'a')).to.equal('a');
  });
});
