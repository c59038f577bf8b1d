import type { uiEn } from './ui.en.js';

/** Strings of the shared widget chrome (German). */
export const uiDe: Record<keyof typeof uiEn, string> = {
  'ui.loading': 'Aufgabe wird geladen …',
  'ui.empty': 'Noch keine Aufgabe. Die Seite setzt sie über die Eigenschaft task, das Attribut task oder task-src.',
  'ui.untitled': 'Aufgabe',
  'ui.instructions': 'Anleitung',
  'ui.retry': 'Erneut versuchen',
  'ui.close': 'Schließen',
  'ui.error.title': 'Diese Aufgabe kann nicht angezeigt werden',
  'ui.error.more': '{count, plural, one {# weiteres Problem} other {# weitere Probleme}} nicht aufgeführt.',
  'ui.error.taskLoad': 'Die Aufgabe konnte nicht geladen werden ({reason}).',
  'ui.error.storage':
    'Entwürfe können auf diesem Gerät nicht gespeichert werden ({reason}): Beim Neuladen oder Schließen des Tabs geht nicht abgesendete Arbeit verloren.',
  'ui.error.storageDegraded':
    'Ein Entwurfsspeicher ist ausgefallen ({reason}); Entwürfe werden weiterhin auf diesem Gerät gespeichert.',
  'ui.error.media': 'Die Mediendatei konnte nicht geladen werden ({reason}).',
  'ui.action.undo': 'Rückgängig',
  'ui.action.redo': 'Wiederholen',
  'ui.action.submit': 'Absenden',
  'ui.action.help': 'Tastenkürzel anzeigen',
  'ui.mode.review': 'Prüfung',
  'ui.mode.training': 'Training',
  'ui.shortcuts.open': 'Tastenkürzel',
  'ui.shortcuts.title': 'Tastenkürzel',
  'ui.shortcuts.typing': 'Kürzel ohne Strg, ⌘ oder Alt wirken nicht, während Sie in ein Textfeld schreiben.',
  'ui.draft.restored': 'Ihre ungespeicherte Arbeit an dieser Aufgabe wurde wiederhergestellt.',
  'ui.draft.discard': 'Neu beginnen',
  'ui.draft.lost':
    'Ihre Arbeit kann auf diesem Gerät nicht gespeichert werden. Lassen Sie diese Seite bis zum Absenden geöffnet: Neuladen oder Schließen verwirft Ihre Antworten.',
  'ui.draft.merged':
    'Änderungen, die Sie in einem anderen Tab an dieser Aufgabe gemacht haben, wurden hier übernommen.',
  'ui.review.title': 'Diese Annotation prüfen',
  'ui.review.comment': 'Kommentar (optional)',
  'ui.review.verdict': 'Urteil',
  'ui.review.approve': 'Annehmen',
  'ui.review.reject': 'Ablehnen',
  'ui.review.corrected': 'Korrigiert: Ihre Änderungen werden abgesendet.',
  'ui.training.title': 'Rückmeldung zum Training',
  'ui.training.summary': 'Sie stimmen in {agreed} von {total} mit der Referenz überein.',
  'ui.training.differ': 'weicht von der Referenz ab',
  'ui.submit.refused':
    '{count, plural, one {Vor dem Absenden ist noch eine Sache zu klären:} other {Vor dem Absenden sind noch # Dinge zu klären:}}',
  'ui.status.valid': 'Bereit zum Absenden',
  'ui.status.disabled': 'Bearbeiten ist ausgeschaltet.',
  'ui.status.incomplete': '{count, plural, one {# Punkt offen} other {# Punkte offen}}',
  'ui.markdown.fallback':
    'Dieser Text wird ohne Formatierung gezeigt: seine Formatierung ist zu komplex für die Anzeige.',
  'ui.platform.preview': 'Dies ist eine Vorschau. Nehmen Sie den HIT an, um mit der Arbeit zu beginnen.',
  'ui.platform.sending': 'Ihre Antwort wird gesendet …',
  'ui.platform.failed':
    'Ihre Antwort wurde nicht gesendet: {reason}. Sie bleibt auf diesem Gerät gespeichert, es geht nichts verloren.',
  'ui.platform.saved': 'Ihre Antwort wurde gespeichert. Vielen Dank!',
  'ui.platform.code': 'Abschlusscode: {code}',
  'ui.platform.continueTo': 'Weiter zu {platform}',
  'ui.platform.continue': 'Weiter',
  'ui.platform.misconfigured':
    'Diese Aufgabenseite ist nicht richtig eingerichtet, deshalb können keine Antworten abgegeben werden. Bitte melden Sie das dem Auftraggeber.',
  'ui.platform.reason.network': 'der Server war nicht erreichbar',
  'ui.platform.reason.rejected': 'der Server hat sie abgelehnt (Fehler {status})',
  'ui.platform.reason.config': 'die Aufgabenseite ist nicht richtig eingerichtet',
  'ui.status.invalid': 'Die Annotation ist noch nicht vollständig.',
};
