import { css } from 'lit';

export const styles = css`
  audio {
    inline-size: 100%;
  }
`;
