/**
 * Defines <tagwerk-audio-transcriber> and the question fields it renders. Safe to import twice, with
 * two copies of the library on one page, or after a host registered the class from `./class`
 * under a name of its own (that name then stays its only one).
 */
import { defineFields } from '@tagwerk/ui';
import { TagwerkAudioTranscriber } from './audio-transcriber.js';

export { TagwerkAudioTranscriber };
export { VERSION } from './version.js';
// Toloka's JS task interface: `exports.Task = Tagwerk.<Widget>.tolokaTask(TolokaHandlebarsTask)` (docs/platforms/toloka.md).
export { tolokaTask } from '@tagwerk/platforms';

defineFields();
// Literal define call: the custom-elements manifest analyzer reads the tag name from it.
if (!customElements.get('tagwerk-audio-transcriber') && !customElements.getName?.(TagwerkAudioTranscriber))
  customElements.define('tagwerk-audio-transcriber', TagwerkAudioTranscriber);

declare global {
  interface HTMLElementTagNameMap {
    'tagwerk-audio-transcriber': TagwerkAudioTranscriber;
  }
}
