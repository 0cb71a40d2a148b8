import type { IncidentReport } from '../domain/index.js';

/**
 * Runs tasks so that two with a key in common never overlap, in the order they arrive; tasks
 * with disjoint keys run side by side. Reports that may join the same incident share a key, so a
 * burst of stories about one place is applied one after another instead of racing to commit and
 * retrying (contention that grew with the burst). Keys are claimed all at once, synchronously,
 * so a task with several keys can never deadlock against another.
 */
export type Serialise = <T>(keys: readonly string[], task: () => Promise<T>) => Promise<T>;

export function createKeyedSerialiser(): Serialise {
  const tails = new Map<string, Promise<void>>();
  return async (keys, task) => {
    const unique = [...new Set(keys)];
    const before = unique.map((key) => tails.get(key)).filter((p): p is Promise<void> => p !== undefined);
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    for (const key of unique) tails.set(key, done);
    try {
      await Promise.all(before);
      return await task();
    } finally {
      release();
      // The last task of a key clears it, so the map holds only keys with work in flight.
      for (const key of unique) if (tails.get(key) === done) tails.delete(key);
    }
  };
}

/**
 * The keys of the candidate indexes a report reads and writes: its regions (a strike in UA-32
 * reads and bumps the UA-32 indexes), the unplaced strike/talks lists, or the talks' parties.
 * Only reports that share one can conflict on commit.
 */
export function contentionKeys(report: IncidentReport): string[] {
  const { kinds, regions, facts } = report.analysis;
  const keys: string[] = [];
  if (kinds.includes('strike')) {
    if (regions.length === 0) keys.push('strike:unplaced');
    for (const region of regions) keys.push(`strike:${region.code}`);
  }
  if (kinds.includes('negotiation')) {
    const parties = facts.negotiation?.parties ?? [];
    if (parties.length === 0) keys.push('talks:unplaced');
    for (const party of parties) keys.push(`talks:${party}`);
  }
  return keys;
}
