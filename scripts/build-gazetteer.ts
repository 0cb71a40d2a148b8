/**
 * Builds src/geo/data/gazetteer.generated.ts from GeoNames exports (CC BY 4.0, geonames.org):
 * countries from countryInfo.tsv, towns from cities15000 (every country) and cities5000 (Ukraine
 * and Russia only, for the small front-line and border towns), the first-level regions of every
 * country at war (regionInfo.tsv), merged with the curated tables in src/geo.
 * Run: `npm run gazetteer [-- <raw-data-dir>]` (default ../shared/data/raw).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CURATED_PLACES } from '../src/geo/curated-places.js';
import { RUSSIA_REGIONS } from '../src/geo/curated-ru.js';
import { UKRAINE_REGIONS } from '../src/geo/curated-ua.js';
import { nameKeys, slugify } from '../src/geo/normalise.js';
import { isStopName } from '../src/geo/stoplist.js';
import { editDistance, parseCities, readCountries, readRegions, readZippedText, type GeoNamesCity } from './gazetteer/geonames.js';
import { WAR_COUNTRIES, WAR_SMALL_TOWNS, regionNamesOf } from './gazetteer/war-countries.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const rawDir = process.argv[2] ?? join(repoRoot, '..', 'shared', 'data', 'raw');
const outPath = join(repoRoot, 'src', 'geo', 'data', 'gazetteer.generated.ts');

/** Neighbours and frequent venues: their towns of 100k+ are kept; other involved countries 500k+. */
const NEAR = new Set(['PL', 'MD', 'BY', 'RO', 'GE', 'LT', 'LV', 'EE', 'SK', 'HU', 'FI', 'TR', 'AZ', 'AM', 'KZ']);
const INVOLVED = new Set([
  'SA',
  'AE',
  'QA',
  'GB',
  'FR',
  'DE',
  'CH',
  'NO',
  'SE',
  'DK',
  'NL',
  'BE',
  'IT',
  'ES',
  'AT',
  'CZ',
  'BG',
  'IL',
  'IR',
  'SY',
]);
const MIN_ALIAS_POPULATION = 20_000;

interface Place {
  name: string;
  country: string;
  region: string;
  population: number;
  capital: boolean;
  curated: boolean;
  area: boolean;
  aliases: Set<string>;
  geonamesId?: string;
}

const fold = (name: string): string => nameKeys(name).join(' ');
const regions = [...UKRAINE_REGIONS, ...RUSSIA_REGIONS];
const isoByAdmin1 = new Map(regions.map((r) => [r.admin1, r.code]));
const cityRegionNames = new Map(regions.filter((r) => r.city).map((r) => [r.code, new Set((r.names ?? []).map(fold))]));

function regionOf(row: GeoNamesCity): string | undefined {
  if (row.country === 'UA' || row.country === 'RU') return isoByAdmin1.get(row.admin1);
  return row.country;
}

function isSelected(row: GeoNamesCity): boolean {
  if (row.country === 'UA' || row.country === 'RU') return true;
  if (row.featureCode === 'PPLC') return true;
  if (WAR_SMALL_TOWNS.has(row.country)) return true;
  if (WAR_COUNTRIES.has(row.country)) return row.population >= 100_000;
  if (NEAR.has(row.country)) return row.population >= 100_000;
  if (INVOLVED.has(row.country)) return row.population >= 500_000;
  return row.country === 'US' && row.population >= 1_000_000;
}

