import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  addSpan,
  assignLanes,
  CodePointIndex,
  createTranslator,
  formatShortcut,
  hotkeyBinding,
  isValidRange,
  type Label,
  makeSpan,
  type MessageParams,
  removeSpan,
  segmentText,
  sortSpans,
  type Span,
  TextBoundaries,
  type TextSegment,
  type Translate,
  truncateGraphemes,
} from '@tagwerk/core';
import { uiMessages, type UiMessageKey } from '../i18n/messages.js';
import { LabelColorsController } from '../label-colors.js';
import { currentPlatform } from '../platform.js';
import { tokens } from '../tagwerk-widget.styles.js';
import { styles } from './spans-field.styles.js';

/** Detail of `tagwerk-field-change`: the whole new list of spans, sorted. */
export interface SpansFieldChangeDetail {
  value: Span[];
}

/** The event `<tagwerk-spans-field>` fires on a worker's edit (not bubbling; the parent commits it). */
export type SpansFieldChangeEvent = CustomEvent<SpansFieldChangeDetail>;

/** One `CSS.highlights` entry shared by every instance; each adds and removes only its own range. */
const SELECTION_HIGHLIGHT = 'tagwerk-spans-selection';
/** Longest text quoted in chips and announcements, in grapheme clusters. */
const QUOTE = 40;

type StatusKind = 'info' | 'refused';
type ComposedRangesSelection = Selection & {
  getComposedRanges?: (...args: unknown[]) => StaticRange[];
  direction?: string;
};

const supportsHighlights = (): boolean =>
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
const platform = currentPlatform;

/** Wraps text parameters in Unicode isolates, so Arabic or Hebrew quoted in a German message keeps its order. */
function isolated(params: Record<string, string | number>): MessageParams {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? `\u2068${v}\u2069` : v]),
  );
}

/**
 * Marks spans of a text with labels (named entities, evidence): the control behind a `spans`
 * question. Internal to Tagwerk: the text rater embeds one per question, passes the answer in
 * through `value` and commits each `tagwerk-field-change` to its undo history. Offsets are
 * Unicode code points (end exclusive) with the covered text and UTF-16 offsets beside them; a
 * selection never splits a grapheme cluster (👩‍💻, 🇩🇪, e + U+0301) and never keeps surrounding
 * white space.
 *
 * Keyboard, in the text (one tab stop): ←/→ move word by word (in right-to-left text ← moves
 * forward), Shift+←/→ extend or shrink the selection by a word, Alt+Shift+←/→ by one grapheme
 * (Alt+←/→ moves the caret by one), Home/End jump to the start/end (with Shift: select to there),
 * Ctrl/⌘+A selects all, Escape clears the selection; Enter labels the selection with the active
 * label, 1–9 with the nth label (a digit some label uses as its hotkey is left to that hotkey).
 * In the span list (one tab stop): arrows move between spans, Delete/Backspace removes one,
 * Enter selects it in the text.
 *
 * @summary Highlight spans of a text with labels.
 *
 * @event tagwerk-field-change - After each user edit (never for property sets); `detail: { value: Span[] }`, sorted. Does not bubble.
 *
 * @csspart base - The wrapper of palette, text, status and span list.
 * @csspart palette - The label palette.
 * @csspart text - The text container (scrolls when long).
 * @csspart chips - The list of spans.
 */
export class TagwerkSpansField extends LitElement {
  static override styles = [tokens, styles];

  static override properties = {
    text: { attribute: false },
    labels: { attribute: false },
    value: { attribute: false },
    overlap: { type: Boolean },
    readonly: { type: Boolean, reflect: true },
    t: { attribute: false },
    dir: { attribute: 'dir' },
    questionLabel: { attribute: 'question-label' },
    activeLabel: { state: true },
    chipIndex: { state: true },
    status: { state: true },
  };

  /** The task's label colours over the default palette (`[data-l]` in the styles). */
  private readonly labelColors = new LabelColorsController(this, {
    attribute: 'data-l',
    property: '--_lc',
    textProperty: '--_lc-on',
  });

