import type { Evidence, Kind } from '../../domain/index.js';
import type { Sentence } from '../text-units.js';
import { FeatureAccumulator } from './feature-accumulator.js';
import { CHAR_KIND, continueHash, gramsOf, hashName, type TokenGrams } from './token-grams.js';

export { hashName } from './token-grams.js';

/**
 * Turns a story (its sentences plus the rules' verdicts and evidence) into a sparse vector of
 * hashed features. Rule features are binary; each n-gram group is L2-normalised apart, so a
 * long lede does not outweigh the rules and words do not drown letters.
 */

/** Which feature groups a model reads; training compares these sets by cross-validation. */
export interface FeatureSet {
  rules: boolean;
  words: boolean;
  chars: boolean;
  /** Headline tokens apart (`t:`), sentence position of rule hits, negation-scope marks. */
  layout: boolean;
}

export const FEATURE_SETS: Readonly<Record<string, FeatureSet>> = {
  'ngrams-only': { rules: false, words: true, chars: true, layout: false },
  'rules-only': { rules: true, words: false, chars: false, layout: false },
  'rules+ngrams': { rules: true, words: true, chars: true, layout: false },
  'rules+ngrams+layout': { rules: true, words: true, chars: true, layout: true },
  'rules+words+layout': { rules: true, words: true, chars: false, layout: true },
};

/** What the rules said about a story: the input the rule features are read from. */
export interface RuleView {
  evidence: readonly Evidence[];
  /** Sentence indices the rules accepted per kind. */
  sentences: Readonly<Record<Kind, readonly number[]>>;
}

export interface SparseVector {
  indices: number[];
  values: number[];
  /** Feature names, parallel to indices; built only when asked (tests, training reports). */
  names?: string[];
  /** The name of the k-th feature, built on demand: explaining a decision needs only a few. */
  nameOf?: (k: number) => string;
}

const NEGATORS = new Set([
  'no',
  'not',
  'without',
  'never',
  'denied',
  'denies',
  'deny',
  'failed',
  'fails',
  'rejected',
  'rejects',
  'nor',
  "didn't",
  "don't",
  "won't",
  'refused',
  'refuses',
]);
const NEGATION_SPAN = 3;
// Squared norms of a short headline's word and letter groups (about eight words).
const WORD_FLOOR = 16;
const CHAR_FLOOR = 100;
const TOKEN = /[a-z\u00c0-\u024f\u0400-\u04ff]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*/g;

// Feature kinds in a description number: kind + 8 × (start + 64 × (length + 8 × token)).
const W = 0;
const B = 1;
const T = 2;
const N = 3;
const C = CHAR_KIND;
const NAMED = 5;
const PREFIX = ['w:', 'b:', 't:', 'n:', 'c:'];

/**
 * Collects hashed features. Names are not built while adding (a string per letter n-gram would
 * cost more than the model): each bucket remembers a number that says how to rebuild the name of
 * its first feature from the story's tokens, and names are made only for the few explained.
 */
class Builder {
  private readonly sums: FeatureAccumulator;
  private readonly mask: number;
  private readonly named: string[] = [];
  readonly tokens: string[] = [];

  constructor(dimensionBits: number) {
    this.mask = (1 << dimensionBits) - 1;
    this.sums = new FeatureAccumulator(dimensionBits);
  }

  add(name: string): void {
    this.named.push(name);
    this.addHash(hashName(name), NAMED + 8 * 64 * 8 * (this.named.length - 1));
  }

  addHash(hash: number, what: number): void {
    this.sums.add(hash & this.mask, what);
  }

  /** Ends a group: `binary` groups (rules) keep value 1 per feature, the rest are L2-normalised. */
  close(binary = false, floor = 1): void {
    // Repeats of one feature add up within a group (a count), then the group has unit length.
    // The floor keeps a two-word headline from carrying the weight of a full lede: its few
    // n-grams are weak evidence, so they move it less far from the prior.
    this.sums.close(binary, floor);
  }

  build(keepNames: boolean): SparseVector {
    const { indices, values, whats } = this.sums.finish();
    const nameOf = (k: number) => this.describe(whats[k] ?? 0);
    return keepNames ? { indices, values, nameOf, names: indices.map((_, k) => nameOf(k)) } : { indices, values, nameOf };
  }

