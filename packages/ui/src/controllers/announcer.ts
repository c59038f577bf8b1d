import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * Announcements, one concern: one polite live region per widget that speaks what a sighted worker
 * sees change (a box drawn, a segment split, a refusal). A live region only speaks when its text
 * changes, so saying the same thing twice alternates a trailing no-break space.
 */
export class Announcer implements ReactiveController {
  private message = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Speaks `message` (after the next render). */
  announce(message: string): void {
    this.message = this.message === message ? `${message}\u00a0` : message;
    this.host.requestUpdate();
  }

  /** The live region; render it once, anywhere in the widget. */
  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.message}</div>`;
  }
}
