import type { Clock, Incident, IncidentRepository, Kind, RegionRef } from '../domain/index.js';
import { WirewatchError } from '../errors.js';

/** `/incidents [region] [kind] [since] [limit=N] [page=CURSOR]`, parsed. */
export interface IncidentsRequest {
  region?: RegionRef;
  kind?: Kind;
  /** As typed ("6h") and in milliseconds. */
  since?: { text: string; ms: number };
  limit: number;
  cursor?: string;
}

export interface IncidentsReply {
  request: IncidentsRequest;
  incidents: Incident[];
  nextCursor?: string;
}

export const DEFAULT_INCIDENTS_LIMIT = 10;
export const MAX_INCIDENTS_LIMIT = 50;

const KIND_WORDS: Record<string, Kind> = {
  strike: 'strike',
  strikes: 'strike',
  attack: 'strike',
  attacks: 'strike',
  negotiation: 'negotiation',
  negotiations: 'negotiation',
  talks: 'negotiation',
};
const UNIT_MS: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const EVERYWHERE = new Set(['all', 'everywhere', 'any']);

/**
 * Reads the words of `/incidents` in any order: a kind word, a duration (`90m`, `6h`, `2d`,
 * `1w`), `limit=N`, `page=CURSOR`; whatever is left names the region ("kyiv oblast", "UA-32",
 * "Bucha"). Bad input is a `command_invalid` error whose message the user can act on.
 */
export function parseIncidentsArgs(text: string, resolveRegion: (query: string) => RegionRef | undefined): IncidentsRequest {
  const request: IncidentsRequest = { limit: DEFAULT_INCIDENTS_LIMIT };
  const placeWords: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const lower = word.toLowerCase();
    const kind = KIND_WORDS[lower];
    const duration = /^(\d+)(min|m|h|d|w)$/.exec(lower);
    const option = /^(limit|page)[=:](.*)$/i.exec(word);
    const optionName = option?.[1]?.toLowerCase();
    if (kind) {
      if (request.kind && request.kind !== kind) throw invalid(`choose one kind: strike or negotiation (got both)`);
      request.kind = kind;
    } else if (duration) {
      if (request.since) throw invalid(`give one time range, e.g. 6h or 2d (got '${request.since.text}' and '${word}')`);
      const ms = Number(duration[1]) * (UNIT_MS[duration[2] ?? ''] ?? 0);
      if (ms <= 0) throw invalid(`the time range must be more than zero (got '${word}')`);
      request.since = { text: lower, ms };
    } else if (option && optionName === 'limit') {
      const limit = Number(option[2]);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_INCIDENTS_LIMIT)
        throw invalid(`limit must be a whole number from 1 to ${MAX_INCIDENTS_LIMIT} (got '${option[2]}')`);
      request.limit = limit;
    } else if (option && optionName === 'page') {
      if (!option[2]) throw invalid('page= needs the cursor from the previous reply');
      request.cursor = option[2];
    } else {
      placeWords.push(word);
    }
  }
  const place = placeWords.join(' ');
  if (place !== '' && !EVERYWHERE.has(place.toLowerCase())) {
    const region = resolveRegion(place);
    if (!region) throw invalid(`unknown region '${place}': try a country, an oblast/krai, a city or a code such as UA-32`);
    request.region = { code: region.code, name: region.name };
  }
  return request;
}

/** The use case behind `/incidents`: newest first, filtered, one page. */
export async function runIncidentsCommand(
  request: IncidentsRequest,
  deps: { store: Pick<IncidentRepository, 'list'>; clock: Clock },
): Promise<IncidentsReply> {
  const page = await deps.store.list({
    limit: request.limit,
    ...(request.region ? { region: request.region.code } : {}),
    ...(request.kind ? { kind: request.kind } : {}),
    ...(request.since ? { since: deps.clock() - request.since.ms } : {}),
    ...(request.cursor ? { cursor: request.cursor } : {}),
  });
  return page.nextCursor === undefined
    ? { request, incidents: page.incidents }
    : { request, incidents: page.incidents, nextCursor: page.nextCursor };
}

function invalid(message: string): WirewatchError {
  return new WirewatchError('command_invalid', message);
}
