/** Defines <tagwerk-audio-transcriber> (safe to import twice, or with two copies of the library on one page). */
import { TagwerkAudioTranscriber } from './audio-transcriber.js';

export { TagwerkAudioTranscriber };
export { VERSION } from './version.js';

if (!customElements.get('tagwerk-audio-transcriber'))
  customElements.define('tagwerk-audio-transcriber', TagwerkAudioTranscriber);

declare global {
  interface HTMLElementTagNameMap {
    'tagwerk-audio-transcriber': TagwerkAudioTranscriber;
  }
}
