import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryRest, createDiscordSink } from '../../adapters/discord/discord-sink.js';
import { createSlackRuntime } from '../../adapters/slack/slack-runtime.js';
import { loadConfig } from '../../jobs/config/load-config.js';
import { startApp, type App } from '../../jobs/runtime/app.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { runSubscribeCommand } from '../../src/commands/subscription-commands.js';
import type { ChannelAddress } from '../../src/domain/index.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { sendStories, waitUntil } from '../support/delivery-fixtures.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { FakeSlack } from '../support/fake-slack.js';
import { cityIn, cityOf, cityStrikes } from '../support/fault-stories.js';
import { RecordingSink } from '../support/recording-sink.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

// Fault row: the platforms answer 429 with Retry-After for a while, then 500s, then recover.
// Real @slack/web-api and @discordjs/rest clients against the fakes, the real deliver worker.
const prefix = uniquePrefix('fault-platform');
const redis = createTestRedis();
const slack = new FakeSlack();
const discord = new FakeDiscord();
const stories = cityStrikes(4, 'outage');
const BUSY = { slack: 'C0BUSY', discord: '700000000000000101' };
const CALM = { slack: 'C0CALM', discord: '700000000000000102' };
let app: App | undefined;
let stopSlack: (() => Promise<void>) | undefined;

const address = (platform: 'slack' | 'discord', channel: string): ChannelAddress => ({
  platform,
  workspace: platform === 'slack' ? 'T0ACME' : '900000000000000001',
  channel,
});

/** City of each message the platform accepted in this channel, in the order it accepted them. */
const slackCities = (channel: string) =>
  [...slack.messages.entries()].filter(([key]) => key.startsWith(`${channel}/`)).map(([, args]) => cityIn(String(args.text)));
const discordCities = (channel: string) =>
  [...discord.messages.values()].filter((m) => m.channelId === channel).map((m) => cityIn(JSON.stringify(m.body)));

beforeAll(async () => {
  await slack.start();
  await discord.start();
  const subscriptions = new SubscriptionStore(redis, prefix);
  for (const [platform, channel] of [
    ['slack', BUSY.slack],
    ['slack', CALM.slack],
    ['discord', BUSY.discord],
    ['discord', CALM.discord],
  ] as const) {
    const reply = await runSubscribeCommand('UA', { channel: address(platform, channel), user: 'U1' }, { subscriptions, clock: Date.now });
    expect(reply).toMatchObject({ type: 'success' });
  }
  const slackRuntime = createSlackRuntime({ botToken: slack.botToken, apiUrl: slack.apiUrl }, { logger: silentLogger, retries: 0 });
  stopSlack = () => slackRuntime.stop();
  const discordSink = createDiscordSink({
    rest: createDeliveryRest({ token: discord.token, apiUrl: discord.apiUrl }),
    logger: silentLogger,
  });
  const config = await loadConfig({ REDIS_URL: TEST_REDIS_URL, WIREWATCH_REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
  // The busy channels: two rate limits (1 s each), then server errors, then normal service.
  for (let i = 0; i < 2; i++) slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 }, BUSY.slack);
  for (let i = 0; i < 2; i++) slack.failNext('chat.postMessage', { status: 500 }, BUSY.slack);
  const limited = {
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: 1, global: false },
    headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '1' },
  };
  const broken = { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
  discord.script(`POST /channels/${BUSY.discord}/messages`, limited, limited, broken, broken, broken, broken);
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
  await stopSlack?.();
  await slack.stop();
  await discord.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

describe('fault: platforms rate-limit, then fail, then recover', () => {
  it('delivers every alert exactly once, in order per channel, without holding up calm channels', async () => {
    // One story at a time, each committed before the next, so the order of alerts is defined.
    for (const [i, story] of stories.entries()) {
      await sendStories({ redisUrl: TEST_REDIS_URL, prefix }, [story]);
      await waitUntil(async () => Number(await redis.xlen(`${prefix}:incident-changes`)) >= i + 1);
    }
    const expected = stories.map(cityOf);
    await waitUntil(async () => slackCities(CALM.slack).length === 4 && discordCities(CALM.discord).length === 4, 20_000);
    // The calm channels were served while the busy ones were still failing.
    const busyDone = () => slackCities(BUSY.slack).length === 4 && discordCities(BUSY.discord).length === 4;
    expect(busyDone()).toBe(false);
    await waitUntil(async () => busyDone(), 60_000);
    for (const channel of [BUSY.slack, CALM.slack]) expect(slackCities(channel), channel).toEqual(expected);
    for (const channel of [BUSY.discord, CALM.discord]) expect(discordCities(channel), channel).toEqual(expected);
    // The failures did happen: the busy channels were refused before they were served.
    expect(slack.callsOf('chat.postMessage').filter((c) => c.args.channel === BUSY.slack).length).toBeGreaterThanOrEqual(8);
    expect(discord.requestsTo('POST', new RegExp(`^/channels/${BUSY.discord}/messages$`)).length).toBeGreaterThanOrEqual(10);
    // Nothing more arrives later (no late duplicate from a retried job).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(slackCities(BUSY.slack)).toHaveLength(4);
    expect(discordCities(BUSY.discord)).toHaveLength(4);
  }, 90_000);
});
