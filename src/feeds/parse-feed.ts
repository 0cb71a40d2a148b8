import Parser from 'rss-parser';
import { WirewatchError } from '../errors.js';
import { readTtlSeconds } from './cache-hints.js';

/** One feed document, format-neutral, before normalisation into stories. */
export interface ParsedFeed {
  title: string | undefined;
  language: string | undefined;
  /** RSS `<ttl>` in seconds, when given. */
  ttlSeconds: number | undefined;
  items: RawItem[];
  /** Set when the document was not well-formed and a lenient repair made it parse (what was fixed). */
  repaired?: string;
}

/** The fields of an item we use, whatever format it came in. Strings are raw (may hold HTML). */
export interface RawItem {
  guid: string | undefined;
  link: string | undefined;
  title: string | undefined;
  /** Short description first, full content only when there is no description. */
  summary: string | undefined;
  /** As the feed wrote it; parsed by the normaliser, which decides what a bad date means. */
  date: string | undefined;
  language: string | undefined;
}

type RssItem = Record<string, unknown>;

// rss-parser only for `parseString` (DESIGN.md §3): RSS 0.9x/1.0/2.0 and Atom.
const parser: Parser<Record<string, unknown>, RssItem> = new Parser({ defaultRSS: 2, customFields: { item: ['description'] } });

/** Parses RSS, Atom or JSON Feed text; anything else is `feed_unparseable`. */
export async function parseFeedDocument(text: string): Promise<ParsedFeed> {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed);
  if (!trimmed.startsWith('<')) throw new WirewatchError('feed_unparseable', 'not XML or JSON (does not start with < or {)');
  // An HTML page (an error page, a "moved" page) is not a feed, however tolerant the XML parser.
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>])/i.test(trimmed)) {
    throw new WirewatchError('feed_unparseable', 'an HTML page, not a feed');
  }
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  let repaired: string | undefined;
  try {
    feed = await parser.parseString(text);
  } catch (error) {
    // Real feeds ship a bare `&` ("Q&A", "AT&T") that a strict XML parser rejects, losing every
    // good item over one character. Escape only ampersands that start no entity and try once more.
    const escaped = escapeStrayAmpersands(text);
    if (escaped.count === 0) throw unparseable(error);
    try {
      feed = await parser.parseString(escaped.text);
    } catch {
      throw unparseable(error);
    }
    repaired = `escaped ${escaped.count} stray '&'`;
  }
  return {
    title: asText(feed.title),
    language: asText(feed.language),
    ttlSeconds: readTtlSeconds(feed.ttl),
    items: (feed.items ?? []).map(toRawItem),
    ...(repaired === undefined ? {} : { repaired }),
  };
}

const STRAY_AMPERSAND = /&(?!#\d{1,7};|#x[0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9._-]{0,31};)/g;

/** `&` not followed by a character or entity reference becomes `&amp;`; CDATA is left as is. */
export function escapeStrayAmpersands(text: string): { text: string; count: number } {
  let count = 0;
  const parts = text.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i]!.replace(STRAY_AMPERSAND, () => {
      count += 1;
      return '&amp;';
    });
  }
  return { text: parts.join(''), count };
}

function unparseable(error: unknown): WirewatchError {
  return new WirewatchError('feed_unparseable', firstLine((error as Error).message ?? String(error)), { cause: error });
}

function toRawItem(item: RssItem): RawItem {
  return {
    guid: asText(item.guid) ?? asText(item.id),
    link: asText(item.link),
    title: asText(item.title),
    summary: asText(item.summary) ?? asText(item.description) ?? asText(item.content) ?? asText(item['content:encoded']),
    date: asText(item.isoDate) ?? asText(item.pubDate) ?? asText(item.date),
    language: asText(item.language),
  };
}

interface JsonFeedItem {
  id?: unknown;
  url?: unknown;
  title?: unknown;
  summary?: unknown;
  content_text?: unknown;
  content_html?: unknown;
  date_published?: unknown;
  date_modified?: unknown;
  language?: unknown;
}

/** JSON Feed 1.x (jsonfeed.org): cheap to support and some publishers offer only that. */
function parseJsonFeed(text: string): ParsedFeed {
  let doc: { version?: unknown; title?: unknown; language?: unknown; items?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (error) {
    throw new WirewatchError('feed_unparseable', `invalid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof doc.version !== 'string' || !doc.version.includes('jsonfeed.org') || !Array.isArray(doc.items)) {
    throw new WirewatchError('feed_unparseable', 'JSON but not a JSON Feed (no jsonfeed.org version or items)');
  }
  return {
    title: asText(doc.title),
    language: asText(doc.language),
    ttlSeconds: undefined,
    items: (doc.items as JsonFeedItem[])
      .filter((i) => typeof i === 'object' && i !== null)
      .map((item) => ({
        guid: asText(item.id),
        link: asText(item.url),
        title: asText(item.title),
        summary: asText(item.summary) ?? asText(item.content_text) ?? asText(item.content_html),
        date: asText(item.date_published) ?? asText(item.date_modified),
        language: asText(item.language),
      })),
  };
}

/** rss-parser hands back strings, numbers or xml2js objects (`{ _: text, $: attrs }`). */
function asText(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (value && typeof value === 'object' && '_' in value) return asText((value as { _: unknown })._);
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 300);
}
