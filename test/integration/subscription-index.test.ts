import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../jobs/config/load-config.js';
import { startApp } from '../../jobs/runtime/app.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { describeRecipientQuery, describeSubscriptionQuery, selectRecipients } from '../../src/delivery/match-subscriptions.js';
import { KINDS, SEVERITIES, type ChannelAddress, type Incident, type Kind, type Subscription } from '../../src/domain/index.js';
import { ancestorsOf } from '../../src/geo/index.js';
import { SubscriptionStore, toChannelKey } from '../../src/store/subscription-store.js';
import { BUCHA_REPORTS, sendStories, waitUntil } from '../support/delivery-fixtures.js';
import { RecordingSink } from '../support/recording-sink.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

// The recipient index fan-out reads (kinds, severity and pause filtered inside Redis) must name
// exactly the channels the reference rule picks from the subscriptions themselves, and a
// deployment whose subscriptions predate the index must get every one of them indexed.
const redis = createTestRedis();
const prefixes: string[] = [];
const fresh = (label: string) => {
  const prefix = uniquePrefix(label);
  prefixes.push(prefix);
  return prefix;
};
afterAll(async () => {
  for (const prefix of prefixes) await deletePrefix(redis, prefix);
  redis.disconnect();
});

const REGIONS = ['UA', 'UA-32', 'UA-32/bucha', 'UA-30', 'UA-63', 'UA-59', 'RU', 'RU-KRS', 'RU-BEL', 'PL'];

