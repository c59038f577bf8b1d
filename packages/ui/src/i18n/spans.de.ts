import type { spansEn } from './spans.en.js';

/** Strings of the spans UI (German). */
export const spansDe: Record<keyof typeof spansEn, string> = {
  'spans.text.label': 'Zu markierender Text',
  'spans.text.roledescription': 'markierbarer Text',
  'spans.text.help':
    'Text mit der Maus auswählen oder mit der Tastatur: Pfeiltasten springen um ein Wort, Umschalt+Pfeil wählt Wort für Wort aus, Alt+Umschalt+Pfeil ändert die Auswahl um ein Zeichen, Pos1 und Ende springen an den Anfang und ans Ende, Strg+A (⌘A auf dem Mac) wählt alles aus, Esc hebt die Auswahl auf. Dann die Taste eines Labels drücken, eine Ziffer von 1 bis 9 für dieses Label oder die Eingabetaste für das aktive Label.',
  'spans.palette': 'Labels',
  'spans.palette.readonly': 'Labels (nur lesen)',
  'spans.palette.digit': 'Taste {digit} im Text',
  'spans.list': '{count, plural, =0 {Keine Markierungen} one {# Markierung} other {# Markierungen}}',
  'spans.list.empty': 'Noch nichts markiert.',
  'spans.chip.label': '{label}:',
  'spans.remove': '{label}: {text} entfernen',
  'spans.chip.hint': 'Entf entfernt die Markierung, die Eingabetaste wählt sie im Text aus.',
  'spans.added': '{label}: {text} hinzugefügt',
  'spans.removed': '{label}: {text} entfernt',
  'spans.refused.overlap':
    'Nicht hinzugefügt: Die Auswahl überschneidet sich mit {label}: {text}, und diese Frage erlaubt keine überlappenden Markierungen.',
  'spans.refused.duplicate': 'Nicht hinzugefügt: {label}: {text} ist bereits markiert.',
  'spans.refused.empty': 'Bitte zuerst Text auswählen, dann ein Label wählen.',
  'spans.refused.readonly': 'Diese Antwort kann nicht geändert werden.',
  'spans.selected': 'Ausgewählt: {text}',
  'spans.selected.long': '{count, plural, one {# Zeichen} other {# Zeichen}} ausgewählt: {text}',
  'spans.caret.start': 'Textanfang',
  'spans.caret.end': 'Textende',
  'spans.caret.at': 'Bei: {text}',
  'spans.cleared': 'Auswahl aufgehoben',
  'spans.active': 'Aktives Label: {label}. Die Eingabetaste wendet es auf eine Auswahl an.',
};
