/**
 * Every failure a user or operator can see carries a stable code, so logs, CLI output and
 * alerts can be matched on it, and a `cause` so nothing of the original error is lost.
 */
export type ErrorCode =
  | 'config_invalid'
  | 'redis_unavailable'
  | 'redis_unreachable'
  | 'cli_usage'
  | 'not_implemented'
  | 'input_invalid'
  | 'input_missing'
  | 'feed_timeout'
  | 'feed_too_large'
  | 'feed_http_status'
  | 'feed_unparseable'
  | 'feed_blocked_address'
  | 'feed_too_many_redirects'
  | 'feed_network'
  | 'feed_bad_url'
  | 'store_conflict'
  | 'command_invalid'
  | 'command_forbidden'
  | 'delivery_rate_limited'
  | 'delivery_permanent'
  | 'delivery_failed'
  /** A chat platform refused our credentials (bad or revoked bot token) at start-up. */
  | 'platform_auth_failed'
  | 'internal_error';

export class WirewatchError extends Error {
  readonly code: ErrorCode;
  /** Extra structured detail for logs (never secrets). */
  readonly detail: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; detail?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'WirewatchError';
    this.code = code;
    this.detail = options.detail;
  }
}

export function isWirewatchError(error: unknown, code?: ErrorCode): error is WirewatchError {
  return error instanceof WirewatchError && (code === undefined || error.code === code);
}

/** One line for stderr: `code: message`. */
export function describeError(error: unknown): string {
  if (error instanceof WirewatchError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return `internal_error: ${error.message}`;
  return `internal_error: ${String(error)}`;
}
