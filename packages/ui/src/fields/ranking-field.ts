import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  createTranslator,
  rankingEntryIndexOf as entryIndexOf,
  flattenRanking as flatten,
  rankingEntryMembers as membersOf,
  moveRankingItem as moveItem,
  normalizeRanking,
  type RankingAnswer,
  rankingEquals,
  rankOf,
  removeRankingItem as removeItem,
  stepRankingItem as stepItem,
  tieRankingItems as tieWith,
  tieRankingWithPrevious as tieWithPrevious,
  type Translate,
  untieRankingItem as untie,
} from '@tagwerk/core';
import { uiMessages, type UiMessageKey } from '../i18n/messages.js';
import { tokens } from '../tagwerk-widget.styles.js';
import { rankingFieldStyles } from './ranking-field.styles.js';

/** One item to rank: a response (label and snippet) or a search result (title and snippet). */
export interface RankingFieldItem {
  id: string;
  title: string;
  detail?: string;
}

/** `detail` of the `tagwerk-field-change` event of a ranking field. */
export interface RankingFieldChangeDetail {
  /** The complete ranking, best first; an inner array is a tied group. A fresh array per event. */
  value: RankingAnswer;
}

/** Where a pointer drag would put the dragged item if released now. */
type DropTarget = { kind: 'none' } | { kind: 'insert'; index: number } | { kind: 'tie'; id: string };

interface PointerDrag {
  pointerId: number;
  id: string;
  startX: number;
  startY: number;
  x: number;
  y: number;
  /** Pointer offset from the row's top edge, so the ghost does not jump under the pointer. */
  offsetY: number;
  /** Past the movement threshold: a drag, no longer a possible click. */
  active: boolean;
  /** The order when the pointer went down; every preview and the drop derive from it. */
  base: RankingAnswer;
  target: DropTarget;
  scroller: Element | undefined;
}

/** Pixels a pointer must travel before a press becomes a drag (so clicks stay clicks). */
const DRAG_THRESHOLD = 5;
/** Height of the band along a scrolling container's edges that scrolls while dragging. */
const SCROLL_EDGE = 48;
/** Scroll speed at the very edge, in pixels per frame. */
const SCROLL_SPEED = 18;

const NONE: DropTarget = { kind: 'none' };

const grip = html`<svg viewBox="0 0 10 16" width="10" height="16" aria-hidden="true" focusable="false">
  <g fill="currentColor">
    <circle cx="2" cy="3" r="1.5" />
    <circle cx="8" cy="3" r="1.5" />
    <circle cx="2" cy="8" r="1.5" />
    <circle cx="8" cy="8" r="1.5" />
    <circle cx="2" cy="13" r="1.5" />
    <circle cx="8" cy="13" r="1.5" />
  </g>
</svg>`;

function sameTarget(a: DropTarget | undefined, b: DropTarget | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'insert' && b.kind === 'insert') return a.index === b.index;
  if (a.kind === 'tie' && b.kind === 'tie') return a.id === b.id;
  return a.kind === b.kind;
}

