import type { ChannelAddress, Incident, RecipientQuery, Severity, Subscription } from '../domain/index.js';
import { SEVERITIES } from '../domain/index.js';

/**
 * Which subscription indexes an incident can match: its strike regions with every ancestor, the
 * towns its reports name inside those regions (a channel that follows a city hears of a strike
 * on that city, not of one elsewhere in its oblast), and its talks' parties.
 */
export function describeSubscriptionQuery(
  incident: Pick<Incident, 'kinds' | 'regions' | 'facts'> & Partial<Pick<Incident, 'reports'>>,
  ancestorsOf: (code: string) => string[],
): { regionCodes: string[]; countries: string[] } {
  const regionCodes = new Set<string>();
  if (incident.kinds.includes('strike')) {
    for (const region of incident.regions) {
      regionCodes.add(region.code);
      for (const ancestor of ancestorsOf(region.code)) regionCodes.add(ancestor);
    }
    for (const place of struckTowns(incident, ancestorsOf)) regionCodes.add(place);
  }
  const countries = incident.kinds.includes('negotiation') ? partyCountries(incident) : [];
  return { regionCodes: [...regionCodes], countries };
}

/** The index query for an incident's recipients: where it struck, the talks' parties, its severity. */
export function describeRecipientQuery(
  incident: Pick<Incident, 'kinds' | 'regions' | 'facts' | 'severity'> & Partial<Pick<Incident, 'reports'>>,
  ancestorsOf: (code: string) => string[],
): RecipientQuery {
  return { ...describeSubscriptionQuery(incident, ancestorsOf), severity: incident.severity };
}

/**
 * The channels an incident goes to, one entry per channel however many of its subscriptions
 * match: a strike where it hit (the subscribed region is the place or encloses it), talks when
 * the subscribed region's country is a party; then the subscription's kinds and severity floor.
 * A paused subscription gets nothing until it is subscribed again.
 */
export function selectRecipients(
  incident: Pick<Incident, 'kinds' | 'regions' | 'facts' | 'severity'> & Partial<Pick<Incident, 'reports'>>,
  candidates: readonly Subscription[],
  ancestorsOf: (code: string) => string[],
): ChannelAddress[] {
  const { regionCodes } = describeSubscriptionQuery(incident, ancestorsOf);
  const struck = new Set(regionCodes);
  const parties = new Set(incident.kinds.includes('negotiation') ? partyCountries(incident) : []);
  const channels = new Map<string, ChannelAddress>();
  for (const sub of candidates) {
    if (sub.paused || !atLeast(incident.severity, sub.minSeverity)) continue;
    const byStrike = sub.kinds.includes('strike') && incident.kinds.includes('strike') && struck.has(sub.region);
    const byTalks = sub.kinds.includes('negotiation') && parties.has(countryOfRegion(sub.region));
    if (!byStrike && !byTalks) continue;
    const { platform, workspace, channel } = sub.channel;
    channels.set(`${platform}/${workspace}/${channel}`, { platform, workspace, channel });
  }
  return [...channels.values()];
}

/** ISO codes carry their country in the first two letters: `UA-32/bucha` → `UA`. */
export function countryOfRegion(code: string): string {
  return code.slice(0, 2).toUpperCase();
}

/**
 * Town-level places of the reports (`UA-32/bucha`) that lie inside one of the incident's own
 * regions: a town a report names but the incident is not placed in (a launch site, a commenter's
 * home) never widens where the alert goes.
 */
function struckTowns(incident: Partial<Pick<Incident, 'reports' | 'regions'>>, ancestorsOf: (code: string) => string[]): string[] {
  const regions = new Set((incident.regions ?? []).map((r) => r.code));
  const towns = new Set<string>();
  for (const report of incident.reports ?? []) {
    for (const place of report.places) {
      if (!regions.has(place) && ancestorsOf(place).some((a) => regions.has(a))) towns.add(place);
    }
  }
  return [...towns];
}

function partyCountries(incident: Pick<Incident, 'facts'>): string[] {
  return (incident.facts.negotiation?.parties ?? []).filter((party) => /^[A-Z]{2}$/.test(party));
}

function atLeast(severity: Severity, floor: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(floor);
}
