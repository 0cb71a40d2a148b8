import { performance } from 'node:perf_hooks';
import { findPlaceMentions } from '../../src/geo/index.js';

// Synthetic headline + lede pairs (~300 characters) written for the benchmark: a mix of Ukrainian
// and Russian towns, region forms, countries, people's names and plain English.
const PLACES = [
  'Kharkiv',
  'Bucha',
  'Sumy region',
  'Kursk Oblast',
  'Odesa',
  'Zaporizhzhia',
  'Belgorod',
  'Krasnodar Krai',
  'Pokrovsk',
  'Dnipro',
  'Sevastopol',
  'Engels',
];
const FILLER = [
  'officials said on Tuesday that air defences were active through the night',
  'the governor wrote on Telegram, adding that emergency crews were at the scene',
  'a spokesperson for the regional administration told reporters',
  'as talks between Washington and Moscow continued without a breakthrough',
];

function makeTexts(count: number): string[] {
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const a = PLACES[i % PLACES.length];
    const b = PLACES[(i * 7 + 3) % PLACES.length];
    const f = FILLER[i % FILLER.length];
    const g = FILLER[(i + 1) % FILLER.length];
    texts.push(
      `Drones and missiles hit ${a} overnight, ${f}. In ${b}, ${g}; Vladimir Putin and Ukrainian officials commented, ${i} people were evacuated.`,
    );
  }
  return texts;
}

export async function run(): Promise<void> {
  const texts = makeTexts(5_000);
  const chars = texts.reduce((sum, t) => sum + t.length, 0) / texts.length;
  const loadStart = performance.now();
  findPlaceMentions('warm-up: Kyiv');
  const loadMs = performance.now() - loadStart;
  for (const t of texts) findPlaceMentions(t);
  let found = 0;
  const rounds = 10;
  // Median of the rounds: a shared machine's noise moves single rounds a lot.
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const t of texts) found += findPlaceMentions(t, { demonyms: true }).length;
    rates.push(texts.length / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  const perSecond = Math.round(rates[Math.floor(rounds / 2)] ?? 0);
  console.log(`gazetteer load: ${loadMs.toFixed(0)} ms`);
  console.log(
    `findPlaceMentions: ${perSecond.toLocaleString('en-US')} texts/s (avg ${chars.toFixed(0)} chars, ${(found / rounds / texts.length).toFixed(1)} mentions/text; goal ≥ 50,000)`,
  );
}
