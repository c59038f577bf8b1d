import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css, nothing } from 'lit';
import { LabelColorsController } from './label-colors.js';

/** A host listing keys with their tokens, its own default colour underneath. */
class ColorsHost extends LitElement {
  static override styles = css`
    span {
      --label-color: rgb(1, 2, 3);
      color: var(--label-color);
      background-color: var(--on, transparent);
    }
  `;
  static override properties = { keys: { attribute: false } };
  readonly colors = new LabelColorsController(this, { textProperty: '--on' });
  declare keys: string[];
  constructor() {
    super();
    this.keys = [];
  }
  override render() {
    return this.keys.map((k) => html`<span data-label-color=${this.colors.token(k) ?? nothing}>${k}</span>`);
  }
}
customElements.define('test-label-colors-host', ColorsHost);

async function mount(): Promise<ColorsHost> {
  return fixture<ColorsHost>(html`<test-label-colors-host></test-label-colors-host>`);
}

const shown = (el: ColorsHost): string[][] =>
  [...el.shadowRoot!.querySelectorAll('span')].map((s) => {
    const style = getComputedStyle(s);
    return [s.textContent, style.color, style.backgroundColor];
  });

describe('LabelColorsController', () => {
  it('colours elements by key through one adopted sheet, with readable text colours', async () => {
    const el = await mount();
    el.colors.set([
      ['a', '#0072B2'],
      ['b', '#ff0'],
      ['c', undefined],
    ]);
    el.keys = ['a', 'b', 'c', 'unknown'];
    await el.updateComplete;
    expect(shown(el)).to.deep.equal([
      ['a', 'rgb(0, 114, 178)', 'rgb(255, 255, 255)'],
      ['b', 'rgb(255, 255, 0)', 'rgb(0, 0, 0)'],
      ['c', 'rgb(1, 2, 3)', 'rgba(0, 0, 0, 0)'],
      ['unknown', 'rgb(1, 2, 3)', 'rgba(0, 0, 0, 0)'],
    ]);
    expect([
      el.colors.token('a'),
      el.colors.token('c'),
      el.colors.token('unknown'),
      el.colors.token(undefined),
    ]).to.deep.equal(['0', '2', undefined, undefined]);
    // Setting again replaces the rules in the same sheet; reconnecting does not adopt it twice.
    const sheets = el.shadowRoot!.adoptedStyleSheets.length;
    el.colors.set([['b', '#000000']]);
    el.keys = ['b', 'a'];
    el.remove();
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.adoptedStyleSheets.length).to.equal(sheets);
    expect(shown(el).map((row) => row[1])).to.deep.equal(['rgb(0, 0, 0)', 'rgb(1, 2, 3)']);
    el.remove();
  });

  it('never writes keys or invalid colours into the CSS text', async () => {
    const el = await mount();
    const hostile = '"] , * { color: red } [x="';
    el.colors.set([
      [hostile, '#00ff00'],
      ['b', 'red; } span { display: none'],
      ['c', 'var(--x)'],
    ]);
    el.keys = [hostile, 'b', 'c'];
    await el.updateComplete;
    const sheet = el.shadowRoot!.adoptedStyleSheets.at(-1)!;
    const text = [...sheet.cssRules].map((r) => r.cssText).join('\n');
    expect(text).to.equal('[data-label-color="0"] { --label-color: #00ff00; --on: #000000; }');
    expect(shown(el).map((row) => row[1])).to.deep.equal(['rgb(0, 255, 0)', 'rgb(1, 2, 3)', 'rgb(1, 2, 3)']);
  });

  it('refuses attribute and property names that are not plain names', () => {
    const host = document.createElement('test-label-colors-host') as ColorsHost;
    expect(() => new LabelColorsController(host, { attribute: 'data-x"]' })).to.throw(TypeError);
    expect(() => new LabelColorsController(host, { property: 'color' })).to.throw(TypeError);
    expect(() => new LabelColorsController(host, { textProperty: '--a;b' })).to.throw(TypeError);
  });
});
