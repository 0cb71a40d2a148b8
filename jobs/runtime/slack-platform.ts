import type { CommandContext, CommandRunners } from '../../adapters/slack/slack-commands.js';
import { createSlackRuntime, type SlackRuntime } from '../../adapters/slack/slack-runtime.js';
import { runIncidentsReply } from '../../src/commands/incidents-reply.js';
import { runSubscribeCommand, runSubscriptionsCommand, runUnsubscribeCommand } from '../../src/commands/subscription-commands.js';
import type { Sink } from '../../src/domain/index.js';
import type { CommandReply } from '../../src/format/replies.js';
import { createDeliveryLog, type DeliveryLog } from '../../src/store/delivery-log.js';
import { SubscriptionStore, toChannelKey } from '../../src/store/subscription-store.js';
import { createIncidentStore } from './stores.js';
import type { Closeable, RuntimeDeps } from '../workers/registry.js';

/** What the Slack adapter hands the delivery side: the outbound sink. */
export interface SlackPlatform {
  sink: Sink;
  /** SLACK_ADMIN_CHANNEL is set: operator notices go there. */
  hasAdminChannel: boolean;
  runtime: SlackRuntime;
  close(): Promise<void>;
}

/**
 * The outbound half, in every process with a deliver worker, when SLACK_BOT_TOKEN is set (else
 * undefined: alerts go to the console): checks the token with auth.test and posts. It never opens
 * Socket Mode or the HTTP endpoint, so any number of `worker --queues deliver` can run.
 */
export async function createSlackPlatform(deps: RuntimeDeps): Promise<SlackPlatform | undefined> {
  const slack = deps.config.slack;
  if (slack.botToken === undefined) return undefined;
  const runtime = createSlackRuntime({ ...slack, botToken: slack.botToken }, { logger: deps.logger, clock: deps.clock, inbound: false });
  await runtime.start();
  return { sink: runtime.sink, hasAdminChannel: slack.adminChannel !== undefined, runtime, close: () => runtime.stop() };
}

/**
 * The inbound half, only in `run` (like the Discord bot): the Bolt app for the slash commands,
 * over Socket Mode or HTTP. One per deployment: two HTTP receivers cannot share SLACK_HTTP_PORT,
 * and every Socket Mode connection would take its share of the commands.
 */
export async function startSlackAppComponent(deps: RuntimeDeps): Promise<Closeable> {
  const slack = deps.config.slack;
  const inbound = slack.appToken !== undefined || (slack.signingSecret !== undefined && slack.httpPort !== undefined);
  if (slack.botToken === undefined || !inbound) return { name: 'slack-app', close: () => Promise.resolve() };
  const runtime = createSlackRuntime(
    { ...slack, botToken: slack.botToken },
    { logger: deps.logger, clock: deps.clock, commands: createSlackCommandRunners(deps) },
  );
  await runtime.start();
  return { name: 'slack-app', close: () => runtime.stop() };
}

export function createSlackCommandRunners(deps: Pick<RuntimeDeps, 'redis' | 'prefix' | 'config' | 'clock' | 'logger'>): CommandRunners {
  const subscriptions = new SubscriptionStore(deps.redis, deps.prefix);
  const store = createIncidentStore(deps);
  const log = createDeliveryLog(deps.redis, deps.prefix, deps.config.incidents.retentionDays * 86_400 + 86_400);
  const useCaseDeps = { subscriptions, clock: deps.clock, logger: deps.logger };
  return {
    incidents: async (text, context) =>
      linkPostedAlerts(await runIncidentsReply(text, { store, clock: deps.clock, logger: deps.logger }), context, log),
    subscribe: (text, context) => runSubscribeCommand(text, context, useCaseDeps),
    unsubscribe: (text, context) => runUnsubscribeCommand(text, context, useCaseDeps),
    subscriptions: (_text, context) => runSubscriptionsCommand(context, useCaseDeps),
  };
}

/** Each listed incident already posted in the asking channel links to its alert there. */
async function linkPostedAlerts(reply: CommandReply, context: CommandContext, log: DeliveryLog): Promise<CommandReply> {
  if (reply.type !== 'incident-list') return reply;
  const target = toChannelKey(context.channel);
  const items = await Promise.all(
    reply.items.map(async (item) => {
      const { ref } = await log.get(item.incidentId, target);
      return ref ? { ...item, alertLink: context.linkToMessage(ref) } : item;
    }),
  );
  return { ...reply, items };
}
