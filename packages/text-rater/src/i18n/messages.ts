/** This widget's messages merged into the shared chrome's, English and German (both complete). */
import { mergeMessages, type KeyOf } from '@tagwerk/core';
import { uiMessages } from '@tagwerk/ui';
import { textRaterDe } from './text-rater.de.js';
import { textRaterEn } from './text-rater.en.js';

/** Every message the widget shows: the shared chrome's and its own. */
export const textRaterMessages = mergeMessages(uiMessages, {
  en: textRaterEn,
  de: textRaterDe satisfies Record<keyof typeof textRaterEn, string>,
});

/** A key of `textRaterMessages`. */
export type TextRaterMessageKey = KeyOf<typeof textRaterMessages>;
