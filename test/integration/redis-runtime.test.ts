import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { answersPing, resolveRedis, warnOnEvictionPolicy } from '../../jobs/runtime/redis.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { isWirewatchError } from '../../src/errors.js';
import { TEST_REDIS_URL } from '../support/redis.js';

// An address where nothing listens, so resolveRedis must fall through to spawning.
const DEAD_URL = 'redis://127.0.0.1:1';
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('resolveRedis', () => {
  it('uses REDIS_URL when configured, once it answers', async () => {
    const endpoint = await resolveRedis({ url: TEST_REDIS_URL, dataDir: 'unused', logger: silentLogger, waitMs: 1000 });
    expect(endpoint).toMatchObject({ origin: 'configured', url: TEST_REDIS_URL });
  });

  it('a configured REDIS_URL that never answers is redis_unreachable after the wait, never a spawn', async () => {
    await expect(
      resolveRedis({ url: 'redis://example.invalid:6379', dataDir: 'unused', logger: silentLogger, waitMs: 300 }),
    ).rejects.toMatchObject({
      code: 'redis_unreachable',
    });
  });

  it('uses the local default when it answers', async () => {
    const endpoint = await resolveRedis({ url: undefined, dataDir: 'unused', logger: silentLogger, localUrl: TEST_REDIS_URL });
    expect(endpoint.origin).toBe('local-default');
  });

  it('spawns its own redis-server with AOF persistence and stops it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ww-redis-'));
    dirs.push(dataDir);
    const endpoint = await resolveRedis({ url: undefined, dataDir, logger: silentLogger, localUrl: DEAD_URL });
    expect(endpoint.origin).toBe('spawned');
    const client = new Redis(endpoint.url);
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    await client.set('k', 'v');
    client.disconnect();
    await endpoint.stop();
    expect(await answersPing(endpoint.url, 300)).toBe(false);
    expect((await readdir(dataDir)).length).toBeGreaterThan(0);
  });

  it('says how to get Redis when there is neither a server nor redis-server', async () => {
    const error = await resolveRedis({
      url: undefined,
      dataDir: tmpdir(),
      logger: silentLogger,
      localUrl: DEAD_URL,
      redisServer: 'no-such-redis-server-binary',
    }).catch((e: unknown) => e);
    expect(isWirewatchError(error, 'redis_unavailable')).toBe(true);
    expect((error as Error).message).toMatch(/REDIS_URL/);
    expect((error as Error).message).toMatch(/install/i);
  });
});

describe('warnOnEvictionPolicy', () => {
  it('reports the eviction policy it found', async () => {
    const client = new Redis(TEST_REDIS_URL);
    const warnings: unknown[] = [];
    const logger = { ...silentLogger, warn: (o: unknown) => void warnings.push(o) };
    const policy = await warnOnEvictionPolicy(client, logger);
    client.disconnect();
    expect(typeof policy).toBe('string');
    expect(warnings.length > 0).toBe(policy !== 'noeviction');
  });
});
