import { analyzeStory } from '../classify/analyze-story.js';
import { toIncidentReport, type ReportedStory } from '../cluster/incident-report.js';
import type { MatchPolicy } from '../cluster/match-incident.js';
import type { Analysis, Clock } from '../domain/index.js';
import type { DroppedStories } from './dropped-stories.js';
import type { IncidentStore } from './incident-store.js';
import { recordReport, type RecordOutcome } from './record-report.js';

export interface ProcessStoryDeps {
  store: IncidentStore;
  dropped: DroppedStories;
  policy: MatchPolicy;
  clock: Clock;
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
  return recordReport(deps.store, toIncidentReport(story, analysis, now), deps.policy, deps.clock);
}
