import { randomUUID } from 'node:crypto';
import type { Logger, Sink } from '../../src/domain/index.js';
import type { OperatorNotices } from '../../src/store/operator-notices.js';
import { acquireLock, releaseLock } from '../runtime/redis-lock.js';
import type { RuntimeDeps } from '../workers/registry.js';

const DISPATCH_EVERY_MS = 2000;

/**
 * Delivers the `{prefix}:notices` stream (feed failing/recovered, subscription paused) to the
 * admin channels, or the console when none is set. Each notice is one state change, so each is
 * sent once: one process at a time (a Redis lock) walks the stream from the last id it
 * delivered, kept in Redis, so restarts neither repeat nor skip.
 */
export function startNoticeDispatcher(
  deps: Pick<RuntimeDeps, 'redis' | 'prefix'>,
  options: { notices: OperatorNotices; sinks: readonly Sink[]; logger: Logger; intervalMs?: number },
): { close(): Promise<void> } {
  const cursorKey = `${deps.prefix}:notices:delivered`;
  const lockKey = `${deps.prefix}:lock:notices`;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    const token = await acquireLock(deps.redis, lockKey, 30_000, randomUUID());
    if (token === undefined) return;
    try {
      const afterId = (await deps.redis.get(cursorKey)) ?? undefined;
      for (const notice of await options.notices.read({ ...(afterId ? { afterId } : {}), count: 50 })) {
        const text = notice.message;
        for (const sink of options.sinks) await sink.notify({ kind: notice.kind, text, at: notice.at });
        await deps.redis.set(cursorKey, notice.id);
      }
    } catch (error) {
      options.logger.warn({ err: error }, 'operator notice delivery failed; retrying');
    } finally {
      await releaseLock(deps.redis, lockKey, token);
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick);
  }, options.intervalMs ?? DISPATCH_EVERY_MS);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
