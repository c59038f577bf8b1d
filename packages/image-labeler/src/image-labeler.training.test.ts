import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { LABEL_PALETTE, type ImageAnnotation, type ImageTask, type Region } from '@tagwerk/core';
import { mountReady, shadowQuery } from '../../ui/test/widget-fixture.js';
import type { TagwerkImageLabeler } from './index.js';
import './index.js';
import { gridImageUrl as imageUrl } from '../test/image-fixtures.js';

const box = (id: string, label: string, x: number, y: number, width: number, height: number): Region => ({
  id,
  type: 'bbox',
  label,
  bbox: { x, y, width, height },
});

function reference(regions: Region[]): ImageAnnotation {
  const now = new Date().toISOString();
  return {
    schemaVersion: 1,
    kind: 'image',
    taskId: 'gold',
    result: { image: { width: 1600, height: 1200 }, regions, answers: {} },
    meta: { startedAt: now, submittedAt: now, activeMs: 0, idleMs: 0, edits: 0, undos: 0, locale: 'en', widget: 'x' },
  };
}

let seq = 0;
async function mount(prefill: Region[], gold: Region[]): Promise<TagwerkImageLabeler> {
  seq += 1;
  const task: ImageTask = {
    id: `img-training-${Date.now()}-${seq}`,
    kind: 'image',
    image: { url: await imageUrl(1600, 1200), alt: 'A test image' },
    labels: [
      { id: 'car', name: 'Car', color: '#d62728' },
      { id: 'person', name: 'Person' },
    ],
    tools: ['bbox'],
    prefill,
  };
  const el = document.createElement('tagwerk-image-labeler');
  el.task = task;
  el.mode = 'training';
  el.reference = reference(gold);
  return mountReady(el, 1100);
}

const $ = <T extends Element = HTMLElement>(el: TagwerkImageLabeler, selector: string): T =>
  shadowQuery<T>(el, selector);

describe('<tagwerk-image-labeler> training feedback', () => {
  before(() => setViewport({ width: 1280, height: 1000 }));

  it('matches regions one to one by overlap and label, and counts the extras', async () => {
    const el = await mount(
      [
        box('p1', 'car', 110, 100, 200, 100),
        box('p2', 'car', 1000, 1000, 100, 100),
        box('p3', 'person', 100, 100, 200, 100),
      ],
      [
        box('g1', 'car', 100, 100, 200, 100),
        box('g2', 'car', 1040, 1000, 100, 100),
        box('g3', 'car', 1400, 100, 50, 50),
      ],
    );
    await el.submit();
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll('.feedback li')].map((li) => [
      li.className,
      li.textContent.replace(/\s+/g, ' ').trim(),
    ]);
    expect(rows).to.deep.equal([
      ['agree', 'Reference region 1 (Car) — best overlap 90%'],
      ['differ', 'Reference region 2 (Car) — best overlap 43%'],
      ['differ', 'Reference region 3 (Car) — best overlap 0%'],
      // The person box lies on the first car but has another label.
      ['differ', '1 region more than the reference'],
    ]);
  });

  it('colours swatches with the task’s colours and the shared palette, without style attributes', async () => {
    const el = await mount([box('p1', 'person', 100, 100, 200, 100)], []);
    const swatches = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.label .swatch')];
    expect(swatches.map((s) => getComputedStyle(s).backgroundColor)).to.deep.equal([
      'rgb(214, 39, 40)',
      // Person has no colour: the palette's second (the first position is the task's Car).
      'rgb(230, 159, 0)',
    ]);
    expect(LABEL_PALETTE[1]).to.equal('#E69F00');
    expect(swatches.filter((s) => s.hasAttribute('style'))).to.deep.equal([]);
    // The stage takes the image's shape.
    const stage = $(el, '.stage').getBoundingClientRect();
    expect(stage.width / stage.height).to.be.closeTo(1600 / 1200, 0.01);
  });
});
