export { configSchema, feedSchema, MIN_FEED_INTERVAL_SECONDS } from './schema.js';
export type { Config, ConfigInput, FeedConfig } from './schema.js';
