import { regionsNest, regionWithAncestors, type AncestorsOf } from '../cluster/region-lineage.js';
import {
  decodePageCursor,
  encodePageCursor,
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
  type Kind,
  type StoredIncident,
} from '../domain/index.js';

export interface MemoryIncidentRepositoryOptions {
  ancestorsOf: AncestorsOf;
  /** Incidents with no report for this long are removed by `removeExpired`. */
  retentionMs: number;
}

/**
 * Incidents held in memory, for `wirewatch analyze` and evaluation: the same port, candidate
 * rules and optimistic commit as the Redis repository, without Redis. Stored incidents are
 * shared with callers, which (like the pipeline) must not modify them.
 */
export class MemoryIncidentRepository implements IncidentRepository {
  /** With lastSeen parsed once (the score a Redis index would hold): every read compares it. */
  private readonly incidents = new Map<string, { stored: StoredIncident; score: number }>();
  private readonly storyClaims = new Map<string, string>();
  /** Per kind, a counter bumped by every commit of an incident of that kind (what candidate reads depend on). */
  private readonly revisions = new Map<string, number>();

  constructor(private readonly options: MemoryIncidentRepositoryOptions) {}

  async incidentOfStory(storyId: string): Promise<string | undefined> {
    return this.storyClaims.get(storyId);
  }

  /** The incidents the Redis indexes would hold for the report's places or parties, in its windows. */
  async loadCandidates(report: IncidentReport, windows: CandidateWindows): Promise<CandidateSet> {
    const { kinds } = report.analysis;
    const readRevisions = new Map(kinds.map((kind) => [revisionKey(kind), this.revisions.get(revisionKey(kind)) ?? 0]));
    const reads = kinds.map((kind) => ({
      kind,
      since: report.time - (kind === 'strike' ? windows.strikeWindowMs : windows.negotiationWindowMs),
    }));
    const candidates = [];
    for (const { stored, score } of this.incidents.values()) {
      if (reads.some(({ kind, since }) => score >= since && this.isNear(stored.incident, report, kind))) {
        candidates.push({ card: stored.incident, rev: stored.rev });
      }
    }
    return { candidates, readRevisions };
  }

  /** Listed where the report's indexes would be read: a nesting or missing place, a shared or missing party. */
  private isNear(incident: Incident, report: IncidentReport, kind: Kind): boolean {
    if (!incident.kinds.includes(kind)) return false;
    if (kind === 'strike') {
      const ours = report.analysis.regions;
      if (ours.length === 0 || incident.regions.length === 0) return true;
      return ours.some((a) => incident.regions.some((b) => regionsNest(a.code, b.code, this.options.ancestorsOf)));
    }
    const ours = report.analysis.facts.negotiation?.parties ?? [];
    const theirs = incident.facts.negotiation?.parties ?? [];
    return ours.length === 0 || theirs.length === 0 || ours.some((party) => theirs.includes(party));
  }

  async getStored(ids: readonly string[]): Promise<StoredIncident[]> {
    return ids.flatMap((id) => {
      const entry = this.incidents.get(id);
      return entry ? [entry.stored] : [];
    });
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    return this.incidents.get(id)?.stored.incident;
  }

  async commit(
    incident: Incident,
    storyId: string,
    basis: CommitBasis,
    _changes: readonly IncidentChange[],
    previous?: Incident,
  ): Promise<CommitOutcome> {
    const claimed = this.storyClaims.get(storyId);
    if (claimed !== undefined) return { status: 'duplicate', incidentId: claimed };
    const current = this.incidents.get(incident.id)?.stored;
    if (basis.rev === undefined ? current !== undefined : current?.rev !== basis.rev) return { status: 'conflict', on: 'incident' };
    for (const [key, rev] of basis.readRevisions) {
      if ((this.revisions.get(key) ?? 0) !== rev) return { status: 'conflict', on: key };
    }
    const rev = (current?.rev ?? 0) + 1;
    this.incidents.set(incident.id, { stored: { incident, rev }, score: Date.parse(incident.lastSeen) });
    this.storyClaims.set(storyId, incident.id);
    for (const kind of new Set([...incident.kinds, ...(previous?.kinds ?? [])])) {
      this.revisions.set(revisionKey(kind), (this.revisions.get(revisionKey(kind)) ?? 0) + 1);
    }
    return { status: 'committed', rev };
  }

  async list(query: IncidentQuery): Promise<IncidentPage> {
    const after = query.cursor === undefined ? undefined : decodePageCursor(query.cursor);
    const matching: { incident: Incident; score: number }[] = [];
    for (const { stored, score } of this.incidents.values()) {
      const incident = stored.incident;
      if (query.since !== undefined && score < query.since) continue;
      if (query.kind !== undefined && !incident.kinds.includes(query.kind)) continue;
      if (query.region !== undefined && !this.isWithin(incident, query.region)) continue;
      if (after !== undefined && (score > after.score || (score === after.score && incident.id >= after.id))) continue;
      matching.push({ incident, score });
    }
    // The order of a Redis sorted set read newest first: score descending, then id descending.
    matching.sort((a, b) => b.score - a.score || (a.incident.id < b.incident.id ? 1 : a.incident.id > b.incident.id ? -1 : 0));
    const shown = matching.slice(0, query.limit);
    const last = shown.at(-1);
    const page: IncidentPage = { incidents: shown.map((m) => m.incident) };
    if (matching.length > query.limit && last) page.nextCursor = encodePageCursor({ score: last.score, id: last.incident.id });
    return page;
  }

  private isWithin(incident: Incident, region: string): boolean {
    return incident.regions.some((r) => regionWithAncestors(r.code, this.options.ancestorsOf).includes(region));
  }

  async removeExpired(now: number): Promise<number> {
    const cutoff = now - this.options.retentionMs;
    let removed = 0;
    for (const [id, { score }] of this.incidents) {
      if (score >= cutoff) continue;
      this.incidents.delete(id);
      removed++;
    }
    return removed;
  }
}

function revisionKey(kind: Kind): string {
  return `kind:${kind}`;
}
