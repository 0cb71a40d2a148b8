import type { Facts, Incident, IncidentCard, Kind } from '../domain/index.js';
import type { IncidentReport } from './incident-report.js';
import { comparePair, countriesDiffer, relatePlaces, type PairWeights } from './pair-evidence.js';
import type { AncestorsOf } from './region-lineage.js';
import { termContainment } from './story-terms.js';

export interface MatchPolicy {
  /** Reports this close in time can be one attack on any evidence (config `strikeWindowHours`). */
  strikeWindowMs: number;
  negotiationWindowMs: number;
  /** A follow-up naming the same place and site joins up to this long after a report (`followUpHours`). */
  followUpMs: number;
  /** No incident spans more than this from its first report to its last (`maxLifetimeHours`). */
  maxLifetimeMs: number;
  /** Talks: minimum share of the story's terms the incident knows (strikes use `pairWeights`). */
  minSimilarity: number;
  pairWeights: PairWeights;
  ancestorsOf: AncestorsOf;
}

export type { IncidentCard } from '../domain/index.js';

export function toIncidentCard(incident: Incident): IncidentCard {
  const { id, kinds, regions, firstSeen, lastSeen, reports, facts } = incident;
  const card: IncidentCard = {
    id,
    kinds,
    regions,
    firstSeen,
    lastSeen,
    reports,
    facts: { targets: facts.targets, weapons: facts.weapons },
  };
  if (facts.negotiation) card.facts.negotiation = facts.negotiation;
  if (incident.mergedInto !== undefined) card.mergedInto = incident.mergedInto;
  return card;
}

export type MatchVerdict = { joins: true; score: number } | { joins: false; score: number; reason: string };

/** A single shared party (US in US–RU and US–UA talks) is weaker evidence than the same pair. */
const WEAK_PARTIES_PENALTY = 0.1;
const UNKNOWN_PARTIES_PENALTY = 0.15;

export interface JoinableIncident<Candidate> {
  incident: Candidate;
  score: number;
}

/**
 * Every open incident a report belongs to, oldest first: one for a plain report, two or more when
 * the report bridges incidents that are one event (they are then merged into the oldest). Pure:
 * the candidates come from a repository's indexes (src/cluster/candidate-indexes.ts), already near in time.
 */
export function findJoinable<Candidate extends IncidentCard>(
  report: IncidentReport,
  candidates: readonly Candidate[],
  policy: MatchPolicy,
): JoinableIncident<Candidate>[] {
  const joinable: JoinableIncident<Candidate>[] = [];
  for (const incident of candidates) {
    const verdict = compareWithIncident(report, incident, policy);
    if (verdict.joins) joinable.push({ incident, score: verdict.score });
  }
  return joinable.sort((a, b) => a.incident.firstSeen.localeCompare(b.incident.firstSeen) || a.incident.id.localeCompare(b.incident.id));
}

/** The best incident for a report, or undefined when it opens a new one. */
export function matchIncident<Candidate extends IncidentCard>(
  report: IncidentReport,
  candidates: readonly Candidate[],
  policy: MatchPolicy,
): JoinableIncident<Candidate> | undefined {
  let best: JoinableIncident<Candidate> | undefined;
  for (const found of findJoinable(report, candidates, policy)) if (!best || found.score > best.score) best = found;
  return best;
}

/**
 * Why a report does or does not join one incident (also what `explain` shows). A report with no
 * kind (a reaction, a toll update the classifier missed) may only follow up an open strike.
 */
