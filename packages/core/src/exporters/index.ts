export { toJSONL } from './jsonl.js';
export {
  toPreferencePairs,
  type PreferenceMessage,
  type PreferencePair,
  type PreferencePairOptions,
} from './preference.js';
