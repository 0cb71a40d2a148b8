import { findPlaceMentions, preferNamedRegions, type PlaceMention } from '../geo/index.js';

// Sentences are joined with a line break and a pilcrow so no place name can run across two.
const JOINER = '\n¶\n';

/**
 * Place mentions (demonyms included) of each sentence, with offsets into that sentence. One
 * gazetteer pass over the whole story instead of one per sentence: the lookup dominates the
 * cost of analysing a story.
 */
export function findSentencePlaces(texts: readonly string[]): PlaceMention[][] {
  const starts: number[] = [];
  let offset = 0;
  for (const text of texts) {
    starts.push(offset);
    offset += text.length + JOINER.length;
  }
  const out: PlaceMention[][] = texts.map(() => []);
  let i = 0;
  const story = texts.join(JOINER);
  for (const mention of preferNamedRegions(story, findPlaceMentions(story, { demonyms: true }))) {
    while (i + 1 < texts.length && mention.start >= (starts[i + 1] ?? Infinity)) i += 1;
    const base = starts[i] ?? 0;
    out[i]?.push({ ...mention, start: mention.start - base, end: mention.end - base });
  }
  return out;
}
