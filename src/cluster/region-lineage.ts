/**
 * Whether two places agree for matching: the same region, or one inside the other
 * (a Bucha report agrees with a Kyiv Oblast incident; Bucha and Irpin do not).
 */
export type AncestorsOf = (code: string) => string[];

export { ancestorsFromCode } from '../geo/hierarchy.js';

export function regionsNest(a: string, b: string, ancestorsOf: AncestorsOf): boolean {
  return a === b || ancestorsOf(a).includes(b) || ancestorsOf(b).includes(a);
}

/** The code itself followed by its ancestors: every index a region's incident is listed under. */
export function regionWithAncestors(code: string, ancestorsOf: AncestorsOf): string[] {
  return [code, ...ancestorsOf(code)];
}