/** The element's parent in the flat tree: its slot, its parent, or its shadow host. */
function flatParent(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The nearest ancestor that scrolls vertically, else the document's scrolling element. */
function scrollContainer(from: Element): Element {
  for (let node = flatParent(from); node; node = flatParent(node)) {
    if (node === document.documentElement || node === document.body) break;
    const overflow = getComputedStyle(node).overflowY;
    if (
      (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') &&
      node.scrollHeight > node.clientHeight
    )
      return node;
  }
  return document.scrollingElement ?? document.documentElement;
}

/** Pixels to scroll this frame for a pointer at `y` (negative: up), 0 outside the edge bands. */
function edgeSpeed(scroller: Element, y: number): number {
  const viewport = scroller === document.scrollingElement || scroller === document.documentElement;
  const rect = viewport ? { top: 0, bottom: window.innerHeight } : scroller.getBoundingClientRect();
  const top = Math.max(rect.top, 0);
  const bottom = Math.min(rect.bottom, window.innerHeight);
  const zone = Math.min(SCROLL_EDGE, (bottom - top) / 4);
  if (zone <= 0) return 0;
  if (y < top + zone) return -Math.ceil(SCROLL_SPEED * Math.min(1, (top + zone - y) / zone));
  if (y > bottom - zone) return Math.ceil(SCROLL_SPEED * Math.min(1, (y - (bottom - zone)) / zone));
  return 0;
}

/**
 * The control of a `ranking` question: the worker orders items (chatbot responses, search
 * results) best first, optionally with ties. Internal to Tagwerk's widgets: the text-rater embeds
 * it, passes the items and the answer, and owns undo; the field reports each user edit with
 * `tagwerk-field-change` and never for property sets. Setting `value` to `undefined` shows the
 * items in the given order as "not ranked yet" with a "Keep this order" button.
 *
 * Accessibility pattern: a `listbox` of `option`s with a roving tabindex (the list is one tab
 * stop). Screen readers switch to focus mode in a listbox, so the arrow keys reach the field; each
 * option's name says its rank ("Rank 2, tied: Response B"), the snippet is its description, and
 * the keyboard help is the listbox's description. Every grab, move, tie, drop and cancel is
 * announced in a polite live region. "Keep this order" sits outside the listbox (options must not
 * contain controls).
 *
 * Keyboard map (on the focused row):
 * - Up / Down: focus the previous / next row; Home / End: the first / last row.
 * - Space or Enter: grab the row; while grabbed, Up / Down move it one step (past a whole tied
 *   group; a tied item first steps out of its group), Home / End move it to the top / bottom,
 *   Space or Enter drops it (one change event), Escape cancels and restores the order.
 *   Focus leaving the list also cancels.
 * - Alt+Up / Alt+Down: move the focused item one step at once, without grabbing.
 * - With `allowTies`: T ties the item with the rank directly above its own (it joins that item or
 *   group); U or Shift+T unties it (it lands directly below its former group). While grabbed they
 *   act on the grabbed order.
 * - None of the editing keys act when `readonly`. Handled keys are `preventDefault`ed, so the
 *   enclosing widget's shortcuts skip them; modified keys such as Ctrl+Enter pass through.
 *
 * Pointer (mouse, touch, pen) drags use pointer events with pointer capture, not HTML5 drag and
 * drop: a mouse drags a row from anywhere on it, touch and pen from its handle (the rest of the
 * row keeps scrolling the page). A press becomes a drag after 5 px of movement; the item's own
 * row becomes the gap where it will land, a ghost follows the pointer, and the nearest scrolling
 * container scrolls while the pointer is near its top or bottom edge. With `allowTies`, the
 * middle half of a row is a tie target and its outer quarters place the item above or below.
 * Escape cancels a drag.
 *
 * @summary Orders items best first, by drag and drop or keyboard, with optional ties.
 * @event tagwerk-field-change - After each user edit; `detail: { value }` with the complete
 *   ranking. Does not bubble.
 * @csspart base - The field's wrapper.
 */
export class TagwerkRankingField extends LitElement {
  static override styles = [tokens, rankingFieldStyles];

  static override properties = {
    items: { attribute: false },
    value: { attribute: false },
    allowTies: { type: Boolean, attribute: 'allow-ties' },
    readonly: { type: Boolean, reflect: true },
    t: { attribute: false },
    questionLabel: { attribute: 'question-label' },
    activeId: { state: true },
    working: { state: true },
    grabbedId: { state: true },
    draggedId: { state: true },
    dropTarget: { state: true },
    message: { state: true },
  };

  /** Roving tabindex: the row that is the list's tab stop and keeps focus while it moves. */
  declare private activeId: string | undefined;
  /** A provisional order while an item is grabbed or dragged; the committed order otherwise. */
  declare private working: RankingAnswer | undefined;
  declare private grabbedId: string | undefined;
  declare private draggedId: string | undefined;
  declare private dropTarget: DropTarget | undefined;
  /** The live region's text. */
  declare private message: string;

  /** The displayed answer: `value` normalised to the items (what "Keep this order" submits). */
  private committed: RankingAnswer = [];
  private byId = new Map<string, RankingFieldItem>();
  /** The order when the keyboard grab started (Escape restores it). */
  private grabBase: RankingAnswer | undefined;
  private drag: PointerDrag | undefined;
  private scrollFrame = 0;

  /** The items to rank, in their initial display order. */
  declare items: RankingFieldItem[];
  /** The answer: ids best first, an inner array per tied group; `undefined` while not ranked. */
  declare value: Array<string | string[]> | undefined;
  /** Whether items may share a rank. Without it, tied groups in `value` are shown one by one. */
  declare allowTies: boolean;
  /** The worker can look but not reorder. */
  declare readonly: boolean;
  /** Translator for every string (the enclosing widget passes its own). */
  declare t: Translate<UiMessageKey>;
  /** The question's label: the accessible name of the list. */
  declare questionLabel: string;

  constructor() {
    super();
    this.items = [];
    this.value = undefined;
    this.allowTies = false;
    this.readonly = false;
    this.t = createTranslator('en', uiMessages);
    this.questionLabel = '';
    this.activeId = undefined;
    this.working = undefined;
    this.grabbedId = undefined;
    this.draggedId = undefined;
    this.dropTarget = undefined;
    this.message = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abandon();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('items') || changed.has('value') || changed.has('allowTies')) {
      this.byId = new Map(this.items.map((item) => [item.id, item]));
      this.committed = normalizeRanking(this.value, [...this.byId.keys()], { allowTies: this.allowTies });
      // Our own edits end the grab or drag before setting `value`: this is the host (e.g. undo).
      if (this.working) this.abandon();
    }
    if (changed.has('readonly') && this.readonly) this.abandon();
    if (this.activeId === undefined || !this.byId.has(this.activeId)) this.activeId = flatten(this.committed)[0];
  }

  protected override updated(): void {
    this.positionGhost();
    // Rows are not keyed, so a moved item shows up in another <li>: focus follows the item.
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    if (
      focused instanceof HTMLElement &&
      focused.getAttribute('role') === 'option' &&
      focused.dataset.id !== this.activeId
    ) {
      this.rowFor(this.activeId)?.focus({ preventScroll: Boolean(this.drag) });
    }
  }

  // ---------------------------------------------------------------------------------------
  // Keyboard

  private handleKeydown(event: KeyboardEvent): void {
    const id = this.activeId;
    if (!id || event.defaultPrevented) return;
    if (this.drag) {
      if (event.key === 'Escape' && this.drag.active) {
        this.cancelDrag();
        event.preventDefault();
      }
      return;
    }
    const { altKey, ctrlKey, metaKey, shiftKey } = event;
    const editable = !this.readonly;
    let handled = true;
    switch (event.key) {
      case 'ArrowUp':
      case 'ArrowDown': {
        const direction = event.key === 'ArrowUp' ? -1 : 1;
        if (ctrlKey || metaKey || shiftKey) handled = false;
        else if (!this.grabbedId && !altKey) this.focusRow(this.rowIndex(id) + direction);
        else if (editable) this.step(id, direction);
        else handled = false;
        break;
      }
      case 'Home':
      case 'End': {
        const top = event.key === 'Home';
        if (altKey || ctrlKey || metaKey || shiftKey) handled = false;
        else if (this.grabbedId) this.moveGrabbed(id, top);
        else this.focusRow(top ? 0 : Infinity);
        break;
      }
      case ' ':
      case 'Enter':
        if (altKey || ctrlKey || metaKey || shiftKey || !editable) handled = false;
        else if (!event.repeat) {
          if (this.grabbedId) this.drop();
          else this.grab(id);
        }
        break;
      case 'Escape':
        if (this.grabbedId) this.cancelGrab();
        else handled = false;
        break;
      default:
        if (!this.allowTies || !editable || altKey || ctrlKey || metaKey) handled = false;
        else if (event.code === 'KeyT' && !shiftKey) {
          if (!event.repeat) this.tie(id);
        } else if (event.code === 'KeyU' || (event.code === 'KeyT' && shiftKey)) {
          if (!event.repeat) this.untie(id);
        } else handled = false;
    }
    // Not stopped: the enclosing widget still sees the activity, and skips prevented keys.
    if (handled) event.preventDefault();
  }

  private handleFocusIn(event: FocusEvent): void {
    const row = (event.target as Element).closest<HTMLElement>('[role="option"]');
    const id = row?.dataset.id;
    if (id === undefined) return;
    if (this.grabbedId && id !== this.grabbedId) this.cancelGrab();
    this.activeId = id;
  }

  private handleFocusOut(event: FocusEvent): void {
    if (!this.grabbedId) return;
    const next = event.relatedTarget as Node | null;
    if (next && this.list?.contains(next)) return;
    // The window losing focus keeps the grab: focus comes back to the same row.
    if (!next && !document.hasFocus()) return;
    this.cancelGrab();
  }

  /** Picks up `id` for keyboard moves. */
  private grab(id: string): void {
    this.grabBase = this.committed;
    this.working = this.committed;
    this.grabbedId = id;
    this.announce('ranking.grabbed', id, this.committed);
  }

  private drop(): void {
    const id = this.grabbedId!;
    const base = this.grabBase!;
    const order = this.working ?? base;
    this.endGrab();
    if (rankingEquals(order, base)) this.announce('ranking.dropped', id, order);
    else this.commit(order, 'ranking.dropped', id);
  }

  private cancelGrab(): void {
    const id = this.grabbedId;
    this.endGrab();
    if (id) this.announce('ranking.cancelled', id, this.committed);
  }

  private endGrab(): void {
    this.grabbedId = undefined;
    this.grabBase = undefined;
    this.working = undefined;
  }

  /** Moves `id` one step (grabbed: provisionally; otherwise at once). */
  private step(id: string, direction: -1 | 1): void {
    const order = this.working ?? this.committed;
    const next = stepItem(order, id, direction);
    if (rankingEquals(next, order)) this.announce(direction < 0 ? 'ranking.atTop' : 'ranking.atBottom', id, order);
    else this.apply(next, 'ranking.moved', id);
  }

  private moveGrabbed(id: string, top: boolean): void {
    const order = this.working ?? this.committed;
    const next = moveItem(order, id, top ? 0 : Infinity);
    if (rankingEquals(next, order)) this.announce(top ? 'ranking.atTop' : 'ranking.atBottom', id, order);
    else this.apply(next, 'ranking.moved', id);
  }

  private tie(id: string): void {
    const order = this.working ?? this.committed;
    const next = tieWithPrevious(order, id);
    if (rankingEquals(next, order)) this.announce('ranking.nothingAbove', id, order);
    else this.apply(next, 'ranking.tiedWith', id);
  }

  private untie(id: string): void {
    const order = this.working ?? this.committed;
    const next = untie(order, id);
    if (rankingEquals(next, order)) this.announce('ranking.notTied', id, order);
    else this.apply(next, 'ranking.untied', id);
  }

  /** A keyboard edit: provisional while an item is grabbed, committed otherwise. */
  private apply(next: RankingAnswer, key: AnnouncementKey, id: string): void {
    if (this.grabbedId) {
      this.working = next;
      this.announce(key, id, next);
    } else {
      this.commit(next, key, id);
    }
  }

  private focusRow(index: number): void {
    const rows = this.rows();
    rows[Math.max(0, Math.min(rows.length - 1, index))]?.focus();
  }

  // ---------------------------------------------------------------------------------------
  // Pointer

  private handlePointerDown(event: PointerEvent): void {
    if (this.readonly || !event.isPrimary || event.button !== 0) return;
    const target = event.target as Element;
    const row = target.closest<HTMLElement>('[role="option"]');
    const id = row?.dataset.id;
    if (!row || id === undefined) return;
    // Touch and pen start on the handle only: elsewhere the row scrolls the page.
    if (event.pointerType !== 'mouse' && !target.closest('.handle')) return;
    if (this.grabbedId) this.cancelGrab();
    // A drag whose release never reached us (capture refused) must not block the next one.
    this.endDrag();
    // No text selection, and no compatibility mousedown moving the focus to the captured list.
    event.preventDefault();
    row.focus({ preventScroll: true });
    this.drag = {
      pointerId: event.pointerId,
      id,
      startX: event.clientX,
      startY: event.clientY,
      x: event.clientX,
      y: event.clientY,
      offsetY: event.clientY - row.getBoundingClientRect().top,
      active: false,
      base: this.committed,
      target: NONE,
      scroller: undefined,
    };
    try {
      this.list?.setPointerCapture(event.pointerId);
    } catch {
      // The pointer is already gone (released before this handler ran): the drag simply never starts.
    }
  }

  private handlePointerMove(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    drag.x = event.clientX;
    drag.y = event.clientY;
    if (!drag.active) {
      if (Math.hypot(drag.x - drag.startX, drag.y - drag.startY) < DRAG_THRESHOLD) return;
      drag.active = true;
      drag.scroller = scrollContainer(this);
      this.working = drag.base;
      this.draggedId = drag.id;
      this.dropTarget = NONE;
    }
    this.trackPointer();
  }

  private handlePointerUp(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    this.endDrag();
    if (!drag.active) return;
    const { base, id, target } = drag;
    if (target.kind === 'insert') {
      const next = moveItem(base, id, target.index);
      if (!rankingEquals(next, base)) this.commit(next, 'ranking.moved', id);
    } else if (target.kind === 'tie') {
      const next = tieWith(base, id, target.id);
      if (!rankingEquals(next, base)) this.commit(next, 'ranking.tiedWith', id);
    }
  }

  private handlePointerCancel(event: PointerEvent): void {
    if (this.drag?.pointerId === event.pointerId) this.endDrag();
  }

  private cancelDrag(): void {
    const id = this.drag?.id;
    this.endDrag();
    if (id) this.announce('ranking.cancelled', id, this.committed);
  }

  private endDrag(): void {
    const drag = this.drag;
    if (!drag) return;
    this.drag = undefined;
    this.working = undefined;
    this.draggedId = undefined;
    this.dropTarget = undefined;
    if (this.scrollFrame) cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = 0;
    if (this.list?.hasPointerCapture(drag.pointerId)) this.list.releasePointerCapture(drag.pointerId);
  }

  /** Updates the drop target, the preview and the ghost for the pointer's last position. */
  private trackPointer(): void {
    const drag = this.drag;
    if (!drag?.active) return;
    const target = this.dropTargetAt(drag.y);
    if (target) {
      drag.target = target;
      if (!sameTarget(target, this.dropTarget)) this.dropTarget = target;
      // A tie keeps the gap where it is: moving it would shift the rows under the pointer.
      if (target.kind === 'insert') {
        const preview = moveItem(drag.base, drag.id, target.index);
        if (!this.working || !rankingEquals(preview, this.working)) this.working = preview;
      }
    }
    this.positionGhost();
    if (!this.scrollFrame && drag.scroller && edgeSpeed(drag.scroller, drag.y) !== 0) {
      this.scrollFrame = requestAnimationFrame(this.autoScroll);
    }
  }

  private autoScroll = (): void => {
    this.scrollFrame = 0;
    const drag = this.drag;
    if (!drag?.active || !drag.scroller) return;
    const speed = edgeSpeed(drag.scroller, drag.y);
    const before = drag.scroller.scrollTop;
    if (speed !== 0) drag.scroller.scrollTop = before + speed;
    // At the end of the scroll range there is nothing to follow until the pointer moves again.
    if (drag.scroller.scrollTop !== before) this.trackPointer();
  };

  /**
   * What releasing at viewport `y` would do, read from the rows as currently laid out;
   * `undefined` over the gap itself (keep the current target, so the preview cannot oscillate).
   */
  private dropTargetAt(y: number): DropTarget | undefined {
    const drag = this.drag!;
    const rows = this.rows();
    const gap = rows.find((row) => row.dataset.id === drag.id);
    if (gap) {
      const rect = gap.getBoundingClientRect();
      if (y >= rect.top && y < rect.bottom) return undefined;
    }
    const others = rows.filter((row) => row !== gap);
    const rest = removeItem(drag.base, drag.id);
    const row = others.find((r) => y < r.getBoundingClientRect().bottom);
    if (!row) return { kind: 'insert', index: rest.length };
    const id = row.dataset.id!;
    const entry = entryIndexOf(rest, id);
    const members = membersOf(rest[entry]!);
    const rect = row.getBoundingClientRect();
    const at = (y - rect.top) / rect.height;
    const edge = this.allowTies ? 0.25 : 0.5;
    if (at < edge) return members[0] === id ? { kind: 'insert', index: entry } : { kind: 'tie', id };
    if (at >= 1 - edge)
      return members[members.length - 1] === id ? { kind: 'insert', index: entry + 1 } : { kind: 'tie', id };
    return { kind: 'tie', id };
  }

  private positionGhost(): void {
    const drag = this.drag;
    const ghost = this.renderRoot.querySelector<HTMLElement>('.ghost');
    const wrap = this.renderRoot.querySelector<HTMLElement>('.list-wrap');
    if (!drag?.active || !ghost || !wrap) return;
    const box = wrap.getBoundingClientRect();
    // Kept inside the list: a ghost hanging below would grow the scroll range while auto-scrolling.
    const max = Math.max(0, box.height - ghost.offsetHeight);
    const top = Math.min(max, Math.max(0, drag.y - box.top - drag.offsetY));
    // CSSOM, not a style attribute: allowed under a strict style-src.
    ghost.style.transform = `translateY(${top}px)`;
  }

  /** Drops any grab or drag without an event (the host changed the value, or we left the page). */
  private abandon(): void {
    this.endDrag();
    this.endGrab();
  }

  // ---------------------------------------------------------------------------------------
  // Edits

  private handleKeep(): void {
    if (this.readonly) return;
    const count = flatten(this.committed).length;
    this.commit(this.committed);
    this.say(this.t('ranking.kept', { count }));
    // The button goes away with the answer: keep the focus in the field.
    void this.updateComplete.then(() => this.rowFor(this.activeId)?.focus());
  }

  /** Records a user edit: takes it as the new value and tells the host. */
  private commit(next: RankingAnswer, key?: AnnouncementKey, id?: string): void {
    this.value = next.map((entry) => (typeof entry === 'string' ? entry : [...entry]));
    const detail: RankingFieldChangeDetail = {
      value: next.map((entry) => (typeof entry === 'string' ? entry : [...entry])),
    };
    this.dispatchEvent(new CustomEvent('tagwerk-field-change', { detail, bubbles: false, composed: false }));
    if (key && id) this.announce(key, id, next);
  }

  private announce(key: AnnouncementKey, id: string, order: RankingAnswer): void {
    const title = this.byId.get(id)?.title ?? id;
    const params = { title, position: rankOf(order, id) ?? 0, count: flatten(order).length };
    let text: string;
    if (key === 'ranking.tiedWith') {
      const mates = membersOf(order[entryIndexOf(order, id)] ?? id).filter((other) => other !== id);
      const other = this.byId.get(mates[0] ?? '')?.title ?? mates[0] ?? '';
      text = this.t(key, { ...params, other, more: Math.max(0, mates.length - 1) });
    } else {
      text = this.t(key, params);
    }
    this.say(text);
  }

  private say(text: string): void {
    // The same words twice in a row would not be read again: make them differ invisibly.
    this.message = text === this.message ? `${text}\u00a0` : text;
  }

  // ---------------------------------------------------------------------------------------
  // Helpers

  private get list(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[role="listbox"]');
  }

  private rows(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  private rowFor(id: string | undefined): HTMLElement | undefined {
    return this.rows().find((row) => row.dataset.id === id);
  }

  private rowIndex(id: string): number {
    return this.rows().findIndex((row) => row.dataset.id === id);
  }

  // ---------------------------------------------------------------------------------------
  // Public methods

  /** Focuses the list's current row (or the field's first control when there are no rows). */
  override focus(options?: FocusOptions): void {
    const target = this.rowFor(this.activeId) ?? this.renderRoot.querySelector<HTMLElement>('button');
    if (target) target.focus(options);
    else super.focus(options);
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  protected override render(): TemplateResult {
    const t = this.t;
    const ids = flatten(this.committed);
    if (ids.length === 0) {
      return html`<div part="base"><p class="empty">${t('ranking.empty')}</p></div>`;
    }
    const answered = Array.isArray(this.value) && rankingEquals(this.committed, this.value);
    const order = this.working ?? this.committed;
    const describedBy = answered ? 'help' : 'status help';
    return html`
      <div part="base">
        ${
          answered
            ? nothing
            : html`<div class="unranked">
                <p id="status">
                  ${t(this.value === undefined ? 'ranking.status.unranked' : 'ranking.status.incomplete')}
                </p>
                ${this.readonly ? nothing : html`<button type="button" @click=${this.handleKeep}>${t('ranking.keepOrder')}</button>`}
              </div>`
        }
        <div class="list-wrap">
          <ol
            role="listbox"
            class=${this.draggedId ? 'dragging' : ''}
            aria-label=${this.questionLabel || t('ranking.list')}
            aria-describedby=${describedBy}
            aria-readonly=${this.readonly ? 'true' : 'false'}
            @keydown=${this.handleKeydown}
            @focusin=${this.handleFocusIn}
            @focusout=${this.handleFocusOut}
            @pointerdown=${this.handlePointerDown}
            @pointermove=${this.handlePointerMove}
            @pointerup=${this.handlePointerUp}
            @pointercancel=${this.handlePointerCancel}
            @lostpointercapture=${this.handlePointerCancel}
          >
            ${this.renderRows(order, ids.length)}
          </ol>
          ${this.draggedId ? this.renderGhost(order, this.draggedId) : nothing}
        </div>
        <p class="help" id="help">
          ${t('ranking.help')}${this.allowTies && !this.readonly ? html` ${t('ranking.help.ties')}` : nothing}
        </p>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.message}</div>
      </div>
    `;
  }

  private renderRows(order: RankingAnswer, count: number): TemplateResult[] {
    const rows: TemplateResult[] = [];
    const target =
      this.dropTarget?.kind === 'tie' ? membersOf(order[entryIndexOf(order, this.dropTarget.id)] ?? []) : [];
    let ahead = 0;
    for (const entry of order) {
      const members = membersOf(entry);
      const tied = members.length > 1;
      members.forEach((id, k) => {
        const index = rows.length;
        const item = this.byId.get(id);
        const title = item?.title ?? id;
        const classes = [
          'row',
          k === 0 ? 'entry-start' : '',
          k === members.length - 1 ? 'entry-end' : '',
          tied ? 'tied' : '',
          id === this.grabbedId ? 'grabbed' : '',
          id === this.draggedId ? 'placeholder' : '',
          target.includes(id) ? 'drop-target' : '',
        ];
        // The name comes from content, one hidden sentence ("Rank 2, tied: Response A"); the visible
        // parts are hidden from the accessibility tree so they are not read twice.
        rows.push(
          html`<li
            role="option"
            class=${classes.filter(Boolean).join(' ')}
            data-id=${id}
            tabindex=${id === this.activeId ? '0' : '-1'}
            aria-describedby=${item?.detail ? `detail-${index}` : nothing}
            aria-posinset=${index + 1}
            aria-setsize=${count}
          >
            <span class="visually-hidden"
              >${this.t('ranking.option', { rank: ahead + 1, title, tied: tied ? 'true' : 'false' })}</span
            >
            <span class="handle" aria-hidden="true">${grip}</span>
            <span class="rank" aria-hidden="true"
              ><span>${ahead + 1}</span>${tied ? html`<small>${this.t('ranking.tiedMark')}</small>` : nothing}</span
            >
            <span class="text" aria-hidden="true">
              <span class="title">${title}</span>
              ${item?.detail ? html`<span class="detail" id=${`detail-${index}`}>${item.detail}</span>` : nothing}
            </span>
          </li>`,
        );
      });
      ahead += members.length;
    }
    return rows;
  }

  private renderGhost(order: RankingAnswer, id: string): TemplateResult {
    const item = this.byId.get(id);
    return html`<div class="row ghost" aria-hidden="true">
      <span class="handle">${grip}</span>
      <span class="rank">${rankOf(order, id) ?? ''}</span>
      <span class="text">
        <span class="title">${item?.title ?? id}</span>
        ${item?.detail ? html`<span class="detail">${item.detail}</span>` : nothing}
      </span>
    </div>`;
  }
}

type AnnouncementKey =
  | 'ranking.grabbed'
  | 'ranking.moved'
  | 'ranking.dropped'
  | 'ranking.cancelled'
  | 'ranking.tiedWith'
  | 'ranking.untied'
  | 'ranking.atTop'
  | 'ranking.atBottom'
  | 'ranking.nothingAbove'
  | 'ranking.notTied';

declare global {
  interface HTMLElementTagNameMap {
    'tagwerk-ranking-field': TagwerkRankingField;
  }
}
