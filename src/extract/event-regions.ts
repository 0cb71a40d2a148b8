import type { RegionRef } from '../domain/index.js';
import { regionByCode, type PlaceMention } from '../geo/index.js';
import { judgeMention, type PlaceRole } from './place-roles.js';

/**
 * Where a strike hit or was intercepted — not every place a story names. Each mention in a
 * sentence that reports an attack is given a role (`judgeMention`); only targets become regions,
 * at the finest level named. A story that names no target is placed in a country only when the
 * text itself names or implies one ("sirens in Kharkiv", "the Israeli army said it hit …");
 * there is no default country.
 */

export type { PlaceRole } from './place-roles.js';

export interface PlaceJudgement {
  mention: PlaceMention;
  role: PlaceRole;
  sentence: number;
}

export interface EventRegions {
  regions: RegionRef[];
  judgements: PlaceJudgement[];
}

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
  if (targets.every((t) => t.mention.place.type === 'country')) {
    const rest = sentences.flatMap((text, i) => (strikeSentences.includes(i) ? [] : judgeSentence(places, text, i)));
    const countries = new Set(targets.map((t) => t.mention.region.country));
    const finer = rest.filter(
      (j) => j.role === 'target' && j.mention.place.type !== 'country' && (countries.size === 0 || countries.has(j.mention.region.country)),
    );
    judgements.push(...rest);
    if (finer.length > 0) targets = finer;
  }
  // "40 km south of Kharkiv" places an attack near Kharkiv, "two killed after a strike on
  // Kharkiv" in Kharkiv, and the Kharkiv governor speaks for it, when nothing else is named.
  const near = judgements.filter((j) => j.role === 'reference' || j.role === 'backstory' || j.role === 'local-seat');
  if (targets.length === 0 || (near.length > 0 && targets.every((t) => t.mention.place.type === 'country'))) {
    const countries = new Set(targets.map((t) => t.mention.region.country));
    const inside = near.filter((j) => countries.size === 0 || countries.has(j.mention.region.country));
    if (inside.length > 0 || targets.length === 0) targets = inside;
  }
  // A country named as the place of attack outside the attack sentences ("… the war in Ukraine").
  if (targets.length === 0) targets = judgements.filter((j) => j.role === 'target');
  if (targets.length === 0) {
    const implied = impliedCountry(judgements, sentences);
    if (implied !== undefined) {
      judgements.push(implied);
      targets = [implied];
    }
  }
  return { regions: toRegions(targets.map((t) => t.mention)), judgements };
}

function judgeSentence(places: readonly PlaceMention[][], text: string, sentence: number): PlaceJudgement[] {
  const mentions = places[sentence] ?? [];
  const out = mentions.map((mention, k) => ({ mention, role: judgeMention(text, mention, mentions[k - 1]), sentence }));
  // "Kyiv and Moscow trade blame": every place of a list that speaks is a speaker.
  for (let k = out.length - 2; k >= 0; k--) {
    const current = out[k];
    const next = out[k + 1];
    if (current?.role === 'target' && next?.role === 'actor' && SPEAKER_LIST.test(text.slice(current.mention.end, next.mention.start)))
      current.role = 'actor';
  }
  return out;
}

const SPEAKER_LIST = /^\s*(,|and|,\s*and)\s*$/;

// Roles that say which country a story is about without saying a strike hit a place in it,
// surest first: a siren, an air defence at work or a locator names the country under attack; a government speaking, or
// an adjective ("Russian fakes"), only the country the story concerns.
const IMPLYING: readonly PlaceRole[] = ['alert-only', 'defender', 'locator', 'other', 'owner', 'dateline', 'actor'];

/**
 * The one country a target-less strike story is about: the country of a place it names in an
 * implying role — never the attacker's or launch site's country when another is named, and
 * nothing when the text names no country at all.
 */
function impliedCountry(judgements: readonly PlaceJudgement[], texts: readonly string[]): PlaceJudgement | undefined {
  const attackers = new Set(
    judgements.filter((j) => j.role === 'attacker' || j.role === 'launch-site').map((j) => j.mention.region.country),
  );
  const rank = (j: PlaceJudgement): number => {
    const role = IMPLYING.indexOf(j.role);
    // Demonyms imply least: "Russian positions" stand wherever the war is.
    if (role < 0 || attackers.has(j.mention.region.country) || (j.role === 'owner' && j.mention.demonym === true)) return -1;
    return j.mention.demonym === true ? IMPLYING.length * 2 + role : role * 2 + Number(j.mention.place.type === 'country');
  };
  let best: PlaceJudgement | undefined;
  let bestRank = Infinity;
  for (const j of judgements) {
    const r = rank(j);
    if (r >= 0 && r < bestRank) {
      best = j;
      bestRank = r;
    }
  }
  best ??= defendingSide(judgements, texts);
  const country = best === undefined ? undefined : regionByCode(best.mention.region.country);
  if (best === undefined || country === undefined) return undefined;
  return { mention: { ...best.mention, place: country, region: country, demonym: false }, role: 'implied', sentence: best.sentence };
}

// The words of a side at war on its own soil for the other side: "enemy positions", "the invaders".
const INVADED_VOICE = /\b(enemy|enemy's|invaders?|occupiers?|occupants?|aggressors?|rashists?|racists)\b/i;
const ENEMY_AFTER = /^\s*(\S+\s+)?(invaders?|occupiers?|occupants?|aggressors?|rashists?|racists)\b/i;

/**
 * "Ukrainian aircraft strike enemy positions", "air defence destroyed seven enemy drones": a
 * story told in the voice of a side fighting on its own soil places the fighting in that side's
 * country, when exactly one named country acts and the other is only ever "the enemy".
 */
function defendingSide(judgements: readonly PlaceJudgement[], texts: readonly string[]): PlaceJudgement | undefined {
  if (!texts.some((t) => INVADED_VOICE.test(t))) return undefined;
  const enemy = new Set(
    judgements
      .filter((j) => j.role === 'owner' || ENEMY_AFTER.test(texts[j.sentence]?.slice(j.mention.end, j.mention.end + 40) ?? ''))
      .map((j) => j.mention.region.country),
  );
  // The side must act on "the enemy" in its own sentence: "Russian forces launched 60 strikes.
  // The enemy also shelled …" is the other side's voice about Russia, not Russia's own.
  const acting = judgements.filter(
    (j) =>
      j.role === 'attacker' && !enemy.has(j.mention.region.country) && INVADED_VOICE.test(texts[j.sentence]?.slice(j.mention.end) ?? ''),
  );
  const countries = new Set(acting.map((j) => j.mention.region.country));
  return countries.size === 1 ? acting[0] : undefined;
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
