import type { Incident, Kind } from '../domain/index.js';
import type { IncidentListItem, IncidentListReply } from './replies.js';
import { describeWhere } from './format-alert.js';

/** The filters a lookup ran with, for its title ("Strikes in Kyiv Oblast, last 6h"). */
export interface IncidentListFilters {
  regionName?: string;
  kind?: Kind;
  /** As the user typed it: "6h", "2d". */
  sinceText?: string;
}

export interface IncidentListOptions {
  filters?: IncidentListFilters;
  nextCursor?: string;
  /** Link to the alert already posted for an incident in the asking channel, by incident id. */
  alertLinks?: ReadonlyMap<string, string>;
}

const KIND_TITLES: Record<Kind, string> = { strike: 'Strikes', negotiation: 'Talks' };

/** Lookup results, newest first as given, as a neutral reply every platform renders. */
export function formatIncidentList(incidents: readonly Incident[], options: IncidentListOptions = {}): IncidentListReply {
  const title = describeFilters(options.filters ?? {});
  const reply: IncidentListReply = {
    type: 'incident-list',
    title,
    items: incidents.map((incident) => toItem(incident, options.alertLinks)),
    emptyText: `No incidents found (${title.charAt(0).toLowerCase()}${title.slice(1)}).`,
  };
  if (options.nextCursor !== undefined) reply.nextCursor = options.nextCursor;
  return reply;
}

export function describeFilters(filters: IncidentListFilters): string {
  const what = filters.kind ? KIND_TITLES[filters.kind] : 'Incidents';
  const where = filters.regionName ? ` in ${filters.regionName}` : '';
  const when = filters.sinceText ? `, last ${filters.sinceText}` : '';
  return `${what}${where}${when}`;
}

function toItem(incident: Incident, alertLinks: ReadonlyMap<string, string> | undefined): IncidentListItem {
  const item: IncidentListItem = {
    incidentId: incident.id,
    headline: incident.headline.trim() || `Incident ${incident.id}`,
    kinds: [...incident.kinds],
    severity: incident.severity,
    where: describeWhere(incident),
    firstSeen: incident.firstSeen,
    sourceCount: incident.sources.length,
  };
  const link = alertLinks?.get(incident.id);
  if (link !== undefined) item.alertLink = link;
  return item;
}
