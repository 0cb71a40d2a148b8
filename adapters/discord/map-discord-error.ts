import { DiscordAPIError, DiscordjsError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import { WirewatchError } from '../../src/errors.js';

/**
 * Discord errors that no retry can fix for this channel: the subscription is paused with the
 * reason and the operator told. `unknown_message` means the alert was deleted by someone in the
 * channel; the delivery layer may post a fresh one instead of pausing.
 */
const PERMANENT: ReadonlyMap<number, string> = new Map([
  [RESTJSONErrorCodes.MissingAccess, 'missing_access'],
  [RESTJSONErrorCodes.UnknownChannel, 'unknown_channel'],
  [RESTJSONErrorCodes.MissingPermissions, 'missing_permissions'],
  [RESTJSONErrorCodes.UnknownMessage, 'unknown_message'],
  [RESTJSONErrorCodes.CannotSendMessagesToThisUser, 'cannot_send'],
]);

/** The one place Discord REST failures become wirewatch error codes. */
export function mapDiscordError(error: unknown, action: string): WirewatchError {
  if (error instanceof WirewatchError) return error;
  if (error instanceof RateLimitError) {
    const retryAfterMs = Math.max(error.retryAfter, error.timeToReset, 1);
    // Global (X-RateLimit-Global, or X-RateLimit-Scope: global) stops the bot on every route;
    // 'user' and 'shared' limits are per route, and message routes are per channel.
    const scope = error.global || error.scope === 'global' ? 'global' : 'channel';
    return new WirewatchError('delivery_rate_limited', `Discord ${scope} rate limit on ${error.route} while trying to ${action}`, {
      cause: error,
      detail: { retryAfterMs: Math.ceil(retryAfterMs), route: error.route, scope, discordScope: error.scope },
    });
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const reason = PERMANENT.get(code);
    const detail = { status: error.status, discordCode: code, discordMessage: error.message };
    if (reason !== undefined)
      return new WirewatchError('delivery_permanent', `Discord refused to ${action}: ${error.message}`, {
        cause: error,
        detail: { ...detail, reason },
      });
    if (error.status === 401)
      return new WirewatchError('delivery_permanent', `Discord rejected the bot token while trying to ${action}`, {
        cause: error,
        detail: { ...detail, reason: 'invalid_token' },
      });
    return new WirewatchError('delivery_failed', `Discord error while trying to ${action}: ${error.message}`, { cause: error, detail });
  }
  if (error instanceof HTTPError)
    return new WirewatchError('delivery_failed', `Discord answered HTTP ${error.status} while trying to ${action}`, {
      cause: error,
      detail: { status: error.status },
    });
  const message = error instanceof Error ? error.message : String(error);
  return new WirewatchError('delivery_failed', `could not reach Discord to ${action}: ${message}`, { cause: error });
}

/** Start-up and operator commands: a refused token is `platform_auth_failed`, anything else stays as it was. */
export function mapStartupError(error: unknown): Error {
  const refused =
    (error instanceof DiscordAPIError && error.status === 401) ||
    (error instanceof DiscordjsError && (error.code === 'TokenInvalid' || error.code === 'TokenMissing'));
  if (refused)
    return new WirewatchError('platform_auth_failed', 'Discord refused DISCORD_TOKEN: check the bot token in the Developer Portal', {
      cause: error,
    });
  return error instanceof Error ? error : new Error(String(error));
}
