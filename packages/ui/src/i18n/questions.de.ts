import type { questionsEn } from './questions.en.js';

/** Strings of the shared question fields (German). */
export const questionsDe: Record<keyof typeof questionsEn, string> = {
  'questions.required': 'Pflichtfeld',
  'questions.choice.none': 'Nichts davon',
  'questions.rating.target': 'Zu: {response}',
  'questions.text.counter': '{count, plural, one {# Zeichen} other {# Zeichen}}',
  'questions.text.counterMax': '{count} / {max} Zeichen',
  'questions.text.min': 'mindestens {min}',
  'questions.pairwise.a': 'A ist besser',
  'questions.pairwise.b': 'B ist besser',
  'questions.pairwise.shownBetter': '{position} ist besser',
  'questions.pairwise.tie': 'Gleichstand',
  'questions.pairwise.bothGood': 'Beide gut',
  'questions.pairwise.bothBad': 'Beide schlecht',
  'questions.pairwise.strength': 'Wie viel besser?',
  'questions.pairwise.slightly': 'Etwas',
  'questions.pairwise.clearly': 'Deutlich',
  'questions.pairwise.much': 'Viel',
  'questions.action.pick': 'Wert oder Option wählen (Zifferntasten, in der fokussierten Frage)',
  'questions.action.preferA': 'Antwort A bevorzugen',
  'questions.action.preferB': 'Antwort B bevorzugen',
  'questions.action.tie': 'Gleichstand',
  'questions.action.bothGood': 'Beide gut',
  'questions.action.bothBad': 'Beide schlecht',
  'questions.action.next': 'Nächste Frage',
  'questions.action.previous': 'Vorherige Frage',
} as const;
