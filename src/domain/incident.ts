import type { Analysis, Facts, Kind, RegionRef, Severity, TargetType } from './analysis.js';
import type { Story } from './story.js';

/**
 * One real-world event (an attack, a round of talks) as reported by one or more outlets.
 * Many stories join one incident so a channel gets one alert that is edited as it grows.
 */
export interface Incident {
  /** Stable, derived from the story that opened it; no `:` so it can sit inside Redis keys. */
  id: string;
  kinds: Kind[];
  /** Where strikes hit or were intercepted (union over the reports). */
  regions: RegionRef[];
  /** Title of the clearest report. */
  headline: string;
  /** One or two sentences taken verbatim from the clearest report's summary. */
  summary: string;
  /** Merged: highest credible casualties, every weapon and target, latest negotiation status. */
  facts: Facts;
  severity: Severity;
  /** Earliest and latest publication time among the reports (ISO 8601). */
  firstSeen: string;
  lastSeen: string;
  /** When the incident last changed materially (ISO 8601, the processing clock). */
  lastUpdated: string;
  /**
   * Bounded (a runaway incident must not grow without end): the first report, the ones behind
   * the casualty figures and the newest; `omittedSources` counts the rest.
   */
  sources: IncidentSource[];
  omittedSources?: number;
  /** Rises by one on each material change only; starts at 1. */
  version: number;
  /** What each version changed, oldest first, capped to the most recent few. */
  history: IncidentRevision[];
  /** What matching compares a new report with: one signature per kept source (bounded). */
  reports: ReportSignature[];
  /** How clear the report behind headline/summary was; a clearer later report replaces them. */
  clarity: number;
  /**
   * Set when a bridging report merged this incident into an older one (the survivor): a new
   * version of this incident with a `merged` change, so delivery edits its messages to say so
   * and never posts it again. A retired incident takes no more reports and is in no index.
   */
  mergedInto?: string;
  /** On the survivor: incidents merged into it, so delivery can reuse their messages in a channel. */
  mergedFrom?: string[];
}

/** One outlet's report of the incident. Deduplicated by outlet + link. */
export interface IncidentSource {
  storyId: string;
  outlet: string;
  title: string;
  link: string;
  published: string;
  /** Casualties as this report stated them, so the merged figure can discard outliers. */
  killed?: number;
  injured?: number;
}

export type ChangeField =
  | 'opened'
  | 'sources'
  | 'regions'
  | 'targets'
  | 'kinds'
  | 'casualties.killed'
  | 'casualties.injured'
  | 'negotiation.status'
  | 'severity'
  /** Two incidents became one (the older survives): see `IncidentChange`. */
  | 'merged';

/**
 * One material change: `{field:'casualties.killed', from:2, to:5}`, `{field:'sources', to:'BBC'}`,
 * `{field:'regions', to:'UA-32'}`,
 * `{field:'merged', to:'<survivor id>'}` on the retired incident, `{field:'merged', from:'<retired id>', to:'<survivor id>'}` on the survivor. Delivery renders these as "updated: casualties 2 → 5".
 */
export interface IncidentChange {
  field: ChangeField;
  from?: string | number;
  to: string | number;
}

export interface IncidentRevision {
  version: number;
  /** ISO 8601, processing clock. */
  at: string;
  /** The story that caused the change. */
  storyId: string;
  changes: IncidentChange[];
}

/** Older revisions are dropped so a long-running incident stays small in Redis. */
export const MAX_INCIDENT_HISTORY = 20;

/**
 * What pairwise matching reads of one report: small, so an incident can keep one per kept source
 * and compare a new report with each of them (single link: the same partition in any order).
 */
export interface ReportSignature {
  storyId: string;
  /** Publication time, ms since the epoch. */
  time: number;
  kinds: Kind[];
  /** Finest places the attack hit (towns where named, else oblasts); never a bare country. */
  places: string[];
  /** Countries of those places, or the country a country-only report names. */
  countries: string[];
  /** Specific sites hit ("nuclear plant", "railway station"), from the whole text. */
  sites: string[];
  targets: TargetType[];
  /** Weapon families (drone, missile, artillery, air): weak evidence, early reports conflate them. */
  families: string[];
  killed?: number;
  injured?: number;
  /** Salient content terms (stop words and war-report vocabulary removed), bounded. */
  terms: string[];
}

/** What matching reads of an incident; the store keeps it apart so candidates load cheaply. */
export type IncidentCard = Pick<Incident, 'id' | 'kinds' | 'regions' | 'firstSeen' | 'lastSeen' | 'reports' | 'mergedInto'> & {
  facts: Pick<Facts, 'targets' | 'weapons' | 'negotiation'>;
};

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
