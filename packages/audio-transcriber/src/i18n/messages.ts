/** This widget's messages merged into the shared chrome's, English and German (both complete). */
import { mergeMessages, type KeyOf } from '@tagwerk/core';
import { uiMessages } from '@tagwerk/ui';
import { audioDe } from './audio.de.js';
import { audioEn } from './audio.en.js';

/** Every message the widget shows: the shared chrome's and its own. */
export const audioMessages = mergeMessages(uiMessages, {
  en: audioEn,
  de: audioDe satisfies Record<keyof typeof audioEn, string>,
});

/** A key of `audioMessages`. */
export type AudioMessageKey = KeyOf<typeof audioMessages>;
