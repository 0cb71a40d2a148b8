import type { Story } from '../domain/story.js';
import { htmlToText, truncateText } from '../text/html-to-text.js';
import type { ParsedFeed, RawItem } from './parse-feed.js';
import { canonicaliseLink, deriveStoryId } from './story-id.js';

export const MAX_TITLE_LENGTH = 300;
export const MAX_SUMMARY_LENGTH = 1000;
/** Clocks drift and publishers mistype time zones; a few minutes ahead is still "now". */
export const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

export interface NormaliseContext {
  feedId: string;
  /** Configured outlet name; the feed's own title when there is none. */
  source?: string | undefined;
  /** Resolves relative item links. */
  baseUrl?: string | undefined;
  /** Epoch ms; stands in for missing, unreadable and future dates. */
  now: number;
}

/**
 * Turns one parsed feed into stories. Items with nothing to identify or show (no guid, link or
 * title) are dropped; duplicates within the document keep their first occurrence.
 */
export function normaliseStories(feed: ParsedFeed, context: NormaliseContext): Story[] {
  const source = context.source ?? (feed.title ? htmlToText(feed.title, { maxLength: 120 }) : context.feedId);
  const stories: Story[] = [];
  const ids = new Set<string>();
  for (const item of feed.items) {
    const story = normaliseItem(item, feed, { ...context, source });
    if (story && !ids.has(story.id)) {
      ids.add(story.id);
      stories.push(story);
    }
  }
  return stories;
}

function normaliseItem(item: RawItem, feed: ParsedFeed, context: NormaliseContext & { source: string }): Story | undefined {
  const link = item.link ? (canonicaliseLink(item.link, context.baseUrl) ?? '') : '';
  const summary = item.summary ? htmlToText(item.summary, { maxLength: MAX_SUMMARY_LENGTH }) : '';
  const title = (item.title ? htmlToText(item.title, { maxLength: MAX_TITLE_LENGTH }) : '') || truncateText(summary, 120);
  const id = deriveStoryId(context.feedId, { guid: item.guid, link: link || item.link, title, date: item.date });
  if (!id || !title) return undefined;
  const date = readPublished(item.date, context.now);
  const language = cleanLanguage(item.language ?? feed.language);
  return {
    id,
    feedId: context.feedId,
    title,
    summary,
    link,
    published: date.iso,
    ...(date.estimated ? { publishedEstimated: true } : {}),
    source: context.source,
    ...(language ? { language } : {}),
  };
}

/** A missing, unreadable or future date becomes `now`, flagged, so nothing sorts into the future. */
export function readPublished(raw: string | undefined, now: number): { iso: string; estimated: boolean } {
  const time = raw ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(time) || time > now + FUTURE_TOLERANCE_MS || time < Date.UTC(1990, 0, 1)) {
    return { iso: new Date(now).toISOString(), estimated: true };
  }
  return { iso: new Date(time).toISOString(), estimated: false };
}

function cleanLanguage(language: string | undefined): string | undefined {
  const tag = language?.trim();
  return tag && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(tag) ? tag.replace('_', '-') : undefined;
}
