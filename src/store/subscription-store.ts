import type { Redis } from 'ioredis';
import { SEVERITIES, type ChannelAddress, type RecipientQuery, type Subscription, type SubscriptionRepository } from '../domain/index.js';
import { countryOfRegion } from '../delivery/match-subscriptions.js';
import { FIND, PAUSE, RECIPIENTS, REINDEX, REMOVE, SAVE } from './subscription-scripts.js';

/**
 * Subscriptions in Redis. They are user data: every write is one atomic script, nothing here
 * expires, and a subscription is only ever removed by an explicit unsubscribe.
 *
 * Layout (under the deployment prefix, one hash tag so the scripts work on Redis Cluster):
 * - `subs` hash: subscription id (`<channel key>|<region>`) → JSON subscription; the source of truth
 * - `subs:region:<code>`, `subs:country:<CC>` sets of ids: every subscription to a region / in a country
 * - `subs:channel:<channel key>` set of ids: listing, pausing and `unsubscribe all` for one channel
 * - `subs:recipients:strike:<code>`, `subs:recipients:talks:<CC>` sorted sets: the recipient index
 *   fan-out reads (active subscriptions only, scored by minimum severity; subscription-scripts.ts)
 * - `subs:layout` string: `2` once the recipient index covers every subscription. Deployments
 *   from before it have none; `prepareIndex` builds it from `subs` at the deliver worker's start.
 */

/** `slack/T123/C456`: each part URI-encoded, so no `:` or `|` can appear inside it. */
export function toChannelKey(channel: ChannelAddress): string {
  return [channel.platform, channel.workspace, channel.channel].map(encodeURIComponent).join('/');
}

const LAYOUT = '2';
const REINDEX_BATCH = 500;

/** The inverse of `toChannelKey`; undefined for a key that is not a channel's. */
export function parseChannelKey(key: string): ChannelAddress | undefined {
  const [platform, workspace, channel, ...rest] = key.split('/').map(decodeURIComponent);
  if ((platform !== 'slack' && platform !== 'discord') || workspace === undefined || !channel || rest.length > 0) return undefined;
  return { platform, workspace, channel };
}

export class SubscriptionStore implements SubscriptionRepository {
  private readonly base: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.base = `${prefix}:subs`;
  }

  async save(subscription: Subscription): Promise<{ created: boolean; previous?: Subscription; unpaused: number }> {
    const id = this.idOf(subscription.channel, subscription.region);
    const { paused: _cleared, ...stored } = subscription;
    const [previous, unpaused] = (await SAVE.run(
      this.redis,
      [
        this.base,
        this.regionKey(subscription.region),
        this.countryKey(countryOfRegion(subscription.region)),
        this.channelKey(subscription.channel),
      ],
      [id, JSON.stringify(stored), `${this.base}:`],
    )) as [string | null, number];
    const before = previous ? (JSON.parse(previous) as Subscription) : undefined;
    return before ? { created: false, previous: before, unpaused: unpaused + (before.paused ? 1 : 0) } : { created: true, unpaused };
  }

  async remove(channel: ChannelAddress, region?: string): Promise<Subscription[]> {
    const ids = region === undefined ? await this.redis.smembers(this.channelKey(channel)) : [this.idOf(channel, region)];
    if (ids.length === 0) return [];
    const removed = (await REMOVE.run(this.redis, [this.base, this.channelKey(channel)], [`${this.base}:`, ...ids])) as string[];
    return removed.map((json) => JSON.parse(json) as Subscription).sort(byRegion);
  }

  async listByChannel(channel: ChannelAddress): Promise<Subscription[]> {
    const ids = await this.redis.smembers(this.channelKey(channel));
    return (await this.load(ids)).sort(byRegion);
  }

  async listAll(): Promise<Subscription[]> {
    const all = await this.redis.hvals(this.base);
    return all
      .map((json) => JSON.parse(json) as Subscription)
      .sort((a, b) => toChannelKey(a.channel).localeCompare(toChannelKey(b.channel)) || byRegion(a, b));
  }

  count(): Promise<number> {
    return this.redis.hlen(this.base);
  }

  async findMatching(query: { regionCodes: readonly string[]; countries: readonly string[] }): Promise<Subscription[]> {
    const keys = [...new Set([...query.regionCodes.map((c) => this.regionKey(c)), ...query.countries.map((c) => this.countryKey(c))])];
    if (keys.length === 0) return [];
    const rows = (await FIND.run(this.redis, [this.base, ...keys], [])) as string[];
    return rows.map((json) => JSON.parse(json) as Subscription);
  }

  async findRecipients(query: RecipientQuery): Promise<ChannelAddress[]> {
    const regions = [...new Set(query.regionCodes)].map((c) => `${this.base}:recipients:strike:${c}`);
    const countries = [...new Set(query.countries)].map((c) => `${this.base}:recipients:talks:${c}`);
    const rank = SEVERITIES.indexOf(query.severity);
    if (regions.length + countries.length === 0 || rank < 0) return [];
    const joined = (await RECIPIENTS.run(this.redis, [...regions, ...countries], [regions.length, rank])) as string;
    return joined === '' ? [] : joined.split('\n').flatMap((key) => parseChannelKey(key) ?? []);
  }

  async pauseChannel(channel: ChannelAddress, paused: NonNullable<Subscription['paused']>): Promise<number> {
    return (await PAUSE.run(this.redis, [this.base, this.channelKey(channel)], [`${this.base}:`, JSON.stringify(paused)])) as number;
  }

  /**
   * Brings an older layout's index up to date from `subs` (the source of truth), once per
   * deployment; safe to run from several processes at once and to re-run after a crash, since
   * the layout mark is written only when every subscription is indexed. Returns how many
   * subscriptions were indexed (0 when the layout was current).
   */
  async prepareIndex(): Promise<number> {
    if ((await this.redis.get(`${this.base}:layout`)) === LAYOUT) return 0;
    let indexed = 0;
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(this.base, cursor, 'COUNT', REINDEX_BATCH);
      cursor = next;
      const ids = flat.filter((_, i) => i % 2 === 0);
      if (ids.length > 0) indexed += (await REINDEX.run(this.redis, [this.base], [`${this.base}:`, ...ids])) as number;
    } while (cursor !== '0');
    await this.redis.set(`${this.base}:layout`, LAYOUT);
    return indexed;
  }

  private async load(ids: readonly string[]): Promise<Subscription[]> {
    if (ids.length === 0) return [];
    const rows = await this.redis.hmget(this.base, ...ids);
    return rows.flatMap((json) => (json ? [JSON.parse(json) as Subscription] : []));
  }

  private idOf(channel: ChannelAddress, region: string): string {
    return `${toChannelKey(channel)}|${region}`;
  }
  private regionKey(code: string): string {
    return `${this.base}:region:${code}`;
  }
  private countryKey(country: string): string {
    return `${this.base}:country:${country}`;
  }
  private channelKey(channel: ChannelAddress): string {
    return `${this.base}:channel:${toChannelKey(channel)}`;
  }
}

function byRegion(a: Subscription, b: Subscription): number {
  return a.region.localeCompare(b.region);
}
