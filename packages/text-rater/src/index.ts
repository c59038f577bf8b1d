/** Defines <tagwerk-text-rater> (safe to import twice, or with two copies of the library on one page). */
import { TagwerkTextRater } from './text-rater.js';

export { TagwerkTextRater };
export { VERSION } from './version.js';

if (!customElements.get('tagwerk-text-rater')) customElements.define('tagwerk-text-rater', TagwerkTextRater);

declare global {
  interface HTMLElementTagNameMap {
    'tagwerk-text-rater': TagwerkTextRater;
  }
}
