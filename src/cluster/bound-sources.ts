import type { IncidentSource, ReportSignature } from '../domain/index.js';
import { credibleMaximum } from './merge-facts.js';

/**
 * An incident keeps at most this many sources (and one matching signature per kept source): the
 * first report, the reports behind its casualty figures and the newest. Past it the rest are only
 * counted, so a long-running incident costs the same to match and merge as a young one.
 */
export const MAX_KEPT_SOURCES = 24;

export interface BoundedSources {
  sources: IncidentSource[];
  reports: ReportSignature[];
  /** How many sources were dropped by this call. */
  dropped: number;
}

export function boundSources(
  sources: readonly IncidentSource[],
  reports: readonly ReportSignature[],
  limit = MAX_KEPT_SOURCES,
): BoundedSources {
  if (sources.length <= limit) return { sources: [...sources], reports: keepReports(reports, sources), dropped: 0 };
  const keep = new Set<IncidentSource>();
  const byTime = [...sources].sort((a, b) => a.published.localeCompare(b.published) || a.storyId.localeCompare(b.storyId));
  const first = byTime[0];
  if (first) keep.add(first);
  for (const field of ['killed', 'injured'] as const) {
    const figure = credibleMaximum(sources, field);
    const behind = figure === undefined ? undefined : byTime.find((s) => s[field] === figure);
    if (behind) keep.add(behind);
  }
  for (let i = byTime.length - 1; i >= 0 && keep.size < limit; i--) keep.add(byTime[i]!);
  const kept = sources.filter((s) => keep.has(s));
  return { sources: kept, reports: keepReports(reports, kept), dropped: sources.length - kept.length };
}

function keepReports(reports: readonly ReportSignature[], sources: readonly IncidentSource[]): ReportSignature[] {
  const ids = new Set(sources.map((s) => s.storyId));
  return reports.filter((r) => ids.has(r.storyId));
}
