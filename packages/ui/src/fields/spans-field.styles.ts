import { css } from 'lit';

/**
 * Styles of `<tagwerk-spans-field>`. A label's colour arrives as `--_lc` (and a readable text
 * colour on it as `--_lc-on`) through `[data-l]`: a default palette here, the task's own colours
 * from a stylesheet the element builds (never a `style` attribute: strict CSP).
 */
export const styles = css`
  :host {
    display: block;
    min-inline-size: 0;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  kbd {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.8em;
    padding: 0 0.4em;
    border: 1px solid var(--_border);
    border-block-end-width: 2px;
    border-radius: 4px;
    background: var(--_bg);
    white-space: nowrap;
  }

  /* Label palette: swatch, name and key on every label, so colour is never the only cue. */
  .palette {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .label-button,
  .legend-item {
    display: inline-flex;
    align-items: center;
    gap: 0.45em;
    font: inherit;
    color: var(--_text);
    background: var(--_bg-raised);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: 0.2em 0.7em;
    min-block-size: 2.25em;
  }
  .label-button {
    cursor: pointer;
  }
  .label-button:hover {
    border-color: var(--_accent);
  }
  .label-button[aria-pressed='true'] {
    border-color: var(--_lc);
    box-shadow: inset 0 0 0 1px var(--_lc);
    font-weight: 600;
  }
  .swatch {
    inline-size: 0.9em;
    block-size: 0.9em;
    border-radius: 3px;
    background: var(--_lc);
    flex: none;
  }

  /* The text: one tab stop, wrapped as written, scrolling when long. */
  .text {
    position: relative;
    margin: 0;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5) calc(var(--_space) * 1.75);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    line-height: 2.2;
    max-block-size: 60vh;
    overflow: auto;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: text;
  }
  .text:focus-visible,
  .text:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .text.empty::after {
    content: '\\2014';
    color: var(--_muted);
  }
  /* The virtual caret, placed with physical coordinates computed from a Range (see placeCaret). */
  .caret {
    position: absolute;
    left: 0;
    top: 0;
    inline-size: 2px;
    block-size: 1.2em;
    background: var(--_focus);
    pointer-events: none;
    visibility: hidden;
  }
  .text:focus .caret {
    visibility: visible;
  }
  ::highlight(tagwerk-spans-selection) {
    background-color: Highlight;
    color: HighlightText;
  }

  /* A highlight per covering span, nested; each lane draws its underline a little lower. */
  .hl {
    --_lane: 0;
    background-color: color-mix(in srgb, var(--_lc) 16%, transparent);
    background-clip: content-box;
    border-block-end: 2px solid var(--_lc);
    padding-block-end: calc(1px + var(--_lane) * 4px);
    cursor: pointer;
  }
  .hl[data-lane='1'] {
    --_lane: 1;
  }
  .hl[data-lane='2'] {
    --_lane: 2;
  }
  .hl[data-lane='3'] {
    --_lane: 3;
  }
  .hl[data-tag]::before {
    /* The alternative text "" keeps the tag out of the accessible text: chips name the spans. */
    content: attr(data-tag) / '';
    display: inline-block;
    font-size: 0.68em;
    line-height: 1.3;
    font-weight: 600;
    padding: 0 0.35em;
    margin-inline-end: 0.25em;
    border-radius: 3px;
    vertical-align: 0.2em;
    background: var(--_lc);
    color: var(--_lc-on);
    user-select: none;
    white-space: nowrap;
  }

  .status {
    margin: 0;
    min-block-size: 1.5em;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .status.refused {
    color: var(--_danger);
  }

  /* Chips: one per span, one tab stop for the list (arrow keys move between chips). */
  .chips-title {
    margin: 0;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chips li {
    display: inline-flex;
    align-items: stretch;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_lc);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_bg-raised);
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  .chip,
  .remove {
    font: inherit;
    color: var(--_text);
    background: none;
    border: none;
    cursor: pointer;
    min-block-size: 2.25em;
  }
  .chip {
    display: inline-block;
    padding: 0.2em 0.6em;
    min-inline-size: 0;
    text-align: start;
    border-radius: calc(var(--_radius) - 3px);
  }
  .chip-label {
    font-weight: 600;
    white-space: nowrap;
  }
  .chip-text {
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .remove {
    padding: 0 0.6em;
    color: var(--_muted);
    border-inline-start: 1px solid var(--_border);
  }
  .remove:hover {
    color: var(--_danger);
  }

  /* Defaults for labels without a colour: dark on light, light on dark, white/black tag text. */
  [data-l] {
    --_lc: light-dark(#545b66, #a9b0bc);
    --_lc-on: light-dark(#ffffff, #000000);
  }
  [data-l='0'] {
    --_lc: light-dark(#1f57c3, #8db4ff);
  }
  [data-l='1'] {
    --_lc: light-dark(#b3261e, #ffb4ab);
  }
  [data-l='2'] {
    --_lc: light-dark(#1e6b34, #7fd99a);
  }
  [data-l='3'] {
    --_lc: light-dark(#7b3fa0, #d7b3ff);
  }
  [data-l='4'] {
    --_lc: light-dark(#a14a00, #ffb870);
  }
  [data-l='5'] {
    --_lc: light-dark(#00697a, #6fd8e8);
  }
  [data-l='6'] {
    --_lc: light-dark(#8e3b64, #f5a8cb);
  }
  [data-l='7'] {
    --_lc: light-dark(#5c5f00, #d4d66a);
  }
  [data-l='8'] {
    --_lc: light-dark(#3d4f7a, #b3c4f0);
  }
  [data-l='9'] {
    --_lc: light-dark(#8a5a00, #e6c06a);
  }

  @media (forced-colors: active) {
    .text,
    .label-button,
    .legend-item,
    .chips li,
    kbd {
      border-color: CanvasText;
    }
    .hl {
      border-block-end-color: CanvasText;
      background: none;
    }
    .hl[data-tag]::before {
      forced-color-adjust: none;
      background: CanvasText;
      color: Canvas;
    }
    .swatch {
      forced-color-adjust: none;
      border: 1px solid CanvasText;
    }
    .caret {
      forced-color-adjust: none;
      background: Highlight;
    }
    :focus-visible,
    .text:focus {
      outline-color: Highlight;
    }
  }
`;
