import type { TargetType } from '../domain/index.js';

/**
 * The one target vocabulary: what an attack hits, by kind of target in the order a reader cares
 * about, as regular-expression sources on folded, lower-case text. Target facts
 * (src/extract/targets.ts) and the strike rules' "attack on a facility" cue are derived from it.
 */
export const TARGET_KINDS: readonly [TargetType, string][] = [
  ['hospital', 'hospitals?|clinics?|maternity|medical (facilit(y|ies)|cent(re|er)s?|institutions?)|ambulances?|polyclinic'],
  ['school', 'schools?|kindergartens?|universit(y|ies)|colleges?|lyceum'],
  [
    'energy',
    'power (plants?|stations?|lines?|grid|facilit(y|ies)|supply)|energy (infrastructure|facilit(y|ies)|system|grid)|substations?|thermal power|hydroelectric|electricity|blackouts?|power outages?|nuclear (power )?plants?|npp|znpp|heating plants?|transmission lines?|gas (pipeline|facilit(y|ies)|infrastructure)',
  ],
  [
    'oil',
    'oil (depots?|refiner(y|ies)|terminals?|storage|facilit(y|ies)|tanks?)|fuel (depots?|storage|tanks?|facilit(y|ies))|refiner(y|ies)|petroleum',
  ],
  ['residential', 'homes?|houses?|residential|apartments?|high-rises?|dwellings?|housing|private sector|multi-stor(e)?y|blocks? of flats'],
  ['railway', 'railway|railroad|rail (lines?|infrastructure|stations?|bridges?|transport)|train stations?|locomotives?|trains?'],
  ['port', 'ports?|seaports?|harbou?rs?|grain terminals?|docks?'],
  [
    'military',
    'military (bases?|airfields?|units?|facilit(y|ies)|targets?|airports?|equipment)|air ?bases?|airfields?|ammunition (depots?|warehouses?)|command (posts?|points?|cent(re|er)s?)|positions|barracks|naval bases?|warships?|control points|arsenal',
  ],
  ['infrastructure', 'infrastructure|bridges?|water supply|dams?'],
  [
    'civilian',
    'malls?|shopping (cent(re|er)s?|malls?)|markets?|churche?s?|cathedrals?|theat(re|er)s?|civilian (objects?|buildings?)|cars|vehicles|shops?|businesses|cafes?|restaurants?|supermarkets?',
  ],
];

/** Every target form: an attack on one of these is physical by nature, never rhetoric. */
export const FACILITY_SOURCE = TARGET_KINDS.map(([, source]) => source).join('|');

/**
 * Sectors a demonym can stand before as a target with no facility word ("Russian oil",
 * "Ukrainian energy", "Ukrainian power"): the short heads of the energy and oil kinds.
 */
export const TARGET_SECTOR_SOURCE = 'energy|power|oil';

/**
 * Words after "strikes on" that make the strike military, beyond the named targets: the places
 * and military objects of a war.
 */
export const TARGET_AFTER_SOURCE = [
  FACILITY_SOURCE,
  'plants?',
  'stations?',
  'depots?',
  'bases?',
  'positions',
  'settlements?',
  'villages?',
  'cities',
  'city',
  'towns?',
  'territory',
  'buildings?',
  'facilit(y|ies)',
  'command posts?',
  'headquarters',
].join('|');
