/** The `ScenarioContext` of a Node scenario: the harness's own process (started with --expose-gc). */
import type { MemoryReading, ScenarioContext } from './types.js';

const exposedGc = (globalThis as { gc?: () => void }).gc;

/** Build the context a scenario's `run` receives in Node. */
export function nodeContext(quick: boolean, log: (message: string) => void): ScenarioContext {
  const gc = () => {
    exposedGc?.();
    return Promise.resolve();
  };
  return {
    env: 'node',
    quick,
    log,
    gc,
    heapUsed: async (): Promise<MemoryReading> => {
      await gc();
      return { bytes: process.memoryUsage().heapUsed, source: 'process.memoryUsage' };
    },
  };
}
