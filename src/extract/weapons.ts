import type { WeaponFact } from '../domain/index.js';
import { leadingStems } from '../text/leading-stems.js';
import { anyWordStem, matchesOf, withoutCaptures } from '../text/match-all.js';
import { canonicalWeaponName, WEAPON_NAME_SOURCE } from '../vocabulary/weapons.js';
import { COUNT, parseCount } from './numbers.js';

/**
 * Weapons named in the sentences that report an attack, with how many were used and how many
 * were shot down when the text says so. The most specific name wins ("Shahed" over "drone").
 */
// The weapon names of src/vocabulary/weapons.ts, most specific first; groups made non-capturing
// because the counted pattern reads its own groups.
const NAMES = withoutCaptures(WEAPON_NAME_SOURCE);

// Between a count and the weapon: only words that describe weapons ("57 Ukrainian attack drones").
const MODIFIER =
  '(?:(?:kamikaze|attack|strike|combat|russian|ukrainian|enemy|iranian(?:-made)?|long-range|hostile|guided|unmanned|more|other|[a-z]+-\\d+\\w*)\\s+){0,3}';
// Every count starts with a word character, so the leading \b only restates the look-behind — but
// lets the engine reject most positions before evaluating it.
const COUNTED = new RegExp(`\\b(?<![\\w-])(${COUNT})\\s+${MODIFIER}(${NAMES})\\b`, 'g');
// Every name starts a word with one of its derived stems, so the stems are only tried at word starts.
const MAY_NAME_WEAPON = anyWordStem(leadingStems(WEAPON_NAME_SOURCE) ?? []);
const ANY = new RegExp(`\\b(${NAMES})\\b`, 'g');
const INTERCEPT_BEFORE =
  /\b(shot down|shooting down|downed|down(s|ed)?|destroy(ed|ing|s)?|intercept(ed|ing|s)?|neutrali[sz](ed|ing)|eliminat(ed|ing)|repel(led|ling)?)\s+(\S+\s+){0,3}$/;
// "shot down 18 of 25 drones": the first number is how many were downed, the second how many came.
const SHARE_BEFORE = new RegExp(`\\b(${COUNT})\\s+(?:out\\s+)?of\\s+(?:the\\s+)?$`);
const INTERCEPT_AFTER = /^\s*(were|was|had been|have been|being)?\s*(shot down|downed|destroyed|intercepted|neutrali[sz]ed)\b/;

// The names a story can carry are few; remembering them spares up to 18 tests per mention.
const canonicalCache = new Map<string, string>();

export function canonicalWeapon(name: string): string {
  const known = canonicalCache.get(name);
  if (known !== undefined) return known;
  const canonical = canonicalWeaponName(name);
  if (canonicalCache.size >= 1_000) canonicalCache.clear();
  canonicalCache.set(name, canonical);
  return canonical;
}

/** Weapons in `lower` sentences (folded text), counted where a number stands before them. */
export function extractWeapons(sentences: readonly string[]): WeaponFact[] {
  const facts: WeaponFact[] = [];
  const named = new Set<string>();
  for (const text of sentences) {
    if (!MAY_NAME_WEAPON.test(text)) continue;
    for (const m of matchesOf(COUNTED, text)) {
      const count = parseCount(m[1] ?? '');
      const weapon = canonicalWeapon(m[2] ?? '');
      if (count === undefined || (weapon === 'artillery' && /shell(ing|ed)$/.test(m[2] ?? ''))) continue;
      const before = text.slice(Math.max(0, m.index - 50), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const share = SHARE_BEFORE.exec(before);
      const part = share === null ? undefined : parseCount(share[1] ?? '');
      const headBefore = share === null ? before : before.slice(0, share.index);
      const intercepted = INTERCEPT_BEFORE.test(headBefore) || INTERCEPT_AFTER.test(after);
      let fact: WeaponFact = intercepted ? { weapon, intercepted: count } : { weapon, count };
      if (part !== undefined && part <= count) fact = intercepted ? { weapon, count, intercepted: part } : { weapon, count };
      if (!facts.some((f) => f.weapon === fact.weapon && f.count === fact.count && f.intercepted === fact.intercepted)) facts.push(fact);
      named.add(weapon);
    }
    for (const m of matchesOf(ANY, text)) named.add(canonicalWeapon(m[1] ?? ''));
  }
  // A weapon only named ("hit by a Shahed") is a fact too; a generic name is dropped when a
  // specific one of its family is present.
  for (const weapon of named) {
    if (facts.some((f) => f.weapon === weapon)) continue;
    if (weapon === 'drone' && named.has('shahed')) continue;
    if (weapon === 'missile' && [...named].some((w) => /missile|s-[34]00|iskander|kinzhal|kalibr/.test(w) && w !== 'missile')) continue;
    facts.push({ weapon });
  }
  return facts;
}
