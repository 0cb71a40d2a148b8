import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandArgs, CommandContext, CommandHandlers } from '../../../adapters/discord/handle-interaction.js';
import { renderDiscordReply } from '../../../adapters/discord/render-reply.js';
import { startDiscordBot, type DiscordBot } from '../../../adapters/discord/start-discord.js';
import { isWirewatchError } from '../../../src/errors.js';
import type { CommandReply } from '../../../src/format/replies.js';
import { silentLogger } from '../../../jobs/runtime/logger.js';
import { createDiscordKeyPair, postInteraction, postSignedInteraction, type SignOptions } from '../../support/discord-signing.js';
import { chatInputInteraction, FakeDiscord } from '../../support/fake-discord.js';

const discordKey = createDiscordKeyPair();
const forgerKey = createDiscordKeyPair();
const nowSeconds = () => Math.floor(Date.now() / 1000);

let fake: FakeDiscord;
let bot: DiscordBot;
let calls: { command: string; args: CommandArgs; ctx: CommandContext }[];
let releaseSlow: () => void;

const subscribed: CommandReply = {
  type: 'success',
  title: 'Subscribed',
  lines: ['This channel follows Kyiv Oblast: strikes, high and above.'],
};
const listed: CommandReply = {
  type: 'incident-list',
  title: 'Incidents in Kyiv Oblast',
  items: [
    {
      incidentId: 'inc-1',
      headline: 'Drones hit Bucha',
      kinds: ['strike'],
      severity: 'high',
      where: 'Bucha, Kyiv Oblast, Ukraine',
      firstSeen: '2026-12-01T03:10:00Z',
      sourceCount: 3,
    },
  ],
  emptyText: 'Nothing yet.',
};

beforeEach(async () => {
  fake = await new FakeDiscord().start();
  calls = [];
  const slow = new Promise<void>((resolve) => (releaseSlow = resolve));
  const handlers: CommandHandlers = {
    subscribe: (args, ctx) => {
      calls.push({ command: 'subscribe', args, ctx });
      return Promise.resolve(subscribed);
    },
    unsubscribe: async (args, ctx) => {
      calls.push({ command: 'unsubscribe', args, ctx });
      await slow;
      return { type: 'success', title: 'Unsubscribed', lines: [] };
    },
    incidents: (args, ctx) => {
      calls.push({ command: 'incidents', args, ctx });
      return Promise.resolve(listed);
    },
    subscriptions: () => Promise.reject(new Error('redis went away')),
  };
  bot = await startDiscordBot(
    { token: fake.token, apiUrl: fake.apiUrl, publicKey: discordKey.publicHex, httpPort: 0, httpHost: '127.0.0.1' },
    { handlers, logger: silentLogger, replyBudgetMs: 200 },
  );
});
afterEach(async () => {
  releaseSlow();
  await bot.close();
  await fake.close();
});

const url = () => `http://127.0.0.1:${bot.port!}/interactions`;
const post = (body: string, headers: Record<string, string>) => postInteraction(url(), body, headers);
const signed = (payload: unknown, options: Partial<SignOptions> = {}) =>
  postSignedInteraction(url(), payload, { key: discordKey.privateKey, ...options });

const ping = () => ({ id: fake.newId(), application_id: fake.applicationId, type: 1, token: 'ping-token', version: 1 });

