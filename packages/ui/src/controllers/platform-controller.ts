import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Annotation } from '@tagwerk/core';
import {
  createAdapter,
  isPlatformName,
  PlatformError,
  type Delivery,
  type PlatformAdapter,
  type PlatformHooks,
  type PlatformName,
} from '@tagwerk/platforms';
import type { UiMessageKey } from '../i18n/messages.js';

interface PlatformHost extends ReactiveControllerHost, HTMLElement {
  platform: string | undefined;
  submitUrl: string | undefined;
  completionCode: string | undefined;
  completionUrl: string | undefined;
  platformParams: string | undefined;
  name: string | undefined;
}

/** What the platform wiring needs from the widget. */
export interface PlatformBinding extends PlatformHooks {
  t(key: UiMessageKey, params?: Record<string, string | number>): string;
  /** Reports a `tagwerk-error`. */
  error(code: 'platform-invalid' | 'submit-failed', message: string): void;
  /** Sends the page to the platform's completion address. */
  navigate(url: string): void;
}

/** Where a submission to the platform stands (shown above the footer). */
type Phase =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'failed'; error: PlatformError }
  | { kind: 'done'; delivery: Delivery };

const PLATFORM_LABELS: Record<PlatformName, string> = {
  mturk: 'Mechanical Turk',
  'ground-truth': 'Ground Truth',
  toloka: 'Toloka',
  prolific: 'Prolific',
  clickworker: 'clickworker',
  url: '',
};

/**
 * The `platform` attribute, one concern: the adapter of `@tagwerk/platforms` for the named
 * platform, the preview (read-only, with a notice), the hand-over of a submitted envelope and what
 * the worker sees while it travels: sending, failed (the draft is kept; retry), saved (with the
 * completion code, and the redirect to the platform).
 */
export class PlatformController implements ReactiveController {
  private adapter: PlatformAdapter | undefined;
  private configError: string | undefined;
  private builtFor = '';
  private disconnect: (() => void) | undefined;
  private phase: Phase = { kind: 'idle' };

  constructor(
    private readonly host: PlatformHost,
    private readonly binding: PlatformBinding,
  ) {
    host.addController(this);
    host.addEventListener('tagwerk-change', () => this.edited());
  }

  hostConnected(): void {
    this.builtFor = '';
    this.build();
  }

  hostDisconnected(): void {
    this.disconnect?.();
    this.disconnect = undefined;
    this.builtFor = '';
  }

  hostUpdate(): void {
    this.build();
  }

  /** A platform is wired in. */
  get active(): boolean {
    return this.adapter !== undefined;
  }

  /** The worker previews the task (MTurk before accepting): nothing may change or be submitted. */
  get preview(): boolean {
    return this.adapter?.context.preview ?? false;
  }

  /** What `submit()` rejects with in a preview: the notice the worker sees, as a PlatformError. */
  previewError(): PlatformError {
    return new PlatformError('preview', this.binding.t('ui.platform.preview'));
  }

  /** The platform's page has its own submit button (Ground Truth, Toloka). */
  get ownsSubmit(): boolean {
    return this.adapter?.ownsSubmit ?? false;
  }

  /** A submission is on its way, or done: a second one must not start. */
  get busy(): boolean {
    return this.phase.kind === 'sending' || (this.phase.kind === 'done' && this.phase.delivery.kind === 'navigating');
  }

  /** The last hand-over failed and nothing was edited since: a retry sends that same envelope. */
  get failed(): boolean {
    return this.phase.kind === 'failed';
  }

  /** The platform has the last submission, and nothing was edited since. */
  get done(): boolean {
    return this.phase.kind === 'done';
  }

  /** The draft key of a task in this assignment: drafts of two assignments never mix. */
  draftKey(taskId: string): string {
    const scope = this.adapter?.context.scope;
    return scope ? JSON.stringify([taskId, this.adapter!.name, scope]) : taskId;
  }

  /** The worker edited again: what was shown about the last submission no longer holds. */
  edited(): void {
    if (this.phase.kind === 'failed' || this.phase.kind === 'done') this.set({ kind: 'idle' });
  }

  /**
   * Hands a submitted envelope to the platform. Resolves once the platform has it (the caller
   * then drops the draft); rejects with the PlatformError shown to the worker.
   */
  async deliver(annotation: Annotation): Promise<Delivery> {
    const adapter = this.adapter;
    if (!adapter) return { kind: 'handed-over' };
    this.set({ kind: 'sending' });
    try {
      const delivery = await adapter.deliver(annotation);
      this.set({ kind: 'done', delivery });
      if (delivery.kind === 'saved' && delivery.redirect) this.binding.navigate(delivery.redirect);
      return delivery;
    } catch (cause) {
      const error = cause instanceof PlatformError ? cause : new PlatformError('network', String(cause));
      this.set({ kind: 'failed', error });
      this.binding.error(error.code === 'config' ? 'platform-invalid' : 'submit-failed', error.message);
      throw error;
    }
  }

