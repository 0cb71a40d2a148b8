import { candidateReads, INDEX, indexesOf } from '../cluster/candidate-indexes.js';
import type { AncestorsOf } from '../cluster/region-lineage.js';
import {
  decodePageCursor,
  toIncidentPage,
  type CandidateSet,
  type CandidateWindows,
  type CommitBasis,
  type CommitOutcome,
  type Incident,
  type IncidentChange,
  type IncidentPage,
  type IncidentQuery,
  type IncidentReport,
  type IncidentRepository,
  type MergeWrite,
  type StoredIncident,
} from '../domain/index.js';
import { SortedIndex } from './sorted-index.js';

export interface MemoryIncidentRepositoryOptions {
  ancestorsOf: AncestorsOf;
  /** Incidents with no report for this long are removed by `removeExpired`. */
  retentionMs: number;
  /** Per index read, the most recent incidents considered as match candidates (as the Redis store). */
  maxCandidatesPerIndex?: number;
}

interface Held {
  stored: StoredIncident;
  /** lastSeen, parsed once: its score in every index it is listed in. */
  score: number;
  /** The indexes it is listed in now (none once merged into another). */
  listed: readonly string[];
}

/**
 * Incidents held in memory, for `wirewatch analyze` and evaluation: the same port, the same
 * indexes (src/cluster/candidate-indexes.ts), revisions and atomic commits as the Redis
 * repository, without Redis. Candidates are read from the report's indexes, never by a scan, so
 * matching costs the same at 2k or 100k stories. Stored incidents are shared with callers, which
 * (like the pipeline) must not modify them.
 */
export class MemoryIncidentRepository implements IncidentRepository {
  private readonly incidents = new Map<string, Held>();
  private readonly storyClaims = new Map<string, string>();
  private readonly indexes = new Map<string, SortedIndex>();
  /** Per index, a counter bumped by every commit that lists an incident there or takes one out. */
  private readonly revisions = new Map<string, number>();
  private readonly maxCandidates: number;

  constructor(private readonly options: MemoryIncidentRepositoryOptions) {
    this.maxCandidates = options.maxCandidatesPerIndex ?? 200;
  }

  async incidentOfStory(storyId: string): Promise<string | undefined> {
    return this.storyClaims.get(storyId);
  }

  async loadCandidates(report: IncidentReport, windows: CandidateWindows): Promise<CandidateSet> {
    const reads = candidateReads(report, windows, this.options.ancestorsOf);
    const readRevisions = new Map<string, number>();
    const ids = new Set<string>();
    for (const [name, since] of reads) {
      readRevisions.set(name, this.revisions.get(name) ?? 0);
      let taken = 0;
      for (const { id } of this.indexes.get(name)?.descending(Infinity, since) ?? []) {
        if (taken++ >= this.maxCandidates) break;
        ids.add(id);
      }
    }
    const candidates = (await this.getStored([...ids])).map(({ incident, rev }) => ({ card: incident, rev }));
    return { candidates, readRevisions };
  }

  async getStored(ids: readonly string[]): Promise<StoredIncident[]> {
    return ids.flatMap((id) => {
      const held = this.incidents.get(id);
      return held ? [held.stored] : [];
    });
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    return this.incidents.get(id)?.stored.incident;
  }

  async commit(incident: Incident, storyId: string, basis: CommitBasis, _changes: readonly IncidentChange[]): Promise<CommitOutcome> {
    const claimed = this.storyClaims.get(storyId);
    if (claimed !== undefined) return { status: 'duplicate', incidentId: claimed };
    const current = this.incidents.get(incident.id)?.stored;
    if (basis.rev === undefined && current !== undefined) return { status: 'conflict', on: 'incident exists' };
    if (basis.rev !== undefined && current?.rev !== basis.rev) return { status: 'conflict', on: 'incident' };
    const moved = this.movedRead(basis.readRevisions);
    if (moved !== undefined) return { status: 'conflict', on: moved };
    const rev = this.write(incident, true);
    this.storyClaims.set(storyId, incident.id);
    return { status: 'committed', rev };
  }

