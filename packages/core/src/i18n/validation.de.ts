import type { validationEn } from './validation.en.js';

/** Deutsche Prüfmeldungen: vollständig, gleiche Parameter und Auswahlschlüssel wie im Englischen. */
export const validationDe: Record<keyof typeof validationEn, string> = {
  'validation.json-syntax': 'Kein gültiges JSON: Syntaxfehler in Zeile {line}, Spalte {column}.',
  'validation.forbidden-key':
    'Der Schlüssel "{key}" ist nicht erlaubt: Er könnte im verarbeitenden Code Objekt-Prototypen verändern.',
  'validation.not-finite': 'Muss eine endliche Zahl sein, nicht {value}.',
  'validation.too-deep': 'Zu tief verschachtelt: mehr als {limit} Ebenen.',
  'validation.too-large': 'Zu groß: insgesamt mehr als {limit} Werte.',
  'validation.not-json':
    'Kein JSON-Wert: {what, select, undefined {undefined} function {eine Funktion} symbol {ein Symbol} bigint {ein BigInt} date {ein Date-Objekt (bitte eine ISO-Datumszeichenkette verwenden)} instance {eine Instanz einer Klasse (bitte ein einfaches Objekt verwenden)} cycle {ein Zirkelbezug} error {beim Lesen trat ein Fehler auf} other {ein nicht unterstützter Wert}}.',

  'validation.type':
    'Muss {expected, select, object {ein Objekt} array {eine Liste} string {eine Zeichenkette} number {eine Zahl} integer {eine ganze Zahl} boolean {true oder false} null {null} scalar {eine Zeichenkette, eine Zahl oder ein Wahrheitswert} stringOrNull {eine Zeichenkette oder null} idOrGroup {eine ID oder eine Liste von IDs} answer {eine Antwort (Zahl, Zeichenkette, Liste oder Objekt)} other {vom Typ {expected}}} sein.',
  'validation.required': 'Die Pflichteigenschaft {property} fehlt.',
  'validation.additional-property':
    '{reason, select, idKey {Der Schlüssel {property} ist keine gültige ID (1–200 Zeichen, keine Steuerzeichen, kein Leerraum am Anfang oder Ende).} scaleKey {Der Schlüssel {property} ist kein Skalenwert (eine ganze Zahl wie "-2" oder "5").} other {Unbekannte Eigenschaft {property}; erlaubt sind: {allowed}.}}',
  'validation.const': 'Muss {expected} sein.',
  'validation.enum': 'Muss einer der Werte {allowed} sein, nicht {value}.',
  'validation.minimum': 'Muss {exclusive, select, true {größer als} other {mindestens}} {limit} sein, nicht {value}.',
  'validation.maximum': 'Muss {exclusive, select, true {kleiner als} other {höchstens}} {limit} sein, nicht {value}.',
  'validation.min-length':
    'Muss mindestens {limit, plural, one {# Zeichen} other {# Zeichen}} lang sein; es sind {length}.',
  'validation.max-length':
    'Darf höchstens {limit, plural, one {# Zeichen} other {# Zeichen}} lang sein; es sind {length}.',
  'validation.pattern':
    '{format, select, id {Muss eine ID sein: keine Steuerzeichen und kein Leerraum am Anfang oder Ende.} hotkey {Muss ein einzelner Buchstabe oder eine Ziffer sein oder ein Tastencode wie "KeyQ", "Digit1" oder "F2".} color {Muss eine Hex-Farbe wie "#1e90ff" oder "#f80" sein.} timestamp {Muss ein Zeitstempel nach RFC 3339 sein, etwa "2026-11-26T10:00:00.000Z".} scaleKey {Muss ein ganzzahliger Skalenwert wie "-2" oder "5" sein.} other {Muss dem Muster {pattern} entsprechen.}}',
  'validation.min-items': 'Muss mindestens {limit, plural, one {# Eintrag} other {# Einträge}} enthalten.',
  'validation.max-items': 'Darf höchstens {limit, plural, one {# Eintrag} other {# Einträge}} enthalten.',
  'validation.unique-items': 'Darf keinen Wert doppelt enthalten; {value} kommt mehrfach vor.',
  'validation.integer': 'Muss eine ganze Zahl sein, nicht {value}.',
  'validation.unknown-type': 'Unbekannter Wert {value} für {property}; erwartet wird einer von {allowed}.',

  'validation.duplicate-id': 'Die ID {id} wird bereits unter {first} verwendet; IDs müssen eindeutig sein.',
  'validation.unknown-reference':
    '{what, select, self {Eine Frage kann nicht von ihrer eigenen Antwort abhängen.} attributeLabel {Das Attribut {id} gilt nicht für das Label dieser Region; es gilt für {known}.} index {Den Keypoint-Index {id} gibt es nicht; gültig sind {known}.} other {{what, select, response {Die Antwort} result {Das Suchergebnis} question {Die Frage} field {Das Textfeld} label {Das Label} attribute {Das Attribut} speaker {Die Sprecherin oder der Sprecher} other {Der Verweis}} {id} existiert nicht; {count, plural, =0 {es gibt keine} other {erwartet wird eines von {known}}}.}}',
  'validation.missing':
    '{what, select, results {Diese Frage braucht Suchergebnisse im Datensatz.} responses {Zum Ordnen von Antworten braucht der Datensatz mindestens {limit} Antworten.} labels {Eine Aufgabe mit Zeichenwerkzeugen braucht mindestens ein Label.} keypointNames {Das Keypoint-Werkzeug braucht Keypoint-Namen (keypoints.names).} options {Ein Auswahl-Attribut braucht Optionen.} text {Der Datensatz enthält keinen Text, in dem Abschnitte markiert werden könnten.} prompt {Der Datensatz enthält keinen Prompt, in dem Abschnitte markiert werden könnten.} other {Etwas Erforderliches fehlt.}}',
  'validation.range':
    '{minName} ({minValue}) ist größer als {maxName, select, options {die Anzahl der Optionen} other {{maxName}}} ({maxValue}); keine Antwort kann beides erfüllen.',
  'validation.scale-range':
    '{reason, select, order {Das Minimum der Skala ({min}) muss kleiner als ihr Maximum ({max}) sein.} steps {Die Skala hat {value} Stufen; erlaubt sind höchstens {limit}.} key {Die Beschriftung für {value} liegt außerhalb der Skala {min}–{max}.} other {{value} liegt außerhalb der Skala {min}–{max}.}}',
  'validation.unsafe-url':
    '{reason, select, link {Links müssen http(s)- oder relative URLs sein, keine {scheme}-URLs.} other {{scheme}-URLs sind hier nicht erlaubt: Sie könnten Code ausführen oder unerwartete Inhalte laden.}}',
  'validation.task-invalid':
    'Die Aufgabe ist ungültig ({count, plural, one {# Fehler} other {# Fehler}}, der erste unter "{path}"); prüfen Sie sie mit validateTask oder parseTask.',
  'validation.task-mismatch':
    '{field, select, kind {Dies ist eine Annotation der Art {actual}, die Aufgabe ist aber von der Art {expected}.} taskId {Die Annotation gehört zur Aufgabe {actual}, nicht zur Aufgabe {expected}.} imageSize {Die Bildgröße {actual} stimmt nicht mit der der Aufgabe ({expected}) überein.} other {Passt nicht zur Aufgabe.}}',
  'validation.unknown-label':
    'Das Label {label} gehört nicht zu {count, plural, =0 {den Labels der Aufgabe: Sie definiert keine} other {den erlaubten Labels: {known}}}.',
  'validation.tool-not-allowed':
    'Das Werkzeug {tool} ist in dieser Aufgabe nicht freigegeben; {count, plural, =0 {es ist keines freigegeben} other {freigegeben: {allowed}}}.',
  'validation.out-of-bounds':
    '{what, select, box {Der Rahmen (linke obere Ecke bei {x}, {y}) ragt über das Bild ({width} × {height} px) hinaus.} point {Der Punkt ({x}, {y}) liegt außerhalb des Bildes ({width} × {height} px).} segment {Das Segment endet bei {value} s, nach dem Ende der Aufnahme ({limit} s).} span {Der Abschnitt endet bei Position {value}, hinter dem Ende des Textes ({limit} Zeichen).} other {Außerhalb des zulässigen Bereichs.}}',
  'validation.degenerate':
    '{what, select, box {Der Rahmen hat keine Fläche: Breite und Höhe müssen größer als 0 sein.} points {Das Polygon braucht mindestens 3 verschiedene Punkte.} area {Das Polygon hat keine Fläche: Alle Punkte liegen auf einer Geraden.} other {Die Form ist entartet.}}',
  'validation.self-intersection':
    'Das Polygon schneidet sich selbst: Die Kante von Punkt {a1} zu Punkt {a2} trifft die Kante von Punkt {b1} zu Punkt {b2}.',
  'validation.unknown-keypoint':
    '{reason, select, duplicate {Der Keypoint {name} ist in dieser Region doppelt gesetzt.} other {Der Keypoint {name} gehört nicht zu den Keypoint-Namen der Aufgabe: {known}.}}',
  'validation.constraint':
    '{rule, select, minRegions {Es werden mindestens {limit} Regionen benötigt; vorhanden {count, plural, one {ist #} other {sind #}}.} maxRegions {Erlaubt sind höchstens {limit} Regionen; vorhanden sind {count}.} labelMin {Das Label {label} braucht mindestens {limit} Regionen; vorhanden {count, plural, one {ist #} other {sind #}}.} labelMax {Das Label {label} erlaubt höchstens {limit} Regionen; vorhanden sind {count}.} minBoxWidth {Der Rahmen ist {value} px breit; er muss mindestens {limit} px breit sein.} minBoxHeight {Der Rahmen ist {value} px hoch; er muss mindestens {limit} px hoch sein.} minSegments {Es werden mindestens {limit} Segmente benötigt; vorhanden {count, plural, one {ist #} other {sind #}}.} minSegmentDuration {Das Segment dauert {value} s; Segmente müssen mindestens {limit} s dauern.} maxSegmentDuration {Das Segment dauert {value} s; Segmente dürfen höchstens {limit} s dauern.} mustPlay {Die Aufnahme muss vor dem Absenden bis zum Ende abgespielt werden.} other {Eine Vorgabe der Aufgabe ist nicht erfüllt.}}',
  'validation.segment-order':
    '{what, select, span {Der Abschnitt beginnt bei Position {start}, endet aber bei {end}; der Anfang muss vor dem Ende liegen.} other {Das Segment beginnt bei {start} s, endet aber bei {end} s; der Anfang muss vor dem Ende liegen.}}',
  'validation.precision': '{value} ist genauer als eine Millisekunde; bitte Zeiten auf 3 Nachkommastellen runden.',
  'validation.overlap':
    '{reason, select, duplicate {{what, select, span {Dieser Abschnitt wiederholt den Abschnitt unter {other}.} other {Dieses Segment wiederholt das Segment {other}.}}} other {{what, select, span {Dieser Abschnitt überschneidet sich mit dem Abschnitt unter {other}; überlappende Abschnitte sind bei dieser Frage nicht erlaubt.} other {Dieses Segment überschneidet sich mit dem Segment {other}; überlappende Segmente sind in dieser Aufgabe nicht erlaubt.}}}}',
  'validation.unknown-question':
    'Es gibt keine Frage mit der ID {id}; {count, plural, =0 {die Aufgabe hat keine Fragen} other {die Fragen sind {known}}}.',
  'validation.answer-required':
    '{reason, select, condition {Eine Antwort auf {question} ist wegen der Antwort auf {other} erforderlich.} other {Eine Antwort auf {question} ist erforderlich.}}',
  'validation.answer-invalid':
    '{reason, select, single {Diese Frage erwartet eine einzelne Options-ID, keine Liste.} multiple {Diese Frage erwartet eine Liste von Options-IDs.} duplicate {Die Option {value} ist doppelt ausgewählt.} minSelected {Bitte mindestens {limit, plural, one {# Option} other {# Optionen}} auswählen; ausgewählt {count, plural, one {ist #} other {sind #}}.} maxSelected {Bitte höchstens {limit, plural, one {# Option} other {# Optionen}} auswählen; ausgewählt sind {count}.} shownOrder {Die angezeigte Reihenfolge muss das Paar {expected} enthalten, jedes genau einmal.} tie {Die Wahl {value} wird nicht angeboten: Diese Frage hat keine Unentschieden-Option.} strength {Diese Frage fragt nicht nach einer Stärke.} strengthTie {Eine Stärke passt nur zur Wahl "a" oder "b".} missingGrades {Jedes Suchergebnis braucht eine Bewertung; es fehlen: {ids}.} other {Die Antwort passt nicht zur Frage.}}',
  'validation.unknown-option': 'Die Option {option} gehört nicht zu {known}.',
  'validation.not-permutation':
    '{reason, select, unknown {{value} gehört nicht zu den zu ordnenden {items, select, results {Suchergebnissen} other {Antworten}}: {ids}.} duplicate {{value} ist mehrfach eingeordnet.} ties {Gleichrangige Gruppen sind in dieser Rangfolge nicht erlaubt.} other {Die Rangfolge muss {items, select, results {jedes Suchergebnis} other {jede Antwort}} genau einmal enthalten; es fehlen: {ids}.}}',
  'validation.span-text-mismatch':
    '{reason, select, utf16 {Die UTF-16-Position ist {actual}, der Codepoint-Position entspricht aber {expected}.} other {Der Text des Abschnitts {actual} stimmt nicht mit dem Text an seinen Positionen überein: {expected}.}}',
  'validation.kind-mismatch':
    'Dieses Widget nimmt Aufgaben der Art „{expected}“, diese Aufgabe ist aber von der Art „{actual}“.',
  'validation.review-required':
    'Nehmen Sie die Annotation an, lehnen Sie sie ab oder korrigieren Sie sie vor dem Absenden.',
  'validation.not-ready': 'Die Aufgabe ist noch nicht bereit.',
};
