import { css } from 'lit';

export const styles = css`
  [part='surface'] {
    container-type: inline-size;
  }
  .layout {
    display: grid;
    gap: calc(var(--_space) * 2);
    grid-template-columns: minmax(0, 1fr);
  }
  /* Wide widgets: the record on one side, questions beside it, each scrolling in place. */
  @container (min-width: 60em) {
    .layout:not(.single) {
      grid-template-columns: minmax(0, 3fr) minmax(20em, 2fr);
      align-items: start;
    }
    .questions {
      position: sticky;
      inset-block-start: 0;
      max-block-size: 85vh;
      overflow: auto;
    }
  }
  .record {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    min-inline-size: 0;
  }
  .block-title {
    margin: 0 0 calc(var(--_space) * 0.5);
    font-size: 0.85em;
    font-weight: 650;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  .block-title .size {
    margin-inline-start: auto;
    text-transform: none;
    letter-spacing: 0;
    font-weight: 400;
  }
  .position {
    display: inline-grid;
    place-items: center;
    inline-size: 1.7em;
    block-size: 1.7em;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.95em;
    letter-spacing: 0;
  }
  .prompt,
  .query {
    padding: calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_bg-raised);
  }
  .query-text {
    margin: 0;
    font-size: 1.1em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .conversation {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    max-block-size: 32em;
    overflow: auto;
  }
  .turn {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    max-inline-size: 92%;
    content-visibility: auto;
    contain-intrinsic-size: auto 4em;
  }
  .turn.user {
    align-self: flex-end;
    background: var(--_bg-raised);
  }
  .turn.system {
    align-self: center;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .role {
    display: block;
    font-size: 0.75em;
    font-weight: 650;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
  }
  .responses {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    grid-template-columns: minmax(0, 1fr);
  }
  /* Several responses sit side by side when there is room, and stack when there is not. */
  @container (min-width: 44em) {
    .responses.several {
      grid-template-columns: repeat(auto-fit, minmax(20em, 1fr));
    }
  }
  .response {
    display: flex;
    flex-direction: column;
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  .response-body,
  .plain-text {
    overflow: auto;
    max-block-size: 36em;
  }
  /* Skip layout and paint of blocks scrolled out of view inside a response (measured: mounting
     ten 2,000-word responses spends most of its time in layout). */
  .response-body > *,
  .plain-text > * {
    content-visibility: auto;
    contain-intrinsic-size: auto 1.5em;
  }
  .plain-text {
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .result-list {
    margin: 0;
    padding-inline-start: 1.4em;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .result-list li span {
    display: block;
    color: var(--_muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
`;
