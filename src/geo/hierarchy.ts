import { loadGazetteer } from './gazetteer.js';
import type { RegionInfo } from './types.js';

/** Exact code, or the same code in another case ('ua-32', 'UA-32/Bucha'). */
export function regionByCode(code: string): RegionInfo | undefined {
  const gazetteer = loadGazetteer();
  return gazetteer.byCode.get(code) ?? gazetteer.byLowerCode.get(code.trim().toLowerCase());
}

export function countryName(alpha2: string): string | undefined {
  const info = regionByCode(alpha2);
  return info?.type === 'country' ? info.name : undefined;
}

/** The parent of a code the gazetteer may not know, read from the code's shape: 'UA-32/x' → 'UA-32' → 'UA'. */
function parentByShape(code: string): string | undefined {
  const slash = code.lastIndexOf('/');
  if (slash > 0) return code.slice(0, slash);
  if (/^[A-Za-z]{2}-/.test(code)) return code.slice(0, 2).toUpperCase();
  return undefined;
}

/** Nearest first: 'UA-32/bucha' → ['UA-32', 'UA']; a country has none. */
export function ancestorsOf(code: string): string[] {
  const out: string[] = [];
  let current = regionByCode(code)?.code ?? code;
  for (let guard = 0; guard < 8; guard++) {
    const parent = regionByCode(current)?.parent ?? parentByShape(current);
    if (parent === undefined || parent === current) break;
    out.push(parent);
    current = parent;
  }
  return out;
}

/** Inclusive: a place is within itself, its region and its country. Case-insensitive codes. */
export function isWithin(code: string, ancestor: string): boolean {
  const self = regionByCode(code)?.code ?? code;
  const target = regionByCode(ancestor)?.code ?? ancestor;
  return self === target || ancestorsOf(self).includes(target);
}
