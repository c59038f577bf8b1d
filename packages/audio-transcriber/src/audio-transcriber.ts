import { html, type TemplateResult } from 'lit';
import type { AudioResult, TaskOf } from '@tagwerk/core';
import { TagwerkWidget } from '@tagwerk/core/ui';
import { styles } from './audio-transcriber.styles.js';
import { WIDGET_ID } from './version.js';

/**
 * Waveform segments with text, speakers and tags, plus file-level questions.
 *
 * @summary The audio microtask widget.
 *
 * @event tagwerk-ready - Task parsed and audio loaded; `detail: { taskId }`.
 * @event tagwerk-change - After each user edit; `detail: { annotation, valid, errors }`.
 * @event tagwerk-submit - `submit()` succeeded; `detail: { annotation }`.
 * @event tagwerk-invalid - `submit()` refused; `detail: { errors }`.
 * @event tagwerk-error - Bad task, audio failed to load or decode, storage failure; `detail: { code, message }`.
 */
export class TagwerkAudioTranscriber extends TagwerkWidget<'audio'> {
  static override styles = [...TagwerkWidget.styles, styles];

  protected readonly kind = 'audio' as const;
  protected readonly widgetId = WIDGET_ID;
  private duration = 0;

  protected override prepare(task: TaskOf<'audio'>, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const audio = new Audio();
      audio.preload = 'metadata';
      audio.addEventListener('loadedmetadata', () => {
        this.duration = audio.duration;
        resolve();
      });
      audio.addEventListener('error', () => reject(new Error(audio.error?.message || 'audio error')));
      signal.addEventListener('abort', () => resolve());
      audio.src = task.audio.url;
    });
  }

  protected emptyResult(task: TaskOf<'audio'>): AudioResult {
    const duration = task.audio.duration ?? (Number.isFinite(this.duration) && this.duration > 0 ? this.duration : 1);
    return { duration, segments: task.prefill ?? [], answers: {} };
  }

  protected renderSurface(task: TaskOf<'audio'>): TemplateResult {
    return html`<audio controls preload="metadata" src=${task.audio.url}></audio>`;
  }
}
