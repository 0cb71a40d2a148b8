/** One first-level subdivision, written by hand: ISO code, GeoNames admin1 code and the ways news write it. */
export interface CuratedRegion {
  /** ISO 3166-2. */
  code: string;
  /** English display name. */
  name: string;
  /** GeoNames admin1 code ('UA.13'); GeoNames numbers differ from ISO. */
  admin1: string;
  /** Cities with special status (Kyiv, Sevastopol, Moscow, St Petersburg) are both city and region. */
  city?: true;
  capital?: true;
  /** Names matched on their own: 'Crimea', 'Tatarstan', 'Kyiv' (city). */
  names?: readonly string[];
  /** Names matched only with a region word after them: 'Kursk' in "Kursk region", "Kursk Oblast". */
  stems?: readonly string[];
}
