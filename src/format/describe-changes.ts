import type { ChangeField, IncidentChange, IncidentRevision, TargetType } from '../domain/index.js';
import { regionByCode } from '../geo/index.js';
import { describeTarget } from './describe-facts.js';

/** The phrase for each field, in the order a reader cares about. */
const FIELD_ORDER: readonly ChangeField[] = [
  'casualties.killed',
  'casualties.injured',
  'severity',
  'negotiation.status',
  'kinds',
  'regions',
  'targets',
  'sources',
  'merged',
];

/**
 * What changed after `sinceVersion`, folded per field so a message edited from v2 to v5 says
 * "death toll 11 → 18" once rather than "11 → 14, 14 → 18": short phrases, plain text.
 */
export function describeChanges(history: readonly IncidentRevision[], sinceVersion: number): string[] {
  const byField = new Map<ChangeField, IncidentChange[]>();
  for (const revision of history) {
    if (revision.version <= sinceVersion) continue;
    for (const change of revision.changes) byField.set(change.field, [...(byField.get(change.field) ?? []), change]);
  }
  const phrases: string[] = [];
  for (const field of FIELD_ORDER) {
    const changes = byField.get(field);
    if (changes && changes.length > 0) phrases.push(describeField(field, changes));
  }
  return phrases;
}

function describeField(field: ChangeField, changes: IncidentChange[]): string {
  const first = changes[0];
  const last = changes.at(-1);
  // A casualty count that rises from 0 was unknown before, not zero: "death toll 5".
  const span = (label: string) =>
    first?.from === undefined || first.from === 0 ? `${label} ${last?.to}` : `${label} ${first.from} → ${last?.to}`;
  const added = () => [...new Set(changes.map((c) => String(c.to)))];
  switch (field) {
    case 'casualties.killed':
      return span('death toll');
    case 'casualties.injured':
      return span('injured');
    case 'severity':
      return span('severity');
    case 'negotiation.status':
      return span('status');
    case 'kinds':
      return `now also ${added().join(' and ')}`;
    case 'regions':
      return `also ${added()
        .map((code) => regionByCode(code)?.name ?? code)
        .join(', ')}`;
    case 'targets':
      return `hit: ${added()
        .map((t) => describeTarget(t as TargetType))
        .join(', ')}`;
    case 'sources':
      return changes.length === 1 ? '1 more source' : `${changes.length} more sources`;
    case 'opened':
      return 'opened';
    case 'merged':
      return 'joined with another report of the same event';
  }
}
