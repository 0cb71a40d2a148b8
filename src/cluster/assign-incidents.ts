import type { Analysis, StoryInput } from '../domain/index.js';
import { htmlToText } from '../text/html-to-text.js';
import { IncidentBook } from './incident-book.js';
import { toIncidentReport } from './incident-report.js';
import type { MatchPolicy } from './match-incident.js';

export interface IncidentAssigner {
  /** The incident a story joins or opens, as known now (a later report may merge it). */
  assign(story: StoryInput, analysis: Analysis): string;
  /** The final name of an incident returned by `assign`, after every merge so far. */
  resolve(incident: string): string;
}

/**
 * For `wirewatch analyze`: gives each story, in input order, the incident it joins or opens,
 * using the same matching as the story worker but an in-memory book. An incident is named by
 * the id of the input story that opened it, so the output reads "s3 belongs with s1". Stories
 * that are neither kind and follow up no incident get their own id. `now` stands in for missing dates.
 */
export function createIncidentAssigner(policy: MatchPolicy, now: number): IncidentAssigner {
  const book = new IncidentBook(policy);
  const openedBy = new Map<string, string>();
  const opened = new Map<string, string>();
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
      const entry = book.addReport(toIncidentReport(reported, analysis, now), now);
      if (!entry) return story.id;
      if (entry.opened) {
        openedBy.set(entry.incident.id, story.id);
        opened.set(story.id, entry.incident.id);
      }
      return openedBy.get(entry.incident.id) ?? entry.incident.id;
    },
    resolve(incident) {
      const id = opened.get(incident);
      return id === undefined ? incident : (openedBy.get(book.resolve(id)) ?? incident);
    },
  };
}