  private get textEl(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.text');
  }

  declare private activeLabel: string | undefined;
  declare private chipIndex: number;
  declare private status: { text: string; kind: StatusKind; seq: number } | undefined;

  private index = new CodePointIndex('');
  private bounds = new TextBoundaries('');
  /** Valid spans of `value`, sorted; highlights and chips index into this. */
  private sorted: Span[] = [];
  private segments: TextSegment[] = [];
  private lanes: number[] = [];
  private labelIndex = new Map<string, number>();
  /** Selection in UTF-16 offsets, always on grapheme boundaries; `selFocus` carries the caret. */
  private selAnchor = 0;
  private selFocus = 0;
  private selRange: Range | undefined;
  private segEls: HTMLElement[] = [];
  private resizeObserver: ResizeObserver | undefined;
  private cleanups: Array<() => void> = [];

  /** The text being marked up (the question's `field`), shown exactly as written. */
  declare text: string;
  /** The question's labels, in palette order (the nth answers to digit n). */
  declare labels: Label[];
  /** The current spans (the answer); any order, shown sorted. */
  declare value: Span[];
  /** Whether spans may overlap (the question's `overlap`); identical spans are refused anyway. */
  declare overlap: boolean;
  /** Show the spans without allowing changes (selection and copying still work). */
  declare readonly: boolean;
  /** Translator for every string shown or announced. */
  declare t: Translate<UiMessageKey>;
  /** Direction of the text; arrow keys follow it. Empty: inherited. */
  declare dir: 'ltr' | 'rtl' | 'auto' | '';
  /** Accessible name of the text (the question's label). */
  declare questionLabel: string;

  constructor() {
    super();
    this.text = '';
    this.labels = [];
    this.value = [];
    this.overlap = false;
    this.readonly = false;
    this.t = createTranslator('en', uiMessages);
    this.questionLabel = '';
    this.chipIndex = 0;
  }

