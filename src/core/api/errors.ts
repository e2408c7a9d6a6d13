import type { components } from '../../generated/api.js';

export type Problem = components['schemas']['Probleme'];

/**
 * - `offline`: the browser says it has no network
 * - `network`: the request did not reach the server or the connection dropped
 * - `timeout`: no answer in time
 * - `http`: the server answered with an error status (see `status` and `problem`)
 * - `malformed`: the body is not JSON
 * - `shape`: the JSON does not have the expected shape (see `message`)
 * - `config`: no usable API base URL
 */
export type ApiErrorKind = 'offline' | 'network' | 'timeout' | 'http' | 'malformed' | 'shape' | 'config';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: { status?: number; problem?: Problem; retryAfterMs?: number } = {},
  ) {
    super(message);
  }

  get status(): number | undefined {
    return this.details.status;
  }

  get problem(): Problem | undefined {
    return this.details.problem;
  }

  /** Worth trying again later: the network, a timeout, a server error or a rate limit. */
  get retryable(): boolean {
    const { status } = this.details;
    if (this.kind === 'offline' || this.kind === 'network' || this.kind === 'timeout') return true;
    return this.kind === 'http' && status !== undefined && (status >= 500 || status === 429 || status === 408);
  }
}
