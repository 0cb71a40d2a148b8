import { toSentences, type StoryText } from '../classify/text-units.js';
import type { Analysis, ReportSignature } from '../domain/index.js';
import { findEventRegions } from '../extract/event-regions.js';
import { findSentencePlaces } from '../extract/sentence-places.js';
import { extractSites } from '../extract/targets.js';
import { weaponFamily } from './weapon-family.js';
import { extractTerms } from './story-terms.js';

export type { ReportSignature } from '../domain/index.js';

const MAX_SIGNATURE_TERMS = 40;
/** Words of an attack's aftermath: a story with no kind is worth placing (a gazetteer pass) only with one of these or a site. */
const AFTERMATH =
  /\b(attack|strike|struck|blast|explosion|shell|rubble|debris|kill|dead|death|victim|toll|bomb|missile|drone|rocket|wound|injur|casualt|mourn)/;

/**
 * The signature of a story. Places are the analysis's finest ("town beats oblast"). A story with
 * neither kind gets no places from the analysis; when it names a site or an attack's aftermath, they are read here, so a
 * reaction or a toll update the classifier missed can be recognised as a follow-up of an open
 * incident (only then: the gazetteer pass costs about as much as the rest of the analysis).
 */
export function signReport(story: StoryText & { id: string }, analysis: Analysis, time: number): ReportSignature {
  const sentences = toSentences(story);
  const texts = sentences.map((s) => s.text);
  const lower = sentences.map((s) => s.lower).join(' \n ');
  const sites = extractSites(lower);
  const places = new Set<string>();
  const countries = new Set<string>();
  const unlabelled = analysis.kinds.length === 0;
  if ((unlabelled && (sites.length > 0 || AFTERMATH.test(lower))) || (!unlabelled && analysis.places === undefined)) {
    const all = texts.map((_, i) => i);
    for (const { mention, role } of findEventRegions(texts, findSentencePlaces(texts), all).judgements) {
      if (role !== 'target') continue;
      countries.add(mention.place.country);
      if (mention.place.type !== 'country') places.add(mention.place.code);
    }
  }
  for (const place of analysis.places ?? []) places.add(place.code);
  for (const region of [...analysis.regions, ...(analysis.places ?? [])]) {
    if (region.code.length > 2) places.add(region.code);
    countries.add(region.code.slice(0, 2));
  }
  const signature: ReportSignature = {
    storyId: story.id,
    time,
    kinds: [...analysis.kinds],
    places: dropEnclosing([...places]),
    countries: [...countries],
    sites,
    targets: [...analysis.facts.targets],
    families: [...new Set(analysis.facts.weapons.map((w) => weaponFamily(w.weapon)))],
    // Distinct and sorted, so comparing two signatures is one merge walk.
    terms: extractTerms(texts.join('. ')).slice(0, MAX_SIGNATURE_TERMS).sort(),
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
