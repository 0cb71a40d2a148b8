import { INDEX, indexesOf } from '../cluster/candidate-indexes.js';
import type { AncestorsOf } from '../cluster/region-lineage.js';
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
  /** One candidate or listing index (names from src/cluster/candidate-indexes.ts). */
  index(name: string): string {
    return `${this.prefix}:incidents:${name}`;
  }
  byTime(): string {
    return this.index(INDEX.time);
  }
  byKind(kind: Kind): string {
    return this.index(INDEX.kind(kind));
  }
  within(code: string): string {
    return this.index(INDEX.within(code));
  }
  at(code: string): string {
    return this.index(INDEX.at(code));
  }
  unplaced(kind: Kind): string {
    return this.index(INDEX.unplaced(kind));
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
    return indexesOf(incident, ancestorsOf).map((name) => this.index(name));
  }
}
