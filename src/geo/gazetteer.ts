import { COUNTRY_VARIANTS, DEMONYMS } from './curated-countries.js';
import type { CuratedRegion } from './curated-region-type.js';
import { RUSSIA_REGIONS } from './curated-ru.js';
import { UKRAINE_REGIONS } from './curated-ua.js';
import { COUNTRY_ROWS, PLACE_ROWS } from './data/gazetteer.generated.js';
import { nameKeys } from './normalise.js';
import { isStopName } from './stoplist.js';
import type { RegionInfo } from './types.js';

/** A name that can start a match: its token keys and what it means. */
export interface NameEntry {
  keys: readonly string[];
  place: RegionInfo;
  region: RegionInfo;
  /** Written as a region (a curated region name ending in "Oblast", "Krai", …). */
  regionForm: boolean;
  /** All-caps abbreviations (US, UK, ZNPP) only match in capitals. */
  exactUpper: boolean;
  rank: number;
}

export interface Gazetteer {
  byCode: ReadonlyMap<string, RegionInfo>;
  byLowerCode: ReadonlyMap<string, RegionInfo>;
  /** First token key → names starting with it, longest first. */
  names: ReadonlyMap<string, readonly NameEntry[]>;
  /** First token key → region stems, which match only with a region word after them. */
  stems: ReadonlyMap<string, readonly NameEntry[]>;
  demonyms: ReadonlyMap<string, readonly NameEntry[]>;
  /** Full name key → every town of that name, for names that several towns share (Zolochiv). */
  homonyms: ReadonlyMap<string, readonly NameEntry[]>;
}

/** Words that turn a stem into a region: "Kursk region", "Krasnodar Krai", "Chechen Republic". */
export const REGION_WORDS: ReadonlySet<string> = new Set([
  'region',
  'regions',
  'oblast',
  'oblasts',
  'krai',
  'kray',
  'province',
  'provinces',
  'republic',
  'territory',
  'regional',
]);
export const PLURAL_REGION_WORDS: ReadonlySet<string> = new Set(['regions', 'oblasts', 'provinces']);

// Curated names outrank every GeoNames town: 'Crimea' is the region, 'Rostov' is Rostov-on-Don.
const CURATED_RANK = 1e13;
const REGION_RANK = 2e13;
// A Ukrainian or Russian town outranks a same-name town elsewhere of up to five times its size.
const HOME_WEIGHT = 5;

function addEntry(
  index: Map<string, Map<string, NameEntry>>,
  name: string,
  entry: Omit<NameEntry, 'keys' | 'exactUpper'>,
  curated: boolean,
  homonyms?: Map<string, NameEntry[]>,
): void {
  const keys = nameKeys(name);
  const first = keys[0];
  if (first === undefined) return;
  const full = keys.join(' ');
  if (!curated && isStopName(full)) return;
  const exactUpper = /^[A-Z.]+$/.test(name) && name.replace(/\./g, '').length <= 5;
  let bucket = index.get(first);
  if (!bucket) index.set(first, (bucket = new Map()));
  const existing = bucket.get(full);
  const added = { ...entry, keys, exactUpper };
  if (homonyms !== undefined && existing !== undefined && existing.region.code !== entry.region.code) {
    const all = homonyms.get(full) ?? [existing];
    all.push(added);
    homonyms.set(full, all);
  }
  if (existing === undefined || existing.rank < entry.rank) bucket.set(full, added);
}

function freeze(index: Map<string, Map<string, NameEntry>>): Map<string, NameEntry[]> {
  const out = new Map<string, NameEntry[]>();
  for (const [first, bucket] of index)
    out.set(
      first,
      [...bucket.values()].sort((a, b) => b.keys.length - a.keys.length),
    );
  return out;
}

function endsWithRegionWord(name: string): boolean {
  const keys = nameKeys(name);
  return REGION_WORDS.has(keys[keys.length - 1] ?? '') || keys[0] === 'republic' || keys.includes('okrug');
}

function regionInfoOf(r: CuratedRegion): RegionInfo {
  const info: RegionInfo = {
    code: r.code,
    name: r.name,
    type: r.city ? 'city' : 'region',
    country: r.code.slice(0, 2),
    parent: r.code.slice(0, 2),
  };
  if (r.capital) info.capital = true;
  return info;
}

export function buildGazetteer(): Gazetteer {
  const byCode = new Map<string, RegionInfo>();
  const names = new Map<string, Map<string, NameEntry>>();
  const stems = new Map<string, Map<string, NameEntry>>();
  const demonyms = new Map<string, Map<string, NameEntry>>();

  for (const row of COUNTRY_ROWS) {
    const [code = '', name = '', population = '0'] = row.split('|');
    const info: RegionInfo = { code, name: name.trim(), type: 'country', country: code };
    if (Number(population) > 0) info.population = Number(population);
    byCode.set(code, info);
    const entry = { place: info, region: info, regionForm: false, rank: REGION_RANK + Number(population) };
    addEntry(names, info.name, entry, false);
    for (const variant of COUNTRY_VARIANTS[code] ?? []) addEntry(names, variant, entry, true);
    for (const demonym of DEMONYMS[code] ?? []) addEntry(demonyms, demonym, entry, true);
  }
  for (const r of [...UKRAINE_REGIONS, ...RUSSIA_REGIONS]) {
    const info = regionInfoOf(r);
    byCode.set(r.code, info);
    const base = { place: info, region: info, rank: REGION_RANK };
    for (const name of [r.name, ...(r.names ?? [])])
      addEntry(names, name, { ...base, regionForm: !r.city && endsWithRegionWord(name) }, true);
    for (const stem of r.stems ?? []) addEntry(stems, stem, { ...base, regionForm: true }, true);
  }
  const pending: Array<[RegionInfo, string[], boolean]> = [];
  for (const row of PLACE_ROWS) {
    const [code = '', name = '', country = '', parent = '', population = '0', flags = '', aliases = ''] = row.split('|');
    const info: RegionInfo = { code, name, type: flags.includes('r') ? 'region' : 'city', country, parent };
    if (Number(population) > 0) info.population = Number(population);
    if (flags.includes('c')) info.capital = true;
    byCode.set(code, info);
    pending.push([info, [name, ...(aliases === '' ? [] : aliases.split(';'))], flags.includes('k')]);
  }
  const homonyms = new Map<string, NameEntry[]>();
  for (const [info, placeNames, curated] of pending) {
    const region = byCode.get(info.parent ?? '') ?? info;
    const weight = info.country === 'UA' || info.country === 'RU' ? HOME_WEIGHT : 1;
    const rank = (curated ? CURATED_RANK : 0) + (info.population ?? 0) * weight + (info.capital ? 1e9 : 0);
    for (const name of placeNames) addEntry(names, name, { place: info, region, regionForm: false, rank }, curated, homonyms);
  }
  const byLowerCode = new Map([...byCode].map(([code, info]) => [code.toLowerCase(), info]));
  return { byCode, byLowerCode, names: freeze(names), stems: freeze(stems), demonyms: freeze(demonyms), homonyms };
}

let cached: Gazetteer | undefined;

/** The gazetteer, built once on first use (a few milliseconds). */
export function loadGazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}
