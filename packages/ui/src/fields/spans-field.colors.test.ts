import { expect, fixture, html } from '@open-wc/testing';
import { makeSpan, type Label } from '@tagwerk/core';
import type { TagwerkSpansField } from './spans-field.js';
import { defineFields } from '../define-fields.js';

defineFields();

describe('<tagwerk-spans-field> label colours', () => {
  it('shows the task’s colours with readable tag text, the default palette elsewhere, hostile ids inert', async () => {
    const hostile = '"] * { display: none } [x="';
    const labels: Label[] = [
      { id: 'PER', name: 'PERSON' },
      { id: hostile, name: 'HOSTILE', color: '#ffd400' },
      { id: 'ORG', name: 'ORG', color: '#123' },
      { id: 'BAD', name: 'BAD', color: 'red; } * { display: none' },
    ];
    const text = 'Ada met Bob';
    const el = await fixture<TagwerkSpansField>(
      html`<tagwerk-spans-field
        style="color-scheme: light"
        .text=${text}
        .labels=${labels}
        .value=${[makeSpan(text, 0, 3, hostile), makeSpan(text, 8, 11, 'ORG')]}
      ></tagwerk-spans-field>`,
    );
    const swatches = [...el.shadowRoot!.querySelectorAll('.label-button .swatch')];
    expect(swatches.map((s) => getComputedStyle(s).backgroundColor)).to.deep.equal([
      'rgb(31, 87, 195)', // default palette, first entry
      'rgb(255, 212, 0)',
      'rgb(17, 34, 51)',
      'rgb(123, 63, 160)', // an invalid colour: the default palette's fourth entry
    ]);
    // Tag text on the highlight: black on yellow, white on dark blue.
    const tags = [...el.shadowRoot!.querySelectorAll('.hl[data-tag]')];
    expect(tags.map((t) => getComputedStyle(t, '::before').color)).to.deep.equal([
      'rgb(0, 0, 0)',
      'rgb(255, 255, 255)',
    ]);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.text')!).display).not.to.equal('none');
  });
});
