import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDiscordBot, type DiscordBot } from '../../../adapters/discord/index.js';
import { loadConfig } from '../../../jobs/config/load-config.js';
import { silentLogger } from '../../../jobs/runtime/logger.js';
import { createDiscordCommandHandlers } from '../../../jobs/runtime/discord-platform.js';
import { SubscriptionStore } from '../../../src/store/subscription-store.js';
import { createDiscordKeyPair, postSignedInteraction } from '../../support/discord-signing.js';
import { chatInputInteraction, FakeDiscord } from '../../support/fake-discord.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../../support/redis.js';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const key = createDiscordKeyPair();
const channel = { platform: 'discord' as const, workspace: '555555555555555555', channel: '666666666666666666' };

let redis: Redis;
let prefix: string;
let fake: FakeDiscord;
let bot: DiscordBot;

beforeAll(() => {
  redis = createTestRedis();
});
afterAll(() => redis.quit());
beforeEach(async () => {
  prefix = uniquePrefix('discord');
  fake = await new FakeDiscord().start();
  const config = await loadConfig({});
  const handlers = createDiscordCommandHandlers({ redis, prefix, config, clock: () => NOW, logger: silentLogger });
  bot = await startDiscordBot(
    { token: fake.token, apiUrl: fake.apiUrl, publicKey: key.publicHex, httpPort: 0, httpHost: '127.0.0.1' },
    { handlers, logger: silentLogger },
  );
});
afterEach(async () => {
  await bot.close();
  await fake.close();
  await deletePrefix(redis, prefix);
});

const send = (name: string, options: { name: string; value: string }[]) =>
  postSignedInteraction(`http://127.0.0.1:${bot.port!}/interactions`, chatInputInteraction(fake, name, options), { key: key.privateKey });
type Embed = { title: string; description: string; footer?: { text: string } };
const embedOf = (body: Record<string, unknown>) => (body.data as { embeds: Embed[] }).embeds[0]!;

describe('Discord slash commands over the real subscription store', () => {
  it('subscribes the channel to an autocompleted town with typed options, then lists and removes it', async () => {
    const subscribed = await send('subscribe', [
      { name: 'region', value: 'UA-32/bucha' },
      { name: 'kind', value: 'strike' },
      { name: 'min-severity', value: 'high' },
    ]);
    expect(subscribed.body.type).toBe(4);
    expect(embedOf(subscribed.body).title).toBe('Subscribed to Bucha');
    const store = new SubscriptionStore(redis, prefix);
    expect(await store.listByChannel(channel)).toEqual([
      expect.objectContaining({ region: 'UA-32/bucha', kinds: ['strike'], minSeverity: 'high', createdBy: '444444444444444444' }),
    ]);

    expect((await send('subscriptions', [])).body).toEqual({ type: 5 });
    const listed = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.startsWith('/webhooks/'));
    expect((listed.body as { embeds: Embed[] }).embeds[0]!.description).toBe('Bucha (UA-32/bucha): strikes, high and above');

    const removed = await send('unsubscribe', [{ name: 'region', value: 'UA-32/bucha' }]);
    expect(embedOf(removed.body).title).toBe('Unsubscribed from Bucha');
    expect(await store.listByChannel(channel)).toEqual([]);
  });

  it('refuses an unknown region with suggestions, privately, and saves nothing', async () => {
    const reply = await send('subscribe', [{ name: 'region', value: 'Kharkov Oblastt' }]);
    expect(reply.body).toMatchObject({ type: 4, data: { flags: 64 } });
    const embed = embedOf(reply.body);
    expect(embed.footer?.text).toBe('command_invalid');
    expect(embed.description).toMatch(/unknown region 'Kharkov Oblastt'/);
    expect(embed.description).toMatch(/Did you mean: .*Kharkiv Oblast \(UA-63\)/);
    expect(await new SubscriptionStore(redis, prefix).listByChannel(channel)).toEqual([]);
  });

  it('looks up incidents with the typed options as the words of /incidents', async () => {
    expect(
      (
        await send('incidents', [
          { name: 'region', value: 'UA-32' },
          { name: 'since', value: '6h' },
        ])
      ).body,
    ).toEqual({ type: 5 });
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.startsWith('/webhooks/'));
    expect((edit.body as { embeds: Embed[] }).embeds[0]!.title).toMatch(/Kyiv Oblast/);
  });
});
