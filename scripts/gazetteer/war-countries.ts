/**
 * Countries with a current war or strikes in the news (wars, insurgencies, cross-border strikes,
 * their neighbours and the Gulf states hit by missiles): their towns of 100,000 and more and
 * their first-level regions join the gazetteer, so a strike abroad is placed abroad.
 */
export const WAR_COUNTRIES: ReadonlySet<string> = new Set([
  // Middle East
  'IL',
  'PS',
  'LB',
  'SY',
  'IR',
  'IQ',
  'YE',
  'SA',
  'AE',
  'QA',
  'JO',
  'EG',
  'TR',
  'BH',
  'KW',
  'OM',
  // Africa
  'SD',
  'SS',
  'ET',
  'ER',
  'SO',
  'LY',
  'ML',
  'BF',
  'NE',
  'NG',
  'CD',
  'CF',
  'TD',
  'CM',
  'MZ',
  // Asia
  'IN',
  'PK',
  'AF',
  'MM',
  'TH',
  'KH',
  // Europe and the Caucasus
  'AM',
  'AZ',
  'GE',
  'BY',
  'MD',
  'PL',
  'RO',
  'LT',
  'LV',
  'EE',
  // The Americas
  'VE',
  'CO',
  'HT',
]);

/** Small countries whose strikes hit small towns (Kiryat Shmona, Bint Jbeil): every town of 15,000+. */
export const WAR_SMALL_TOWNS: ReadonlySet<string> = new Set(['IL', 'PS', 'LB']);

// Administrative words around a region's name: "Baalbek-Hermel Governorate", "Muhafazat Karbala'".
const ADMIN_SUFFIX =
  /\s+(governorate|region|state|province|district|division|oblast|voblast|raion|rayon|county|municipality|emirate|voivodeship|prefecture|department|territory|area|city)$/i;
const ADMIN_PREFIX = /^(muhafazat|wilayat|provincia de|region of|state of)\s+/i;
// A region named only by these words ("Northern District", "Red Sea", "Centre") names no place
// a reader would recognise, and the words run through every war story.
const GENERIC = new Set([
  'north',
  'northern',
  'south',
  'southern',
  'east',
  'eastern',
  'west',
  'western',
  'central',
  'centre',
  'center',
  'middle',
  'upper',
  'lower',
  'far',
  'greater',
  'capital',
  'federal',
  'national',
  'red',
  'sea',
  'white',
  'blue',
  'river',
  'nile',
  'coast',
  'coastal',
  'islands',
  'lakes',
  'highlands',
  'mountain',
  'new',
  'district',
  'region',
  'state',
  'province',
  'governorate',
  'territory',
  'area',
  'nord',
  'sud',
  'est',
  'ouest',
  'and',
  'of',
  'the',
  'al',
  'el',
]);

/** The display name and other spellings of a region, without administrative words; none when generic. */
export function regionNamesOf(name: string, asciiName: string): string[] {
  const out: string[] = [];
  for (const raw of [name, asciiName]) {
    const bare = raw.replace(ADMIN_PREFIX, '').replace(ADMIN_SUFFIX, '').replace(/['’]$/, '').trim();
    const words = bare.toLowerCase().split(/[\s-]+/);
    if (bare.length < 3 || words.every((w) => GENERIC.has(w))) continue;
    for (const candidate of [bare, raw]) if (!out.includes(candidate) && !GENERIC.has(candidate.toLowerCase())) out.push(candidate);
  }
  return out;
}
