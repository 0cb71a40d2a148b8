/**
 * Whether two places agree for matching: the same region, or one inside the other
 * (a Bucha report agrees with a Kyiv Oblast incident; Bucha and Irpin do not).
 */
export type AncestorsOf = (code: string) => string[];

/**
 * Ancestors read off the code itself: 'UA-32/bucha' → ['UA-32', 'UA'], 'UA-32' → ['UA'].
 * The gazetteer's codes are built this way, so this needs no lookup.
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

export function regionsNest(a: string, b: string, ancestorsOf: AncestorsOf): boolean {
  return a === b || ancestorsOf(a).includes(b) || ancestorsOf(b).includes(a);
}

/** The code itself followed by its ancestors: every index a region's incident is listed under. */
export function regionWithAncestors(code: string, ancestorsOf: AncestorsOf): string[] {
  return [code, ...ancestorsOf(code)];
}
