/**
 * Validation messages, one per error code (`validation.<code>`). ICU MessageFormat: quoted values
 * arrive already quoted and shortened; select keys are listed in `validate/*.ts`. Use ’ rather
 * than ' (an ASCII apostrophe before a brace starts an ICU quote).
 */
export const validationEn = {
  'validation.json-syntax': 'Not valid JSON: syntax error at line {line}, column {column}.',
  'validation.forbidden-key':
    'The key "{key}" is not allowed: it could alter object prototypes in the code that reads it.',
  'validation.not-finite': 'Must be a finite number, not {value}.',
  'validation.too-deep': 'Nested too deeply: more than {limit} levels.',
  'validation.too-large': 'Too large: more than {limit} values in total.',
  'validation.not-json':
    'Not a JSON value: {what, select, undefined {undefined} function {a function} symbol {a symbol} bigint {a BigInt} date {a Date object (use an ISO date string)} instance {an instance of a class (use a plain object)} cycle {a circular reference} error {reading it threw an error} other {an unsupported value}}.',

  'validation.type':
    'Must be {expected, select, object {an object} array {an array} string {a string} number {a number} integer {an integer} boolean {true or false} null {null} scalar {a string, number or boolean} stringOrNull {a string or null} idOrGroup {an id or a list of ids} answer {an answer (a number, string, list or object)} other {{expected}}}.',
  'validation.required': 'Required property {property} is missing.',
  'validation.additional-property':
    '{reason, select, idKey {The key {property} is not a valid id (1–200 characters, no control characters, no surrounding white space).} scaleKey {The key {property} is not a scale value (an integer such as "-2" or "5").} other {Unknown property {property}; allowed: {allowed}.}}',
  'validation.const': 'Must be {expected}.',
  'validation.enum': 'Must be one of {allowed}, not {value}.',
  'validation.minimum': 'Must be {exclusive, select, true {greater than} other {at least}} {limit}, not {value}.',
  'validation.maximum': 'Must be {exclusive, select, true {less than} other {at most}} {limit}, not {value}.',
  'validation.min-length':
    'Must be at least {limit, plural, one {# character} other {# characters}} long; it has {length}.',
  'validation.max-length':
    'Must be at most {limit, plural, one {# character} other {# characters}} long; it has {length}.',
  'validation.pattern':
    '{format, select, id {Must be an id: no control characters and no white space at either end.} hotkey {Must be a single letter or digit, or a key code such as "KeyQ", "Digit1" or "F2".} color {Must be a hex colour such as "#1e90ff" or "#f80".} timestamp {Must be an RFC 3339 date-time such as "2026-11-26T10:00:00.000Z".} scaleKey {Must be an integer scale value such as "-2" or "5".} other {Must match the pattern {pattern}.}}',
  'validation.min-items': 'Must have at least {limit, plural, one {# item} other {# items}}.',
  'validation.max-items': 'Must have at most {limit, plural, one {# item} other {# items}}.',
  'validation.unique-items': 'Must not list the same value twice; {value} appears more than once.',
  'validation.integer': 'Must be a whole number, not {value}.',
  'validation.unknown-type': 'Unknown {property} {value}; expected one of {allowed}.',

  'validation.duplicate-id': 'The id {id} is already used at {first}; ids must be unique.',
  'validation.unknown-reference':
    '{what, select, self {A question cannot depend on its own answer.} attributeLabel {The attribute {id} does not apply to this region’s label; it applies to {known}.} index {Keypoint index {id} does not exist; the valid indexes are {known}.} other {{what, select, response {Response} result {Search result} question {Question} field {Text field} label {Label} attribute {Attribute} speaker {Speaker} other {Reference}} {id} does not exist; {count, plural, =0 {there are none} other {expected one of {known}}}.}}',
  'validation.missing':
    '{what, select, results {This question needs search results in the record.} responses {Ranking responses needs at least {limit} responses in the record.} labels {A task with drawing tools needs at least one label.} keypointNames {The keypoints tool needs keypoint names (keypoints.names).} options {A choice attribute needs options.} text {The record has no text to mark spans in.} prompt {The record has no prompt to mark spans in.} other {Something required is missing.}}',
  'validation.range':
    '{minName} ({minValue}) is greater than {maxName, select, options {the number of options} other {{maxName}}} ({maxValue}), so no answer can satisfy both.',
  'validation.scale-range':
    '{reason, select, order {The scale’s minimum ({min}) must be less than its maximum ({max}).} steps {The scale has {value} steps; at most {limit} are allowed.} key {The label for {value} lies outside the scale {min}–{max}.} other {{value} lies outside the scale {min}–{max}.}}',
  'validation.unsafe-url':
    '{reason, select, link {Links must be http(s) or relative URLs, not {scheme} URLs.} other {{scheme} URLs are not allowed here: they could run code or load unexpected content.}}',
  'validation.task-invalid':
    'The task is not valid ({count, plural, one {# error} other {# errors}}, the first at "{path}"); check it with validateTask or parseTask.',
  'validation.task-mismatch':
    '{field, select, kind {This is an annotation of kind {actual}, but the task is of kind {expected}.} taskId {The annotation belongs to task {actual}, not to task {expected}.} imageSize {The image size {actual} does not match the task’s {expected}.} other {Does not match the task.}}',
  'validation.unknown-label':
    'Label {label} is not one of {count, plural, =0 {the task’s labels: it defines none} other {the allowed labels: {known}}}.',
  'validation.tool-not-allowed':
    'Tool {tool} is not enabled in this task; {count, plural, =0 {no tools are enabled} other {enabled: {allowed}}}.',
  'validation.out-of-bounds':
    '{what, select, box {The box (top-left corner at {x}, {y}) extends outside the image ({width} × {height} px).} point {The point ({x}, {y}) lies outside the image ({width} × {height} px).} segment {The segment ends at {value} s, after the end of the audio ({limit} s).} span {The span ends at offset {value}, beyond the end of the text ({limit} characters).} other {Out of bounds.}}',
  'validation.degenerate':
    '{what, select, box {The box has no area: its width and height must be greater than 0.} points {The polygon needs at least 3 distinct points.} area {The polygon has no area: all its points lie on one line.} other {The shape is degenerate.}}',
  'validation.self-intersection':
    'The polygon crosses itself: the edge from point {a1} to point {a2} meets the edge from point {b1} to point {b2}.',
  'validation.unknown-keypoint':
    '{reason, select, duplicate {The keypoint {name} is placed twice in this region.} other {The keypoint {name} is not one of the task’s keypoint names: {known}.}}',
  'validation.constraint':
    '{rule, select, minRegions {At least {limit} regions are needed; there {count, plural, one {is #} other {are #}}.} maxRegions {At most {limit} regions are allowed; there are {count}.} labelMin {Label {label} needs at least {limit} regions; there {count, plural, one {is #} other {are #}}.} labelMax {Label {label} allows at most {limit} regions; there are {count}.} minBoxWidth {The box is {value} px wide; it must be at least {limit} px wide.} minBoxHeight {The box is {value} px high; it must be at least {limit} px high.} minSegments {At least {limit} segments are needed; there {count, plural, one {is #} other {are #}}.} minSegmentDuration {The segment lasts {value} s; segments must last at least {limit} s.} maxSegmentDuration {The segment lasts {value} s; segments may last at most {limit} s.} mustPlay {The audio must be played to the end before submitting.} other {A task constraint is not met.}}',
  'validation.segment-order':
    '{what, select, span {The span starts at offset {start} but ends at {end}; its start must come before its end.} other {The segment starts at {start} s but ends at {end} s; its start must come before its end.}}',
  'validation.precision': '{value} has more than millisecond precision; round times to 3 decimal places.',
  'validation.overlap':
    '{reason, select, duplicate {{what, select, span {This span repeats the span at {other}.} other {This segment repeats segment {other}.}}} other {{what, select, span {This span overlaps the span at {other}; overlapping spans are not allowed in this question.} other {This segment overlaps segment {other}; overlapping segments are not allowed in this task.}}}}',
  'validation.unknown-question':
    'There is no question with the id {id}; {count, plural, =0 {the task has no questions} other {the questions are {known}}}.',
  'validation.answer-required':
    '{reason, select, condition {An answer to {question} is required because of the answer to {other}.} other {An answer to {question} is required.}}',
  'validation.answer-invalid':
    '{reason, select, single {This question takes a single option id, not a list.} multiple {This question takes a list of option ids.} duplicate {The option {value} is selected twice.} minSelected {Select at least {limit, plural, one {# option} other {# options}}; {count} {count, plural, one {is} other {are}} selected.} maxSelected {Select at most {limit, plural, one {# option} other {# options}}; {count} are selected.} shownOrder {The shown order must list the pair {expected}, each once.} tie {The choice {value} is not offered: this question has no tie option.} strength {This question does not ask for a strength.} strengthTie {A strength only goes with the choice "a" or "b".} missingGrades {Every search result needs a grade; missing: {ids}.} other {The answer does not fit the question.}}',
  'validation.unknown-option': 'The option {option} is not one of {known}.',
  'validation.not-permutation':
    '{reason, select, unknown {{value} is not one of the {items, select, results {search results} other {responses}} to rank: {ids}.} duplicate {{value} is ranked more than once.} ties {Tied groups are not allowed in this ranking.} other {The ranking must list every {items, select, results {search result} other {response}} once; missing: {ids}.}}',
  'validation.span-text-mismatch':
    '{reason, select, utf16 {The UTF-16 offset is {actual}, but the code-point offset corresponds to {expected}.} other {The span’s text {actual} does not match the text at its offsets: {expected}.}}',
  'validation.kind-mismatch': 'This widget takes “{expected}” tasks, but the task is of kind “{actual}”.',
  'validation.review-required': 'Approve, reject or correct the annotation before submitting.',
  'validation.not-ready': 'The task is not ready yet.',
} as const;
