import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import { describeError } from '../../src/errors.js';
import { DEFAULT_CORPUS_DIR, readCorpusFile } from '../../src/learn/corpus-files.js';
import { createPoolTextReader, DEFAULT_RAW_DIR, readPoolIds, type PoolStory } from '../../src/learn/pool-items.js';
import { readPoolCorpus } from '../../src/learn/pool-training.js';

// `npx tsx scripts/train/pool-items.ts <verify|sample|show|disputed> [--seed S] [--size N] [--batch B] [--per P] [ids…]`
//   verify    rebuild every train.jsonl item from ../shared/data/raw and compare (the mapping check);
//   sample    the seeded sample of unlabelled train-pool ids, one `id<TAB>stratum` a line;
//   show      the sample's batch B (P items) — or the ids given — as JSON lines to label from;
//   disputed  labelled pool items where the committed model (which never saw them) disagrees,
//             for a second look by the guide.
// Prints to stdout only: the corpus text is never written into the project.

// Sampling mirrors train.jsonl's keyword pass: ~40 % strike-like, ~29 % talk-like, the rest
// anything, with part of the rest kept for the hard negatives the guide names. These patterns
// pick what to *label*; they are no classification rule, so they stay here, not in src/vocabulary.
const STRIKE_LIKE =
  /\b(strik|struck|missile|drone|shell|rocket|bomb|air ?raid|airstrike|artillery|mlrs|himars|shahed|kamikaze|shot down|intercept|explo|blast|attack|hit)/i;
const TALK_LIKE =
  /\b(talks|ceasefire|cease-fire|truce|negotiat|peace|envoy|mediat|prisoner|swap|exchange|corridor|grain|deal|summit|moratorium|phone|call with|delegation)/i;
const HARD_NEGATIVE =
  /\b(strike a deal|struck a deal|on strike|strikers|walkout|hunger strike|threat|warn|deliver|supplied|supply|trade talks|sanction|explosion|accident|crash|lightning)/i;
const SHARES = { strike: 0.4, talk: 0.29, hard: 0.1, crisislex: 0.07 };

function sample(seed: string, size: number): { id: string; stratum: string }[] {
  const labelled = new Set(['train.jsonl', 'dev.jsonl'].flatMap((f) => readCorpusFile(DEFAULT_CORPUS_DIR, f).stories.map((s) => s.id)));
  const read = createPoolTextReader(DEFAULT_RAW_DIR);
  const order = (id: string) => createHash('sha256').update(`${seed}:${id}`).digest('hex');
  const free = readPoolIds(DEFAULT_CORPUS_DIR)
    .filter((id) => !labelled.has(id))
    .map((id) => ({ id, key: order(id), story: read(id) }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const taken = new Set<string>();
  const picked: { id: string; stratum: string }[] = [];
  const take = (stratum: string, n: number, fits: (s: PoolStory) => boolean) => {
    let count = 0;
    for (const { id, story } of free) {
      if (count >= n) return;
      if (story !== undefined && !taken.has(id) && fits(story)) {
        taken.add(id);
        picked.push({ id, stratum });
        count++;
      }
    }
  };
  // The tweets have their own share; left to the keyword strata, their many "explosion"s and
  // "bomb"s would crowd out the wire stories.
  const tweet = (s: PoolStory) => s.id.startsWith('crisislex-');
  const text = (s: PoolStory) => (tweet(s) ? '' : `${s.title} ${s.summary}`);
  take('strike', Math.round(size * SHARES.strike), (s) => STRIKE_LIKE.test(text(s)));
  take('talk', Math.round(size * SHARES.talk), (s) => TALK_LIKE.test(text(s)));
  take('hard', Math.round(size * SHARES.hard), (s) => HARD_NEGATIVE.test(text(s)));
  take('crisislex', Math.round(size * SHARES.crisislex), tweet);
  take('any', size - picked.length, (s) => !tweet(s));
  // Batches mix the strata (the order key), so a labelling batch is never all one kind.
  return picked.sort((a, b) => order(a.id).localeCompare(order(b.id)));
}

function verify(): number {
  const read = createPoolTextReader(DEFAULT_RAW_DIR);
  let same = 0;
  let otherDate = 0;
  const differ: string[] = [];
  for (const s of readCorpusFile(DEFAULT_CORPUS_DIR, 'train.jsonl').stories) {
    const r = read(s.id);
    const ok = r !== undefined && r.title === s.title && r.summary === s.summary;
    // A GDELT article seen on several days carries one of its dates; only fold grouping reads it.
    if (ok && r.published !== s.published) otherDate++;
    if (ok) same++;
    else differ.push(s.id);
  }
  console.log(
    `${same} train.jsonl items' text rebuilt exactly (${otherDate} with another date), ${differ.length} differ${differ.length > 0 ? `: ${differ.slice(0, 20).join(' ')}` : ''}`,
  );
  return differ.length === 0 ? 0 : 1;
}

function disputed(): number {
  const same = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();
  for (const s of readPoolCorpus(DEFAULT_CORPUS_DIR).stories) {
    const a = analyzeStory(s);
    const regions = a.regions.map((r) => r.code);
    if (same(a.kinds, s.kinds) && same(regions, s.regions)) continue;
    const label = { kinds: s.kinds, regions: s.regions };
    console.log(JSON.stringify({ id: s.id, label, model: { kinds: a.kinds, regions }, title: s.title, summary: s.summary }));
  }
  return 0;
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { seed: { type: 'string' }, size: { type: 'string' }, batch: { type: 'string' }, per: { type: 'string' } },
    allowPositionals: true,
  });
  const [command, ...ids] = positionals;
  const seed = values.seed ?? 'pool-1';
  const size = Number(values.size ?? '700');
  if (command === 'verify') return verify();
  if (command === 'disputed') return disputed();
  if (command === 'sample') {
    for (const p of sample(seed, size)) console.log(`${p.id}\t${p.stratum}`);
    return 0;
  }
  if (command === 'show') {
    const per = Number(values.per ?? '50');
    const batch = Number(values.batch ?? '0');
    const chosen =
      ids.length > 0
        ? ids
        : sample(seed, size)
            .slice(batch * per, (batch + 1) * per)
            .map((p) => p.id);
    const read = createPoolTextReader(DEFAULT_RAW_DIR);
    for (const id of chosen) {
      const s = read(id);
      console.log(JSON.stringify(s === undefined ? { id, missing: true } : { id, title: s.title, summary: s.summary }));
    }
    return 0;
  }
  process.stderr.write('usage: pool-items.ts verify | sample [--seed S --size N] | show [--batch B --per P] [ids…] | disputed\n');
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${describeError(error)}\n`);
  process.exitCode = 1;
}
