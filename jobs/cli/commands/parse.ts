import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describeError, isWirewatchError, WirewatchError } from '../../../src/errors.js';
import { createFeedFetcher } from '../../../src/feeds/fetch-feed.js';
import { describeUserAgent, listFeedSources } from '../../../src/feeds/feed-list.js';
import { readFeedDocument } from '../../../src/feeds/read-feed.js';
import { loadConfig } from '../../config/load-config.js';
import type { CliCommand, CliIo } from '../command.js';
import { writeLine } from '../command.js';

const EXIT_BAD_INPUT = 2;

/** `wirewatch parse <file|url>`: the stories of one feed, one JSON object per line. */
export const parseCommand: CliCommand = {
  name: ['parse'],
  summary: 'print the normalised stories of one feed as JSON Lines',
  usage: '<file|url> [--feed-id ID]\n\n  --feed-id ID  feed id used in story ids (default: the configured feed with that URL, else from the name)',
  options: { 'feed-id': { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const input = args.positionals[0]!;
    const requestedId = typeof args.values['feed-id'] === 'string' ? args.values['feed-id'] : undefined;
    // `wirewatch parse feed.xml | head` closes the pipe early; that is not an error worth a stack trace.
    let pipeClosed = false;
    io.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      pipeClosed = true;
    });
    try {
      const { bytes, contentType, feedId, source, baseUrl } = await loadInput(input, requestedId, io);
      const doc = await readFeedDocument(bytes, contentType, { feedId, source, baseUrl, now: Date.now() });
      for (const story of doc.stories) {
        if (pipeClosed) break;
        writeLine(io.stdout, JSON.stringify(story));
      }
      return 0;
    } catch (error) {
      if (!isWirewatchError(error) || !isInputProblem(error.code)) throw error;
      writeLine(io.stderr, describeError(error).split('\n')[0]!);
      return EXIT_BAD_INPUT;
    }
  },
};

interface LoadedInput {
  bytes: Buffer;
  contentType: string | undefined;
  feedId: string;
  source: string | undefined;
  baseUrl: string | undefined;
}

async function loadInput(input: string, requestedId: string | undefined, io: CliIo): Promise<LoadedInput> {
  if (!/^https?:\/\//i.test(input)) {
    let bytes: Buffer;
    try {
      bytes = await readFile(input);
    } catch (error) {
      throw new WirewatchError('input_invalid', `cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
    }
    return { bytes, contentType: undefined, feedId: requestedId ?? slugify(basename(input).replace(/\.[^.]*$/, '')), source: undefined, baseUrl: undefined };
  }
  const config = await loadConfig(io.env);
  const configured = listFeedSources(config).find((feed) => feed.url === input);
  const fetcher = createFeedFetcher({
    allowPrivateNetworks: config.allowPrivateNetworks,
    connectTimeoutMs: config.feedDefaults.connectTimeoutMs,
    timeoutMs: config.feedDefaults.timeoutMs,
    maxBytes: config.feedDefaults.maxBytes,
    userAgent: describeUserAgent(config.contactUrl),
  });
  try {
    const result = await fetcher.fetchFeed(input);
    if (result.kind !== 'fetched') throw new WirewatchError('feed_http_status', `unexpected ${result.status} without a conditional request`);
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

function isInputProblem(code: string): boolean {
  return code.startsWith('feed_') || code === 'input_invalid';
}

/** Story ids embed the feed id, so it must follow the feed id rules (no `:`). */
function slugify(text: string): string {
  const slug = text.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return slug || 'feed';
}
