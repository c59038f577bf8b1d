/** Quality metrics over annotations: geometry overlap, transcript error rates, agreement. */
export { iou, type IoUShape } from './iou.js';
export { wer, cer, type ErrorRateOptions } from './text-distance.js';
export { agreement, krippendorffAlpha, type AlphaMetric } from './agreement.js';
