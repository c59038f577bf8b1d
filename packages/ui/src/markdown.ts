/**
 * Markdown from a task (instructions, prompts, responses) rendered to sanitised DOM.
 *
 * marked turns markdown into an HTML string; DOMPurify parses that string (through its own
 * Trusted Types policy, so a `require-trusted-types-for 'script'` page accepts it) and returns a
 * DocumentFragment with everything executable removed. The fragment is inserted as a node: no
 * `innerHTML`, no `unsafeHTML`. Links open in a new tab without an opener or a referrer.
 *
 * Task content may be hostile: a document nested deeper than `MARKDOWN_LIMITS.depth`, or with more
 * than `MARKDOWN_LIMITS.delimiters` emphasis, link or code delimiters in one paragraph (what makes
 * markdown parsers recurse or backtrack for seconds), is shown as plain text with a notice. So is a
 * document the renderer fails on. A worker always sees the words, never a blank box or the
 * renderer's own message.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { noChange } from 'lit';
import { createTranslator } from '@tagwerk/core';
import { Directive, directive, type ChildPart, type PartInfo, PartType } from 'lit/directive.js';
import { Marked } from 'marked';
import { uiMessages } from './i18n/messages.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * Raw HTML inside markdown is shown as text, never parsed: a chatbot response that contains markup
 * is displayed as written (which is what a rater must judge), and no event-handler attribute ever
 * reaches a parser — under a strict CSP even an inert parse of `onerror=` is reported as a violation.
 */
const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

/** Link targets a worker may follow: web pages and mail, plus in-page and relative links. */
const SAFE_URL = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
/** Images may come from the web or be inlined as raster data (never SVG: it can carry script). */
const SAFE_IMAGE = /^(?:https?:|data:image\/(?:png|jpe?g|gif|webp|avif);|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'dialog',
    'template',
    'slot',
    'video',
    'audio',
    'source',
    'picture',
    'iframe',
    'object',
    'embed',
    'link',
    'meta',
    'base',
  ],
  FORBID_ATTR: [
    'style',
    'id',
    'name',
    'class',
    'srcset',
    'action',
    'formaction',
    'ping',
    'target',
    'rel',
    'autofocus',
    'tabindex',
    'accesskey',
  ],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: SAFE_URL,
  RETURN_DOM_FRAGMENT: true,
};

let purifier: Purifier | undefined;

function getPurifier(): Purifier {
  if (purifier) return purifier;
  // A private instance: hooks added here never leak into a host page's own DOMPurify.
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      if (href && !href.startsWith('#')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
      }
    } else if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (!SAFE_IMAGE.test(src.trim())) node.removeAttribute('src');
      node.setAttribute('loading', 'lazy');
      node.setAttribute('referrerpolicy', 'no-referrer');
    } else if (node.nodeName === 'TABLE') {
      // Wide tables scroll inside their wrapper instead of stretching the widget; a scrolling
      // region must be reachable by keyboard.
      node.setAttribute('data-md-table', '');
      node.setAttribute('tabindex', '0');
    } else if (node.nodeName === 'PRE') {
      node.setAttribute('tabindex', '0');
    }
  });
  purifier = instance;
  return instance;
}

/** Beyond these, markdown is shown as plain text (see the module comment). */
export const MARKDOWN_LIMITS = {
  /** Nested block quotes and list items on one line (`> > - > …`), or list indentation / 2. */
  depth: 32,
  /** `*`, `_`, `~`, backticks, brackets and angle brackets in one paragraph. */
  delimiters: 2000,
} as const;

const isDelimiter = (c: number): boolean =>
  c === 42 /* * */ ||
  c === 95 /* _ */ ||
  c === 126 /* ~ */ ||
  c === 96 /* ` */ ||
  c === 91 /* [ */ ||
  c === 93 /* ] */ ||
  c === 60 /* < */ ||
  c === 62; /* > */

/**
 * Whether markdown stays within the limits: one pass over the text, no regular expressions, so
 * a megabyte is checked in milliseconds.
 */
export function withinMarkdownLimits(source: string): boolean {
  let delimiters = 0;
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    let i = start;
    let indent = 0;
    while (i < end && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) {
      indent += source.charCodeAt(i) === 9 ? 4 : 1;
      i++;
    }
    if (i === end) delimiters = 0; // a blank line ends the paragraph
    if (indent / 2 > MARKDOWN_LIMITS.depth) return false;
    // Container markers at the start of the line: >, -, +, * (each optionally followed by spaces).
    let depth = 0;
    while (i < end) {
      const c = source.charCodeAt(i);
      if (c === 62 || ((c === 45 || c === 43 || c === 42) && (source.charCodeAt(i + 1) === 32 || i + 1 === end))) {
        depth++;
        i++;
        while (i < end && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
        if (depth > MARKDOWN_LIMITS.depth) return false;
      } else break;
    }
    for (; i < end; i++)
      if (isDelimiter(source.charCodeAt(i)) && ++delimiters > MARKDOWN_LIMITS.delimiters) return false;
    start = end + 1;
  }
  return true;
}

