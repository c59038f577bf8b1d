/** German messages: complete (a test checks every English key has a German one). */
import type { Catalog } from './translate.js';
import { validationDe } from './validation.de.js';
import { uiDe } from './ui.de.js';

export const de: Catalog = { ...validationDe, ...uiDe };
