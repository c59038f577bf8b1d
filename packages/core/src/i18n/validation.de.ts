import type { validationEn } from './validation.en.js';

export const validationDe: Record<keyof typeof validationEn, string> = {
  'validation.type': '{expected} erwartet.',
};
