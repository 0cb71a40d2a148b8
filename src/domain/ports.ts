import type { ChannelAddress, Subscription } from './delivery.js';

/** Injected dependencies, so core code never reads the real clock or a global logger. */
export type Clock = () => number;

/** The subset of pino's logger the core uses; tests pass a real pino logger or `silentLogger`. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/**
 * Where subscriptions live (user data: durable, never dropped by a bad command). The Redis
 * implementation is `src/store/subscription-store.ts`; command use cases and fan-out depend
 * only on this port.
 */
export interface SubscriptionRepository {
  /** Adds or replaces the channel's subscription to `subscription.region`; clears any pause of the channel. */
  save(subscription: Subscription): Promise<{ created: boolean; previous?: Subscription; unpaused: number }>;
  /** Removes one region's subscription of a channel, or every one when `region` is undefined. */
  remove(channel: ChannelAddress, region?: string): Promise<Subscription[]>;
  listByChannel(channel: ChannelAddress): Promise<Subscription[]>;
  listAll(): Promise<Subscription[]>;
  count(): Promise<number>;
  /** Every subscription to one of `regionCodes`, or whose region lies in one of `countries`. */
  findMatching(query: { regionCodes: readonly string[]; countries: readonly string[] }): Promise<Subscription[]>;
  /** Stops delivery to every subscription of the channel until it is subscribed again. */
  pauseChannel(channel: ChannelAddress, paused: NonNullable<Subscription['paused']>): Promise<number>;
}
