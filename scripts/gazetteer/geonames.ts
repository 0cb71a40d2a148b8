import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** One row of a GeoNames cities file (the 19-column "geoname" table). */
export interface GeoNamesCity {
  id: string;
  name: string;
  asciiName: string;
  alternateNames: string[];
  featureCode: string;
  country: string;
  /** 'UA.13': country plus admin1 code, as regionInfo.tsv writes it. */
  admin1: string;
  population: number;
}

export interface GeoNamesCountry {
  alpha2: string;
  name: string;
  capital: string;
  population: number;
}

/** The text of the single file inside a GeoNames zip; `unzip` is everywhere GeoNames data is. */
export function readZippedText(zipPath: string): string {
  return execFileSync('unzip', ['-p', zipPath], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8');
}

export function parseCities(text: string): GeoNamesCity[] {
  const rows: GeoNamesCity[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    rows.push({
      id: f[0] ?? '',
      name: f[1] ?? '',
      asciiName: f[2] ?? '',
      alternateNames: (f[3] ?? '').split(',').filter((n) => n.length > 0),
      featureCode: f[7] ?? '',
      country: f[8] ?? '',
      admin1: `${f[8] ?? ''}.${f[10] ?? ''}`,
      population: Number(f[14] ?? '0') || 0,
    });
  }
  return rows;
}

export function readCountries(path: string): GeoNamesCountry[] {
  const rows: GeoNamesCountry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const f = line.split('\t');
    const alpha2 = f[0] ?? '';
    if (!/^[A-Z]{2}$/.test(alpha2)) continue;
    rows.push({ alpha2, name: f[4] ?? alpha2, capital: f[5] ?? '', population: Number(f[7] ?? '0') || 0 });
  }
  return rows;
}

/** Edit distance, to keep only alternate names that are spellings of the name, not other names. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export interface GeoNamesRegion {
  /** 'LB.06': country plus admin1 code. */
  code: string;
  name: string;
  asciiName: string;
}

/** regionInfo.tsv: the GeoNames admin1 table with English names. */
export function readRegions(path: string): GeoNamesRegion[] {
  const rows: GeoNamesRegion[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [code = '', name = '', asciiName = ''] = line.split('\t');
    if (/^[A-Z]{2}\./.test(code)) rows.push({ code, name, asciiName });
  }
  return rows;
}
