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

/**
 * Ancestors read off the code itself, nearest first: 'UA-32/bucha' → ['UA-32', 'UA'], 'UA-32' →
 * ['UA'], a country → []. The gazetteer builds every code this way (a place's code is its
 * parent's code plus a slug), so this needs no lookup; the one ancestor function of the project.
 */
export function ancestorsFromCode(code: string): string[] {
  const ancestors: string[] = [];
  let rest = code;
  for (let slash = rest.lastIndexOf('/'); slash > 0; slash = rest.lastIndexOf('/')) {
    rest = rest.slice(0, slash);
    ancestors.push(rest);
  }
  const dash = rest.indexOf('-');
  if (dash > 0) ancestors.push(rest.slice(0, dash));
  return ancestors;
}

/** Nearest first, for a code in any case: 'ua-32/Bucha' → ['UA-32', 'UA']; a country has none. */
export function ancestorsOf(code: string): string[] {
  return ancestorsFromCode(regionByCode(code)?.code ?? code).map((c) => regionByCode(c)?.code ?? c.toUpperCase());
}

/** Inclusive: a place is within itself, its region and its country. Case-insensitive codes. */
export function isWithin(code: string, ancestor: string): boolean {
  const self = regionByCode(code)?.code ?? code;
  const target = regionByCode(ancestor)?.code ?? ancestor;
  return self === target || ancestorsOf(self).includes(target);
}
