import type { Analysis, Evidence, RegionRef } from '../domain/index.js';
import { findEventRegions } from '../extract/event-regions.js';
import { extractFacts } from '../extract/extract-facts.js';
import { findSentencePlaces } from '../extract/sentence-places.js';
import { scoreSeverity } from '../extract/severity.js';
import { regionByCode } from '../geo/index.js';
import { classifyStory } from './classify-story.js';
import type { StoryText } from './text-units.js';

/**
 * The one pipeline step every caller uses (story worker, `analyze`, `explain`, `eval`):
 * classify, extract facts, find the regions a strike hit, score severity. Pure: same story in,
 * same analysis out.
 */
export function analyzeStory(story: StoryText): Analysis {
  const classification = classifyStory(story);
  const { sentences, kinds } = classification;
  const texts = sentences.map((s) => s.text);
  const isStrike = kinds.includes('strike');
  // Places matter only to a story that will be alerted; others skip the gazetteer.
  const places = kinds.length > 0 ? findSentencePlaces(texts) : [];
  const facts = extractFacts(
    sentences,
    {
      strike: isStrike ? classification.strikeSentences : [],
      negotiation: kinds.includes('negotiation') ? classification.negotiationSentences : [],
    },
    places,
  );
  const evidence: Evidence[] = [...classification.evidence];
  let regions: RegionRef[] = [];
  if (isStrike) {
    const found = findEventRegions(texts, places, classification.strikeSentences);
    regions = found.regions;
    for (const j of found.judgements) {
      const polarity = j.role === 'target' ? 'for' : 'against';
      evidence.push({ kind: 'region', polarity, rule: `region.${j.role}`, phrase: `${j.mention.surface} → ${j.mention.region.code}` });
    }
    if (regions.length === 0)
      regions = fallbackRegions(
        classification.strikeSentences.map((i) => sentences[i]?.lower ?? ''),
        evidence,
      );
  }
  const severity = scoreSeverity({ kinds, facts, regions });
  return { kinds, regions, facts, severity, evidence };
}

const IN_RUSSIA = /\b(russian (territory|soil|regions?|cities|city|towns?|border (regions?|areas?))|inside russia|in russia)\b/;

/**
 * A strike story that names no place still happened somewhere: Russia when the text places it
 * on Russian soil, else Ukraine — the theatre of the war this product follows (strikes on
 * "Russian positions" are mostly in occupied Ukraine).
 */
function fallbackRegions(strikeText: readonly string[], evidence: Evidence[]): RegionRef[] {
  const code = strikeText.some((t) => IN_RUSSIA.test(t)) ? 'RU' : 'UA';
  const region = regionByCode(code);
  evidence.push({ kind: 'region', polarity: 'for', rule: 'region.country-fallback', phrase: code });
  return [{ code, name: region?.name ?? code }];
}