  // ---------------------------------------------------------------------------------------
  // Lifecycle

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.selRange && supportsHighlights()) CSS.highlights.get(SELECTION_HIGHLIGHT)?.delete(this.selRange);
    this.selRange = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.cleanups.forEach((fn) => fn());
    this.cleanups = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text')) {
      const text = typeof this.text === 'string' ? this.text : '';
      if (this.index.text !== text) {
        this.index = new CodePointIndex(text);
        this.bounds = new TextBoundaries(text);
        this.selAnchor = this.selFocus = 0;
      }
    }
    if (changed.has('text') || changed.has('value')) {
      const n = this.index.length;
      this.sorted = sortSpans((Array.isArray(this.value) ? this.value : []).filter((s) => isValidRange(s, n)));
      this.segments = segmentText(this.index.text, this.sorted, this.index);
      this.lanes = assignLanes(this.sorted);
      this.chipIndex = Math.max(0, Math.min(this.chipIndex, this.sorted.length - 1));
    }
    if (changed.has('labels')) {
      const labels = Array.isArray(this.labels) ? this.labels : [];
      this.labelIndex = new Map(labels.map((l, i) => [l.id, i]));
      if (!this.activeLabel || !this.labelIndex.has(this.activeLabel)) this.activeLabel = labels[0]?.id;
      this.labelColors.set(labels.map((l) => [l.id, l.color]));
    }
  }

  protected override updated(): void {
    if (!this.resizeObserver && typeof ResizeObserver === 'function') {
      // Text reflows when the field resizes: the caret must follow its character.
      this.resizeObserver = new ResizeObserver(() => this.placeCaretIfShown());
      this.resizeObserver.observe(this.textEl!);
    }
    this.segEls = [...(this.textEl?.querySelectorAll<HTMLElement>('[data-o]') ?? [])];
    this.paintSelection();
    this.placeCaretIfShown();
  }

  /**
   * The caret shows only while the text has focus (see the styles): placing it reads layout, and a
   * task with many spans questions must not force a layout per field while it renders.
   */
  private placeCaretIfShown(): void {
    if (this.textEl && this.shadowRoot?.activeElement === this.textEl) this.placeCaret(false);
  }

  private readonly handleTextFocus = (): void => this.placeCaret(false);

  // ---------------------------------------------------------------------------------------
  // Handlers

  private handleTextKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing) return;
    this.syncFromNative(false);
    const mod = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowRight':
        this.move((event.key === 'ArrowRight') !== this.isRtl(), event.altKey, event.shiftKey);
        break;
      case 'Home':
      case 'End': {
        const to = event.key === 'Home' ? 0 : this.index.text.length;
        this.select(event.shiftKey ? this.selAnchor : to, to, event.shiftKey ? 'selection' : 'caret', true);
        break;
      }
      case 'Enter':
        if (mod || event.altKey || event.shiftKey) return;
        if (this.activeLabel) this.applyLabel(this.activeLabel);
        break;
      case 'Escape':
        if (this.selAnchor === this.selFocus) return; // nothing to clear: the key is the host's
        this.select(this.selFocus, this.selFocus, 'none', false);
        this.say('spans.cleared');
        break;
      default: {
        if (mod && !event.altKey && !event.shiftKey && event.code === 'KeyA') {
          const all = this.bounds.trim(0, this.index.text.length);
          this.select(all.start, all.end, 'selection', false);
          break;
        }
        const digit = /^(?:Digit|Numpad)([1-9])$/.exec(event.code)?.[1];
        if (!digit || mod || event.altKey || event.shiftKey || !this.handleDigit(Number(digit))) return;
      }
    }
    event.preventDefault(); // not stopPropagation: the widget still counts the activity
  };

  private handlePointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    // The drag may end outside the field; this listener lives for one gesture only.
    const done = (): void => {
      cleanup();
      this.syncFromNative(true);
    };
    const cleanup = (): void => {
      window.removeEventListener('pointerup', done, true);
      window.removeEventListener('pointercancel', cleanup, true);
      this.cleanups = this.cleanups.filter((fn) => fn !== cleanup);
    };
    this.cleanups.push(cleanup);
    window.addEventListener('pointerup', done, true);
    window.addEventListener('pointercancel', cleanup, true);
  };

  private handleTextClick = (event: MouseEvent): void => {
    if (event.detail !== 1 || this.selAnchor !== this.selFocus) return;
    const hit = (event.target as Element).closest?.('[data-span]');
    if (hit) this.focusChip(Number(hit.getAttribute('data-span')));
  };

  private handleCopy = (event: ClipboardEvent): void => {
    if (this.selAnchor === this.selFocus || !event.clipboardData) return;
    const [a, b] = this.ordered();
    event.clipboardData.setData('text/plain', this.index.text.slice(a, b));
    event.preventDefault();
  };

  private handlePalettePointerDown = (): void => {
    this.syncFromNative(false);
  };

  private handleLabelClick = (event: Event): void => {
    const id = (event.currentTarget as HTMLElement).dataset['label'];
    if (id === undefined) return;
    if (this.selAnchor === this.selFocus) {
      this.activeLabel = id;
      this.say('spans.active', { label: this.labelName(id) });
      return;
    }
    this.applyLabel(id);
  };

  private handleChipKeydown = (event: KeyboardEvent): void => {
    const i = Number((event.currentTarget as HTMLElement).dataset['span']);
    const n = this.sorted.length;
    const rtl = getComputedStyle(this).direction === 'rtl';
    let next: number | undefined;
    switch (event.key) {
      case 'Delete':
      case 'Backspace':
        if (this.readonly) return;
        void this.removeAt(i);
        event.preventDefault();
        return;
      case 'ArrowDown':
        next = i + 1;
        break;
      case 'ArrowUp':
        next = i - 1;
        break;
      case 'ArrowRight':
        next = rtl ? i - 1 : i + 1;
        break;
      case 'ArrowLeft':
        next = rtl ? i + 1 : i - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = n - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.focusChip(Math.max(0, Math.min(n - 1, next)));
  };

  private handleChipClick = (event: Event): void => {
    const span = this.sorted[Number((event.currentTarget as HTMLElement).dataset['span'])];
    if (!span) return;
    this.chipIndex = this.sorted.indexOf(span);
    this.textEl?.focus();
    this.select(this.index.toUtf16(span.start), this.index.toUtf16(span.end), 'selection', true);
  };

  private handleRemoveClick = (event: Event): void => {
    void this.removeAt(Number((event.currentTarget as HTMLElement).dataset['span']));
  };

  // ---------------------------------------------------------------------------------------
  // Public methods

  /** Moves focus to the text (the field's main tab stop). */
  override focus(options?: FocusOptions): void {
    const target = this.textEl;
    if (target) target.focus(options);
    else super.focus(options);
  }

  /**
   * Labels the current selection with `labelId` and makes it the active label. Returns whether a
   * span was added; a refusal (nothing selected, read-only, overlap, duplicate) is announced.
   */
  applyLabel(labelId: string): boolean {
    if (!this.labelIndex.has(labelId)) return false;
    this.syncFromNative(false);
    this.activeLabel = labelId;
    if (this.readonly) {
      this.say('spans.refused.readonly', {}, 'refused');
      return false;
    }
    const [a, b] = this.ordered();
    const { start, end } = this.bounds.trim(a, b);
    if (start >= end) {
      this.say('spans.refused.empty', {}, 'refused');
      return false;
    }
    const span = makeSpan(
      this.index.text,
      this.index.toCodePoint(start),
      this.index.toCodePoint(end),
      labelId,
      this.index,
    );
    const result = addSpan(Array.isArray(this.value) ? this.value : [], span, { overlap: this.overlap });
    if (!result.ok) {
      const conflict = result.conflict ?? span;
      const key: UiMessageKey = result.reason === 'duplicate' ? 'spans.refused.duplicate' : 'spans.refused.overlap';
      this.say(
        key,
        { label: this.labelName(conflict.label), text: truncateGraphemes(conflict.text, QUOTE) },
        'refused',
      );
      return false;
    }
    this.value = result.spans;
    this.select(end, end, 'none', false);
    this.say('spans.added', { label: this.labelName(labelId), text: truncateGraphemes(span.text, QUOTE) });
    this.emit(result.spans);
    return true;
  }

  // ---------------------------------------------------------------------------------------
  // Internals

  private emit(value: Span[]): void {
    this.dispatchEvent(
      new CustomEvent<SpansFieldChangeDetail>('tagwerk-field-change', {
        detail: { value },
        bubbles: false,
        composed: false,
      }),
    );
  }

  private say(key: UiMessageKey, params: Record<string, string | number> = {}, kind: StatusKind = 'info'): void {
    // The sequence number alternates a trailing no-break space, so a repeated message is re-announced.
    this.status = { text: this.t(key, isolated(params)), kind, seq: (this.status?.seq ?? 0) + 1 };
  }

  private labelName(id: string): string {
    const i = this.labelIndex.get(id);
    return i === undefined ? id : (this.labels[i]?.name ?? id);
  }

  private isRtl(): boolean {
    if (this.dir === 'rtl' || this.dir === 'ltr') return this.dir === 'rtl';
    const el = this.textEl;
    return el ? getComputedStyle(el).direction === 'rtl' : false;
  }

  private ordered(): [number, number] {
    return this.selAnchor <= this.selFocus ? [this.selAnchor, this.selFocus] : [this.selFocus, this.selAnchor];
  }

  /** Digit n inside the text: labels the selection with the nth label, or makes it active. */
  private handleDigit(n: number): boolean {
    const label = this.labels[n - 1];
    if (!label) return false;
    // A label that uses this digit as its hotkey wins: the parent maps hotkeys, so let the key through.
    if (this.labels.some((l) => l.hotkey === String(n) || l.hotkey === `Digit${n}` || l.hotkey === `Numpad${n}`))
      return false;
    if (this.selAnchor === this.selFocus) {
      this.activeLabel = label.id;
      this.say('spans.active', { label: label.name });
    } else {
      this.applyLabel(label.id);
    }
    return true;
  }

  private move(forward: boolean, fine: boolean, extend: boolean): void {
    const b = this.bounds;
    const length = this.index.text.length;
    const anchor = this.selAnchor;
    let focus = this.selFocus;
    if (fine) focus = forward ? b.nextGrapheme(focus) : b.prevGrapheme(focus);
    else if (!extend) focus = forward ? (b.nextTokenStart(focus) ?? length) : (b.prevTokenStart(focus) ?? 0);
    else if (forward)
      focus = focus >= anchor ? (b.nextTokenEnd(focus) ?? length) : Math.min(anchor, b.nextTokenStart(focus) ?? anchor);
    else focus = focus <= anchor ? (b.prevTokenStart(focus) ?? 0) : Math.max(anchor, b.prevTokenEnd(focus) ?? anchor);
    this.select(extend ? anchor : focus, focus, extend ? 'selection' : 'caret', true);
  }

  /** Sets the virtual selection (UTF-16 offsets), repaints it and says what it now covers. */
  private select(anchor: number, focus: number, announce: 'selection' | 'caret' | 'none', scroll: boolean): void {
    this.selAnchor = anchor;
    this.selFocus = focus;
    this.paintSelection();
    this.placeCaret(scroll);
    if (announce === 'caret') this.announceCaret();
    else if (announce === 'selection') this.announceSelection();
  }

  private announceCaret(): void {
    const p = this.selFocus;
    const token = this.bounds.tokenAt(p);
    if (token) this.say('spans.caret.at', { text: truncateGraphemes(token.text, QUOTE) });
    else this.say(p >= this.index.text.length ? 'spans.caret.end' : 'spans.caret.start');
  }

  private announceSelection(): void {
    const [a, b] = this.ordered();
    if (a === b) {
      this.announceCaret();
      return;
    }
    const text = this.index.text.slice(a, b);
    const quoted = truncateGraphemes(text, QUOTE);
    if (quoted === text) this.say('spans.selected', { text });
    else
      this.say('spans.selected.long', { count: this.index.toCodePoint(b) - this.index.toCodePoint(a), text: quoted });
  }

  /**
   * Adopts the browser's selection inside the text, if any: mapped to offsets, widened to
   * grapheme clusters, trimmed of white space, then cleared (the field paints its own).
   * A collapsed selection (a click) only counts after a pointer gesture.
   */
  private syncFromNative(pointer: boolean): void {
    const range = this.readNativeRange();
    if (!range) return;
    if (range.start === range.end && !pointer) return;
    if (supportsHighlights()) document.getSelection()?.removeAllRanges();
    if (range.start === range.end) {
      const p = this.bounds.graphemeFloor(range.start);
      this.select(p, p, 'none', false);
      return;
    }
    const snapped = this.bounds.snap(range.start, range.end);
    const trimmed = this.bounds.trim(snapped.start, snapped.end);
    const { start, end } = trimmed.start < trimmed.end ? trimmed : { start: trimmed.start, end: trimmed.start };
    this.select(range.backward ? end : start, range.backward ? start : end, 'selection', false);
  }

  /** The document's selection as UTF-16 offsets into the text, when it touches the text. */
  private readNativeRange(): { start: number; end: number; backward: boolean } | null {
    const root = this.shadowRoot;
    const textEl = this.textEl;
    if (!root || !textEl) return null;
    const selection = document.getSelection() as ComposedRangesSelection | null;
    let range: AbstractRange | null = null;
    if (selection && selection.rangeCount > 0) {
      if (typeof selection.getComposedRanges === 'function') {
        try {
          range = selection.getComposedRanges({ shadowRoots: [root] })[0] ?? null;
        } catch {
          // Safari 17 and early Chromium took the shadow roots as arguments.
          try {
            range = selection.getComposedRanges(root)[0] ?? null;
          } catch {
            range = null;
          }
        }
      }
      if (!range || !textEl.contains(range.startContainer)) {
        const own = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
        if (own && own.rangeCount > 0) range = own.getRangeAt(0);
      }
    }
    if (!range || (!textEl.contains(range.startContainer) && !textEl.contains(range.endContainer))) return null;
    const start = this.pointToOffset(range.startContainer, range.startOffset);
    const end = this.pointToOffset(range.endContainer, range.endOffset);
    return { start: Math.min(start, end), end: Math.max(start, end), backward: selection?.direction === 'backward' };
  }

  /** A DOM boundary point as a UTF-16 offset into the text (clamped to the text's ends). */
  private pointToOffset(node: Node, offset: number): number {
    const textEl = this.textEl!;
    const length = this.index.text.length;
    if (!textEl.contains(node)) {
      const target: Node = node.getRootNode() === this.shadowRoot ? textEl : this;
      if (node.contains(target)) {
        const child = [...node.childNodes].findIndex((c) => c.contains(target));
        return offset <= child ? 0 : length;
      }
      return target.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING ? 0 : length;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const holder = node.parentElement?.closest<HTMLElement>('[data-o]');
      if (holder && textEl.contains(holder))
        return Math.min(length, Number(holder.dataset['o']) + Math.min(offset, (node as Text).length));
    }
    // An element boundary: the first segment at or after it.
    const point = document.createRange();
    point.setStart(node, offset);
    let lo = 0;
    let hi = this.segEls.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (point.comparePoint(this.segEls[mid]!, 0) >= 0) hi = mid;
      else lo = mid + 1;
    }
    const seg = this.segEls[lo];
    return seg ? Number(seg.dataset['o']) : length;
  }

  /** The text node and offset of UTF-16 offset `p`; `atEnd` prefers the end of the preceding segment. */
  private locate(p: number, atEnd: boolean): { node: Text; offset: number } | null {
    const segments = this.segments;
    if (segments.length === 0 || segments.length !== this.segEls.length) return null;
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const start = segments[mid]!.start16;
      if (start < p || (start === p && !atEnd)) lo = mid;
      else hi = mid - 1;
    }
    const seg = segments[lo]!;
    let node: ChildNode | null = this.segEls[lo]!.firstChild;
    while (node && node.nodeType !== Node.TEXT_NODE) node = node.nextSibling;
    if (!node) return null;
    return { node: node as Text, offset: Math.max(0, Math.min(p - seg.start16, (node as Text).length)) };
  }

  /** Paints the virtual selection with the Custom Highlight API (no DOM change, so no relayout). */
  private paintSelection(): void {
    const [a, b] = this.ordered();
    if (!supportsHighlights()) {
      this.mirrorToNative();
      return;
    }
    let highlight = CSS.highlights.get(SELECTION_HIGHLIGHT);
    if (!highlight) {
      highlight = new Highlight();
      CSS.highlights.set(SELECTION_HIGHLIGHT, highlight);
    }
    if (this.selRange) highlight.delete(this.selRange);
    this.selRange = undefined;
    if (a === b) return;
    const from = this.locate(a, false);
    const to = this.locate(b, true);
    if (!from || !to) return;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    highlight.add(range);
    this.selRange = range;
  }

  /** Without the Highlight API the browser's own selection shows the virtual one. */
  private mirrorToNative(): void {
    const { selAnchor: a, selFocus: f } = this;
    const anchor = this.locate(a, a > f);
    const focus = this.locate(f, f > a);
    if (!anchor || !focus || a === f) return;
    document.getSelection()?.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
  }

  /** Draws the caret at `selFocus` from a collapsed Range's rectangle (physical pixels). */
  private placeCaret(scroll: boolean): void {
    const textEl = this.textEl;
    const caret = textEl?.querySelector<HTMLElement>('.caret');
    if (!textEl || !caret) return;
    const at = this.locate(this.selFocus, this.selFocus > 0 && this.selFocus >= this.index.text.length);
    const box = textEl.getBoundingClientRect();
    let rect: DOMRect | undefined;
    if (at) {
      const range = document.createRange();
      range.setStart(at.node, at.offset);
      range.collapse(true);
      rect = range.getBoundingClientRect();
      if (rect.height === 0 && at.offset > 0) {
        // A collapsed range after a trailing newline has no box: use the character before it.
        range.setStart(at.node, at.offset - 1);
        range.setEnd(at.node, at.offset);
        const rects = range.getClientRects();
        const last = rects[rects.length - 1];
        if (last) rect = new DOMRect(this.isRtl() ? last.left : last.right, last.top, 0, last.height);
      }
    }
    const style = getComputedStyle(textEl);
    const x =
      rect && rect.height
        ? rect.left - box.left - textEl.clientLeft + textEl.scrollLeft
        : parseFloat(style.paddingInlineStart) || 0;
    const y =
      rect && rect.height
        ? rect.top - box.top - textEl.clientTop + textEl.scrollTop
        : parseFloat(style.paddingTop) || 0;
    // Physical coordinates from a Range: left/top on purpose, in either direction.
    caret.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    if (rect?.height) caret.style.blockSize = `${rect.height}px`;
    if (scroll) caret.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private focusChip(i: number): void {
    const chip = this.renderRoot.querySelector<HTMLElement>(`.chip[data-span="${i}"]`);
    if (!chip) return;
    this.chipIndex = i;
    chip.focus();
  }

  private async removeAt(i: number): Promise<void> {
    const span = this.sorted[i];
    if (!span || this.readonly) return;
    const hadFocus = this.shadowRoot?.activeElement?.closest('.chips') != null;
    const next = removeSpan(Array.isArray(this.value) ? this.value : [], span);
    this.value = next;
    this.say('spans.removed', { label: this.labelName(span.label), text: truncateGraphemes(span.text, QUOTE) });
    this.emit(next);
    await this.updateComplete;
    if (!hadFocus) return;
    // Keep the worker in the list: the span that moved up into this place, else the previous one.
    if (this.sorted.length > 0) this.focusChip(Math.min(i, this.sorted.length - 1));
    else this.textEl?.focus();
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const count = this.sorted.length;
    const status = this.status;
    return html`
      <div part="base">
        ${this.renderPalette()}
        <div
          class="text ${this.segments.length ? '' : 'empty'}"
          part="text"
          tabindex="0"
          role="application"
          aria-roledescription=${this.t('spans.text.roledescription')}
          aria-label=${this.questionLabel || this.t('spans.text.label')}
          aria-describedby="help"
          dir=${ifDefined(this.dir || undefined)}
          @keydown=${this.handleTextKeydown}
          @focus=${this.handleTextFocus}
          @pointerdown=${this.handlePointerDown}
          @click=${this.handleTextClick}
          @copy=${this.handleCopy}
        >
          <span class="caret" aria-hidden="true"></span>${this.segments.map((s) => this.renderSegment(s))}
        </div>
        <p id="help" class="visually-hidden">${this.t('spans.text.help')}</p>
        <p class="status ${status?.kind ?? ''}" role="status">
          ${status ? `${status.text}${status.seq % 2 ? '' : '\u00a0'}` : ''}
        </p>
        ${
          count
            ? html`<p class="chips-title" id="chips-title">${this.t('spans.list', { count })}</p>
                <ul class="chips" part="chips" aria-labelledby="chips-title">
                  ${this.sorted.map((s, i) => this.renderChip(s, i))}
                </ul>`
            : html`<p class="status">${this.t('spans.list.empty')}</p>`
        }
        <p id="chip-hint" class="visually-hidden">${this.t('spans.chip.hint')}</p>
      </div>
    `;
  }

  private renderPalette(): TemplateResult {
    const labels = Array.isArray(this.labels) ? this.labels : [];
    if (this.readonly) {
      return html`<ul class="palette" part="palette" aria-label=${this.t('spans.palette.readonly')}>
        ${labels.map(
          (l, i) =>
            html`<li class="legend-item" data-l=${i}>
              <span class="swatch" aria-hidden="true"></span><span>${l.name}</span> ${this.renderKey(l, i)}
            </li>`,
        )}
      </ul>`;
    }
    return html`<div
      class="palette"
      part="palette"
      role="group"
      aria-label=${this.t('spans.palette')}
      @pointerdown=${this.handlePalettePointerDown}
    >
      ${labels.map(
        (l, i) =>
          html`<button
            type="button"
            class="label-button"
            data-l=${i}
            data-label=${l.id}
            aria-pressed=${l.id === this.activeLabel ? 'true' : 'false'}
            aria-keyshortcuts=${l.hotkey ? formatShortcut(hotkeyBinding(l.hotkey), platform()) : nothing}
            title=${ifDefined(l.description)}
            @click=${this.handleLabelClick}
          >
            <span class="swatch" aria-hidden="true"></span><span>${l.name}</span> ${this.renderKey(l, i)}
          </button>`,
      )}
    </div>`;
  }

  /** The label's hotkey, else the digit that picks it inside the text (when no hotkey takes it). */
  private renderKey(label: Label, i: number): TemplateResult | typeof nothing {
    if (label.hotkey) return html`<kbd>${formatShortcut(hotkeyBinding(label.hotkey), platform())}</kbd>`;
    const digit = i + 1;
    if (
      digit > 9 ||
      this.labels.some(
        (l) => l.hotkey === String(digit) || l.hotkey === `Digit${digit}` || l.hotkey === `Numpad${digit}`,
      )
    )
      return nothing;
    return html`<kbd title=${this.t('spans.palette.digit', { digit })}>${digit}</kbd>`;
  }

  /** A run of text inside one nested highlight per covering span (outermost = highest lane). */
  private renderSegment(seg: TextSegment): TemplateResult {
    // No white space in these templates: the text is pre-wrap, every character shows.
    let inner = html`<span class="t" data-o=${seg.start16}>${seg.text}</span>`;
    const covering = [...seg.spans].sort((a, b) => (this.lanes[a] ?? 0) - (this.lanes[b] ?? 0));
    for (const i of covering) {
      const span = this.sorted[i]!;
      const label = this.labelIndex.get(span.label);
      const tag = span.start === seg.start ? this.labelName(span.label) : undefined;
      inner = html`<span
        class="hl"
        data-span=${i}
        data-l=${label ?? 'x'}
        data-lane=${Math.min(this.lanes[i] ?? 0, 3)}
        data-tag=${tag ?? nothing}
        >${inner}</span
      >`;
    }
    return inner;
  }

  private renderChip(span: Span, i: number): TemplateResult {
    const label = this.labelName(span.label);
    const text = truncateGraphemes(span.text, QUOTE);
    return html`<li data-l=${this.labelIndex.get(span.label) ?? 'x'}>
      <button
        type="button"
        class="chip"
        data-span=${i}
        tabindex=${i === this.chipIndex ? '0' : '-1'}
        aria-describedby="chip-hint"
        aria-keyshortcuts=${this.readonly ? nothing : 'Delete'}
        @keydown=${this.handleChipKeydown}
        @click=${this.handleChipClick}
      >
        <span class="chip-label">${this.t('spans.chip.label', isolated({ label }))}</span>
        <bdi class="chip-text">${text}</bdi>
      </button>
      ${
        this.readonly
          ? nothing
          : html`<button
              type="button"
              class="remove"
              data-span=${i}
              tabindex="-1"
              aria-label=${this.t('spans.remove', isolated({ label, text }))}
              title=${this.t('spans.remove', isolated({ label, text }))}
              @click=${this.handleRemoveClick}
            >
              <span aria-hidden="true">&#xD7;</span>
            </button>`
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tagwerk-spans-field': TagwerkSpansField;
  }
}
