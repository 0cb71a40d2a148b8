import type { Analysis, Evidence, RegionRef } from '../domain/index.js';
import { findEventRegions, type PlaceJudgement } from '../extract/event-regions.js';
import { extractFacts } from '../extract/extract-facts.js';
import { findSentencePlaces } from '../extract/sentence-places.js';
import { scoreSeverity } from '../extract/severity.js';
import { givenKinds, type Classifier } from './classifier.js';
import { classifyStory } from './classify-story.js';
import { MODEL_CLASSIFIER } from './model/committed-model.js';
import type { StoryText } from './text-units.js';

/**
 * The one pipeline step every caller uses (story worker, `analyze`, `explain`, `eval`):
 * classify, extract facts, find the regions a strike hit, score severity. Pure: same story in,
 * same analysis out. The rules find the evidence and the sentences; `classifier` (the committed
 * model unless told otherwise) decides the kinds from them.
 */
export function analyzeStory(story: StoryText, classifier: Classifier = MODEL_CLASSIFIER): Analysis {
  const classification = classifyStory(story);
  const { sentences } = classification;
  const decision = classifier.score({
    sentences,
    rules: {
      evidence: classification.evidence,
      sentences: { strike: classification.strikeSentences, negotiation: classification.negotiationSentences },
    },
  });
  const kinds = givenKinds(decision.scores);
  // A kind the model gives where no rule accepted a sentence: the headline and lede carry it.
  const lede = sentences.length > 1 ? [0, 1] : [0];
  const strikeSentences = classification.strikeSentences.length > 0 ? classification.strikeSentences : lede;
  const negotiationSentences = classification.negotiationSentences.length > 0 ? classification.negotiationSentences : lede;
  const texts = sentences.map((s) => s.text);
  const isStrike = kinds.includes('strike');
  // Places matter only to a story that will be alerted; others skip the gazetteer.
  const places = kinds.length > 0 ? findSentencePlaces(texts) : [];
  const facts = extractFacts(
    sentences,
    {
      strike: isStrike ? strikeSentences : [],
      negotiation: kinds.includes('negotiation') ? negotiationSentences : [],
    },
    places,
  );
  const evidence: Evidence[] = [...classification.evidence, ...decision.evidence];
  let regions: RegionRef[] = [];
  let finest: RegionRef[] = [];
  if (isStrike) {
    const found = findEventRegions(texts, places, strikeSentences);
    regions = found.regions;
    finest = finestPlaces(found.judgements);
    for (const j of found.judgements) {
      const polarity = j.role === 'target' || j.role === 'implied' ? 'for' : 'against';
      evidence.push({ kind: 'region', polarity, rule: `region.${j.role}`, phrase: `${j.mention.surface} → ${j.mention.region.code}` });
    }
  }
  const severity = scoreSeverity({ kinds, facts, regions });
  return { kinds, regions, places: finest, facts, severity, evidence, scores: decision.scores };
}

/** Towns (or the finest place named) that were hit, once each; countries are left to `regions`. */
export function finestPlaces(judgements: readonly PlaceJudgement[]): RegionRef[] {
  const byCode = new Map<string, RegionRef>();
  for (const { mention, role } of judgements) {
    if ((role !== 'target' && role !== 'implied') || mention.place.type === 'country') continue;
    byCode.set(mention.place.code, { code: mention.place.code, name: mention.place.name });
  }
  return [...byCode.values()];
}
