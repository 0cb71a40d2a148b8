import { analyzeStory } from '../classify/analyze-story.js';
import { toIncidentReport } from '../cluster/incident-report.js';
import type { Analysis, DroppedStoryLog, ReportedStory } from '../domain/index.js';
import { recordReport, type RecordOutcome, type RecordReportDeps } from './record-report.js';

export interface ProcessStoryDeps extends RecordReportDeps {
  dropped: DroppedStoryLog;
}

export type ProcessOutcome = RecordOutcome | { outcome: 'dropped'; analysis: Analysis };

/**
 * One story through the core pipeline: classify and extract, then join or open its incident.
 * A story that is neither a strike nor a negotiation is counted and kept for `explain`.
 */
export async function processStory(story: ReportedStory, deps: ProcessStoryDeps): Promise<ProcessOutcome> {
  const analysis = analyzeStory({ title: story.title, summary: story.summary });
  const now = deps.clock();
  if (analysis.kinds.length === 0) {
    const { id, title, link, source, published } = story;
    await deps.dropped.record({ story: { id, title, link, source, published }, analysis, droppedAt: new Date(now).toISOString() });
    return { outcome: 'dropped', analysis };
  }
  return recordReport(toIncidentReport(story, analysis, now), deps);
}
