import type { Facts } from '../domain/index.js';
import type { PlaceMention } from '../geo/index.js';
import { findAttacker } from './actors.js';
import { extractCasualties } from './casualties.js';
import { extractNegotiationFacts } from './negotiation-facts.js';
import { extractTargets } from './targets.js';
import { extractWeapons } from './weapons.js';

export interface FactSentence {
  /** Original text (names, places). */
  text: string;
  /** Folded lower-case text (lexicons). */
  lower: string;
}

export interface FactScope {
  /** Sentences that report an attack: weapons, casualties, targets and attacker come from these. */
  strike: readonly number[];
  /** Sentences about diplomacy: parties, venue, date, status come from these. */
  negotiation: readonly number[];
}

/**
 * Facts of a story, each from the sentences that carry its kind, so a death-toll statistic in a
 * negotiation story never becomes a casualty figure and a venue never becomes a target.
 */
export function extractFacts(sentences: readonly FactSentence[], scope: FactScope, places: readonly PlaceMention[][] = []): Facts {
  const strike = pickLower(sentences, scope.strike);
  const facts: Facts = {
    weapons: extractWeapons(strike),
    casualties: extractCasualties(strike),
    targets: extractTargets(strike),
  };
  const attacker = findAttacker(strike);
  if (attacker !== undefined) {
    facts.attacker = attacker;
    facts.attacked = attacker === 'RU' ? 'UA' : 'RU';
  }
  if (scope.negotiation.length > 0) {
    facts.negotiation = extractNegotiationFacts(
      scope.negotiation.map((i) => ({ text: sentences[i]?.text ?? '', lower: sentences[i]?.lower ?? '', places: places[i] ?? [] })),
    );
  }
  return facts;
}

function pickLower(sentences: readonly FactSentence[], indexes: readonly number[]): string[] {
  const out: string[] = [];
  for (const i of indexes) {
    const sentence = sentences[i];
    if (sentence !== undefined) out.push(sentence.lower);
  }
  return out;
}
