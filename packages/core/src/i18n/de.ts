/** German messages: complete (a test checks every English key has a German one). */
import { audioDe } from './audio.de.js';
import { imageLabelerDe } from './image-labeler.de.js';
import { questionsDe } from './questions.de.js';
import { rankingDe } from './ranking.de.js';
import { spansDe } from './spans.de.js';
import { textRaterDe } from './text-rater.de.js';
import type { Catalog } from './translate.js';
import { uiDe } from './ui.de.js';
import { validationDe } from './validation.de.js';

export const de: Catalog = {
  ...validationDe,
  ...uiDe,
  ...questionsDe,
  ...rankingDe,
  ...spansDe,
  ...textRaterDe,
  ...imageLabelerDe,
  ...audioDe,
};
