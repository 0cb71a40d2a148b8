import type { RegionRef } from '../domain/index.js';
import { findPlaceMentions, regionByCode, type PlaceMention } from '../geo/index.js';

/**
 * Where a strike hit or was intercepted — not every place a story names. Capitals speak
 * ("Moscow says", "Kyiv announced"), launch sites are where attacks come from, venues host talks,
 * officials have homes, and sirens sound far from impacts. Each mention in a sentence that
 * reports an attack is given a role; only targets become regions, at the finest level named.
 */

export type PlaceRole = 'target' | 'actor' | 'attacker' | 'launch-site' | 'venue' | 'alert-only' | 'other';

export interface PlaceJudgement {
  mention: PlaceMention;
  role: PlaceRole;
  sentence: number;
}

export interface EventRegions {
  regions: RegionRef[];
  judgements: PlaceJudgement[];
}

// A place followed by a speech or decision verb is the government speaking, not a target.
const ACTOR_AFTER =
  /^('s?)?\s*(says?|said|claims?|claimed|announc\w+|reports?|reported|accus\w+|den(y|ies|ied)|warn\w*|stat\w+|urg\w+|calls?|called|has|have|had|is|was|will|would|believes?|insists?|blam\w+|respond\w+|refus\w+|reject\w+|agree\w*|demand\w*|wants?|hopes?|plans?|threat\w+|condemn\w+|vow\w*|confirm\w*|deni\w+|insist\w*|thinks?|expects?|sees?|told|tells?)\b/;
// "X's foreign minister", "X officials": a country or capital as the seat of a speaker.
const SEAT_AFTER =
  /^('s?)?\s*(president|prime minister|pm|foreign (minister|ministry|office)|defen[cs]e (minister|ministry)|minister\w*|chancellor|leader\w*|officials?|government|ambassador|envoy|embassy|parliament|authorities|administration|general staff|army|forces|troops|military|air force|navy|mayor|governor|spokes\w+|media|press|intelligence)\b/;
const ATTACKER_AFTER = /^('s?)?\s*(\S+\s+)?(launch\w*|fir(ed|es|ing)|shell\w*|attack\w*|strik\w+|struck|bomb\w*|drones?|missiles?|rockets?|artillery|aviation|aircraft|invaders|occupiers|troops|forces|army|military|soldiers|defenders|air defen[cs]e)\b/;
const LAUNCH_BEFORE = /\b(from|out of)\s+(the\s+)?((territory|direction|area|skies|waters) of\s+|occupied\s+|the\s+)?$/;
const VENUE_BEFORE = /\b(talks|negotiations|meeting|summit|round|met|meet|hosts?|hosted|conference)\b(\s+\S+){0,4}\s+(in|at)\s+$/;
const ALERT_BEFORE = /\b(sirens?|alerts?|alarms?|air[- ]raid warnings?)\b(\s+\S+){0,4}\s+(in|across|over|throughout)\s+$/;
const TERRITORY_AFTER = /^\s*(territory|soil|cities|city|towns?|villages?|regions?|mall|hospital|homes|positions|border|airspace|infrastructure|energy|power|ports?|naval base)\b/;

/** Event regions of a strike story from its sentences; `strikeSentences` are the ones that report attacks. */
export function findEventRegions(sentences: readonly string[], strikeSentences: readonly number[]): EventRegions {
  const judgements: PlaceJudgement[] = [];
  for (const i of strikeSentences) judgements.push(...judgeSentence(sentences[i] ?? '', i));
  let targets = judgements.filter((j) => j.role === 'target');
  // An attack reported in one sentence is often placed by another ("…, Donetsk region.").
  if (targets.length === 0) {
    const rest = sentences.flatMap((text, i) => (strikeSentences.includes(i) ? [] : judgeSentence(text, i)));
    judgements.push(...rest);
    targets = rest.filter((j) => j.role === 'target');
  }
  return { regions: toRegions(targets.map((t) => t.mention)), judgements };
}

function judgeSentence(text: string, sentence: number): PlaceJudgement[] {
  return findPlaceMentions(text, { demonyms: true }).map((mention) => ({ mention, role: judgeMention(text, mention), sentence }));
}

function judgeMention(text: string, mention: PlaceMention): PlaceRole {
  const before = text.slice(Math.max(0, mention.start - 60), mention.start).toLowerCase();
  const after = text.slice(mention.end, mention.end + 60).toLowerCase();
  if (mention.demonym === true) {
    // "Ukrainian territory", "on a Ukrainian mall" are places; "Russian forces" are the attacker.
    if (ATTACKER_AFTER.test(after) || SEAT_AFTER.test(after)) return 'attacker';
    return TERRITORY_AFTER.test(after) || /\b(on|at|in|against)\s+(an?\s+|the\s+)?$/.test(before) ? 'target' : 'other';
  }
  if (LAUNCH_BEFORE.test(before)) return 'launch-site';
  if (VENUE_BEFORE.test(before)) return 'venue';
  if (ALERT_BEFORE.test(before)) return 'alert-only';
  if (!mention.regionForm && (ACTOR_AFTER.test(after) || SEAT_AFTER.test(after))) return 'actor';
  if (!mention.regionForm && mention.place.type === 'country' && ATTACKER_AFTER.test(after)) return 'attacker';
  if (/\b(kremlin|white house|pentagon)\b/.test(mention.surface.toLowerCase())) return 'actor';
  return 'target';
}

/** Distinct region codes, dropping a country when a finer region inside it is named. */
export function toRegions(mentions: readonly PlaceMention[]): RegionRef[] {
  const byCode = new Map<string, RegionRef>();
  for (const m of mentions) {
    const region = m.demonym === true ? (regionByCode(m.region.country) ?? m.region) : m.region;
    if (!byCode.has(region.code)) byCode.set(region.code, { code: region.code, name: region.name });
  }
  const codes = [...byCode.keys()];
  return [...byCode.values()].filter((r) => !(r.code.length === 2 && codes.some((c) => c !== r.code && c.startsWith(`${r.code}-`))));
}
