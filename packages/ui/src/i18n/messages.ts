/** The messages of the shared chrome and question fields, English and German (both complete). */
import type { Messages } from '@tagwerk/core';
import { questionsDe } from './questions.de.js';
import { questionsEn } from './questions.en.js';
import { rankingDe } from './ranking.de.js';
import { rankingEn } from './ranking.en.js';
import { spansDe } from './spans.de.js';
import { spansEn } from './spans.en.js';
import { uiDe } from './ui.de.js';
import { uiEn } from './ui.en.js';

const en = { ...uiEn, ...questionsEn, ...rankingEn, ...spansEn } as const;

/** Keys of the shared chrome's messages (`ui.*`, `questions.*`, `ranking.*`, `spans.*`). */
export type UiMessageKey = keyof typeof en;

/** The shared chrome's catalogues; a widget merges its own into them (`mergeMessages`). */
export const uiMessages: Messages<UiMessageKey> = {
  en,
  de: { ...uiDe, ...questionsDe, ...rankingDe, ...spansDe } satisfies Record<UiMessageKey, string>,
};
