import type { AlertFact, Facts, NegotiationFacts, TargetType, WeaponFact } from '../domain/index.js';
import { countryName } from '../geo/index.js';

/**
 * Display names by canonical weapon id (the ids src/extract/weapons.ts produces), singular and
 * plural. Ids not listed fall back to the id itself, so a new weapon still shows.
 */
const WEAPON_NAMES: Record<string, readonly [string, string]> = {
  shahed: ['Shahed drone', 'Shahed drones'],
  drone: ['drone', 'drones'],
  missile: ['missile', 'missiles'],
  'cruise missile': ['cruise missile', 'cruise missiles'],
  'ballistic missile': ['ballistic missile', 'ballistic missiles'],
  's-300': ['S-300 missile', 'S-300 missiles'],
  's-400': ['S-400 missile', 'S-400 missiles'],
  iskander: ['Iskander missile', 'Iskander missiles'],
  kinzhal: ['Kinzhal missile', 'Kinzhal missiles'],
  kalibr: ['Kalibr missile', 'Kalibr missiles'],
  'glide bomb': ['glide bomb', 'glide bombs'],
  'cluster munition': ['cluster munition', 'cluster munitions'],
  mlrs: ['multiple rocket launcher', 'multiple rocket launchers'],
  rocket: ['rocket', 'rockets'],
  artillery: ['artillery', 'artillery shells'],
  mortar: ['mortar', 'mortars'],
  'air strike': ['air strike', 'air strikes'],
  'air target': ['air target', 'air targets'],
};

const TARGET_NAMES: Record<TargetType, string> = {
  energy: 'energy infrastructure',
  oil: 'oil facilities',
  hospital: 'hospital',
  residential: 'homes',
  railway: 'railway',
  port: 'port',
  school: 'school',
  military: 'military site',
  infrastructure: 'infrastructure',
  civilian: 'civilians',
};

/** "25 drones (18 shot down)", "Iskander missile", "artillery". */
export function describeWeapon(fact: WeaponFact): string {
  const [one, many] = WEAPON_NAMES[fact.weapon] ?? [fact.weapon, fact.weapon];
  const name = fact.count === undefined ? (one === 'artillery' ? one : many) : `${fact.count} ${fact.count === 1 ? one : many}`;
  if (fact.intercepted === undefined) return name;
  const all = fact.count !== undefined && fact.intercepted >= fact.count;
  return `${name} (${all ? 'all' : fact.intercepted} shot down)`;
}

export function describeTarget(target: TargetType): string {
  return TARGET_NAMES[target] ?? target;
}

/** Country names for codes, the text itself for named parties ("NATO"). */
export function describeParty(party: string): string {
  return countryName(party) ?? party;
}

/** Key facts in the order a reader scans them: what hit, who died, what was hit, then the talks. */
export function describeFacts(facts: Facts): AlertFact[] {
  const out: AlertFact[] = [];
  if (facts.weapons.length > 0) out.push({ label: 'Weapons', value: facts.weapons.map(describeWeapon).join(', ') });
  const casualties = describeCasualties(facts.casualties);
  if (casualties) out.push({ label: 'Casualties', value: casualties });
  if (facts.targets.length > 0) out.push({ label: 'Targets', value: facts.targets.map(describeTarget).join(', ') });
  if (facts.attacker !== undefined) {
    const by = describeParty(facts.attacker);
    out.push({ label: 'Attack', value: facts.attacked === undefined ? `by ${by}` : `${by} on ${describeParty(facts.attacked)}` });
  }
  if (facts.negotiation) out.push(...describeNegotiation(facts.negotiation));
  return out;
}

function describeCasualties(casualties: Facts['casualties']): string {
  const parts: string[] = [];
  if (casualties.killed !== undefined) parts.push(`${casualties.killed} killed`);
  if (casualties.injured !== undefined) parts.push(`${casualties.injured} injured`);
  return parts.join(', ');
}

function describeNegotiation(talks: NegotiationFacts): AlertFact[] {
  const out: AlertFact[] = [];
  if (talks.parties.length > 0) out.push({ label: 'Parties', value: talks.parties.map(describeParty).join(', ') });
  if (talks.people && talks.people.length > 0) out.push({ label: 'People', value: talks.people.join(', ') });
  if (talks.venue) out.push({ label: 'Venue', value: talks.venue });
  if (talks.datePhrase) out.push({ label: 'When', value: talks.datePhrase });
  if (talks.outcomes && talks.outcomes.length > 0) {
    out.push({ label: 'Status', value: talks.outcomes.map((o) => `${o.topic}: ${o.status}`).join('; ') });
  } else {
    if (talks.status) out.push({ label: 'Status', value: talks.status });
    if (talks.topics && talks.topics.length > 0) out.push({ label: 'Topics', value: talks.topics.join(', ') });
  }
  return out;
}
