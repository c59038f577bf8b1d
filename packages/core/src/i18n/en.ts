/** English messages: complete, and the fallback for every other locale. */
import { validationEn } from './validation.en.js';
import { uiEn } from './ui.en.js';

export const en = { ...validationEn, ...uiEn } as const;
