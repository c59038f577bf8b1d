import { css } from 'lit';

/** Styles of `<tagwerk-ranking-field>`; colours come from the shared `tokens`. */
export const rankingFieldStyles = css`
  :host {
    display: block;
    min-inline-size: 0;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    min-inline-size: 0;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  p {
    margin: 0;
  }
  .unranked {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_warning-bg);
  }
  .unranked p {
    flex: 1 1 16em;
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--_bg-raised);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: calc(var(--_space) * 0.6) calc(var(--_space) * 1.6);
    min-block-size: 2.25em;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--_accent);
  }
  .empty {
    color: var(--_muted);
  }
  .list-wrap {
    position: relative;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .row {
    position: relative;
    display: grid;
    grid-template-columns: auto 2.5em minmax(0, 1fr);
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.6) var(--_space);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    cursor: grab;
    /* Dragging the whole row would otherwise start a text selection. */
    user-select: none;
    -webkit-user-select: none;
  }
  /* Entries are apart; the rows of one tied group touch, so the group reads as one rank. */
  .row.entry-start:not(:first-child) {
    margin-block-start: calc(var(--_space) * 0.6);
  }
  .row.tied {
    border-inline-start: 4px solid var(--_accent);
    background: var(--_bg-raised);
  }
  .row.tied:not(.entry-start) {
    border-start-start-radius: 0;
    border-start-end-radius: 0;
    border-block-start-style: dashed;
  }
  .row.tied:not(.entry-end) {
    border-end-start-radius: 0;
    border-end-end-radius: 0;
    border-block-end-width: 0;
  }
  .handle {
    display: grid;
    place-items: center;
    min-inline-size: 24px;
    min-block-size: 24px;
    color: var(--_muted);
    /* Touch and pen drags start here only, so the rest of the row still scrolls the page. */
    touch-action: none;
  }
  .rank {
    display: flex;
    flex-direction: column;
    align-items: center;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
  }
  .rank small {
    font-weight: 400;
    font-size: 0.7em;
    color: var(--_muted);
  }
  .text {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  .title {
    overflow-wrap: anywhere;
  }
  .detail {
    color: var(--_muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
  }
  :host([readonly]) .row {
    cursor: default;
  }
  :host([readonly]) .handle {
    visibility: hidden;
  }
  .row.grabbed {
    border-color: var(--_accent);
    background: var(--_bg-raised);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
  }
  /* The gap where a dragged item will land: the item's own row, emptied. */
  .row.placeholder {
    border: 2px dashed var(--_accent);
    background: var(--_bg-sunken);
    box-shadow: none;
  }
  .row.placeholder > * {
    visibility: hidden;
  }
  .row.drop-target {
    outline: 3px dashed var(--_accent);
    outline-offset: -3px;
  }
  ol.dragging,
  ol.dragging .row {
    cursor: grabbing;
  }
  .ghost {
    position: absolute;
    inset-block-start: 0;
    inset-inline: 0;
    z-index: 1;
    pointer-events: none;
    border-color: var(--_accent);
    box-shadow: 0 6px 18px rgb(0 0 0 / 0.3);
    opacity: 0.95;
  }
  .help {
    display: none;
    color: var(--_muted);
    font-size: 0.85em;
  }
  /* Shown while the list has focus; screen readers get it as the list's description anyway. */
  .list-wrap:focus-within ~ .help {
    display: block;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: no-preference) {
    .row {
      transition:
        background-color 120ms ease-out,
        border-color 120ms ease-out,
        box-shadow 120ms ease-out;
    }
  }
  @media (forced-colors: active) {
    .row,
    button {
      border-color: CanvasText;
    }
    .row.tied {
      border-inline-start-color: CanvasText;
    }
    .row.grabbed,
    .row.placeholder,
    .ghost {
      border-color: Highlight;
    }
    .row.drop-target {
      outline-color: Highlight;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
