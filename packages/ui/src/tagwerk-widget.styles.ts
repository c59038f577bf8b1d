import { css } from 'lit';

/**
 * Design tokens and the chrome every widget shares. The public styling API is the documented
 * `--tagwerk-*` custom properties and `::part`s; everything prefixed `--_` is private.
 * Colours meet WCAG AA in light and dark; `light-dark()` follows `color-scheme`, which the
 * `theme` attribute pins (otherwise the operating system decides).
 */
export const tokens = css`
  :host {
    --_accent: var(--tagwerk-color-accent, light-dark(#1f57c3, #8db4ff));
    --_on-accent: light-dark(#ffffff, #0b1020);
    --_bg: var(--tagwerk-color-background, light-dark(#ffffff, #16181d));
    --_bg-raised: light-dark(#f4f6f9, #20232a);
    --_bg-sunken: light-dark(#eceff4, #0f1115);
    --_text: var(--tagwerk-color-text, light-dark(#1b1d22, #e8eaef));
    --_muted: var(--tagwerk-color-muted, light-dark(#545b66, #a9b0bc));
    --_border: var(--tagwerk-color-border, light-dark(#c7ccd4, #3b4050));
    --_danger: var(--tagwerk-color-danger, light-dark(#b3261e, #ffb4ab));
    --_success: var(--tagwerk-color-success, light-dark(#1e6b34, #7fd99a));
    --_warning-bg: light-dark(#fff4d6, #3a3012);
    --_focus: var(--tagwerk-focus-ring, var(--_accent));
    --_radius: var(--tagwerk-radius, 8px);
    --_font: var(--tagwerk-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_font-size: var(--tagwerk-font-size, 15px);
    --_space: calc(var(--_font-size) * 0.5);
  }
`;

/**
 * The colour scheme of a widget: the system's unless `theme` pins one. Only widgets set it;
 * the fields nested inside a widget inherit it (setting it again would undo a pinned theme).
 */
export const colorScheme = css`
  :host {
    color-scheme: light dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
`;

