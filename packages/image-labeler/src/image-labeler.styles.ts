import { css } from 'lit';

export const styles = css`
  [part='surface'] {
    container-type: inline-size;
  }
  .labeler {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: center;
  }
  .group {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: center;
  }
  .tool.active,
  .label.active {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 16%, var(--_bg));
    font-weight: 600;
  }
  .label {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.6);
  }
  .swatch {
    display: inline-block;
    inline-size: 0.9em;
    block-size: 0.9em;
    border-radius: 3px;
    background: var(--label-color, var(--_muted));
    border: 1px solid color-mix(in srgb, var(--_text) 40%, transparent);
    flex: none;
  }
  .zoom-level {
    min-inline-size: 3.5em;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .workspace {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    grid-template-columns: minmax(0, 1fr);
  }
  @container (min-width: 52em) {
    .workspace {
      grid-template-columns: minmax(0, 1fr) minmax(16em, 22em);
      align-items: start;
    }
  }
  .stage {
    position: relative;
    inline-size: 100%;
    max-block-size: min(70vh, 44em);
    min-block-size: 18em;
    background: var(--_bg-sunken);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    touch-action: none;
    user-select: none;
  }
  .stage:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .side {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
    min-inline-size: 0;
  }
  .regions h3 {
    margin: 0;
    font-size: 1em;
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) var(--_space);
    margin: calc(var(--_space) * 0.5) 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .count {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  .region-list {
    block-size: 16em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
  }
  .region-row {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.6);
    inline-size: 100%;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border-block-end: 1px solid var(--_border);
    cursor: pointer;
  }
  .region-row.selected {
    background: color-mix(in srgb, var(--_accent) 16%, var(--_bg));
  }
  .region-row.is-hidden .row-main {
    text-decoration: line-through;
    color: var(--_muted);
  }
  .row-main {
    flex: 1 1 auto;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .row-meta {
    color: var(--_muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .details {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .describe {
    margin: 0;
    font-weight: 600;
  }
  .describe::first-letter {
    text-transform: uppercase;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.4);
  }
  .field.check {
    flex-direction: row;
    align-items: center;
  }
  .field select,
  .field input[type='text'] {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: calc(var(--_space) * 0.5);
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  button.danger {
    color: var(--_danger);
  }
  .questions {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }
`;
