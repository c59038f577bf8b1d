/**
 * The scenario registry: one entry per file in this folder. The runner filters and schedules on
 * these fields alone; a scenario's code (which may need a DOM) is only loaded where it runs.
 */
import type { ScenarioEntry } from '../lib/types.js';

export const scenarios: readonly ScenarioEntry[] = [
  {
    name: 'validate-100k',
    title: 'validateAnnotation over 100k annotations vs a compiled Ajv 2020 validator',
    envs: ['node', 'browser'],
    load: () => import('./validate-100k.js'),
  },
];
