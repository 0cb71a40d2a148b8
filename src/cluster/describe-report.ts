import { splitSentences } from '../text/split-sentences.js';
import type { IncidentReport } from './incident-report.js';

/** Longer summaries stop being a glance in a chat alert. */
const MAX_SUMMARY_CHARS = 300;

export interface ReportDescription {
  headline: string;
  /** One or two sentences of the report's own summary (extractive, never rewritten). */
  summary: string;
  /** Higher is clearer: a specific headline and a summary that states figures. */
  clarity: number;
}

/** Headline, condensed summary and how clear the report is, for picking the incident's text. */
export function describeReport(report: IncidentReport): ReportDescription {
  const { story, analysis } = report;
  const headline = story.title.trim();
  const summary = condenseSummary(story.summary) || headline;
  let clarity = 0;
  if (headline.length >= 30 && headline.length <= 130) clarity += 1;
  if (/\d/.test(headline)) clarity += 0.5;
  if (analysis.regions.some((r) => headline.toLowerCase().includes(r.name.toLowerCase()))) clarity += 0.5;
  if (/\b(live|opinion|analysis|explainer|what we know)\b|\?$/i.test(headline)) clarity -= 2;
  if (summary.length >= 80) clarity += 1;
  if (analysis.facts.casualties.killed !== undefined || analysis.facts.casualties.injured !== undefined) clarity += 1;
  if (analysis.facts.weapons.length > 0) clarity += 0.5;
  if (analysis.facts.targets.length > 0) clarity += 0.5;
  return { headline, summary, clarity };
}

/** The first sentence, plus the second when both fit the alert. */
export function condenseSummary(text: string): string {
  const sentences = splitSentences(text.replace(/\s+/g, ' ').trim());
  const [first, second] = sentences;
  if (first === undefined) return '';
  if (first.length > MAX_SUMMARY_CHARS) return `${first.slice(0, MAX_SUMMARY_CHARS - 1).replace(/\s+\S*$/, '')}…`;
  if (second !== undefined && first.length + 1 + second.length <= MAX_SUMMARY_CHARS) return `${first} ${second}`;
  return first;
}
