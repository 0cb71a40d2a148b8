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
const NON_ASCII = /[^\u0020-\u007e]/;
const APOSTROPHES = /['’ʼ`]/g;
const MARKS = /\p{M}/gu;
const HAS_APOSTROPHE = /['’ʼ`]/;

/** Fold one word to its comparison key. */
export function foldWord(word: string): string {
  let key = word.toLowerCase();
  if (NON_ASCII.test(key)) key = key.normalize('NFD').replace(MARKS, '').replace(/ı/g, 'i').replace(/ł/g, 'l');
  return HAS_APOSTROPHE.test(key) ? key.replace(APOSTROPHES, '') : key;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const UPPER_CHAR = /\p{Lu}/u;

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR.test(text.charAt(i));
}

const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019 || c === 0x2bc || c === 96;

/**
 * A hand-written scanner rather than one Unicode regex: this runs on every story, and character
 * codes keep the common ASCII path fast (see test/bench/geo.bench.ts).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    let apostrophe = false;
    let lower = false;
    let upper = false;
    let c = text.charCodeAt(i);
    for (;;) {
      if (c >= 0x80) ascii = false;
      else if (c >= 97 && c <= 122) lower = true;
      else if (c >= 65 && c <= 90) upper = true;
      i++;
      // The next code is read once: it decides whether the word goes on and, if so, is the
      // character the loop classifies next.
      if (i < n) {
        c = text.charCodeAt(i);
        if (c < 0x80 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) : WORD_CHAR.test(text.charAt(i))) continue;
      }
      // Words join across an inner apostrophe: Kam'yanske, Kharkivs'ka.
      if (i + 1 < n && isApostrophe(text.charCodeAt(i)) && isWordCode(text, i + 1)) {
        apostrophe = true;
        i++;
        c = text.charCodeAt(i);
        continue;
      }
      break;
    }
    let end = i;
    // "Russia's" is Russia: the possessive never belongs to a place name.
    if (apostrophe && end - start > 2 && isApostrophe(text.charCodeAt(end - 2)) && (text.charCodeAt(end - 1) | 32) === 115) end -= 2;
    const word = text.slice(start, end);
    const first = text.charCodeAt(start);
    const capitalised =
      first < 0x80
        ? !(first >= 97 && first <= 122)
        : UPPER_CHAR.test(text.charAt(start)) || !WORD_CHAR.test(text.charAt(start).toLowerCase());
    // Most words are already lower-case ASCII: they are their own key.
    const key = ascii && !apostrophe ? (upper ? word.toLowerCase() : word) : foldWord(word);
    tokens.push({ start, end, key, capitalised, upper: ascii ? !lower : word === word.toUpperCase() && word !== word.toLowerCase() });
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
