import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabelledStory } from '../../src/classify/labelled-corpus.js';
import { readCorpusFile } from '../../src/learn/corpus-files.js';
import { createPoolTextReader, readPoolIds } from '../../src/learn/pool-items.js';
import { addPoolToFolds, POOL_LABELS_FILE } from '../../src/learn/pool-training.js';
import { parseCsv } from '../../src/learn/raw-csv.js';
import { REPO_ROOT } from '../support/cli.js';

const SHARED = resolve(REPO_ROOT, '../shared');

const story = (id: string, title: string, published: string): LabelledStory => ({
  id,
  title,
  summary: '',
  published,
  kinds: [],
  regions: [],
});

describe('raw CSV', () => {
  it('reads quoted commas, doubled quotes and line breaks inside a field', () => {
    expect(parseCsv('a,b\r\n1,"x, ""y""\nz"\n2,\n')).toEqual([
      ['a', 'b'],
      ['1', 'x, "y"\nz'],
      ['2', ''],
    ]);
  });
});

describe('pool items in cross-validation', () => {
  const base = [
    story('a', 'Drones hit a depot near the river overnight', '2022-05-01T12:00:00Z'),
    story('b', 'Talks resume in a lakeside town this week', '2022-05-02T12:00:00Z'),
  ];

  it('trains only folds other than the one holding their group, and is never scored', () => {
    const pool = [
      story('p1', 'A second report on the same day', '2022-05-01T12:00:00Z'),
      story('p2', 'Unrelated story', '2022-06-09T12:00:00Z'),
    ];
    const r = addPoolToFolds(base, [0, 1], pool, 2);
    expect(r.stories.map((s) => s.id)).toEqual(['a', 'b', 'p1', 'p2']);
    expect(r.folds[2]).toBe(0);
    expect([0, 1, 2, 3].map(r.scored)).toEqual([true, true, false, false]);
    expect(r.left).toBe(0);
  });

  it('leaves out a pool item tied to the test stories of two folds', () => {
    // Same day as `a` (fold 0), same headline opening as `b` (fold 1).
    const pool = [story('p', 'Talks resume in a lakeside town this week, officials say', '2022-05-01T12:00:00Z')];
    const r = addPoolToFolds(base, [0, 1], pool, 2);
    expect(r.stories).toHaveLength(2);
    expect(r.left).toBe(1);
  });
});

describe.skipIf(!existsSync(SHARED))('train-pool items rebuilt from ../shared/data/raw', () => {
  it('give every train.jsonl item its exact headline and lede', () => {
    const read = createPoolTextReader(resolve(SHARED, 'data/raw'));
    const differ = readCorpusFile(resolve(SHARED, 'corpus'), 'train.jsonl')
      .stories.filter((s) => read(s.id)?.title !== s.title || read(s.id)?.summary !== s.summary)
      .map((s) => s.id);
    expect(differ).toEqual([]);
  });

  it('label only train-pool ids not already in train or dev, once each', () => {
    const corpus = resolve(SHARED, 'corpus');
    const pool = new Set(readPoolIds(corpus));
    const labelled = new Set(['train.jsonl', 'dev.jsonl'].flatMap((f) => readCorpusFile(corpus, f).stories.map((s) => s.id)));
    const ids = readFileSync(POOL_LABELS_FILE, 'utf8')
      .split('\n')
      .filter((l) => l.trim().length > 0)
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids.filter((id) => !pool.has(id) || labelled.has(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
