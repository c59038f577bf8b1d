/**
 * The scenario page: Node (bench/lib/browser.ts) opens it in a fresh tab and calls
 * `window.runScenario(name, options)`, which loads the scenario from the registry and returns its rows.
 */
import type { PageRunOptions } from '../lib/types.js';
import { scenarios } from '../scenarios/index.js';
import { browserContext } from './context.js';

window.runScenario = async (name: string, options: PageRunOptions) => {
  const entry = scenarios.find((s) => s.name === name);
  if (!entry) throw new Error(`no scenario named ${name}`);
  if (!entry.envs.includes('browser')) throw new Error(`${name} does not run in the browser`);
  const scenario = await entry.load();
  return scenario.run(browserContext(options.quick));
};
