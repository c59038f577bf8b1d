import { css } from 'lit';

export const styles = css`
  .stage {
    margin: 0;
  }
  .stage img {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
  }
`;
