/** Defines <tagwerk-image-labeler> (safe to import twice, or with two copies of the library on one page). */
import { TagwerkImageLabeler } from './image-labeler.js';

export { TagwerkImageLabeler };
export { VERSION } from './version.js';

if (!customElements.get('tagwerk-image-labeler')) customElements.define('tagwerk-image-labeler', TagwerkImageLabeler);

declare global {
  interface HTMLElementTagNameMap {
    'tagwerk-image-labeler': TagwerkImageLabeler;
  }
}
