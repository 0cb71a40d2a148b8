import { createDeliveryRest, createDiscordSink, startDiscordBot, type CommandHandlers } from '../../adapters/discord/index.js';
import { runIncidentsReply } from '../../src/commands/incidents-reply.js';
import { runSubscribeCommand, runSubscriptionsCommand, runUnsubscribeCommand } from '../../src/commands/subscription-commands.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import type { PlatformSink } from '../delivery/sinks.js';
import { createIncidentStore } from './stores.js';
import type { RuntimeDeps } from '../workers/registry.js';

/**
 * Discord when DISCORD_TOKEN is set, else undefined: starts the bot (gateway, or the HTTP
 * interactions endpoint when DISCORD_PUBLIC_KEY and DISCORD_HTTP_PORT are set) with the four
 * slash commands wired to the core use cases, and the REST sink the deliver queue posts through.
 */
export async function createDiscordPlatform(deps: RuntimeDeps): Promise<PlatformSink | undefined> {
  const { token, apiUrl, adminChannel, publicKey, httpPort } = deps.config.discord;
  if (token === undefined) return undefined;
  const logger = deps.logger.child({ component: 'discord' });
  const bot = await startDiscordBot({ token, apiUrl, publicKey, httpPort }, { handlers: createDiscordCommandHandlers(deps), logger });
  const rest = createDeliveryRest({ token, apiUrl });
  const sink = createDiscordSink({ rest, logger, ...(adminChannel === undefined ? {} : { adminChannel }) });
  return {
    sink,
    hasAdminChannel: adminChannel !== undefined,
    async close() {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
      await bot.close();
    },
  };
}

/** Typed Discord options onto the same use cases the Slack commands and the CLI run. */
export function createDiscordCommandHandlers(deps: Pick<RuntimeDeps, 'redis' | 'prefix' | 'config' | 'clock' | 'logger'>): CommandHandlers {
  const subscriptions = new SubscriptionStore(deps.redis, deps.prefix);
  const store = createIncidentStore(deps);
  const useCaseDeps = { subscriptions, clock: deps.clock, logger: deps.logger };
  return {
    // /incidents reads free words; its options are those words, already sorted by kind.
    incidents: (args) =>
      runIncidentsReply([args.region, args.kind, args.since].filter(Boolean).join(' '), { store, clock: deps.clock, logger: deps.logger }),
    subscribe: (args, ctx) =>
      runSubscribeCommand(
        { ...pick(args, 'region'), ...pick(args, 'kind'), ...(args['min-severity'] ? { minSeverity: args['min-severity'] } : {}) },
        ctx,
        useCaseDeps,
      ),
    unsubscribe: (args, ctx) => runUnsubscribeCommand({ ...pick(args, 'region'), ...pick(args, 'kind') }, ctx, useCaseDeps),
    subscriptions: (_args, ctx) => runSubscriptionsCommand(ctx, useCaseDeps),
  };
}

function pick<K extends string>(args: Readonly<Record<string, string>>, key: K): Partial<Record<K, string>> {
  const value = args[key];
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
