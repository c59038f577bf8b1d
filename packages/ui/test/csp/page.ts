/**
 * Runs inside an iframe served with a strict CSP. Mounts every widget, drives it a little, and
 * reports back to the test (csp.test.ts) every CSP violation and uncaught error it saw.
 * Each widget issue adds its scenario to `scenarios`.
 */
import { scenarios } from './scenarios.js';

const violations: string[] = [];
const errors: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
});
window.addEventListener('error', (e) => errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(String((e.reason as Error)?.message ?? e.reason)));

const results: Record<string, string> = {};
if (location.search.includes('canary')) {
  // Proves the detector works: both of these must be refused and reported by the browser.
  try {
    // eslint-disable-next-line no-new-func, @typescript-eslint/no-implied-eval -- the canary must try eval
    new Function('return 1')();
  } catch {
    /* refused by script-src */
  }
  try {
    document.createElement('div').innerHTML = '<b>x</b>';
  } catch {
    /* refused by require-trusted-types-for */
  }
}
const root = document.getElementById('widgets')!;
for (const [name, run] of Object.entries(scenarios)) {
  try {
    results[name] = await run(root);
  } catch (error) {
    results[name] = `failed: ${(error as Error).message}`;
  }
}
// Violation events are dispatched asynchronously: let them arrive before reporting.
await new Promise((resolve) => setTimeout(resolve, 100));
parent.postMessage({ type: 'tagwerk-csp-report', results, violations, errors }, location.origin);
