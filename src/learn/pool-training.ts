import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { LabelledStory } from '../classify/labelled-corpus.js';
import type { PreparedItem } from './cross-validate.js';
import { WirewatchError } from '../errors.js';
import { groupKeys } from './event-folds.js';
import { createPoolTextReader, readPoolIds } from './pool-items.js';

/**
 * Labels this project gave train-pool items (by GUIDE.md, ids only: the text is rebuilt from
 * ../shared/data/raw at train time). See README "Learned classifier".
 */
export const POOL_LABELS_FILE = fileURLToPath(new URL('./data/pool-labels.jsonl', import.meta.url));

const LABEL = z.object({
  id: z.string().min(1),
  kinds: z.array(z.enum(['strike', 'negotiation'])),
  regions: z.array(z.string()),
  note: z.string().optional(),
});

export interface PoolCorpus {
  stories: LabelledStory[];
  /** sha256 of the labels and the rebuilt text, recorded in the weights file. */
  hash: string;
}

/** The labelled pool items with their text; an id outside train-pool.txt is an error. */
export function readPoolCorpus(corpusDir: string, file = POOL_LABELS_FILE, rawDir = join(corpusDir, '..', 'data', 'raw')): PoolCorpus {
  if (!existsSync(file)) return { stories: [], hash: '' };
  const pool = new Set(readPoolIds(corpusDir));
  const read = createPoolTextReader(rawDir);
  const hash = createHash('sha256');
  const stories: LabelledStory[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim().length === 0) return;
      const label = LABEL.parse(JSON.parse(line));
      const text = pool.has(label.id) ? read(label.id) : undefined;
      if (text === undefined) throw new WirewatchError('input_invalid', `pool labels line ${i + 1}: ${label.id} is not a train-pool item`);
      hash.update(line).update('\0').update(text.title).update('\0').update(text.summary).update('\0');
      stories.push({ ...text, kinds: label.kinds, regions: label.regions });
    });
  return { stories, hash: hash.digest('hex') };
}

export interface PooledFolds {
  stories: LabelledStory[];
  folds: number[];
  /** Only train + dev items are scored; pool items only ever train. */
  scored: (index: number) => boolean;
  /** Pool items left out of cross-validation: their group spans several folds' test items. */
  left: number;
}

/**
 * Adds pool items to the training side of the folds of `base`, keeping the folds' grouping: a
 * pool item in one group (same day or headline opening, as event-folds.ts) with test stories of
 * fold f carries fold f — so it never trains the model scored on its own event — and is never
 * scored; one tied to several folds is left out. The base folds do not move, so with and
 * without the pool the same stories are scored in the same folds.
 */
export function addPoolToFolds(
  base: readonly LabelledStory[],
  baseFolds: readonly number[],
  pool: readonly LabelledStory[],
  k: number,
): PooledFolds {
  const all = [...base, ...pool];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    parent[i] = r;
    return r;
  };
  const first = new Map<string, number>();
  all.forEach((item, i) => {
    for (const key of groupKeys(item)) {
      const j = first.get(key);
      if (j === undefined) first.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const foldsOfGroup = new Map<number, Set<number>>();
  base.forEach((_, i) => {
    const root = find(i);
    const set = foldsOfGroup.get(root) ?? new Set<number>();
    set.add(baseFolds[i] ?? 0);
    foldsOfGroup.set(root, set);
  });
  const stories = [...base];
  const folds = [...baseFolds];
  let left = 0;
  pool.forEach((item, j) => {
    const tied = [...(foldsOfGroup.get(find(base.length + j)) ?? [])];
    if (tied.length > 1) {
      left++;
      return;
    }
    stories.push(item);
    folds.push(tied[0] ?? j % k);
  });
  return { stories, folds, scored: (i) => i < base.length, left };
}

/**
 * Items from `baseCount` on are pool items: they train the weights, but the Platt curve and the
 * precision threshold stay fitted on the curated corpus alone, so the precision bar is kept on
 * the distribution it is reported on.
 */
export function markPoolItems(items: readonly PreparedItem[], baseCount: number): PreparedItem[] {
  return items.map((item, i) => (i < baseCount ? item : { ...item, trainOnly: true }));
}
