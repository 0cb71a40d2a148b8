/** Public shapes of the gazetteer; see docs/geography.md. */
export type PlaceType = 'country' | 'region' | 'city';

export interface RegionInfo {
  /** ISO 3166-2 ('UA-32'), ISO 3166-1 alpha-2 ('UA'), or for cities and sites a key 'UA-32/bucha'. */
  code: string;
  /** English display name: 'Kyiv Oblast', 'Kyiv', 'Bucha'. */
  name: string;
  type: PlaceType;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Code of the parent (city → oblast → country); absent for countries. */
  parent?: string;
  population?: number;
  /** A national capital (Kyiv, Moscow): severity scoring weighs strikes on capitals. */
  capital?: boolean;
}

export interface PlaceMention {
  /** UTF-16 offsets into the text: `text.slice(start, end) === surface`. */
  start: number;
  end: number;
  surface: string;
  /** The most specific place matched. */
  place: RegionInfo;
  /** The ISO 3166-2 region (or the country when there is none finer) a strike there maps to. */
  region: RegionInfo;
  /** Written as "X region", "X oblast", "X Krai", "X province", "X Republic", "Republic of X". */
  regionForm: boolean;
  /** An adjective or people noun ('Ukrainian', 'Russians'); only returned with `{ demonyms: true }`. */
  demonym?: boolean;
}

export interface FindPlaceOptions {
  /** Also return country adjectives and nouns for peoples ('Russian', 'Ukrainians'). */
  demonyms?: boolean;
}
