import { userInfo } from 'node:os';
import { runSubscribeCommand, runUnsubscribeCommand, type CommandContext } from '../../../src/commands/subscription-commands.js';
import { PLATFORMS, type ChannelAddress, type Platform } from '../../../src/domain/index.js';
import { WirewatchError } from '../../../src/errors.js';
import type { CommandReply } from '../../../src/format/replies.js';
import { renderReplyText } from '../../../src/format/render-reply-text.js';
import { describeSubscription } from '../../../src/commands/subscription-commands.js';
import { SubscriptionStore, toChannelKey } from '../../../src/store/subscription-store.js';
import { loadConfig } from '../../config/load-config.js';
import { silentLogger } from '../../runtime/logger.js';
import { connectExistingRedis } from '../../runtime/redis.js';
import type { CliCommand, CliIo, ParsedArgs } from '../command.js';
import { writeLine } from '../command.js';

const CHANNEL_OPTIONS = {
  platform: { type: 'string' },
  channel: { type: 'string' },
  workspace: { type: 'string' },
  region: { type: 'string' },
  kind: { type: 'string' },
} as const;

const CHANNEL_HELP = {
  platform: { description: 'slack or discord', value: 'NAME', required: true },
  channel: { description: 'channel id (Slack C…, Discord snowflake)', value: 'ID', required: true },
  workspace: { description: 'Slack team id or Discord guild id', default: 'none', value: 'ID' },
  region: { description: 'country, oblast/krai or city: a code (UA-32) or a name (Kyiv Oblast)', value: 'REGION', required: true },
  kind: { description: 'strikes, talks or all', default: 'all', value: 'KIND' },
};

/** The same use cases as the slash commands, for operators and scripts. */
export const subscribeCommand: CliCommand = {
  name: ['subscribe'],
  summary: 'subscribe a channel to a region',
  description:
    'The same use case as /subscribe: the channel gets alerts for incidents in the region (a subscription to an oblast covers every town in it; ' +
    'talks match when the country is a party). Subscribing again to a region replaces its kind and severity. Reads the Redis `wirewatch run` uses.',
  usage: '--platform slack|discord --channel ID [--workspace ID] --region CODE [--kind K] [--min-severity S]',
  options: { ...CHANNEL_OPTIONS, 'min-severity': { type: 'string' } },
  optionHelp: { ...CHANNEL_HELP, 'min-severity': { description: 'low, medium, high or critical', default: 'low', value: 'S' } },
  examples: ['wirewatch subscribe --platform slack --channel C0123ABCD --region "Kyiv Oblast" --kind strikes'],
  run: (args, io) =>
    withStore(io, async (store) => {
      const reply = await runSubscribeCommand(
        { ...option(args, 'region', 'region'), ...option(args, 'kind', 'kind'), ...option(args, 'min-severity', 'minSeverity') },
        contextOf(args),
        { subscriptions: store, clock: Date.now },
      );
      return printReply(reply, io);
    }),
};

export const unsubscribeCommand: CliCommand = {
  name: ['unsubscribe'],
  summary: 'remove a channel subscription (--region all: every one of the channel)',
  description: 'The same use case as /unsubscribe: stops one subscription of the channel, or every one with --region all.',
  usage: '--platform slack|discord --channel ID [--workspace ID] --region CODE|all [--kind K]',
  options: CHANNEL_OPTIONS,
  optionHelp: { ...CHANNEL_HELP, region: { description: 'the subscribed region, or all', value: 'REGION', required: true } },
  examples: ['wirewatch unsubscribe --platform discord --channel 123456789012345678 --region all'],
  run: (args, io) =>
    withStore(io, async (store) => {
      const reply = await runUnsubscribeCommand({ ...option(args, 'region', 'region'), ...option(args, 'kind', 'kind') }, contextOf(args), {
        subscriptions: store,
        clock: Date.now,
      });
      return printReply(reply, io);
    }),
};

export const subscriptionsCommand: CliCommand = {
  name: ['subscriptions'],
  summary: 'list subscriptions (all channels, or one with --platform/--channel)',
  description: 'Lists every subscription, or one channel’s, with who made it and when.',
  usage: '[--json] [--platform slack|discord --channel ID [--workspace ID]]',
  options: { json: { type: 'boolean' }, platform: { type: 'string' }, channel: { type: 'string' }, workspace: { type: 'string' } },
  optionHelp: {
    json: { description: 'JSON instead of text', default: 'off' },
    platform: { description: 'slack or discord, with --channel: one channel only', default: 'all channels', value: 'NAME' },
    channel: { description: 'channel id, with --platform', default: 'all channels', value: 'ID' },
    workspace: CHANNEL_HELP.workspace,
  },
  examples: ['wirewatch subscriptions --json'],
  run: (args, io) =>
    withStore(io, async (store) => {
      const filtered = typeof args.values.channel === 'string' || typeof args.values.platform === 'string';
      const list = filtered ? await store.listByChannel(contextOf(args).channel) : await store.listAll();
      if (args.values.json === true) writeLine(io.stdout, JSON.stringify(list, null, 2));
      else if (list.length === 0)
        writeLine(io.stdout, 'No subscriptions. Add one with: wirewatch subscribe --platform slack --channel C123 --region UA-32');
      else
        for (const sub of list)
          writeLine(io.stdout, `${toChannelKey(sub.channel)}  ${describeSubscription(sub)}  (by ${sub.createdBy}, ${sub.createdAt})`);
      return 0;
    }),
};

async function withStore(io: CliIo, run: (store: SubscriptionStore) => Promise<number>): Promise<number> {
  const config = await loadConfig(io.env);
  const { redis } = await connectExistingRedis(config.redis.url, silentLogger);
  try {
    return await run(new SubscriptionStore(redis, config.redis.prefix));
  } finally {
    redis.disconnect();
  }
}

function contextOf(args: ParsedArgs): CommandContext {
  const platform = args.values.platform;
  if (typeof platform !== 'string' || !(PLATFORMS as readonly string[]).includes(platform))
    throw new WirewatchError('command_invalid', `--platform must be one of ${PLATFORMS.join(', ')}`);
  const channel: ChannelAddress = {
    platform: platform as Platform,
    workspace: typeof args.values.workspace === 'string' ? args.values.workspace : '',
    channel: typeof args.values.channel === 'string' ? args.values.channel : '',
  };
  return { channel, user: `cli:${safeUser()}` };
}

function option<K extends string>(args: ParsedArgs, flag: string, key: K): Partial<Record<K, string>> {
  const value = args.values[flag];
  return typeof value === 'string' ? ({ [key]: value } as Record<K, string>) : {};
}

function printReply(reply: CommandReply, io: CliIo): number {
  writeLine(reply.type === 'error' ? io.stderr : io.stdout, renderReplyText(reply));
  return reply.type === 'error' ? 2 : 0;
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'operator';
  }
}
