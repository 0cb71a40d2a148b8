import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryRest, createDiscordSink } from '../../adapters/discord/discord-sink.js';
import { createSlackRuntime } from '../../adapters/slack/slack-runtime.js';
import { loadConfig } from '../../jobs/config/load-config.js';
import { createQueue, type DeliverJobData } from '../../jobs/queues.js';
import { startApp, type App } from '../../jobs/runtime/app.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { GLOBAL_PAUSE_LIMITER } from '../../jobs/workers/deliver-worker.js';
import { runSubscribeCommand } from '../../src/commands/subscription-commands.js';
import type { ChannelAddress, Platform } from '../../src/domain/index.js';
import { SubscriptionStore, toChannelKey } from '../../src/store/subscription-store.js';
import { BUCHA_REPORTS, sendStories, waitUntil } from '../support/delivery-fixtures.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { FakeSlack } from '../support/fake-slack.js';
import { cityStrikes } from '../support/fault-stories.js';
import { RecordingSink } from '../support/recording-sink.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

// A platform's 429 at the right depth: a per-channel Retry-After holds back that channel only
// (its job and its later jobs), a platform-global one pauses the whole deliver queue. The real
// @slack/web-api and @discordjs/rest clients against the fakes, the real worker and BullMQ.
const prefix = uniquePrefix('deliver-429');
const redis = createTestRedis();
const slack = new FakeSlack();
const discord = new FakeDiscord();
const HELD = 'C0HELD';
const FREE = 'C0FREE';
const GLOBAL = { limited: '700000000000000201', other: '700000000000000202', slack: 'C0GLOBAL' };
const [kharkiv, odesa] = cityStrikes(2, 'global429');
let app: App | undefined;
let deliverQueue: Queue<DeliverJobData> | undefined;
let stopSlack: (() => Promise<void>) | undefined;

const address = (platform: Platform, channel: string): ChannelAddress => ({
  platform,
  workspace: platform === 'slack' ? 'T0ACME' : '900000000000000001',
  channel,
});
const slotOf = (channel: string) => redis.get(`${prefix}:deliver:slot:${toChannelKey(address('slack', channel))}`);
const slackCallsTo = (channel: string) => slack.calls.filter((c) => c.args.channel === channel);
const queuePausedMs = () => deliverQueue!.getRateLimitTtl(GLOBAL_PAUSE_LIMITER.max);

/** Samples `read` every 20 ms until stopped: what was true while the test waited. */
function sample<T>(read: () => Promise<T>): { stop(): Promise<T[]> } {
  const seen: T[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      seen.push(await read());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return seen;
    },
  };
}

/** No deliver job left to run: everything was delivered, skipped or failed. */
async function deliverQueueIdle(): Promise<boolean> {
  const counts = await deliverQueue!.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  return Object.values(counts).every((n) => n === 0);
}

