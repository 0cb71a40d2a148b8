import type { Redis } from 'ioredis';
import type { Incident, IncidentChange } from '../domain/index.js';
import { toIncidentCard } from '../cluster/match-incident.js';
import { defineLuaScript } from './lua-script.js';

/**
 * Commits a merge in one atomic step: the survivor (with the bridging report), every incident
 * merged into it (retired: kept for delivery, taken out of every index), the story claim and one
 * change-stream entry per new version — only if no incident and no index read meanwhile moved.
 * Like `commitIncident`, a conflict makes the caller match again on fresh data.
 */
const COMMIT_MANY = defineLuaScript(`
local claimed = redis.call('GET', KEYS[1])
if claimed then return {'duplicate', claimed} end
local checks = tonumber(ARGV[5])
for i = 1, checks do
  local field = ARGV[4 + 2 * i]
  if (redis.call('HGET', KEYS[2], field) or '0') ~= ARGV[5 + 2 * i] then return {'conflict', field} end
end
local a = 7 + 2 * checks
local n = tonumber(ARGV[a - 1])
local pa, pk = a, 4
for i = 1, n do
  local rev = redis.call('HGET', KEYS[pk], 'rev')
  if ARGV[pa + 1] == '' then
    if rev then return {'conflict', 'incident exists'} end
  elseif rev ~= ARGV[pa + 1] then
    return {'conflict', ARGV[pa]}
  end
  pk = pk + 1 + tonumber(ARGV[pa + 7]) + tonumber(ARGV[pa + 8])
  pa = pa + 9
end
local k = 4
local survivor, survivorRev = '', 0
for i = 1, n do
  local id = ARGV[a]
  local nextRev = (tonumber(redis.call('HGET', KEYS[k], 'rev')) or 0) + 1
  redis.call('HSET', KEYS[k], 'data', ARGV[a + 2], 'card', ARGV[a + 3], 'rev', nextRev)
  redis.call('EXPIRE', KEYS[k], ARGV[3])
  local live, stale = tonumber(ARGV[a + 7]), tonumber(ARGV[a + 8])
  for j = 1, live do
    redis.call('ZADD', KEYS[k + j], ARGV[a + 4], id)
    redis.call('HINCRBY', KEYS[2], KEYS[k + j], 1)
  end
  for j = live + 1, live + stale do
    redis.call('ZREM', KEYS[k + j], id)
    redis.call('HINCRBY', KEYS[2], KEYS[k + j], 1)
  end
  if ARGV[a + 6] ~= '' then
    redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], '*', 'incident', id, 'version', ARGV[a + 5], 'story', ARGV[1], 'changes', ARGV[a + 6])
  end
  if i == 1 then survivor, survivorRev = id, nextRev end
  k = k + 1 + live + stale
  a = a + 9
end
redis.call('SET', KEYS[1], survivor, 'EX', ARGV[2])
return {'committed', tostring(survivorRev)}
`);

export interface IncidentWrite {
  incident: Incident;
  key: string;
  /** The revision the write was based on; undefined for a new incident. */
  expectedRev: number | undefined;
  changes: readonly IncidentChange[];
  /** Indexes to list it in (none for a retired incident) and to take it out of. */
  indexes: readonly string[];
  staleIndexes: readonly string[];
}

export interface MergeCommit {
  storyKey: string;
  revisionsKey: string;
  changesKey: string;
  storyId: string;
  /** The survivor first: the story is claimed for it. */
  writes: readonly IncidentWrite[];
  readRevisions: ReadonlyMap<string, number>;
  storyTtlSeconds: number;
  incidentTtlSeconds: number;
  changeStreamMaxLen: number;
}

export type MergeOutcome =
  { status: 'committed'; rev: number } | { status: 'duplicate'; incidentId: string } | { status: 'conflict'; on: string };

export async function commitMerge(redis: Redis, plan: MergeCommit): Promise<MergeOutcome> {
  const keys = [plan.storyKey, plan.revisionsKey, plan.changesKey];
  const args: (string | number)[] = [
    plan.storyId,
    plan.storyTtlSeconds,
    plan.incidentTtlSeconds,
    plan.changeStreamMaxLen,
    plan.readRevisions.size,
  ];
  for (const [field, rev] of plan.readRevisions) args.push(field, String(rev));
  args.push(plan.writes.length);
  for (const write of plan.writes) {
    keys.push(write.key, ...write.indexes, ...write.staleIndexes);
    args.push(
      write.incident.id,
      write.expectedRev === undefined ? '' : String(write.expectedRev),
      JSON.stringify({ ...write.incident, reports: undefined }),
      JSON.stringify(toIncidentCard(write.incident)),
      Date.parse(write.incident.lastSeen),
      write.incident.version,
      write.changes.length === 0 ? '' : JSON.stringify(write.changes),
      write.indexes.length,
      write.staleIndexes.length,
    );
  }
  const [status, detail] = (await COMMIT_MANY.run(redis, keys, args)) as [string, string];
  if (status === 'committed') return { status, rev: Number(detail) };
  if (status === 'duplicate') return { status, incidentId: detail };
  return { status: 'conflict', on: detail };
}