describe('Discord HTTP interactions endpoint', () => {
  it('says which mode runs', () => {
    expect(bot.mode).toBe('http');
    // The token was checked at start-up, before any interaction arrived.
    expect(fake.requestsTo('GET', /^\/users\/@me$/)).toHaveLength(1);
  });

  it('answers a signed PING with PONG', async () => {
    expect(await signed(ping())).toEqual({ status: 200, body: { type: 1 } });
  });

  it('rejects forged, stale, altered and unsigned requests with 401', async () => {
    expect((await signed(ping(), { key: forgerKey.privateKey })).status).toBe(401);
    expect((await signed(ping(), { timestamp: nowSeconds() - 600 })).status).toBe(401);
    expect((await signed(ping(), { timestamp: nowSeconds() + 600 })).status).toBe(401);
    expect((await signed(ping(), { alter: (body) => body.replace('"type":1', '"type":2') })).status).toBe(401);
    expect((await post(JSON.stringify(ping()), {})).status).toBe(401);
    expect((await post(JSON.stringify(ping()), { 'x-signature-ed25519': 'zz', 'x-signature-timestamp': 'now' })).status).toBe(401);
  });

  it('autocompletes regions from the gazetteer', async () => {
    const complete = async (typed: string) => {
      const interaction = chatInputInteraction(fake, 'subscribe', [{ name: 'region', value: typed, focused: true }], 4);
      const res = await signed(interaction);
      expect(res.status).toBe(200);
      expect(res.body.type).toBe(8);
      return (res.body.data as { choices: { name: string; value: string }[] }).choices;
    };
    expect(await complete('kyiv')).toEqual([
      { name: 'Kyiv, Ukraine', value: 'UA-30' },
      { name: 'Kyiv Oblast, Ukraine', value: 'UA-32' },
    ]);
    expect((await complete('Kyiv Oblast'))[0]).toEqual({ name: 'Kyiv Oblast, Ukraine', value: 'UA-32' });
    expect((await complete('UA-32'))[0]).toEqual({ name: 'Kyiv Oblast, Ukraine', value: 'UA-32' });
    expect((await complete('Odessa'))[0]).toEqual({ name: 'Odesa, Odesa Oblast, Ukraine', value: 'UA-51/odesa' });
    expect((await complete('Bucha'))[0]).toEqual({ name: 'Bucha, Kyiv Oblast, Ukraine', value: 'UA-32/bucha' });
    const many = await complete('k');
    expect(many).toHaveLength(25);
    expect(many.every((c) => c.name.length >= 1 && c.name.length <= 100 && c.value.length <= 100)).toBe(true);
    expect(await complete('qqqzzz')).toEqual([]);
  });

  it('runs /subscribe and replies at once with the rendered reply', async () => {
    const interaction = chatInputInteraction(fake, 'subscribe', [
      { name: 'region', value: 'UA-32' },
      { name: 'kind', value: 'strike' },
      { name: 'min-severity', value: 'high' },
    ]);
    const res = await signed(interaction);
    expect(res).toEqual({ status: 200, body: { type: 4, data: renderDiscordReply(subscribed) } });
    expect(calls).toEqual([
      {
        command: 'subscribe',
        args: { region: 'UA-32', kind: 'strike', 'min-severity': 'high' },
        ctx: {
          channel: { platform: 'discord', workspace: '555555555555555555', channel: '666666666666666666' },
          user: '444444444444444444',
        },
      },
    ]);
  });

  it('defers /incidents and edits the original response with the list', async () => {
    const interaction = chatInputInteraction(fake, 'incidents', [{ name: 'region', value: 'UA-32' }]);
    expect(await signed(interaction)).toEqual({ status: 200, body: { type: 5 } });
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.startsWith('/webhooks/'));
    expect(edit.path).toBe(`/webhooks/${fake.applicationId}/${interaction.token as string}/messages/@original`);
    expect(edit.body).toEqual(renderDiscordReply(listed));
    expect((edit.body as { embeds: { description: string }[] }).embeds[0]!.description).toBe(
      '**Drones hit Bucha**\nBucha, Kyiv Oblast, Ukraine · strike · high · <t:1796094600:R> · 3 sources',
    );
  });

  it('defers a command that outruns its reply budget, then edits', async () => {
    const interaction = chatInputInteraction(fake, 'unsubscribe', [{ name: 'region', value: 'UA-32' }]);
    expect(await signed(interaction)).toEqual({ status: 200, body: { type: 5 } });
    releaseSlow();
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.startsWith('/webhooks/'));
    expect(edit.body).toMatchObject({ embeds: [{ title: 'Unsubscribed' }], allowed_mentions: { parse: [] } });
  });

  it('a failing use case becomes a coded error reply, not a dropped interaction', async () => {
    expect(await signed(chatInputInteraction(fake, 'subscriptions', []))).toEqual({ status: 200, body: { type: 5 } });
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.startsWith('/webhooks/'));
    expect(edit.body).toMatchObject({ embeds: [{ title: 'That did not work', footer: { text: 'internal_error' } }] });
  });

  it('a bad token stops start-up with a coded error', async () => {
    const error = await startDiscordBot(
      { token: 'not-the-token', apiUrl: fake.apiUrl, publicKey: discordKey.publicHex, httpPort: 0, httpHost: '127.0.0.1' },
      { handlers: {}, logger: silentLogger },
    ).catch((e: unknown) => e);
    expect(isWirewatchError(error, 'platform_auth_failed')).toBe(true);
  });
});
