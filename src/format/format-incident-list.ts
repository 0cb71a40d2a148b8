import type { Incident } from '../domain/index.js';
import type { IncidentListReply } from './replies.js';

/** What a lookup asked for, in words: "strikes in Kyiv Oblast in the last 6h". */
export interface IncidentListQuery {
  kind?: 'strike' | 'negotiation';
  regionName?: string;
  sinceText?: string;
}

/** One page of `/incidents` as the neutral reply every platform renders. */
export function formatIncidentList(incidents: readonly Incident[], query: IncidentListQuery, nextCursor?: string): IncidentListReply {
  const what = query.kind === 'strike' ? 'Strikes' : query.kind === 'negotiation' ? 'Talks' : 'Incidents';
  const where = query.regionName ? ` in ${query.regionName}` : '';
  const when = query.sinceText ? ` in the last ${query.sinceText}` : '';
  const reply: IncidentListReply = {
    type: 'incident-list',
    title: `${what}${where}${when}, newest first`,
    items: incidents.map((incident) => ({
      incidentId: incident.id,
      headline: incident.headline,
      kinds: [...incident.kinds],
      severity: incident.severity,
      where: incident.regions.map((r) => r.name || r.code).join(', ') || incident.facts.negotiation?.venue || '',
      firstSeen: incident.firstSeen,
      sourceCount: incident.sources.length,
    })),
    emptyText: `No ${what.toLowerCase()}${where}${when} yet.`,
  };
  if (nextCursor !== undefined) reply.nextCursor = nextCursor;
  return reply;
}
