import type { Kind, Severity } from './analysis.js';

/**
 * Contracts shared by delivery (jobs/), the formatting core (src/format) and the platform
 * adapters (adapters/slack, adapters/discord, adapters/console). Defined once here so the three
 * can be built side by side.
 */
export type Platform = 'slack' | 'discord';
export const PLATFORMS: readonly Platform[] = ['slack', 'discord'];

/** A chat channel: Slack team + channel id, or Discord guild + channel id. */
export interface ChannelAddress {
  platform: Platform;
  /** Slack team id or Discord guild id; '' when unknown (CLI without --workspace). */
  workspace: string;
  channel: string;
}

/** A channel follows one region for some kinds at or above a severity. User data. */
export interface Subscription {
  channel: ChannelAddress;
  /** Country (UA), first-level region (UA-32, RU-KDA) or a town key from the gazetteer. */
  region: string;
  regionName: string;
  kinds: Kind[];
  minSeverity: Severity;
  createdBy: string;
  /** ISO 8601. */
  createdAt: string;
  /** Set when a permanent platform error stopped delivery; cleared by subscribing again. */
  paused?: { reason: string; code: string; at: string };
}

/** What a sink returns for a posted message, kept per incident + channel to edit it later. */
export interface MessageRef {
  platform: Platform | 'console';
  channel: string;
  /** Slack `ts`, Discord message id, a console counter. */
  messageId: string;
}

/**
 * One alert, platform-neutral. Every string is plain text taken from feeds or built by the
 * core: renderers must escape it for their markup and never let it mention anyone.
 */
export interface AlertMessage {
  incidentId: string;
  version: number;
  kinds: Kind[];
  severity: Severity;
  headline: string;
  /** Region names, finest place first ("Bucha, Kyiv Oblast, Ukraine"). */
  where: string;
  regionCodes: string[];
  /** Key facts in display order: `{label:'Weapons', value:'25 drones (18 shot down)'}`. */
  facts: AlertFact[];
  summary: string;
  sourceCount: number;
  /** The first few sources, with links. */
  sources: AlertSource[];
  /** ISO 8601. */
  firstSeen: string;
  updated: string;
  /** What this version changed, as short phrases ("death toll 11 → 18", "4 more sources"); empty for the first post. */
  changes: string[];
  /** Evidence behind the labels, shown on request. */
  evidence: string[];
  /** Set when this incident was merged into another: the message says so and points there. */
  mergedInto?: string;
}

export interface AlertFact {
  label: string;
  value: string;
}

export interface AlertSource {
  outlet: string;
  title: string;
  link: string;
}

/** An operator notice (feed failing/recovered, subscription paused) for the admin channel. */
export interface OperatorNotice {
  kind: string;
  text: string;
  /** ISO 8601. */
  at: string;
}

/**
 * Where alerts go. Adapters implement it; failures are `WirewatchError`s with codes
 * `delivery_rate_limited` (detail.retryAfterMs; detail.scope `'channel'` when only that channel
 * must wait, `'global'` when the whole platform refuses every call), `delivery_permanent` (detail.reason: the
 * platform's error, e.g. channel_not_found) or `delivery_failed` (transient, retried).
 */
export interface Sink {
  readonly name: Platform | 'console';
  post(channel: ChannelAddress, message: AlertMessage): Promise<MessageRef>;
  edit(ref: MessageRef, message: AlertMessage): Promise<void>;
  notify(notice: OperatorNotice): Promise<void>;
  /**
   * Optional: the message this bot already posted for `incidentId` in the channel (searching
   * recent history for the incident id the renderer embeds). Delivery calls it only after a
   * crash left a post unconfirmed, so a platform that can answer never gets a duplicate.
   */
  findMessage?(channel: ChannelAddress, incidentId: string): Promise<MessageRef | undefined>;
}
