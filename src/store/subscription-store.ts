import type { Redis } from 'ioredis';
import type { ChannelAddress, Subscription, SubscriptionRepository } from '../domain/index.js';
import { countryOfRegion } from '../delivery/match-subscriptions.js';
import { defineLuaScript } from './lua-script.js';

/**
 * Subscriptions in Redis. They are user data: every write is one atomic script, nothing here
 * expires, and a subscription is only ever removed by an explicit unsubscribe.
 *
 * Layout (under the deployment prefix, one hash tag so the scripts work on Redis Cluster):
 * - `subs` hash: subscription id (`<channel key>|<region>`) → JSON subscription
 * - `subs:region:<code>` set of ids: fan-out of a strike reads the sets of its regions and their ancestors
 * - `subs:country:<CC>` set of ids: fan-out of talks reads the sets of the parties' countries
 * - `subs:channel:<channel key>` set of ids: listing and `unsubscribe all` for one channel
 */

/** `slack/T123/C456`: each part URI-encoded, so no `:` or `|` can appear inside it. */
export function toChannelKey(channel: ChannelAddress): string {
  return [channel.platform, channel.workspace, channel.channel].map(encodeURIComponent).join('/');
}

// KEYS: subs, subs:region:<code>, subs:country:<CC>, subs:channel:<key>; ARGV: id, json, channel key prefix of ids.
// Saving clears the pause of the channel's other subscriptions too: subscribing again is how a
// user says "the channel works now".
const SAVE = defineLuaScript(`
local previous = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[1])
local unpaused = 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  local json = redis.call('HGET', KEYS[1], id)
  if json and id ~= ARGV[1] then
    local sub = cjson.decode(json)
    if sub.paused then
      sub.paused = nil
      redis.call('HSET', KEYS[1], id, cjson.encode(sub))
      unpaused = unpaused + 1
    end
  end
end
return {previous or false, unpaused}
`);

// KEYS: subs, subs:channel:<key>; ARGV: prefix of index keys, ids to remove.
const REMOVE = defineLuaScript(`
local removed = {}
for i = 2, #ARGV do
  local id = ARGV[i]
  local json = redis.call('HGET', KEYS[1], id)
  if json then
    local sub = cjson.decode(json)
    redis.call('HDEL', KEYS[1], id)
    redis.call('SREM', KEYS[2], id)
    redis.call('SREM', ARGV[1] .. 'region:' .. sub.region, id)
    redis.call('SREM', ARGV[1] .. 'country:' .. string.upper(string.sub(sub.region, 1, 2)), id)
    table.insert(removed, json)
  end
end
return removed
`);

// KEYS: subs, then index sets to union. One round trip however many regions an incident has.
const FIND = defineLuaScript(`
if #KEYS < 2 then return {} end
local ids = redis.call('SUNION', unpack(KEYS, 2))
if #ids == 0 then return {} end
local out = {}
for i = 1, #ids, 500 do
  local rows = redis.call('HMGET', KEYS[1], unpack(ids, i, math.min(i + 499, #ids)))
  for _, json in ipairs(rows) do if json then table.insert(out, json) end end
end
return out
`);

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
      [id, JSON.stringify(stored)],
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

  async pauseChannel(channel: ChannelAddress, paused: NonNullable<Subscription['paused']>): Promise<number> {
    const subscriptions = await this.listByChannel(channel);
    const active = subscriptions.filter((s) => !s.paused);
    if (active.length === 0) return 0;
    // HSET only fields that still exist: an unsubscribe racing with the pause must win.
    const pipeline = this.redis.pipeline();
    for (const sub of active) {
      const id = this.idOf(sub.channel, sub.region);
      pipeline.eval(
        "if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end return 0",
        1,
        this.base,
        id,
        JSON.stringify({ ...sub, paused }),
      );
    }
    for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
    return active.length;
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
