import { html, type TemplateResult } from 'lit';
import type { ImageResult, TaskOf } from '@tagwerk/core';
import { TagwerkWidget } from '@tagwerk/core/ui';
import { styles } from './image-labeler.styles.js';
import { WIDGET_ID } from './version.js';

/**
 * Boxes, polygons and keypoints on an image, plus image-level questions.
 *
 * @summary The image microtask widget.
 *
 * @event tagwerk-ready - Task parsed and image loaded; `detail: { taskId }`.
 * @event tagwerk-change - After each user edit; `detail: { annotation, valid, errors }`.
 * @event tagwerk-submit - `submit()` succeeded; `detail: { annotation }`.
 * @event tagwerk-invalid - `submit()` refused; `detail: { errors }`.
 * @event tagwerk-error - Bad task, image failed to load, storage failure; `detail: { code, message }`.
 */
export class TagwerkImageLabeler extends TagwerkWidget<'image'> {
  static override styles = [...TagwerkWidget.styles, styles];

  protected readonly kind = 'image' as const;
  protected readonly widgetId = WIDGET_ID;
  private natural = { width: 1, height: 1 };

  protected override async prepare(task: TaskOf<'image'>, signal: AbortSignal): Promise<void> {
    const image = new Image();
    image.src = task.image.url;
    await image.decode();
    if (signal.aborted) return;
    this.natural = { width: image.naturalWidth, height: image.naturalHeight };
  }

  protected emptyResult(task: TaskOf<'image'>): ImageResult {
    const width = task.image.width ?? this.natural.width;
    const height = task.image.height ?? this.natural.height;
    return { image: { width, height }, regions: task.prefill ?? [], answers: {} };
  }

  protected renderSurface(task: TaskOf<'image'>): TemplateResult {
    return html`<figure class="stage"><img src=${task.image.url} alt=${task.image.alt ?? ''} /></figure>`;
  }
}
