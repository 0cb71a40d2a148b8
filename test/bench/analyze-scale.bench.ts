import { performance } from 'node:perf_hooks';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import { createMatchPolicy } from '../../src/cluster/match-policy.js';
import type { StoryInput } from '../../src/domain/index.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { createIncidentAssigner } from '../../src/pipeline/assign-incidents.js';

// `wirewatch analyze` at 2k, 20k and 100k stories (dates spread over time): stories/s of the
// whole in-memory path (classify, extract, match, merge) against the same stories analysed
// without clustering, in the same run. Flat means the ratio holds at every size: candidates come
// from the in-memory repository's indexes (the Redis store's) and an incident's lifetime and kept sources are bounded.
// `npm run bench analyze-scale -- --stories 100000` runs one size. Stories written for the bench.

// Towns of Ukraine from the gazetteer (facts, not text): each event hits its own town and site,
// as a real week of strikes does, so the bench measures matching, not one endless incident.
const PLACES = [...loadGazetteer().byCode.values()]
  .filter((r) => r.type === 'city' && r.country === 'UA' && (r.population ?? 0) >= 20_000 && /^[A-Z][a-z]+$/.test(r.name))
  .map((r) => r.name)
  .sort();
const SITES = ['apartment block', 'railway station', 'power plant', 'hospital', 'oil depot', 'port', 'school', 'shopping mall'];
const WEAPONS = ['drones', 'ballistic missiles', 'glide bombs', 'rockets', 'artillery shells'];
const OUTLETS = ['Wire One', 'Wire Two', 'Capital Post', 'Global Desk', 'Frontline Daily', 'Evening Herald'];
/** Reports per event (several outlets, a toll update, a reaction with no kind). */
const PER_EVENT = 5;
/** Stories a day: a busy war's wires across a dozen cities. */
const PER_DAY = 240;
const START = Date.parse('2024-01-01T00:00:00Z');

export function storyOf(i: number): StoryInput {
  const event = Math.floor(i / PER_EVENT);
  const role = i % PER_EVENT;
  const place = PLACES[event % PLACES.length]!;
  const site = SITES[Math.floor(event / PLACES.length) % SITES.length]!;
  const weapon = WEAPONS[(event * 3) % WEAPONS.length]!;
  const killed = 1 + (event % 9);
  const published = new Date(START + Math.floor((i / PER_DAY) * 86_400_000) + role * 1_800_000).toISOString();
  const base = { id: `s${i}`, published, source: OUTLETS[(i * 5) % OUTLETS.length]!, link: `https://news.example/${i}` };
  if (role === 3) {
    return {
      ...base,
      title: `Death toll from ${place} ${site} strike rises to ${killed + 2}`,
      summary: `Rescuers in ${place} recovered two more bodies from the ${site} hit by Russian ${weapon} in strike number ${event}.`,
    };
  }
  if (role === 4) {
    return {
      ...base,
      title: `Mayor of ${place} thanks volunteers after the ${site} tragedy`,
      summary: `Residents brought food and blankets to the families from the ${site}, the mayor said in video address ${event}.`,
    };
  }
  return {
    ...base,
    title: `Russian ${weapon} hit ${site} in ${place}, ${killed} killed`,
    summary: `Russian forces attacked ${place} overnight with ${weapon}, hitting a ${site}, the regional governor said. ${killed} people were killed and ${event % 13} injured; emergency crews worked at the scene of attack ${event}.`,
  };
}

async function rate(stories: readonly StoryInput[], clustered: boolean): Promise<number> {
  const assigner = createIncidentAssigner(
    createMatchPolicy({ strikeWindowHours: 12, negotiationWindowHours: 72 }),
    Date.parse('2030-01-01'),
  );
  const started = performance.now();
  for (const story of stories) {
    const analysis = analyzeStory(story);
    if (clustered) await assigner.assign(story, analysis);
  }
  return stories.length / ((performance.now() - started) / 1000);
}

export async function run(): Promise<void> {
  const flag = process.argv.indexOf('--stories');
  const sizes = flag > 0 ? [Number(process.argv[flag + 1])] : [2_000, 20_000, 100_000];
  console.log('wirewatch analyze path, stories/s (best of 3 interleaved runs; reference: analyzeStory alone on the same stories)');
  console.log('  stories | no clustering | with clustering | ratio');
  for (const size of sizes) {
    const stories = Array.from({ length: size }, (_, i) => storyOf(i));
    let bare = 0;
    let clustered = 0;
    for (let run = 0; run < 3; run++) {
      bare = Math.max(bare, await rate(stories, false));
      clustered = Math.max(clustered, await rate(stories, true));
    }
    const cell = (x: number) => Math.round(x).toLocaleString('en').padStart(13);
    console.log(
      `  ${size.toLocaleString('en').padStart(7)} | ${cell(bare)} | ${cell(clustered).padStart(15)} | ${(clustered / bare).toFixed(2)}×`,
    );
  }
}