/** A small deterministic generator, so a failure names a case that can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function subscriptionOf(next: () => number, i: number): Subscription {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const kinds: Kind[] = pick([['strike'], ['negotiation'], [...KINDS]]);
  const channel: ChannelAddress = { platform: pick(['slack', 'discord'] as const), workspace: `W${i % 3}`, channel: `C${i % 12}` };
  const region = pick(REGIONS);
  return { channel, region, regionName: region, kinds, minSeverity: pick(SEVERITIES), createdBy: 'U1', createdAt: '2026-12-01T00:00:00Z' };
}

function incidentOf(next: () => number, i: number): Incident {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const kinds: Kind[] = pick([['strike'], ['negotiation'], [...KINDS]]);
  const struck = pick(['UA-32/bucha', 'UA-30', 'UA-63', 'RU-KRS', 'PL']);
  return {
    id: `idx-${i}`,
    kinds,
    regions: kinds.includes('strike') ? [{ code: struck, name: struck }] : [],
    headline: '',
    summary: '',
    facts: {
      weapons: [],
      casualties: {},
      targets: [],
      ...(kinds.includes('negotiation') ? { negotiation: { parties: pick([['UA', 'RU'], ['PL'], ['RU']]) } } : {}),
    },
    severity: pick(SEVERITIES),
    firstSeen: '',
    lastSeen: '',
    lastUpdated: '',
    sources: [],
    version: 1,
    history: [],
    clarity: 0,
    reports: [],
  } as unknown as Incident;
}

const sorted = (channels: readonly ChannelAddress[]) => channels.map(toChannelKey).sort();

async function expectIndexAgrees(store: SubscriptionStore, next: () => number, round: number): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const incident = incidentOf(next, round * 100 + i);
    const reference = selectRecipients(incident, await store.findMatching(describeSubscriptionQuery(incident, ancestorsOf)), ancestorsOf);
    const indexed = await store.findRecipients(describeRecipientQuery(incident, ancestorsOf));
    expect(sorted(indexed), `${incident.kinds.join('+')} ${incident.severity} ${JSON.stringify(incident.regions)}`).toEqual(
      sorted(reference),
    );
    expect(new Set(sorted(indexed)).size).toBe(indexed.length);
  }
}

describe('the recipient index', () => {
  it('names the same channels as the rule over the subscriptions, through saves, pauses, resumes and removals', async () => {
    const store = new SubscriptionStore(redis, fresh('subs-index'));
    const next = random(20261202);
    for (let i = 0; i < 80; i++) await store.save(subscriptionOf(next, i));
    await expectIndexAgrees(store, next, 0);
    // Pause some channels, drop some subscriptions, re-subscribe one paused channel (which resumes it).
    const all = await store.listAll();
    for (const sub of all.filter((_, i) => i % 5 === 0))
      await store.pauseChannel(sub.channel, { reason: 'gone', code: 'delivery_permanent', at: 'x' });
    for (const sub of all.filter((_, i) => i % 7 === 3)) await store.remove(sub.channel, sub.region);
    await store.remove(all[1]!.channel);
    const paused = (await store.listAll()).find((s) => s.paused);
    if (paused) await store.save({ ...paused, kinds: ['strike'], minSeverity: 'high' });
    expect((await store.listAll()).some((s) => s.paused)).toBe(true);
    await expectIndexAgrees(store, next, 1);
  });

  it('is built from the subscriptions of an older layout, losing none, once', async () => {
    const prefix = fresh('subs-layout1');
    const store = new SubscriptionStore(redis, prefix);
    const next = random(7);
    const subscriptions = Array.from({ length: 1200 }, (_, i) => subscriptionOf(next, i));
    // What the previous version wrote: the JSON hash and the id sets, no recipient index.
    const byId = new Map(subscriptions.map((s) => [`${toChannelKey(s.channel)}|${s.region}`, s]));
    const old = redis.multi();
    for (const [id, sub] of byId) {
      old.hset(`${prefix}:subs`, id, JSON.stringify(sub));
      old.sadd(`${prefix}:subs:region:${sub.region}`, id);
      old.sadd(`${prefix}:subs:country:${sub.region.slice(0, 2)}`, id);
      old.sadd(`${prefix}:subs:channel:${toChannelKey(sub.channel)}`, id);
    }
    await old.exec();
    const before = await store.listAll();
    expect(before).toHaveLength(byId.size);
    const bucha = {
      ...incidentOf(() => 0, 0),
      kinds: ['strike'],
      regions: [{ code: 'UA-32/bucha', name: 'Bucha' }],
      severity: 'critical',
    } as Incident;
    expect(await store.findRecipients(describeRecipientQuery(bucha, ancestorsOf))).toEqual([]);

    expect(await store.prepareIndex()).toBe(byId.size);
    expect(await store.listAll()).toEqual(before);
    await expectIndexAgrees(store, next, 2);
    expect((await store.findRecipients(describeRecipientQuery(bucha, ancestorsOf))).length).toBeGreaterThan(0);
    // Once done it is not redone, and the subscriptions written since are indexed by their save.
    expect(await store.prepareIndex()).toBe(0);
  });

  it('a deliver worker started on an older layout alerts its subscribers', async () => {
    const prefix = fresh('subs-layout1-app');
    const channel: ChannelAddress = { platform: 'slack', workspace: 'T1', channel: 'C-old' };
    const id = `${toChannelKey(channel)}|UA-32`;
    const old: Subscription = {
      channel,
      region: 'UA-32',
      regionName: 'Kyiv Oblast',
      kinds: [...KINDS],
      minSeverity: 'low',
      createdBy: 'U1',
      createdAt: '2026-11-01T00:00:00Z',
    };
    await redis
      .multi()
      .hset(`${prefix}:subs`, id, JSON.stringify(old))
      .sadd(`${prefix}:subs:region:UA-32`, id)
      .sadd(`${prefix}:subs:country:UA`, id)
      .sadd(`${prefix}:subs:channel:${toChannelKey(channel)}`, id)
      .exec();
    const slack = new RecordingSink(redis, `${prefix}:test-platform`);
    const config = await loadConfig({ REDIS_URL: TEST_REDIS_URL, WIREWATCH_REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
    const app = await startApp({
      config,
      logger: silentLogger,
      queues: ['story', 'deliver'],
      withSchedulers: false,
      sinks: { slack, console: new RecordingSink(redis, `${prefix}:console`) },
    });
    try {
      await sendStories({ redisUrl: TEST_REDIS_URL, prefix }, [BUCHA_REPORTS[0]!]);
      await waitUntil(async () => (await slack.posts('C-old')).length === 1);
    } finally {
      await app.close();
    }
  }, 60_000);
});
