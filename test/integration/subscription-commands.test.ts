import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  runSubscribeCommand,
  runSubscriptionsCommand,
  runUnsubscribeCommand,
  type CommandContext,
} from '../../src/commands/subscription-commands.js';
import type { ChannelAddress } from '../../src/domain/index.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const ops: ChannelAddress = { platform: 'slack', workspace: 'T1', channel: 'C-ops' };
const news: ChannelAddress = { platform: 'discord', workspace: 'G1', channel: '123' };
const at = (channel: ChannelAddress): CommandContext => ({ channel, user: 'U1' });

let redis: Redis;
let prefix: string;
let store: SubscriptionStore;
let deps: { subscriptions: SubscriptionStore; clock: () => number };

beforeAll(() => {
  redis = createTestRedis();
});
afterAll(() => redis.quit());
beforeEach(() => {
  prefix = uniquePrefix('subs');
  store = new SubscriptionStore(redis, prefix);
  deps = { subscriptions: store, clock: () => NOW };
});
afterEach(() => deletePrefix(redis, prefix));

describe('subscribe', () => {
  it('resolves the region, defaults to both kinds and any severity, and records who and when', async () => {
    const reply = await runSubscribeCommand('kyiv oblast', at(ops), deps);
    expect(reply).toMatchObject({ type: 'success', title: 'Subscribed to Kyiv Oblast' });
    expect(await store.listByChannel(ops)).toEqual([
      {
        channel: ops,
        region: 'UA-32',
        regionName: 'Kyiv Oblast',
        kinds: ['strike', 'negotiation'],
        minSeverity: 'low',
        createdBy: 'U1',
        createdAt: '2026-03-01T10:00:00.000Z',
      },
    ]);
  });

  it('reads kind and severity words in any order, and the same region again replaces it', async () => {
    await runSubscribeCommand('UA-63', at(ops), deps);
    const reply = await runSubscribeCommand('high+ Kharkiv Oblast strikes', at(ops), deps);
    expect(reply).toMatchObject({ type: 'success', title: 'Subscription to Kharkiv Oblast updated' });
    const [only, ...rest] = await store.listByChannel(ops);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ region: 'UA-63', kinds: ['strike'], minSeverity: 'high' });
  });

  it('keeps channels apart', async () => {
    await runSubscribeCommand('Sumy Oblast', at(ops), deps);
    await runSubscribeCommand('UA', at(news), deps);
    expect((await store.listByChannel(ops)).map((s) => s.region)).toEqual(['UA-59']);
    expect((await store.listByChannel(news)).map((s) => s.region)).toEqual(['UA']);
    expect(await store.count()).toBe(2);
  });

  it.each([
    ['Atlantis', 'unknown region'],
    ['Kyiv Oblast bombings', "'bombings' is not a kind"],
    ['Kyiv Oblast kind=bombings', "unknown kind 'bombings'"],
    ['Kyiv Oblast min=extreme', "unknown severity 'extreme'"],
    ['strikes high', 'say which region'],
    ['Kyiv Oblast strikes talks', 'give one kind'],
  ])('rejects %j with a coded error and changes nothing', async (text, message) => {
    await runSubscribeCommand('Kyiv Oblast talks', at(ops), deps);
    const before = await store.listAll();
    const reply = await runSubscribeCommand(text, at(ops), deps);
    expect(reply).toMatchObject({ type: 'error', code: 'command_invalid' });
    expect(reply.type === 'error' && reply.message).toContain(message);
    expect(reply.type === 'error' && reply.usage).toMatch(/^\/subscribe /);
    expect(await store.listAll()).toEqual(before);
  });

  it('suggests places close to a misspelt one', async () => {
    const reply = await runSubscribeCommand('Kharkov Oblastt', at(ops), deps);
    expect(reply.type === 'error' && reply.suggestions?.some((s) => s.includes('UA-63'))).toBe(true);
    const typo = await runSubscribeCommand('Zaporizhzha', at(ops), deps);
    expect(typo.type === 'error' && typo.suggestions?.join(' ')).toMatch(/Zaporizhzhia/);
  });

  it('refuses a command without a channel', async () => {
    const reply = await runSubscribeCommand('UA', at({ platform: 'slack', workspace: '', channel: '' }), deps);
    expect(reply).toMatchObject({ type: 'error', code: 'command_invalid', message: 'a channel is required' });
    expect(await store.count()).toBe(0);
  });

  it('takes options already split (CLI flags) and names the bad one', async () => {
    expect(await runSubscribeCommand({ region: 'UA-59', kind: 'talks', minSeverity: 'medium' }, at(ops), deps)).toMatchObject({
      type: 'success',
    });
    expect(await runSubscribeCommand({ region: 'UA-59', minSeverity: 'huge' }, at(ops), deps)).toMatchObject({
      type: 'error',
      message: expect.stringContaining("unknown severity 'huge'"),
    });
    expect(await store.listByChannel(ops)).toMatchObject([{ region: 'UA-59', kinds: ['negotiation'], minSeverity: 'medium' }]);
  });
});

