/** One item of one feed, normalised. Produced by src/feeds, consumed by the whole pipeline. */
export interface Story {
  /** Stable id: hash of feed id + guid (else canonical link, else title + date). No `:`. */
  id: string;
  feedId: string;
  title: string;
  /** Plain text: HTML stripped, entities decoded, whitespace collapsed, bounded length. */
  summary: string;
  link: string;
  /** ISO 8601. When the feed gives none (or a future one) this is the time we first saw it. */
  published: string;
  /** Outlet name as configured for the feed (or the feed's own title). */
  source: string;
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
