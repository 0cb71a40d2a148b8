import { analyzeStory } from '../classify/analyze-story.js';
import { toIncidentReport } from '../cluster/incident-report.js';
import type { Analysis, DroppedStoryLog, ReportedStory } from '../domain/index.js';
import { recordFollowUp, recordReport, type RecordOutcome, type RecordReportDeps } from './record-report.js';

export interface ProcessStoryDeps extends RecordReportDeps {
  dropped: DroppedStoryLog;
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
  if (analysis.kinds.length === 0) {
    const report = toIncidentReport(story, analysis, now);
    if (report.signature.sites.length > 0 || report.signature.places.length > 0) {
      const followed = await recordFollowUp(report, deps);
      if (followed) return followed;
    }
    const { id, title, link, source, published } = story;
    await deps.dropped.record({ story: { id, title, link, source, published }, analysis, droppedAt: new Date(now).toISOString() });
    return { outcome: 'dropped', analysis };
  }
  return recordReport(toIncidentReport(story, analysis, now), deps);
}
