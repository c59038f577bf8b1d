import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface ActivityHost extends ReactiveControllerHost, HTMLElement {}

export interface ActivityListener {
  /** The worker did something inside the widget (pointer, wheel, key, input). */
  activity(): void;
  /** The page was hidden or shown. */
  hidden(hidden: boolean): void;
}

const INPUTS = ['pointerdown', 'pointermove', 'wheel', 'input', 'keydown'] as const;

/**
 * Active time, one concern: input inside the widget (never the whole page: two widgets on a page
 * each count their own work) and the page's visibility, fed to the session's tracker.
 */
export class ActivityController implements ReactiveController {
  private readonly onVisibility = (): void => this.listener.hidden(document.visibilityState === 'hidden');
  private readonly onInput = (): void => this.listener.activity();

  constructor(
    private readonly host: ActivityHost,
    private readonly listener: ActivityListener,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of INPUTS) this.host.addEventListener(type, this.onInput, { passive: true });
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    for (const type of INPUTS) this.host.removeEventListener(type, this.onInput);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }
}
