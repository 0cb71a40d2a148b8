import type { RegionRef } from '../domain/index.js';
import { foldText } from '../classify/text-units.js';
import { regionByCode, type PlaceMention } from '../geo/index.js';

/**
 * Where a strike hit or was intercepted — not every place a story names. Capitals speak
 * ("Moscow says", "Kyiv announced"), launch sites are where attacks come from, venues host talks,
 * officials have homes, and sirens sound far from impacts. Each mention in a sentence that
 * reports an attack is given a role; only targets become regions, at the finest level named.
 */

export type PlaceRole = 'target' | 'actor' | 'attacker' | 'launch-site' | 'venue' | 'alert-only' | 'destination' | 'other';

export interface PlaceJudgement {
  mention: PlaceMention;
  role: PlaceRole;
  sentence: number;
}

export interface EventRegions {
  regions: RegionRef[];
  judgements: PlaceJudgement[];
}

// A place followed by a speech or decision verb is the government speaking, not a target
// ("X claimed" is speech, but an attack on X that "claimed the lives of" people is a toll).
const ACTOR_AFTER =
  /^('s?)?\s*(says?|said|(claims?|claimed)(?! the li(ves|fe))|announc\w+|reports?|reported|accus\w+|den(y|ies|ied)|warn\w*|stat\w+|urg\w+|calls?|called|believes?|insists?|blam\w+|respond\w+|refus\w+|reject\w+|agree\w*|demand\w*|wants?|hopes?|plans?|threat\w+|condemn\w+|vow\w*|confirm\w*|deni\w+|insist\w*|thinks?|expects?|sees?|told|tells?)\b/;
// "X's foreign minister", "X officials": a country or capital as the seat of a speaker.
const SEAT_AFTER =
  /^('s?)?\s*(president|prime minister|pm|foreign (minister|ministry|office)|defen[cs]e (minister|ministry)|minister\w*|chancellor|leader\w*|officials?|government|ambassador|envoy|embassy|parliament|authorities|administration|general staff|army|forces|troops|military|air force|navy|mayor|governor|spokes\w+|media|press|intelligence)\b/;
const ATTACKER_AFTER =
  /^('s?)?\s*(\S+\s+)?(launch\w*|fir(ed|es|ing)|shell\w*|attack\w*|strik\w+|air ?strikes?|airstrikes?|raids?|struck|bomb\w*|drones?|missiles?|rockets?|artillery|aviation|aircraft|invaders|occupiers|troops|forces|army|military|soldiers|defenders|air defen[cs]e)\b/;
const LAUNCH_BEFORE = /\b(from|out of)\s+(the\s+)?((territory|direction|area|skies|waters) of\s+|occupied\s+|the\s+)?$/;
const VENUE_BEFORE = /\b(talks|negotiations|meeting|summit|round|met|meet|hosts?|hosted|conference)\b(\s+\S+){0,4}\s+(in|at)\s+$/;
const ALERT_BEFORE = /\b(sirens?|alerts?|alarms?|air[- ]raid warnings?)\b(\s+\S+){0,4}\s+(in|across|over|throughout)\s+$/;
const TERRITORY_AFTER =
  /^\s*(territory|soil|cities|city|towns?|villages?|regions?|mall|hospital|homes|border|airspace|infrastructure|energy|power|ports?|oil|refiner(y|ies))\b/;
// Countries are named in passing ("invasion of Ukraine", "crimes of the Russian Federation");
// a country is where an attack happened only after a preposition of place or an attack verb.
const COUNTRY_PLACE_BEFORE =
  /\b(in|on|at|across|over|against|into|throughout|inside|within|hit|hits|struck|attacked|shelled|targeted)\s+(the\s+)?$/;
const DESTINATION_BEFORE =
  /\b(transport\w*|evacuat\w*|taken|brought|moved|relocat\w*|fled|fleeing|arriv\w*|deliver\w*)\b(\s+\S+){0,6}\s+(to|in|at|towards)\s+$/;
const ROAD_AFTER = /^(-\S+)?\s*(highway|road|route|motorway)\b/;

/**
 * Event regions of a strike story from its sentences and their place mentions
 * (`findSentencePlaces`); `strikeSentences` are the ones that report attacks.
 */
export function findEventRegions(
  sentences: readonly string[],
  places: readonly PlaceMention[][],
  strikeSentences: readonly number[],
): EventRegions {
  const judgements: PlaceJudgement[] = [];
  for (const i of strikeSentences) judgements.push(...judgeSentence(places, sentences[i] ?? '', i));
  let targets = judgements.filter((j) => j.role === 'target');
  // An attack reported in one sentence is often placed by another ("…, Donetsk region."): when
  // the attack sentences name no place, or only a country, the rest of the story may refine it.
  if (targets.every((t) => t.mention.region.type === 'country')) {
    const rest = sentences.flatMap((text, i) => (strikeSentences.includes(i) ? [] : judgeSentence(places, text, i)));
    const countries = new Set(targets.map((t) => t.mention.region.country));
    const finer = rest.filter(
      (j) =>
        j.role === 'target' && j.mention.region.type !== 'country' && (countries.size === 0 || countries.has(j.mention.region.country)),
    );
    judgements.push(...rest);
    if (finer.length > 0) targets = finer;
  }
  return { regions: toRegions(targets.map((t) => t.mention)), judgements };
}

// Module level rather than a closure per call: the strike path runs this for every story.
const SEAT_OF_POWER = /\b(kremlin|white house|pentagon)\b/;
const SEAT_HIT_BEFORE = /\b(on|over|at|into|against|hit|hits|struck|attacked|attacking|targeted|targeting|shelled|bombed)( the)? $/;

function judgeSentence(places: readonly PlaceMention[][], text: string, sentence: number): PlaceJudgement[] {
  return (places[sentence] ?? []).map((mention) => ({ mention, role: judgeMention(text, mention), sentence }));
}

function judgeMention(text: string, mention: PlaceMention): PlaceRole {
  const before = foldText(text.slice(Math.max(0, mention.start - 60), mention.start));
  const after = foldText(text.slice(mention.end, mention.end + 60));
  if (mention.demonym === true) {
    // "Ukrainian territory" is a place; "Russian forces" are the attacker.
    if (ATTACKER_AFTER.test(after) || SEAT_AFTER.test(after)) return 'attacker';
    return TERRITORY_AFTER.test(after) ? 'target' : 'other';
  }
  if (LAUNCH_BEFORE.test(before)) return 'launch-site';
  if (DESTINATION_BEFORE.test(before)) return 'destination';
  if (ROAD_AFTER.test(after)) return 'other';
  if (VENUE_BEFORE.test(before)) return 'venue';
  if (ALERT_BEFORE.test(before)) return 'alert-only';
  if (!mention.regionForm && (ACTOR_AFTER.test(after) || SEAT_AFTER.test(after))) return 'actor';
  if (!mention.regionForm && mention.place.type === 'country' && ATTACKER_AFTER.test(after)) return 'attacker';
  // "The Kremlin" speaks for Russia; only "drones over/on/at the Kremlin" makes it the place hit.
  if (SEAT_OF_POWER.test(mention.surface.toLowerCase()) && !SEAT_HIT_BEFORE.test(before)) return 'actor';
  if (mention.place.type === 'country' && !mention.regionForm && !COUNTRY_PLACE_BEFORE.test(before)) return 'other';
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
