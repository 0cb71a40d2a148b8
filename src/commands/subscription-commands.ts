import type { ChannelAddress, Clock, Kind, Logger, Subscription, SubscriptionRepository } from '../domain/index.js';
import { isWirewatchError, WirewatchError } from '../errors.js';
import { formatErrorReply } from '../format/command-replies.js';
import type { CommandReply } from '../format/replies.js';
import {
  invalid,
  parseKinds,
  parseSubscribeArgs,
  resolveRegionOrThrow,
  SUBSCRIBE_USAGE,
  UNSUBSCRIBE_USAGE,
  validateSubscribeOptions,
  type SubscribeOptions,
} from './subscribe-args.js';
import { kindsOfWord } from './kind-words.js';

/** Who typed the command, and where: the channel a subscription belongs to. */
export interface CommandContext {
  channel: ChannelAddress;
  /** Platform user id (Slack `U…`, Discord snowflake) or `cli:<login>`. */
  user: string;
}

export interface SubscriptionCommandDeps {
  subscriptions: SubscriptionRepository;
  clock: Clock;
  /** Where a store failure is logged before the user gets an `internal_error` reply. */
  logger?: Logger;
}

const KIND_LABEL: Record<Kind, string> = { strike: 'strikes', negotiation: 'talks' };

/**
 * `/subscribe <region> [kind] [min-severity]`: text as typed in a slash command, or options
 * already split (CLI flags). Subscribing again to the same region replaces its kinds and
 * severity and resumes a paused channel. Bad input returns a coded error and changes nothing.
 */
export async function runSubscribeCommand(
  input: string | SubscribeOptions,
  context: CommandContext,
  deps: SubscriptionCommandDeps,
): Promise<CommandReply> {
  return replyOrError(SUBSCRIBE_USAGE, deps, async () => {
    requireChannel(context.channel, SUBSCRIBE_USAGE);
    const request = typeof input === 'string' ? parseSubscribeArgs(input) : validateSubscribeOptions(input);
    const subscription: Subscription = {
      channel: context.channel,
      region: request.region.code,
      regionName: request.region.name,
      kinds: request.kinds,
      minSeverity: request.minSeverity,
      createdBy: context.user,
      createdAt: new Date(deps.clock()).toISOString(),
    };
    const result = await deps.subscriptions.save(subscription);
    const lines = [describeSubscription(subscription)];
    if (result.previous) lines.push(`Replaces: ${describeSubscription(result.previous)}`);
    if (result.unpaused > 0) lines.push('Delivery to this channel resumed (it had been paused after a platform error).');
    return {
      type: 'success',
      title: result.created ? `Subscribed to ${request.region.name}` : `Subscription to ${request.region.name} updated`,
      lines,
    };
  });
}

/** `/unsubscribe <region>|all [kind]`: removes one region (or one kind of it), or all of the channel's. */
export async function runUnsubscribeCommand(
  input: string | { region?: string; kind?: string },
  context: CommandContext,
  deps: SubscriptionCommandDeps,
): Promise<CommandReply> {
  return replyOrError(UNSUBSCRIBE_USAGE, deps, async () => {
    requireChannel(context.channel, UNSUBSCRIBE_USAGE);
    const { region: query = '', kind } = typeof input === 'string' ? splitUnsubscribeText(input) : input;
    const current = await deps.subscriptions.listByChannel(context.channel);
    if (query.trim().toLowerCase() === 'all') {
      if (kind !== undefined) throw invalid("'all' removes every subscription of the channel; leave out the kind", UNSUBSCRIBE_USAGE);
      const removed = await deps.subscriptions.remove(context.channel);
      return removed.length === 0
        ? { type: 'success', title: 'Nothing to remove', lines: ['This channel had no subscriptions.'] }
        : { type: 'success', title: `Removed ${plural(removed.length, 'subscription')}`, lines: removed.map(describeSubscription) };
    }
    // A stored code or name counts even if the gazetteer no longer knows it.
    const wanted = query.trim().toLowerCase();
    const existing = current.find((s) => s.region.toLowerCase() === wanted || s.regionName.toLowerCase() === wanted);
    const code = existing?.region ?? resolveRegionOrThrow(query, UNSUBSCRIBE_USAGE).code;
    const subscription = existing ?? current.find((s) => s.region === code);
    if (!subscription) {
      return {
        type: 'success',
        title: 'Nothing to remove',
        lines: [`This channel does not follow ${query.trim()}.`, ...listLines(current)],
      };
    }
    const dropKinds = kind === undefined ? subscription.kinds : parseKinds(kind);
    const kept = subscription.kinds.filter((k) => !dropKinds.includes(k));
    if (kept.length > 0) {
      const narrowed = { ...subscription, kinds: kept };
      await deps.subscriptions.save(narrowed);
      return { type: 'success', title: `Subscription to ${subscription.regionName} narrowed`, lines: [describeSubscription(narrowed)] };
    }
    await deps.subscriptions.remove(context.channel, subscription.region);
    return { type: 'success', title: `Unsubscribed from ${subscription.regionName}`, lines: [describeSubscription(subscription)] };
  });
}

/** `/subscriptions`: what this channel follows. */
export async function runSubscriptionsCommand(context: CommandContext, deps: SubscriptionCommandDeps): Promise<CommandReply> {
  return replyOrError('/subscriptions', deps, async () => {
    requireChannel(context.channel, '/subscriptions');
    const current = await deps.subscriptions.listByChannel(context.channel);
    if (current.length === 0) {
      return { type: 'success', title: 'No subscriptions', lines: [`This channel follows nothing yet. Try ${SUBSCRIBE_USAGE}`] };
    }
    return { type: 'success', title: `This channel follows ${plural(current.length, 'region')}`, lines: listLines(current) };
  });
}

/** "Kyiv Oblast (UA-32): strikes and talks, low and above" plus who, when and any pause. */
export function describeSubscription(subscription: Subscription): string {
  const kinds = subscription.kinds.map((k) => KIND_LABEL[k]).join(' and ');
  const severity = subscription.minSeverity === 'low' ? 'any severity' : `${subscription.minSeverity} and above`;
  const paused = subscription.paused ? ` [paused: ${subscription.paused.reason}]` : '';
  return `${subscription.regionName} (${subscription.region}): ${kinds}, ${severity}${paused}`;
}

/** Every outcome is a reply the platform can render; a store failure is logged, not shown in detail. */
export async function replyOrError(usage: string, deps: { logger?: Logger }, run: () => Promise<CommandReply>): Promise<CommandReply> {
  try {
    return await run();
  } catch (error) {
    if (!isWirewatchError(error, 'command_invalid'))
      deps.logger?.error({ err: error, code: (error as WirewatchError).code }, 'command failed');
    const detailUsage = isWirewatchError(error, 'command_invalid') ? error.detail?.usage : undefined;
    return formatErrorReply(
      error,
      isWirewatchError(error, 'command_invalid') ? { usage: typeof detailUsage === 'string' ? detailUsage : usage } : {},
    );
  }
}

function requireChannel(channel: ChannelAddress, usage: string): void {
  if (!channel.channel || channel.channel.trim() === '')
    throw new WirewatchError('command_invalid', 'a channel is required', { detail: { usage } });
}

function splitUnsubscribeText(text: string): { region: string; kind?: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1)?.toLowerCase();
  if (words.length > 1 && last !== undefined && last !== 'both' && kindsOfWord(last))
    return { region: words.slice(0, -1).join(' '), kind: last };
  return { region: words.join(' ') };
}

function listLines(subscriptions: readonly Subscription[]): string[] {
  return subscriptions.map(describeSubscription);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
