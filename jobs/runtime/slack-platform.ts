import type { CommandContext, CommandRunners } from '../../adapters/slack/slack-commands.js';
import { createSlackRuntime, type SlackRuntime } from '../../adapters/slack/slack-runtime.js';
import { runIncidentsReply } from '../../src/commands/incidents-reply.js';
import { runSubscribeCommand, runSubscriptionsCommand, runUnsubscribeCommand } from '../../src/commands/subscription-commands.js';
import type { Sink } from '../../src/domain/index.js';
import type { CommandReply } from '../../src/format/replies.js';
import { createDeliveryLog, type DeliveryLog } from '../../src/store/delivery-log.js';
import { SubscriptionStore, toChannelKey } from '../../src/store/subscription-store.js';
import { createIncidentStore } from './stores.js';
import type { RuntimeDeps } from '../workers/registry.js';

/** What the Slack adapter hands the runtime: the outbound sink, and the inbound app to close. */
export interface SlackPlatform {
  sink: Sink;
  /** SLACK_ADMIN_CHANNEL is set: operator notices go there. */
  hasAdminChannel: boolean;
  runtime: SlackRuntime;
  close(): Promise<void>;
}

/**
 * Slack when SLACK_BOT_TOKEN is set, else undefined: checks the token, starts Socket Mode or the
 * HTTP endpoint, and wires the four slash commands to the core use cases over this process's Redis.
 */
export async function createSlackPlatform(deps: RuntimeDeps): Promise<SlackPlatform | undefined> {
  const slack = deps.config.slack;
  if (slack.botToken === undefined) return undefined;
  const runtime = createSlackRuntime(
    { ...slack, botToken: slack.botToken },
    { logger: deps.logger, clock: deps.clock, commands: createSlackCommandRunners(deps) },
  );
  await runtime.start();
  return { sink: runtime.sink, hasAdminChannel: slack.adminChannel !== undefined, runtime, close: () => runtime.stop() };
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
