import type { uiEn } from './ui.en.js';

export const uiDe: Record<keyof typeof uiEn, string> = {
  'ui.loading': 'Aufgabe wird geladen …',
};
