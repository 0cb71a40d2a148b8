import type { Redis } from 'ioredis';
import type { ReportedStory } from '../../src/cluster/incident-report.js';
import { toIncidentReport } from '../../src/cluster/incident-report.js';
import { toIncidentCard } from '../../src/cluster/match-incident.js';
import { applyReport, openIncident } from '../../src/cluster/merge-incident.js';
import type { Analysis, Incident } from '../../src/domain/index.js';
import { ancestorsOf } from '../../src/geo/index.js';
import { UKRAINE_REGIONS } from '../../src/geo/curated-ua.js';
import { RUSSIA_REGIONS } from '../../src/geo/curated-ru.js';
import { IncidentKeys } from '../../src/store/incident-keys.js';

// Synthetic incidents for the benches that need a full store (story pipeline, memory): invented
// strike and talks reports, in our own words, over every curated Ukrainian and Russian region and
// the 30-day retention period.

export const NOW = Date.parse('2025-06-30T00:00:00Z');
export const DAY = 86_400_000;
const REGIONS = [...UKRAINE_REGIONS, ...RUSSIA_REGIONS].map((r) => ({
  code: r.code,
  name: r.name,
  word: r.stems?.[0] ?? r.names?.[0] ?? r.name,
}));
const WEAPONS = ['Shahed drones', 'a cruise missile', 'ballistic missiles', 'glide bombs', 'artillery'];
const TARGETS = ['an apartment block', 'an energy facility', 'a hospital', 'a rail depot', 'an oil depot', 'the port'];

export function syntheticStory(i: number, published: number): ReportedStory {
  const region = REGIONS[i % REGIONS.length]!;
  const weapon = WEAPONS[i % WEAPONS.length]!;
  const target = TARGETS[(i * 7) % TARGETS.length]!;
  const killed = i % 5;
  return {
    id: `bench-${i}`,
    title: `${weapon} hit ${target} in ${region.word} region, ${killed} killed`,
    summary: `Russian forces attacked ${region.word} region overnight with ${weapon}, hitting ${target}, the regional governor said on Telegram. ${killed} people were killed and ${i % 9} injured; emergency crews worked through the morning at site ${i}.`,
    link: `https://outlet-${i % 40}.example/story/${i}`,
    published: new Date(published).toISOString(),
    source: `Outlet ${i % 40}`,
  };
}

/** A plausible analysis without running the classifier, so seeding 100k incidents is quick. */
export function syntheticAnalysis(i: number): Analysis {
  const region = REGIONS[i % REGIONS.length]!;
  const negotiation = i % 7 === 0;
  return negotiation
    ? {
        kinds: ['negotiation'],
        regions: [],
        severity: 'medium',
        evidence: [],
        facts: {
          weapons: [],
          casualties: {},
          targets: [],
          negotiation: { parties: ['UA', 'RU', ['US', 'TR', 'SA'][i % 3]!], status: 'scheduled' },
        },
      }
    : {
        kinds: ['strike'],
        regions: [{ code: region.code, name: region.name }],
        severity: 'high',
        evidence: [],
        facts: { weapons: [{ weapon: 'drone', count: i % 50 }], casualties: { killed: i % 5, injured: i % 9 }, targets: ['residential'] },
      };
}

const TEMPLATES = 2_000;
const templates: Incident[] = [];

/**
 * Three reports per incident (three outlets), as a typical incident ends up. The first few
 * thousand go through the real open/merge code; the rest are copies with their own id, place
 * and time, which keeps seeding fast without changing what a stored incident looks like.
 */
export function seedIncident(i: number): Incident {
  const published = NOW - ((i * 7919) % (30 * DAY));
  const template = templates[i % TEMPLATES];
  if (template) {
    const region = REGIONS[i % REGIONS.length]!;
    const times = { firstSeen: new Date(published).toISOString(), lastSeen: new Date(published + 1_200_000).toISOString() };
    const regions = template.regions.length > 0 ? [{ code: region.code, name: region.name }] : [];
    return { ...template, ...times, id: `inc-bench-${i}`, regions };
  }
  let incident = openIncident(toIncidentReport(syntheticStory(i, published), syntheticAnalysis(i), NOW), NOW);
  for (const extra of [1, 2]) {
    const story = {
      ...syntheticStory(i, published + extra * 600_000),
      id: `bench-${i}-${extra}`,
      source: `Outlet ${(i + extra) % 40}`,
      link: `https://x.example/${i}/${extra}`,
    };
    incident = applyReport(incident, toIncidentReport(story, syntheticAnalysis(i), NOW), NOW).incident;
  }
  templates.push(incident);
  return incident;
}

/** Writes `count` incidents (ids `inc-bench-<i>`) as the store keeps them, pipelined 1,000 at a time. */
export async function seedIncidents(redis: Redis, prefix: string, count: number, from = 0): Promise<void> {
  const keys = new IncidentKeys(prefix);
  for (let start = from; start < from + count; start += 1000) {
    const pipeline = redis.pipeline();
    for (let i = start; i < Math.min(start + 1000, from + count); i++) {
      const incident = seedIncident(i);
      const score = Date.parse(incident.lastSeen);
      pipeline.hset(
        keys.incident(incident.id),
        'data',
        JSON.stringify({ ...incident, reports: undefined }),
        'card',
        JSON.stringify(toIncidentCard(incident)),
        'rev',
        1,
      );
      for (const key of keys.indexesOf(incident, ancestorsOf)) pipeline.zadd(key, score, incident.id);
    }
    await pipeline.exec();
  }
}

export async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}
