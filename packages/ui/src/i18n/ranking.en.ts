/** Strings of the ranking field (English). */
export const rankingEn = {
  'ranking.list': 'Ranking, best first',
  'ranking.empty': 'There is nothing to rank.',
  'ranking.status.unranked': 'Not ranked yet. Put the items in order, best first, or keep the order shown.',
  'ranking.status.incomplete': 'The ranking is incomplete. Check the order shown, then keep it or move an item.',
  'ranking.keepOrder': 'Keep this order',
  'ranking.option': '{tied, select, true {Rank {rank}, tied: {title}} other {Rank {rank}: {title}}}',
  'ranking.tiedMark': 'tied',
  'ranking.help':
    'Drag an item to move it. Keyboard: Space picks up the current item and drops it, the arrow keys move it, Escape cancels; Alt with an arrow key moves it one place at once.',
  'ranking.help.ties':
    'To tie items, drop one onto another, or press T to tie an item with the rank above it; press U to untie it.',
  'ranking.grabbed':
    'Grabbed {title}, position {position} of {count}. Use the arrow keys to move it, Space to drop it, Escape to cancel.',
  'ranking.moved': '{title} moved to position {position} of {count}.',
  'ranking.dropped': '{title} dropped at position {position} of {count}.',
  'ranking.cancelled': 'Move cancelled. {title} is back at position {position} of {count}.',
  'ranking.tiedWith':
    '{title} tied with {other}{more, plural, =0 {} one { and one more item} other { and # more items}}, position {position} of {count}.',
  'ranking.untied': '{title} untied, now at position {position} of {count}.',
  'ranking.atTop': '{title} is already at the top.',
  'ranking.atBottom': '{title} is already at the bottom.',
  'ranking.nothingAbove': '{title} is at the top: there is nothing above it to tie with.',
  'ranking.notTied': '{title} is not tied.',
  'ranking.kept': 'Order kept as shown: {count, plural, one {# item} other {# items}} ranked.',
} as const;
