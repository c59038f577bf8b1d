/**
 * Browser-side timing helpers the scenarios share: frames, rendering, timeouts, a fixed stage.
 * Frame boundaries: a rAF callback runs before its frame's style, layout and paint; a message
 * posted from it runs after them.
 */

/** One frame at 60 Hz, in ms. */
export const FRAME_MS = 1000 / 60;

/** The next animation frame (its rAF timestamp). */
export const nextFrame = (): Promise<number> => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves after the current frame's rendering (call from a rAF callback or just after one). */
export const afterPaint = (): Promise<void> =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** The next frame, rendered. */
export async function frameRendered(): Promise<void> {
  await nextFrame();
  await afterPaint();
}

/** Two frames: the first rAF runs before the frame that paints what was added, the second after it. */
export async function painted(): Promise<void> {
  await nextFrame();
  await nextFrame();
}

/** The next frame: when its rAF callbacks run, and when its rendering is done. */
export function nextFrameRendered(): Promise<{ start: number; end: number }> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const start = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ start, end: performance.now() });
      channel.port2.postMessage(null);
    });
  });
}

export const delay = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `promise`, or a rejection naming `what` when it takes longer than `ms`. */
export function timeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fail = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms);
  });
  return Promise.race([promise, fail]).finally(() => clearTimeout(timer));
}

/** Resolves on `tagwerk-ready`, rejects on `tagwerk-error` (a task or media the widget refuses). */
export function whenReady(element: HTMLElement): Promise<void> {
  return new Promise((resolve, reject) => {
    element.addEventListener('tagwerk-ready', () => resolve(), { once: true });
    element.addEventListener(
      'tagwerk-error',
      (event) => reject(new Error(`tagwerk-error: ${JSON.stringify((event as CustomEvent).detail)}`)),
      { once: true },
    );
  });
}

/**
 * A `width` × `height` box fixed at the viewport's corner in the page's #stage: page, client and
 * mouse coordinates agree, and nothing scrolls.
 */
export function fixedStage(width: number, height: number, background = '#fff'): HTMLElement {
  const root = document.getElementById('stage');
  if (!root) throw new Error('bench page has no #stage');
  const div = document.createElement('div');
  Object.assign(div.style, {
    position: 'fixed',
    left: '0',
    top: '0',
    width: `${width}px`,
    height: `${height}px`,
    overflow: 'hidden',
    background,
  });
  root.append(div);
  return div;
}
