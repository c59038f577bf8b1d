import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { createTranslator, type RankingAnswer } from '@tagwerk/core';
import { uiMessages } from '../i18n/messages.js';
import type { RankingFieldItem, TagwerkRankingField } from './ranking-field.js';
import { defineFields } from '../define-fields.js';

defineFields();

const ITEMS: RankingFieldItem[] = [
  { id: 'r1', title: 'Response A', detail: 'Paris is the capital.' },
  { id: 'r2', title: 'Response B', detail: 'It is Lyon, probably.' },
  { id: 'r3', title: 'Response C', detail: 'The capital is Paris.' },
  { id: 'r4', title: 'Response D', detail: 'France has no capital' },
];

interface Mounted {
  el: TagwerkRankingField;
  /** The `value` of every tagwerk-field-change, in order. */
  events: RankingAnswer[];
}

interface Options {
  items?: RankingFieldItem[];
  value?: Array<string | string[]>;
  allowTies?: boolean;
  readonly?: boolean;
  lang?: string;
  /** Wraps the field in a scrolling box this many pixels high. */
  scrollHeight?: number;
}

async function mount(options: Options = {}): Promise<Mounted> {
  const field = html`<tagwerk-ranking-field
    .items=${options.items ?? ITEMS}
    .value=${options.value}
    .t=${createTranslator(options.lang ?? 'en', uiMessages)}
    ?allow-ties=${options.allowTies ?? false}
    ?readonly=${options.readonly ?? false}
    question-label="Rank the responses"
  ></tagwerk-ranking-field>`;
  const wrapper = await fixture<HTMLElement>(
    options.scrollHeight
      ? html`<div class="scroller" style="inline-size: 420px; block-size: ${options.scrollHeight}px; overflow: auto">
          ${field}
        </div>`
      : html`<div style="inline-size: 420px">${field}</div>`,
  );
  const el = wrapper.querySelector('tagwerk-ranking-field')!;
  await el.updateComplete;
  const events: RankingAnswer[] = [];
  el.addEventListener('tagwerk-field-change', (event) => {
    const { detail, bubbles, composed } = event as CustomEvent<{ value: RankingAnswer }>;
    expect(bubbles, 'bubbles').to.equal(false);
    expect(composed, 'composed').to.equal(false);
    events.push(detail.value);
  });
  return { el, events };
}

// A small harness so the tests do not repeat shadow-DOM selectors.
const rows = (el: TagwerkRankingField): HTMLElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]'),
];
const row = (el: TagwerkRankingField, id: string): HTMLElement => rows(el).find((r) => r.dataset.id === id)!;
const order = (el: TagwerkRankingField): string[] => rows(el).map((r) => r.dataset.id!);
const ranks = (el: TagwerkRankingField): string[] =>
  rows(el).map((r) => r.querySelector('.rank > span')!.textContent.trim());
/** The option's name: from its content that is not aria-hidden. */
const nameOf = (option: HTMLElement): string =>
  [...option.children]
    .filter((child) => child.getAttribute('aria-hidden') !== 'true')
    .map((child) => child.textContent.trim())
    .join(' ');
const focusedId = (el: TagwerkRankingField): string | undefined =>
  (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id;
const live = (el: TagwerkRankingField): string => el.shadowRoot!.querySelector('[aria-live]')!.textContent.trim();
const keepButton = (el: TagwerkRankingField): HTMLButtonElement | null =>
  el.shadowRoot!.querySelector('.unranked button');

async function press(el: TagwerkRankingField, key: string, modifier?: 'Alt' | 'Shift'): Promise<void> {
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  if (modifier) await sendKeys({ up: modifier });
  await el.updateComplete;
}

type Point = [number, number];

/** A point in a row: `at` is the fraction of its height from the top. */
function pointIn(el: TagwerkRankingField, id: string, at = 0.5): Point {
  const rect = row(el, id).getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height * at)];
}

/** Presses the real mouse on `from`, moves to each point in several steps, and releases. */
async function drag(
  el: TagwerkRankingField,
  from: Point,
  to: () => Point,
  options: { release?: boolean } = {},
): Promise<void> {
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  const steps = 6;
  for (let i = 1; i <= steps; i++) {
    const [x, y] = to();
    await sendMouse({
      type: 'move',
      position: [Math.round(from[0] + ((x - from[0]) * i) / steps), Math.round(from[1] + ((y - from[1]) * i) / steps)],
    });
    await el.updateComplete;
  }
  if (options.release ?? true) {
    await sendMouse({ type: 'up' });
    await el.updateComplete;
  }
}

