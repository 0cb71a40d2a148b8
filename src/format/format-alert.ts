import type { AlertMessage, AlertSource, Evidence, Incident, RegionRef } from '../domain/index.js';
import { ancestorsOf, regionByCode } from '../geo/index.js';
import { describeChanges } from './describe-changes.js';
import { describeFacts } from './describe-facts.js';

/** Outlets linked in an alert; the rest are counted ("12 sources"). */
export const ALERT_SOURCES_SHOWN = 3;
/** Places named in `where` before "and N more". */
const WHERE_REGIONS_SHOWN = 5;

export interface AlertContext {
  /**
   * The version this channel last saw. The alert lists what changed after it, so an edit that
   * skips versions (a channel that was rate limited) still tells the whole story. Default: the
   * version before this one.
   */
  sinceVersion?: number;
  /** Evidence behind the labels, when the reader asked for it. */
  evidence?: readonly Evidence[];
  /** The incident this one was merged into. */
  mergedInto?: string;
}

/**
 * One incident version as a platform-neutral alert. Pure: every string is plain text, and feed
 * text stays data (renderers escape it for their own markup).
 */
export function formatAlert(incident: Incident, change: AlertContext = {}): AlertMessage {
  const sinceVersion = change.sinceVersion ?? incident.version - 1;
  const message: AlertMessage = {
    incidentId: incident.id,
    version: incident.version,
    kinds: [...incident.kinds],
    severity: incident.severity,
    headline: incident.headline.trim() || incident.summary.trim() || `Incident ${incident.id}`,
    where: describeWhere(incident),
    regionCodes: incident.regions.map((r) => r.code),
    facts: describeFacts(incident.facts),
    summary: incident.summary.trim(),
    sourceCount: incident.sources.length,
    sources: pickSources(incident),
    firstSeen: incident.firstSeen,
    updated: incident.lastUpdated,
    changes: sinceVersion >= 1 && sinceVersion < incident.version ? describeChanges(incident.history, sinceVersion) : [],
    evidence: (change.evidence ?? []).map(describeEvidence),
  };
  if (change.mergedInto !== undefined) message.mergedInto = change.mergedInto;
  return message;
}

/** "Bucha, Kyiv Oblast, Ukraine"; several places share the country: "Bucha, Kyiv Oblast; Kharkiv (Ukraine)". */
export function describeWhere(incident: Pick<Incident, 'regions' | 'facts'>): string {
  const finest = finestRegions(incident.regions);
  if (finest.length === 0) return incident.facts.negotiation?.venue ?? '';
  const chains = finest.map(placeChain);
  if (chains.length === 1) return (chains[0] ?? []).join(', ');
  const countries = new Set(chains.map((chain) => chain.at(-1)));
  const shown = chains.slice(0, WHERE_REGIONS_SHOWN);
  const more = chains.length > shown.length ? `; and ${chains.length - shown.length} more` : '';
  if (countries.size === 1) {
    const [country] = countries;
    const places = shown.map((chain) => (chain.length > 1 ? chain.slice(0, -1) : chain).join(', '));
    return `${places.join('; ')}${more} (${country ?? ''})`;
  }
  return `${shown.map((chain) => chain.join(', ')).join('; ')}${more}`;
}

/** Drops a region another listed region lies within: "Bucha" says more than "Kyiv Oblast". */
function finestRegions(regions: readonly RegionRef[]): RegionRef[] {
  const codes = regions.map((r) => r.code);
  const covered = new Set(codes.flatMap((code) => ancestorsOf(code)));
  const seen = new Set<string>();
  return regions.filter((r) => !covered.has(r.code) && !seen.has(r.code) && seen.add(r.code));
}

/** The place and its ancestors' names, finest first. */
function placeChain(region: RegionRef): string[] {
  const names = [region.name || regionByCode(region.code)?.name || region.code];
  for (const code of ancestorsOf(region.code)) names.push(regionByCode(code)?.name ?? code);
  return names;
}

/** One link per outlet first, so three wire copies of one outlet don't hide the others. */
function pickSources(incident: Incident): AlertSource[] {
  const byOutlet = new Map<string, AlertSource>();
  for (const s of incident.sources) {
    if (!byOutlet.has(s.outlet)) byOutlet.set(s.outlet, { outlet: s.outlet, title: s.title, link: s.link });
  }
  return [...byOutlet.values()].slice(0, ALERT_SOURCES_SHOWN);
}

function describeEvidence(e: Evidence): string {
  const against = e.polarity === 'against' ? 'not ' : '';
  return `${against}${e.kind} (${e.rule}): “${e.phrase}”`;
}
