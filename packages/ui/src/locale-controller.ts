import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createTranslator, type Messages, resolveLocale, type Translate } from '@tagwerk/core';

type Host = ReactiveControllerHost & HTMLElement;

/** Finds the nearest `attr` on the element or its ancestors, crossing shadow-root boundaries. */
function inherited(element: Element, attr: 'lang' | 'dir'): string | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute(attr)) {
      const value = node.getAttribute(attr)!.trim();
      if (value && !(attr === 'dir' && value === 'auto')) return value;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

/**
 * One observer for the whole page: `lang`/`dir` changes are rare, and a widget per task on a
 * review page can mean hundreds of widgets.
 */
const subscribers = new Set<() => void>();
let observer: MutationObserver | undefined;

function subscribe(callback: () => void): () => void {
  subscribers.add(callback);
  if (!observer) {
    observer = new MutationObserver(() => subscribers.forEach((fn) => fn()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
  }
  return () => {
    subscribers.delete(callback);
    if (subscribers.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

/**
 * Follows `lang` and `dir` of the element or its nearest ancestor (`<html>` included) and
 * provides a translator for the resolved locale.
 */
export class LocaleController<K extends string> implements ReactiveController {
  /** The BCP 47 tag in effect, e.g. "de-CH"; "en" when nothing is set. */
  lang = 'en';
  /** The writing direction in effect. */
  dir: 'ltr' | 'rtl' = 'ltr';
  /** Translator for `lang` (falls back to English per message). */
  t: Translate<K>;

  private unsubscribe?: () => void;

  constructor(
    private readonly host: Host,
    /** The catalogues `t` translates from (the widget's merged into the shared chrome's). */
    private readonly messages: Messages<K>,
  ) {
    this.t = createTranslator('en', messages);
    host.addController(this);
  }

  hostConnected(): void {
    this.refresh();
    this.unsubscribe = subscribe(() => this.refresh());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Re-reads the attributes; requests an update only when something changed. */
  refresh(): void {
    const lang = inherited(this.host, 'lang') ?? 'en';
    const dir = inherited(this.host, 'dir') === 'rtl' ? 'rtl' : 'ltr';
    if (lang === this.lang && dir === this.dir) return;
    if (resolveLocale(lang, this.messages) !== resolveLocale(this.lang, this.messages)) {
      this.t = createTranslator(lang, this.messages);
    }
    this.lang = lang;
    this.dir = dir;
    this.host.requestUpdate();
  }
}
