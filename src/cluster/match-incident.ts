import type { Facts, Incident, IncidentCard, Kind } from '../domain/index.js';
import type { IncidentReport } from './incident-report.js';
import { regionsNest, type AncestorsOf } from './region-lineage.js';
import { termContainment } from './story-terms.js';

export interface MatchPolicy {
  strikeWindowMs: number;
  negotiationWindowMs: number;
  /** Minimum similarity score to join; measured on test/fixtures/incidents (see README). */
  minSimilarity: number;
  ancestorsOf: AncestorsOf;
}

export type { IncidentCard } from '../domain/index.js';

export function toIncidentCard(incident: Incident): IncidentCard {
  const { id, kinds, regions, firstSeen, lastSeen, terms, facts } = incident;
  const card: IncidentCard = { id, kinds, regions, firstSeen, lastSeen, terms, facts: { targets: facts.targets, weapons: facts.weapons } };
  if (facts.negotiation) card.facts.negotiation = facts.negotiation;
  return card;
}

export type MatchVerdict = { joins: true; score: number } | { joins: false; score: number; reason: string };

/** A place that is unknown on one side is weaker evidence, so the text must agree more. */
const UNKNOWN_PLACE_PENALTY = 0.15;
/** A single shared party (US in US–RU and US–UA talks) is weaker evidence than the same pair. */
const WEAK_PARTIES_PENALTY = 0.1;
/** Reports naming different targets or weapon families usually describe different attacks. */
const CONFLICTING_TARGETS_PENALTY = 0.2;
const CONFLICTING_WEAPONS_PENALTY = 0.1;

/**
 * The open incident a report belongs to, or undefined when it opens a new one. Pure: the
 * candidates come from the store's indexes (or an in-memory book), already near in time.
 */
export function matchIncident<Candidate extends IncidentCard>(
  report: IncidentReport,
  candidates: readonly Candidate[],
  policy: MatchPolicy,
): { incident: Candidate; score: number } | undefined {
  let best: { incident: Candidate; score: number } | undefined;
  for (const incident of candidates) {
    const verdict = compareWithIncident(report, incident, policy);
    if (verdict.joins && (!best || verdict.score > best.score)) best = { incident, score: verdict.score };
  }
  return best;
}

/** Why a report does or does not join one incident (also what `explain` shows). */
export function compareWithIncident(report: IncidentReport, incident: IncidentCard, policy: MatchPolicy): MatchVerdict {
  const shared = report.analysis.kinds.filter((kind) => incident.kinds.includes(kind));
  if (shared.length === 0) return { joins: false, score: 0, reason: 'kinds differ' };
  const governing: Kind = shared.includes('strike') ? 'strike' : 'negotiation';

  const window = governing === 'strike' ? policy.strikeWindowMs : policy.negotiationWindowMs;
  if (report.time < Date.parse(incident.firstSeen) - window || report.time > Date.parse(incident.lastSeen) + window) {
    return { joins: false, score: 0, reason: `more than ${window / 3_600_000} h apart` };
  }

  const place =
    governing === 'strike'
      ? compareStrikePlaces(report, incident, policy.ancestorsOf)
      : compareNegotiationPlaces(report.analysis.facts, incident.facts);
  if (place === 'differ') return { joins: false, score: 0, reason: governing === 'strike' ? 'places differ' : 'parties or venue differ' };

  let score = termContainment(report.terms, new Set(incident.terms));
  if (place === 'unknown') score -= UNKNOWN_PLACE_PENALTY;
  if (place === 'weak') score -= WEAK_PARTIES_PENALTY;
  if (governing === 'strike') score -= factConflictPenalty(report.analysis.facts, incident.facts);
  if (score < policy.minSimilarity) return { joins: false, score, reason: `texts differ (similarity ${score.toFixed(2)})` };
  return { joins: true, score };
}

type PlaceAgreement = 'agree' | 'weak' | 'unknown' | 'differ';

function compareStrikePlaces(report: IncidentReport, incident: IncidentCard, ancestorsOf: AncestorsOf): PlaceAgreement {
  const ours = report.analysis.regions;
  if (ours.length === 0 || incident.regions.length === 0) return 'unknown';
  const nested = ours.some((a) => incident.regions.some((b) => regionsNest(a.code, b.code, ancestorsOf)));
  return nested ? 'agree' : 'differ';
}

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

function factConflictPenalty(ours: Pick<Facts, 'targets' | 'weapons'>, theirs: Pick<Facts, 'targets' | 'weapons'>): number {
  let penalty = 0;
  if (ours.targets.length > 0 && theirs.targets.length > 0 && !ours.targets.some((t) => theirs.targets.includes(t))) {
    penalty += CONFLICTING_TARGETS_PENALTY;
  }
  const familiesA = new Set(ours.weapons.map((w) => weaponFamily(w.weapon)));
  const familiesB = new Set(theirs.weapons.map((w) => weaponFamily(w.weapon)));
  if (familiesA.size > 0 && familiesB.size > 0 && ![...familiesA].some((f) => familiesB.has(f))) {
    penalty += CONFLICTING_WEAPONS_PENALTY;
  }
  return penalty;
}

/** Outlets name the same weapon differently ("Shahed", "kamikaze drone"); compare families. */
export function weaponFamily(weapon: string): string {
  const name = weapon.toLowerCase();
  if (/drone|shahed|geran|uav|kamikaze|lancet/.test(name)) return 'drone';
  if (/missile|iskander|kinzhal|kalibr|s-300|s-400|kh-|tochka|atacms|storm shadow|neptune/.test(name)) return 'missile';
  if (/glide|bomb|air strike|airstrike|aircraft/.test(name)) return 'air';
  if (/artillery|shell|mlrs|grad|mortar|rocket|howitzer/.test(name)) return 'artillery';
  return name;
}
