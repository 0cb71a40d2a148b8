import { toIncidentReport } from '../cluster/incident-report.js';
import type { MatchPolicy } from '../cluster/match-incident.js';
import type { Analysis, IncidentReport, StoryInput } from '../domain/index.js';
import { htmlToText } from '../text/html-to-text.js';
import { MemoryIncidentRepository } from './memory-incident-repository.js';
import { NO_PAUSE, recordReport, type RecordOutcome } from './record-report.js';

/** Nothing expires while one `analyze` run or evaluation lasts. */
const KEEP_EVERYTHING_MS = Number.MAX_SAFE_INTEGER;

/**
 * For `wirewatch analyze`: gives each story, in input order, the incident it joins or opens,
 * through the same `recordReport` as the story worker but over an in-memory repository. An
 * incident is named by the id of the input story that opened it, so the output reads "s3
 * belongs with s1". Stories that are neither kind get their own id. `now` stands in for missing dates.
 */
export function createIncidentAssigner(policy: MatchPolicy, now: number): (story: StoryInput, analysis: Analysis) => Promise<string> {
  const record = createMemoryRecorder(policy, now);
  const openedBy = new Map<string, string>();
  return async (story, analysis) => {
    if (analysis.kinds.length === 0) return story.id;
    const reported = {
      id: story.id,
      title: story.title,
      summary: htmlToText(story.summary ?? ''),
      // Without a link or outlet, each story still counts as its own report, not a duplicate.
      link: story.link ?? `story:${story.id}`,
      source: story.source ?? 'unknown outlet',
      published: story.published ?? '',
    };
    const result = await record(toIncidentReport(reported, analysis, now));
    if (result.outcome === 'opened') openedBy.set(result.incident.id, story.id);
    const id = result.outcome === 'duplicate' ? result.incidentId : result.incident.id;
    return openedBy.get(id) ?? id;
  };
}

/** The incident id of each report, clustered in input order in memory (evaluation, tests, bench). */
export async function clusterReports(reports: readonly IncidentReport[], policy: MatchPolicy, now: number): Promise<string[]> {
  const record = createMemoryRecorder(policy, now);
  const ids: string[] = [];
  for (const report of reports) {
    const result = await record(report);
    ids.push(result.outcome === 'duplicate' ? result.incidentId : result.incident.id);
  }
  return ids;
}

/** `recordReport` over a fresh in-memory repository, with a fixed clock and no waiting. */
export function createMemoryRecorder(policy: MatchPolicy, now: number): (report: IncidentReport) => Promise<RecordOutcome> {
  const incidents = new MemoryIncidentRepository({ ancestorsOf: policy.ancestorsOf, retentionMs: KEEP_EVERYTHING_MS });
  const deps = { incidents, policy, clock: () => now, pause: NO_PAUSE };
  return (report) => recordReport(report, deps);
}