beforeAll(async () => {
  await slack.start();
  await discord.start();
  const subscriptions = new SubscriptionStore(redis, prefix);
  const subscribe = async (platform: Platform, channel: string, text: string) =>
    expect(
      await runSubscribeCommand(text, { channel: address(platform, channel), user: 'U1' }, { subscriptions, clock: Date.now }),
    ).toMatchObject({ type: 'success' });
  await subscribe('slack', HELD, 'Kyiv Oblast');
  await subscribe('slack', FREE, 'Kyiv Oblast');
  for (const [platform, channel] of [
    ['discord', GLOBAL.limited],
    ['discord', GLOBAL.other],
    ['slack', GLOBAL.slack],
  ] as const) {
    await subscribe(platform, channel, 'Kharkiv Oblast');
    await subscribe(platform, channel, 'Odesa Oblast');
  }
  const slackRuntime = createSlackRuntime({ botToken: slack.botToken, apiUrl: slack.apiUrl }, { logger: silentLogger, retries: 0 });
  stopSlack = () => slackRuntime.stop();
  const discordSink = createDiscordSink({
    rest: createDeliveryRest({ token: discord.token, apiUrl: discord.apiUrl }),
    logger: silentLogger,
  });
  const config = await loadConfig({ REDIS_URL: TEST_REDIS_URL, WIREWATCH_REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
  deliverQueue = createQueue<DeliverJobData>('deliver', { redisUrl: TEST_REDIS_URL, prefix });
  app = await startApp({
    config,
    logger: silentLogger,
    queues: ['story', 'deliver'],
    withSchedulers: false,
    sinks: { slack: slackRuntime.sink, discord: discordSink, console: new RecordingSink(redis, `${prefix}:console`) },
  });
}, 30_000);

afterAll(async () => {
  await app?.close();
  await deliverQueue?.close();
  await stopSlack?.();
  await slack.stop();
  await discord.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

describe('a platform rate limit holds back what it names, no more', () => {
  it("a channel's Retry-After delays that channel's jobs, not the queue, and it gets the alert once", async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 4 }, HELD);
    // Count first, then the slot: a call counted while the slot still says 'held' came during the hold.
    const watch = sample(async () => ({ heldCalls: slackCallsTo(HELD).length, slot: await slotOf(HELD), paused: await queuePausedMs() }));
    await sendStories({ redisUrl: TEST_REDIS_URL, prefix }, [BUCHA_REPORTS[0]!]);
    await slack.waitFor(() => slack.callsOf('chat.postMessage').some((c) => c.args.channel === FREE), 'the free channel posted', 20_000);
    // A second version of the incident while the held channel still waits.
    await sendStories({ redisUrl: TEST_REDIS_URL, prefix }, [BUCHA_REPORTS[1]!]);
    await slack.waitFor(() => slack.callsOf('chat.update').some((c) => c.args.channel === FREE), 'the free channel edited', 20_000);
    expect(await slotOf(HELD)).toBe('held');
    expect(slackCallsTo(HELD)).toHaveLength(1);

    await slack.waitFor(() => slackCallsTo(HELD).length >= 2, 'the held channel delivered', 30_000);
    await waitUntil(deliverQueueIdle, 30_000);
    const samples = await watch.stop();

    // The free channel got v1 then v2 before the held one got anything: it never waited.
    const calls = slack.calls
      .filter((c) => c.args.channel === HELD || c.args.channel === FREE)
      .map((c) => `${c.method} ${String(c.args.channel)}`);
    expect(calls.slice(0, 2).sort()).toEqual([`chat.postMessage ${FREE}`, `chat.postMessage ${HELD}`]);
    expect(calls.slice(2)).toEqual([`chat.update ${FREE}`, `chat.postMessage ${HELD}`]);
    // Nothing reached the held channel while its slot was held, and the queue itself never paused.
    expect(samples.some((s) => s.slot === 'held')).toBe(true);
    expect(samples.filter((s) => s.slot === 'held' && s.heldCalls > 1)).toEqual([]);
    expect(samples.filter((s) => s.paused > 0)).toEqual([]);
    // After the wait the held channel shows the incident once, already at its latest version.
    const held = [...slack.messages.entries()].filter(([key]) => key.startsWith(`${HELD}/`));
    const free = [...slack.messages.entries()].filter(([key]) => key.startsWith(`${FREE}/`));
    expect(held).toHaveLength(1);
    expect(free).toHaveLength(1);
    expect(held[0]![1].blocks).toEqual(free[0]![1].blocks);
  }, 90_000);

  it('a platform-global 429 pauses the whole deliver queue, then everything is delivered once', async () => {
    const globalLimit = {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 3, global: true },
      headers: { 'retry-after': '3', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
    };
    discord.script(`POST /channels/${GLOBAL.limited}/messages`, globalLimit);
    await sendStories({ redisUrl: TEST_REDIS_URL, prefix }, [kharkiv!]);
    await waitUntil(async () => (await queuePausedMs()) > 0, 20_000);

    // A new incident while paused: none of its alerts may reach either platform until the pause ends.
    const odesaRequests = () =>
      slack.calls.filter((c) => JSON.stringify(c.args).includes('Odesa')).length +
      discord.requests.filter((r) => JSON.stringify(r.body ?? '').includes('Odesa')).length;
    const watch = sample(async () => ({ odesa: odesaRequests(), paused: await queuePausedMs() }));
    await sendStories({ redisUrl: TEST_REDIS_URL, prefix }, [odesa!]);
    await waitUntil(async () => odesaRequests() >= 3, 30_000);
    await waitUntil(deliverQueueIdle, 30_000);
    const samples = await watch.stop();

    expect(samples.some((s) => s.paused > 0)).toBe(true);
    expect(samples.filter((s) => s.paused > 0 && s.odesa > 0)).toEqual([]);
    // Each channel shows each incident exactly once.
    const discordPosts = (channel: string) => [...discord.messages.values()].filter((m) => m.channelId === channel).length;
    expect(discordPosts(GLOBAL.limited)).toBe(2);
    expect(discordPosts(GLOBAL.other)).toBe(2);
    expect([...slack.messages.keys()].filter((key) => key.startsWith(`${GLOBAL.slack}/`))).toHaveLength(2);
  }, 90_000);
});
