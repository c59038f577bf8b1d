/** Quality metrics over annotations: geometry overlap, matching, transcript error rates, agreement. */
export { iou, type IoUShape } from './iou.js';
export { wer, cer, type ErrorRateOptions } from './text-distance.js';
export { agreement, krippendorffAlpha, type AlphaMetric } from './agreement.js';
export { answersAgree } from './answers.js';
export {
  matchRegions,
  matchSegments,
  type Matching,
  type MatchedPair,
  type RegionMatchOptions,
  type SegmentMatchOptions,
} from './match.js';
