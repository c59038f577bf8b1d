import { css } from 'lit';

/** Styles of the shared question fields (see questions.ts). */
export const questionStyles = css`
  .questions {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    min-inline-size: 0;
  }
  .question {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    min-inline-size: 0;
  }
  .question:focus-within {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .q-head {
    display: flex;
    align-items: baseline;
    gap: calc(var(--_space) * 0.5);
    font-weight: 600;
  }
  .q-label {
    overflow-wrap: anywhere;
  }
  .q-required {
    color: var(--_danger);
  }
  .q-done {
    color: var(--_success);
    margin-inline-start: auto;
  }
  .q-description,
  .q-target,
  .scale-legend,
  .counter,
  .q-sublabel {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0;
  }
  .scale-legend {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
  }
  .counter.bad {
    color: var(--_danger);
  }
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  .scale-option,
  .choice {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.6);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1.1);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_bg-raised);
    cursor: pointer;
    min-block-size: 2.5em;
  }
  .scale-option {
    flex-direction: column;
    justify-content: center;
    min-inline-size: 2.75em;
    text-align: center;
  }
  .scale.compact .scale-option {
    min-block-size: 2.25em;
    min-inline-size: 2.4em;
    padding-block: calc(var(--_space) * 0.3);
  }
  .scale-option:hover,
  .choice:hover {
    border-color: var(--_accent);
  }
  .scale-option.checked,
  .choice.checked {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 16%, var(--_bg));
    font-weight: 600;
  }
  /* The native input stays in the accessibility tree and takes focus; the label is the visual. */
  .scale-option input {
    position: absolute;
    inset: 0;
    opacity: 0;
    margin: 0;
    cursor: pointer;
  }
  .scale-option:has(input:focus-visible),
  .choice:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .scale-option:has(input:disabled),
  .choice:has(input:disabled) {
    cursor: default;
  }
  .scale-value {
    font-variant-numeric: tabular-nums;
    font-size: 1.05em;
  }
  .scale-anchor {
    font-size: 0.78em;
    color: var(--_muted);
    max-inline-size: 9em;
    line-height: 1.2;
  }
  .scale.stars .scale-option {
    border-color: transparent;
    background: none;
    min-inline-size: 2.2em;
  }
  .scale.stars .scale-value {
    font-size: 1.6em;
    color: var(--_muted);
  }
  .scale.stars .scale-option.on .scale-value {
    color: var(--_accent);
  }
  .choices,
  .pairwise {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  .choice kbd {
    margin-inline-start: auto;
  }
  .choice-description {
    flex-basis: 100%;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .strength {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  textarea.text-answer {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: var(--_space);
    resize: vertical;
    inline-size: 100%;
  }
  textarea.text-answer[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  ol.results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    counter-reset: result;
  }
  li.result {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space);
    padding-block: var(--_space);
    border-block-end: 1px solid var(--_border);
  }
  .result-text {
    display: flex;
    flex-direction: column;
    flex: 1 1 16em;
    min-inline-size: 0;
  }
  .result-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .result-title a {
    color: var(--_accent);
  }
  .result-url {
    color: var(--_success);
    font-size: 0.85em;
    overflow-wrap: anywhere;
  }
  .result-snippet {
    color: var(--_muted);
    font-size: 0.9em;
  }
  @media (forced-colors: active) {
    .scale-option.checked,
    .choice.checked {
      border: 2px solid Highlight;
    }
  }
`;
