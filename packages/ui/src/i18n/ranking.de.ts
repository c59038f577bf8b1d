import type { rankingEn } from './ranking.en.js';

/** Strings of the ranking field (German). */
export const rankingDe: Record<keyof typeof rankingEn, string> = {
  'ranking.list': 'Rangfolge, das Beste zuerst',
  'ranking.empty': 'Hier gibt es nichts zu ordnen.',
  'ranking.status.unranked':
    'Noch nicht geordnet. Bringen Sie die Einträge in eine Reihenfolge, den besten zuerst, oder übernehmen Sie die angezeigte Reihenfolge.',
  'ranking.status.incomplete':
    'Die Rangfolge ist unvollständig. Prüfen Sie die angezeigte Reihenfolge und übernehmen Sie sie oder verschieben Sie einen Eintrag.',
  'ranking.keepOrder': 'Diese Reihenfolge übernehmen',
  'ranking.option': '{tied, select, true {Rang {rank}, gleichauf: {title}} other {Rang {rank}: {title}}}',
  'ranking.tiedMark': 'gleichauf',
  'ranking.help':
    'Ziehen Sie einen Eintrag, um ihn zu verschieben. Tastatur: Leertaste nimmt den aktuellen Eintrag auf und legt ihn ab, die Pfeiltasten verschieben ihn, Escape bricht ab; Alt mit einer Pfeiltaste verschiebt ihn sofort um einen Platz.',
  'ranking.help.ties':
    'Für Gleichstand legen Sie einen Eintrag auf einem anderen ab oder drücken T, um ihn mit dem Rang darüber gleichzustellen; U hebt den Gleichstand auf.',
  'ranking.grabbed':
    '{title} aufgenommen, Position {position} von {count}. Mit den Pfeiltasten verschieben, mit der Leertaste ablegen, mit Escape abbrechen.',
  'ranking.moved': '{title} ist jetzt auf Position {position} von {count}.',
  'ranking.dropped': '{title} auf Position {position} von {count} abgelegt.',
  'ranking.cancelled': 'Verschieben abgebrochen. {title} ist wieder auf Position {position} von {count}.',
  'ranking.tiedWith':
    '{title} gleichauf mit {other}{more, plural, =0 {} one { und einem weiteren Eintrag} other { und # weiteren Einträgen}}, Position {position} von {count}.',
  'ranking.untied': 'Gleichstand für {title} aufgehoben, jetzt auf Position {position} von {count}.',
  'ranking.atTop': '{title} ist schon ganz oben.',
  'ranking.atBottom': '{title} ist schon ganz unten.',
  'ranking.nothingAbove': '{title} ist ganz oben: Darüber gibt es nichts, mit dem es gleichauf sein könnte.',
  'ranking.notTied': '{title} ist mit nichts gleichauf.',
  'ranking.kept': 'Reihenfolge übernommen: {count, plural, one {# Eintrag} other {# Einträge}} geordnet.',
};
