import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toIncidentReport } from '../../src/cluster/incident-report.js';
import { createMatchPolicy } from '../../src/cluster/match-policy.js';
import { parseIncidentsArgs, runIncidentsCommand } from '../../src/commands/incidents-command.js';
import { ancestorsOf, resolveRegionQuery } from '../../src/geo/index.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { recordReport } from '../../src/pipeline/record-report.js';
import { TIMER_PAUSE } from '../../jobs/runtime/stores.js';
import { INCIDENT_STORIES } from '../fixtures/incidents/index.js';
import { strikeReport } from '../fixtures/incidents/build-report.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

// The fixture stream ends on 24 March; "now" is the next morning.
const NOW = Date.parse('2025-03-25T09:00:00Z');
const clock = () => NOW;
const policy = createMatchPolicy({ strikeWindowHours: 12, negotiationWindowHours: 72 });

let redis: Redis;
let prefix: string;
let store: IncidentStore;
const eventOf = new Map<string, string>();

beforeAll(() => {
  redis = createTestRedis();
});
afterAll(() => redis.quit());
beforeEach(async () => {
  prefix = uniquePrefix('lookups');
  store = new IncidentStore({ redis, prefix, ancestorsOf, retentionMs: 30 * 86_400_000 });
  for (const fixture of INCIDENT_STORIES) {
    const result = await recordReport(toIncidentReport(fixture.story, fixture.analysis, NOW), {
      incidents: store,
      policy,
      clock,
      pause: TIMER_PAUSE,
    });
    if (result.outcome === 'opened') eventOf.set(result.incident.id, fixture.event);
  }
});
afterEach(() => deletePrefix(redis, prefix));

const ask = async (text: string) => {
  const reply = await runIncidentsCommand(parseIncidentsArgs(text, resolveRegionQuery), { store, clock });
  return { events: reply.incidents.map((i) => eventOf.get(i.id)), nextCursor: reply.nextCursor };
};

describe('/incidents lookups on the real Redis', () => {
  it('finds incidents of a region including its towns, newest first', async () => {
    expect((await ask('kyiv oblast')).events).toEqual(['bucha-drone', 'bila-tserkva-energy']);
    expect((await ask('UA-63')).events).toEqual(['kharkiv-rail', 'kharkiv-hospital']);
    const ukraine = (await ask('ukraine limit=50')).events;
    expect(ukraine).toContain('bucha-drone');
    expect(ukraine).not.toContain('krasnodar-oil');
  });

  it('finds a town-level incident under the town, its oblast and its country', async () => {
    const irpin = strikeReport('x', 'Outlet', '2025-03-25T07:00:00Z', 'Drone hits Irpin school', 'A drone damaged a school in Irpin.', {
      regions: ['UA-32/irpin'],
      targets: ['school'],
    });
    await recordReport(toIncidentReport(irpin.story, irpin.analysis, NOW), { incidents: store, policy, clock, pause: TIMER_PAUSE });
    for (const code of ['UA-32/irpin', 'UA-32', 'UA']) {
      const page = await store.list({ region: code, limit: 1 });
      expect(page.incidents[0]?.headline).toBe('Drone hits Irpin school');
    }
  });

  it('filters by kind and by time range', async () => {
    expect((await ask('talks')).events).toEqual(['jeddah-talks', 'istanbul-exchange', 'trump-putin-call']);
    expect((await ask('strikes 30h')).events).toEqual(['sumy-hospital']);
    expect((await ask('strikes 60h')).events).toEqual(['sumy-hospital', 'odesa-energy']);
    expect((await ask('russia strike')).events).toEqual(['krasnodar-oil', 'kursk-intercepts']);
    expect((await ask('kharkiv oblast talks')).events).toEqual([]);
  });

  it('pages through everything without repeats or gaps', async () => {
    const seen: (string | undefined)[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const reply = await ask(`limit=4${cursor ? ` page=${cursor}` : ''}`);
      seen.push(...reply.events);
      cursor = reply.nextCursor;
      pages++;
    } while (cursor !== undefined && pages < 20);
    expect(seen).toHaveLength(new Set(INCIDENT_STORIES.map((f) => f.event)).size);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(4);
  });

  it('refuses a broken cursor with a coded error', async () => {
    await expect(store.list({ limit: 5, cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'command_invalid' });
  });
});