export const widgetStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    min-inline-size: 0;
  }
  /* Cut inheritance from the page: every inherited property Chromium has, back to its initial
     value, so #root { text-align: center } (React's and Vue's templates) or a global body font
     cannot reach in (host-styles.test.ts keeps this list complete). The page styles a widget
     only through --tagwerk-* properties, ::part() and rules on the element itself. Deliberately
     inherited: direction and lang (the widget follows the page's dir/lang), visibility,
     pointer-events and interactivity (a page that hides, disables or inerts a region means the
     widget too), text-size-adjust (the page's mobile font inflation policy). color, font-family
     and font-size are set on [part='base'] and stay inherited here, so em units in rules on the
     element and in --tagwerk-font-size mean the page's em. color-scheme: see colorScheme. */
  :host {
    accent-color: initial;
    app-region: initial;
    border-collapse: initial;
    border-spacing: initial;
    caption-side: initial;
    caret-animation: initial;
    caret-color: initial;
    caret-shape: initial;
    clip-rule: initial;
    color-interpolation: initial;
    color-interpolation-filters: initial;
    color-rendering: initial;
    cursor: initial;
    dominant-baseline: initial;
    dynamic-range-limit: initial;
    empty-cells: initial;
    fill: initial;
    fill-opacity: initial;
    fill-rule: initial;
    font-feature-settings: initial;
    font-kerning: initial;
    font-language-override: initial;
    font-optical-sizing: initial;
    font-palette: initial;
    font-size-adjust: initial;
    font-stretch: initial;
    font-style: initial;
    font-synthesis: initial;
    font-variant: initial;
    font-variation-settings: initial;
    font-weight: initial;
    forced-color-adjust: initial;
    hyphenate-character: initial;
    hyphenate-limit-chars: initial;
    hyphens: initial;
    image-orientation: initial;
    image-rendering: initial;
    interpolate-size: initial;
    letter-spacing: initial;
    line-break: initial;
    /* Not normal: the host's line box only holds [part='base'] (an inline box, see there), and a
       strut of the page's font size must not make it taller. */
    line-height: 0;
    list-style: initial;
    marker: initial;
    math-depth: initial;
    math-shift: initial;
    math-style: initial;
    orphans: initial;
    overflow-wrap: initial;
    paint-order: initial;
    print-color-adjust: initial;
    quotes: initial;
    ruby-align: initial;
    ruby-overhang: initial;
    ruby-position: initial;
    scrollbar-color: initial;
    shape-rendering: initial;
    speak: initial;
    stroke: initial;
    stroke-dasharray: initial;
    stroke-dashoffset: initial;
    stroke-linecap: initial;
    stroke-linejoin: initial;
    stroke-miterlimit: initial;
    stroke-opacity: initial;
    stroke-width: initial;
    tab-size: initial;
    text-align: initial;
    text-align-last: initial;
    text-anchor: initial;
    text-autospace: initial;
    text-box-edge: initial;
    text-combine-upright: initial;
    text-decoration-skip-ink: initial;
    text-emphasis: initial;
    text-emphasis-position: initial;
    text-indent: initial;
    text-justify: initial;
    text-orientation: initial;
    text-rendering: initial;
    text-shadow: initial;
    text-spacing-trim: initial;
    text-transform: initial;
    text-underline-offset: initial;
    text-underline-position: initial;
    text-wrap: initial;
    user-select: initial;
    white-space-collapse: initial;
    widows: initial;
    word-break: initial;
    word-spacing: initial;
    writing-mode: initial;
    -webkit-font-smoothing: initial;
    -webkit-rtl-ordering: initial;
    -webkit-tap-highlight-color: initial;
    -webkit-text-fill-color: initial;
    -webkit-text-security: initial;
    -webkit-text-stroke: initial;
    -webkit-user-modify: initial;
  }
  :host([hidden]) {
    display: none;
  }
  /* Not inherit: a page's * { box-sizing: content-box !important } reaches the host element. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /* An inline-level box, because text decorations of ancestors (<a>, <u>, text-decoration on a
     container) propagate into every in-flow block, and no descendant can take them off:
     only an atomic inline stops them. It still fills the host's width, margins included. */
  [part='base'] {
    display: inline-flex;
    vertical-align: top;
    inline-size: 100%;
    inline-size: -webkit-fill-available;
    inline-size: stretch;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    background: var(--_bg);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  /* Focusable (tabindex -1) so a click on plain text keeps focus, and shortcuts, in the widget. */
  [part='base']:focus {
    outline: none;
  }
  :host([disabled]) [part='base'] {
    border-style: dashed;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  header[part='header'] {
    display: flex;
    align-items: center;
    gap: var(--_space);
    flex-wrap: wrap;
  }
  h2[part='title'] {
    margin: 0;
    font-size: 1.15em;
    font-weight: 650;
    flex: 1 1 auto;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .badge {
    font-size: 0.8em;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid var(--_border);
    color: var(--_muted);
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--_bg-raised);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: calc(var(--_space) * 0.6) calc(var(--_space) * 1.6);
    cursor: pointer;
    min-block-size: 2.25em;
  }
  button:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
    font-weight: 600;
  }
  button.link {
    background: none;
    border: none;
    padding-inline: calc(var(--_space) * 0.5);
    color: var(--_accent);
    text-decoration: underline;
  }
  .icon-button {
    min-inline-size: 2.25em;
    padding-inline: calc(var(--_space) * 0.8);
  }
  kbd {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.85em;
    padding: 0.05em 0.45em;
    border: 1px solid var(--_border);
    border-block-end-width: 2px;
    border-radius: 4px;
    background: var(--_bg-raised);
    white-space: nowrap;
  }
  .state {
    display: grid;
    place-items: center;
    gap: var(--_space);
    min-block-size: 8em;
    padding: calc(var(--_space) * 3);
    text-align: center;
    color: var(--_muted);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .state.error {
    color: var(--_text);
    border: 1px solid var(--_danger);
    text-align: start;
    place-items: start;
  }
  .state.error h3 {
    margin: 0;
    color: var(--_danger);
    font-size: 1.05em;
  }
  .spinner {
    inline-size: 2em;
    block-size: 2em;
    border-radius: 50%;
    border: 3px solid var(--_border);
    border-block-start-color: var(--_accent);
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
  ul.errors {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  ul.errors code {
    font-size: 0.85em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .notice {
    display: flex;
    align-items: center;
    gap: var(--_space);
    flex-wrap: wrap;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_warning-bg);
  }
  .notice.platform.done {
    background: var(--_bg-raised);
    border: 1px solid var(--_success);
  }
  .notice.platform.failed,
  .notice.warning {
    border: 1px solid var(--_danger);
  }
  .notice .spinner {
    inline-size: 1em;
    block-size: 1em;
  }
  footer[part='footer'] {
    display: flex;
    align-items: center;
    gap: var(--_space);
    flex-wrap: wrap;
    border-block-start: 1px solid var(--_border);
    padding-block-start: calc(var(--_space) * 1.5);
  }
  footer .spacer {
    flex: 1 1 auto;
  }
  .status {
    color: var(--_muted);
    font-size: 0.9em;
  }
  /* Chrome text may fall back to English inside a right-to-left page: let each such string take
     its own direction ("4 words" must not read "words 4"), while the layout stays mirrored. */
  .status,
  .badge,
  .notice span,
  kbd,
  h2[part='title'] {
    unicode-bidi: plaintext;
  }
  .status.invalid {
    color: var(--_danger);
  }
  .status.ok {
    color: var(--_success);
  }
  .review-bar,
  .feedback {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg-raised);
  }
  .review-bar .actions {
    display: flex;
    gap: var(--_space);
    flex-wrap: wrap;
  }
  .review-bar label {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
  }
  .review-bar textarea {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: var(--_space);
    min-block-size: 3.5em;
  }
  .feedback ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .feedback li.agree::before {
    content: '\\2713  ';
    color: var(--_success);
  }
  .feedback li.differ::before {
    content: '\\2717  ';
    color: var(--_danger);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    [part='base'],
    button,
    .state,
    kbd {
      border-color: CanvasText;
    }
    button.primary {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** Styles for sanitised markdown (instructions, prompts, responses). */
export const markdownStyles = css`
  .md {
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  /* A giant text run in chunks (markdown.ts chunkLongText): each laid out only when in view. */
  .md .chunk {
    display: block;
    content-visibility: auto;
    contain-intrinsic-size: auto 6lh;
  }
  .md > :first-child {
    margin-block-start: 0;
  }
  .md > :last-child {
    margin-block-end: 0;
  }
  .md pre {
    overflow: auto;
    padding: var(--_space);
    background: var(--_bg-sunken);
    border-radius: calc(var(--_radius) - 2px);
    max-block-size: 30em;
  }
  .md code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }
  .md :not(pre) > code {
    background: var(--_bg-sunken);
    padding: 0.1em 0.3em;
    border-radius: 4px;
  }
  .md table[data-md-table] {
    display: block;
    overflow-x: auto;
    border-collapse: collapse;
    max-inline-size: 100%;
  }
  .md th,
  .md td {
    border: 1px solid var(--_border);
    padding: 0.3em 0.6em;
    text-align: start;
  }
  .md img {
    max-inline-size: 100%;
    block-size: auto;
  }
  .md a {
    color: var(--_accent);
  }
  .md blockquote {
    margin-inline: 0;
    padding-inline-start: calc(var(--_space) * 1.5);
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }
  .md p.md-fallback {
    color: var(--_muted);
    font-size: 0.9em;
    font-style: italic;
  }
  .md p.plain {
    white-space: pre-wrap;
  }
`;
