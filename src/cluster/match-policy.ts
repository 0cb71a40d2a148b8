import type { MatchPolicy } from './match-incident.js';
import { DEFAULT_PAIR_WEIGHTS } from './pair-evidence.js';
import { ancestorsOf } from '../geo/index.js';

/**
 * Talks only (strikes are decided by `pairWeights`): measured on test/fixtures/incidents, the
 * closest wrong pair scores 0.19 (US–Ukraine talks vs a US–Russia call), the weakest right one 0.25.
 */
export const DEFAULT_MIN_SIMILARITY = 0.22;

export interface IncidentWindows {
  strikeWindowHours: number;
  negotiationWindowHours: number;
  /** Follow-ups naming the same place and site join this long after a report (default 48). */
  followUpHours?: number;
  /** From an incident's first report, it takes no report later than this (default 120). */
  maxLifetimeHours?: number;
}

export const DEFAULT_FOLLOW_UP_HOURS = 48;
export const DEFAULT_MAX_LIFETIME_HOURS = 120;

const HOUR = 3_600_000;

export function createMatchPolicy(windows: IncidentWindows, overrides: Partial<MatchPolicy> = {}): MatchPolicy {
  return {
    strikeWindowMs: windows.strikeWindowHours * HOUR,
    negotiationWindowMs: windows.negotiationWindowHours * HOUR,
    followUpMs: (windows.followUpHours ?? DEFAULT_FOLLOW_UP_HOURS) * HOUR,
    maxLifetimeMs: (windows.maxLifetimeHours ?? DEFAULT_MAX_LIFETIME_HOURS) * HOUR,
    minSimilarity: DEFAULT_MIN_SIMILARITY,
    pairWeights: DEFAULT_PAIR_WEIGHTS,
    ancestorsOf,
    ...overrides,
  };
}

/** How far back (and forward) a strike report can reach: the longer of the two strike windows. */
export function strikeReachMs(policy: { strikeWindowMs: number; followUpMs?: number }): number {
  return Math.max(policy.strikeWindowMs, policy.followUpMs ?? 0);
}

/** The widest window a report can join across, for candidate lookups. */
export function widestWindowMs(policy: Pick<MatchPolicy, 'strikeWindowMs' | 'negotiationWindowMs' | 'followUpMs'>): number {
  return Math.max(strikeReachMs(policy), policy.negotiationWindowMs);
}
