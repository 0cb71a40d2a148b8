import { analyzeStory } from '../classify/analyze-story.js';
import { toIncidentReport } from '../cluster/incident-report.js';
import type { Analysis, DroppedStoryLog, IncidentReport, ReportedStory } from '../domain/index.js';
import { recordFollowUp, recordReport, type RecordOutcome, type RecordReportDeps } from './record-report.js';

export interface ProcessStoryDeps extends RecordReportDeps {
  dropped: DroppedStoryLog;
  /**
   * `analyze` and evaluation only (the rules the clustering figures were
   * measured with): every story with no kind is tried as a follow-up, not only one naming a place
   * or site, and one naming a place or site that follows up nothing opens a latent incident (no
   * kind, never an alert) that a later labelled report of the same attack can join. The worker
   * does neither: the first reads every open strike in the window for each such story, the
   * second would make its lookups and delivery hide incidents with no kind.
   */
  latentIncidents?: boolean;
}

export type ProcessOutcome = RecordOutcome | { outcome: 'dropped'; analysis: Analysis };

/**
 * One story through the core pipeline: classify and extract, then join or open its incident.
 * A story that is neither a strike nor a negotiation may still follow up an open strike (a
 * reaction or toll update naming the site hit, which the classifier did not label); otherwise it is
 * counted and kept for `explain`. It never opens an incident of its own.
 */
export async function processStory(story: ReportedStory, deps: ProcessStoryDeps): Promise<ProcessOutcome> {
  const analysis = analyzeStory({ title: story.title, summary: story.summary });
  const now = deps.clock();
  return processReport(toIncidentReport(story, analysis, now), deps, now);
}

/** As `processStory`, for a report already analysed (`analyze` prints the analysis; evaluation reuses it). */
export async function processReport(report: IncidentReport, deps: ProcessStoryDeps, now = deps.clock()): Promise<ProcessOutcome> {
  const { story, analysis } = report;
  if (analysis.kinds.length === 0) {
    const named = report.signature.sites.length > 0 || report.signature.places.length > 0;
    if (named || deps.latentIncidents) {
      const followed = await recordFollowUp(report, deps, named && deps.latentIncidents === true);
      if (followed) return followed;
    }
    const { id, title, link, source, published } = story;
    await deps.dropped.record({ story: { id, title, link, source, published }, analysis, droppedAt: new Date(now).toISOString() });
    return { outcome: 'dropped', analysis };
  }
  return recordReport(report, deps);
}
