/**
 * The hashes one token contributes, computed once per distinct token and kept: news vocabulary
 * repeats (a wire's day reuses most of its words), so a story's ~60 tokens are nearly all
 * already known and feature hashing becomes table reads instead of ~15 hash loops a word.
 */

const FNV_OFFSET = 0x811c9dc5;

/** 32-bit FNV-1a of a string: cheap, stable across runs and platforms. */
export function hashName(name: string): number {
  return continueHash(FNV_OFFSET, name) >>> 0;
}

/** FNV-1a state after `text`, from `h`: "w:" + token hashes as the prefix's state then the token. */
export function continueHash(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

export const SEED = {
  w: continueHash(FNV_OFFSET, 'w:'),
  b: continueHash(FNV_OFFSET, 'b:'),
  t: continueHash(FNV_OFFSET, 't:'),
  n: continueHash(FNV_OFFSET, 'n:'),
  c: continueHash(FNV_OFFSET, 'c:'),
};

/** The letter n-gram kind in a feature description number (see story-features' `Builder`). */
export const CHAR_KIND = 4;

export interface TokenGrams {
  /** Hashes of `w:token`, `t:token`, `n:token`. */
  word: number;
  title: number;
  negated: number;
  /** FNV state after `b:token ` — the bigram's hash continues with the next token. */
  bigram: number;
  /** Letter 3- to 5-grams of the space-padded token, in the order they are added. */
  chars: Int32Array;
  /** Each n-gram's description number without its token part (kind, start, length). */
  charWhat: Int32Array;
}

const cache = new Map<string, TokenGrams>();
/** Distinct tokens kept (≈ 200 bytes each): a bound, so a long-running worker stays flat. */
const CACHE_LIMIT = 50_000;

export function gramsOf(token: string): TokenGrams {
  let g = cache.get(token);
  if (g === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    g = computeGrams(token);
    cache.set(token, g);
  }
  return g;
}

function computeGrams(token: string): TokenGrams {
  const chars: number[] = [];
  const charWhat: number[] = [];
  // Character 3- to 5-grams inside one space-padded word: they catch inflections and compounds.
  // The padded word is read in place (a space at either end) rather than built as a string.
  if (token.length >= 2) {
    const length = token.length + 2;
    for (let i = 0; i + 3 <= length; i++) {
      let h = SEED.c;
      for (let j = i; j < i + 5 && j < length; j++) {
        h = Math.imul(h ^ (j === 0 || j === length - 1 ? 32 : token.charCodeAt(j - 1)), 0x01000193);
        if (j - i < 2) continue;
        chars.push(h);
        charWhat.push(CHAR_KIND + 8 * (Math.min(i, 63) + 64 * (j - i + 1)));
      }
    }
  }
  return {
    word: continueHash(SEED.w, token),
    title: continueHash(SEED.t, token),
    negated: continueHash(SEED.n, token),
    bigram: continueHash(continueHash(SEED.b, token), ' '),
    chars: Int32Array.from(chars),
    charWhat: Int32Array.from(charWhat),
  };
}
