import Parser from 'rss-parser';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import { RULES_CLASSIFIER, type Classifier } from '../../src/classify/classifier.js';
import { MODEL_CLASSIFIER } from '../../src/classify/model/committed-model.js';
import { buildRss } from '../support/feed-builder.js';
import { makeStories } from './classify.bench.js';

// The bar: the full analyze path (normalise + features + model + extraction) at ≥ 0.8×
// rss-parser's bare parseString items/s, on the same stories in the same run.
const STORIES = makeStories(2_000);
const ROUNDS = 3;

async function parserItemsPerSecond(xml: string): Promise<number> {
  const parser = new Parser();
  await parser.parseString(xml); // warm up
  let best = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    const feed = await parser.parseString(xml);
    best = Math.max(best, feed.items.length / ((performance.now() - start) / 1000));
  }
  return best;
}

function analyzeItemsPerSecond(classifier: Classifier): number {
  for (const story of STORIES.slice(0, 300)) analyzeStory(story, classifier);
  let best = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    for (const story of STORIES) analyzeStory(story, classifier);
    best = Math.max(best, STORIES.length / ((performance.now() - start) / 1000));
  }
  return best;
}

export async function run(): Promise<void> {
  const xml = buildRss(STORIES.map((s, i) => ({ guid: `bench-${i}`, title: s.title, description: s.summary ?? '' })));
  const reference = await parserItemsPerSecond(xml);
  const model = analyzeItemsPerSecond(MODEL_CLASSIFIER);
  const rules = analyzeItemsPerSecond(RULES_CLASSIFIER);
  const line = (label: string, perSecond: number) =>
    console.log(
      `${label}: ${Math.round(perSecond).toLocaleString('en')} items/s = ${(perSecond / reference).toFixed(2)}× rss-parser (goal ≥ 0.8×)`,
    );
  console.log(
    `reference: rss-parser bare parseString, same ${STORIES.length} stories as one RSS document: ${Math.round(reference).toLocaleString('en')} items/s`,
  );
  line('analyzeStory with the learned model (normalise + rules + features + model + extraction)', model);
  line('analyzeStory with the rules alone', rules);
  await Promise.resolve();
}
