import { webApi } from '@slack/bolt';
import { WirewatchError } from '../../src/errors.js';

/**
 * Slack errors that retrying cannot fix for this channel: the delivery layer pauses the
 * subscription with the reason so the channel's owner can act (invite the bot, unarchive).
 */
export const CHANNEL_STOPPERS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'account_inactive',
  'missing_scope',
  'token_revoked',
  'not_authed',
  'restricted_action',
]);

/**
 * Errors that doom this one message but not the channel (an edit of a message that is gone, a
 * payload Slack refuses): permanent, with `detail.scope: 'message'` so the subscription is not paused.
 */
export const MESSAGE_STOPPERS: ReadonlySet<string> = new Set([
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
  'msg_too_long',
  'msg_blocks_too_long',
  'invalid_blocks',
  'invalid_arguments',
  'no_text',
]);

/**
 * The one place a Slack Web API failure becomes a wirewatch code: a 429 becomes
 * `delivery_rate_limited` with `detail.retryAfterMs` and `detail.scope: 'channel'`, the errors above `delivery_permanent` with
 * `detail.reason`, everything else (network, 5xx, fatal_error) `delivery_failed`, which is retried.
 */
export function mapSlackError(error: unknown, action: string): WirewatchError {
  if (error instanceof WirewatchError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === webApi.ErrorCode.RateLimitedError) {
    const retryAfterMs = Math.max(1, Number((error as { retryAfter?: unknown }).retryAfter) || 1) * 1000;
    return new WirewatchError('delivery_rate_limited', `Slack rate limited ${action}; retry in ${retryAfterMs / 1000}s`, {
      cause: error,
      // Slack has no workspace-wide stop for posting: chat.postMessage is limited per channel.
      detail: { platform: 'slack', retryAfterMs, scope: 'channel' },
    });
  }
  if (code === webApi.ErrorCode.PlatformError) {
    const reason = String((error as { data?: { error?: unknown } }).data?.error ?? 'unknown_error');
    if (CHANNEL_STOPPERS.has(reason) || MESSAGE_STOPPERS.has(reason)) {
      const scope = CHANNEL_STOPPERS.has(reason) ? 'channel' : 'message';
      return new WirewatchError('delivery_permanent', `Slack refused ${action}: ${reason}`, {
        cause: error,
        detail: { platform: 'slack', reason, scope },
      });
    }
    return new WirewatchError('delivery_failed', `Slack failed ${action}: ${reason}`, {
      cause: error,
      detail: { platform: 'slack', reason },
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new WirewatchError('delivery_failed', `Slack request failed (${action}): ${message}`, {
    cause: error,
    detail: { platform: 'slack' },
  });
}
