import type { CommandRunners } from '../../adapters/slack/slack-commands.js';
import { createSlackRuntime, type SlackRuntime } from '../../adapters/slack/slack-runtime.js';
import { runIncidentsReply } from '../../src/commands/incidents-reply.js';
import { runSubscribeCommand, runSubscriptionsCommand, runUnsubscribeCommand } from '../../src/commands/subscription-commands.js';
import type { Sink } from '../../src/domain/index.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { createIncidentStore } from '../workers/story-worker.js';
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
  const useCaseDeps = { subscriptions, clock: deps.clock, logger: deps.logger };
  return {
    incidents: (text) => runIncidentsReply(text, { store, clock: deps.clock, logger: deps.logger }),
    subscribe: (text, context) => runSubscribeCommand(text, context, useCaseDeps),
    unsubscribe: (text, context) => runUnsubscribeCommand(text, context, useCaseDeps),
    subscriptions: (_text, context) => runSubscriptionsCommand(context, useCaseDeps),
  };
}
