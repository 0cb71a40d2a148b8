import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTRY_ROWS, PLACE_ROWS } from '../../src/geo/data/gazetteer.generated.js';
import { RUSSIA_REGIONS } from '../../src/geo/curated-ru.js';
import { UKRAINE_REGIONS } from '../../src/geo/curated-ua.js';
import { findPlaceMentions, isWithin, regionByCode } from '../../src/geo/index.js';
import { isStopName } from '../../src/geo/stoplist.js';
import { nameKeys } from '../../src/geo/normalise.js';

describe('gazetteer data', () => {
  it('has every Ukrainian oblast and Russian federal subject once, with distinct GeoNames admin1 codes', () => {
    expect(UKRAINE_REGIONS).toHaveLength(27);
    expect(RUSSIA_REGIONS).toHaveLength(83);
    const all = [...UKRAINE_REGIONS, ...RUSSIA_REGIONS];
    expect(new Set(all.map((r) => r.code)).size).toBe(all.length);
    expect(new Set(all.map((r) => r.admin1)).size).toBe(all.length);
    for (const r of all) expect(r.code).toMatch(/^(UA-\d\d|RU-[A-Z]{2,3})$/);
  });

  it('hangs every place under a known region or country of its own country', () => {
    for (const row of PLACE_ROWS) {
      const [code = '', , country = '', parent = ''] = row.split('|');
      const parentInfo = regionByCode(parent);
      expect(parentInfo, code).toBeDefined();
      expect(parentInfo?.country, code).toBe(country);
      expect(code.startsWith(`${parent}/`), code).toBe(true);
    }
  });

  it('keeps places in Ukraine’s recognised borders under Ukrainian codes', () => {
    for (const code of ['UA-43/kerch', 'UA-43/simferopol', 'UA-14/mariupol', 'UA-23/melitopol', 'UA-09/alchevsk']) {
      expect(isWithin(code, 'UA'), code).toBe(true);
      expect(isWithin(code, 'RU'), code).toBe(false);
    }
  });

  it('has no town named like a stoplisted word unless curated', () => {
    for (const row of PLACE_ROWS) {
      const [code = '', name = '', , , , flags = ''] = row.split('|');
      if (!flags.includes('k')) expect(isStopName(nameKeys(name).join(' ')), code).toBe(false);
    }
  });

  it('covers the world’s countries', () => {
    expect(COUNTRY_ROWS.length).toBeGreaterThan(240);
  });
});

// The labelled corpus is real news text kept outside the project; read it when present.
const corpusPath = new URL('../../../shared/corpus/dev.jsonl', import.meta.url);

describe.skipIf(!existsSync(corpusPath))('gazetteer on the labelled corpus', () => {
  it('finds a place within each labelled strike region in most stories', () => {
    const stories = readFileSync(corpusPath, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { title: string; summary: string; regions?: Array<string | { code: string }> });
    let gold = 0;
    let found = 0;
    for (const story of stories) {
      const mentions = findPlaceMentions(`${story.title}\n${story.summary.replace(/<[^>]+>/g, ' ')}`, { demonyms: true });
      for (const region of story.regions ?? []) {
        const code = typeof region === 'string' ? region : region.code;
        gold++;
        if (mentions.some((m) => isWithin(m.region.code, code))) found++;
      }
    }
    expect(gold).toBeGreaterThan(0);
    expect(found / gold).toBeGreaterThanOrEqual(0.85);
  });
});
