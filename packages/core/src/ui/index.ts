/** The Lit pieces every Tagwerk widget shares (`@tagwerk/core/ui`). */
export { TagwerkWidget, AnnotationInvalidError, type WidgetAction, type FeedbackItem } from './tagwerk-widget.js';
export { LocaleController } from './locale-controller.js';
export { markdown, renderMarkdown } from './markdown.js';
export { tokens, widgetStyles, markdownStyles } from './tagwerk-widget.styles.js';
