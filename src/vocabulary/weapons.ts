/**
 * The one weapon vocabulary: every means of attack the project recognises, with its canonical id
 * (what facts and alerts name), its family (what incident matching compares: outlets call one
 * weapon "Shahed" and "kamikaze drone") and its surface forms, as regular-expression sources on
 * folded, lower-case text. The strike cues, the weapon facts, the matching families and the
 * attacker cues are all derived from this table (`src/vocabulary/derive.ts`); nothing else
 * writes a weapon name.
 */

export interface WeaponForm {
  source: string;
  /** Only armed forces use it: its presence overrides "bomb"-style terrorism readings. */
  military?: true;
}

export interface WeaponEntry {
  /** Canonical name: 'shahed', 'cruise missile', 'air strike' … */
  id: string;
  family: string;
  forms: readonly WeaponForm[];
  /** False for words that mark an attack but name no weapon worth reporting ("munitions", "fire missions"). */
  fact: boolean;
}

const m = (source: string): WeaponForm => ({ source, military: true });
const f = (source: string): WeaponForm => ({ source });
const weapon = (id: string, family: string, forms: readonly WeaponForm[], fact = true): WeaponEntry => ({ id, family, forms, fact });

// Most specific first: a name is the first entry whose form matches it whole ("Shahed" before
// "drone", "cruise missile" before "missile"), and within an entry longer forms come first.
export const WEAPONS: readonly WeaponEntry[] = [
  weapon('shahed', 'drone', [m('shaheds?'), f('shahed-\\d+s?'), f('gerans?'), f('geran-\\d+s?')]),
  weapon('s-300', 'missile', [m('s-300s?')]),
  weapon('s-400', 'missile', [m('s-400s?')]),
  weapon('iskander', 'missile', [m('iskanders?(-m)?')]),
  weapon('kinzhal', 'missile', [m('kinzhals?')]),
  weapon('kalibr', 'missile', [m('kalibrs?')]),
  weapon('glide bomb', 'air', [m('glide bombs?'), f('guided aerial bombs?')]),
  weapon('cluster munition', 'cluster munition', [m('cluster munitions?'), f('cluster bombs?')]),
  weapon('cruise missile', 'missile', [f('cruise missiles?')]),
  weapon('ballistic missile', 'missile', [f('ballistic missiles?')]),
  weapon('missile', 'missile', [
    m('missiles?'),
    f('kh-\\d+\\w*'),
    f('onyx'),
    f('tochka(-u)?'),
    f('atacms'),
    f('storm shadows?'),
    f('neptunes?'),
  ]),
  weapon('drone', 'drone', [
    f('kamikaze drones?'),
    m('drones?'),
    m('uavs?'),
    f('unmanned aerial vehicles?'),
    f('loitering munitions?'),
    f('lancets?'),
    f('orlan-?10s?'),
  ]),
  weapon('mlrs', 'artillery', [
    m('mlrs'),
    f('grad (rockets?|systems?|mlrs)'),
    f('grads?'),
    f('uragan'),
    f('smerch'),
    f('himars'),
    f('multiple (launch )?rocket (launchers?|systems?)'),
  ]),
  weapon('rocket', 'artillery', [m('rockets?')]),
  weapon('artillery', 'artillery', [m('artillery'), m('shells'), m('shelling'), m('shelled'), f('howitzers?')]),
  weapon('mortar', 'artillery', [m('mortars?')]),
  weapon('air strike', 'air', [
    m('air ?strikes?'),
    f('airstrikes?'),
    m('aviation'),
    f('aircraft'),
    m('warplanes?'),
    m('aerial bombs?'),
    f('bombs?'),
    f('bombing'),
    f('bombed'),
  ]),
  weapon('air target', 'air target', [f('air targets?')]),
  // Words that mark the means of an attack without naming a weapon to report.
  weapon('kamikaze', 'drone', [m('kamikaze')], false),
  weapon('ballistic', 'missile', [f('ballistic')], false),
  weapon('bombardment', 'artillery', [m('bombard\\w*')], false),
  weapon('thermobaric', 'artillery', [f('thermobaric \\w+')], false),
  weapon('air raid', 'air', [f('air raids?'), f('fighter jets?'), f('su-\\d+\\w*')], false),
  weapon('munition', 'munition', [f('fire missions?'), f('projectiles?'), f('munitions?')], false),
];

const alt = (forms: readonly WeaponForm[]): string => forms.map((form) => form.source).join('|');
const ALL_FORMS = WEAPONS.flatMap((w) => w.forms);

/** Every weapon and means of attack (strike cues: a weapon with an act). */
export const WEAPON_SOURCE = alt(ALL_FORMS);
/** Weapons only armed forces use. */
export const MILITARY_WEAPON_SOURCE = alt(ALL_FORMS.filter((form) => form.military === true));
/** The weapons a fact names, most specific first. */
export const WEAPON_NAME_SOURCE = alt(WEAPONS.filter((w) => w.fact).flatMap((w) => w.forms));

const WHOLE = WEAPONS.filter((w) => w.fact).map((w) => ({ id: w.id, pattern: new RegExp(`^(?:${alt(w.forms)})$`) }));
const FAMILY = new Map(WEAPONS.map((w) => [w.id, w.family]));

/** The canonical id of a weapon name as written ("Shaheds" → 'shahed'); an unknown name stays itself. */
export function canonicalWeaponName(name: string): string {
  return WHOLE.find((w) => w.pattern.test(name))?.id ?? name;
}

/** The family of a weapon id or name ('shahed' → 'drone'); an unknown weapon is its own family. */
export function familyOfWeapon(weapon: string): string {
  const name = weapon.toLowerCase();
  return FAMILY.get(name) ?? FAMILY.get(canonicalWeaponName(name)) ?? name;
}
