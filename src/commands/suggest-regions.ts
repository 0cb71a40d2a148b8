import { distance } from 'fastest-levenshtein';
import type { RegionInfo } from '../geo/index.js';
import { loadGazetteer } from '../geo/gazetteer.js';

const MAX_SUGGESTIONS = 3;

/**
 * "Did you mean" for a region a user typed that the gazetteer does not know: the closest
 * names by edit distance (a typo of a few letters), bigger places first on a tie. Regions
 * and countries also match by the name without their "Oblast"/"Krai" word.
 */
export function suggestRegions(query: string, limit = MAX_SUGGESTIONS): RegionInfo[] {
  const wanted = simplify(query);
  if (wanted.length < 3) return [];
  const budget = Math.max(2, Math.floor(wanted.length / 4));
  const scored: { place: RegionInfo; score: number }[] = [];
  for (const place of loadGazetteer().byCode.values()) {
    const names = [place.name, place.code, place.name.replace(/\s+(oblast|krai|region|republic|city)$/i, '')];
    const score = Math.min(...names.map((name) => distance(wanted, simplify(name))));
    if (score <= budget) scored.push({ place, score });
  }
  scored.sort((a, b) => a.score - b.score || (b.place.population ?? 0) - (a.place.population ?? 0));
  const seen = new Set<string>();
  return scored
    .filter(({ place }) => !seen.has(place.code) && seen.add(place.code))
    .slice(0, limit)
    .map((s) => s.place);
}

function simplify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
