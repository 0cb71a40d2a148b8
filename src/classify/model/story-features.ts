import type { Evidence, Kind } from '../../domain/index.js';
import type { Sentence } from '../text-units.js';

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
  /** Feature names, parallel to indices; kept only when asked, for explaining a decision. */
  names?: string[];
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

/** 32-bit FNV-1a of a string: cheap, stable across runs and platforms. */
export function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Builder {
  private readonly groups: { indices: number[]; names: string[]; binary: boolean; floor: number }[] = [];
  private current: { indices: number[]; names: string[] } = { indices: [], names: [] };

  constructor(
    private readonly mask: number,
    private readonly keepNames: boolean,
  ) {}

  add(name: string): void {
    this.current.indices.push(hashName(name) & this.mask);
    if (this.keepNames) this.current.names.push(name);
  }

  /** Ends a group: `binary` groups (rules) keep value 1 per feature, the rest get unit length. */
  close(binary = false, floor = 1): void {
    if (this.current.indices.length > 0) this.groups.push({ ...this.current, binary, floor });
    this.current = { indices: [], names: [] };
  }

  build(): SparseVector {
    this.close();
    // Repeats of one feature add up within a group (a count), then the group has unit length.
    const sums = new Map<number, { value: number; name: string }>();
    for (const group of this.groups) {
      const counts = new Map<number, { count: number; name: string }>();
      group.indices.forEach((index, k) => {
        const seen = counts.get(index);
        if (seen === undefined) counts.set(index, { count: 1, name: group.names[k] ?? '' });
        else seen.count += 1;
      });
      let norm = 0;
      for (const c of counts.values()) norm += c.count * c.count;
      // The floor keeps a two-word headline from carrying the weight of a full lede: its few
      // n-grams are weak evidence, so they move it less far from the prior.
      const scale = 1 / Math.sqrt(Math.max(norm, group.floor));
      for (const [index, c] of counts) {
        const value = group.binary ? 1 : c.count * scale;
        const prior = sums.get(index);
        if (prior === undefined) sums.set(index, { value, name: c.name });
        else prior.value += value;
      }
    }
    const indices = [...sums.keys()].sort((a, b) => a - b);
    const values = indices.map((i) => sums.get(i)?.value ?? 0);
    return this.keepNames ? { indices, values, names: indices.map((i) => sums.get(i)?.name ?? '') } : { indices, values };
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
  const b = new Builder((1 << dimensionBits) - 1, keepNames);
  b.add('bias');
  b.close(true);
  // A rule that fired is present or not, however long the story: its weight must not shrink
  // with the length of the text around it.
  if (set.rules) {
    addRuleFeatures(b, sentences, rules, set.layout);
    b.close(true);
  }
  const tokenized = sentences.map((s) => tokenize(s.lower));
  if (set.words) {
    for (let s = 0; s < sentences.length; s++) {
      const tokens = tokenized[s] ?? [];
      const inTitle = set.layout && sentences[s]?.source === 'title';
      let negatedFor = 0;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] ?? '';
        b.add(`w:${t}`);
        if (i + 1 < tokens.length) b.add(`b:${t} ${tokens[i + 1] ?? ''}`);
        if (inTitle) b.add(`t:${t}`);
        if (!set.layout) continue;
        if (negatedFor > 0) {
          b.add(`n:${t}`);
          negatedFor -= 1;
        }
        if (NEGATORS.has(t)) negatedFor = NEGATION_SPAN;
      }
    }
    b.close(false, WORD_FLOOR);
  }
  if (set.chars) {
    for (const tokens of tokenized) for (const t of tokens) addCharGrams(b, t);
    b.close(false, CHAR_FLOOR);
  }
  return b.build();
}

/** Character 3- to 5-grams inside one padded word: they catch inflections and compounds. */
function addCharGrams(b: Builder, token: string): void {
  if (token.length < 2) return;
  const padded = ` ${token} `;
  for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) b.add(`c:${padded.slice(i, i + n)}`);
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
