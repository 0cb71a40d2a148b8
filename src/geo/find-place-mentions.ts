import { loadGazetteer, PLURAL_REGION_WORDS, REGION_WORDS, type NameEntry } from './gazetteer.js';
import { tokenize, type Token } from './normalise.js';
import type { FindPlaceOptions, PlaceMention } from './types.js';

interface MatchOptions extends FindPlaceOptions {
  /** Ignore capitalisation (user queries such as 'kyiv region'). */
  anyCase?: boolean;
}

interface Candidate {
  entry: NameEntry;
  /** Index one past the last token of the match. */
  end: number;
  regionForm: boolean;
  plural: boolean;
  demonym?: true;
}

// Outlets named after cities ("the Kyiv Independent reported") are sources, not places.
const OUTLET_WORDS: ReadonlySet<string> = new Set(['independent', 'post', 'times', 'journal', 'herald', 'telegraph']);
const JOINERS = /^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+|\s*&\s*)$/;

/** Between the words of one name only spaces, hyphens, dots and apostrophes may stand. */
function isTight(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // space, tab, '-', '.', apostrophes, en dash, no-break space
    if (c !== 32 && c !== 9 && c !== 45 && c !== 46 && c !== 39 && c !== 0x2019 && c !== 0x2013 && c !== 0xa0) return false;
  }
  return true;
}

function matchKeys(text: string, tokens: readonly Token[], at: number, entry: NameEntry, anyCase: boolean): number {
  const keys = entry.keys;
  if (at + keys.length > tokens.length) return -1;
  for (let k = 0; k < keys.length; k++) {
    const token = tokens[at + k];
    if (token === undefined || token.key !== keys[k]) return -1;
    if (entry.exactUpper && !anyCase && !token.upper) return -1;
    if (k > 0 && !isTight(text, tokens[at + k - 1]?.end ?? 0, token.start)) return -1;
  }
  return at + keys.length;
}

/** The region word after a stem, if any: returns the index after it, and whether it is plural. */
function regionWordAfter(text: string, tokens: readonly Token[], at: number): { end: number; plural: boolean } | undefined {
  let token = tokens[at];
  if (token === undefined || !isTight(text, tokens[at - 1]?.end ?? 0, token.start)) return undefined;
  // "Donetsk People's Republic"
  if (token.key === 'people' && tokens[at + 1]?.key === 'republic') token = tokens[++at];
  if (token === undefined || !REGION_WORDS.has(token.key)) return undefined;
  return { end: at + 1, plural: PLURAL_REGION_WORDS.has(token.key) };
}

function bestAt(text: string, tokens: readonly Token[], at: number, options: MatchOptions): Candidate | undefined {
  const gazetteer = loadGazetteer();
  const key = tokens[at]?.key ?? '';
  const anyCase = options.anyCase === true;
  let best: Candidate | undefined;
  for (const entry of gazetteer.names.get(key) ?? []) {
    const end = matchKeys(text, tokens, at, entry, anyCase);
    if (end > (best?.end ?? -1)) best = { entry, end, regionForm: entry.regionForm, plural: false };
  }
  for (const entry of gazetteer.stems.get(key) ?? []) {
    const end = matchKeys(text, tokens, at, entry, anyCase);
    const word = end < 0 ? undefined : regionWordAfter(text, tokens, end);
    if (word && word.end > (best?.end ?? -1)) best = { entry, end: word.end, regionForm: true, plural: word.plural };
  }
  if (options.demonyms && best === undefined) {
    for (const entry of gazetteer.demonyms.get(key) ?? []) {
      const end = matchKeys(text, tokens, at, entry, anyCase);
      if (end > (best?.end ?? -1)) best = { entry, end, regionForm: false, plural: false, demonym: true };
    }
  }
  return best;
}

// "Republic of Tatarstan", "the region of Kharkiv", "Oblast of Kursk".
const PREFIX_WORDS: ReadonlySet<string> = new Set(['republic', 'region', 'oblast', 'province']);
const PREFIX_LENGTHS: ReadonlySet<number> = new Set([...PREFIX_WORDS].map((w) => w.length));

