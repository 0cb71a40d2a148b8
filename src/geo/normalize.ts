/**
 * Text and names are compared as token keys: lower case, without diacritics or apostrophes, so
 * "Kharkivs'ka", "Dnipropetrovs’k" and "Türkiye" meet their ASCII spellings.
 */
export interface Token {
  start: number;
  end: number;
  /** Comparison key: lower-case ASCII-folded letters and digits. */
  key: string;
  /** First letter is upper case (or the token has no case, e.g. digits). */
  capitalised: boolean;
  /** Every letter is upper case ('US', 'KYIV'). */
  upper: boolean;
}

// Words are runs of letters/digits, joined by inner apostrophes (Kam'yanske). Hyphens, dots and
// spaces separate tokens, so "Kyiv-based" yields Kyiv and "Ivano-Frankivsk" two tokens.
const WORD = /[\p{L}\p{N}]+(?:['’ʼ`][\p{L}\p{N}]+)*/gu;
const NON_ASCII = /[^\u0020-\u007e]/;
const APOSTROPHES = /['’ʼ`]/g;
const MARKS = /\p{M}/gu;
const HAS_APOSTROPHE = /['’ʼ`]/;
const POSSESSIVE = /['’ʼ]s$/i;

/** Fold one word to its comparison key. */
export function foldWord(word: string): string {
  let key = word.toLowerCase();
  if (NON_ASCII.test(key)) key = key.normalize('NFD').replace(MARKS, '').replace(/ı/g, 'i').replace(/ł/g, 'l');
  return HAS_APOSTROPHE.test(key) ? key.replace(APOSTROPHES, '') : key;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let word = m[0];
    // "Russia's" is Russia: the possessive never belongs to a place name.
    if (POSSESSIVE.test(word)) word = word.slice(0, -2);
    const first = word.charAt(0);
    const lower = word.toLowerCase();
    tokens.push({
      start: m.index,
      end: m.index + word.length,
      key: foldWord(word),
      capitalised: first !== first.toLowerCase() || first === first.toUpperCase(),
      upper: word === word.toUpperCase() && word !== lower,
    });
  }
  return tokens;
}

/** The token keys of a name, for the index: 'Ivano-Frankivsk' → ['ivano', 'frankivsk']. */
export function nameKeys(name: string): string[] {
  return tokenize(name).map((t) => t.key);
}

/** Slug used in city keys: 'Chasiv Yar' → 'chasiv-yar'. */
export function slugify(name: string): string {
  return nameKeys(name).join('-');
}
