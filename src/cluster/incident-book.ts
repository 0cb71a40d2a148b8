import type { Incident, IncidentChange } from '../domain/index.js';
import type { IncidentReport } from './incident-report.js';
import { matchIncident, type MatchPolicy } from './match-incident.js';
import { applyReport, openIncident } from './merge-incident.js';
import { widestWindowMs } from './match-policy.js';

export interface BookEntry {
  incident: Incident;
  changes: IncidentChange[];
  opened: boolean;
}

/**
 * Incidents held in memory, for `wirewatch analyze` and evaluation: the same matching and
 * merging as the story worker, without Redis. Reports are added in input order.
 */
export class IncidentBook {
  private readonly incidents = new Map<string, Incident>();

  constructor(private readonly policy: MatchPolicy) {}

  addReport(report: IncidentReport, now: number): BookEntry {
    const window = widestWindowMs(this.policy);
    const candidates = [...this.incidents.values()].filter((i) => Date.parse(i.lastSeen) >= report.time - window);
    const match = matchIncident(report, candidates, this.policy);
    if (!match) {
      const incident = openIncident(report, now);
      this.incidents.set(incident.id, incident);
      return { incident, changes: [{ field: 'opened', to: report.story.source }], opened: true };
    }
    const merged = applyReport(match.incident, report, now);
    this.incidents.set(merged.incident.id, merged.incident);
    return { incident: merged.incident, changes: merged.changes, opened: false };
  }

  list(): Incident[] {
    return [...this.incidents.values()];
  }
}

/** The incident id of each report, in input order. */
export function clusterReports(reports: readonly IncidentReport[], policy: MatchPolicy, now: number): string[] {
  const book = new IncidentBook(policy);
  return reports.map((report) => book.addReport(report, now).incident.id);
}
