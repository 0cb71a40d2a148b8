import type { CasualtyFacts, Facts, IncidentSource, NegotiationFacts, WeaponFact } from '../domain/index.js';

/** A figure this many times the next one is suspect unless later reports back it. */
const OUTLIER_RATIO = 10;

/**
 * The incident's facts after one more report: the highest credible casualty figures (from the
 * per-source figures), every weapon (largest counts), every target, and for talks the status of
 * the most recent report. `isLatest` says the report is the newest one so far.
 */
export function mergeFacts(known: Facts | undefined, reported: Facts, sources: readonly IncidentSource[], isLatest: boolean): Facts {
  const facts: Facts = {
    weapons: mergeWeapons(known?.weapons ?? [], reported.weapons),
    casualties: mergeCasualties(sources),
    targets: [...new Set([...(known?.targets ?? []), ...reported.targets])],
  };
  const attacker = known?.attacker ?? reported.attacker;
  const attacked = known?.attacked ?? reported.attacked;
  if (attacker !== undefined) facts.attacker = attacker;
  if (attacked !== undefined) facts.attacked = attacked;
  const negotiation = mergeNegotiation(known?.negotiation, reported.negotiation, isLatest);
  if (negotiation) facts.negotiation = negotiation;
  return facts;
}

function mergeCasualties(sources: readonly IncidentSource[]): CasualtyFacts {
  const casualties: CasualtyFacts = {};
  const killed = credibleMaximum(sources, 'killed');
  const injured = credibleMaximum(sources, 'injured');
  if (killed !== undefined) casualties.killed = killed;
  if (injured !== undefined) casualties.injured = injured;
  return casualties;
}

/**
 * Tolls rise as an incident develops, so the highest figure normally wins. One exception: a
 * single report ten times above every other, contradicted by at least two reports published
 * after it, is treated as an error (a misread "57 drones" as "57 killed") and skipped.
 */
export function credibleMaximum(sources: readonly IncidentSource[], field: 'killed' | 'injured'): number | undefined {
  const stated = sources.filter((s) => s[field] !== undefined).sort((a, b) => (b[field] ?? 0) - (a[field] ?? 0));
  const [top, runnerUp] = stated;
  if (!top) return undefined;
  const figure = top[field] ?? 0;
  if (!runnerUp) return figure;
  const next = runnerUp[field] ?? 0;
  const backed = stated.filter((s) => s[field] === figure).length > 1;
  const laterContradictions = stated.filter((s) => (s[field] ?? 0) < figure && s.published > top.published).length;
  if (!backed && figure > OUTLIER_RATIO * Math.max(next, 1) && laterContradictions >= 2) return next;
  return figure;
}

function mergeWeapons(known: readonly WeaponFact[], reported: readonly WeaponFact[]): WeaponFact[] {
  const byName = new Map<string, WeaponFact>(known.map((w) => [w.weapon, { ...w }]));
  for (const weapon of reported) {
    const existing = byName.get(weapon.weapon);
    if (!existing) {
      byName.set(weapon.weapon, { ...weapon });
      continue;
    }
    const count = maxDefined(existing.count, weapon.count);
    const intercepted = maxDefined(existing.intercepted, weapon.intercepted);
    if (count !== undefined) existing.count = count;
    if (intercepted !== undefined) existing.intercepted = intercepted;
  }
  return [...byName.values()];
}

function mergeNegotiation(
  known: NegotiationFacts | undefined,
  reported: NegotiationFacts | undefined,
  isLatest: boolean,
): NegotiationFacts | undefined {
  if (!known) return reported ? structuredClone(reported) : undefined;
  if (!reported) return structuredClone(known);
  const merged: NegotiationFacts = { parties: union(known.parties, reported.parties) };
  const people = union(known.people ?? [], reported.people ?? []);
  const topics = union(known.topics ?? [], reported.topics ?? []);
  if (people.length > 0) merged.people = people;
  if (topics.length > 0) merged.topics = topics;
  const venue = known.venue ?? reported.venue;
  if (venue !== undefined) merged.venue = venue;
  // The newest report speaks for the current status and date ("scheduled" → "held").
  const datePhrase = isLatest ? (reported.datePhrase ?? known.datePhrase) : (known.datePhrase ?? reported.datePhrase);
  const status = isLatest ? (reported.status ?? known.status) : (known.status ?? reported.status);
  if (datePhrase !== undefined) merged.datePhrase = datePhrase;
  if (status !== undefined) merged.status = status;
  return merged;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}
