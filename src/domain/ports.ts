import type { Analysis, Severity } from './analysis.js';
import type { ChannelAddress, Subscription } from './delivery.js';
import type { Incident, IncidentCard, IncidentChange, IncidentReport } from './incident.js';
import type { IncidentPage, IncidentQuery } from './incident-query.js';
import type { Story } from './story.js';

/** Injected dependencies, so core code never reads the real clock or a global logger. */
export type Clock = () => number;

/** The subset of pino's logger the core uses; tests pass a real pino logger or `silentLogger`. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** Waits about `ms` milliseconds; the runtime passes a timer, pure callers one that does not wait. */
export type Sleep = (ms: number) => Promise<void>;

/** The part of the match policy a repository needs to pick candidates near a report in time. */
export interface CandidateWindows {
  strikeWindowMs: number;
  negotiationWindowMs: number;
  /** Strikes: a follow-up naming the same place and site reaches this far back (default: the strike window). */
  followUpMs?: number;
}

export interface StoredIncident {
  incident: Incident;
  /** Bumped by every write; the optimistic-concurrency token. */
  rev: number;
}

export interface StoredCard {
  card: IncidentCard;
  rev: number;
}

export interface CandidateSet {
  candidates: StoredCard[];
  /** What was read (an index key) → its revision then; the commit fails if any moved. */
  readRevisions: Map<string, number>;
}

/** What a commit was decided on: the incident's revision (undefined when opening) and the reads. */
export interface CommitBasis {
  rev: number | undefined;
  readRevisions: ReadonlyMap<string, number>;
}

/** One incident of a merge: its new state, the stored version it came from and that version's revision. */
export interface MergeWrite {
  incident: Incident;
  previous: Incident;
  rev: number;
}

export type CommitOutcome =
  { status: 'committed'; rev: number } | { status: 'duplicate'; incidentId: string } | { status: 'conflict'; on: string };

/**
 * Where incidents live (Redis in production, memory for `analyze`). Writes are optimistic: a
 * commit succeeds only if nothing it was based on changed, claims its story once, and records
 * the incident, its listing and its material changes in one step.
 */
export interface IncidentRepository {
  /** Which incident a story already went into, if it was recorded before. */
  incidentOfStory(storyId: string): Promise<string | undefined>;
  /** Open incidents a report could join: near it in time and place (or parties), never a scan. */
  loadCandidates(report: IncidentReport, windows: CandidateWindows): Promise<CandidateSet>;
  /** The stored incidents among `ids`, in order; ids that are gone are skipped. */
  getStored(ids: readonly string[]): Promise<StoredIncident[]>;
  getIncident(id: string): Promise<Incident | undefined>;
  /** `previous` is the version the merge started from, so listings it left are updated. */
  commit(
    incident: Incident,
    storyId: string,
    basis: CommitBasis,
    changes: readonly IncidentChange[],
    previous?: Incident,
  ): Promise<CommitOutcome>;
  /**
   * A report that bridged incidents, in one atomic step: the survivor (the oldest, grown by the
   * report and the others) and each incident merged into it (retired: `mergedInto` set, out of
   * every listing, kept for delivery). Optional: without it a bridging report joins one incident.
   */
  commitMerge?(
    survivor: MergeWrite,
    retired: readonly MergeWrite[],
    storyId: string,
    readRevisions: ReadonlyMap<string, number>,
    changes: readonly IncidentChange[],
  ): Promise<CommitOutcome>;
  /** Newest report first, filtered by region (with sub-regions), kind and time, one page. */
  list(query: IncidentQuery): Promise<IncidentPage>;
  /** Removes incidents whose newest report is older than the retention period; returns how many. */
  removeExpired(now: number): Promise<number>;
}

/** A story that was neither a strike nor a negotiation, kept so `explain` can show why. */
export interface DroppedStory {
  story: Pick<Story, 'id' | 'title' | 'link' | 'source' | 'published'>;
  analysis: Analysis;
  /** ISO 8601, processing clock. */
  droppedAt: string;
}

/** Where the pipeline notes a dropped story; recording one story twice counts it once. */
export interface DroppedStoryLog {
  record(dropped: DroppedStory): Promise<void>;
}

/** What fan-out asks the subscription index (built by `describeRecipientQuery`). */
export interface RecipientQuery {
  /** Strike regions and their ancestors; empty for an incident that is not a strike. */
  regionCodes: readonly string[];
  /** Countries of the talks' parties; empty for an incident that is not a negotiation. */
  countries: readonly string[];
  /** The incident's severity: a subscription's minimum must be at or below it. */
  severity: Severity;
}

/**
 * Where subscriptions live (user data: durable, never dropped by a bad command). The Redis
 * implementation is `src/store/subscription-store.ts`; command use cases and fan-out depend
 * only on this port.
 */
export interface SubscriptionRepository {
  /** Adds or replaces the channel's subscription to `subscription.region`; clears any pause of the channel. */
  save(subscription: Subscription): Promise<{ created: boolean; previous?: Subscription; unpaused: number }>;
  /** Removes one region's subscription of a channel, or every one when `region` is undefined. */
  remove(channel: ChannelAddress, region?: string): Promise<Subscription[]>;
  listByChannel(channel: ChannelAddress): Promise<Subscription[]>;
  listAll(): Promise<Subscription[]>;
  count(): Promise<number>;
  /** Every subscription to one of `regionCodes`, or whose region lies in one of `countries`. */
  findMatching(query: { regionCodes: readonly string[]; countries: readonly string[] }): Promise<Subscription[]>;
  /**
   * The channels an incident goes to, once each: unpaused subscriptions that want strikes in one
   * of `regionCodes`, or talks in one of `countries`, whose minimum severity `severity` meets.
   * The same rule as `selectRecipients` over `findMatching`, answered from the index alone.
   */
  findRecipients(query: RecipientQuery): Promise<ChannelAddress[]>;
  /** Stops delivery to every subscription of the channel until it is subscribed again. */
  pauseChannel(channel: ChannelAddress, paused: NonNullable<Subscription['paused']>): Promise<number>;
}
