export { toJSONL } from './jsonl.js';
export {
  toPreferencePairs,
  type PreferenceMessage,
  type PreferencePair,
  type PreferencePairOptions,
} from './preference.js';
export {
  toCOCO,
  type COCOAnnotation,
  type COCOCategory,
  type COCODataset,
  type COCOImage,
  type COCOInfo,
  type COCOOptions,
  type KeypointSchema,
} from './coco.js';
export { toYOLO } from './yolo.js';
export { toPascalVOC, type NameMap, type PascalVOCOptions } from './voc.js';
export {
  toW3C,
  W3C_ANNO_CONTEXT,
  type W3CAnnotation,
  type W3COptions,
  type W3CSelector,
  type W3CTextualBody,
} from './w3c.js';
export { toWebVTT, type SRTOptions, type SubtitleOptions } from './webvtt.js';
export { toSRT } from './srt.js';
export { toRTTM } from './rttm.js';
