import type { Redis } from 'ioredis';
import type { AncestorsOf } from '../cluster/region-lineage.js';
import {
  decodePageCursor,
  toIncidentPage,
  type CandidateSet,
  type CandidateWindows,
  type CommitBasis,
  type CommitOutcome,
  type Incident,
  type IncidentCard,
  type IncidentChange,
  type IncidentPage,
  type IncidentQuery,
  type IncidentReport,
  type IncidentRepository,
  type MergeWrite,
  type PageCursor,
  type StoredCard,
  type StoredIncident,
} from '../domain/index.js';
import { commitIncident } from './commit-incident.js';
import { candidateReads } from '../cluster/candidate-indexes.js';
import { commitMerge } from './commit-merge.js';
import { IncidentKeys } from './incident-keys.js';

export interface IncidentStoreOptions {
  redis: Redis;
  /** `{wirewatch}` in production, a unique prefix per test. */
  prefix: string;
  ancestorsOf: AncestorsOf;
  /** Incidents with no report for this long are removed (config `incidents.retentionDays`). */
  retentionMs: number;
  /** Per index read, the most recent incidents considered as match candidates. */
  maxCandidatesPerIndex?: number;
  changeStreamMaxLen?: number;
}

const DAY_SECONDS = 86_400;

const LIST_BATCH = 100;

/** Incidents in Redis: one hash per incident plus sorted-set indexes by time, kind, region and party. */
export class IncidentStore implements IncidentRepository {
  private readonly keys: IncidentKeys;
  private readonly redis: Redis;
  private readonly maxCandidates: number;

  constructor(private readonly options: IncidentStoreOptions) {
    this.keys = new IncidentKeys(options.prefix);
    this.redis = options.redis;
    this.maxCandidates = options.maxCandidatesPerIndex ?? 200;
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    return (await this.getStored([id]))[0]?.incident;
  }

  async getStored(ids: readonly string[]): Promise<StoredIncident[]> {
    const rows = await this.readFields(ids, ['data', 'card', 'rev']);
    return rows.map(([data = '{}', card = '{}', rev]) => ({
      incident: { ...(JSON.parse(data) as Incident), reports: (JSON.parse(card) as IncidentCard).reports },
      rev: Number(rev),
    }));
  }

  /** Only what matching needs, about a third of the incident: candidate reads stay cheap. */
  async getCards(ids: readonly string[]): Promise<StoredCard[]> {
    const rows = await this.readFields(ids, ['card', 'rev']);
    return rows.map(([card = '{}', rev]) => ({ card: JSON.parse(card) as IncidentCard, rev: Number(rev) }));
  }

