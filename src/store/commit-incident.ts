import type { Redis } from 'ioredis';
import type { CommitOutcome, Incident, IncidentChange } from '../domain/index.js';
import { toIncidentCard } from '../cluster/match-incident.js';
import { defineLuaScript } from './lua-script.js';

/**
 * Writes an incident (its matching card apart: report signatures live only there), claims the story, updates its indexes and records the change event in
 * one atomic step, and only if nothing the caller based its decision on changed meanwhile:
 * the incident's own revision, and the revision of every index it read candidates from.
 * A second worker that opened or grew a matching incident in between bumps one of those, so
 * this one gets `conflict` and redoes its match instead of opening a duplicate or losing a source.
 */
const COMMIT = defineLuaScript(`
local claimed = redis.call('GET', KEYS[2])
if claimed then return {'duplicate', claimed} end
local rev = redis.call('HGET', KEYS[1], 'rev')
if ARGV[1] == '' then
  if rev then return {'conflict', 'incident exists'} end
elseif rev ~= ARGV[1] then
  return {'conflict', 'incident'}
end
local checks = tonumber(ARGV[8])
for i = 0, checks - 1 do
  local current = redis.call('HGET', KEYS[3], ARGV[9 + 2 * i]) or '0'
  if current ~= ARGV[10 + 2 * i] then return {'conflict', ARGV[9 + 2 * i]} end
end
local rest = 9 + 2 * checks
local nextRev = (tonumber(rev) or 0) + 1
redis.call('HSET', KEYS[1], 'data', ARGV[3], 'card', ARGV[4], 'rev', nextRev)
redis.call('EXPIRE', KEYS[1], ARGV[7])
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[6])
local live = 4 + tonumber(ARGV[rest + 4])
for i = 5, live do
  redis.call('ZADD', KEYS[i], ARGV[5], ARGV[2])
  redis.call('HINCRBY', KEYS[3], KEYS[i], 1)
end
for i = live + 1, #KEYS do
  redis.call('ZREM', KEYS[i], ARGV[2])
  redis.call('HINCRBY', KEYS[3], KEYS[i], 1)
end
if ARGV[rest + 1] ~= '' then
  redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[rest + 2], '*', 'incident', ARGV[2], 'version', ARGV[rest], 'story', ARGV[rest + 3], 'changes', ARGV[rest + 1])
end
return {'committed', tostring(nextRev)}
`);

export interface CommitKeys {
  incident: string;
  story: string;
  revisions: string;
  changes: string;
  indexes: readonly string[];
  /** Indexes the previous version was listed in and this one is not (it gained a place). */
  staleIndexes?: readonly string[];
}

export interface CommitPlan {
  incident: Incident;
  storyId: string;
  /** The revision the merge was based on; undefined when opening a new incident. */
  expectedRev: number | undefined;
  /** Index key → revision seen when candidates were read. */
  readRevisions: ReadonlyMap<string, number>;
  /** Material changes; empty for none (no event is recorded). */
  changes: readonly IncidentChange[];
  storyTtlSeconds: number;
  incidentTtlSeconds: number;
  changeStreamMaxLen: number;
}

export async function commitIncident(redis: Redis, keys: CommitKeys, plan: CommitPlan): Promise<CommitOutcome> {
  const checks = [...plan.readRevisions].flatMap(([field, rev]) => [field, String(rev)]);
  const reply = (await COMMIT.run(
    redis,
    [keys.incident, keys.story, keys.revisions, keys.changes, ...keys.indexes, ...(keys.staleIndexes ?? [])],
    [
      plan.expectedRev === undefined ? '' : String(plan.expectedRev),
      plan.incident.id,
      JSON.stringify({ ...plan.incident, reports: undefined }),
      JSON.stringify(toIncidentCard(plan.incident)),
      Date.parse(plan.incident.lastSeen),
      plan.storyTtlSeconds,
      plan.incidentTtlSeconds,
      plan.readRevisions.size,
      ...checks,
      plan.incident.version,
      plan.changes.length === 0 ? '' : JSON.stringify(plan.changes),
      plan.changeStreamMaxLen,
      plan.storyId,
      keys.indexes.length,
    ],
  )) as [string, string];
  const [status, detail] = reply;
  if (status === 'committed') return { status, rev: Number(detail) };
  if (status === 'duplicate') return { status, incidentId: detail };
  return { status: 'conflict', on: detail };
}
