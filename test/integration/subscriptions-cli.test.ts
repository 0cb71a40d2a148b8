import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../jobs/cli/run-cli.js';
import type { Subscription } from '../../src/domain/index.js';
import { createTestIo } from '../support/io.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

const prefix = uniquePrefix('subs-cli');
const env = { REDIS_URL: TEST_REDIS_URL, WIREWATCH_REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' };
const redis = createTestRedis();
afterAll(async () => {
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

async function cli(...argv: string[]) {
  const io = createTestIo(env);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('wirewatch subscribe / unsubscribe / subscriptions', () => {
  it('adds, lists as JSON, rejects bad flags without change, and removes', async () => {
    const added = await cli(
      'subscribe',
      '--platform',
      'slack',
      '--channel',
      'C1',
      '--workspace',
      'T1',
      '--region',
      'UA-32',
      '--kind',
      'strikes',
    );
    expect(added).toMatchObject({ code: 0, out: expect.stringContaining('Subscribed to Kyiv Oblast') });

    for (const bad of [
      ['--platform', 'slack', '--channel', 'C1', '--workspace', 'T1', '--region', 'Atlantis'],
      ['--platform', 'slack', '--channel', 'C1', '--workspace', 'T1', '--region', 'UA-32', '--kind', 'riots'],
      ['--platform', 'slack', '--channel', 'C1', '--workspace', 'T1', '--region', 'UA-32', '--min-severity', 'huge'],
      ['--platform', 'slack', '--workspace', 'T1', '--region', 'UA-32'],
      ['--platform', 'teams', '--channel', 'C1', '--region', 'UA-32'],
    ]) {
      const result = await cli('subscribe', ...bad);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/^command_invalid: /);
    }

    const listed = await cli('subscriptions', '--json');
    const subs = JSON.parse(listed.out) as Subscription[];
    expect(subs).toMatchObject([
      { channel: { platform: 'slack', workspace: 'T1', channel: 'C1' }, region: 'UA-32', kinds: ['strike'], minSeverity: 'low' },
    ]);
    expect(subs[0]?.createdBy).toMatch(/^cli:/);

    expect((await cli('unsubscribe', '--platform', 'slack', '--channel', 'C1', '--workspace', 'T1', '--region', 'all')).code).toBe(0);
    expect(JSON.parse((await cli('subscriptions', '--json')).out)).toEqual([]);
  });
});
