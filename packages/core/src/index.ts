/**
 * @tagwerk/core — the contract shared by every Tagwerk widget and by the servers that receive
 * their annotations. Pure: no DOM needed; runs in browsers and in Node.
 */
export * from './model/types.js';
export {
  LIMITS,
  KINDS,
  QUESTION_TYPES,
  REGION_TYPES,
  PAIRWISE_CHOICES,
  Task as TaskSchema,
  Annotation as AnnotationSchema,
  TaskSchemas,
  AnnotationSchemas,
  ResultSchemas,
  QuestionSchemas,
  RegionSchemas,
} from './model/schema.js';
export * from './validate/index.js';
export * from './events.js';
export * from './history.js';
export * from './session.js';
export * from './shortcuts.js';
export * from './active-time.js';
export * from './exporters/index.js';
export * from './metrics/index.js';
export { LABEL_PALETTE, assignColors, expandHexColor, isHexColor, textColorOn } from './palette.js';
export { segmentsIntersect, findSelfIntersection, hasZeroArea, polygonArea, orientation } from './validate/geometry.js';
export {
  normalizeRanking,
  moveItem as moveRankingItem,
  tieWith as tieRankingItems,
  untie as untieRankingItem,
  rankOf,
  flatten as flattenRanking,
  isPermutation as isCompleteRanking,
  hasTies as rankingHasTies,
  membersOf as rankingEntryMembers,
  entryIndexOf as rankingEntryIndexOf,
  removeItem as removeRankingItem,
  stepItem as stepRankingItem,
  tieWithPrevious as tieRankingWithPrevious,
  rankingEquals,
  type RankingAnswer,
} from './ranking.js';
export {
  addSpan,
  assignLanes,
  isValidRange,
  truncateGraphemes,
  makeSpan,
  removeSpan,
  segmentText,
  sortSpans,
  snapToGraphemes,
  trimWhitespace,
  wordBoundaries,
  TextBoundaries,
  type AddSpanResult,
  type TextSegment,
} from './spans.js';
export {
  isRequiredNow,
  pairwiseChoiceShownAt,
  pairwiseShownOrder,
  scaleValueForDigit,
  scaleValues,
  spansFieldText,
} from './questions.js';
export { stableHash } from './hash.js';
export {
  createTranslator,
  mergeMessages,
  registerCatalog,
  validationMessages,
  resolveLocale,
  SUPPORTED_LOCALES,
  type Catalog,
  type KeyOf,
  type Messages,
  type MessageKey,
  type MessageParams,
  type Translate,
} from './i18n/translate.js';
