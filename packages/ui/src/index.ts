/** The Lit pieces every Tagwerk widget shares (`@tagwerk/ui`): the widget base, question fields, markdown, drafts. */
export {
  TagwerkWidget,
  AnnotationInvalidError,
  MediaError,
  type WidgetAction,
  type FeedbackItem,
} from './tagwerk-widget.js';
export { currentPlatform } from './platform.js';
export { LocaleController } from './locale-controller.js';
export { markdown, renderMarkdown } from './markdown.js';
export { tokens, colorScheme, widgetStyles, markdownStyles } from './tagwerk-widget.styles.js';
export {
  QUESTION_ACTIONS,
  questionActions,
  focusQuestion,
  handleQuestionAction,
  isRequiredNow,
  pairwiseShownOrder,
  questionDomId,
  renderQuestion,
  scaleValueForDigit,
  spansFieldText,
  syncRadioFocus,
  type QuestionHost,
} from './questions.js';
export { questionStyles } from './questions.styles.js';
export { TagwerkSpansField, type SpansFieldChangeEvent, type SpansFieldChangeDetail } from './fields/spans-field.js';
export { TagwerkRankingField, type RankingFieldItem, type RankingFieldChangeDetail } from './fields/ranking-field.js';
export { uiMessages, type UiMessageKey } from './i18n/messages.js';
export * from './journal.js';
