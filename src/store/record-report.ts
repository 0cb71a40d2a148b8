import type { IncidentReport } from '../cluster/incident-report.js';
import { matchIncident, type MatchPolicy } from '../cluster/match-incident.js';
import { applyReport, openIncident } from '../cluster/merge-incident.js';
import type { Clock, Incident, IncidentChange } from '../domain/index.js';
import { WirewatchError } from '../errors.js';
import type { IncidentStore } from './incident-store.js';

export type RecordOutcome =
  | { outcome: 'opened' | 'updated' | 'unchanged'; incident: Incident; changes: IncidentChange[]; attempts: number }
  | { outcome: 'duplicate'; incidentId: string; attempts: number };

/** Conflicts need two workers on the same place at the same instant; a few retries settle them. */
const MAX_ATTEMPTS = 20;

/**
 * Joins a report to the incident it belongs to, or opens one, and stores the result atomically.
 * A story recorded before (a retried job, a second worker) is a `duplicate` and changes nothing.
 * On a concurrent write to the same incident or candidate indexes, matching is redone on fresh data.
 */
export async function recordReport(
  store: IncidentStore,
  report: IncidentReport,
  policy: MatchPolicy,
  clock: Clock,
): Promise<RecordOutcome> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const known = await store.incidentOfStory(report.story.id);
    if (known !== undefined) return { outcome: 'duplicate', incidentId: known, attempts: attempt };

    const { candidates, readRevisions } = await store.loadCandidates(report, policy);
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
      const [stored] = await store.getStored([match.incident.id]);
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

    const result = await store.commit(incident, report.story.id, { rev, readRevisions }, changes, previous);
    if (result.status === 'duplicate') return { outcome: 'duplicate', incidentId: result.incidentId, attempts: attempt };
    if (result.status === 'committed') {
      const outcome = rev === undefined ? 'opened' : changes.length > 0 ? 'updated' : 'unchanged';
      return { outcome, incident, changes, attempts: attempt };
    }
    // Back off a little, with jitter, so two workers racing on one incident do not collide again.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
  }
  throw new WirewatchError('store_conflict', `story ${report.story.id}: incident kept changing under us after ${MAX_ATTEMPTS} attempts`);
}
