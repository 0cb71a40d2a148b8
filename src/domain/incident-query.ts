import { WirewatchError } from '../errors.js';
import type { Kind } from './analysis.js';
import type { Incident } from './incident.js';

export interface IncidentQuery {
  /** Incidents in this region or anywhere inside it. */
  region?: string;
  kind?: Kind;
  /** Only incidents reported at or after this time (ms since the epoch). */
  since?: number;
  limit: number;
  /** From a previous page's `nextCursor`. */
  cursor?: string;
}

export interface IncidentPage {
  /** Newest report first. */
  incidents: Incident[];
  /** Present when more incidents match; pass it back for the next page. */
  nextCursor?: string;
}

/**
 * The last (lastSeen, id) a page showed. Pages continue strictly after it in the order
 * (lastSeen descending, then id descending), so a boundary stays stable while new incidents arrive.
 */
export interface PageCursor {
  score: number;
  id: string;
}

/**
 * One page from up to `limit + 1` matches read newest first: the first `limit`, and a cursor
 * after the last of them when there were more (how every repository pages alike).
 */
export function toIncidentPage(matches: readonly { incident: Incident; score: number }[], limit: number): IncidentPage {
  const shown = matches.slice(0, limit);
  const last = shown.at(-1);
  const page: IncidentPage = { incidents: shown.map((m) => m.incident) };
  if (matches.length > limit && last) page.nextCursor = encodePageCursor({ score: last.score, id: last.incident.id });
  return page;
}

export function encodePageCursor(cursor: PageCursor): string {
  return Buffer.from(`${cursor.score}|${cursor.id}`).toString('base64url');
}

export function decodePageCursor(text: string): PageCursor {
  const [score, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (score === undefined || id === undefined || !Number.isFinite(Number(score)) || id === '') {
    throw new WirewatchError('command_invalid', 'that page cursor is not valid; start again without it');
  }
  return { score: Number(score), id };
}
