import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportedStory } from '../domain/index.js';
import { WirewatchError } from '../errors.js';
import { parseCsv } from './raw-csv.js';

/**
 * Rebuilds a train-pool item (../shared/corpus/train-pool.txt) from the raw sources in
 * ../shared/data/raw, the way the corpus files were built — checked by rebuilding every
 * train.jsonl item byte for byte (`scripts/train/pool-items.ts verify`, test/unit/pool-items.test.ts).
 * The text is read at train time and never stored in the project.
 */
export const DEFAULT_RAW_DIR = '../shared/data/raw';

/** A pool item is a corpus story: the fields incidents keep of a feed story. */
export type PoolStory = ReportedStory;

const RUWA_FILE = 'dataset_RUWA/RUWA_04.08.23.csv';
// Both GDELT files; an article seen more than once is taken from its last copy, as the corpus was.
const GDELT_FILES = [
  'ukraine-war-news-sentiment-analysis/key_annotated_articles.json',
  'ukraine-war-news-sentiment-analysis/annotated_articles.json',
];
const CRISISLEX_DIR = 'CrisisLex';
// A GDELT item is an article's opening: its first sentence (cut at 200 characters) as headline,
// the next 600 characters, whitespace folded, as lede.
const GDELT_TITLE_CHARS = 200;
const GDELT_SUMMARY_CHARS = 600;

export type PoolTextReader = (id: string) => PoolStory | undefined;

/** A reader that loads each raw source once, on first use. */
export function createPoolTextReader(rawDir: string = DEFAULT_RAW_DIR): PoolTextReader {
  if (!existsSync(rawDir)) throw new WirewatchError('input_missing', `no raw data at ${rawDir} (it lives outside the project)`);
  const sources: Record<string, (key: string) => PoolStory | undefined> = {
    ruwa: lazy(() => readRuwa(rawDir)),
    gdelt: lazy(() => readGdelt(rawDir)),
    crisislex: lazy(() => readCrisisLex(rawDir)),
  };
  return (id) => {
    const dash = id.indexOf('-');
    return sources[id.slice(0, dash)]?.(id.slice(dash + 1));
  };
}

function lazy(load: () => Map<string, PoolStory>): (key: string) => PoolStory | undefined {
  let map: Map<string, PoolStory> | undefined;
  return (key) => (map ??= load()).get(key);
}

function readRuwa(rawDir: string): Map<string, PoolStory> {
  // Columns: (row), Unnamed: 0, src, desc, title, ref, Date (MM/DD/YYYY), Site, Event, KW.
  const rows = parseCsv(readFileSync(join(rawDir, RUWA_FILE), 'utf8')).slice(1);
  const map = new Map<string, PoolStory>();
  for (const [row = '', , link = '', desc = '', title = '', , date = '', site = ''] of rows) {
    const [month, day, year] = date.split('/');
    map.set(row, {
      id: `ruwa-${row}`,
      title: title.trim(),
      summary: desc.trim(),
      published: `${year}-${month}-${day}T12:00:00Z`,
      source: site,
      link,
    });
  }
  return map;
}

function readGdelt(rawDir: string): Map<string, PoolStory> {
  const map = new Map<string, PoolStory>();
  for (const file of GDELT_FILES) {
    const articles = JSON.parse(readFileSync(join(rawDir, file), 'utf8')) as { filename: string; content: string }[];
    for (const { filename, content } of articles) {
      // <seendate YYYYMMDDTHHMMSSZ>_<outlet country>_en_<hash>.txt
      const [seen = '', country = '', , tail = ''] = filename.split('_');
      const hash = tail.replace(/\.txt$/, '');
      const text = content.replace(/\s+/g, ' ').trim();
      const end = /[.!?]\s+/.exec(text);
      const first = end === null ? text : text.slice(0, end.index + 1);
      const rest = end === null ? '' : text.slice(end.index + end[0].length);
      map.set(hash, {
        id: `gdelt-${hash}`,
        title: cut(first, GDELT_TITLE_CHARS),
        summary: cut(rest, GDELT_SUMMARY_CHARS),
        published: `${seen.slice(0, 4)}-${seen.slice(4, 6)}-${seen.slice(6, 8)}T${seen.slice(9, 11)}:${seen.slice(11, 13)}:${seen.slice(13, 15)}Z`,
        source: `${country.toLowerCase()}-outlet`,
        link: '',
      });
    }
  }
  return map;
}

// By code point, as the corpus builder counted.
const cut = (text: string, chars: number) => Array.from(text).slice(0, chars).join('');

function readCrisisLex(rawDir: string): Map<string, PoolStory> {
  const map = new Map<string, PoolStory>();
  const dir = join(rawDir, CRISISLEX_DIR);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('-tweets_labeled.csv'))) {
    // The event's year (the file's prefix) on 1 June: the tweets carry no date.
    const published = `${file.slice(0, 4)}-06-01T12:00:00Z`;
    for (const [tweet = '', text = ''] of parseCsv(readFileSync(join(dir, file), 'utf8')).slice(1))
      map.set(tweet, { id: `crisislex-${tweet}`, title: text, summary: '', published, source: 'twitter', link: '' });
  }
  return map;
}

/** The ids free for labelling and training (train-pool.txt, beside the labelled corpus). */
export function readPoolIds(corpusDir: string): string[] {
  const file = join(corpusDir, 'train-pool.txt');
  if (!existsSync(file)) throw new WirewatchError('input_missing', `no train pool at ${file}`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
