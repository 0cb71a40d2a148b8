import type { CandidateWindows, Incident, IncidentReport, Kind } from '../domain/index.js';
import { strikeReachMs } from './match-policy.js';
import { oblastOf } from './pair-evidence.js';
import { regionWithAncestors, type AncestorsOf } from './region-lineage.js';

/**
 * The indexes incidents are listed in, by name: a repository keeps one ordered set per name,
 * scored by the incident's lastSeen (Redis prefixes each name into a key). One pure function
 * decides where an incident is listed and another which indexes a report reads, so the Redis and
 * the in-memory repository offer exactly the same candidates.
 */
export const INDEX = {
  time: 'time',
  kind: (kind: Kind) => `kind:${kind}`,
  /** Incidents in the region or anywhere inside it (lookups, and matching a report placed there). */
  within: (code: string) => `within:${code}`,
  /** Incidents placed at exactly this region (matching a report placed inside it). */
  at: (code: string) => `at:${code}`,
  party: (party: string) => `party:${party}`,
  /** Incidents of a kind with no place (strikes) or no parties (talks): candidates for every report. */
  unplaced: (kind: Kind) => `unplaced:${kind}`,
  /**
   * Latent incidents (no kind: opened by a reaction or toll update, only in `analyze`) by the
   * oblast of a place they name, `*` for every one, `-` for those naming no place.
   */
  latent: (oblast: string) => `latent:${oblast}`,
} as const;

/** Every index an incident is listed in. A retired (merged) incident is listed nowhere. */
export function indexesOf(incident: Incident, ancestorsOf: AncestorsOf): string[] {
  const names = new Set<string>([INDEX.time]);
  for (const kind of incident.kinds) names.add(INDEX.kind(kind));
  for (const region of incident.regions) {
    names.add(INDEX.at(region.code));
    for (const code of regionWithAncestors(region.code, ancestorsOf)) names.add(INDEX.within(code));
  }
  if (incident.kinds.includes('strike') && incident.regions.length === 0) names.add(INDEX.unplaced('strike'));
  const parties = incident.facts.negotiation?.parties ?? [];
  for (const party of parties) names.add(INDEX.party(party));
  if (incident.kinds.includes('negotiation') && parties.length === 0) names.add(INDEX.unplaced('negotiation'));
  if (incident.kinds.length === 0) {
    const places = incident.reports.flatMap((r) => r.places);
    names.add(INDEX.latent('*'));
    if (places.length === 0) names.add(INDEX.latent('-'));
    for (const place of places) names.add(INDEX.latent(oblastOf(place, ancestorsOf)));
  }
  return [...names];
}

/**
 * Index name → the oldest lastSeen worth reading, for a report: the indexes of its places (its
 * regions, the regions around them; for talks its parties), each with the window of its kind.
 */
export function candidateReads(report: IncidentReport, windows: CandidateWindows, ancestorsOf: AncestorsOf): Map<string, number> {
  const reads = new Map<string, number>();
  const { kinds, facts } = report.analysis;
  const places = report.signature.places;
  // A report with no kind can only follow up a strike: it is read by the places it names.
  const regions =
    kinds.length === 0 ? [...new Set(places.map((p) => oblastOf(p, ancestorsOf)))].map((code) => ({ code })) : report.analysis.regions;
  if (kinds.includes('strike') || kinds.length === 0) {
    const since = report.time - strikeReachMs(windows);
    if (regions.length === 0) reads.set(INDEX.kind('strike'), since);
    for (const region of regions) {
      reads.set(INDEX.within(region.code), since);
      for (const ancestor of ancestorsOf(region.code)) reads.set(INDEX.at(ancestor), since);
    }
    reads.set(INDEX.unplaced('strike'), since);
    // Latent incidents are found by the places the report names, like a follow-up's.
    if (places.length === 0) reads.set(INDEX.latent('*'), since);
    for (const place of places) reads.set(INDEX.latent(oblastOf(place, ancestorsOf)), since);
    if (places.length > 0) reads.set(INDEX.latent('-'), since);
  }
  if (kinds.includes('negotiation')) {
    const since = report.time - windows.negotiationWindowMs;
    const parties = facts.negotiation?.parties ?? [];
    if (parties.length === 0) reads.set(INDEX.kind('negotiation'), since);
    for (const party of parties) reads.set(INDEX.party(party), since);
    reads.set(INDEX.unplaced('negotiation'), since);
  }
  return reads;
}
