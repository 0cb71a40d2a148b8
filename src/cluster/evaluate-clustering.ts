import { z } from 'zod';
import { analyzeStory } from '../classify/analyze-story.js';
import type { ReportedStory } from '../domain/index.js';
import { WirewatchError } from '../errors.js';
import { clusterReports, createIncidentAssigner } from '../pipeline/assign-incidents.js';
import { toIncidentReport, type IncidentReport } from './incident-report.js';
import type { MatchPolicy } from './match-incident.js';
import { scoreClusters, type ClusterReport } from './score-clusters.js';

/** One line of a clustering set (../shared/corpus/clusters-dev.jsonl): a story and its true event. */
export type ClusterStory = ReportedStory & { event: string };

const LINE = z.object({
  id: z.string().min(1),
  title: z.string(),
  summary: z.string().optional().default(''),
  published: z.string(),
  source: z.string().optional().default('unknown outlet'),
  link: z.string().optional().default(''),
  event: z.string().min(1),
});

export function parseClusterSet(text: string): ClusterStory[] {
  return text.split('\n').flatMap((line, i) => {
    if (line.trim().length === 0) return [];
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (cause) {
      throw new WirewatchError('input_invalid', `line ${i + 1}: not JSON`, { cause });
    }
    const parsed = LINE.safeParse(raw);
    if (!parsed.success)
      throw new WirewatchError('input_invalid', `line ${i + 1}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
    return [{ ...parsed.data, link: parsed.data.link || `story:${parsed.data.id}` }];
  });
}

/** Distractors of the set are each a different attack: `single-<row>`. */
export const isDistractor = (event: string): boolean => event.startsWith('single-');

/** Clusters the stories as `wirewatch analyze` does (in file order) and scores the partition. */
export async function evaluateClustering(stories: readonly ClusterStory[], policy: MatchPolicy, now: number): Promise<ClusterReport> {
  const assigner = createIncidentAssigner(policy, now);
  const assigned: string[] = [];
  for (const story of stories) assigned.push(await assigner.assign(story, analyzeStory(story)));
  const incidents = await Promise.all(assigned.map((id) => assigner.resolve(id)));
  return scoreClusters(
    stories.map((story, i) => ({ id: story.id, event: story.event, incident: incidents[i] ?? story.id })),
    isDistractor,
  );
}

/** Stories analysed once, for scoring many policies (cross-validation). */
export interface PreparedStory {
  story: ClusterStory;
  report: IncidentReport;
}

export function prepareStories(stories: readonly ClusterStory[], now: number): PreparedStory[] {
  return stories.map((story) => ({ story, report: toIncidentReport(story, analyzeStory(story), now) }));
}

/** The same partition as `evaluateClustering`, from prepared reports. */
export async function scorePrepared(prepared: readonly PreparedStory[], policy: MatchPolicy, now: number): Promise<ClusterReport> {
  const ids = await clusterReports(
    prepared.map((p) => p.report),
    policy,
    now,
  );
  return scoreClusters(
    prepared.map((p, i) => ({ id: p.story.id, event: p.story.event, incident: ids[i] ?? p.story.id })),
    isDistractor,
  );
}

export function formatClusterReport(report: ClusterReport, file: string): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = [`incident clustering on ${file}: ${report.overall.stories} stories → ${report.overall.incidents} incidents`, ''];
  lines.push('| event | stories | incidents | pair P | pair R | B³ F1 |', '| --- | --- | --- | --- | --- | --- |');
  for (const e of report.events) {
    lines.push(`| ${e.event} | ${e.stories} | ${e.incidents} | ${pct(e.pairs.precision)} | ${pct(e.pairs.recall)} | ${pct(e.bcubed.f1)} |`);
  }
  const o = report.overall;
  lines.push(
    `| **overall** | ${o.stories} | ${o.incidents} | **${pct(o.pairs.precision)}** | **${pct(o.pairs.recall)}** | ${pct(o.bcubed.f1)} |`,
  );
  if (report.intruders.length > 0) {
    lines.push('', 'stories put into another event’s incident:');
    for (const x of report.intruders) lines.push(`  ${x.story} (${x.event}) → ${x.intoEventOf}`);
  }
  return lines.join('\n');
}
