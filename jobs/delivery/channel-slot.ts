import type { Redis } from 'ioredis';

/** Platforms allow about one message per second per channel. */
export const CHANNEL_INTERVAL_MS = 1000;

/** The channel's slot is taken: the job should come back after `waitMs`. */
export class ChannelBusy extends Error {
  constructor(readonly waitMs: number) {
    super('channel rate limit');
  }
}

/**
 * One slot key per channel, shared by every worker: taken for CHANNEL_INTERVAL_MS before each
 * post or edit (≤ 1 message/s/channel), and held for a platform's Retry-After after a
 * per-channel 429, so every later job for that channel waits too while other channels go on.
 */
export interface ChannelSlots {
  /** Takes the slot, or throws ChannelBusy with how long it stays taken. */
  take(target: string): Promise<void>;
  /** Refuses the channel for `ms`; never shortens a longer hold already in place. */
  hold(target: string, ms: number): Promise<void>;
  /** How long the channel is still refused (0 = free). */
  remainingMs(target: string): Promise<number>;
}

// PTTL and SET in one step, so two workers holding at once keep the longer wait.
const HOLD = `local left = redis.call('PTTL', KEYS[1])
if left < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], 'held', 'PX', ARGV[1]) end
return left`;

export function createChannelSlots(redis: Redis, prefix: string): ChannelSlots {
  const key = (target: string) => `${prefix}:deliver:slot:${target}`;
  return {
    async take(target) {
      if ((await redis.set(key(target), '1', 'PX', CHANNEL_INTERVAL_MS, 'NX')) === 'OK') return;
      throw new ChannelBusy(Math.max(50, await redis.pttl(key(target))));
    },
    async hold(target, ms) {
      await redis.eval(HOLD, 1, key(target), String(Math.max(1, Math.ceil(ms))));
    },
    async remainingMs(target) {
      return Math.max(0, await redis.pttl(key(target)));
    },
  };
}
