import type { Analysis, IncidentReport, ReportedStory } from '../domain/index.js';
import { signReport } from './report-signature.js';

// The types live in the domain so the repository port can name them; kept importable from here.
export type { IncidentReport, ReportedStory } from '../domain/index.js';

/**
 * Pairs a story with its analysis. `fallbackTime` (the processing clock) stands in for a missing
 * or unreadable publication date, and caps a future one so it cannot stretch an incident's window.
 */
export function toIncidentReport(story: ReportedStory, analysis: Analysis, fallbackTime: number): IncidentReport {
  const parsed = Date.parse(story.published);
  const time = Number.isFinite(parsed) ? Math.min(parsed, fallbackTime) : fallbackTime;
  const signature = signReport(story, analysis, time);
  return { story, analysis, time, terms: signature.terms, signature };
}
