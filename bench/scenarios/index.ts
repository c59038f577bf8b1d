/**
 * The scenario registry: one entry per file in this folder. The runner filters and schedules on
 * these fields alone; a scenario's code (which may need a DOM) is only loaded where it runs.
 */
import type { ScenarioEntry, ScenarioModule } from '../lib/types.js';

export const scenarios: readonly ScenarioEntry[] = [
  {
    name: 'validate-100k',
    title: 'validateAnnotation over 100k annotations vs a compiled Ajv 2020 validator',
    envs: ['node', 'browser'],
    load: () => import('./validate-100k.js'),
  },
  {
    name: 'text-rater-mount',
    title: '<tagwerk-text-rater> mount with 10 × 2k-word markdown responses vs marked → innerHTML',
    envs: ['browser'],
    load: () => import('./text-rater-mount.js'),
  },
  {
    name: 'text-rater-latency',
    title: '<tagwerk-text-rater> digit key on a rating → tagwerk-change and next frame vs a plain radio group',
    envs: ['browser'],
    load: () => import('./text-rater-latency.js'),
  },
  {
    name: 'image-labeler-drag',
    title:
      'Image labeller stage: 1,000 and 5,000 boxes on a 4,000 × 3,000 image — first render, drag frame time, memory vs naive fabric',
    envs: ['browser'],
    load: () => import('./image-labeler-drag.js'),
  },
  {
    name: 'audio-transcriber-ready',
    title:
      '<tagwerk-audio-transcriber> with 10- and 60-minute audio and a precomputed waveform: task → ready + painted, memory vs bare Peaks.init',
    envs: ['browser'],
    load: () => import('./audio-transcriber-ready.js'),
  },
  {
    name: 'audio-transcriber-edit',
    title:
      '<tagwerk-audio-transcriber> with 500 segments: edge-drag frame time vs bare peaks.js, transcript key → tagwerk-change vs a plain textarea',
    envs: ['browser'],
    load: () => import('./audio-transcriber-edit.js'),
  },
  {
    name: 'bundle-size',
    title: 'Widget standalone bundles, gzip and brotli, by package, vs the third-party code alone',
    envs: ['node'],
    // Node only: a specifier Vite cannot follow keeps node:zlib and Vite itself out of the page bundle.
    load: () => {
      const file = './bundle-size.js';
      return import(/* @vite-ignore */ file) as Promise<ScenarioModule>;
    },
  },
];
