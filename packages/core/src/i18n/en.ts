/** English messages: complete, and the fallback for every other locale. */
import { audioEn } from './audio.en.js';
import { imageLabelerEn } from './image-labeler.en.js';
import { questionsEn } from './questions.en.js';
import { rankingEn } from './ranking.en.js';
import { spansEn } from './spans.en.js';
import { textRaterEn } from './text-rater.en.js';
import { uiEn } from './ui.en.js';
import { validationEn } from './validation.en.js';

export const en = {
  ...validationEn,
  ...uiEn,
  ...questionsEn,
  ...rankingEn,
  ...spansEn,
  ...textRaterEn,
  ...imageLabelerEn,
  ...audioEn,
} as const;
