import type { audioEn } from './audio.en.js';

/** Strings of <tagwerk-audio-transcriber> (German). */
export const audioDe: Record<keyof typeof audioEn, string> = {
  'audio.error.load':
    'Die Audiodatei konnte nicht von {url} geladen werden. Prüfen Sie die Adresse und ob der Server dieser Seite das Abspielen erlaubt.',
  'audio.error.decode':
    'Die Audiodatei wurde geladen, kann aber nicht abgespielt oder dargestellt werden: Sie ist beschädigt oder in einem Format, das dieser Browser nicht liest.',
  'audio.transport': 'Wiedergabe',
  'audio.play': 'Abspielen',
  'audio.pause': 'Pause',
  'audio.back': '5 Sekunden zurück',
  'audio.forward': '5 Sekunden vor',
  'audio.speed': 'Geschwindigkeit',
  'audio.time': '{current} von {duration}',
  'audio.waveform': 'Wellenform: Klicken setzt die Abspielposition, Ziehen an einer Segmentkante ändert ihre Zeit',
  'audio.overview': 'Übersicht über die ganze Aufnahme',
  'audio.segments': 'Segmente',
  'audio.segments.empty': 'Noch keine Segmente. Alt+Eingabe fügt eines an der Abspielposition ein.',
  'audio.segment': 'Segment {index}, {start} bis {end}',
  'audio.segment.speaker': 'Sprecher',
  'audio.segment.noSpeaker': '(keiner)',
  'audio.segment.text': 'Transkript',
  'audio.segment.delete': 'Segment löschen',
  'audio.segment.play': 'Segment abspielen',
  'audio.segment.added': 'Segment von {start} bis {end} hinzugefügt.',
  'audio.segment.deleted': 'Segment gelöscht.',
  'audio.segment.noRoom': 'Hier ist kein Platz für ein neues Segment: Es würde ein anderes überlappen.',
  'audio.questions': 'Fragen zur Aufnahme',
  'audio.action.playPause': 'Abspielen oder anhalten',
  'audio.action.back': '5 Sekunden zurück',
  'audio.action.forward': '5 Sekunden vor',
  'audio.action.newSegment': 'Neues Segment an der Abspielposition',
  'audio.action.deleteSegment': 'Fokussiertes Segment löschen',
} as const;
