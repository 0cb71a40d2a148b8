import { sitesAgree } from '../extract/targets.js';
import type { AncestorsOf } from './region-lineage.js';
import type { ReportSignature } from './report-signature.js';

/**
 * Whether two reports tell of the same attack, from evidence that is symmetric in the two (so
 * the same two stories link in either order). Each weight was measured on real multi-outlet
 * coverage by leave-one-event-out cross-validation (docs/incidents.md; `npm run eval -- --clusters`).
 */
export interface PairWeights {
  /** Cosine of the two reports' salient terms. */
  text: number;
  /** Overlap coefficient of the terms (shared / the shorter's count): symmetric, kind to short headlines. */
  overlap: number;
  /** The same town (or city) hit; the same oblast only (two different towns never link). */
  sameTown: number;
  sameOblast: number;
  /** A place on one side only (a country-only report). */
  unknownPlace: number;
  /** The same specific site ("railway station"), or two different ones. */
  sameSite: number;
  otherSite: number;
  /** A site named on one side only. */
  oneSite: number;
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
  overlap: 0.6,
  sameTown: 0.25,
  sameOblast: 0.1,
  unknownPlace: 0,
  sameSite: 0.2,
  otherSite: -0.3,
  oneSite: -0.05,
  sameTarget: 0.05,
  otherTarget: -0.2,
  sameFamily: 0.05,
  otherFamily: -0.05,
  sameToll: 0.15,
  perDay: -0.15,
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
  if (place === 'differ' || place === 'siblings' || countriesDiffer(a.countries, b.countries)) {
    return { links: false, score: 0, place, reason: 'places differ' };
  }
  if (apart > windows.followUpMs) return { links: false, score: 0, place, reason: 'too far apart in time' };
  // Every pair of candidates passes here: terms are distinct and sorted, so no set is built.
  const sites = overlap(a.sites, b.sites, sitesAgree);
  if (apart > windows.sameEventMs && !isFollowUp(place, sites)) {
    return { links: false, score: 0, place, reason: 'a follow-up must name the same place and site' };
  }
  const shared = sharedTerms(a.terms, b.terms);
  const [m, n] = [a.terms.length, b.terms.length];
  let score = shared === 0 ? 0 : (weights.text * shared) / Math.sqrt(m * n) + (weights.overlap * shared) / Math.min(m, n);
  score += placeWeight(place, weights);
  if (sites === 'shared') score += weights.sameSite;
  if (sites === 'disjoint') score += weights.otherSite;
  if (sites === 'unknown' && a.sites.length + b.sites.length > 0) score += weights.oneSite;
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
 * Past the same-event window a report links only as a follow-up of the same place and target:
 * the same site, where both places agree or one side names none ("the nuclear plant"). Measured:
 * letting a same-place report without a site follow up costs precision (another attack on the
 * town two days later) for little recall.
 */
function isFollowUp(place: PlaceRelation, sites: 'shared' | 'disjoint' | 'unknown'): boolean {
  return sites === 'shared' && (place === 'town' || place === 'oblast' || place === 'unknown');
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

/** Two reports placed in different countries only (a country-only report each) are not one attack. */
export function countriesDiffer(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((c) => b.includes(c));
}

// Cities that are ISO subdivisions of their own (Kyiv UA-30, Sevastopol UA-40, Moscow, Saint Petersburg).
const CITY_SUBDIVISIONS = new Set(['UA-30', 'UA-40', 'RU-MOW', 'RU-SPE']);

function isTownLevel(code: string): boolean {
  return code.includes('/') || CITY_SUBDIVISIONS.has(code);
}

export function oblastOf(code: string, ancestorsOf: AncestorsOf): string {
  if (code.length > 2 && !code.includes('/')) return code;
  return remembered(ancestorsOf)(code).find((c) => c.length > 2 && !c.includes('/')) ?? code;
}

// Matching asks for the same few hundred places' ancestors millions of times; the hierarchy is fixed.
const memo = new WeakMap<AncestorsOf, AncestorsOf>();

function remembered(ancestorsOf: AncestorsOf): AncestorsOf {
  let cached = memo.get(ancestorsOf);
  if (!cached) {
    const known = new Map<string, string[]>();
    cached = (code) => {
      let found = known.get(code);
      if (!found) known.set(code, (found = ancestorsOf(code)));
      return found;
    };
    memo.set(ancestorsOf, cached);
  }
  return cached;
}

function overlap(a: readonly string[], b: readonly string[], agree = (x: string, y: string) => x === y): 'shared' | 'disjoint' | 'unknown' {
  if (a.length === 0 || b.length === 0) return 'unknown';
  return a.some((x) => b.some((y) => agree(x, y))) ? 'shared' : 'disjoint';
}

/**
 * Terms two reports share (signature terms are distinct and sorted: one merge walk). The cosine
 * and overlap coefficient built on it are symmetric, unlike the share of one report's terms.
 */
export function sharedTerms(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}