  private async readFields(ids: readonly string[], fields: readonly string[]): Promise<string[][]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hmget(this.keys.incident(id), ...fields);
    const rows: string[][] = [];
    for (const [error, value] of (await pipeline.exec()) ?? []) {
      if (error) throw error;
      const row = value as (string | null)[];
      if (row.every((v) => v !== null)) rows.push(row as string[]);
    }
    return rows;
  }

  async incidentOfStory(storyId: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.story(storyId))) ?? undefined;
  }

  /** Reads the indexes of the report's places (its regions, the regions around them, or for talks its parties). */
  async loadCandidates(report: IncidentReport, policy: CandidateWindows): Promise<CandidateSet> {
    const reads = new Map(
      [...candidateReads(report, policy, this.options.ancestorsOf)].map(([name, since]) => [this.keys.index(name), since] as const),
    );
    const indexKeys = [...reads.keys()];
    const revisions = indexKeys.length === 0 ? [] : await this.redis.hmget(this.keys.revisions(), ...indexKeys);
    const readRevisions = new Map(indexKeys.map((key, i) => [key, Number(revisions[i] ?? 0)]));
    const pipeline = this.redis.pipeline();
    for (const [key, since] of reads) pipeline.zrevrangebyscore(key, '+inf', since, 'LIMIT', 0, this.maxCandidates);
    const ids = new Set<string>();
    for (const [error, members] of (await pipeline.exec()) ?? []) {
      if (error) throw error;
      for (const id of members as string[]) ids.add(id);
    }
    return { candidates: await this.getCards([...ids]), readRevisions };
  }

  commit(
    incident: Incident,
    storyId: string,
    basis: CommitBasis,
    changes: readonly IncidentChange[],
    previous?: Incident,
  ): Promise<CommitOutcome> {
    const retentionSeconds = Math.ceil(this.options.retentionMs / 1000);
    const indexes = this.keys.indexesOf(incident, this.options.ancestorsOf);
    const live = new Set(indexes);
    const stale = previous ? this.keys.indexesOf(previous, this.options.ancestorsOf).filter((key) => !live.has(key)) : [];
    return commitIncident(
      this.redis,
      {
        incident: this.keys.incident(incident.id),
        story: this.keys.story(storyId),
        revisions: this.keys.revisions(),
        changes: this.keys.changes(),
        indexes,
        staleIndexes: stale,
      },
      {
        incident,
        storyId,
        expectedRev: basis.rev,
        readRevisions: basis.readRevisions,
        changes,
        storyTtlSeconds: retentionSeconds,
        // A day of slack so cleanup, not expiry, normally removes incidents (and their index entries).
        incidentTtlSeconds: retentionSeconds + DAY_SECONDS,
        changeStreamMaxLen: this.options.changeStreamMaxLen ?? 10_000,
      },
    );
  }

  /**
   * A report that bridged incidents: the survivor (merged and grown) and every retired incident
   * in one atomic commit. A retired incident leaves every index (lookups and matching never see
   * it again) but stays stored, with `mergedInto`, for delivery to retire its messages.
   */
  commitMerge(
    survivor: MergeWrite,
    retired: readonly MergeWrite[],
    storyId: string,
    readRevisions: ReadonlyMap<string, number>,
    changes: readonly IncidentChange[],
  ): Promise<CommitOutcome> {
    const retentionSeconds = Math.ceil(this.options.retentionMs / 1000);
    const indexes = this.keys.indexesOf(survivor.incident, this.options.ancestorsOf);
    const live = new Set(indexes);
    return commitMerge(this.redis, {
      storyKey: this.keys.story(storyId),
      revisionsKey: this.keys.revisions(),
      changesKey: this.keys.changes(),
      storyId,
      readRevisions,
      storyTtlSeconds: retentionSeconds,
      incidentTtlSeconds: retentionSeconds + DAY_SECONDS,
      changeStreamMaxLen: this.options.changeStreamMaxLen ?? 10_000,
      writes: [
        {
          incident: survivor.incident,
          key: this.keys.incident(survivor.incident.id),
          expectedRev: survivor.rev,
          changes,
          indexes,
          staleIndexes: this.keys.indexesOf(survivor.previous, this.options.ancestorsOf).filter((key) => !live.has(key)),
        },
        ...retired.map((r) => ({
          incident: r.incident,
          key: this.keys.incident(r.incident.id),
          expectedRev: r.rev,
          changes: r.incident.history.at(-1)?.changes ?? [],
          indexes: [],
          staleIndexes: this.keys.indexesOf(r.previous, this.options.ancestorsOf),
        })),
      ],
    });
  }

  /** Retention: deletes the incidents and removes them from every index. */
  async removeExpired(now: number): Promise<number> {
    const cutoff = now - this.options.retentionMs;
    const expired = await this.redis.zrangebyscore(this.keys.byTime(), '-inf', `(${cutoff}`);
    const indexKeys = await this.redis.hkeys(this.keys.revisions());
    const pipeline = this.redis.pipeline();
    for (let i = 0; i < expired.length; i += 500) pipeline.unlink(...expired.slice(i, i + 500).map((id) => this.keys.incident(id)));
    for (const key of indexKeys) pipeline.zremrangebyscore(key, '-inf', `(${cutoff}`);
    for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
    return expired.length;
  }

  /**
   * Reads one index (the region's, which includes its sub-regions, else the kind's, else all)
   * in batches, newest first, continuing after the cursor's (time, id).
   */
  async list(query: IncidentQuery): Promise<IncidentPage> {
    const keys = this.keys;
    const key = query.region !== undefined ? keys.within(query.region) : query.kind !== undefined ? keys.byKind(query.kind) : keys.byTime();
    const after = query.cursor === undefined ? undefined : decodePageCursor(query.cursor);
    const max = after === undefined ? '+inf' : String(after.score);
    const min = query.since === undefined ? '-inf' : String(query.since);
    const page: { incident: Incident; score: number }[] = [];
    for (let offset = 0; page.length <= query.limit; offset += LIST_BATCH) {
      const reply = await this.redis.zrevrangebyscore(key, max, min, 'WITHSCORES', 'LIMIT', offset, LIST_BATCH);
      const members: PageCursor[] = [];
      for (let i = 0; i + 1 < reply.length; i += 2) members.push({ id: reply[i] ?? '', score: Number(reply[i + 1]) });
      // Equal scores come in reverse id order; skip what the previous page already showed.
      const fresh = members.filter((m) => after === undefined || m.score < after.score || m.id < after.id);
      const stored = await this.getStored(fresh.map((m) => m.id));
      const scoreOf = new Map(fresh.map((m) => [m.id, m.score]));
      for (const { incident } of stored) {
        if (query.kind !== undefined && !incident.kinds.includes(query.kind)) continue;
        page.push({ incident, score: scoreOf.get(incident.id) ?? 0 });
      }
      if (members.length < LIST_BATCH) break;
    }
    return toIncidentPage(page, query.limit);
  }
}
