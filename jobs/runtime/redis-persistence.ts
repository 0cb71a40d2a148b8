import type { Redis } from 'ioredis';
import type { Logger } from '../../src/domain/index.js';

/**
 * Subscriptions and delivery references are user data kept only in Redis: an external Redis
 * with neither AOF nor RDB snapshots loses them on its next restart. Returns whether it persists
 * (undefined when CONFIG is disabled, as on many managed services, which persist by default).
 */
export async function warnOnNoPersistence(client: Redis, logger: Logger): Promise<boolean | undefined> {
  try {
    const aof = ((await client.config('GET', 'appendonly')) as string[])[1];
    const save = ((await client.config('GET', 'save')) as string[])[1];
    const persists = aof === 'yes' || (save !== undefined && save.trim() !== '');
    if (!persists) {
      logger.warn(
        { appendonly: aof, save },
        'REDIS NOT PERSISTENT: appendonly is off and save is empty, so subscriptions and posted-alert references are lost when Redis restarts; enable appendonly yes',
      );
    }
    return persists;
  } catch {
    return undefined;
  }
}
