/** Gazetteer and region hierarchy: finds places in news text and maps them to ISO regions. */
export type { FindPlaceOptions, PlaceMention, PlaceType, RegionInfo } from './types.js';
export { findPlaceMentions } from './find-place-mentions.js';
export { preferNamedRegions } from './homonyms.js';
export { ancestorsOf, countryName, isWithin, regionByCode } from './hierarchy.js';
export { resolveRegionQuery } from './resolve-region-query.js';
export { autocompleteRegions, describeRegion, preloadRegionCompletions, type RegionCompletion } from './autocomplete-regions.js';
