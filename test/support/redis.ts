import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

// Tests use the real Redis on 127.0.0.1:6379 (CI starts one); each test gets its own key prefix.
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A hash-tagged prefix unique to one test, e.g. `{ww-test-3f9a1c}`. */
export function uniquePrefix(label = 'test'): string {
  return `{ww-${label}-${randomBytes(4).toString('hex')}}`;
}

export function createTestRedis(): Redis {
  return new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
}

/** Deletes every key under `prefix` (SCAN, never KEYS). */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${escapeGlob(prefix)}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