  /** As the Redis `commitMerge`: every write or none, the story claimed for the survivor. */
  async commitMerge(
    survivor: MergeWrite,
    retired: readonly MergeWrite[],
    storyId: string,
    readRevisions: ReadonlyMap<string, number>,
  ): Promise<CommitOutcome> {
    const claimed = this.storyClaims.get(storyId);
    if (claimed !== undefined) return { status: 'duplicate', incidentId: claimed };
    const moved = this.movedRead(readRevisions);
    if (moved !== undefined) return { status: 'conflict', on: moved };
    for (const write of [survivor, ...retired]) {
      if (this.incidents.get(write.incident.id)?.stored.rev !== write.rev) return { status: 'conflict', on: write.incident.id };
    }
    const rev = this.write(survivor.incident, true);
    // A retired incident leaves every index (matching and lookups never see it) but stays readable.
    for (const write of retired) this.write(write.incident, false);
    this.storyClaims.set(storyId, survivor.incident.id);
    return { status: 'committed', rev };
  }

  private movedRead(readRevisions: ReadonlyMap<string, number>): string | undefined {
    for (const [name, rev] of readRevisions) if ((this.revisions.get(name) ?? 0) !== rev) return name;
    return undefined;
  }

  /** Stores a new version, moves it between indexes and bumps every index it entered or left. */
  private write(incident: Incident, listed: boolean): number {
    const held = this.incidents.get(incident.id);
    const score = Date.parse(incident.lastSeen);
    const names = listed ? indexesOf(incident, this.options.ancestorsOf) : [];
    if (held) for (const name of held.listed) this.indexes.get(name)?.remove({ score: held.score, id: incident.id });
    for (const name of names) {
      let index = this.indexes.get(name);
      if (!index) this.indexes.set(name, (index = new SortedIndex()));
      index.add({ score, id: incident.id });
    }
    for (const name of new Set([...names, ...(held?.listed ?? [])])) this.revisions.set(name, (this.revisions.get(name) ?? 0) + 1);
    const rev = (held?.stored.rev ?? 0) + 1;
    this.incidents.set(incident.id, { stored: { incident, rev }, score, listed: names });
    return rev;
  }

  /** One index (the region's, with its sub-regions, else the kind's, else all), newest first after the cursor. */
  async list(query: IncidentQuery): Promise<IncidentPage> {
    const name = query.region !== undefined ? INDEX.within(query.region) : query.kind !== undefined ? INDEX.kind(query.kind) : INDEX.time;
    const after = query.cursor === undefined ? undefined : decodePageCursor(query.cursor);
    const page: { incident: Incident; score: number }[] = [];
    for (const { id, score } of this.indexes.get(name)?.descending(after?.score ?? Infinity, query.since ?? -Infinity) ?? []) {
      if (page.length > query.limit) break;
      // Equal scores come in reverse id order; skip what the previous page already showed.
      if (after !== undefined && score === after.score && id >= after.id) continue;
      const incident = this.incidents.get(id)?.stored.incident;
      if (!incident || (query.kind !== undefined && !incident.kinds.includes(query.kind))) continue;
      page.push({ incident, score });
    }
    return toIncidentPage(page, query.limit);
  }

  /** Retention: removes listed incidents past it (counted, as Redis does) and retired ones (its expiry). */
  async removeExpired(now: number): Promise<number> {
    const cutoff = now - this.options.retentionMs;
    const expired = this.indexes.get(INDEX.time)?.removeBelow(cutoff) ?? [];
    for (const { id } of expired) {
      const held = this.incidents.get(id);
      for (const name of held?.listed ?? []) this.indexes.get(name)?.remove({ score: held!.score, id });
      this.incidents.delete(id);
    }
    for (const [id, held] of this.incidents) if (held.listed.length === 0 && held.score < cutoff) this.incidents.delete(id);
    return expired.length;
  }
}
