import type { Analysis, Story } from '../domain/index.js';
import { signReport, type ReportSignature } from './report-signature.js';

/** The fields of a story that incidents keep (the analyze CLI has no feed id). */
export type ReportedStory = Pick<Story, 'id' | 'title' | 'summary' | 'link' | 'published' | 'source'>;

/** A story with its analysis, ready to be matched against incidents and merged into one. */
export interface IncidentReport {
  story: ReportedStory;
  analysis: Analysis;
  /** Publication time in ms since the epoch. */
  time: number;
  terms: string[];
  /** What pairwise matching compares (places at town level, sites, terms, toll). */
  signature: ReportSignature;
}

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
