import type { Evidence, Kind } from '../domain/index.js';
import { detectNegotiationSignals } from './negotiation-signals.js';
import { CONSEQUENCE } from './strike-lexicon.js';
import { detectStrikeSignals } from './strike-signals.js';
import { toSentences, type Sentence, type StoryText } from './text-units.js';

export interface Classification {
  kinds: Kind[];
  /** Every rule that fired: `for` evidence behind each label, `against` for each refusal. */
  evidence: Evidence[];
  sentences: Sentence[];
  /** Sentences that report an attack; facts and regions of the strike come from these. */
  strikeSentences: number[];
  /** Sentences that report diplomacy; negotiation facts come from these. */
  negotiationSentences: number[];
}

/** Decides which kinds a story is, with the evidence for each label and against each refusal. */
export function classifyStory(story: StoryText): Classification {
  const sentences = toSentences(story);
  const strike = detectStrikeSignals(sentences);
  const negotiation = detectNegotiationSignals(sentences);
  const kinds: Kind[] = [];
  if (strike.sentences.length > 0) kinds.push('strike');
  if (negotiation.sentences.length > 0) kinds.push('negotiation');
  return {
    kinds,
    evidence: dedupe([...strike.evidence, ...negotiation.evidence]),
    sentences,
    strikeSentences: withConsequences(sentences, strike.sentences),
    negotiationSentences: negotiation.sentences,
  };
}

/** Keeps the first of items equal in kind, polarity, rule and phrase (case aside). */
function dedupe(evidence: Evidence[]): Evidence[] {
  // A story carries a handful of items: comparing fields pairwise, phrases last, is cheaper
  // than building and hashing a key string for each.
  const out: Evidence[] = [];
  for (const e of evidence) {
    let repeat = false;
    for (const k of out) {
      if (
        k.rule === e.rule &&
        k.polarity === e.polarity &&
        k.kind === e.kind &&
        (k.phrase === e.phrase || k.phrase.toLowerCase() === e.phrase.toLowerCase())
      ) {
        repeat = true;
        break;
      }
    }
    if (!repeat) out.push(e);
  }
  return out;
}

const CONSEQUENCE_PATTERN = new RegExp(`\\b(${CONSEQUENCE})\\b`);

/**
 * Ledes report an attack in one sentence and its toll in the next ("Two people were injured."):
 * a sentence after an attack sentence that only gives effects belongs to the same report.
 */
function withConsequences(sentences: readonly Sentence[], strike: readonly number[]): number[] {
  if (strike.length === 0) return [];
  const first = Math.min(...strike);
  const out = new Set(strike);
  sentences.forEach((s, i) => {
    if (i > first && s.source === 'summary' && CONSEQUENCE_PATTERN.test(s.lower)) out.add(i);
  });
  return [...out].sort((a, b) => a - b);
}
