import type { Config } from '../../src/config/index.js';
import { listFeedSources } from '../../src/feeds/feed-list.js';
import type { Platform } from '../../src/domain/index.js';
import type { RedisEndpoint } from './redis.js';
import { redactUrl } from './redis.js';

/**
 * The first lines a person reads after `npm start`: which Redis and whether it keeps data, which
 * feeds, and where alerts go. Plain sentences, because a new user reads them before any docs.
 */
export function describeRedis(endpoint: Pick<RedisEndpoint, 'url' | 'origin'>, persistent: boolean | undefined, dataDir: string): string {
  const url = redactUrl(endpoint.url);
  const keeps =
    persistent === true
      ? 'persistent'
      : persistent === false
        ? 'NOT PERSISTENT: appendonly is off and save is empty, so subscriptions and posted-alert references are lost when Redis restarts; enable appendonly yes'
        : 'persistence unknown (CONFIG is disabled)';
  if (endpoint.origin === 'spawned') return `using Redis at ${url} (spawned our own redis-server, AOF persistence in ${dataDir})`;
  if (endpoint.origin === 'local-default') return `using Redis at ${url} (local, found running; REDIS_URL not set; ${keeps})`;
  return `using Redis at ${url} (configured by REDIS_URL; ${keeps})`;
}

export function describeFeeds(config: Pick<Config, 'feeds' | 'feedDefaults'>, configFile: string | undefined): string {
  const sources = listFeedSources(config);
  const custom = config.feeds !== undefined && config.feeds.length > 0;
  const names = sources
    .slice(0, 4)
    .map((s) => s.name)
    .join(', ');
  const more = sources.length > 4 ? ` and ${sources.length - 4} more` : '';
  const where = custom
    ? `from ${configFile ?? 'the config file'}`
    : 'built-in list; set WIREWATCH_CONFIG to a file with feeds: to choose your own';
  return `polling ${sources.length} feed${sources.length === 1 ? '' : 's'} (${where}): ${names}${more}`;
}

/** Platforms whose token is set, as a person names them. */
export function configuredPlatforms(config: Pick<Config, 'slack' | 'discord'>): Platform[] {
  const platforms: Platform[] = [];
  if (config.slack.botToken !== undefined) platforms.push('slack');
  if (config.discord.token !== undefined) platforms.push('discord');
  return platforms;
}

const PLATFORM_NAME: Record<Platform, string> = { slack: 'Slack', discord: 'Discord' };

/** Where this process sends alerts, once its sinks exist (the deliver worker says it). */
export function describeSinks(platforms: readonly Platform[]): string {
  if (platforms.length === 0) {
    return 'alerts go to the console (no Slack or Discord token set) — set SLACK_BOT_TOKEN or DISCORD_TOKEN to post to chat';
  }
  return `alerts go to ${platforms.map((p) => PLATFORM_NAME[p]).join(' and ')} (channels that /subscribe); operator notices to the admin channel or the console`;
}

/** A process without a deliver worker still has the tokens in its environment: say why they are unused here. */
export function describeNoDelivery(config: Pick<Config, 'slack' | 'discord'>): string {
  const platforms = configuredPlatforms(config).map((p) => PLATFORM_NAME[p]);
  const tokens = platforms.length > 0 ? `; the ${platforms.join(' and ')} token is used by the processes that run the deliver queue` : '';
  return `this process delivers no alerts (no deliver queue)${tokens}`;
}
