import { REST, Routes, type RESTPostAPIChannelMessageResult } from 'discord.js';
import type { AlertMessage, ChannelAddress, MessageRef, OperatorNotice, Sink } from '../../src/domain/delivery.js';
import type { Logger } from '../../src/domain/index.js';
import { WirewatchError } from '../../src/errors.js';
import { fitText } from './discord-text.js';
import { EMBED_LIMITS, findMessageProblems } from './embed-limits.js';
import { mapDiscordError } from './map-discord-error.js';
import { renderDiscordEmbed } from './render-embed.js';

export interface DiscordRestOptions {
  token: string;
  /** REST base, e.g. https://discord.com/api or a local fake. */
  apiUrl: string;
}

/**
 * A REST client for delivery. A rate limit on any route throws at once instead of sleeping, so
 * the deliver queue can delay just that job and a worker never blocks; @discordjs/rest still
 * keeps one bucket per route and channel, so one busy channel does not hold up another.
 */
export function createDeliveryRest(options: DiscordRestOptions): REST {
  return new REST({ api: options.apiUrl, rejectOnRateLimit: () => true, retries: 1 }).setToken(options.token);
}

export interface DiscordSinkOptions {
  rest: REST;
  /** Channel id for operator notices; without one, notices are only logged. */
  adminChannel?: string;
  logger: Logger;
}

/** The Discord `Sink`: a new incident is a new message, a new version edits that message. */
export function createDiscordSink(options: DiscordSinkOptions): Sink {
  const { rest, logger } = options;
  return {
    name: 'discord',
    async post(channel: ChannelAddress, message: AlertMessage): Promise<MessageRef> {
      const body = checked(renderDiscordEmbed(message));
      try {
        const result = (await rest.post(Routes.channelMessages(channel.channel), { body })) as RESTPostAPIChannelMessageResult;
        return { platform: 'discord', channel: channel.channel, messageId: result.id };
      } catch (error) {
        throw mapDiscordError(error, `post to channel ${channel.channel}`);
      }
    },
    async edit(ref: MessageRef, message: AlertMessage): Promise<void> {
      const body = checked(renderDiscordEmbed(message));
      try {
        await rest.patch(Routes.channelMessage(ref.channel, ref.messageId), { body });
      } catch (error) {
        throw mapDiscordError(error, `edit message ${ref.messageId} in channel ${ref.channel}`);
      }
    },
    async notify(notice: OperatorNotice): Promise<void> {
      if (options.adminChannel === undefined) {
        logger.warn({ notice }, 'no DISCORD_ADMIN_CHANNEL: operator notice only logged');
        return;
      }
      const content = fitText(`[${notice.kind}] ${notice.text}`, EMBED_LIMITS.content);
      try {
        await rest.post(Routes.channelMessages(options.adminChannel), { body: { content, allowed_mentions: { parse: [] } } });
      } catch (error) {
        throw mapDiscordError(error, `send an operator notice to channel ${options.adminChannel}`);
      }
    },
  };
}

/** A renderer bug must not become a 400 retried forever: refuse it as bad input, with the reason. */
function checked<T extends Parameters<typeof findMessageProblems>[0]>(body: T): T {
  const problems = findMessageProblems(body);
  if (problems.length > 0)
    throw new WirewatchError('delivery_permanent', `the Discord message breaks its limits: ${problems.join('; ')}`, {
      detail: { reason: 'message_invalid', problems },
    });
  return body;
}
