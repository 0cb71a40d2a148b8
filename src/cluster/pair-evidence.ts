import type { AncestorsOf } from './region-lineage.js';
import type { ReportSignature } from './report-signature.js';

/**
 * Whether two reports tell of the same attack, from evidence that is symmetric in the two (so
 * the same two stories link in either order). Each weight was measured on real multi-outlet
 * coverage by leave-one-event-out cross-validation (README "Incidents"; `npm run eval -- --clusters`).
 */
export interface PairWeights {
  /** Cosine of the two reports' salient terms. */
  text: number;
  /** The same town (or city) hit; the same oblast only (two different towns never link). */
  sameTown: number;
  sameOblast: number;
  /** A place on one side only (a country-only report). */
  unknownPlace: number;
  /** The same specific site ("railway station"), or two different ones. */
  sameSite: number;
  otherSite: number;
  /** Target kinds (hospital, residential …) shared, or disjoint. */
  sameTarget: number;
  otherTarget: number;
  /** Weapon families: weak, early reports often name the weapon wrongly. */
  sameFamily: number;
  otherFamily: number;
  /** The same death toll, or a different one (tolls rise as an event develops: no penalty). */
  sameToll: number;
  /** Per day between the two reports. */
  perDay: number;
  /** Score needed to link. */
  threshold: number;
  /** Extra score needed when one report has no kind (a reaction the classifier did not label). */
  unlabelled: number;
}

export const DEFAULT_PAIR_WEIGHTS: PairWeights = {
  text: 1,
  sameTown: 0.25,
  sameOblast: 0.1,
  unknownPlace: 0,
  sameSite: 0.35,
  otherSite: -0.3,
  sameTarget: 0.05,
  otherTarget: -0.1,
  sameFamily: 0.05,
  otherFamily: -0.05,
  sameToll: 0.15,
  perDay: -0.05,
  threshold: 0.4,
  unlabelled: 0,
};

export interface PairWindows {
  /** Reports this close always may link (ms). */
  sameEventMs: number;
  /** Up to this far apart, a follow-up links only when place and site agree (ms). */
  followUpMs: number;
}

export type PlaceRelation = 'town' | 'oblast' | 'siblings' | 'unknown' | 'differ';

export interface PairVerdict {
  links: boolean;
  score: number;
  place: PlaceRelation;
  reason?: string;
}

/** Pairwise evidence and the decision; `a` and `b` may be passed in either order. */
export function comparePair(
  a: ReportSignature,
  b: ReportSignature,
  weights: PairWeights,
  windows: PairWindows,
  ancestorsOf: AncestorsOf,
): PairVerdict {
  const apart = Math.abs(a.time - b.time);
  const place = relatePlaces(a, b, ancestorsOf);
  if (place === 'differ' || place === 'siblings') return { links: false, score: 0, place, reason: 'places differ' };
  if (apart > windows.followUpMs) return { links: false, score: 0, place, reason: 'too far apart in time' };
  const sites = overlap(a.sites, b.sites);
  if (apart > windows.sameEventMs && !isFollowUp(place, sites)) {
    return { links: false, score: 0, place, reason: 'a follow-up must name the same place and site' };
  }
  let score = weights.text * cosine(a.terms, b.terms);
  score += placeWeight(place, weights);
  if (sites === 'shared') score += weights.sameSite;
  if (sites === 'disjoint') score += weights.otherSite;
  const targets = overlap(a.targets, b.targets);
  if (targets === 'shared') score += weights.sameTarget;
  if (targets === 'disjoint') score += weights.otherTarget;
  const families = overlap(a.families, b.families);
  if (families === 'shared') score += weights.sameFamily;
  if (families === 'disjoint') score += weights.otherFamily;
  if (a.killed !== undefined && a.killed === b.killed) score += weights.sameToll;
  score += weights.perDay * Math.floor(apart / 86_400_000);
  const needed = weights.threshold + (a.kinds.length === 0 || b.kinds.length === 0 ? weights.unlabelled : 0);
  return score >= needed
    ? { links: true, score, place }
    : { links: false, score, place, reason: `evidence ${score.toFixed(2)} < ${needed.toFixed(2)}` };
}

/**
 * Past the same-event window a report links only as a follow-up: the same place with no
 * conflicting site, or the same specific site where one side names no place ("the nuclear plant").
 */
function isFollowUp(place: PlaceRelation, sites: 'shared' | 'disjoint' | 'unknown'): boolean {
  if (place === 'town' || place === 'oblast') return sites !== 'disjoint';
  return place === 'unknown' && sites === 'shared';
}

function placeWeight(place: PlaceRelation, weights: PairWeights): number {
  if (place === 'town') return weights.sameTown;
  if (place === 'oblast') return weights.sameOblast;
  return weights.unknownPlace;
}

/**
 * The finest level at which two reports' places agree. A place inside the other's counts at the
 * coarser level (a Bucha report and a Kyiv Oblast one agree on the oblast); two towns of one
 * oblast are siblings; no shared oblast at all differs. A country-only report is unknown.
 */
export function relatePlaces(
  a: Pick<ReportSignature, 'places'>,
  b: Pick<ReportSignature, 'places'>,
  ancestorsOf: AncestorsOf,
): PlaceRelation {
  if (a.places.length === 0 || b.places.length === 0) return 'unknown';
  let best: PlaceRelation = 'differ';
  for (const x of a.places) {
    for (const y of b.places) {
      if (x === y) {
        if (isTownLevel(x)) return 'town';
        best = 'oblast';
        continue;
      }
      const nested = ancestorsOf(x).includes(y) || ancestorsOf(y).includes(x);
      if (nested) best = 'oblast';
      else if (best === 'differ' && oblastOf(x, ancestorsOf) === oblastOf(y, ancestorsOf)) best = 'siblings';
    }
  }
  return best;
}

// Cities that are ISO subdivisions of their own (Kyiv UA-30, Sevastopol UA-40, Moscow, Saint Petersburg).
const CITY_SUBDIVISIONS = new Set(['UA-30', 'UA-40', 'RU-MOW', 'RU-SPE']);

function isTownLevel(code: string): boolean {
  return code.includes('/') || CITY_SUBDIVISIONS.has(code);
}

export function oblastOf(code: string, ancestorsOf: AncestorsOf): string {
  return [code, ...ancestorsOf(code)].find((c) => c.length > 2 && !c.includes('/')) ?? code;
}

function overlap(a: readonly string[], b: readonly string[]): 'shared' | 'disjoint' | 'unknown' {
  if (a.length === 0 || b.length === 0) return 'unknown';
  return a.some((x) => b.includes(x)) ? 'shared' : 'disjoint';
}

/** Cosine of two term sets: symmetric, unlike the share of one report's terms the other knows. */
export function cosine(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const term of new Set(b)) if (set.has(term)) shared++;
  return shared / Math.sqrt(set.size * new Set(b).size);
}