describe('unsubscribe and subscriptions', () => {
  beforeEach(async () => {
    await runSubscribeCommand('Kyiv Oblast', at(ops), deps);
    await runSubscribeCommand('Sumy Oblast strikes', at(ops), deps);
    await runSubscribeCommand('Kyiv Oblast', at(news), deps);
  });

  it('removes one region of one channel, by name or code', async () => {
    expect(await runUnsubscribeCommand('kyiv oblast', at(ops), deps)).toMatchObject({
      type: 'success',
      title: 'Unsubscribed from Kyiv Oblast',
    });
    expect((await store.listByChannel(ops)).map((s) => s.region)).toEqual(['UA-59']);
    expect((await store.listByChannel(news)).map((s) => s.region)).toEqual(['UA-32']);
    expect(await store.findMatching({ regionCodes: ['UA-32'], countries: [] })).toHaveLength(1);
  });

  it('narrows to the other kind when one kind is removed', async () => {
    await runUnsubscribeCommand('UA-32 talks', at(ops), deps);
    expect(await store.listByChannel(ops)).toMatchObject([{ region: 'UA-32', kinds: ['strike'] }, { region: 'UA-59' }]);
  });

  it('is idempotent, and `all` empties the channel only', async () => {
    expect(await runUnsubscribeCommand('UA-63', at(ops), deps)).toMatchObject({ type: 'success', title: 'Nothing to remove' });
    expect(await runUnsubscribeCommand('all', at(ops), deps)).toMatchObject({ title: 'Removed 2 subscriptions' });
    expect(await runUnsubscribeCommand('all', at(ops), deps)).toMatchObject({ title: 'Nothing to remove' });
    expect(await store.count()).toBe(1);
    expect(await store.findMatching({ regionCodes: ['UA-59'], countries: ['UA'] })).toMatchObject([{ channel: news }]);
  });

  it('rejects an unknown region without removing anything', async () => {
    expect(await runUnsubscribeCommand('Narnia', at(ops), deps)).toMatchObject({ type: 'error', code: 'command_invalid' });
    expect(await store.count()).toBe(3);
  });

  it('lists what the channel follows', async () => {
    const reply = await runSubscriptionsCommand(at(ops), deps);
    expect(reply).toEqual({
      type: 'success',
      title: 'This channel follows 2 regions',
      lines: ['Kyiv Oblast (UA-32): strikes and talks, any severity', 'Sumy Oblast (UA-59): strikes, any severity'],
    });
  });

  it('pauses a channel, and subscribing again resumes all of it', async () => {
    expect(await store.pauseChannel(ops, { reason: 'channel_not_found', code: 'delivery_permanent', at: 'x' })).toBe(2);
    expect((await store.listByChannel(ops)).every((s) => s.paused?.reason === 'channel_not_found')).toBe(true);
    expect((await store.listByChannel(news))[0]?.paused).toBeUndefined();
    const reply = await runSubscribeCommand('Sumy Oblast strikes', at(ops), deps);
    expect(reply.type === 'success' && reply.lines.join(' ')).toContain('resumed');
    expect((await store.listByChannel(ops)).some((s) => s.paused)).toBe(false);
  });
});
