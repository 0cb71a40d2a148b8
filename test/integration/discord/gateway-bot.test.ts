import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDiscordBot, type DiscordBot } from '../../../adapters/discord/index.js';
import { renderDiscordReply } from '../../../adapters/discord/render-reply.js';
import { isWirewatchError } from '../../../src/errors.js';
import type { CommandReply } from '../../../src/format/replies.js';
import { silentLogger } from '../../../jobs/runtime/logger.js';
import { chatInputInteraction, FakeDiscord } from '../../support/fake-discord.js';

const reply: CommandReply = { type: 'success', title: 'This channel follows', lines: ['Kyiv Oblast: strikes, high and above'] };

let fake: FakeDiscord;
let bot: DiscordBot | undefined;
beforeEach(async () => {
  fake = await new FakeDiscord({ heartbeatIntervalMs: 100 }).start();
});
afterEach(async () => {
  await bot?.close();
  bot = undefined;
  await fake.close();
});

const start = (token = fake.token) =>
  startDiscordBot({ token, apiUrl: fake.apiUrl }, { handlers: { subscriptions: () => Promise.resolve(reply) }, logger: silentLogger });

describe('Discord gateway bot (real discord.js against a local fake)', () => {
  it('identifies with the Guilds intent only and keeps its heartbeat acknowledged', async () => {
    bot = await start();
    expect(bot.mode).toBe('gateway');
    expect(fake.requestsTo('GET', /^\/gateway\/bot$/)).toHaveLength(1);
    const identify = fake.gatewayFrames.find((f) => f.op === 2)!.d as { token: string; intents: number };
    expect(identify.token).toBe(fake.token);
    expect(identify.intents).toBe(1);
    await expect.poll(() => fake.heartbeatAcks, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
  });

  it('answers autocomplete from INTERACTION_CREATE through the callback route', async () => {
    bot = await start();
    const interaction = chatInputInteraction(fake, 'incidents', [{ name: 'region', value: 'Bucha', focused: true }], 4);
    fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = await fake.waitForRequest(
      (r) => r.path === `/interactions/${interaction.id as string}/${interaction.token as string}/callback`,
    );
    expect(callback.method).toBe('POST');
    const body = callback.body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices[0]).toEqual({ name: 'Bucha, Kyiv Oblast, Ukraine', value: 'UA-32/bucha' });
  });

  it('defers a lookup and edits the original response', async () => {
    bot = await start();
    const interaction = chatInputInteraction(fake, 'subscriptions', []);
    fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.startsWith('/webhooks/'));
    const callback = fake.requestsTo('POST', /\/callback$/);
    expect(callback.map((r) => r.body)).toEqual([{ type: 5 }]);
    expect(edit.path).toBe(`/webhooks/${fake.applicationId}/${interaction.token as string}/messages/@original`);
    expect(edit.body).toEqual(renderDiscordReply(reply));
  });

  it('a bad token stops start-up with a coded error', async () => {
    const error = await start('not-the-token').catch((e: unknown) => e);
    expect(isWirewatchError(error, 'platform_auth_failed')).toBe(true);
  });
});
