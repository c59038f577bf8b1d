/** The `ScenarioContext` of a browser scenario: page-side GC, heap readings and the host bridge. */
import type { BrowserHost, MemoryReading, ScenarioContext } from '../lib/types.js';

type HostCall = (op: string, args: unknown[]) => Promise<unknown>;

declare global {
  interface Window {
    /** Installed by puppeteer's `exposeFunction` (bench/lib/browser.ts). */
    __tagwerkBenchHost?: HostCall;
  }
  interface Performance {
    /** Chromium only; needs cross-origin isolation. */
    measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
    /** Chromium only; precise with --enable-precise-memory-info. */
    memory?: { usedJSHeapSize: number };
  }
}

function createHost(): BrowserHost | undefined {
  const call = window.__tagwerkBenchHost;
  if (!call) return undefined;
  return {
    press: async (key) => void (await call('press', [key])),
    type: async (text) => void (await call('type', [text])),
    mouseMove: async (x, y, steps) => void (await call('mouseMove', [x, y, steps])),
    mouseDown: async () => void (await call('mouseDown', [])),
    mouseUp: async () => void (await call('mouseUp', [])),
    metrics: async () => (await call('metrics', [])) as Record<string, number>,
    collectGarbage: async () => void (await call('collectGarbage', [])),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
}

/** Build the context a scenario's `run` receives in the page. */
export function browserContext(quick: boolean): ScenarioContext {
  const host = createHost();
  const gc = async () => {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) exposed();
    else await host?.collectGarbage();
  };
  const heapUsed = async (): Promise<MemoryReading> => {
    await gc();
    // The standard API, when the page is cross-origin isolated (the preview server sends COOP/COEP).
    if (self.crossOriginIsolated && performance.measureUserAgentSpecificMemory) {
      const result = await withTimeout(
        performance.measureUserAgentSpecificMemory().catch(() => undefined),
        5_000,
      );
      if (result) return { bytes: result.bytes, source: 'measureUserAgentSpecificMemory' };
    }
    if (host) {
      const metrics = await host.metrics();
      if (typeof metrics.JSHeapUsedSize === 'number') return { bytes: metrics.JSHeapUsedSize, source: 'cdp' };
    }
    if (performance.memory) return { bytes: performance.memory.usedJSHeapSize, source: 'performance.memory' };
    throw new Error('no heap measurement API in this browser');
  };
  return {
    env: 'browser',
    quick,
    log: (message) => console.log(message),
    gc,
    heapUsed,
    ...(host ? { host } : {}),
  };
}
