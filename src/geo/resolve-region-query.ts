import { matchPlaces } from './find-place-mentions.js';
import { regionByCode } from './hierarchy.js';
import type { RegionInfo } from './types.js';

const TRAILING_CITY = /\s+city$/i;

/**
 * What a user means by a region argument (/subscribe, /incidents): a code in any case, a country,
 * a region in any of its forms, or a town. A bare name that is both city and region means the
 * city ('Sumy' is the city; 'Sumy region' the oblast); the whole query must be one place.
 */
export function resolveRegionQuery(query: string): RegionInfo | undefined {
  const trimmed = query.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return undefined;
  const byCode = regionByCode(trimmed);
  if (byCode) return byCode;
  return wholeMatch(trimmed) ?? (TRAILING_CITY.test(trimmed) ? wholeMatch(trimmed.replace(TRAILING_CITY, '')) : undefined);
}

function wholeMatch(text: string): RegionInfo | undefined {
  const mentions = matchPlaces(text, { anyCase: true });
  const only = mentions[0];
  if (mentions.length !== 1 || only === undefined) return undefined;
  const before = text.slice(0, only.start).trim().toLowerCase();
  const after = text.slice(only.end).replace(/^[.'’\s]+|[.\s]+$/g, '');
  return (before === '' || before === 'the') && after === '' ? only.place : undefined;
}
