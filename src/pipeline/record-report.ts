import { findJoinable, type MatchPolicy } from '../cluster/match-incident.js';
import { applyReport, openIncident } from '../cluster/merge-incident.js';
import { bridgeIncidents } from '../cluster/merge-incidents.js';
import { relatePlaces } from '../cluster/pair-evidence.js';
import type {
  Clock,
  Incident,
  IncidentCard,
  IncidentChange,
  IncidentReport,
  IncidentRepository,
  Sleep,
  StoredIncident,
} from '../domain/index.js';
import { WirewatchError } from '../errors.js';
import { contentionKeys, type Serialise } from './serialise-by-key.js';

export type RecordOutcome =
  | {
      outcome: 'opened' | 'updated' | 'unchanged';
      incident: Incident;
      changes: IncidentChange[];
      attempts: number;
      /** Incidents this report showed to be the same event, merged into `incident` and retired. */
      retired?: string[];
    }
  | { outcome: 'duplicate'; incidentId: string; attempts: number };

/** How long to back off between attempts; injected so the pipeline holds no timers or randomness. */
export interface RetryPause {
  sleep: Sleep;
  /** A number in [0, 1) (the runtime passes `Math.random`) so racing workers spread out. */
  jitter: () => number;
}

/** For callers with one writer (analyze, evaluation): conflicts cannot repeat, so nothing waits. */
export const NO_PAUSE: RetryPause = { sleep: () => Promise.resolve(), jitter: () => 0 };

export interface RecordReportDeps {
  incidents: IncidentRepository;
  policy: MatchPolicy;
  clock: Clock;
  pause: RetryPause;
  /** Orders reports that may join the same incident (the worker passes one per process). */
  serialise?: Serialise;
}

/** Conflicts need two workers on the same place at the same instant; a few retries settle them. */
const MAX_ATTEMPTS = 20;

/**
 * Joins a report to the incident it belongs to, or opens one, and stores the result atomically.
 * A story recorded before (a retried job, a second worker) is a `duplicate` and changes nothing.
 * On a concurrent write to the same incident or candidate indexes, matching is redone on fresh data.
 */
export async function recordReport(report: IncidentReport, deps: RecordReportDeps): Promise<RecordOutcome> {
  const outcome = await recordFollowUp(report, deps, true);
  if (!outcome) throw new WirewatchError('store_conflict', `story ${report.story.id}: neither joined nor opened an incident`);
  return outcome;
}

/**
 * As `recordReport`, but `open: false` only joins (a story with no kind that may follow up an open
 * strike: a reaction, a toll update): undefined when it joins nothing.
 */
export async function recordFollowUp(report: IncidentReport, deps: RecordReportDeps, open = false): Promise<RecordOutcome | undefined> {
  if (!deps.serialise) return recordOnce(report, deps, open);
  return deps.serialise(contentionKeys(report), () => recordOnce(report, deps, open));
}

async function recordOnce(report: IncidentReport, deps: RecordReportDeps, open: boolean): Promise<RecordOutcome | undefined> {
  const { incidents, policy, clock } = deps;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const known = await incidents.incidentOfStory(report.story.id);
    if (known !== undefined) return { outcome: 'duplicate', incidentId: known, attempts: attempt };

    const { candidates, readRevisions } = await incidents.loadCandidates(report, policy);
    const joinable = findJoinable(
      report,
      candidates.map((c) => c.card),
      policy,
    );
    const now = clock();
    const cardRev = (id: string) => candidates.find((c) => c.card.id === id)?.rev;
    const bridged = incidents.commitMerge
      ? mergeableWith(
          joinable.map((j) => j.incident),
          policy,
        )
      : [];
    if (bridged.length > 1 && incidents.commitMerge) {
      const stored = await incidents.getStored(bridged.map((c) => c.id));
      // Changed or expired since its card was read: match again on fresh data.
      if (stored.length !== bridged.length || stored.some((s) => s.rev !== cardRev(s.incident.id))) continue;
      const [oldest, ...others] = stored as [StoredIncident, ...StoredIncident[]];
      const bridge = bridgeIncidents(
        oldest.incident,
        others.map((o) => o.incident),
        report,
        now,
      );
      const retired = bridge.retired.map((incident, i) => ({ incident, previous: others[i]!.incident, rev: others[i]!.rev }));
      const survivor = { incident: bridge.survivor, previous: oldest.incident, rev: oldest.rev };
      const result = await incidents.commitMerge(survivor, retired, report.story.id, readRevisions, bridge.changes);
      if (result.status === 'duplicate') return { outcome: 'duplicate', incidentId: result.incidentId, attempts: attempt };
      if (result.status === 'committed') {
        return {
          outcome: 'updated',
          incident: bridge.survivor,
          changes: bridge.changes,
          attempts: attempt,
          retired: others.map((o) => o.incident.id),
        };
      }
      await deps.pause.sleep(deps.pause.jitter() * 5 * attempt);
      continue;
    }
    const match = joinable.reduce<(typeof joinable)[number] | undefined>(
      (best, j) => (!best || j.score > best.score ? j : best),
      undefined,
    );
    if (!match && !open) return undefined;
    let incident: Incident;
    let changes: IncidentChange[];
    let rev: number | undefined;
    let previous: Incident | undefined;
    if (match) {
      const [stored] = await incidents.getStored([match.incident.id]);
      if (!stored || stored.rev !== cardRev(match.incident.id)) continue;
      const merged = applyReport(stored.incident, report, now);
      incident = merged.incident;
      changes = merged.changes;
      rev = stored.rev;
      previous = stored.incident;
    } else {
      incident = openIncident(report, now);
      changes = [{ field: 'opened', to: report.story.source }];
      rev = undefined;
    }

    const result = await incidents.commit(incident, report.story.id, { rev, readRevisions }, changes, previous);
    if (result.status === 'duplicate') return { outcome: 'duplicate', incidentId: result.incidentId, attempts: attempt };
    if (result.status === 'committed') {
      const outcome = rev === undefined ? 'opened' : changes.length > 0 ? 'updated' : 'unchanged';
      return { outcome, incident, changes, attempts: attempt };
    }
    // Back off a little, with jitter, so two workers racing on one incident do not collide again.
    await deps.pause.sleep(deps.pause.jitter() * 5 * attempt);
  }
  throw new WirewatchError('store_conflict', `story ${report.story.id}: incident kept changing under us after ${MAX_ATTEMPTS} attempts`);
}

/**
 * The incidents a bridging report merges, oldest first (the survivor): those it joined whose
 * places do not set them apart from the oldest (each joined the report, not necessarily each other).
 */
function mergeableWith(joined: readonly IncidentCard[], policy: MatchPolicy): IncidentCard[] {
  const [oldest, ...others] = joined;
  if (!oldest) return [];
  const placesOf = (card: IncidentCard) => ({ places: card.reports.flatMap((r) => r.places) });
  return [
    oldest,
    ...others.filter((o) => !['differ', 'siblings'].includes(relatePlaces(placesOf(oldest), placesOf(o), policy.ancestorsOf))),
  ];
}
