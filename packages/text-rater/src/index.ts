/**
 * Defines <tagwerk-text-rater> and the question fields it renders. Safe to import twice, with
 * two copies of the library on one page, or after a host registered the class from `./class`
 * under a name of its own (that name then stays its only one).
 */
import { defineFields } from '@tagwerk/ui';
import { TagwerkTextRater } from './text-rater.js';

export { TagwerkTextRater };
export { VERSION } from './version.js';
// Toloka's JS task interface: `exports.Task = Tagwerk.<Widget>.tolokaTask(TolokaHandlebarsTask)` (docs/platforms/toloka.md).
export { tolokaTask } from '@tagwerk/platforms';

defineFields();
// Literal define call: the custom-elements manifest analyzer reads the tag name from it.
if (!customElements.get('tagwerk-text-rater') && !customElements.getName?.(TagwerkTextRater))
  customElements.define('tagwerk-text-rater', TagwerkTextRater);

declare global {
  interface HTMLElementTagNameMap {
    'tagwerk-text-rater': TagwerkTextRater;
  }
}
