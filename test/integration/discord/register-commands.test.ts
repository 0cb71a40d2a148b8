import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT_PERMISSIONS, buildCommandDefinitions } from '../../../adapters/discord/index.js';
import { runCli } from '../../../jobs/cli/run-cli.js';
import { FakeDiscord } from '../../support/fake-discord.js';
import { createTestIo } from '../../support/io.js';

let fake: FakeDiscord;
beforeEach(async () => {
  fake = await new FakeDiscord().start();
});
afterEach(() => fake.close());

const env = () => ({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });

describe('wirewatch discord register', () => {
  it('bulk-overwrites the guild commands and prints what changed', async () => {
    const io = createTestIo(env());
    expect(await runCli(['discord', 'register', '--guild', '555555555555555555'], io)).toBe(0);
    expect(io.out()).toBe(
      'Registered 4 commands (guild 555555555555555555).\n  added: /incidents, /subscribe, /unsubscribe, /subscriptions\n' +
        `Invite the bot: https://discord.com/oauth2/authorize?client_id=${fake.applicationId}&scope=bot+applications.commands&permissions=19456\n`,
    );
    // The application id came from the token, and one PUT carried the whole set.
    expect(fake.requestsTo('GET', /^\/applications\/@me$/)).toHaveLength(1);
    const puts = fake.requestsTo('PUT', /commands$/);
    expect(puts.map((r) => r.path)).toEqual([`/applications/${fake.applicationId}/guilds/555555555555555555/commands`]);
    expect(puts[0]!.body).toEqual(JSON.parse(JSON.stringify(buildCommandDefinitions())));

    const again = createTestIo(env());
    expect(await runCli(['discord', 'register', '--guild', '555555555555555555'], again)).toBe(0);
    expect(again.out()).toContain('  unchanged: /incidents, /subscribe, /unsubscribe, /subscriptions');
  });

  it('registers globally, reports updates and removals, honours the permission setting', async () => {
    fake.commands.set('global', [
      { id: '1', application_id: fake.applicationId, version: '1', type: 1, name: 'incidents', description: 'old text', options: [] },
      { id: '2', application_id: fake.applicationId, version: '1', type: 1, name: 'ping', description: 'gone' },
    ]);
    const io = createTestIo({ ...env(), DISCORD_APPLICATION_ID: '999999999999999999', DISCORD_SUBSCRIBE_PERMISSIONS: 'everyone' });
    expect(await runCli(['discord', 'register'], io)).toBe(0);
    expect(io.out()).toContain('(global)');
    expect(io.out()).toContain('  added: /subscribe, /unsubscribe, /subscriptions\n  updated: /incidents\n  removed: /ping\n');
    const [put] = fake.requestsTo('PUT', /commands$/);
    expect(put!.path).toBe('/applications/999999999999999999/commands');
    expect((put!.body as { name: string; default_member_permissions?: unknown }[]).map((c) => c.default_member_permissions)).toEqual([
      undefined,
      null,
      null,
      undefined,
    ]);
  });

  it('refuses without a token, with a bad guild id, and stops on a refused token', async () => {
    const none = createTestIo({});
    expect(await runCli(['discord', 'register'], none)).toBe(2);
    expect(none.err()).toMatch(/^cli_usage: DISCORD_TOKEN is not set/);
    const badGuild = createTestIo(env());
    expect(await runCli(['discord', 'register', '--guild', 'abc'], badGuild)).toBe(2);
    const refused = createTestIo({ ...env(), DISCORD_TOKEN: 'wrong' });
    expect(await runCli(['discord', 'register'], refused)).toBe(1);
    expect(refused.err()).toMatch(/^platform_auth_failed: /);
    expect(fake.requestsTo('PUT', /commands$/)).toHaveLength(0);
  });
});

describe('command definitions', () => {
  it('ask for exactly View Channel, Send Messages and Embed Links', () => {
    expect(BOT_PERMISSIONS).toBe(1024n + 2048n + 16384n);
    expect(BOT_PERMISSIONS.toString()).toBe('19456');
  });

  it('follow Discord option rules and gate subscription changes behind Manage Channels', () => {
    const commands = buildCommandDefinitions();
    for (const command of commands) {
      expect(command.name).toMatch(/^[-_a-z]{1,32}$/);
      expect(command.description.length).toBeGreaterThanOrEqual(1);
      expect(command.description.length).toBeLessThanOrEqual(100);
      for (const option of command.options ?? []) {
        expect(option.description.length).toBeLessThanOrEqual(100);
        const o = option as { choices?: unknown[]; autocomplete?: boolean };
        expect(o.autocomplete === true && o.choices !== undefined).toBe(false);
        expect((o.choices ?? []).length).toBeLessThanOrEqual(25);
      }
    }
    const byName = Object.fromEntries(commands.map((c) => [c.name, c]));
    expect(byName.subscribe!.default_member_permissions).toBe('16');
    expect(byName.unsubscribe!.default_member_permissions).toBe('16');
    expect(byName.incidents!.default_member_permissions).toBeUndefined();
    expect(byName.subscribe!.options).toEqual([
      {
        type: 3,
        name: 'region',
        description: 'Country, oblast/krai or town to follow',
        required: true,
        autocomplete: true,
        max_length: 100,
      },
      {
        type: 3,
        name: 'kind',
        description: 'Only this kind (default: both)',
        required: false,
        choices: [
          { name: 'strike', value: 'strike' },
          { name: 'negotiation', value: 'negotiation' },
        ],
      },
      {
        type: 3,
        name: 'min-severity',
        description: 'Only alerts at or above this severity (default: low)',
        required: false,
        choices: ['low', 'medium', 'high', 'critical'].map((s) => ({ name: s, value: s })),
      },
    ]);
  });
});
