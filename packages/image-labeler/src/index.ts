/**
 * Defines <tagwerk-image-labeler> and the question fields it renders. Safe to import twice, with
 * two copies of the library on one page, or after a host registered the class from `./class`
 * under a name of its own (that name then stays its only one).
 */
import { defineFields } from '@tagwerk/ui';
import { TagwerkImageLabeler } from './image-labeler.js';

export { TagwerkImageLabeler };
export { VERSION } from './version.js';
// Toloka's JS task interface: `exports.Task = Tagwerk.<Widget>.tolokaTask(TolokaHandlebarsTask)` (docs/platforms/toloka.md).
export { tolokaTask } from '@tagwerk/platforms';

defineFields();
// Literal define call: the custom-elements manifest analyzer reads the tag name from it.
if (!customElements.get('tagwerk-image-labeler') && !customElements.getName?.(TagwerkImageLabeler))
  customElements.define('tagwerk-image-labeler', TagwerkImageLabeler);

declare global {
  interface HTMLElementTagNameMap {
    'tagwerk-image-labeler': TagwerkImageLabeler;
  }
}
