/**
 * The widgets' `./class` entries have no side effects: importing them defines no custom element
 * and adds no global, so a host can register a widget under a name of its own. The question
 * fields are defined when a widget first renders one, and by the main entries, which never throw
 * (imported twice, or after a host named the class). The tests run in order on this file's own
 * page (one page per test file) and its one registry. Two copies of the library: two-copies.test.ts.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { fieldsTask } from './fields-task.js';

const TAGWERK_NAMES = [
  'tagwerk-text-rater',
  'tagwerk-image-labeler',
  'tagwerk-audio-transcriber',
  'tagwerk-ranking-field',
  'tagwerk-spans-field',
  'tagwerk-test-widget',
];

/**
 * Globals a dependency assigns when imported, which no entry of ours can prevent while it imports
 * the dependency statically: konva (under peaks.js, audio-transcriber's peaks-controller.ts) sets
 * `window.Konva`. Loading peaks.js on first use would remove the exception.
 */
const THIRD_PARTY_GLOBALS = new Set(['Konva']);

// Every successful definition on this page, in order (installed before any Tagwerk module loads:
// the entries below are imported dynamically).
const defined: string[] = [];
const define = CustomElementRegistry.prototype.define;
CustomElementRegistry.prototype.define = function (
  this: CustomElementRegistry,
  ...args: Parameters<CustomElementRegistry['define']>
) {
  define.apply(this, args);
  defined.push(args[0]);
};

let classes: Record<'text' | 'image' | 'audio', CustomElementConstructor>;

const task = fieldsTask('class-entries-1');

describe('./class entries', () => {
  it('define no element and add no global when imported', async () => {
    const globalsBefore = new Set(Object.getOwnPropertyNames(globalThis));
    // The `./class` entries by their source paths (package.json `exports["./class"].source`).
    const [text, image, audio] = await Promise.all([
      import('../../text-rater/src/text-rater.js'),
      import('../../image-labeler/src/image-labeler.js'),
      import('../../audio-transcriber/src/audio-transcriber.js'),
    ]);
    classes = { text: text.TagwerkTextRater, image: image.TagwerkImageLabeler, audio: audio.TagwerkAudioTranscriber };
    for (const widget of Object.values(classes)) expect(widget).to.be.a('function');

    expect(defined, 'elements defined at import').to.deep.equal([]);
    for (const name of TAGWERK_NAMES) expect(customElements.get(name), name).to.equal(undefined);
    const added = Object.getOwnPropertyNames(globalThis).filter(
      (name) => !globalsBefore.has(name) && !THIRD_PARTY_GLOBALS.has(name),
    );
    expect(added, 'globals added at import').to.deep.equal([]);
  });

  it('let a host define a widget under its own name; the fields are defined once it renders one', async () => {
    customElements.define('host-text-rater', classes.text);
    const el = document.createElement('host-text-rater') as HTMLElement & {
      task: unknown;
      autosave: string;
      updateComplete: Promise<boolean>;
    };
    // Constructing the widget defines nothing by itself.
    expect(defined).to.deep.equal(['host-text-rater']);

    el.autosave = 'off';
    el.task = task;
    const ready = oneEvent(el, 'tagwerk-ready');
    await fixture(html`<div>${el}</div>`);
    await ready;
    await el.updateComplete;

    expect(defined).to.deep.equal(['host-text-rater', 'tagwerk-ranking-field', 'tagwerk-spans-field']);
    for (const tag of ['tagwerk-ranking-field', 'tagwerk-spans-field']) {
      const field = el.shadowRoot!.querySelector(tag);
      expect(field, tag).to.not.equal(null);
      expect(field!.constructor, `${tag} is upgraded`).to.equal(customElements.get(tag));
      expect(field!.shadowRoot, `${tag} rendered`).to.not.equal(null);
    }
    // The host's name is the only one the widget got.
    expect(customElements.get('tagwerk-text-rater')).to.equal(undefined);
  });
});

describe('main entries', () => {
  it('define each widget under its tagwerk- name, never throwing, even when imported twice', async () => {
    const before = defined.length;
    await import('../../text-rater/src/index.js');
    await import('../../image-labeler/src/index.js');
    await import('../../audio-transcriber/src/index.js');
    // A second evaluation of each entry module (another URL), as a second bundle would run it. Not
    // a literal specifier, so the dev server serves it as written: the .ts source.
    for (const widget of ['text-rater', 'image-labeler', 'audio-transcriber']) {
      await import(`../../${widget}/src/index.ts?again`);
    }

    // The text-rater's class already has the host's name (above): it keeps that one only.
    expect(defined.slice(before)).to.deep.equal(['tagwerk-image-labeler', 'tagwerk-audio-transcriber']);
    expect(customElements.get('tagwerk-text-rater')).to.equal(undefined);
    expect(customElements.get('host-text-rater')).to.equal(classes.text);
    expect(customElements.get('tagwerk-image-labeler')).to.equal(classes.image);
    expect(customElements.get('tagwerk-audio-transcriber')).to.equal(classes.audio);
  });
});
