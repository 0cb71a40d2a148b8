import { toIncidentReport } from '../cluster/incident-report.js';
import type { MatchPolicy } from '../cluster/match-incident.js';
import type { Analysis, IncidentReport, StoryInput } from '../domain/index.js';
import { htmlToText } from '../text/html-to-text.js';
import { MemoryIncidentRepository } from './memory-incident-repository.js';
import { processReport, type ProcessOutcome } from './process-story.js';
import { NO_PAUSE } from './record-report.js';

export interface IncidentAssigner {
  /** The incident a story joins or opens, as known now (a later report may merge it). */
  assign(story: StoryInput, analysis: Analysis): Promise<string>;
  /** As `assign`, for a report already built (evaluation scores many policies on the same reports). */
  assignReport(report: IncidentReport): Promise<string>;
  /** The final name of an incident returned by `assign`, after every merge so far. */
  resolve(incident: string): Promise<string>;
}

/** The story worker's pipeline over an in-memory repository, one writer, with analyze's latent incidents. */
export interface MemoryPipeline {
  incidents: MemoryIncidentRepository;
  process(report: IncidentReport): Promise<ProcessOutcome>;
}

export function createMemoryPipeline(policy: MatchPolicy, now: number): MemoryPipeline {
  const incidents = new MemoryIncidentRepository({ ancestorsOf: policy.ancestorsOf, retentionMs: Infinity });
  const deps = {
    incidents,
    policy,
    clock: () => now,
    pause: NO_PAUSE,
    dropped: { record: () => Promise.resolve() },
    latentIncidents: true,
  };
  return { incidents, process: (report) => processReport(report, deps, now) };
}

/**
 * For `wirewatch analyze` and evaluation: gives each story, in input order, the incident it joins
 * or opens, through the story worker's pipeline over an in-memory repository. An incident is
 * named by the id of the input story that opened it, so the output reads "s3 belongs with s1".
 * Stories that are neither kind and follow up no incident get their own id. `now` stands in for
 * missing dates.
 */
export function createIncidentAssigner(policy: MatchPolicy, now: number): IncidentAssigner {
  const pipeline = createMemoryPipeline(policy, now);
  const incidents = pipeline.incidents;
  /** Incident id → the story that opened it, and back. */
  const openedBy = new Map<string, string>();
  const opened = new Map<string, string>();
  const assignReport = async (report: IncidentReport): Promise<string> => {
    const result = await pipeline.process(report);
    if (result.outcome === 'dropped') return report.story.id;
    const id = result.outcome === 'duplicate' ? result.incidentId : result.incident.id;
    if (result.outcome === 'opened') {
      openedBy.set(id, report.story.id);
      opened.set(report.story.id, id);
    }
    return openedBy.get(id) ?? id;
  };
  return {
    assign(story, analysis) {
      const reported = {
        id: story.id,
        title: story.title,
        summary: htmlToText(story.summary ?? ''),
        // Without a link or outlet, each story still counts as its own report, not a duplicate.
        link: story.link ?? `story:${story.id}`,
        source: story.source ?? 'unknown outlet',
        published: story.published ?? '',
      };
      return assignReport(toIncidentReport(reported, analysis, now));
    },
    assignReport,
    async resolve(incident) {
      let id = opened.get(incident);
      if (id === undefined) return incident;
      // Follow merges to the survivor (a chain is as long as the merges that made it).
      for (
        let next = (await incidents.getIncident(id))?.mergedInto;
        next !== undefined;
        next = (await incidents.getIncident(id))?.mergedInto
      ) {
        id = next;
      }
      return openedBy.get(id) ?? incident;
    },
  };
}

/** The incident id of each report, in input order, after every merge. */
export async function clusterReports(reports: readonly IncidentReport[], policy: MatchPolicy, now: number): Promise<string[]> {
  const assigner = createIncidentAssigner(policy, now);
  const ids: string[] = [];
  for (const report of reports) ids.push(await assigner.assignReport(report));
  return Promise.all(ids.map((id) => assigner.resolve(id)));
}
