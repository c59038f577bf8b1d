/**
 * Two copies of the library on one page (two bundles, or two versions of a widget): whichever
 * copy defines an element first serves both, and the other copy neither throws nor redefines it.
 * The same modules loaded under other URLs stand in for the other copy: they are other classes.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { fieldsTask } from './fields-task.js';

// Not literal specifiers, so the dev server serves them as written (the .ts sources) and
// TypeScript does not try to resolve a specifier with a query.
const OTHER_COPY: Record<'ranking' | 'spans' | 'textRater', string> = {
  ranking: '../src/fields/ranking-field.ts?copy=2',
  spans: '../src/fields/spans-field.ts?copy=2',
  textRater: '../../text-rater/src/text-rater.ts?copy=2',
};

const task = fieldsTask('two-copies-1');

type Widget = HTMLElement & { task: unknown; autosave: string; updateComplete: Promise<boolean> };

async function mount(tag: string): Promise<Widget> {
  const el = document.createElement(tag) as Widget;
  el.autosave = 'off';
  el.task = task;
  const ready = oneEvent(el, 'tagwerk-ready');
  await fixture(html`<div>${el}</div>`);
  await ready;
  await el.updateComplete;
  return el;
}

describe('two copies of the library on one page', () => {
  it('the copy that defined the elements first serves both; ours neither throws nor redefines', async () => {
    const other = {
      ranking: ((await import(OTHER_COPY.ranking)) as { TagwerkRankingField: CustomElementConstructor })
        .TagwerkRankingField,
      spans: ((await import(OTHER_COPY.spans)) as { TagwerkSpansField: CustomElementConstructor }).TagwerkSpansField,
      textRater: ((await import(OTHER_COPY.textRater)) as { TagwerkTextRater: CustomElementConstructor })
        .TagwerkTextRater,
    };
    customElements.define('tagwerk-ranking-field', other.ranking);
    customElements.define('tagwerk-spans-field', other.spans);
    customElements.define('tagwerk-text-rater', other.textRater);

    // Our copy's main entry: the names are taken, so it leaves them (and must not throw).
    const ours = (await import('../../text-rater/src/index.js')) as { TagwerkTextRater: CustomElementConstructor };
    expect(ours.TagwerkTextRater).to.not.equal(other.textRater);
    expect(customElements.get('tagwerk-text-rater')).to.equal(other.textRater);
    expect(customElements.get('tagwerk-ranking-field')).to.equal(other.ranking);
    expect(customElements.get('tagwerk-spans-field')).to.equal(other.spans);

    // Our widget, under a name of the host's, renders with the other copy's fields.
    customElements.define('host-text-rater', ours.TagwerkTextRater);
    for (const tag of ['tagwerk-text-rater', 'host-text-rater']) {
      const el = await mount(tag);
      for (const [fieldTag, fieldClass] of [
        ['tagwerk-ranking-field', other.ranking],
        ['tagwerk-spans-field', other.spans],
      ] as const) {
        const field = el.shadowRoot!.querySelector(fieldTag);
        expect(field?.constructor, `${tag}: ${fieldTag}`).to.equal(fieldClass);
        expect(field!.shadowRoot, `${tag}: ${fieldTag} rendered`).to.not.equal(null);
      }
    }
  });
});
