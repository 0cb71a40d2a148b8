import type { Story } from '../domain/story.js';
import { decodeFeedBody } from './decode-feed-body.js';
import { normaliseStories, type NormaliseContext } from './normalise-stories.js';
import { parseFeedDocument } from './parse-feed.js';

export interface FeedDocument {
  stories: Story[];
  title: string | undefined;
  language: string | undefined;
  ttlSeconds: number | undefined;
  /** What a lenient repair fixed to make the document parse, when one was needed. */
  repaired?: string;
}

/** Bytes as fetched (or read from a file) → normalised stories: decode, parse, normalise. */
export async function readFeedDocument(bytes: Buffer, contentType: string | undefined, context: NormaliseContext): Promise<FeedDocument> {
  const feed = await parseFeedDocument(decodeFeedBody(bytes, contentType));
  const doc: FeedDocument = {
    stories: normaliseStories(feed, context),
    title: feed.title,
    language: feed.language,
    ttlSeconds: feed.ttlSeconds,
  };
  return feed.repaired === undefined ? doc : { ...doc, repaired: feed.repaired };
}
