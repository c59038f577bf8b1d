import { css } from 'lit';

export const styles = css`
  .transcriber {
    display: grid;
    gap: 0.75rem;
  }
  .transport {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .transport .time {
    font-variant-numeric: tabular-nums;
    margin-inline-start: auto;
  }
  .wave {
    display: grid;
    gap: 0.25rem;
    inline-size: 100%;
    min-inline-size: 0;
  }
  /* The waveform canvases are sized by peaks; they must never widen the widget (the observer
     refits them to the container instead). */
  .zoomview,
  .overview {
    min-inline-size: 0;
    overflow: hidden;
  }
  .zoomview {
    block-size: 120px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .overview {
    block-size: 48px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .segments h3 {
    margin: 0 0 0.25rem;
    font-size: 1em;
  }
  .segments ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .segment {
    display: grid;
    grid-template-columns: auto auto 1fr auto;
    align-items: start;
    gap: 0.5rem;
    padding: 0.25rem;
    border-radius: var(--_radius);
  }
  .segment:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .segment .time {
    font-variant-numeric: tabular-nums;
  }
  .segment textarea {
    inline-size: 100%;
    box-sizing: border-box;
    resize: vertical;
    font: inherit;
  }
`;
