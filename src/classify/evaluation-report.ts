import { KINDS } from '../domain/index.js';
import type { EvaluationReport, Score } from './evaluate.js';

/** A readable evaluation report for the terminal. */
export function formatEvaluationReport(report: EvaluationReport, source: string): string {
  const lines = [
    `Evaluation on ${source} (${report.items} items)`,
    '',
    `${'label'.padEnd(14)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   tp  fp  fn`,
  ];
  for (const kind of KINDS) lines.push(row(kind, report.kinds[kind]));
  lines.push(row('strike-region', report.regions));
  for (const kind of KINDS) {
    const score = report.kinds[kind];
    lines.push('', `${kind}: false positives (${score.falsePositives.length})`, ...list(score.falsePositives));
    lines.push(`${kind}: false negatives (${score.falseNegatives.length})`, ...list(score.falseNegatives));
  }
  lines.push('', `strike regions: items with misses (${report.regions.misses.length})`);
  for (const miss of report.regions.misses) {
    lines.push(`  ${miss.id}  missing [${miss.missing.join(', ')}]  extra [${miss.extra.join(', ')}]`);
  }
  return lines.join('\n');
}

function row(label: string, s: Score): string {
  const f = (n: number) => n.toFixed(3).padStart(6);
  return `${label.padEnd(14)} ${f(s.precision)} ${f(s.recall)} ${f(s.f1)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`;
}

function list(ids: readonly string[]): string[] {
  return ids.length === 0 ? ['  (none)'] : ids.map((id) => `  ${id}`);
}
