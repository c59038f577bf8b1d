import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import {
  CodePointIndex,
  createTranslator,
  type Label,
  makeSpan,
  sliceCodePoints,
  type Span,
  type TextAnnotation,
  type TextTask,
  validateAnnotation,
} from '@tagwerk/core';
import { uiMessages } from '../i18n/messages.js';
import type { SpansFieldChangeEvent, TagwerkSpansField } from './spans-field.js';
import { defineFields } from '../define-fields.js';

defineFields();

const WOMAN_TECH = '👩‍💻';
const FAMILY = '👨‍👩‍👧';
const LABELS: Label[] = [
  { id: 'PER', name: 'PERSON' },
  { id: 'EMO', name: 'EMOJI', color: '#ffd400' },
];

interface Options {
  text: string;
  labels?: Label[];
  value?: Span[];
  overlap?: boolean;
  readonly?: boolean;
  dir?: 'ltr' | 'rtl';
}

async function mount(o: Options): Promise<TagwerkSpansField> {
  // The element itself is the fixture: open-wc then awaits its updateComplete, not an animation
  // frame (which a background page of a parallel run never gets).
  const el = await fixture<TagwerkSpansField>(
    html`<tagwerk-spans-field
      .text=${o.text}
      .labels=${o.labels ?? LABELS}
      .value=${o.value ?? []}
      .overlap=${o.overlap ?? false}
      .readonly=${o.readonly ?? false}
      .dir=${o.dir ?? ''}
      .questionLabel=${'Entities'}
    ></tagwerk-spans-field>`,
  );
  const before = document.createElement('button');
  before.type = 'button';
  before.className = 'before';
  before.textContent = 'before';
  el.before(before);
  return el;
}

const $ = <T extends Element = HTMLElement>(el: TagwerkSpansField, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};
const textEl = (el: TagwerkSpansField): HTMLElement => $(el, '.text');
const active = (el: TagwerkSpansField): Element | null => el.shadowRoot!.activeElement;
/** Text without the Unicode isolates the field puts around quoted text (for right-to-left quotes). */
const plain = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const status = (el: TagwerkSpansField): string => plain($(el, '[role="status"]').textContent);
const shown = (node: Element | null): string => plain(node?.textContent);

/** Holds modifiers down around one key press (sendKeys' press takes no combinations). */
async function press(combo: string): Promise<void> {
  const keys = combo.split('+');
  const key = keys.pop()!;
  for (const modifier of keys) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  for (const modifier of keys.reverse()) await sendKeys({ up: modifier });
}

/** Tabs from the button before the field into its text, the way a worker would. */
async function tabIntoText(el: TagwerkSpansField): Promise<void> {
  (el.parentElement!.querySelector('.before') as HTMLElement).focus();
  for (let i = 0; i < 12 && active(el) !== textEl(el); i++) await sendKeys({ press: 'Tab' });
  expect(active(el), 'the text is a tab stop').to.equal(textEl(el));
}

function recordChanges(el: TagwerkSpansField): Span[][] {
  const seen: Span[][] = [];
  el.addEventListener('tagwerk-field-change', (e) => seen.push((e as SpansFieldChangeEvent).detail.value));
  return seen;
}

function nextChange(el: TagwerkSpansField): Promise<Span[]> {
  return oneEvent<SpansFieldChangeEvent>(el, 'tagwerk-field-change').then((e) => e.detail.value);
}

/** The emitted spans must be what a server accepts for this text. */
function expectValid(text: string, spans: Span[], labels: Label[] = LABELS, overlap = false): void {
  for (const s of spans) expect(sliceCodePoints(text, s.start, s.end)).to.equal(s.text);
  const task: TextTask = {
    id: 'spans-field',
    kind: 'text',
    record: { text },
    questions: [{ id: 'ents', type: 'spans', label: 'Entities', field: 'text', labels, overlap }],
  };
  const annotation: TextAnnotation = {
    schemaVersion: 1,
    kind: 'text',
    taskId: 'spans-field',
    result: { answers: { ents: spans } },
    meta: {
      startedAt: '2026-01-01T00:00:00.000Z',
      submittedAt: null,
      activeMs: 0,
      idleMs: 0,
      edits: 1,
      undos: 0,
      locale: 'en',
      widget: 'test',
    },
  };
  expect(validateAnnotation(annotation, task).errors).to.deep.equal([]);
}

