/**
 * Markdown from a task (instructions, prompts, responses) rendered to sanitised DOM.
 *
 * marked turns markdown into an HTML string; DOMPurify parses that string (through its own
 * Trusted Types policy, so a `require-trusted-types-for 'script'` page accepts it) and returns a
 * DocumentFragment with everything executable removed. The fragment is inserted as a node: no
 * `innerHTML`, no `unsafeHTML`. Links open in a new tab without an opener or a referrer.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { noChange } from 'lit';
import { Directive, directive, type PartInfo, PartType } from 'lit/directive.js';
import { Marked } from 'marked';

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

/** Renders markdown to a sanitised fragment. `plain: true` keeps the text as one text node. */
export function renderMarkdown(source: string, options: { plain?: boolean } = {}): DocumentFragment {
  const fragment = document.createDocumentFragment();
  if (!source) return fragment;
  if (options.plain) {
    const p = document.createElement('p');
    p.className = 'plain';
    p.textContent = source;
    fragment.append(p);
    return fragment;
  }
  const html = marked.parse(source) as string;
  const purify = getPurifier();
  const clean = purify.sanitize(html, CONFIG);
  return clean;
}

class MarkdownDirective extends Directive {
  private source?: string;
  private plain?: boolean;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('markdown() belongs in a child position');
  }

  render(source: string, plain = false): unknown {
    if (source === this.source && plain === this.plain) return noChange;
    this.source = source;
    this.plain = plain;
    return renderMarkdown(source, { plain });
  }
}

/**
 * Lit directive: `${markdown(task.instructions)}`. Re-renders only when the source changes, so
 * a megabyte response is parsed once, not on every keystroke elsewhere in the widget.
 */
export const markdown = directive(MarkdownDirective);
