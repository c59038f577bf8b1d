/**
 * Runs in an iframe served with the strict CSP (Trusted Types enforced) and reports to
 * peaks-controller.test.ts. `?raw`: a bare konva Stage on a container (shows konva's
 * `innerHTML = ''`); otherwise the PeaksController loads the tone fixture.
 */
import Konva from 'konva';
import { PeaksController } from '../src/peaks-controller.js';
import { toneFixture } from './audio-fixtures.js';

const violations: string[] = [];
const errors: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
});
window.addEventListener('error', (e) => errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(String((e.reason as Error)?.message ?? e.reason)));

const zoomview = document.getElementById('zoomview')!;
const overview = document.getElementById('overview')!;
for (const el of [zoomview, overview]) {
  el.style.width = '600px';
  el.style.height = '80px';
}
let result = 'ok';
try {
  if (location.search.includes('raw')) {
    const stage = new Konva.Stage({ container: zoomview as HTMLDivElement, width: 100, height: 50 });
    stage.destroy();
  } else {
    const host = {
      addController() {},
      removeController() {},
      requestUpdate() {},
      updateComplete: Promise.resolve(true),
    };
    const controller = new PeaksController(host);
    controller.attach({ zoomview, overview, audio: document.getElementById('audio') as HTMLAudioElement });
    const fixture = toneFixture();
    await controller.load({ url: fixture.wavUrl, waveformUrl: fixture.waveformUrl, maxDecodeSeconds: 60 });
    controller.setSegments([{ id: 'a', start: 0.5, end: 1.5 }]);
    if (!zoomview.querySelector('canvas')) result = 'no canvas in the zoomview';
    controller.dispose();
    fixture.revoke();
  }
} catch (error) {
  result = `failed: ${String((error as Error)?.message ?? error)}`;
}
// Violation events are dispatched asynchronously: let them arrive before reporting.
await new Promise((resolve) => setTimeout(resolve, 100));
parent.postMessage({ type: 'tagwerk-peaks-csp-report', result, violations, errors }, location.origin);