  /** The notice at the top: the preview, or a page that is not set up. */
  renderBanner(): TemplateResult | typeof nothing {
    const { t } = this.binding;
    if (this.configError) {
      return html`<div class="notice platform" role="alert"><span>${this.configError}</span></div>`;
    }
    if (this.preview) {
      return html`<div class="notice platform" role="status"><span>${t('ui.platform.preview')}</span></div>`;
    }
    return nothing;
  }

  /** The notice next to Submit: sending, failed (with retry), saved. */
  renderSubmission(retry: () => void): TemplateResult | typeof nothing {
    const { t } = this.binding;
    if (!this.adapter || this.preview) return nothing;
    const phase = this.phase;
    switch (phase.kind) {
      case 'idle':
        return nothing;
      case 'sending':
        return html`<div class="notice platform" role="status">
          <span class="spinner" aria-hidden="true"></span><span>${t('ui.platform.sending')}</span>
        </div>`;
      case 'failed':
        return html`<div class="notice platform failed" role="alert">
          <span>${t('ui.platform.failed', { reason: this.reason(phase.error) })}</span>
          ${phase.error.code === 'config' ? nothing : html`<button type="button" @click=${retry}>${t('ui.retry')}</button>`}
        </div>`;
      case 'done':
        return this.renderDone(phase.delivery);
    }
  }

  private renderDone(delivery: Delivery): TemplateResult | typeof nothing {
    const { t } = this.binding;
    if (delivery.kind !== 'saved') return nothing;
    const platform = PLATFORM_LABELS[this.adapter!.name];
    return html`<div class="notice platform done" role="status">
      <span>${t('ui.platform.saved')}</span>
      ${delivery.completionCode ? html`<span>${t('ui.platform.code', { code: delivery.completionCode })}</span>` : nothing}
      ${
        delivery.redirect
          ? html`<a href=${delivery.redirect} rel="noopener"
              >${platform ? t('ui.platform.continueTo', { platform }) : t('ui.platform.continue')}</a
            >`
          : nothing
      }
    </div>`;
  }

  private reason(error: PlatformError): string {
    const { t } = this.binding;
    if (error.code === 'rejected') return t('ui.platform.reason.rejected', { status: error.status ?? 0 });
    if (error.code === 'network') return t('ui.platform.reason.network');
    if (error.code === 'preview') return t('ui.platform.preview');
    return t('ui.platform.reason.config');
  }

  private set(phase: Phase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }

  /** (Re)creates the adapter when the platform attributes changed. */
  private build(): void {
    const host = this.host;
    const key = JSON.stringify([
      host.platform,
      host.submitUrl,
      host.completionCode,
      host.completionUrl,
      host.platformParams,
      host.name,
    ]);
    if (key === this.builtFor || !host.isConnected) return;
    this.builtFor = key;
    this.disconnect?.();
    this.disconnect = undefined;
    this.adapter = undefined;
    this.configError = undefined;
    this.phase = { kind: 'idle' };
    const name = host.platform;
    if (!name) return;
    if (!isPlatformName(name)) {
      this.fail(`Unknown platform "${name}" (expected mturk, ground-truth, toloka, prolific, clickworker or url).`);
      return;
    }
    const adapter = createAdapter(name, {
      element: host,
      settings: {
        submitUrl: host.submitUrl || undefined,
        completionCode: host.completionCode || undefined,
        completionUrl: host.completionUrl || undefined,
        params: host.platformParams
          ?.split(/[,\s]+/)
          .map((p) => p.trim())
          .filter(Boolean),
        field: host.name || undefined,
      },
    });
    this.adapter = adapter;
    if (name === 'ground-truth' && !host.closest('crowd-form')) {
      this.fail('platform="ground-truth": the widget must be inside <crowd-form>.');
      return;
    }
    if ((name === 'prolific' || name === 'url' || name === 'clickworker') && !host.submitUrl) {
      this.fail(`platform="${name}" needs a submit-url: the answer has nowhere to go.`);
      return;
    }
    this.disconnect = adapter.connect({
      submitNow: () => this.binding.submitNow(),
      // The platform's own Submit took the envelope: the widget's Submit/Ctrl+Enter must not hand
      // it over a second time (until the next edit).
      sent: () => {
        this.set({ kind: 'done', delivery: { kind: 'handed-over' } });
        this.binding.sent();
      },
    });
  }

  private fail(message: string): void {
    this.configError = this.binding.t('ui.platform.misconfigured');
    // After the current update: a host listening from its next line still hears it.
    queueMicrotask(() => this.binding.error('platform-invalid', message));
  }
}
