import type { Incident, IncidentChange } from '../domain/index.js';
import { MAX_INCIDENT_HISTORY } from '../domain/index.js';
import { boundSources } from './bound-sources.js';
import { mergeFacts } from './merge-facts.js';
import type { IncidentReport } from './incident-report.js';
import { applyReport, foldAccount } from './merge-incident.js';

export interface IncidentMerge {
  /** The older incident, now holding both; its version rose by one. */
  survivor: Incident;
  /** The younger one, retired: `mergedInto` points at the survivor; its version rose by one, with `{field:'merged', to: survivor id}`. */
  retired: Incident;
  /** What the survivor's new version changed, `{field:'merged', from: retired id, to: survivor id}` first. */
  changes: IncidentChange[];
}

/**
 * Folds incident `b` into `a` when a report showed they are one event. `a` must be the older
 * one (earlier first report): its id, and so its alert message, lives on. Neither input changes.
 */
export function mergeIncidents(a: Incident, b: Incident, storyId: string, now: number): IncidentMerge {
  const merged: IncidentChange = { field: 'merged', from: b.id, to: a.id };
  const changes: IncidentChange[] = [merged];
  const known = new Set(a.sources.map((s) => s.outlet));
  for (const outlet of new Set(b.sources.map((s) => s.outlet))) if (!known.has(outlet)) changes.push({ field: 'sources', to: outlet });
  const seen = new Set(a.sources.map((s) => s.storyId));
  const sources = [...a.sources, ...b.sources.filter((s) => !seen.has(s.storyId))];
  const facts = mergeFacts(a.facts, b.facts, sources, b.lastSeen >= a.lastSeen);
  const bounded = boundSources(sources, [...a.reports, ...b.reports.filter((r) => !seen.has(r.storyId))]);
  const folded = foldAccount(a, b, { facts, ...bounded, omitted: (b.omittedSources ?? 0) + bounded.dropped }, changes);
  const at = new Date(now).toISOString();
  const survivor: Incident = {
    ...folded,
    mergedFrom: [...new Set([...(a.mergedFrom ?? []), b.id, ...(b.mergedFrom ?? [])])],
    lastUpdated: at,
    version: a.version + 1,
    history: [...a.history, { version: a.version + 1, at, storyId, changes }].slice(-MAX_INCIDENT_HISTORY),
  };
  const retired: Incident = {
    ...b,
    mergedInto: a.id,
    lastUpdated: at,
    version: b.version + 1,
    history: [...b.history, { version: b.version + 1, at, storyId, changes: [{ field: 'merged' as const, to: a.id }] }].slice(
      -MAX_INCIDENT_HISTORY,
    ),
  };
  return { survivor, retired, changes };
}

export interface BridgeResult {
  survivor: Incident;
  retired: Incident[];
  /** The survivor's changes in its one new version: the merges, then what the report added. */
  changes: IncidentChange[];
}

/**
 * A report that joins several open incidents: it is added to the oldest, and the others are
 * merged into it — one new version of the survivor (never one per step), one for each retired.
 */
export function bridgeIncidents(oldest: Incident, others: readonly Incident[], report: IncidentReport, now: number): BridgeResult {
  let survivor = applyReport(oldest, report, now).incident;
  const changes: IncidentChange[] = [];
  const retired: Incident[] = [];
  for (const other of others) {
    const merge = mergeIncidents(survivor, other, report.story.id, now);
    survivor = merge.survivor;
    retired.push(merge.retired);
    changes.push(...merge.changes);
  }
  const reported = applyReport(oldest, report, now).changes;
  const all = [...changes.filter((c) => c.field === 'merged'), ...dedupe([...reported, ...changes.filter((c) => c.field !== 'merged')])];
  const at = new Date(now).toISOString();
  const version = oldest.version + 1;
  const history = [...oldest.history, { version, at, storyId: report.story.id, changes: all }].slice(-MAX_INCIDENT_HISTORY);
  return { survivor: { ...survivor, version, history, lastUpdated: at }, retired, changes: all };
}

/** One change per field and value: a casualty rise seen twice on the way is reported once, at its end. */
function dedupe(changes: readonly IncidentChange[]): IncidentChange[] {
  const byKey = new Map<string, IncidentChange>();
  for (const change of changes) {
    const key = change.field.startsWith('casualties') || change.field === 'severity' ? change.field : `${change.field}:${change.to}`;
    const earlier = byKey.get(key);
    byKey.set(key, earlier && earlier.from !== undefined ? { ...change, from: earlier.from } : change);
  }
  return [...byKey.values()];
}
