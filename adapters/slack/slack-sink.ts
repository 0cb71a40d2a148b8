import type { webApi } from '@slack/bolt';
import type { AlertMessage, ChannelAddress, Clock, Logger, MessageRef, OperatorNotice, Sink } from '../../src/domain/index.js';
import { WirewatchError } from '../../src/errors.js';
import { mapSlackError } from './map-slack-error.js';
import { renderSlackAlert } from './render-slack-alert.js';
import type { SlackMessage } from './slack-blocks.js';
import { fitMrkdwn } from './slack-text.js';
import { validateSlackMessage } from './validate-slack-message.js';

export interface SlackSinkOptions {
  /** Built with `rejectRateLimitedCalls: true`, so a 429 reaches us instead of stalling every call. */
  client: webApi.WebClient;
  /** Channel id for operator notices; unset = notices are only logged. */
  adminChannel?: string;
  /** Also reply in the alert's thread when a new version changes something (SLACK_THREAD_UPDATES). */
  threadUpdates?: boolean;
  clock?: Clock;
  logger: Logger;
}

export interface SlackSink extends Sink {
  readonly name: 'slack';
}

/**
 * Posts alerts with chat.postMessage and edits them in place with chat.update of the same `ts`.
 * After a 429 the channel is held back for its Retry-After: calls to it fail fast with the same
 * coded error (the queue reschedules them) while other channels carry on.
 */
export function createSlackSink(options: SlackSinkOptions): SlackSink {
  const { client, logger } = options;
  const clock = options.clock ?? Date.now;
  const heldUntil = new Map<string, number>();

  async function call<T>(channel: string, action: string, run: () => Promise<T>): Promise<T> {
    const until = heldUntil.get(channel);
    if (until !== undefined) {
      const left = until - clock();
      if (left > 0) {
        throw new WirewatchError('delivery_rate_limited', `Slack channel ${channel} is rate limited for ${Math.ceil(left / 1000)}s more`, {
          detail: { platform: 'slack', retryAfterMs: left, channel, scope: 'channel' },
        });
      }
      heldUntil.delete(channel);
    }
    try {
      return await run();
    } catch (error) {
      const mapped = mapSlackError(error, `${action} in ${channel}`);
      const retryAfterMs = mapped.detail?.retryAfterMs;
      if (mapped.code === 'delivery_rate_limited' && typeof retryAfterMs === 'number') heldUntil.set(channel, clock() + retryAfterMs);
      throw mapped;
    }
  }

  return {
    name: 'slack',
    async post(address: ChannelAddress, alert: AlertMessage): Promise<MessageRef> {
      const message = checked(renderSlackAlert(alert), alert);
      const result = await call(address.channel, 'chat.postMessage', () =>
        client.chat.postMessage({ channel: address.channel, ...message }),
      );
      if (typeof result.ts !== 'string') throw new WirewatchError('delivery_failed', 'Slack chat.postMessage returned no ts');
      logger.info({ channel: address.channel, incident: alert.incidentId, version: alert.version, ts: result.ts }, 'slack alert posted');
      return { platform: 'slack', channel: result.channel ?? address.channel, messageId: result.ts };
    },

    async edit(ref: MessageRef, alert: AlertMessage): Promise<void> {
      const { text, blocks } = checked(renderSlackAlert(alert), alert);
      await call(ref.channel, 'chat.update', () => client.chat.update({ channel: ref.channel, ts: ref.messageId, text, blocks }));
      logger.info({ channel: ref.channel, incident: alert.incidentId, version: alert.version, ts: ref.messageId }, 'slack alert edited');
      if (options.threadUpdates && alert.changes.length > 0) await replyInThread(ref, alert);
    },

    async notify(notice: OperatorNotice): Promise<void> {
      if (options.adminChannel === undefined) {
        logger.warn({ notice }, 'operator notice (SLACK_ADMIN_CHANNEL is not set)');
        return;
      }
      const channel = options.adminChannel;
      const text = fitMrkdwn(`⚠️ wirewatch ${notice.kind}: ${notice.text}`, 3000);
      await call(channel, 'chat.postMessage', () =>
        client.chat.postMessage({ channel, text, mrkdwn: false, unfurl_links: false, unfurl_media: false }),
      );
    },
  };

  /** A thread reply notifies followers of the thread; a failed one must not undo the edit. */
  async function replyInThread(ref: MessageRef, alert: AlertMessage): Promise<void> {
    const text = fitMrkdwn(`🔄 v${alert.version}: ${alert.changes.join(' · ')}`, 3000);
    try {
      await call(ref.channel, 'thread reply', () =>
        client.chat.postMessage({
          channel: ref.channel,
          thread_ts: ref.messageId,
          text,
          mrkdwn: false,
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
    } catch (error) {
      logger.warn({ err: error, channel: ref.channel, ts: ref.messageId }, 'slack thread reply failed');
    }
  }
}

/** A renderer bug must surface as a coded error, not as Slack's `invalid_blocks` on every retry. */
function checked(message: SlackMessage, alert: AlertMessage): SlackMessage {
  const problems = validateSlackMessage(message);
  if (problems.length === 0) return message;
  throw new WirewatchError('delivery_permanent', `alert ${alert.incidentId} v${alert.version} breaks Slack limits`, {
    detail: { platform: 'slack', reason: 'invalid_payload', scope: 'message', problems },
  });
}
