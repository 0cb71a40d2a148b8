import { matchIncident, type MatchPolicy } from '../cluster/match-incident.js';
import { applyReport, openIncident } from '../cluster/merge-incident.js';
import type { Clock, Incident, IncidentChange, IncidentReport, IncidentRepository, Sleep } from '../domain/index.js';
import { WirewatchError } from '../errors.js';
import { contentionKeys, type Serialise } from './serialise-by-key.js';

export type RecordOutcome =
  | { outcome: 'opened' | 'updated' | 'unchanged'; incident: Incident; changes: IncidentChange[]; attempts: number }
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
  if (!deps.serialise) return recordOnce(report, deps);
  return deps.serialise(contentionKeys(report), () => recordOnce(report, deps));
}

async function recordOnce(report: IncidentReport, deps: RecordReportDeps): Promise<RecordOutcome> {
  const { incidents, policy, clock } = deps;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const known = await incidents.incidentOfStory(report.story.id);
    if (known !== undefined) return { outcome: 'duplicate', incidentId: known, attempts: attempt };

    const { candidates, readRevisions } = await incidents.loadCandidates(report, policy);
    const match = matchIncident(
      report,
      candidates.map((c) => c.card),
      policy,
    );
    const now = clock();
    let incident: Incident;
    let changes: IncidentChange[];
    let rev: number | undefined;
    let previous: Incident | undefined;
    if (match) {
      const [stored] = await incidents.getStored([match.incident.id]);
      // Changed or expired since its card was read: match again on fresh data.
      if (!stored || stored.rev !== candidates.find((c) => c.card.id === match.incident.id)?.rev) continue;
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