export function compareWithIncident(report: IncidentReport, incident: IncidentCard, policy: MatchPolicy): MatchVerdict {
  if (incident.mergedInto !== undefined) return { joins: false, score: 0, reason: `merged into ${incident.mergedInto}` };
  // No kind on a side (a reaction or toll update the classifier missed) compares as a strike.
  const ours = orStrike(report.analysis.kinds);
  const theirs = orStrike(incident.kinds);
  const shared = ours.filter((k) => theirs.includes(k));
  if (shared.length === 0) return { joins: false, score: 0, reason: 'kinds differ' };
  const first = Math.min(Date.parse(incident.firstSeen), report.time);
  const last = Math.max(Date.parse(incident.lastSeen), report.time);
  if (last - first > policy.maxLifetimeMs)
    return { joins: false, score: 0, reason: `incident would span more than ${policy.maxLifetimeMs / 3_600_000} h` };
  return shared.includes('strike') ? compareStrike(report, incident, policy) : compareTalks(report, incident, policy);
}

function orStrike(kinds: readonly Kind[]): readonly Kind[] {
  return kinds.length === 0 ? ['strike'] : kinds;
}

/** Single link: the report joins when it is the same attack as one of the incident's kept reports. */
function compareStrike(report: IncidentReport, incident: IncidentCard, policy: MatchPolicy): MatchVerdict {
  const places = [...new Set(incident.reports.flatMap((r) => r.places))];
  const countries = [...new Set(incident.reports.flatMap((r) => r.countries))];
  // Two reports may agree while the incident as a whole is elsewhere (a country-only report in between).
  const relation = relatePlaces(report.signature, { places }, policy.ancestorsOf);
  if (relation === 'differ' || countriesDiffer(report.signature.countries, countries)) {
    return { joins: false, score: 0, reason: 'places differ' };
  }
  const windows = { sameEventMs: policy.strikeWindowMs, followUpMs: policy.followUpMs };
  let best: MatchVerdict = { joins: false, score: -Infinity, reason: 'no report to compare' };
  for (const member of incident.reports) {
    const verdict = comparePair(report.signature, member, policy.pairWeights, windows, policy.ancestorsOf);
    if (verdict.links && (!best.joins || verdict.score > best.score)) best = { joins: true, score: verdict.score };
    else if (!best.joins && verdict.score > best.score)
      best = { joins: false, score: verdict.score, reason: verdict.reason ?? 'texts differ' };
  }
  return best;
}

function compareTalks(report: IncidentReport, incident: IncidentCard, policy: MatchPolicy): MatchVerdict {
  const window = policy.negotiationWindowMs;
  if (report.time < Date.parse(incident.firstSeen) - window || report.time > Date.parse(incident.lastSeen) + window) {
    return { joins: false, score: 0, reason: `more than ${window / 3_600_000} h apart` };
  }
  const place = compareNegotiationPlaces(report.analysis.facts, incident.facts);
  if (place === 'differ') return { joins: false, score: 0, reason: 'parties or venue differ' };
  let score = termContainment(report.terms, new Set(incident.reports.flatMap((r) => r.terms)));
  if (place === 'unknown') score -= UNKNOWN_PARTIES_PENALTY;
  if (place === 'weak') score -= WEAK_PARTIES_PENALTY;
  if (score < policy.minSimilarity) return { joins: false, score, reason: `texts differ (similarity ${score.toFixed(2)})` };
  return { joins: true, score };
}

type PlaceAgreement = 'agree' | 'weak' | 'unknown' | 'differ';

function compareNegotiationPlaces(ours: Pick<Facts, 'negotiation'>, theirs: Pick<Facts, 'negotiation'>): PlaceAgreement {
  const a = ours.negotiation;
  const b = theirs.negotiation;
  if (!a || !b) return 'unknown';
  const venueA = a.venue?.toLowerCase();
  const venueB = b.venue?.toLowerCase();
  if (venueA && venueB) {
    if (venueA !== venueB) return 'differ';
    return 'agree';
  }
  if (a.parties.length === 0 || b.parties.length === 0) return 'unknown';
  const shared = a.parties.filter((party) => b.parties.includes(party)).length;
  if (shared === 0) return 'differ';
  const union = new Set([...a.parties, ...b.parties]).size;
  return shared / union >= 0.5 ? 'agree' : 'weak';
}

export { weaponFamily } from './weapon-family.js';
