import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isHexColor, textColorOn } from '@tagwerk/core';

/** Names the rules use; fixed by the widget's code, never taken from a task. */
export interface LabelColorsOptions {
  /** The attribute coloured elements carry, set to {@link LabelColorsController.token} (default `data-label-color`). */
  attribute?: string;
  /** The custom property that receives the colour (default `--label-color`). */
  property?: string;
  /** A custom property that receives black or white, whichever reads on the colour (none by default). */
  textProperty?: string;
}

const ATTRIBUTE = /^data-[a-z][a-z0-9-]*$/;
const PROPERTY = /^--[a-zA-Z_][\w-]*$/;

/**
 * Colours chosen by a task (label, speaker) for the elements of a shadow root, without `style`
 * attributes (which a strict Content-Security-Policy refuses): one constructed stylesheet,
 * adopted into the host's shadow root once, holding a rule per key such as
 * `[data-label-color="2"] { --label-color: #0072B2 }`. Keys are task strings and may be hostile,
 * so only their position goes into the CSS text, and only colours that pass `isHexColor`; an
 * element opts in with `data-label-color=${ifDefined(colors.token(id))}`. Without constructed
 * stylesheets (very old browsers) nothing is coloured and the component's defaults show.
 */
export class LabelColorsController implements ReactiveController {
  private readonly host: ReactiveControllerHost & Element;
  private readonly attribute: string;
  private readonly property: string;
  private readonly textProperty: string | undefined;
  private readonly sheet: CSSStyleSheet | undefined;
  private tokens = new Map<string, string>();
  private cssText = '';

  constructor(host: ReactiveControllerHost & Element, options: LabelColorsOptions = {}) {
    this.host = host;
    this.attribute = options.attribute ?? 'data-label-color';
    this.property = options.property ?? '--label-color';
    this.textProperty = options.textProperty;
    if (
      !ATTRIBUTE.test(this.attribute) ||
      !PROPERTY.test(this.property) ||
      (this.textProperty !== undefined && !PROPERTY.test(this.textProperty))
    )
      throw new TypeError('LabelColorsController: invalid attribute or custom property name');
    if (typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype)
      this.sheet = new CSSStyleSheet();
    host.addController(this);
  }

  hostConnected(): void {
    // The render root exists by now (Lit creates it before connecting controllers); it keeps
    // the sheet across reconnections, so it is adopted once and never released.
    const root = this.host.shadowRoot;
    if (!this.sheet || !root || root.adoptedStyleSheets.includes(this.sheet)) return;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
  }

  /**
   * Sets the colours, key → colour in order: the nth entry's token is `"n"`, so a template may
   * use its own index when it lists the same keys in the same order. A missing or invalid colour
   * gives its key a token but no rule (the component's default colour shows).
   */
  set(colors: Iterable<readonly [key: string, color: string | undefined]>): void {
    const tokens = new Map<string, string>();
    const rules: string[] = [];
    let n = 0;
    for (const [key, color] of colors) {
      const token = String(n++);
      if (!tokens.has(key)) tokens.set(key, token);
      if (!isHexColor(color)) continue;
      const text = this.textProperty ? `${this.textProperty}: ${textColorOn(color)}; ` : '';
      rules.push(`[${this.attribute}="${token}"] { ${this.property}: ${color}; ${text}}`);
    }
    this.tokens = tokens;
    const cssText = rules.join('\n');
    if (cssText === this.cssText) return;
    this.cssText = cssText;
    this.sheet?.replaceSync(cssText);
  }

  /** The attribute value that colours an element for `key`; undefined for a key not set. */
  token(key: string | undefined): string | undefined {
    return key === undefined ? undefined : this.tokens.get(key);
  }
}