/** The first text node of the rendered text (the whole text while there are no spans). */
function textNode(el: TagwerkSpansField): Text {
  const holder = $(el, '.text [data-o]');
  const node = [...holder.childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
  if (!node) throw new Error('no text node');
  return node as Text;
}

/** Viewport box of UTF-16 range [from, to) of a text node. */
function boxOf(node: Text, from: number, to: number): DOMRect {
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(node, to);
  return range.getBoundingClientRect();
}

async function drag(from: [number, number], to: [number, number]): Promise<void> {
  const round = (p: [number, number]): [number, number] => [Math.round(p[0]), Math.round(p[1])];
  await sendMouse({ type: 'move', position: round(from) });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: round([(from[0] + to[0]) / 2, (from[1] + to[1]) / 2]) });
  await sendMouse({ type: 'move', position: round(to) });
  await sendMouse({ type: 'up' });
}

async function clickAt(box: DOMRect): Promise<void> {
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

describe('<tagwerk-spans-field>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('is accessible, with spans, palette and chips', async () => {
    const text = `Hi Ada ${WOMAN_TECH} and ${FAMILY}!`;
    const el = await mount({ text, value: [makeSpan(text, 3, 6, 'PER'), makeSpan(text, 7, 10, 'EMO')], overlap: true });
    await expect(el).to.be.accessible();
    const text$ = textEl(el);
    expect(text$.getAttribute('tabindex')).to.equal('0');
    expect(text$.getAttribute('aria-label')).to.equal('Entities');
    // Each palette entry carries swatch, name and key: colour is never the only cue.
    const buttons = [...el.shadowRoot!.querySelectorAll('.label-button')];
    expect(buttons.map((b) => [b.querySelector('.swatch') !== null, shown(b)])).to.deep.equal([
      [true, 'PERSON 1'],
      [true, 'EMOJI 2'],
    ]);
    expect(plain($(el, '.remove[data-span="0"]').getAttribute('aria-label'))).to.equal('Remove PERSON: Ada');
  });

  it('is accessible read-only, and refuses edits there', async () => {
    const text = 'Ada Lovelace';
    const el = await mount({ text, value: [makeSpan(text, 0, 3, 'PER')], readonly: true });
    await expect(el).to.be.accessible();
    const changes = recordChanges(el);
    expect(el.shadowRoot!.querySelector('.label-button')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.remove')).to.equal(null);
    $(el, '.chip').focus();
    await sendKeys({ press: 'Delete' });
    await tabIntoText(el);
    await press('Shift+ArrowRight');
    expect(el.applyLabel('PER')).to.equal(false);
    await el.updateComplete;
    expect(status(el)).to.contain('read-only');
    expect(changes).to.deep.equal([]);
  });

  it('creates a span by keyboard: token moves, Shift extends, a digit applies the label', async () => {
    const text = `Hi Ada ${WOMAN_TECH} and ${FAMILY}!`;
    const el = await mount({ text });
    await tabIntoText(el);
    await sendKeys({ press: 'ArrowRight' }); // caret to "Ada"
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowRight' }); // "Ada"
    await sendKeys({ press: 'ArrowRight' }); // "Ada 👩‍💻": the ZWJ sequence is one token
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(status(el)).to.equal(`Selected: Ada ${WOMAN_TECH}`);
    const change = nextChange(el);
    await sendKeys({ press: '1' });
    const value = await change;
    expect(value).to.deep.equal([
      { start: 3, end: 10, label: 'PER', text: `Ada ${WOMAN_TECH}`, startUtf16: 3, endUtf16: 12 },
    ]);
    await el.updateComplete;
    expect(status(el)).to.equal(`PERSON: Ada ${WOMAN_TECH} added`);

    // On to the family emoji, labelled with the second label.
    await sendKeys({ press: 'ArrowRight' }); // "and"
    await sendKeys({ press: 'ArrowRight' }); // 👨‍👩‍👧
    await press('Shift+ArrowRight');
    const second = nextChange(el);
    await sendKeys({ press: '2' });
    const both = await second;
    expect(both[1]).to.deep.equal({ start: 15, end: 20, label: 'EMO', text: FAMILY, startUtf16: 17, endUtf16: 25 });
    expectValid(text, both);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.chip')).to.have.length(2);
  });

  it('adjusts edges by one grapheme with Alt+Shift and applies the active label with Enter', async () => {
    const text = 'cafe\u0301 au lait 🇩🇪🇫🇷 now';
    const el = await mount({ text });
    await tabIntoText(el);
    await press('Shift+ArrowRight'); // "café"
    await press('Alt+Shift+ArrowLeft'); // minus "é" (e + U+0301, one grapheme)
    await el.updateComplete;
    expect(status(el)).to.equal('Selected: caf');
    let change = nextChange(el);
    await sendKeys({ press: 'Enter' }); // the active label: the first one
    expect(await change).to.deep.equal([{ start: 0, end: 3, label: 'PER', text: 'caf', startUtf16: 0, endUtf16: 3 }]);

    // A flag pair: one grapheme step takes the whole flag, never one regional indicator.
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowLeft' }); // "now"
    await sendKeys({ press: 'ArrowLeft' }); // 🇫🇷
    await sendKeys({ press: 'ArrowLeft' }); // 🇩🇪
    await press('Alt+Shift+ArrowRight');
    change = nextChange(el);
    expect(el.applyLabel('EMO')).to.equal(true);
    const value = await change;
    expect(value[1]).to.deep.equal({ start: 14, end: 16, label: 'EMO', text: '🇩🇪', startUtf16: 14, endUtf16: 18 });
    expectValid(text, value);
    // Enter now applies EMO, the label used last.
    await press('Alt+Shift+ArrowRight');
    change = nextChange(el);
    await sendKeys({ press: 'Enter' });
    expect((await change)[2]).to.include({ start: 16, end: 18, label: 'EMO', text: '🇫🇷' });
  });

  it('Escape clears the selection; Home, End and Ctrl+A select', async () => {
    const text = '  Ada Lovelace wrote.  ';
    const el = await mount({ text });
    await tabIntoText(el);
    await press('Control+KeyA');
    await el.updateComplete;
    expect(status(el)).to.equal('Selected: Ada Lovelace wrote.');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(status(el)).to.equal('Selection cleared');
    expect(el.applyLabel('PER')).to.equal(false);
    await el.updateComplete;
    expect(status(el)).to.contain('Select some text first');
    await sendKeys({ press: 'Home' });
    await press('Shift+End');
    const change = nextChange(el);
    await sendKeys({ press: '1' });
    expect(await change).to.deep.equal([
      { start: 2, end: 21, label: 'PER', text: 'Ada Lovelace wrote.', startUtf16: 2, endUtf16: 21 },
    ]);
  });

  it('creates a span with the real mouse: drag over the text, then a palette label', async () => {
    const text = `Meet Ada ${WOMAN_TECH} today.`;
    const el = await mount({ text });
    const node = textNode(el);
    const a = boxOf(node, 5, 6); // "A"
    const emoji = boxOf(node, 9, 14); // 👩‍💻
    await drag([a.left + 1, a.top + a.height / 2], [emoji.right - 1, emoji.top + emoji.height / 2]);
    await el.updateComplete;
    expect(active(el)).to.equal(textEl(el));
    expect(status(el)).to.equal(`Selected: Ada ${WOMAN_TECH}`);
    const change = nextChange(el);
    await clickAt($(el, '.label-button[data-label="PER"]').getBoundingClientRect());
    const value = await change;
    expect(value).to.deep.equal([
      { start: 5, end: 12, label: 'PER', text: `Ada ${WOMAN_TECH}`, startUtf16: 5, endUtf16: 14 },
    ]);
    expectValid(text, value);
  });

  it('snaps a selection that splits a ZWJ sequence outward, and trims white space', async () => {
    const text = `Team: ${FAMILY}  and more`;
    const el = await mount({ text });
    const node = textNode(el);
    const at = text.indexOf(FAMILY);
    // From the space before the family to the middle of it (after "👨‍").
    document.getSelection()!.setBaseAndExtent(node, at - 1, node, at + 3);
    const change = nextChange(el);
    expect(el.applyLabel('EMO')).to.equal(true);
    const value = await change;
    expect(value).to.deep.equal([{ start: 6, end: 11, label: 'EMO', text: FAMILY, startUtf16: 6, endUtf16: 14 }]);
    expectValid(text, value);
  });

  it('Hebrew, right to left: ArrowLeft moves forward', async () => {
    const text = 'שלום עולם יפה';
    const el = await mount({ text, dir: 'rtl' });
    expect(textEl(el).getAttribute('dir')).to.equal('rtl');
    await tabIntoText(el);
    await press('Shift+ArrowLeft');
    let change = nextChange(el);
    await sendKeys({ press: '1' });
    expect(await change).to.deep.equal([{ start: 0, end: 4, label: 'PER', text: 'שלום', startUtf16: 0, endUtf16: 4 }]);
    await sendKeys({ press: 'ArrowLeft' }); // עולם
    await press('Shift+ArrowLeft');
    await press('Shift+ArrowLeft'); // עולם יפה
    await press('Shift+ArrowRight'); // back to עולם
    change = nextChange(el);
    await sendKeys({ press: '2' });
    const value = await change;
    expect(value[1]).to.deep.equal({ start: 5, end: 9, label: 'EMO', text: 'עולם', startUtf16: 5, endUtf16: 9 });
    expectValid(text, value);
  });

  it('Arabic, right to left, selected with the mouse', async () => {
    const text = 'مرحبا بالعالم الجميل';
    const el = await mount({ text, dir: 'rtl' });
    const node = textNode(el);
    const word = boxOf(node, 6, 13); // بالعالم, drawn left of مرحبا
    expect(word.right).to.be.lessThan(boxOf(node, 0, 5).left + 1);
    // Right to left: the word starts at its right edge.
    await drag([word.right - 1, word.top + word.height / 2], [word.left + 1, word.top + word.height / 2]);
    const change = nextChange(el);
    expect(el.applyLabel('PER')).to.equal(true);
    const value = await change;
    expect(value).to.deep.equal([{ start: 6, end: 13, label: 'PER', text: 'بالعالم', startUtf16: 6, endUtf16: 13 }]);
    expectValid(text, value);
  });

  it('mixed-direction text in a left-to-right field moves in logical order', async () => {
    const text = 'Hello שלום world';
    const el = await mount({ text });
    await tabIntoText(el);
    await sendKeys({ press: 'ArrowRight' });
    await press('Shift+ArrowRight');
    const change = nextChange(el);
    await sendKeys({ press: '1' });
    expect(await change).to.deep.equal([
      { start: 6, end: 10, label: 'PER', text: 'שלום', startUtf16: 6, endUtf16: 10 },
    ]);
  });

  it('keeps newlines (pre-wrap) and counts offsets across them', async () => {
    const text = 'First line\n\nSecond 👩‍💻 line';
    const el = await mount({ text });
    expect(getComputedStyle(textEl(el)).whiteSpace).to.equal('pre-wrap');
    await tabIntoText(el);
    await sendKeys({ press: 'End' });
    await press('Shift+ArrowLeft'); // "line"
    await press('Shift+ArrowLeft'); // "👩‍💻 line"
    const change = nextChange(el);
    await sendKeys({ press: '1' });
    const value = await change;
    expect(value).to.deep.equal([
      { start: 19, end: 27, label: 'PER', text: `${WOMAN_TECH} line`, startUtf16: 19, endUtf16: 29 },
    ]);
    expectValid(text, value);
  });

  it('refuses an overlapping span with an announcement unless overlap is allowed; duplicates always', async () => {
    const text = `Hi Ada ${WOMAN_TECH} and more`;
    const ada = makeSpan(text, 3, 6, 'PER');
    const el = await mount({ text, value: [ada] });
    const changes = recordChanges(el);
    await tabIntoText(el);
    await sendKeys({ press: 'ArrowRight' });
    await press('Shift+ArrowRight');
    await press('Shift+ArrowRight'); // "Ada 👩‍💻" overlaps "Ada"
    await sendKeys({ press: '2' });
    await el.updateComplete;
    expect(changes).to.deep.equal([]);
    expect(status(el)).to.contain('overlaps PERSON: Ada');
    expect($(el, '.status[role="status"]').classList.contains('refused')).to.equal(true);

    el.overlap = true;
    await el.updateComplete;
    expect(el.applyLabel('EMO')).to.equal(true);
    expect(changes).to.have.length(1);
    expectValid(text, changes[0]!, LABELS, true);
    await el.updateComplete;
    // Two highlights over "Ada": one per covering span, in different lanes.
    const lanes = [...el.shadowRoot!.querySelectorAll('.hl')].map((h) => h.getAttribute('data-lane'));
    expect(new Set(lanes)).to.deep.equal(new Set(['0', '1']));

    // The identical span again: refused even with overlap.
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowRight' });
    await press('Shift+ArrowRight');
    expect(el.applyLabel('PER')).to.equal(false);
    await el.updateComplete;
    expect(status(el)).to.contain('already highlighted');
    expect(changes).to.have.length(1);
  });

  it('removes a span with Delete on its focused chip and keeps focus in the list', async () => {
    const text = 'Ada met Grace and Alan';
    const spans = [makeSpan(text, 0, 3, 'PER'), makeSpan(text, 8, 13, 'PER'), makeSpan(text, 18, 22, 'PER')];
    const el = await mount({ text, value: spans });
    await tabIntoText(el);
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal($(el, '.chip[data-span="0"]'));
    await sendKeys({ press: 'ArrowRight' });
    expect(active(el)).to.equal($(el, '.chip[data-span="1"]'));
    let change = nextChange(el);
    await sendKeys({ press: 'Delete' });
    expect(await change).to.deep.equal([spans[0], spans[2]]);
    await el.updateComplete;
    expect(status(el)).to.equal('PERSON: Grace removed');
    expect(shown(active(el))).to.equal('PERSON: Alan');
    change = nextChange(el);
    await sendKeys({ press: 'Backspace' });
    expect(await change).to.deep.equal([spans[0]]);
  });

  it('removes a span with its remove button (named "Remove PERSON: Ada"), translated', async () => {
    const text = 'Ada Lovelace';
    const el = await mount({ text, value: [makeSpan(text, 0, 3, 'PER')] });
    el.t = createTranslator('de', uiMessages);
    await el.updateComplete;
    const remove = $(el, '.remove');
    expect(plain(remove.getAttribute('aria-label'))).to.equal('PERSON: Ada entfernen');
    const change = nextChange(el);
    await clickAt(remove.getBoundingClientRect());
    expect(await change).to.deep.equal([]);
    await el.updateComplete;
    expect(status(el)).to.equal('PERSON: Ada entfernt');
  });

  it('clicking a highlight focuses its chip', async () => {
    const text = 'We met Ada Lovelace in London.';
    const el = await mount({ text, value: [makeSpan(text, 7, 19, 'PER'), makeSpan(text, 23, 29, 'EMO')] });
    const london = $(el, '.hl[data-span="1"] [data-o]');
    const node = [...london.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) as Text;
    await clickAt(boxOf(node, 2, 3));
    expect(active(el)).to.equal($(el, '.chip[data-span="1"]'));
    expect(shown(active(el))).to.equal('EMOJI: London');
  });

  it('a chip selects its span in the text; never emits for property sets', async () => {
    const text = 'Ada Lovelace';
    const el = await mount({ text });
    const changes = recordChanges(el);
    el.value = [makeSpan(text, 4, 12, 'PER')];
    el.text = text;
    el.labels = [...LABELS];
    await el.updateComplete;
    expect(changes).to.deep.equal([]);
    $(el, '.chip').click();
    await el.updateComplete;
    expect(active(el)).to.equal(textEl(el));
    expect(status(el)).to.equal('Selected: Lovelace');
    // The label tag names the span in the text too.
    expect($(el, '.hl').getAttribute('data-tag')).to.equal('PERSON');
  });

  it('leaves a digit to a label that uses it as its hotkey', async () => {
    const labels: Label[] = [
      { id: 'PER', name: 'PERSON', hotkey: 'p' },
      { id: 'ORG', name: 'ORG', hotkey: '1' },
    ];
    const el = await mount({ text: 'Acme hires Ada', labels });
    const changes = recordChanges(el);
    await tabIntoText(el);
    await press('Shift+ArrowRight');
    const outside: KeyboardEvent[] = [];
    el.addEventListener('keydown', (e) => outside.push(e));
    await sendKeys({ press: '1' });
    expect(outside.map((e) => [e.code, e.defaultPrevented])).to.deep.equal([['Digit1', false]]);
    expect(changes).to.deep.equal([]);
    // Labels with a hotkey show it in the palette (instead of their digit).
    expect([...el.shadowRoot!.querySelectorAll('.label-button kbd')].map((k) => k.textContent)).to.deep.equal([
      'P',
      '1',
    ]);
  });

  it('stays responsive on a 1 MB text with hundreds of spans', async () => {
    const chunk = `Lorem ipsum dolor ${WOMAN_TECH} sit amet, consectetur.\n`;
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const spans: Span[] = [];
    const index = new CodePointIndex(text);
    const step = Math.floor(text.length / 300);
    for (let i = 0; i < 300; i++) {
      // "ipsum" of every step-th chunk, found in UTF-16 and converted (the emoji shift code points).
      const at = text.indexOf('ipsum', i * step);
      const cp = index.toCodePoint(at);
      spans.push(makeSpan(text, cp, cp + 5, 'PER', index));
    }
    const el = await mount({ text, value: spans });
    // Long unlabelled stretches stay single text nodes.
    expect(el.shadowRoot!.querySelectorAll('[data-o]').length).to.equal(601);
    textEl(el).focus();
    const started = performance.now();
    for (let i = 0; i < 40; i++) {
      textEl(el).dispatchEvent(
        new KeyboardEvent('keydown', {
          key: 'ArrowRight',
          code: 'ArrowRight',
          shiftKey: i % 2 === 1,
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
    }
    const perKey = (performance.now() - started) / 40;
    expect(perKey, `ms per key on 1 MB`).to.be.lessThan(50);
    // Offsets at the very end of the text are exact.
    await sendKeys({ press: 'End' });
    await press('Shift+ArrowLeft');
    await press('Shift+ArrowLeft');
    const change = nextChange(el);
    expect(el.applyLabel('EMO')).to.equal(true);
    const value = await change;
    const last = value[value.length - 1]!;
    expect(last.text).to.equal('amet, consectetur.');
    expect(sliceCodePoints(text, last.start, last.end)).to.equal(last.text);
    expect(text.slice(last.startUtf16, last.endUtf16)).to.equal(last.text);
  });
});
