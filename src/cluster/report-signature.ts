import { toSentences, type StoryText } from '../classify/text-units.js';
import type { Analysis, ReportSignature } from '../domain/index.js';
import { findEventRegions } from '../extract/event-regions.js';
import { findSentencePlaces } from '../extract/sentence-places.js';
import { extractSites } from '../extract/targets.js';
import { weaponFamily } from './weapon-family.js';
import { extractTerms } from './story-terms.js';

export type { ReportSignature } from '../domain/index.js';

const MAX_SIGNATURE_TERMS = 40;

/**
 * The signature of a story. Places are read again at town level (the analysis keeps oblasts):
 * "town beats oblast". A story with neither kind still gets places and sites, so a reaction or
 * a toll update the classifier missed can be recognised as a follow-up of an open incident.
 */
export function signReport(story: StoryText & { id: string }, analysis: Analysis, time: number): ReportSignature {
  const sentences = toSentences(story);
  const texts = sentences.map((s) => s.text);
  const lower = sentences.map((s) => s.lower).join(' \n ');
  const judged = findEventRegions(
    texts,
    findSentencePlaces(texts),
    texts.map((_, i) => i),
  ).judgements.filter((j) => j.role === 'target');
  const places = new Set<string>();
  const countries = new Set<string>();
  for (const { mention } of judged) {
    countries.add(mention.place.country);
    if (mention.place.type !== 'country') places.add(mention.place.code);
  }
  for (const region of analysis.regions) {
    if (region.code.length > 2) places.add(region.code);
    countries.add(region.code.slice(0, 2));
  }
  const signature: ReportSignature = {
    storyId: story.id,
    time,
    kinds: [...analysis.kinds],
    places: dropEnclosing([...places]),
    countries: [...countries],
    sites: extractSites(lower),
    targets: [...analysis.facts.targets],
    families: [...new Set(analysis.facts.weapons.map((w) => weaponFamily(w.weapon)))],
    terms: extractTerms(texts.join('. ')).slice(0, MAX_SIGNATURE_TERMS),
  };
  const { killed, injured } = analysis.facts.casualties;
  if (killed !== undefined) signature.killed = killed;
  if (injured !== undefined) signature.injured = injured;
  return signature;
}

/** Keeps the finest of nested places: Bucha rather than Bucha and Kyiv Oblast. */
function dropEnclosing(codes: readonly string[]): string[] {
  return codes.filter((code) => !codes.some((other) => other !== code && other.startsWith(`${code}/`)));
}
