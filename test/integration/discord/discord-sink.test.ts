import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryRest, createDiscordSink } from '../../../adapters/discord/discord-sink.js';
import { renderDiscordEmbed } from '../../../adapters/discord/render-embed.js';
import type { ChannelAddress, Sink } from '../../../src/domain/delivery.js';
import { isWirewatchError } from '../../../src/errors.js';
import { silentLogger } from '../../../jobs/runtime/logger.js';
import { strikeAlert } from '../../fixtures/alerts/alert-messages.js';
import { codedFailure } from '../../support/coded-failure.js';
import { FakeDiscord } from '../../support/fake-discord.js';

const channelA: ChannelAddress = { platform: 'discord', workspace: '900000000000000001', channel: '700000000000000001' };
const channelB: ChannelAddress = { platform: 'discord', workspace: '900000000000000001', channel: '700000000000000002' };

let fake: FakeDiscord;
let sink: Sink;

beforeEach(async () => {
  fake = await new FakeDiscord().start();
  sink = createDiscordSink({
    rest: createDeliveryRest({ token: fake.token, apiUrl: fake.apiUrl }),
    adminChannel: '700000000000000009',
    logger: silentLogger,
  });
});
afterEach(() => fake.close());

describe('Discord sink', () => {
  it('posts the rendered embed, then edits that same message for a new version', async () => {
    const ref = await sink.post(channelA, strikeAlert);
    expect(ref).toEqual({ platform: 'discord', channel: channelA.channel, messageId: expect.stringMatching(/^\d+$/) });
    const [create] = fake.requestsTo('POST', /^\/channels\/\d+\/messages$/);
    expect(create!.path).toBe(`/channels/${channelA.channel}/messages`);
    expect(create!.auth).toBe(`Bot ${fake.token}`);
    expect(create!.body).toEqual(renderDiscordEmbed(strikeAlert));

    const update = { ...strikeAlert, version: 2, sourceCount: 5, changes: ['2 more sources'] };
    await sink.edit(ref, update);
    const [patch] = fake.requestsTo('PATCH', /^\/channels\//);
    expect(patch!.path).toBe(`/channels/${channelA.channel}/messages/${ref.messageId}`);
    expect(patch!.body).toEqual(renderDiscordEmbed(update));
    expect(fake.messages.get(ref.messageId)).toMatchObject({ edits: 1, body: renderDiscordEmbed(update) });
    expect(fake.messages.size).toBe(1);
  });

  it("a 429 on one channel's route is a rate-limit signal for that channel only", async () => {
    await sink.post(channelA, strikeAlert);
    fake.script(`POST /channels/${channelA.channel}/messages`, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 12.5, global: false },
      headers: {
        'retry-after': '13',
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': '12.5',
        'x-ratelimit-bucket': 'POST-messages',
        'x-ratelimit-scope': 'user',
      },
    });
    const limited = await codedFailure(sink.post(channelA, strikeAlert));
    expect(limited.code).toBe('delivery_rate_limited');
    expect(limited.detail?.retryAfterMs).toBeGreaterThanOrEqual(12_500);
    expect(limited.detail?.retryAfterMs).toBeLessThanOrEqual(14_000);
    expect(limited.detail?.scope).toBe('channel');

    // While A waits out its 12.5 s, B goes straight through and A is refused without a request.
    const [again, other] = await Promise.allSettled([sink.post(channelA, strikeAlert), sink.post(channelB, strikeAlert)]);
    expect(other.status).toBe('fulfilled');
    expect(again.status).toBe('rejected');
    expect(isWirewatchError((again as PromiseRejectedResult).reason, 'delivery_rate_limited')).toBe(true);
    expect(fake.requestsTo('POST', new RegExp(`^/channels/${channelA.channel}/`))).toHaveLength(2);
    expect(fake.requestsTo('POST', new RegExp(`^/channels/${channelB.channel}/`))).toHaveLength(1);
  });

  it('a global 429 says so, and refuses every channel until it ends', async () => {
    fake.script(`POST /channels/${channelA.channel}/messages`, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 20, global: true },
      headers: { 'retry-after': '20', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
    });
    const limited = await codedFailure(sink.post(channelA, strikeAlert));
    expect(limited.code).toBe('delivery_rate_limited');
    expect(limited.detail?.scope).toBe('global');
    const other = await codedFailure(sink.post(channelB, strikeAlert));
    expect(other.detail?.scope).toBe('global');
    expect(fake.requestsTo('POST', new RegExp(`^/channels/${channelB.channel}/`))).toHaveLength(0);
  });

  it.each([
    [403, 50001, 'Missing Access', 'missing_access'],
    [404, 10003, 'Unknown Channel', 'unknown_channel'],
    [403, 50013, 'Missing Permissions', 'missing_permissions'],
  ])('HTTP %i code %i (%s) is a permanent failure with reason %s', async (status, code, message, reason) => {
    fake.script(`POST /channels/${channelA.channel}/messages`, { status, body: { message, code } });
    const error = await codedFailure(sink.post(channelA, strikeAlert));
    expect(error.code).toBe('delivery_permanent');
    expect(error.detail).toMatchObject({ reason, discordCode: code, status });
  });

  it('an edit of a deleted message says so', async () => {
    const error = await codedFailure(sink.edit({ platform: 'discord', channel: channelA.channel, messageId: '123' }, strikeAlert));
    expect(error.detail).toMatchObject({ reason: 'unknown_message' });
  });

  it('a server error is transient and a refused token permanent', async () => {
    fake.script(`POST /channels/${channelA.channel}/messages`, { status: 500, body: {} }, { status: 502, body: {} });
    expect((await codedFailure(sink.post(channelA, strikeAlert))).code).toBe('delivery_failed');

    const badToken = createDiscordSink({ rest: createDeliveryRest({ token: 'wrong', apiUrl: fake.apiUrl }), logger: silentLogger });
    expect((await codedFailure(badToken.post(channelB, strikeAlert))).detail).toMatchObject({ reason: 'invalid_token', status: 401 });
  });

  it('sends operator notices to the admin channel as plain, silent text', async () => {
    await sink.notify({ kind: 'feed_failing', text: 'Feed *frontline* failing: @everyone timeout', at: '2026-12-01T00:00:00Z' });
    const [notice] = fake.requestsTo('POST', /^\/channels\/700000000000000009\/messages$/);
    expect(notice!.body).toEqual({
      content: '\\[feed\\_failing\\] Feed \\*frontline\\* failing: @\u200beveryone timeout',
      allowed_mentions: { parse: [] },
    });
  });
});