/** Spellings worth matching: ASCII name, "-yy"/"-iy" endings, and close Latin alternate names. */
function aliasesOf(row: GeoNamesCity): Set<string> {
  const aliases = new Set<string>([row.asciiName]);
  const base = row.asciiName;
  if (/yy$/.test(base)) aliases.add(base.replace(/yy$/, 'yi'));
  if (/iy$/.test(base)) aliases.add(base.replace(/iy$/, 'y'));
  const home = row.country === 'UA' || row.country === 'RU';
  // Arabic, Persian and Burmese names reach English in several spellings (Khan Yunis, Khan Younis).
  if ((home && row.population >= MIN_ALIAS_POPULATION) || (WAR_COUNTRIES.has(row.country) && row.population >= 100_000)) {
    const key = fold(base);
    for (const alt of row.alternateNames) {
      if (!/^[A-Z][A-Za-z' -]{3,}$/.test(alt) || alt === alt.toUpperCase()) continue;
      const altKey = fold(alt);
      if (altKey[0] !== key[0] || editDistance(altKey, key) > Math.max(1, Math.floor(key.length / 4))) continue;
      aliases.add(alt);
    }
  }
  aliases.delete(row.name);
  return aliases;
}

function loadRows(): GeoNamesCity[] {
  const byId = new Map<string, GeoNamesCity>();
  const small = parseCities(readZippedText(join(rawDir, 'geodata-spyratos', 'cities5000.zip')));
  for (const row of small) if (row.country === 'UA' || row.country === 'RU') byId.set(row.id, row);
  // cities15000 is seven years newer (Bakhmut, not Artemivs'k): its rows win.
  for (const row of parseCities(readZippedText(join(rawDir, 'geobank-data', 'cities15000.zip')))) byId.set(row.id, row);
  return [...byId.values()];
}

function toPlace(row: GeoNamesCity, region: string): Place {
  // Soft signs transliterated as apostrophes (Oboyan’) are dropped from display names; the folded
  // keys ignore apostrophes anyway.
  // Ukrainian "-yy" endings are written "-yi" in English news (Novhorod-Siverskyi); aliases keep both.
  const plain = row.country === 'UA' || row.country === 'RU' ? row.name.replace(/['’`ʼ]/g, '') : row.name;
  const name = row.country === 'UA' ? plain.replace(/yy\b/g, 'yi') : plain;
  return {
    name,
    country: row.country,
    region,
    population: row.population,
    capital: row.featureCode === 'PPLC',
    curated: false,
    area: false,
    aliases: new Set([...aliasesOf(row), plain]),
    geonamesId: row.id,
  };
}

function buildPlaces(rows: GeoNamesCity[]): { places: Place[]; skipped: number } {
  const places: Place[] = [];
  let skipped = 0;
  for (const row of rows) {
    const region = regionOf(row);
    if (region === undefined) {
      skipped++;
      continue;
    }
    if (!isSelected(row)) continue;
    const cityNames = cityRegionNames.get(region);
    if (cityNames && (cityNames.has(fold(row.name)) || cityNames.has(fold(row.asciiName)))) continue;
    places.push(toPlace(row, region));
  }
  return { places, skipped };
}

const namesOf = (p: { name: string; aliases: Iterable<string> }): string[] => [p.name, ...p.aliases].map(fold);

/** Curated towns replace or extend the GeoNames town of the same region with any shared name. */
function mergeCurated(places: Place[], rows: GeoNamesCity[]): void {
  for (const curated of CURATED_PLACES) {
    const wanted = new Set([curated.name, ...(curated.aliases ?? [])].map(fold));
    let target = places
      .filter((p) => p.region === curated.region && namesOf(p).some((n) => wanted.has(n)))
      .sort((a, b) => b.population - a.population)[0];
    if (!target) {
      const row = rows.find(
        (r) =>
          (regionOf(r) === curated.region && wanted.has(fold(r.name))) || (regionOf(r) === curated.region && wanted.has(fold(r.asciiName))),
      );
      if (row) {
        target = toPlace(row, curated.region);
        places.push(target);
      }
    }
    if (!target) {
      const country = curated.region.slice(0, 2);
      target = {
        name: curated.name,
        country,
        region: curated.region,
        population: 0,
        capital: false,
        curated: true,
        area: false,
        aliases: new Set(),
      };
      places.push(target);
    }
    if (target.name !== curated.name) target.aliases.add(target.name);
    target.name = curated.name;
    target.curated = true;
    target.area = curated.type === 'region';
    for (const alias of curated.aliases ?? []) target.aliases.add(alias);
    target.aliases.delete(curated.name);
    if (curated.population !== undefined && target.population === 0) target.population = curated.population;
  }
}

/** First-level regions of the countries at war, as areas of their country ("Nabatieh" → LB). */
function regionPlaces(path: string): Place[] {
  const out: Place[] = [];
  for (const r of readRegions(path)) {
    const country = r.code.slice(0, 2);
    if (!WAR_COUNTRIES.has(country)) continue;
    const [name, ...aliases] = regionNamesOf(r.name, r.asciiName);
    if (name === undefined) continue;
    out.push({ name, country, region: country, population: 0, capital: false, curated: false, area: true, aliases: new Set(aliases) });
  }
  return out;
}

function dropStopNames(places: Place[]): Place[] {
  const kept: Place[] = [];
  for (const p of places) {
    for (const alias of [...p.aliases]) if (isStopName(fold(alias)) || fold(alias) === fold(p.name)) p.aliases.delete(alias);
    if (!p.curated && isStopName(fold(p.name))) continue;
    kept.push(p);
  }
  return kept;
}

function encodeRows(places: Place[]): string[] {
  const used = new Map<string, Place>();
  const rows: string[] = [];
  for (const p of [...places].sort((a, b) => b.population - a.population)) {
    let code = `${p.region}/${slugify(p.name)}`;
    if (used.has(code)) code = `${code}-${p.geonamesId ?? used.size}`;
    used.set(code, p);
    const aliases = [...p.aliases].filter((a) => a.length > 0).sort();
    const flags = `${p.capital ? 'c' : ''}${p.curated ? 'k' : ''}${p.area ? 'r' : ''}`;
    rows.push([code, p.name, p.country, p.region, String(p.population), flags, aliases.join(';')].join('|'));
  }
  return rows.sort();
}

function main(): void {
  const countries = readCountries(join(rawDir, 'geobank-data', 'countryInfo.tsv'));
  const rows = loadRows();
  const { places, skipped } = buildPlaces(rows);
  places.push(...regionPlaces(join(rawDir, 'geobank-data', 'regionInfo.tsv')));
  mergeCurated(places, rows);
  const kept = dropStopNames(places);
  const placeRows = encodeRows(kept);
  const countryRows = countries.map((c) => [c.alpha2, c.name, String(c.population)].join('|')).sort();
  const text = [
    '// Generated by scripts/build-gazetteer.ts (npm run gazetteer) — do not edit by hand.',
    '// Data: GeoNames (https://www.geonames.org/), CC BY 4.0, plus curated tables in src/geo.',
    '// Place row: code|name|country|parent|population|flags (c = national capital, k = curated, r = an area, not a town)|aliases (;-separated).',
    `export const COUNTRY_ROWS: readonly string[] = ${JSON.stringify(countryRows, null, 0).replace(/","/g, '",\n  "')};`,
    `export const PLACE_ROWS: readonly string[] = ${JSON.stringify(placeRows, null, 0).replace(/","/g, '",\n  "')};`,
    '',
  ].join('\n');
  writeFileSync(outPath, text);
  const byCountry = new Map<string, number>();
  for (const p of kept) byCountry.set(p.country, (byCountry.get(p.country) ?? 0) + 1);
  console.log(
    `wrote ${outPath}: ${countryRows.length} countries, ${placeRows.length} places (UA ${byCountry.get('UA') ?? 0}, RU ${byCountry.get('RU') ?? 0}), ${(text.length / 1024).toFixed(0)} KiB; ${skipped} UA/RU rows without a known admin1 skipped`,
  );
}

main();
