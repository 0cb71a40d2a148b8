/** One member of an index: an incident id and its score (lastSeen, ms). */
export interface IndexEntry {
  score: number;
  id: string;
}

/**
 * A Redis sorted set in memory: members ordered by (score, id), read newest first from a score
 * down, so the in-memory repository reads candidates and pages exactly as the Redis one does
 * (ZREVRANGEBYSCORE: score descending, then id descending). Binary search keeps reads and writes
 * proportional to what is read, not to how many incidents are held.
 */
export class SortedIndex {
  private readonly entries: IndexEntry[] = [];

  get size(): number {
    return this.entries.length;
  }

  add(entry: IndexEntry): void {
    this.entries.splice(this.positionOf(entry), 0, entry);
  }

  remove(entry: IndexEntry): void {
    const at = this.positionOf(entry);
    const found = this.entries[at];
    if (found && found.score === entry.score && found.id === entry.id) this.entries.splice(at, 1);
  }

  /** Members with min ≤ score ≤ max, newest first. */
  *descending(max: number, min: number): Generator<IndexEntry> {
    for (let i = this.positionOf({ score: max, id: '\uffff' }) - 1; i >= 0; i--) {
      const entry = this.entries[i]!;
      if (entry.score < min) return;
      if (entry.score <= max) yield entry;
    }
  }

  /** Removes every member scored below `cutoff` and returns them. */
  removeBelow(cutoff: number): IndexEntry[] {
    return this.entries.splice(0, this.positionOf({ score: cutoff, id: '' }));
  }

  /** The first position whose entry is not before `entry`. */
  private positionOf(entry: IndexEntry): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const probe = this.entries[mid]!;
      if (probe.score < entry.score || (probe.score === entry.score && probe.id < entry.id)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