/** The region after "Republic of" / "region of": the stem then means the region, not the city. */
function prefixedRegionAt(text: string, tokens: readonly Token[], at: number, options: MatchOptions): Candidate | undefined {
  if (!PREFIX_WORDS.has(tokens[at]?.key ?? '') || tokens[at + 1]?.key !== 'of') return undefined;
  if (options.anyCase !== true && tokens[at + 2]?.capitalised !== true) return undefined;
  // A stem first: "Oblast of Kyiv" is Kyiv Oblast, not the city.
  const stem = loadGazetteer()
    .stems.get(tokens[at + 2]?.key ?? '')
    ?.find((e) => matchKeys(text, tokens, at + 2, e, true) > 0);
  if (stem) return { entry: stem, end: at + 2 + stem.keys.length, regionForm: true, plural: false };
  const inner = bestAt(text, tokens, at + 2, options);
  const isRegion = inner !== undefined && inner.entry.place.type === 'region' && inner.entry.place === inner.entry.region;
  return isRegion ? { ...inner, regionForm: true } : undefined;
}

function toMention(text: string, tokens: readonly Token[], start: number, c: Candidate): PlaceMention {
  const from = tokens[start]?.start ?? 0;
  const to = tokens[c.end - 1]?.end ?? from;
  const mention: PlaceMention = {
    start: from,
    end: to,
    surface: text.slice(from, to),
    place: c.entry.place,
    region: c.entry.region,
    regionForm: c.regionForm,
  };
  if (c.demonym) mention.demonym = true;
  return mention;
}

/** "Kharkiv, Sumy and Kursk regions": the plural region word makes each listed stem a region. */
function spreadPlural(text: string, tokens: readonly Token[], mentions: PlaceMention[], starts: number[], options: MatchOptions): void {
  for (let m = mentions.length - 2; m >= 0; m--) {
    const current = mentions[m];
    const next = mentions[m + 1];
    if (current === undefined || next === undefined || current.regionForm || !JOINERS.test(text.slice(current.end, next.start))) return;
    const at = starts[m] ?? 0;
    const stem = loadGazetteer()
      .stems.get(tokens[at]?.key ?? '')
      ?.find((e) => matchKeys(text, tokens, at, e, options.anyCase === true) > 0);
    if (stem === undefined) return;
    mentions[m] = { ...current, place: stem.place, region: stem.region, regionForm: true };
  }
}

export function matchPlaces(text: string, options: MatchOptions = {}): PlaceMention[] {
  const tokens = tokenize(text);
  const gazetteer = loadGazetteer();
  const mentions: PlaceMention[] = [];
  const starts: number[] = [];
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i] as Token;
    // A length check first spares hashing every word of the text.
    const maybePrefix = PREFIX_LENGTHS.has(token.key.length) && PREFIX_WORDS.has(token.key);
    const prefixed = maybePrefix ? prefixedRegionAt(text, tokens, i, options) : undefined;
    if (prefixed === undefined && !token.capitalised && options.anyCase !== true) {
      i++;
      continue;
    }
    const known =
      prefixed !== undefined ||
      gazetteer.names.has(token.key) ||
      gazetteer.stems.has(token.key) ||
      (options.demonyms === true && gazetteer.demonyms.has(token.key));
    if (!known) {
      i++;
      continue;
    }
    const candidate = prefixed ?? bestAt(text, tokens, i, options);
    const after = candidate ? tokens[candidate.end] : undefined;
    if (
      candidate === undefined ||
      (after?.capitalised && OUTLET_WORDS.has(after.key) && isTight(text, tokens[candidate.end - 1]?.end ?? 0, after.start))
    ) {
      i++;
      continue;
    }
    mentions.push(toMention(text, tokens, i, candidate));
    starts.push(i);
    if (candidate.plural) spreadPlural(text, tokens, mentions, starts, options);
    i = candidate.end;
  }
  return mentions;
}

/** Places named in a text, in order, non-overlapping, the longest name winning. */
export function findPlaceMentions(text: string, options?: FindPlaceOptions): PlaceMention[] {
  return matchPlaces(text, { demonyms: options?.demonyms === true });
}
