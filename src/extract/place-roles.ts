import { foldText } from '../classify/text-units.js';
import type { PlaceMention } from '../geo/index.js';
import { FACILITY_SOURCE, TARGET_SECTOR_SOURCE } from '../vocabulary/targets.js';
import { WEAPON_SOURCE } from '../vocabulary/weapons.js';

/**
 * The part a place plays in a sentence that reports an attack. Capitals speak ("Moscow says",
 * "Kyiv announced"), launch sites are where attacks come from, venues host talks, officials have
 * homes, sirens sound far from impacts, datelines say where the reporter sits and "south of
 * Moscow" only points the way. Only targets become regions; the rest may still tell which
 * country a story is about when it names no target.
 */
export type PlaceRole =
  | 'target'
  | 'actor'
  | 'attacker'
  | 'defender'
  | 'launch-site'
  | 'venue'
  | 'alert-only'
  | 'destination'
  | 'dateline'
  | 'reference'
  | 'locator'
  | 'owner'
  | 'implied'
  | 'backstory'
  | 'local-seat'
  | 'pair'
  | 'other';

// A place followed by a speech or decision verb is the government speaking, not a target
// ("X claimed" is speech, but an attack on X that "claimed the lives of" people is a toll).
const ACTOR_AFTER =
  /^('s?)?\s*(says?|said|(claims?|claimed)(?! the li(ves|fe))|announc\w+|reports?|reported|accus\w+|den(y|ies|ied)|warn\w*|stat\w+|urg\w+|calls?|called|believes?|insists?|blam\w+|respond\w+|refus\w+|reject\w+|agree\w*|demand\w*|wants?|hopes?|plans?|threat\w+|condemn\w+|vow\w*|confirm\w*|deni\w+|insist\w*|thinks?|expects?|sees?|told|tells?|invad\w+)\b/;
// "X's foreign minister", "X officials": a country or capital as the seat of a speaker.
const SEAT_AFTER =
  /^('s?)?\s*(president|prime minister|pm|foreign (minister|ministry|office)|defen[cs]e (minister|ministry)|minister\w*|chancellor|leader\w*|officials?|government|ambassador|envoy|embassy|parliament|authorities|administration|general staff|army|forces|troops|military|air force|navy|mayor|governor|spokes\w+|media|press|intelligence|junta|regime)\b/;
// A side followed by its forces, an attack verb or one of its weapons (src/vocabulary/weapons.ts) attacks.
const ATTACKER_AFTER = new RegExp(
  `^('s?)?\\s*['"]?([\\w'-]+\\s+)?(launch\\w*|fir(ed|es|ing)|attack\\w*|strik\\w+|raids?|struck|${WEAPON_SOURCE}|invaders|occupiers|troops|forces|army|military|soldiers|defenders|air defen[cs]e|junta|intercept\\w*|hit|hits)\\b`,
);
// "Ukraine's air defence shot down …": air defence fires over its own country, so the country
// whose air defence acts is where the interception was, when the story names no other place.
const DEFENCE_AFTER = /^('s?)?\s*(\S+\s+)?(air[- ]defen[cs]es?|anti-aircraft)\b/;
// "struck three Russian air defence positions": the air defence was what was hit.
const HIT_BEFORE = /\b(struck|hit|hits|destroy\w*|strik\w+ on|attack\w* on|target\w*|on)\s+(the\s+)?(\S+\s+)?$/;
// "control points of Russian troops", "a command post of the Russian military": the side owns what was hit.
const ASSET_OF_BEFORE =
  /\b(positions?|strongholds?|control points?|command (posts?|points?|cent(re|er)s?)|clusters?|depots?|warehouses?|equipment|vehicles?|units?|manpower|bases?|airfields?|targets?|concentrations?)\s+of\s+(the\s+)?$/;
// "the Kyiv district of Kharkiv": a city district named after another city.
const DISTRICT_OF_AFTER = /^\s*(district|raion|neighbou?rhood|microdistrict|quarter)\s+of\b/;
// "the US ambassador to Kyiv": the seat of a diplomat, not a place hit.
const ENVOY_BEFORE = /\b(ambassadors?|envoys?|embass(y|ies)|consul\w*)\s+(to|in)\s+(the\s+)?$/;
const LAUNCH_BEFORE =
  /\b(from|out of)\s+(the\s+)?(temporarily\s+)?(occupied\s+)?((territory|direction|area|skies|waters|airspace) of\s+)?(the\s+)?$/;
// "the 56th Mariupol Brigade", "the Kursk brigade commander": a unit named after a place.
const UNIT_AFTER = /^\s*(brigade|regiment|battalion|division|corps|squadron|detachment|garrison)\b/;
const VENUE_BEFORE = /\b(talks|negotiations|meeting|summit|round|met|meet|hosts?|hosted|conference)\b(\s+\S+){0,4}\s+(in|at)\s+$/;
const ALERT_BEFORE = /\b(sirens?|alerts?|alarms?|air[- ]raid warnings?)\b(\s+\S+){0,4}\s+(in|across|over|throughout)\s+$/;
// "Ukrainian territory", "Ukrainian cities", "Russian refineries": land, or a target of the one
// target vocabulary (src/vocabulary/targets.ts), after a demonym is where an attack hit.
const TERRITORY_AFTER = new RegExp(
  `^\\s*(territory|soil|cities|city|towns?|villages?|regions?|border|airspace|${FACILITY_SOURCE}|${TARGET_SECTOR_SOURCE})\\b`,
);
// Countries are named in passing ("invasion of Ukraine", "crimes of the Russian Federation");
// a country is where an attack happened only after a preposition of place or an attack verb.
const COUNTRY_PLACE_BEFORE =
  /\b(in|on|at|across|over|against|into|throughout|inside|within|hit|hits|struck|attacked|shelled|targeted|bombed)\s+(the\s+)?((north|south|east|west)(ern|-?east(ern)?|-?west(ern)?)?\s+|central\s+)?$/;
const DESTINATION_BEFORE =
  /\b(transport\w*|evacuat\w*|taken|brought|moved|relocat\w*|fled|fleeing|arriv\w*|deliver\w*)\b(\s+\S+){0,6}\s+(to|in|at|towards)\s+$/;
const ROAD_AFTER = /^(-\S+)?\s*(highway|road|route|motorway)\b/;
// "KYIV, Aug 2 (Reuters) -": where the reporter files from, not where anything happened.
const DATELINE_AFTER = /^\s*(,\s*[\w ]{0,20}?)?\s*(\([\w .]+\)\s*)?[-—–:]\s/;
// "…kills two: Kiev" — the source a headline is attributed to.
const ATTRIBUTION_BEFORE = /:\s*$/;
// "40 km south of Moscow", "a village outside Kyiv", "near Ukraine's capital Kyiv": a landmark to measure from.
const REFERENCE_BEFORE =
  /\b((north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|outside|near|nearby|close to|not far from|\d+ (km|kilometres|kilometers|miles) from)\s+(the\s+)?(\S+\s+){0,2}?$/;
// "Russian-occupied Crimea", "Iran-backed Houthis", "US-made missiles": an adjective of control.
const CONTROL_AFTER = /^-?(occupied|annexed|controlled|held|backed|made|led|supplied|built|aligned|installed|appointed|proxy)\b/;
// "Russia-Ukraine talks", "the Israel–Iran war": a pair of sides, which names neither as a place.
const PAIR_AFTER = /^\s?[-–]\s?[A-Z]/;
const PAIR_BEFORE = /[A-Za-z]\s?[-–]\s?$/;
// "the Kharkiv governor", "Kramatorsk's mayor": a local official speaks for the place under attack.
const LOCAL_SEAT_AFTER =
  /^('s?)?\s*(mayor|governor|regional (military )?administration|city (military )?administration|city council|oblast (military )?administration|regional governor|head of)\b/;
// "Death toll from the Kramatorsk strike", "people evacuated from Mariupol": a place that suffered, not a launch site.
const NOT_LAUNCH_BEFORE =
  /\b(toll|damage|casualties|debris|consequences|aftermath|victims|dead|evacuat\w*|flee\w*|fled|escap\w*|rescued|people|civilians|residents)(\s+\S+){0,2}\s+(from|out of)\s+(the\s+)?$/;
// "the US base in Qatar": the owner of a base, not where it is.
const OWNER_AFTER = /^\.?(\s+\S+){0,1}\s+(air ?bases?|bases?|installations?|embassy|embassies|consulates?|troops|personnel)\b/;
// "Russian positions", "a Russian warship": military assets, which stand wherever the war is.
const ASSET_AFTER =
  /^\s*(\S+\s+)?(positions?|strongholds?|command\w*|control points?|clusters?|vehicles?|armou?red|equipment|tanks?|ships?|warships?|cruisers?|vessels?|fleet|air defen[cs]es?|units?|manpower|depots?|warehouses?|targets?|bases?|airfields?|helicopters?|planes?|jets?|aircraft|bombers?|pilots?|occupiers|invaders|aggressors?|servicem[ae]n|soldiers|troops|forces)\b/;
// "in retaliation for an airstrike in Syria", "after an attack on Tel Aviv": an earlier attack
// that explains this one.
const BACKSTORY_BEFORE =
  /\b(retaliat\w*|in response to|after|following|aveng\w*|revenge for)\b(\s+\S+){0,5}?\s+(strikes?|attacks?|airstrikes?|bombings?)\s+(in|on|at|against)\s+(the\s+)?$/;
// "calls on Russia to stop", "accused Moscow of", "hit by Russia": a side addressed or acting.
const ADDRESSEE_BEFORE = /\b(call(s|ed|ing)? on|urg(e|es|ed|ing)|accus\w+|blam\w+|ask(s|ed)?|press(es|ed)?)\s+(the\s+)?$/;
const BY_BEFORE = /\bby\s+(the\s+)?$/;
// "Kyiv hit by a strike": a passive attack verb keeps the place a target.
const PASSIVE_HIT_AFTER =
  /^\s*((was|were|is|are|has been|have been|being)\s+(hit|struck|attacked|shelled|targeted|bombed|pounded|rocked)|(hit|struck|attacked|shelled|targeted|bombed|pounded|rocked)\s+by)\b/;
// "Sevastopol in Crimea", "Doha, Qatar": the second place only locates the first.
const IN_LOCATOR = /^\s+in\s+(the\s+)?$/;
const COMMA_LOCATOR = /^\s*,\s*$/;

// Module level rather than a closure per call: the strike path runs this for every story.
const SEAT_OF_POWER = /\b(kremlin|white house|pentagon)\b/;
const SEAT_HIT_BEFORE = /\b(on|over|at|into|against|hit|hits|struck|attacked|attacking|targeted|targeting|shelled|bombed)( the)? $/;

/** The role of `mention` in `text`; `previous` is the mention just before it in the sentence. */
export function judgeMention(text: string, mention: PlaceMention, previous?: PlaceMention): PlaceRole {
  const rawBefore = text.slice(Math.max(0, mention.start - 60), mention.start);
  const before = foldText(rawBefore);
  const after = foldText(text.slice(mention.end, mention.end + 60));
  if (CONTROL_AFTER.test(after)) return 'pair';
  if (mention.place.type === 'country' && (PAIR_AFTER.test(text.slice(mention.end, mention.end + 3)) || PAIR_BEFORE.test(rawBefore)))
    return 'pair';
  if (UNIT_AFTER.test(after) || DISTRICT_OF_AFTER.test(after)) return 'other';
  if (ENVOY_BEFORE.test(before)) return 'actor';
  if (LAUNCH_BEFORE.test(before) && mention.demonym === true) return 'launch-site';
  const side = mention.demonym === true || mention.place.type === 'country';
  if (side && ASSET_OF_BEFORE.test(before)) return 'owner';
  if (side && DEFENCE_AFTER.test(after)) return HIT_BEFORE.test(before) ? 'owner' : 'defender';
  if (mention.demonym === true) {
    // "Ukrainian territory" is a place; "Russian forces" are the attacker, "Russian positions"
    // what was hit wherever they stood, and "the Ukrainian envoy" a speaker.
    if (ATTACKER_AFTER.test(after)) return 'attacker';
    if (ASSET_AFTER.test(after)) return 'owner';
    if (SEAT_AFTER.test(after)) return 'actor';
    return TERRITORY_AFTER.test(after) ? 'target' : 'other';
  }
  if (mention.start <= 1 && DATELINE_AFTER.test(after) && mention.surface === mention.surface.toUpperCase()) return 'dateline';
  if (ATTRIBUTION_BEFORE.test(before) && after.trim() === '' && mention.place.capital === true) return 'actor';
  if (LOCAL_SEAT_AFTER.test(after) && mention.place.type !== 'country') return 'local-seat';
  if (LAUNCH_BEFORE.test(before)) return NOT_LAUNCH_BEFORE.test(before) ? 'reference' : 'launch-site';
  if (DESTINATION_BEFORE.test(before)) return 'destination';
  if (ROAD_AFTER.test(after)) return 'other';
  if (VENUE_BEFORE.test(before)) return 'venue';
  if (ALERT_BEFORE.test(before)) return 'alert-only';
  if (REFERENCE_BEFORE.test(before)) return 'reference';
  if (BACKSTORY_BEFORE.test(before)) return 'backstory';
  if (isLocator(text, mention, previous)) return 'locator';
  if (mention.place.type === 'country' && ADDRESSEE_BEFORE.test(before)) return 'actor';
  if ((mention.place.type === 'country' || mention.place.capital === true) && BY_BEFORE.test(before)) return 'attacker';
  if (PASSIVE_HIT_AFTER.test(after)) return 'target';
  if (!mention.regionForm && (ACTOR_AFTER.test(after) || SEAT_AFTER.test(after))) return 'actor';
  // A capital acts for its country: "Moscow launches cruise missiles".
  if (!mention.regionForm && (mention.place.type === 'country' || mention.place.capital === true) && ATTACKER_AFTER.test(after))
    return 'attacker';
  if (mention.place.type === 'country' && OWNER_AFTER.test(after)) return 'owner';
  // "The Kremlin" speaks for Russia; only "drones over/on/at the Kremlin" makes it the place hit.
  if (SEAT_OF_POWER.test(mention.surface.toLowerCase()) && !SEAT_HIT_BEFORE.test(before)) return 'actor';
  if (mention.place.type === 'country' && !mention.regionForm && !COUNTRY_PLACE_BEFORE.test(before)) return 'other';
  return 'target';
}

function isLocator(text: string, mention: PlaceMention, previous: PlaceMention | undefined): boolean {
  if (previous === undefined || previous.demonym === true || previous.place.type === 'country') return false;
  const gap = text.slice(previous.end, mention.start);
  if (IN_LOCATOR.test(gap)) return mention.place.type !== 'city';
  // After a comma only the first place's own region or country locates it: "Kharkiv, Sumy" is a list.
  return COMMA_LOCATOR.test(gap) && (mention.region.code === previous.region.code || mention.place.code === previous.region.country);
}