/**
 * A text run longer than this is laid out in chunks: Chromium lays out one giant run of text
 * (1 MB of combining marks, or of right-to-left overrides with Hebrew) in tens of seconds, while
 * chunks of CHUNK_CHARS with `content-visibility: auto` (class `chunk`) take milliseconds and are
 * laid out only when scrolled into view. Ordinary paragraphs are far shorter and stay as they are.
 */
export const LONG_TEXT_CHARS = 10_000;
const CHUNK_CHARS = 2_000;
/** A boundary never falls before a combining mark, a joiner, a variation selector or a low surrogate. */
const CLINGS = /[\p{M}\u200c\u200d\ufe00-\ufe0f\udc00-\udfff]/u;

/** Where the chunk starting at `from` ends: after white space near the end if any, never inside a grapheme. */
function chunkEnd(text: string, from: number): number {
  let end = Math.min(text.length, from + CHUNK_CHARS);
  if (end === text.length) return end;
  const space = text.lastIndexOf(' ', end);
  if (space > end - 200 && space > from) return space + 1;
  while (end > from + 1 && CLINGS.test(text[end]!)) end -= 1;
  return end;
}

/** Splits every text run longer than LONG_TEXT_CHARS under `root` into chunks (the text stays the same). */
export function chunkLongText(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const long: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).length > LONG_TEXT_CHARS) long.push(node as Text);
  }
  for (const node of long) {
    const text = node.data;
    const chunks: HTMLSpanElement[] = [];
    for (let from = 0; from < text.length;) {
      const end = chunkEnd(text, from);
      const chunk = document.createElement('span');
      chunk.className = 'chunk';
      chunk.textContent = text.slice(from, end);
      chunks.push(chunk);
      from = end;
    }
    node.replaceWith(...chunks);
  }
}

function plainParagraph(source: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'plain';
  p.textContent = source;
  chunkLongText(p);
  return p;
}

/**
 * Renders markdown to a sanitised fragment. `plain: true` renders the text as it is, in one paragraph.
 * Markdown beyond MARKDOWN_LIMITS (or that the renderer fails on) comes back as plain text
 * after a notice in the language `lang`.
 */
export function renderMarkdown(source: string, options: { plain?: boolean; lang?: string } = {}): DocumentFragment {
  const fragment = document.createDocumentFragment();
  if (!source) return fragment;
  if (options.plain) {
    fragment.append(plainParagraph(source));
    return fragment;
  }
  if (withinMarkdownLimits(source)) {
    try {
      const rendered = getPurifier().sanitize(marked.parse(source) as string, CONFIG);
      chunkLongText(rendered);
      return rendered;
    } catch {
      // A renderer failure (deep recursion the limits missed): the plain text below.
    }
  }
  const notice = document.createElement('p');
  notice.className = 'md-fallback';
  notice.setAttribute('data-md-fallback', '');
  localiseNotice(notice, options.lang);
  fragment.append(notice, plainParagraph(source));
  return fragment;
}

function localiseNotice(notice: HTMLElement, lang = notice.closest('[lang]')?.getAttribute('lang') ?? undefined): void {
  notice.textContent = createTranslator(lang, uiMessages)('ui.markdown.fallback');
}

class MarkdownDirective extends Directive {
  private source?: string;
  private plain?: boolean;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('markdown() belongs in a child position');
  }

  render(source: string, plain = false): unknown {
    return renderMarkdown(source, { plain });
  }

  override update(_part: ChildPart, [source, plain = false]: [string, boolean?]): unknown {
    if (source === this.source && plain === this.plain) return noChange;
    this.source = source;
    this.plain = plain;
    const fragment = renderMarkdown(source, { plain });
    const notice = fragment.querySelector<HTMLElement>('[data-md-fallback]');
    // Once in place, the notice speaks the language of the widget around it (its frame's `lang`).
    if (notice) queueMicrotask(() => localiseNotice(notice));
    return fragment;
  }
}

/**
 * Lit directive: `${markdown(task.instructions)}`. Re-renders only when the source changes, so
 * a megabyte response is parsed once, not on every keystroke elsewhere in the widget.
 */
export const markdown = directive(MarkdownDirective);
