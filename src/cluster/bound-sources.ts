import type { IncidentSource, ReportSignature } from '../domain/index.js';
import { credibleMaximum } from './merge-facts.js';

/**
 * An incident keeps at most this many sources: the first report, the reports behind its casualty
 * figures and the newest. Past it the rest are only counted (`omittedSources`), so a long-running
 * incident costs the same to store, merge and deliver as a young one.
 */
export const MAX_KEPT_SOURCES = 24;
/**
 * Matching keeps more signatures than sources (they are small): single link compares a report
 * with each, and the more an incident remembers, the less its partition depends on input order.
 */
export const MAX_KEPT_REPORTS = 48;

export interface BoundedSources {
  sources: IncidentSource[];
  reports: ReportSignature[];
  /** How many sources were dropped by this call. */
  dropped: number;
}

export function boundSources(sources: readonly IncidentSource[], reports: readonly ReportSignature[]): BoundedSources {
  const kept = keepFirstCredibleNewest(sources, MAX_KEPT_SOURCES);
  const byStory = new Map(sources.map((s) => [s.storyId, s]));
  const reportSources = reports.flatMap((r) => byStory.get(r.storyId) ?? []);
  const keptReports = new Set(keepFirstCredibleNewest(reportSources, MAX_KEPT_REPORTS).map((s) => s.storyId));
  return { sources: kept, reports: reports.filter((r) => keptReports.has(r.storyId)), dropped: sources.length - kept.length };
}

/** In their original order: the earliest, the ones behind the killed and injured figures, then the newest. */
function keepFirstCredibleNewest(sources: readonly IncidentSource[], limit: number): IncidentSource[] {
  if (sources.length <= limit) return [...sources];
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
  return sources.filter((s) => keep.has(s));
}
