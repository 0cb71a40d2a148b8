import type { AncestorsOf } from '../cluster/region-lineage.js';
import { regionWithAncestors } from '../cluster/region-lineage.js';
import type { Incident, Kind } from '../domain/index.js';

/**
 * Every incident key lives under one prefix (`{wirewatch}` in production: one hash tag, so the
 * Lua commit works on Redis Cluster). Indexes are sorted sets scored by the incident's lastSeen.
 */
export class IncidentKeys {
  constructor(private readonly prefix: string) {}

  incident(id: string): string {
    return `${this.prefix}:incident:${id}`;
  }
  /** Which incident a story went into: the idempotency key of the story job. */
  story(storyId: string): string {
    return `${this.prefix}:incident-story:${storyId}`;
  }
  /** Per index key, a counter bumped by every commit that touches it (optimistic concurrency). */
  revisions(): string {
    return `${this.prefix}:incidents:rev`;
  }
  /** The stream of material changes delivery consumes. */
  changes(): string {
    return `${this.prefix}:incident-changes`;
  }
  byTime(): string {
    return `${this.prefix}:incidents:time`;
  }
  byKind(kind: Kind): string {
    return `${this.prefix}:incidents:kind:${kind}`;
  }
  /** Incidents in the region or anywhere inside it (lookups, and matching a report placed there). */
  within(code: string): string {
    return `${this.prefix}:incidents:within:${code}`;
  }
  /** Incidents placed at exactly this region (matching a report placed inside it). */
  at(code: string): string {
    return `${this.prefix}:incidents:at:${code}`;
  }
  party(party: string): string {
    return `${this.prefix}:incidents:party:${party}`;
  }
  /** Incidents of a kind with no place (strikes) or no parties (talks): candidates for every report. */
  unplaced(kind: Kind): string {
    return `${this.prefix}:incidents:unplaced:${kind}`;
  }
  droppedCount(): string {
    return `${this.prefix}:stories:dropped:count`;
  }
  droppedRecent(): string {
    return `${this.prefix}:stories:dropped:recent`;
  }
  /** Marks one story as already counted, so a retried job does not count it twice. */
  droppedClaim(storyId: string): string {
    return `${this.prefix}:stories:dropped:seen:${storyId}`;
  }

  /** Every index an incident is listed in. */
  indexesOf(incident: Incident, ancestorsOf: AncestorsOf): string[] {
    const keys = new Set<string>([this.byTime()]);
    for (const kind of incident.kinds) keys.add(this.byKind(kind));
    for (const region of incident.regions) {
      keys.add(this.at(region.code));
      for (const code of regionWithAncestors(region.code, ancestorsOf)) keys.add(this.within(code));
    }
    if (incident.kinds.includes('strike') && incident.regions.length === 0) keys.add(this.unplaced('strike'));
    const parties = incident.facts.negotiation?.parties ?? [];
    for (const party of parties) keys.add(this.party(party));
    if (incident.kinds.includes('negotiation') && parties.length === 0) keys.add(this.unplaced('negotiation'));
    return [...keys];
  }
}
