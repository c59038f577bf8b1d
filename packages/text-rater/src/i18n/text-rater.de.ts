import type { textRaterEn } from './text-rater.en.js';

/** Strings of <tagwerk-text-rater> (German). */
export const textRaterDe: Record<keyof typeof textRaterEn, string> = {
  'textRater.record': 'Datensatz',
  'textRater.questions': 'Fragen',
  'textRater.prompt': 'Eingabe',
  'textRater.query': 'Suchanfrage',
  'textRater.text': 'Text',
  'textRater.conversation': 'Unterhaltung, {count, plural, one {# Beitrag} other {# Beiträge}}',
  'textRater.role.user': 'Nutzer',
  'textRater.role.assistant': 'Assistent',
  'textRater.role.system': 'System',
  'textRater.response': 'Antwort {number}',
  'textRater.responsePosition': 'Antwort {position}',
  'textRater.words': '{count, plural, one {# Wort} other {# Wörter}}',
  'textRater.format': 'Formatiert anzeigen ({size, number} Zeichen; kann einen Moment dauern)',
  'textRater.action.spanLabel': 'Markierten Text kennzeichnen (Label-Tasten, in einem Markierungsfeld)',
  'textRater.training.unanswered': 'nicht beantwortet',
  'textRater.training.rating': 'Referenz {expected}, Ihre Antwort {actual}',
  'textRater.training.spans': '{matched} von {expected} Referenzmarkierungen getroffen; Sie haben {actual} markiert',
};