  private describe(what: number): string {
    const kind = what % 8;
    const start = Math.floor(what / 8) % 64;
    const length = Math.floor(what / 512) % 8;
    const token = Math.floor(what / 4096);
    if (kind === NAMED) return this.named[token] ?? '';
    const t = this.tokens[token] ?? '';
    if (kind === B) return `b:${t} ${this.tokens[token + 1] ?? ''}`;
    if (kind === C) return `c:${` ${t} `.slice(start, start + length)}`;
    return `${PREFIX[kind] ?? ''}${t}`;
  }
}

/** Tokens of a lower-cased sentence; numbers fold to `0` so "five" and "5" differ but 5 and 50 do not. */
function tokenize(lower: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(lower); m !== null; m = TOKEN.exec(lower)) {
    const t = m[0];
    const c = t.charCodeAt(0);
    out.push(c >= 48 && c <= 57 ? '0' : t);
  }
  return out;
}

export function extractStoryFeatures(
  sentences: readonly Sentence[],
  rules: RuleView,
  set: FeatureSet,
  dimensionBits: number,
  keepNames = false,
): SparseVector {
  const b = new Builder(dimensionBits);
  b.add('bias');
  b.close(true);
  // A rule that fired is present or not, however long the story: its weight must not shrink
  // with the length of the text around it.
  if (set.rules) {
    addRuleFeatures(b, sentences, rules, set.layout);
    b.close(true);
  }
  const tokens = b.tokens;
  const sentenceStart: number[] = [];
  for (const s of sentences) {
    sentenceStart.push(tokens.length);
    tokens.push(...tokenize(s.lower));
  }
  sentenceStart.push(tokens.length);
  const grams: TokenGrams[] = tokens.map(gramsOf);
  if (set.words) {
    for (let s = 0; s < sentences.length; s++) {
      const end = sentenceStart[s + 1] ?? 0;
      const inTitle = set.layout && sentences[s]?.source === 'title';
      let negatedFor = 0;
      for (let g = sentenceStart[s] ?? 0; g < end; g++) {
        const t = grams[g] as TokenGrams;
        const at = 4096 * g;
        b.addHash(t.word, W + at);
        if (g + 1 < end) b.addHash(continueHash(t.bigram, tokens[g + 1] ?? ''), B + at);
        if (inTitle) b.addHash(t.title, T + at);
        if (!set.layout) continue;
        if (negatedFor > 0) {
          b.addHash(t.negated, N + at);
          negatedFor -= 1;
        }
        if (NEGATORS.has(tokens[g] ?? '')) negatedFor = NEGATION_SPAN;
      }
    }
    b.close(false, WORD_FLOOR);
  }
  if (set.chars) {
    for (let g = 0; g < tokens.length; g++) {
      const { chars, charWhat } = grams[g] as TokenGrams;
      const at = 4096 * g;
      for (let k = 0; k < chars.length; k++) b.addHash(chars[k] ?? 0, (charWhat[k] ?? 0) + at);
    }
    b.close(false, CHAR_FLOOR);
  }
  return b.build(keepNames);
}

function addRuleFeatures(b: Builder, sentences: readonly Sentence[], rules: RuleView, layout: boolean): void {
  for (const e of rules.evidence) {
    if (e.kind === 'fact') continue;
    b.add(`r:${e.polarity}:${e.rule}`);
  }
  for (const kind of ['strike', 'negotiation'] as const) {
    // No cue at all, for or against, is evidence too: it carries the prior of a story the
    // lexicons do not touch, which the n-grams alone cannot learn for a two-word headline.
    if (!rules.evidence.some((e) => e.kind === kind)) b.add(`r:none:${kind}`);
    const accepted = rules.sentences[kind];
    if (accepted.length === 0) continue;
    b.add(`r:label:${kind}`);
    if (!layout) continue;
    for (const i of accepted) {
      const s = sentences[i];
      b.add(`p:${kind}:${s?.source === 'title' ? 'title' : i <= 1 ? 'lede' : 'later'}`);
    }
  }
}
