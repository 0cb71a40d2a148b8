import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Compare-and-delete / compare-and-extend: a lock that expired and was taken by another process
// must never be released or extended by its former holder.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/** Takes `key` for `ttlMs`; returns the holder's token, or undefined when someone else holds it. */
export async function acquireLock(redis: Redis, key: string, ttlMs: number, token: string = randomUUID()): Promise<string | undefined> {
  return (await redis.set(key, token, 'PX', ttlMs, 'NX')) === 'OK' ? token : undefined;
}

export async function renewLock(redis: Redis, key: string, token: string, ttlMs: number): Promise<boolean> {
  return (await redis.eval(RENEW, 1, key, token, ttlMs)) === 1;
}

export async function releaseLock(redis: Redis, key: string, token: string): Promise<void> {
  await redis.eval(RELEASE, 1, key, token);
}
