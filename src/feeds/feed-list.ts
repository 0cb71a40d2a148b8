import type { Config, FeedConfig } from '../config/index.js';
import { createFeedFetcher, type FeedFetcher } from './fetch-feed.js';

/** A feed as the poller uses it: every default filled in. */
export interface FeedSource {
  id: string;
  url: string;
  name: string;
  intervalSeconds: number;
}

/**
 * Used when the config names no feeds, so a fresh install alerts on something real. Public RSS
 * of outlets that report the war daily, in English.
 */
export const DEFAULT_FEEDS: readonly FeedConfig[] = [
  { id: 'kyiv-independent', name: 'The Kyiv Independent', url: 'https://kyivindependent.com/feed/', enabled: true },
  { id: 'ukrinform', name: 'Ukrinform', url: 'https://www.ukrinform.net/rss/block-lastnews', enabled: true },
  { id: 'pravda-eng', name: 'Ukrainska Pravda', url: 'https://www.pravda.com.ua/eng/rss/', enabled: true },
  { id: 'bbc-world', name: 'BBC News', url: 'https://feeds.bbci.co.uk/news/world/rss.xml', enabled: true },
  { id: 'guardian-world', name: 'The Guardian', url: 'https://www.theguardian.com/world/rss', enabled: true },
  { id: 'al-jazeera', name: 'Al Jazeera', url: 'https://www.aljazeera.com/xml/rss/all.xml', enabled: true },
  { id: 'moscow-times', name: 'The Moscow Times', url: 'https://www.themoscowtimes.com/rss/news', enabled: true },
  { id: 'meduza-en', name: 'Meduza', url: 'https://meduza.io/rss/en/all', enabled: true },
];

/** The enabled feeds to poll: the configured list, else the defaults; intervals defaulted. */
export function listFeedSources(config: Pick<Config, 'feeds' | 'feedDefaults'>): FeedSource[] {
  const feeds = config.feeds && config.feeds.length > 0 ? config.feeds : DEFAULT_FEEDS;
  return feeds
    .filter((feed) => feed.enabled)
    .map((feed) => ({
      id: feed.id,
      url: feed.url,
      name: feed.name ?? feed.id,
      intervalSeconds: feed.intervalSeconds ?? config.feedDefaults.intervalSeconds,
    }));
}

/** Honest User-Agent: who we are and where a feed operator can reach us. */
export function describeUserAgent(contactUrl: string, version = '0.1'): string {
  return `wirewatch/${version} (news alert bot; +${contactUrl})`;
}

/** The safe fetcher with the limits the config sets; the poller and the CLI share it. */
export function createConfiguredFetcher(config: Pick<Config, 'allowPrivateNetworks' | 'feedDefaults' | 'contactUrl'>): FeedFetcher {
  return createFeedFetcher({
    allowPrivateNetworks: config.allowPrivateNetworks,
    connectTimeoutMs: config.feedDefaults.connectTimeoutMs,
    timeoutMs: config.feedDefaults.timeoutMs,
    maxBytes: config.feedDefaults.maxBytes,
    userAgent: describeUserAgent(config.contactUrl),
  });
}
