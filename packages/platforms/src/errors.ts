/** Why a platform adapter could not do its part. */
export type PlatformErrorCode =
  /** The page's configuration cannot work: no `submit-url`, a submit target that is not allowed, no crowd-form. */
  | 'config'
  /** The worker is previewing (MTurk): nothing may be submitted. */
  | 'preview'
  /** The submission did not reach the server (network error, timeout). */
  | 'network'
  /** The server answered, but not with 2xx. */
  | 'rejected';

/** A failure of an adapter; `retryable` when trying again can help (the draft is kept). */
export class PlatformError extends Error {
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  get retryable(): boolean {
    return this.code === 'network' || this.code === 'rejected';
  }
}
