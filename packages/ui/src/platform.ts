import type { Platform } from '@tagwerk/core';

/** The keyboard family of this browser: Apple keyboards name and use modifiers differently. */
export const currentPlatform = (): Platform =>
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? 'mac' : 'other';
