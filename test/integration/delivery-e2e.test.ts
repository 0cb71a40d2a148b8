import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../jobs/config/load-config.js';
import { startApp, type App } from '../../jobs/runtime/app.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { runSubscribeCommand, runUnsubscribeCommand } from '../../src/commands/subscription-commands.js';
import type { Config } from '../../src/config/index.js';
import type { ChannelAddress } from '../../src/domain/index.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { BUCHA_REPORTS, CEASEFIRE_REPORT, sendStories, waitUntil } from '../support/delivery-fixtures.js';
import { platformError, RecordingSink } from '../support/recording-sink.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

// The whole delivery side in the real runtime: story worker → incident-changes stream → fan-out
// → deliver queue → a recording sink, with real Redis and BullMQ, across a restart.
const prefix = uniquePrefix('deliver-e2e');
const redis = createTestRedis();
const slack = new RecordingSink(redis, `${prefix}:test-platform`);
const consoleSink = new RecordingSink(redis, `${prefix}:test-console`);
const subscriptions = new SubscriptionStore(redis, prefix);
const channel = (id: string): ChannelAddress => ({ platform: 'slack', workspace: 'T1', channel: id });
const subscribe = (id: string, text: string) =>
  runSubscribeCommand(text, { channel: channel(id), user: 'U1' }, { subscriptions, clock: Date.now });
let config: Config;
let app: App | undefined;

const start = async () => {
  app = await startApp({
    config,
    logger: silentLogger,
    queues: ['story', 'deliver'],
    withSchedulers: false,
    sinks: { slack, console: consoleSink },
  });
};

beforeAll(async () => {
  config = await loadConfig({ REDIS_URL: TEST_REDIS_URL, WIREWATCH_REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
  for (const [id, text] of [
    ['C-kyiv', 'Kyiv Oblast'],
    ['C-ukraine', 'UA'],
    ['C-kharkiv', 'Kharkiv Oblast'],
    ['C-sumy', 'Sumy Oblast'],
    ['C-sumy-strikes', 'Sumy Oblast strikes'],
    ['C-critical', 'Ukraine critical'],
    ['C-leaver', 'UA-32'],
    ['C-gone', 'UA-32'],
    ['C-bucha', 'Bucha strikes'],
    ['C-irpin', 'Irpin strikes'],
  ] as const)
    expect(await subscribe(id, text)).toMatchObject({ type: 'success' });
  slack.failWith.set('C-gone', platformError('channel_not_found'));
  await start();
});

afterAll(async () => {
  await app?.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

describe('fan-out and delivery, end to end', () => {
  it('posts the first report to each matching channel, and talks to the parties’ subscribers', async () => {
    await sendStories({ redisUrl: TEST_REDIS_URL, prefix }, [BUCHA_REPORTS[0]!, CEASEFIRE_REPORT]);
    await waitUntil(async () => (await slack.posts()).length === 9);
    const kindsIn = async (id: string) => (await slack.posts(id)).map((p) => p.message.kinds.join('+')).sort();
    // A Bucha strike reaches UA-32 and UA subscriptions, not Kharkiv; Ukraine–Russia talks reach
    // every subscription in Ukraine that wants talks, Sumy included, unless it chose strikes only.
    expect(await kindsIn('C-kyiv')).toEqual(['negotiation', 'strike']);
    expect(await kindsIn('C-leaver')).toEqual(['negotiation', 'strike']);
    expect(await kindsIn('C-ukraine')).toEqual(['negotiation', 'strike']);
    expect(await kindsIn('C-sumy')).toEqual(['negotiation']);
    expect(await kindsIn('C-kharkiv')).toEqual(['negotiation']);
    expect(await kindsIn('C-sumy-strikes')).toEqual([]);
    // A city subscription hears of a strike on that city, not of one on another town of its oblast.
    expect(await kindsIn('C-bucha')).toEqual(['strike']);
    expect(await kindsIn('C-irpin')).toEqual([]);
    // Severity floor: a 'high' strike and 'medium' talks do not reach a critical-only channel.
    expect(await kindsIn('C-critical')).toEqual([]);
    const strike = (await slack.posts('C-kyiv')).find((p) => p.message.kinds.includes('strike'));
    expect(strike?.message).toMatchObject({ version: 1, regionCodes: ['UA-32'], sourceCount: 1, changes: [] });
    // Subscriptions exist, so the console does not get the catch-all view.
    expect(await consoleSink.posts()).toEqual([]);
  });

  it('pauses a channel the platform refuses, tells the operator once, and stops sending it jobs', async () => {
    await waitUntil(async () => (await subscriptions.listByChannel(channel('C-gone'))).every((s) => s.paused !== undefined));
    expect((await subscriptions.listByChannel(channel('C-gone')))[0]?.paused).toMatchObject({ reason: 'channel_not_found' });
    await waitUntil(async () => (await consoleSink.events()).some((e) => e.op === 'notify'));
    const notices = (await consoleSink.events()).filter((e) => e.op === 'notify');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.op === 'notify' && notices[0].notice.text).toContain('channel_not_found');
  });

  it('after a restart, keeps subscriptions and edits the same message as more outlets report; unsubscribed channels hear nothing more', async () => {
    await app?.close();
    expect(
      await runUnsubscribeCommand('UA-32', { channel: channel('C-leaver'), user: 'U1' }, { subscriptions, clock: Date.now }),
    ).toMatchObject({
      type: 'success',
    });
    await start();
    expect((await subscriptions.listAll()).length).toBe(9);
    const strikeIn = async (id: string) => (await slack.posts(id)).find((p) => p.message.kinds.includes('strike'));
    const shownEverywhere = (sources: number) => async () => {
      const edits = await Promise.all(
        ['C-kyiv', 'C-ukraine', 'C-bucha'].map(async (id) => (await slack.edits((await strikeIn(id))?.ref.messageId)).at(-1)),
      );
      return edits.every((edit) => edit?.message.sourceCount === sources);
    };
    // One report at a time, as outlets publish them.
    await sendStories({ redisUrl: TEST_REDIS_URL, prefix }, [BUCHA_REPORTS[1]!]);
    await waitUntil(shownEverywhere(2));
    await sendStories({ redisUrl: TEST_REDIS_URL, prefix }, [BUCHA_REPORTS[2]!]);
    await waitUntil(shownEverywhere(3));
    // Still one message per channel: the same post, edited in place.
    expect((await slack.posts()).length).toBe(9);
    const shown = (await slack.edits((await strikeIn('C-kyiv'))?.ref.messageId)).at(-1);
    expect(shown?.message.version).toBe(3);
    expect(shown?.message.facts.map((f) => `${f.label}: ${f.value}`).join(' ')).toMatch(/4/);
    expect(shown?.message.changes.length).toBeGreaterThan(0);
    // Unsubscribed before the second report: its message is never touched again.
    expect(await slack.edits((await strikeIn('C-leaver'))?.ref.messageId)).toEqual([]);
    expect(await slack.posts('C-gone')).toEqual([]);
  });
});
