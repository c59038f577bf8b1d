import { css } from 'lit';

export const styles = css`
  .record {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .response {
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: auto;
    max-block-size: 40em;
  }
`;
