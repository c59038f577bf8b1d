/** This widget's messages merged into the shared chrome's, English and German (both complete). */
import { mergeMessages, type KeyOf } from '@tagwerk/core';
import { uiMessages } from '@tagwerk/ui';
import { imageLabelerDe } from './image-labeler.de.js';
import { imageLabelerEn } from './image-labeler.en.js';

/** Every message the widget shows: the shared chrome's and its own. */
export const imageLabelerMessages = mergeMessages(uiMessages, {
  en: imageLabelerEn,
  de: imageLabelerDe satisfies Record<keyof typeof imageLabelerEn, string>,
});

/** A key of `imageLabelerMessages`. */
export type ImageLabelerMessageKey = KeyOf<typeof imageLabelerMessages>;
