/** Strings of the spans UI (English). */
export const spansEn = {
  'spans.text.label': 'Text to highlight',
  'spans.text.roledescription': 'highlightable text',
  'spans.text.help':
    'Select text with the mouse, or with the keyboard: arrow keys move one word, Shift+arrow selects word by word, Alt+Shift+arrow adjusts the selection by one character, Home and End jump to the start and the end, Ctrl+A (⌘A on a Mac) selects everything, Escape clears the selection. Then press a label’s key, a number from 1 to 9 for that label, or Enter for the active label.',
  'spans.palette': 'Labels',
  'spans.palette.readonly': 'Labels (read-only)',
  'spans.palette.digit': 'Key {digit} inside the text',
  'spans.list': '{count, plural, =0 {No highlights} one {# highlight} other {# highlights}}',
  'spans.list.empty': 'Nothing highlighted yet.',
  'spans.chip.label': '{label}:',
  'spans.remove': 'Remove {label}: {text}',
  'spans.chip.hint': 'Press Delete to remove, Enter to select it in the text.',
  'spans.added': '{label}: {text} added',
  'spans.removed': '{label}: {text} removed',
  'spans.refused.overlap':
    'Not added: the selection overlaps {label}: {text}, and this question does not allow overlapping highlights.',
  'spans.refused.duplicate': 'Not added: {label}: {text} is already highlighted.',
  'spans.refused.empty': 'Select some text first, then choose a label.',
  'spans.refused.readonly': 'This answer is read-only.',
  'spans.selected': 'Selected: {text}',
  'spans.selected.long': 'Selected {count, plural, one {# character} other {# characters}}: {text}',
  'spans.caret.start': 'Start of text',
  'spans.caret.end': 'End of text',
  'spans.caret.at': 'At: {text}',
  'spans.cleared': 'Selection cleared',
  'spans.active': 'Active label: {label}. Press Enter to apply it to a selection.',
} as const;
