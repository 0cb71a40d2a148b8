import type { Incident, Kind } from '../domain/index.js';
import { WirewatchError } from '../errors.js';
import type { IncidentStore } from './incident-store.js';

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

interface Cursor {
  score: number;
  id: string;
}

const BATCH = 100;

/**
 * The newest incidents matching a query, read from one index (the region's, which includes its
 * sub-regions, else the kind's, else all) in pages. The cursor is the last (time, id) shown,
 * so a page boundary stays stable while new incidents arrive.
 */
export async function listIncidents(store: IncidentStore, query: IncidentQuery): Promise<IncidentPage> {
  const { keys, redis } = store;
  const key = query.region !== undefined ? keys.within(query.region) : query.kind !== undefined ? keys.byKind(query.kind) : keys.byTime();
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const max = after === undefined ? '+inf' : String(after.score);
  const min = query.since === undefined ? '-inf' : String(query.since);
  const page: { incident: Incident; score: number }[] = [];
  for (let offset = 0; page.length <= query.limit; offset += BATCH) {
    const reply = await redis.zrevrangebyscore(key, max, min, 'WITHSCORES', 'LIMIT', offset, BATCH);
    const members: Cursor[] = [];
    for (let i = 0; i + 1 < reply.length; i += 2) members.push({ id: reply[i] ?? '', score: Number(reply[i + 1]) });
    // Equal scores come in reverse id order; skip what the previous page already showed.
    const fresh = members.filter((m) => after === undefined || m.score < after.score || m.id < after.id);
    const stored = await store.getStored(fresh.map((m) => m.id));
    const scoreOf = new Map(fresh.map((m) => [m.id, m.score]));
    for (const { incident } of stored) {
      if (query.kind !== undefined && !incident.kinds.includes(query.kind)) continue;
      page.push({ incident, score: scoreOf.get(incident.id) ?? 0 });
    }
    if (members.length < BATCH) break;
  }
  const shown = page.slice(0, query.limit);
  const last = shown.at(-1);
  const result: IncidentPage = { incidents: shown.map((p) => p.incident) };
  if (page.length > query.limit && last) result.nextCursor = encodeCursor({ score: last.score, id: last.incident.id });
  return result;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.score}|${cursor.id}`).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  const [score, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (score === undefined || id === undefined || !Number.isFinite(Number(score)) || id === '') {
    throw new WirewatchError('command_invalid', 'that page cursor is not valid; start again without it');
  }
  return { score: Number(score), id };
}
