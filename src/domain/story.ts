/** One item of one feed, normalised. Produced by src/feeds, consumed by the whole pipeline. */
export interface Story {
  /** Stable id: `<feedId>-<hash of feed id + guid (else canonical link, else title + date)>`. No `:`. */
  id: string;
  feedId: string;
  title: string;
  /** Plain text: HTML stripped, entities decoded, whitespace collapsed, bounded length. */
  summary: string;
  /** Canonical http(s) link (no fragment, no utm_*), or '' when the item has none. */
  link: string;
  /** ISO 8601. When the feed gives none (or a future one) this is the time we first saw it. */
  published: string;
  /** Set when `published` is our first-seen time because the feed's date was missing, invalid or in the future. */
  publishedEstimated?: boolean;
  /** Outlet name as configured for the feed (or the feed's own title). */
  source: string;
  /** Language tag as the item or feed declares it (`en`, `uk-UA`), when it does. */
  language?: string;
}

/** The input line format of `wirewatch analyze` (DESIGN.md §4). `summary` may hold HTML. */
export interface StoryInput {
  id: string;
  title: string;
  summary?: string;
  published?: string;
  source?: string;
  link?: string;
}
