import type { Facts, Kind, RegionRef, Severity } from '../domain/index.js';

/**
 * Severity of a story, as a points score (documented in docs/classification.md):
 *
 *   strike            1 point for being a strike at all
 *   killed            1–2 → 3, 3–9 → 4, 10+ → 6
 *   injured           1–4 → 1, 5–19 → 2, 20+ → 3
 *   target (highest)  hospital, school 3 · residential, energy, civilian 2 · oil, railway, port,
 *                     infrastructure 1 · military 0
 *   scale             largest weapon count (launched or intercepted): 5+ → 1, 20+ → 2, 100+ → 3
 *   place             a capital city (Kyiv UA-30, Moscow RU-MOW) → 2
 *
 *   0–2 low · 3–5 medium · 6–9 high · 10+ critical
 *
 * A negotiation-only story is "medium" when something was agreed, else "low": it informs, it
 * does not endanger.
 */
export interface SeverityInput {
  kinds: readonly Kind[];
  facts: Facts;
  regions: readonly RegionRef[];
}

const TARGET_POINTS: Readonly<Record<string, number>> = {
  hospital: 3,
  school: 3,
  residential: 2,
  energy: 2,
  civilian: 2,
  oil: 1,
  railway: 1,
  port: 1,
  infrastructure: 1,
  military: 0,
};
const CAPITALS: ReadonlySet<string> = new Set(['UA-30', 'RU-MOW']);

export function severityPoints({ kinds, facts, regions }: SeverityInput): number {
  if (!kinds.includes('strike')) return 0;
  const killed = facts.casualties.killed ?? 0;
  const injured = facts.casualties.injured ?? 0;
  const scale = Math.max(0, ...facts.weapons.map((w) => Math.max(w.count ?? 0, w.intercepted ?? 0)));
  return (
    1 +
    (killed >= 10 ? 6 : killed >= 3 ? 4 : killed >= 1 ? 3 : 0) +
    (injured >= 20 ? 3 : injured >= 5 ? 2 : injured >= 1 ? 1 : 0) +
    Math.max(0, ...facts.targets.map((t) => TARGET_POINTS[t] ?? 0)) +
    (scale >= 100 ? 3 : scale >= 20 ? 2 : scale >= 5 ? 1 : 0) +
    (regions.some((r) => CAPITALS.has(r.code)) ? 2 : 0)
  );
}

export function scoreSeverity(input: SeverityInput): Severity {
  if (!input.kinds.includes('strike')) return input.facts.negotiation?.status === 'agreed' ? 'medium' : 'low';
  const points = severityPoints(input);
  return points >= 10 ? 'critical' : points >= 6 ? 'high' : points >= 3 ? 'medium' : 'low';
}
