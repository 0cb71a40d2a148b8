import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnWirewatchRun } from '../../support/cli.js';
import { FakeDiscord } from '../../support/fake-discord.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../../support/redis.js';

let fake: FakeDiscord;
let prefix: string;
beforeEach(async () => {
  fake = await new FakeDiscord().start();
  prefix = uniquePrefix('discord-run');
});
afterEach(async () => {
  await fake.close();
  const redis = createTestRedis();
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

/** `wirewatch run` as a user starts it, stopped with SIGINT once `until` shows up in its log. */
function run(token: string, until: string): Promise<{ code: number | null; logs: string }> {
  const child = spawnWirewatchRun({ prefix, env: { DISCORD_TOKEN: token, DISCORD_API_URL: fake.apiUrl, LOG_FORMAT: 'json' } });
  let logs = '';
  let signalled = false;
  const collect = (d: Buffer) => {
    logs += d.toString();
    if (!signalled && logs.includes(until)) signalled = child.kill('SIGINT');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((done) => child.on('close', (code) => done({ code, logs })));
}

describe('wirewatch run with Discord', () => {
  it('says it runs the gateway bot with the Guilds intent, and shuts down cleanly', async () => {
    const { code, logs } = await run(fake.token, 'wirewatch running');
    expect(logs).toContain('Discord: gateway mode as wirewatch');
    expect(fake.gatewayFrames.find((f) => f.op === 2)?.d).toMatchObject({ token: fake.token, intents: 1 });
    expect(logs).toContain('shut down cleanly');
    expect(code).toBe(0);
  });

  it('stops at start-up with a coded error when Discord refuses the token', async () => {
    const { code, logs } = await run('not-the-token', 'never');
    expect(logs).toContain('platform_auth_failed');
    expect(logs).not.toContain('wirewatch running');
    expect(code).toBe(1);
  });
});
