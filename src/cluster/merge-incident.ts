import { createHash } from 'node:crypto';
import type {
  Facts,
  Incident,
  IncidentChange,
  IncidentSource,
  Kind,
  RegionRef,
  ReportSignature,
  Severity,
  TargetType,
} from '../domain/index.js';
import { MAX_INCIDENT_HISTORY, SEVERITIES } from '../domain/index.js';
import { describeReport } from './describe-report.js';
import type { IncidentReport } from './incident-report.js';
import { mergeFacts } from './merge-facts.js';
import { boundSources } from './bound-sources.js';

export interface MergeResult {
  incident: Incident;
  /** Empty when nothing material changed (a plain duplicate): the version did not rise. */
  changes: IncidentChange[];
  /** The report was already a source (same outlet + link): nothing at all was changed. */
  duplicate: boolean;
}

/** Incident ids derive from the opening story, so retrying that story opens the same id. */
export function incidentIdFor(storyId: string): string {
  return `inc-${createHash('sha256').update(storyId).digest('base64url').slice(0, 16)}`;
}

export function openIncident(report: IncidentReport, now: number): Incident {
  const { story, analysis } = report;
  const at = new Date(now).toISOString();
  const published = new Date(report.time).toISOString();
  const description = describeReport(report);
  return {
    id: incidentIdFor(story.id),
    kinds: [...analysis.kinds],
    regions: analysis.regions.map((r) => ({ ...r })),
    headline: description.headline,
    summary: description.summary,
    facts: mergeFacts(undefined, analysis.facts, [toSource(report)], true),
    severity: analysis.severity,
    firstSeen: published,
    lastSeen: published,
    lastUpdated: at,
    sources: [toSource(report)],
    version: 1,
    history: [{ version: 1, at, storyId: story.id, changes: [{ field: 'opened', to: story.source }] }],
    reports: [report.signature],
    clarity: description.clarity,
  };
}

/**
 * Folds one more report into an incident. The version rises only when something material
 * changed: a new outlet, higher casualties, a new region, target or kind, a negotiation status
 * change, a higher severity. The input incident is not modified.
 */
export function applyReport(incident: Incident, report: IncidentReport, now: number): MergeResult {
  const source = toSource(report);
  if (incident.sources.some((s) => s.storyId === source.storyId || (s.outlet === source.outlet && s.link === source.link))) {
    return { incident, changes: [], duplicate: true };
  }
  const { analysis } = report;
  const changes: IncidentChange[] = [];
  if (!incident.sources.some((s) => s.outlet === source.outlet)) changes.push({ field: 'sources', to: source.outlet });

  const isLatest = report.time >= Date.parse(incident.lastSeen);
  const facts = mergeFacts(incident.facts, analysis.facts, [...incident.sources, source], isLatest);
  const bounded = boundSources([...incident.sources, source], [...incident.reports, report.signature]);
  const published = new Date(report.time).toISOString();
  const account = { ...analysis, ...describeReport(report), firstSeen: published, lastSeen: published };
  const merged = foldAccount(incident, account, { facts, ...bounded, omitted: bounded.dropped }, changes);
  if (changes.length === 0) return { incident: merged, changes, duplicate: false };

  const at = new Date(now).toISOString();
  const version = incident.version + 1;
  const history = [...incident.history, { version, at, storyId: report.story.id, changes }].slice(-MAX_INCIDENT_HISTORY);
  return { incident: { ...merged, version, history, lastUpdated: at }, changes, duplicate: false };
}

function toSource(report: IncidentReport): IncidentSource {
  const { story, analysis } = report;
  const source: IncidentSource = {
    storyId: story.id,
    outlet: story.source,
    title: story.title,
    link: story.link,
    published: new Date(report.time).toISOString(),
  };
  if (analysis.facts.casualties.killed !== undefined) source.killed = analysis.facts.casualties.killed;
  if (analysis.facts.casualties.injured !== undefined) source.injured = analysis.facts.casualties.injured;
  return source;
}

/** Another account of the same event: a report's, or a second incident's being merged in. */
export interface Account {
  kinds: readonly Kind[];
  regions: readonly RegionRef[];
  severity: Severity;
  headline: string;
  summary: string;
  clarity: number;
  firstSeen: string;
  lastSeen: string;
}

/**
 * What adding a report and merging two incidents share: the union of kinds and regions, the
 * higher severity, the clearer description, the wider time span, with each material change noted.
 * `merged` holds the facts and bounded sources the caller combined (`omitted`: sources it dropped).
 */
export function foldAccount(
  base: Incident,
  account: Account,
  merged: { facts: Facts; sources: IncidentSource[]; reports: ReportSignature[]; omitted: number },
  changes: IncidentChange[],
): Incident {
  const kinds = [...base.kinds];
  for (const kind of account.kinds) {
    if (kinds.includes(kind)) continue;
    kinds.push(kind);
    changes.push({ field: 'kinds', to: kind });
  }
  const regions = mergeRegions(base.regions, account.regions, changes);
  noteFactChanges(base, { facts: merged.facts }, changes);
  const severity = SEVERITIES.indexOf(account.severity) > SEVERITIES.indexOf(base.severity) ? account.severity : base.severity;
  if (severity !== base.severity) changes.push({ field: 'severity', from: base.severity, to: severity });
  const clearer = account.clarity > base.clarity;
  const folded: Incident = {
    ...base,
    kinds,
    regions,
    facts: merged.facts,
    severity,
    sources: merged.sources,
    reports: merged.reports,
    headline: clearer ? account.headline : base.headline,
    summary: clearer ? account.summary : base.summary,
    clarity: Math.max(account.clarity, base.clarity),
    firstSeen: account.firstSeen < base.firstSeen ? account.firstSeen : base.firstSeen,
    lastSeen: account.lastSeen > base.lastSeen ? account.lastSeen : base.lastSeen,
  };
  const omitted = (base.omittedSources ?? 0) + merged.omitted;
  if (omitted > 0) folded.omittedSources = omitted;
  return folded;
}

export function mergeRegions(known: readonly RegionRef[], reported: readonly RegionRef[], changes: IncidentChange[]): RegionRef[] {
  const regions = known.map((r) => ({ ...r }));
  for (const region of reported) {
    if (regions.some((r) => r.code === region.code)) continue;
    regions.push({ ...region });
    changes.push({ field: 'regions', to: region.code });
  }
  return regions;
}

export function noteFactChanges(before: Incident, after: Pick<Incident, 'facts'>, changes: IncidentChange[]): void {
  for (const field of ['killed', 'injured'] as const) {
    const from = before.facts.casualties[field] ?? 0;
    const to = after.facts.casualties[field] ?? 0;
    if (to > from) changes.push({ field: `casualties.${field}`, from, to });
  }
  const oldTargets = new Set<TargetType>(before.facts.targets);
  for (const target of after.facts.targets) if (!oldTargets.has(target)) changes.push({ field: 'targets', to: target });
  const fromStatus = before.facts.negotiation?.status;
  const toStatus = after.facts.negotiation?.status;
  if (toStatus !== undefined && toStatus !== fromStatus) {
    changes.push(
      fromStatus === undefined
        ? { field: 'negotiation.status', to: toStatus }
        : { field: 'negotiation.status', from: fromStatus, to: toStatus },
    );
  }
}
