/**
 * `@tagwerk/platforms`: one Tagwerk widget wired into one crowd platform's documented contract.
 * Independent of the elements: an adapter reads the assignment from the page and hands a
 * submitted envelope to the platform; the widgets use it through their `platform` attribute.
 */
import type { AdapterEnvironment, PlatformAdapter } from './adapter.js';
import type { PlatformName } from './context.js';
import { groundTruthAdapter } from './ground-truth.js';
import { mturkAdapter } from './mturk.js';
import { tolokaAdapter } from './toloka.js';
import { urlAdapter } from './url.js';

export * from './adapter.js';
export * from './context.js';
export * from './errors.js';
export { mturkAdapter } from './mturk.js';
export { groundTruthAdapter } from './ground-truth.js';
export { tolokaTask, tolokaAdapter } from './toloka.js';
export type { TolokaSolution, TolokaTaskBase, TolokaTaskOptions, TolokaValidationError } from './toloka.js';
export { urlAdapter, PROLIFIC_COMPLETE, type SubmitBody } from './url.js';

/** The adapter of a platform. */
export function createAdapter(name: PlatformName, env: AdapterEnvironment): PlatformAdapter {
  switch (name) {
    case 'mturk':
      return mturkAdapter(env);
    case 'ground-truth':
      return groundTruthAdapter(env);
    case 'toloka':
      return tolokaAdapter(env);
    case 'prolific':
    case 'url':
    case 'clickworker':
      return urlAdapter(name, env);
  }
}