describe('tagwerk-ranking-field', () => {
  afterEach(async () => {
    await resetMouse();
  });

  describe('accessibility', () => {
    it('is accessible before ranking, with the status and "Keep this order"', async () => {
      const { el } = await mount();
      await expect(el).to.be.accessible();
    });

    it('is accessible when ranked with ties, and when read-only', async () => {
      const { el } = await mount({ value: ['r3', ['r1', 'r4'], 'r2'], allowTies: true });
      await expect(el).to.be.accessible();
      el.readonly = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('is a listbox of options with one tab stop, named by rank and title, described by the snippet', async () => {
      const { el } = await mount({ value: ['r2', ['r1', 'r3'], 'r4'], allowTies: true });
      const list = el.shadowRoot!.querySelector('[role="listbox"]')!;
      expect(list.getAttribute('aria-label')).to.equal('Rank the responses');
      expect(rows(el).map((r) => r.tabIndex)).to.deep.equal([0, -1, -1, -1]);
      expect(rows(el).map(nameOf)).to.deep.equal([
        'Rank 1: Response B',
        'Rank 2, tied: Response A',
        'Rank 2, tied: Response C',
        'Rank 4: Response D',
      ]);
      expect(rows(el).every((r) => !r.hasAttribute('aria-label'))).to.equal(true);
      const description = el.shadowRoot!.getElementById(rows(el)[0]!.getAttribute('aria-describedby')!)!;
      expect(description.textContent).to.equal('It is Lyon, probably.');
      const help = el.shadowRoot!.getElementById(list.getAttribute('aria-describedby')!.split(' ').pop()!)!;
      expect(help.textContent).to.contain('Space picks up').and.to.contain('press T');
    });
  });

  describe('display', () => {
    it('shows the ranking with competition rank numbers; tied items share a number', async () => {
      const { el } = await mount({ value: ['r3', ['r1', 'r4'], 'r2'], allowTies: true });
      expect(order(el)).to.deep.equal(['r3', 'r1', 'r4', 'r2']);
      expect(ranks(el)).to.deep.equal(['1', '2', '2', '4']);
      expect(rows(el).map((r) => r.classList.contains('tied'))).to.deep.equal([false, true, true, false]);
      expect(keepButton(el)).to.equal(null);
      expect(el.shadowRoot!.querySelector('.unranked')).to.equal(null);
    });

    it('shows the given order as "Not ranked yet" while there is no value', async () => {
      const { el } = await mount();
      expect(order(el)).to.deep.equal(['r1', 'r2', 'r3', 'r4']);
      expect(el.shadowRoot!.querySelector('.unranked')!.textContent).to.contain('Not ranked yet');
      expect(keepButton(el)!.textContent.trim()).to.equal('Keep this order');
    });

    it('spreads ties when they are not allowed, and says an incomplete ranking is incomplete', async () => {
      const { el } = await mount({ value: [['r2', 'r1'], 'r9'] });
      expect(order(el)).to.deep.equal(['r2', 'r1', 'r3', 'r4']);
      expect(ranks(el)).to.deep.equal(['1', '2', '3', '4']);
      expect(el.shadowRoot!.querySelector('.unranked')!.textContent).to.contain('incomplete');
    });

    it('mirrors its layout right to left', async () => {
      const { el } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      el.parentElement!.dir = 'rtl';
      const handle = row(el, 'r1').querySelector('.handle')!.getBoundingClientRect();
      const title = row(el, 'r1').querySelector('.title')!.getBoundingClientRect();
      expect(handle.left).to.be.greaterThan(title.right);
    });

    it('says when there is nothing to rank', async () => {
      const { el } = await mount({ items: [] });
      expect(rows(el)).to.have.length(0);
      expect(el.shadowRoot!.textContent).to.contain('There is nothing to rank.');
      await expect(el).to.be.accessible();
    });

    it('speaks German', async () => {
      const { el } = await mount({ lang: 'de', allowTies: true, value: [['r1', 'r2'], 'r3', 'r4'] });
      expect(nameOf(rows(el)[1]!)).to.equal('Rang 1, gleichauf: Response B');
      el.value = undefined;
      await el.updateComplete;
      expect(keepButton(el)!.textContent.trim()).to.equal('Diese Reihenfolge übernehmen');
      expect(el.shadowRoot!.querySelector('.unranked')!.textContent).to.contain('Noch nicht geordnet');
    });

    it('fires no event when the host sets properties', async () => {
      const { el, events } = await mount();
      el.value = ['r4', 'r3', 'r2', 'r1'];
      await el.updateComplete;
      el.allowTies = true;
      el.value = [['r4', 'r3'], 'r2', 'r1'];
      await el.updateComplete;
      el.items = ITEMS.slice(0, 3);
      el.readonly = true;
      await el.updateComplete;
      expect(order(el)).to.deep.equal(['r3', 'r2', 'r1']);
      expect(events).to.deep.equal([]);
    });
  });

  describe('"Keep this order"', () => {
    it('answers with the order shown in one action and keeps the focus in the field', async () => {
      const { el, events } = await mount();
      keepButton(el)!.focus();
      await press(el, 'Enter');
      expect(events).to.deep.equal([['r1', 'r2', 'r3', 'r4']]);
      expect(el.value).to.deep.equal(['r1', 'r2', 'r3', 'r4']);
      expect(keepButton(el)).to.equal(null);
      await waitUntil(() => focusedId(el) === 'r1', 'focus moves to the list');
      expect(live(el)).to.equal('Order kept as shown: 4 items ranked.');
    });

    it('completes a partial ranking as shown', async () => {
      const { el, events } = await mount({ value: ['r3'] });
      keepButton(el)!.click();
      expect(events).to.deep.equal([['r3', 'r1', 'r2', 'r4']]);
    });

    it('is not offered when read-only', async () => {
      const { el } = await mount({ readonly: true });
      expect(el.shadowRoot!.querySelector('.unranked')!.textContent).to.contain('Not ranked yet');
      expect(keepButton(el)).to.equal(null);
    });
  });

  describe('keyboard', () => {
    it('moves the focus with Up, Down, Home and End (roving tabindex)', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      el.focus();
      expect(focusedId(el)).to.equal('r1');
      await press(el, 'ArrowDown');
      await press(el, 'ArrowDown');
      expect(focusedId(el)).to.equal('r3');
      expect(rows(el).map((r) => r.tabIndex)).to.deep.equal([-1, -1, 0, -1]);
      await press(el, 'ArrowUp');
      expect(focusedId(el)).to.equal('r2');
      await press(el, 'End');
      expect(focusedId(el)).to.equal('r4');
      await press(el, 'ArrowDown');
      expect(focusedId(el)).to.equal('r4');
      await press(el, 'Home');
      expect(focusedId(el)).to.equal('r1');
      expect(events).to.deep.equal([]);
    });

    it('grabs with Space, moves with the arrows, drops with Space: one event, every step announced', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      el.focus();
      await press(el, 'ArrowDown');
      await press(el, 'Space');
      expect(live(el)).to.match(/^Grabbed Response B, position 2 of 4\./);
      expect(row(el, 'r2').classList.contains('grabbed')).to.equal(true);
      await press(el, 'ArrowDown');
      expect(live(el)).to.equal('Response B moved to position 3 of 4.');
      await press(el, 'ArrowDown');
      expect(order(el)).to.deep.equal(['r1', 'r3', 'r4', 'r2']);
      expect(focusedId(el)).to.equal('r2');
      expect(events, 'nothing committed while grabbed').to.deep.equal([]);
      await press(el, 'ArrowDown');
      expect(live(el)).to.equal('Response B is already at the bottom.');
      await press(el, 'Space');
      expect(events).to.deep.equal([['r1', 'r3', 'r4', 'r2']]);
      expect(live(el)).to.equal('Response B dropped at position 4 of 4.');
      expect(row(el, 'r2').classList.contains('grabbed')).to.equal(false);
      expect(focusedId(el)).to.equal('r2');
    });

    it('grabs and drops with Enter too; Home and End move a grabbed item to the ends', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      el.focus();
      await press(el, 'ArrowDown');
      await press(el, 'ArrowDown');
      await press(el, 'Enter');
      await press(el, 'Home');
      expect(order(el)).to.deep.equal(['r3', 'r1', 'r2', 'r4']);
      expect(live(el)).to.equal('Response C moved to position 1 of 4.');
      await press(el, 'End');
      await press(el, 'Enter');
      expect(events).to.deep.equal([['r1', 'r2', 'r4', 'r3']]);
    });

    it('Escape cancels a grab and restores the order without an event', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      el.focus();
      await press(el, 'Space');
      await press(el, 'ArrowDown');
      await press(el, 'ArrowDown');
      expect(order(el)).to.deep.equal(['r2', 'r3', 'r1', 'r4']);
      await press(el, 'Escape');
      expect(order(el)).to.deep.equal(['r1', 'r2', 'r3', 'r4']);
      expect(live(el)).to.equal('Move cancelled. Response A is back at position 1 of 4.');
      expect(focusedId(el)).to.equal('r1');
      expect(events).to.deep.equal([]);
    });

    it('focus leaving the list cancels a grab', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      const outside = document.createElement('button');
      outside.textContent = 'elsewhere';
      el.parentElement!.append(outside);
      el.focus();
      await press(el, 'Space');
      await press(el, 'ArrowDown');
      outside.focus();
      await el.updateComplete;
      expect(order(el)).to.deep.equal(['r1', 'r2', 'r3', 'r4']);
      expect(events).to.deep.equal([]);
    });

    it('Alt+Up and Alt+Down move the focused item at once, one event each', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      el.focus();
      await press(el, 'End');
      await press(el, 'ArrowUp', 'Alt');
      expect(order(el)).to.deep.equal(['r1', 'r2', 'r4', 'r3']);
      expect(live(el)).to.equal('Response D moved to position 3 of 4.');
      await press(el, 'ArrowUp', 'Alt');
      await press(el, 'ArrowDown', 'Alt');
      expect(focusedId(el)).to.equal('r4');
      expect(events).to.deep.equal([
        ['r1', 'r2', 'r4', 'r3'],
        ['r1', 'r4', 'r2', 'r3'],
        ['r1', 'r2', 'r4', 'r3'],
      ]);
    });

    it('any move answers an unranked question', async () => {
      const { el, events } = await mount();
      el.focus();
      await press(el, 'ArrowDown', 'Alt');
      expect(events).to.deep.equal([['r2', 'r1', 'r3', 'r4']]);
      expect(keepButton(el)).to.equal(null);
      expect(el.shadowRoot!.querySelector('.unranked')).to.equal(null);
    });

    it('prevents the default of the keys it handles and lets others through', async () => {
      const { el } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      el.focus();
      const seen: Array<[string, boolean]> = [];
      el.parentElement!.addEventListener('keydown', (e) => seen.push([e.key, e.defaultPrevented]));
      // Keydown is composed, so the enclosing widget sees it (activity) but skips prevented keys.
      await press(el, 'ArrowDown');
      await press(el, 'KeyM');
      expect(seen).to.deep.equal([
        ['ArrowDown', true],
        ['m', false],
      ]);
    });

    it('ties with T and unties with U and Shift+T, announcing each', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'], allowTies: true });
      el.focus();
      await press(el, 'KeyT');
      expect(live(el)).to.equal('Response A is at the top: there is nothing above it to tie with.');
      await press(el, 'ArrowDown');
      await press(el, 'KeyT');
      expect(live(el)).to.equal('Response B tied with Response A, position 1 of 4.');
      expect(ranks(el)).to.deep.equal(['1', '1', '3', '4']);
      await press(el, 'ArrowDown');
      await press(el, 'KeyT');
      expect(live(el)).to.equal('Response C tied with Response A and one more item, position 1 of 4.');
      await press(el, 'KeyU');
      expect(live(el)).to.equal('Response C untied, now at position 3 of 4.');
      await press(el, 'ArrowUp');
      expect(focusedId(el)).to.equal('r2');
      await press(el, 'KeyT', 'Shift');
      await press(el, 'KeyU');
      expect(live(el)).to.equal('Response B is not tied.');
      expect(events).to.deep.equal([
        [['r1', 'r2'], 'r3', 'r4'],
        [['r1', 'r2', 'r3'], 'r4'],
        [['r1', 'r2'], 'r3', 'r4'],
        ['r1', 'r2', 'r3', 'r4'],
      ]);
    });

    it('a tied item steps out of its group, and an untied one passes a group', async () => {
      const { el, events } = await mount({ value: ['r1', ['r2', 'r3'], 'r4'], allowTies: true });
      el.focus();
      await press(el, 'ArrowDown', 'Alt');
      await press(el, 'End');
      await press(el, 'ArrowUp', 'Alt');
      expect(events).to.deep.equal([
        [['r2', 'r3'], 'r1', 'r4'],
        [['r2', 'r3'], 'r4', 'r1'],
      ]);
      await press(el, 'Home');
      await press(el, 'Space');
      await press(el, 'ArrowDown');
      expect(order(el)).to.deep.equal(['r3', 'r2', 'r4', 'r1']);
      await press(el, 'Space');
      expect(events[2]).to.deep.equal(['r3', 'r2', 'r4', 'r1']);
    });

    it('ignores T and U without allowTies', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      el.focus();
      await press(el, 'ArrowDown');
      await press(el, 'KeyT');
      await press(el, 'KeyU');
      expect(events).to.deep.equal([]);
    });

    it('refuses every editing key when read-only, but still moves the focus', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'], allowTies: true, readonly: true });
      el.focus();
      await press(el, 'ArrowDown');
      expect(focusedId(el)).to.equal('r2');
      await press(el, 'Space');
      await press(el, 'ArrowDown');
      await press(el, 'Enter');
      await press(el, 'ArrowUp', 'Alt');
      await press(el, 'KeyT');
      await press(el, 'KeyU');
      expect(order(el)).to.deep.equal(['r1', 'r2', 'r3', 'r4']);
      expect(events).to.deep.equal([]);
      expect(live(el)).to.equal('');
    });

    it('a value set by the host during a grab wins and ends the grab', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      el.focus();
      await press(el, 'Space');
      await press(el, 'ArrowDown');
      el.value = ['r4', 'r3', 'r2', 'r1'];
      await el.updateComplete;
      expect(order(el)).to.deep.equal(['r4', 'r3', 'r2', 'r1']);
      await press(el, 'Space'); // grabs again rather than dropping
      await press(el, 'Escape');
      expect(events).to.deep.equal([]);
    });
  });

  describe('pointer', () => {
    it('drags a row with the real mouse: a gap and a ghost while dragging, one event on release', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      const target = pointIn(el, 'r3', 0.8); // layout before the drag: below the middle of C
      await drag(el, pointIn(el, 'r1'), () => target, { release: false });
      expect(order(el), 'preview').to.deep.equal(['r2', 'r3', 'r1', 'r4']);
      expect(row(el, 'r1').classList.contains('placeholder')).to.equal(true);
      expect(el.shadowRoot!.querySelector('.ghost')).to.exist;
      expect(events).to.deep.equal([]);
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(events).to.deep.equal([['r2', 'r3', 'r1', 'r4']]);
      expect(order(el)).to.deep.equal(['r2', 'r3', 'r1', 'r4']);
      expect(el.shadowRoot!.querySelector('.ghost, .placeholder')).to.equal(null);
      expect(live(el)).to.equal('Response A moved to position 3 of 4.');
    });

    it('drags upwards, above the first row', async () => {
      const { el, events } = await mount();
      const target = pointIn(el, 'r1', 0.1);
      await drag(el, pointIn(el, 'r4'), () => [target[0], target[1] - 20]);
      expect(events).to.deep.equal([['r4', 'r1', 'r2', 'r3']]);
    });

    it('a click (under the movement threshold) is not a drag', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      const [x, y] = pointIn(el, 'r2');
      await drag(el, [x, y], () => [x + 2, y + 2]);
      expect(events).to.deep.equal([]);
      expect(focusedId(el)).to.equal('r2');
    });

    it('dropping where it started changes nothing', async () => {
      const { el, events } = await mount();
      const [x, y] = pointIn(el, 'r2');
      await drag(el, [x, y], () => [x, y + 12]);
      expect(events).to.deep.equal([]);
      expect(keepButton(el), 'still unranked').to.exist;
    });

    it('Escape cancels a drag', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      const target = pointIn(el, 'r4', 0.9);
      await drag(el, pointIn(el, 'r1'), () => target, { release: false });
      expect(order(el)).to.deep.equal(['r2', 'r3', 'r4', 'r1']);
      await press(el, 'Escape');
      expect(order(el)).to.deep.equal(['r1', 'r2', 'r3', 'r4']);
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(events).to.deep.equal([]);
    });

    it('with ties, dropping onto the middle of a row ties the items; near an edge places it', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'], allowTies: true });
      await drag(el, pointIn(el, 'r4'), () => pointIn(el, 'r1', 0.5), { release: false });
      expect(row(el, 'r1').classList.contains('drop-target')).to.equal(true);
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(events).to.deep.equal([[['r1', 'r4'], 'r2', 'r3']]);
      expect(live(el)).to.equal('Response D tied with Response A, position 1 of 4.');
      expect(ranks(el)).to.deep.equal(['1', '1', '3', '4']);

      // Onto a group member joins the group; below the group's last row places it after.
      await drag(el, pointIn(el, 'r3'), () => pointIn(el, 'r4', 0.5));
      expect(events[1]).to.deep.equal([['r1', 'r4', 'r3'], 'r2']);
      const below = pointIn(el, 'r2', 0.9);
      await drag(el, pointIn(el, 'r4'), () => below);
      expect(events[2]).to.deep.equal([['r1', 'r3'], 'r2', 'r4']);
    });

    it('without ties, dropping onto the middle of a row places the item', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      await drag(el, pointIn(el, 'r4'), () => pointIn(el, 'r2', 0.4));
      expect(events).to.deep.equal([['r1', 'r4', 'r2', 'r3']]);
    });

    it('refuses drags when read-only', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'], readonly: true });
      const target = pointIn(el, 'r4', 0.9);
      await drag(el, pointIn(el, 'r1'), () => target, { release: false });
      expect(el.shadowRoot!.querySelector('.ghost')).to.equal(null);
      await sendMouse({ type: 'up' });
      expect(order(el)).to.deep.equal(['r1', 'r2', 'r3', 'r4']);
      expect(events).to.deep.equal([]);
    });

    it('starts touch drags on the handle only, so the rest of the row still scrolls the page', async () => {
      const { el, events } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      const list = el.shadowRoot!.querySelector('[role="listbox"]')!;
      // The runner has no touchscreen: these are synthetic pointer events of type "touch".
      const touch = (type: string, target: Element, [x, y]: Point): void => {
        target.dispatchEvent(
          new PointerEvent(type, {
            pointerId: 9,
            pointerType: 'touch',
            isPrimary: true,
            button: 0,
            clientX: x,
            clientY: y,
            bubbles: true,
            composed: true,
          }),
        );
      };
      const touchDrag = async (start: Element): Promise<void> => {
        touch('pointerdown', start, pointIn(el, 'r1'));
        for (const at of [0.2, 0.5, 0.8]) {
          touch('pointermove', list, pointIn(el, 'r3', at));
          await el.updateComplete;
        }
        touch('pointerup', list, pointIn(el, 'r3', 0.8));
        await el.updateComplete;
      };
      await touchDrag(row(el, 'r1').querySelector('.title')!);
      expect(events).to.deep.equal([]);
      expect(getComputedStyle(row(el, 'r1').querySelector('.handle')!).touchAction).to.equal('none');
      await touchDrag(row(el, 'r1').querySelector('.handle svg')!);
      expect(events).to.deep.equal([['r2', 'r3', 'r1', 'r4']]);
    });

    it('scrolls the scrolling container while the pointer is near its edge', async () => {
      const items = Array.from({ length: 10 }, (_, i) => ({ id: `i${i}`, title: `Item ${i}` }));
      const { el, events } = await mount({ items, value: items.map((i) => i.id), scrollHeight: 200 });
      const scroller = el.parentElement!;
      const box = scroller.getBoundingClientRect();
      const [x, y] = pointIn(el, 'i0');
      await drag(el, [x, y], () => [x, Math.round(box.bottom - 4)], { release: false });
      await waitUntil(
        () => scroller.scrollTop >= scroller.scrollHeight - scroller.clientHeight - 1,
        'scrolls to the end',
        { timeout: 5000 },
      );
      // The rows under the still pointer changed while scrolling: the preview followed them.
      expect(order(el).indexOf('i0')).to.be.greaterThan(4);
      const last = pointIn(el, 'i9', 0.9);
      await sendMouse({ type: 'move', position: last });
      await sendMouse({ type: 'move', position: [last[0], last[1] + 1] });
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(events).to.deep.equal([[...items.slice(1).map((i) => i.id), 'i0']]);
    });
  });

  describe('motion', () => {
    afterEach(async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
    });

    it('animates nothing when the worker prefers reduced motion', async () => {
      const { el } = await mount({ value: ['r1', 'r2', 'r3', 'r4'] });
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(getComputedStyle(rows(el)[0]!).transitionDuration).not.to.equal('0s');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(rows(el)[0]!).transitionDuration).to.equal('0s');
    });
  });
});
