import { KINDS, type Evidence, type Kind } from '../domain/index.js';
import type { RuleView } from './model/story-features.js';
import type { Sentence } from './text-units.js';

/**
 * The seam between the rules and the decision: a classifier reads a story's sentences and what
 * the rules found, and scores each kind. `analyzeStory` gives a kind when its probability reaches
 * its threshold, so rules-only and a learned model (or a bigger one later) are interchangeable.
 */
export interface KindScore {
  probability: number;
  threshold: number;
}

export interface ClassifierInput {
  sentences: readonly Sentence[];
  rules: RuleView;
}

export interface ClassifierOutput {
  scores: Record<Kind, KindScore>;
  /** What drove each score (model features), added to the story's evidence. */
  evidence: Evidence[];
}

export interface Classifier {
  readonly name: string;
  score(input: ClassifierInput): ClassifierOutput;
}

/** The rules' own verdict: a kind is given when a rule accepted a sentence for it. */
export const RULES_CLASSIFIER: Classifier = {
  name: 'rules',
  score({ rules }) {
    const scores = {} as Record<Kind, KindScore>;
    for (const kind of KINDS) scores[kind] = { probability: rules.sentences[kind].length > 0 ? 1 : 0, threshold: 0.5 };
    return { scores, evidence: [] };
  },
};

export function givenKinds(scores: Record<Kind, KindScore>): Kind[] {
  return KINDS.filter((kind) => scores[kind].probability >= scores[kind].threshold);
}
