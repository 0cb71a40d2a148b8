import type { MatchPolicy } from './match-incident.js';
import { ancestorsOf } from '../geo/index.js';

/**
 * Measured on test/fixtures/incidents (table in README "Incidents"): the closest wrong pair
 * scores 0.19 (US–Ukraine talks vs a US–Russia call), the weakest right one 0.25 (a follow-up
 * in other words); 0.22 splits the gap. Pairwise precision and recall are 1.0 from 0.20 to 0.25.
 */
export const DEFAULT_MIN_SIMILARITY = 0.22;

export interface IncidentWindows {
  strikeWindowHours: number;
  negotiationWindowHours: number;
}

export function createMatchPolicy(windows: IncidentWindows, overrides: Partial<MatchPolicy> = {}): MatchPolicy {
  return {
    strikeWindowMs: windows.strikeWindowHours * 3_600_000,
    negotiationWindowMs: windows.negotiationWindowHours * 3_600_000,
    minSimilarity: DEFAULT_MIN_SIMILARITY,
    ancestorsOf,
    ...overrides,
  };
}

/** The widest window a report can join across, for candidate lookups. */
export function widestWindowMs(policy: Pick<MatchPolicy, 'strikeWindowMs' | 'negotiationWindowMs'>): number {
  return Math.max(policy.strikeWindowMs, policy.negotiationWindowMs);
}
