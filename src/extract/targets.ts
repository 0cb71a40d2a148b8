import type { TargetType } from '../domain/index.js';
import { wordStemGroups, wordStemsOf } from '../text/match-all.js';
import { TARGET_KINDS } from '../vocabulary/targets.js';

// What an attack hit (src/vocabulary/targets.ts).
const TARGETS: readonly [TargetType, RegExp][] = TARGET_KINDS.map(([type, source]) => [type, new RegExp(`\\b(${source})\\b`)]);

// One word-start scan for the literal start of every alternative tells which kinds a sentence
// can name; only their patterns are tested (a pattern with no literal start is always tested).
const STEMS = TARGETS.map(([, pattern]) => wordStemsOf(pattern));
const TARGET_STEMS = wordStemGroups(STEMS.map((stems) => stems ?? []));
const ALWAYS = STEMS.reduce((mask, stems, k) => (stems === undefined ? mask | (1 << k) : mask), 0);

/** Target kinds named in folded, lower-case sentences that report an attack. */
export function extractTargets(sentences: readonly string[]): TargetType[] {
  const found = new Set<TargetType>();
  for (const text of sentences) {
    const present = TARGET_STEMS(text) | ALWAYS;
    if (present === 0) continue;
    TARGETS.forEach(([type, pattern], k) => {
      if ((present & (1 << k)) !== 0 && pattern.test(text)) found.add(type);
    });
  }
  // "Energy infrastructure" is energy; infrastructure alone is kept only when nothing finer is named.
  if (found.has('infrastructure') && found.has('energy')) found.delete('infrastructure');
  return TARGETS.map(([type]) => type).filter((type) => found.has(type));
}

/**
 * The specific site an attack hit, finer than its target kind: two attacks on one city the same
 * day usually hit different sites (a theatre and a sports centre), and every outlet's report of
 * one attack names the same one. Matching compares these; severity uses the kinds above.
 */
const SITES: readonly [string, RegExp][] = [
  [
    'nuclear plant',
    /\b(nuclear (power |energy )?(plants?|stations?|facilit(y|ies)|sites?|reactors?)|atomic (power )?(plants?|stations?)|n?npps?|znpp|reactors?)\b/,
  ],
  ['maternity hospital', /\b(maternity (hospitals?|wards?|homes?)?|children'?s hospitals?|perinatal)\b/],
  ['hospital', /\b(hospitals?|clinics?|polyclinics?)\b/],
  ['railway station', /\b((railway|train|rail|bus) stations?|railway junctions?)\b/],
  ['rail depot', /\b((rail(way)?|train|locomotive) depots?)\b/],
  ['shopping mall', /\b(shopping (cent(re|er)s?|malls?)|malls?|supermarkets?)\b/],
  ['theatre', /\b(drama )?theat(re|er)s?\b/],
  [
    'administration building',
    /\b((regional|city|oblast|state|district) (administration|council|hq|headquarters)( buildings?)?|administration buildings?|government buildings?|city hall)\b/,
  ],
  ['convoy', /\b(convoys?|motorcades?|columns? of (cars|civilians|vehicles|refugees))\b/],
  ['warship', /\b(cruisers?|warships?|flagships?|battleships?|frigates?|landing ships?|missile (ships?|carriers?)|black sea fleet)\b/],
  [
    'apartment block',
    /\b(apartment (blocks?|buildings?|houses?)|high-rises?|multi-stor(e)?y|residential (buildings?|blocks?)|blocks? of flats|(five|nine)-stor(e)?y)\b/,
  ],
  ['school', /\b(schools?|kindergartens?|universit(y|ies)|lyceums?)\b/],
  ['sports centre', /\b(sports? (cent(re|er)s?|complex(es)?|halls?)|stadiums?|swimming pools?)\b/],
  ['hotel', /\bhotels?\b/],
  ['orphanage', /\borphanages?\b/],
  ['market', /\bmarkets?\b/],
  ['oil depot', /\b(oil (depots?|refiner(y|ies)|terminals?)|fuel (depots?|storage)|refiner(y|ies))\b/],
  [
    'power plant',
    /\b(thermal power (plants?|stations?)|(combined )?heat(ing)? (and power )?plants?|hydroelectric (power )?(plants?|stations?)|dams?|substations?)\b/,
  ],
  ['port', /\b(sea ?ports?|ports?|harbou?rs?|grain terminals?)\b/],
  ['airport', /\b(airports?|air ?bases?|airfields?)\b/],
  ['bridge', /\bbridges?\b/],
];

/** A specific site is also its general kind: a report of "the hospital" may be the maternity hospital's. */
const SITE_PARENT: Readonly<Record<string, string>> = { 'nuclear plant': 'power plant', 'maternity hospital': 'hospital' };

/** Sites named in a folded, lower-case text, without the general kind of a specific one named too. */
export function extractSites(lower: string): string[] {
  const found: string[] = [];
  for (const [site, pattern] of SITES) if (pattern.test(lower)) found.push(site);
  const parents = new Set(found.map((s) => SITE_PARENT[s]));
  return found.filter((s) => !parents.has(s));
}

/** Two named sites can be the same place: equal, or one is the general kind of the other. */
export function sitesAgree(a: string, b: string): boolean {
  return a === b || SITE_PARENT[a] === b || SITE_PARENT[b] === a;
}
