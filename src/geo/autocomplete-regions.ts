import { loadGazetteer, type NameEntry } from './gazetteer.js';
import { ancestorsOf, regionByCode } from './hierarchy.js';
import { nameKeys } from './normalise.js';
import type { RegionInfo } from './types.js';

/** One suggestion for a region argument: the place and how to show it ("Bucha, Kyiv Oblast, Ukraine"). */
export interface RegionCompletion {
  place: RegionInfo;
  label: string;
}

interface IndexRow {
  key: string;
  entry: Pick<NameEntry, 'place' | 'rank'>;
}

let index: IndexRow[] | undefined;

/**
 * Every gazetteer name and region code as a folded key, sorted, so a prefix is a binary search
 * plus a short scan: autocomplete must answer from memory within Discord's 3 seconds.
 */
function loadPrefixIndex(): IndexRow[] {
  if (index) return index;
  const gazetteer = loadGazetteer();
  const rows: IndexRow[] = [];
  for (const bucket of gazetteer.names.values())
    for (const entry of bucket) if (!entry.exactUpper) rows.push({ key: entry.keys.join(' '), entry });
  for (const place of gazetteer.byCode.values())
    if (place.type !== 'city') rows.push({ key: place.code.toLowerCase(), entry: { place, rank: 0 } });
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  index = rows;
  return rows;
}

/** Builds the index ahead of the first keystroke (the gazetteer load takes tens of milliseconds). */
export function preloadRegionCompletions(): void {
  loadPrefixIndex();
}

function lowerBound(rows: IndexRow[], key: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// A one-letter prefix matches thousands of towns; ranking only needs the best of them.
const MAX_SCAN = 20_000;
// Ukraine, Russia and their regions first: what the alerts are about.
const HOME = new Set(['UA', 'RU']);

/** "Bucha, Kyiv Oblast, Ukraine": the place with its region and country. */
export function describeRegion(place: RegionInfo): string {
  const names = [place.name, ...ancestorsOf(place.code).map((code) => regionByCode(code)?.name ?? code)];
  return [...new Set(names)].join(', ');
}

/**
 * Places whose name or code starts with what the user has typed so far ("kyiv", "Kyiv Oblast",
 * "UA-32", "Odessa", "Bucha"), best first: an exact code, then by the gazetteer's rank.
 */
export function autocompleteRegions(query: string, limit = 25): RegionCompletion[] {
  const rows = loadPrefixIndex();
  const trimmed = query.trim();
  const found = new Map<string, { place: RegionInfo; score: number }>();
  const add = (place: RegionInfo, score: number) => {
    const known = found.get(place.code);
    if (known === undefined || known.score < score) found.set(place.code, { place, score });
  };
  const exact = trimmed === '' ? undefined : regionByCode(trimmed);
  if (exact) add(exact, Number.POSITIVE_INFINITY);
  const keys = [...new Set([nameKeys(trimmed).join(' '), trimmed.toLowerCase()])].filter(Boolean);
  for (const key of keys) {
    for (let i = lowerBound(rows, key), n = 0; i < rows.length && n < MAX_SCAN && rows[i]!.key.startsWith(key); i++, n++) {
      const { place, rank } = rows[i]!.entry;
      // Whole-name matches before longer names; home countries before the rest of the world.
      add(place, rank + (rows[i]!.key === key ? 1e15 : 0) + (HOME.has(place.country) ? 1e14 : 0));
    }
  }
  if (trimmed === '') for (const code of ['UA', 'RU']) add(regionByCode(code)!, Number.POSITIVE_INFINITY);
  return [...found.values()]
    .sort((a, b) => b.score - a.score || a.place.name.localeCompare(b.place.name))
    .slice(0, limit)
    .map(({ place }) => ({ place, label: describeRegion(place) }));
}
