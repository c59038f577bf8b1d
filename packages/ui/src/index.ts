/** The Lit pieces every Tagwerk widget shares (`@tagwerk/ui`): the widget base, question fields, markdown, drafts. */
export { TagwerkWidget, AnnotationInvalidError, type WidgetAction } from './tagwerk-widget.js';
export type { FeedbackItem } from './chrome.js';
export { MediaError, LoadFailure, TaskLoader } from './controllers/task-loader.js';
export { FormController, type FormBinding } from './controllers/form-controller.js';
export { DraftController } from './controllers/draft-controller.js';
export { ShortcutController, type ShortcutAction, type ShortcutRow } from './controllers/shortcut-controller.js';
export { Announcer } from './controllers/announcer.js';
export { ActivityController } from './controllers/activity-controller.js';
export { currentPlatform } from './platform.js';
export { LabelColorsController, type LabelColorsOptions } from './label-colors.js';
export { LocaleController } from './locale-controller.js';
export { markdown, renderMarkdown } from './markdown.js';
export { tokens, colorScheme, widgetStyles, markdownStyles } from './tagwerk-widget.styles.js';
export {
  QUESTION_ACTIONS,
  questionActions,
  focusQuestion,
  handleQuestionAction,
  questionDomId,
  renderQuestion,
  syncRadioFocus,
  type QuestionHost,
} from './questions.js';
// Pure question helpers live in @tagwerk/core; re-exported for widgets that import them from here.
export { isRequiredNow, pairwiseShownOrder, scaleValueForDigit, spansFieldText } from '@tagwerk/core';
export { defineFields } from './define-fields.js';
export { questionStyles } from './questions.styles.js';
export { TagwerkSpansField, type SpansFieldChangeEvent, type SpansFieldChangeDetail } from './fields/spans-field.js';
export { TagwerkRankingField, type RankingFieldItem, type RankingFieldChangeDetail } from './fields/ranking-field.js';
export { uiMessages, type UiMessageKey } from './i18n/messages.js';
export * from './journal.js';
