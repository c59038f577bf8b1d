import { css } from 'lit';

export const styles = css`
  /* The waveform is built, before ready, in a hidden holder spanning the card's content box. */
  [part='base'] {
    position: relative;
  }
  .wave-holder {
    position: absolute;
    inset-inline: calc(var(--_space) * 2);
    inset-block-start: 0;
    block-size: 0;
    overflow: hidden;
    visibility: hidden;
  }
  /* Lengths in em, never rem: the page's root font size must not resize the widget. */
  .transcriber {
    display: grid;
    gap: 0.75em;
  }
  .transport {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .transport .time {
    font-variant-numeric: tabular-nums;
    margin-inline-start: auto;
    padding: 0.125em 0.375em;
    border: 1px dashed var(--_border);
    border-radius: 4px;
  }
  .wave {
    display: grid;
    gap: 0.25em;
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
  /* English (or any) text in a right-to-left page: times and counts keep their own order. */
  .transport .time,
  .transport .played,
  .length,
  .segments h3 {
    unicode-bidi: plaintext;
  }
  .transport .played {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .transport .played.done {
    color: var(--_success);
  }
  .transport .zoom {
    display: inline-flex;
    gap: 0.25em;
  }
  .icon-button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .icon {
    inline-size: 1.1em;
    block-size: 1.1em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
    vertical-align: -0.15em;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375em;
  }
  .tags-title {
    color: var(--_muted);
  }
  .tag {
    font: inherit;
    display: inline-flex;
    gap: 0.375em;
    align-items: baseline;
    padding: 0.125em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg-raised);
    color: var(--_text);
    cursor: pointer;
  }
  .tag kbd {
    font: inherit;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .segments h3 {
    margin: 0 0 0.25em;
    font-size: 1em;
  }
  /* The list scrolls on its own so the waveform stays in view; rows off screen skip layout and
     paint (content-visibility) so hundreds of segments stay cheap while every textarea exists. */
  .segment-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25em;
    max-block-size: var(--tagwerk-audio-list-height, min(70vh, 40em));
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .segment {
    --_speaker: transparent;
    display: grid;
    gap: 0.25em;
    padding: 0.375em 0.5em;
    border-radius: var(--_radius);
    border-inline-start: 4px solid var(--_speaker);
    background: var(--_bg);
    content-visibility: auto;
    contain-intrinsic-size: auto 6em;
  }
  .segment.current {
    background: var(--_bg-raised);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .segment.warn {
    background: var(--_warning-bg);
  }
  .segment:focus-visible,
  .edge:focus-visible,
  .transport .time:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375em 0.5em;
  }
  .index {
    min-inline-size: 2ch;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .times {
    display: inline-flex;
    align-items: center;
    gap: 0.125em;
  }
  .edge {
    font-variant-numeric: tabular-nums;
    padding: 0.125em 0.25em;
    border: 1px dashed var(--_border);
    border-radius: 4px;
    cursor: ew-resize;
  }
  .length {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .swatch.label-swatch {
    background: var(--_label);
    border-radius: 2px;
  }
  .speaker,
  .label {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
  }
  .swatch {
    inline-size: 0.75em;
    block-size: 0.75em;
    border-radius: 50%;
    background: var(--_speaker);
    border: 1px solid var(--_border);
  }
  .warning {
    color: var(--_danger);
  }
  .row-actions {
    margin-inline-start: auto;
    display: inline-flex;
    gap: 0.25em;
  }
  .segment textarea {
    inline-size: 100%;
    box-sizing: border-box;
    resize: vertical;
    font: inherit;
  }
  /* Windows high contrast: state shown by outlines, swatches keep their colours. */
  @media (forced-colors: active) {
    .segment.current,
    .icon-button[aria-pressed='true'] {
      outline: 2px solid Highlight;
    }
    .swatch {
      forced-color-adjust: none;
    }
  }
  .icon-button[aria-disabled='true'] {
    opacity: 0.45;
    cursor: default;
  }
`;
