import type { Redis } from 'ioredis';

/**
 * Subscriptions and delivery references are user data kept only in Redis: an external Redis
 * with neither AOF nor RDB snapshots loses them on its next restart. Returns whether it persists
 * (undefined when CONFIG is disabled, as on many managed services, which persist by default);
 * the start-up line (startup-summary.ts) says it loudly when it does not.
 */
export async function readRedisPersistence(client: Redis): Promise<boolean | undefined> {
  try {
    const aof = ((await client.config('GET', 'appendonly')) as string[])[1];
    const save = ((await client.config('GET', 'save')) as string[])[1];
    return aof === 'yes' || (save !== undefined && save.trim() !== '');
  } catch {
    return undefined;
  }
}
