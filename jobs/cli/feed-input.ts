import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { WirewatchError } from '../../src/errors.js';
import { createConfiguredFetcher, listFeedSources } from '../../src/feeds/feed-list.js';
import { loadConfig } from '../config/load-config.js';
import type { CliIo } from './command.js';

/** True for the inputs `parse` and `explain` fetch rather than read from disk. */
export function isFeedUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

export interface LoadedInput {
  bytes: Buffer;
  contentType: string | undefined;
  feedId: string;
  source: string | undefined;
  baseUrl: string | undefined;
}

/** Reads a saved feed file, or fetches a feed URL through the same safe fetch the poller uses. */
export async function loadFeedInput(input: string, requestedId: string | undefined, io: CliIo): Promise<LoadedInput> {
  if (!isFeedUrl(input)) {
    let bytes: Buffer;
    try {
      bytes = await readFile(input);
    } catch (error) {
      throw new WirewatchError(
        'input_invalid',
        `cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        { cause: error },
      );
    }
    return {
      bytes,
      contentType: undefined,
      feedId: requestedId ?? slugify(basename(input).replace(/\.[^.]*$/, '')),
      source: undefined,
      baseUrl: undefined,
    };
  }
  const config = await loadConfig(io.env);
  const configured = listFeedSources(config).find((feed) => feed.url === input);
  const fetcher = createConfiguredFetcher(config);
  try {
    const result = await fetcher.fetchFeed(input);
    if (result.kind !== 'fetched')
      throw new WirewatchError('feed_http_status', `unexpected ${result.status} without a conditional request`);
    return {
      bytes: result.body,
      contentType: result.contentType,
      feedId: requestedId ?? configured?.id ?? slugify(new URL(input).hostname),
      source: configured?.name,
      baseUrl: result.url,
    };
  } finally {
    await fetcher.close();
  }
}

/** Story ids embed the feed id, so it must follow the feed id rules (no `:`). */
function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return slug || 'feed';
}
