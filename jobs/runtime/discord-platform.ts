import { createDeliveryRest, createDiscordSink, startDiscordBot, type CommandHandlers } from '../../adapters/discord/index.js';
import { runIncidentsReply } from '../../src/commands/incidents-reply.js';
import { runSubscribeCommand, runSubscriptionsCommand, runUnsubscribeCommand } from '../../src/commands/subscription-commands.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import type { PlatformSink } from '../delivery/sinks.js';
import { createIncidentStore } from './stores.js';
import type { Closeable, RuntimeDeps } from '../workers/registry.js';

/**
 * The outbound half, in every process with a deliver worker: the REST sink, when DISCORD_TOKEN
 * is set (else undefined: alerts go to the console).
 */
export function createDiscordPlatform(deps: RuntimeDeps): Promise<PlatformSink | undefined> {
  const { token, apiUrl, adminChannel } = deps.config.discord;
  if (token === undefined) return Promise.resolve(undefined);
  const rest = createDeliveryRest({ token, apiUrl });
  const sink = createDiscordSink({
    rest,
    logger: deps.logger.child({ component: 'discord' }),
    ...(adminChannel === undefined ? {} : { adminChannel }),
  });
  return Promise.resolve({
    sink,
    hasAdminChannel: adminChannel !== undefined,
    close() {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
      return Promise.resolve();
    },
  });
}

/**
 * The inbound half, only in `run`: one bot per deployment, since a second gateway session would
 * answer every interaction twice and a second HTTP endpoint could not share the port. Gateway, or
 * the HTTP interactions endpoint when DISCORD_PUBLIC_KEY and DISCORD_HTTP_PORT are set.
 */
export async function startDiscordBotComponent(deps: RuntimeDeps): Promise<Closeable> {
  const { token, apiUrl, publicKey, httpPort } = deps.config.discord;
  if (token === undefined) return { name: 'discord-bot', close: () => Promise.resolve() };
  const logger = deps.logger.child({ component: 'discord' });
  const bot = await startDiscordBot({ token, apiUrl, publicKey, httpPort }, { handlers: createDiscordCommandHandlers(deps), logger });
  return { name: 'discord-bot', close: bot.close };
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
