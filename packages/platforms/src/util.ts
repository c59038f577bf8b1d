import { stableHash, type Annotation } from '@tagwerk/core';
import type { Delivery } from './adapter.js';

/**
 * A URL a submission may go to: the page's own origin, or (unless `sameOriginOnly`) any https
 * address. Never `javascript:`, `data:` or plain http elsewhere.
 */
export function isAllowedTarget(target: URL, page: URL, sameOriginOnly = false): boolean {
  if (target.origin === page.origin && (target.protocol === 'https:' || target.protocol === 'http:')) return true;
  return !sameOriginOnly && target.protocol === 'https:';
}

/**
 * Wraps a delivery so that a second call while one is under way shares it, and the same envelope
 * is never delivered twice once it succeeded. A failure lets the next call try again.
 */
export function onceFor(
  send: (annotation: Annotation) => Promise<Delivery>,
): (annotation: Annotation) => Promise<Delivery> {
  let pending: { key: string; promise: Promise<Delivery> } | undefined;
  return (annotation) => {
    const key = stableHash(JSON.stringify(annotation));
    if (pending && pending.key === key) return pending.promise;
    const promise = send(annotation);
    pending = { key, promise };
    promise.catch(() => {
      if (pending?.promise === promise) pending = undefined;
    });
    return promise;
  };
}
