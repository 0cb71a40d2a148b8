import { loadGazetteer } from './gazetteer.js';
import { nameKeys } from './normalise.js';
import type { PlaceMention, RegionInfo } from './types.js';

// "Kamianka in Zaporizhzhia region" locates the town; "Zelenodolsk, Dnipropetrovsk Region" does
// too, but "Zaporizhzhia, Sumy region" is a list, so after a comma only a region of another country
// than the gazetteer's reading overrules it.
const IN_GAP = /^\s+in\s+(the\s+)?$/;
const COMMA_GAP = /^\s*,\s*$/;

/**
 * Several towns share a name (Zolochiv in the Lviv and the Kharkiv oblasts, Kamianka in five).
 * The gazetteer picks the largest; a story that also names the region of another one means that
 * one: "Russian troops shelled Zolochiv in the Kharkiv region". A town placed by the region right
 * after it in another region than the gazetteer's is a smaller namesake the gazetteer lacks: it
 * counts as that region. `mentions` are those of one story's `text`.
 */
export function preferNamedRegions(text: string, mentions: readonly PlaceMention[]): PlaceMention[] {
  const named = new Set<string>();
  for (const m of mentions) if (m.place.type === 'region' && m.demonym !== true) named.add(m.place.code);
  if (named.size === 0) return [...mentions];
  const homonyms = loadGazetteer().homonyms;
  // One reading per name for the whole story: the headline's "Zolochiv" is the lede's.
  const reading = new Map<string, { place: RegionInfo; region: RegionInfo }>();
  mentions.forEach((m, k) => {
    // Kyiv and Sevastopol are regions of their own: "Sevastopol in Crimea" does not move them.
    if (m.place.type !== 'city' || m.place.code === m.region.code || named.has(m.region.code)) return;
    const key = nameKeys(m.surface).join(' ');
    const other = homonyms.get(key)?.find((e) => e.place.type === 'city' && named.has(e.region.code));
    const next = mentions[k + 1];
    if (other !== undefined) reading.set(key, { place: other.place, region: other.region });
    else if (next !== undefined && next.place.type === 'region' && locates(text.slice(m.end, next.start), m, next))
      reading.set(key, { place: next.region, region: next.region });
  });
  if (reading.size === 0) return [...mentions];
  return mentions.map((m) => {
    const r = m.place.type === 'city' ? reading.get(nameKeys(m.surface).join(' ')) : undefined;
    return r === undefined ? m : { ...m, ...r };
  });
}

function locates(gap: string, town: PlaceMention, region: PlaceMention): boolean {
  return IN_GAP.test(gap) || (COMMA_GAP.test(gap) && town.region.country !== region.region.country);
}
