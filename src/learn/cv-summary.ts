import { evaluatePredictions, type EvaluationReport, type LabelledItem } from '../classify/evaluate.js';
import { KINDS, type Kind } from '../domain/index.js';
import type { CrossValidation, ScoredItem } from './cross-validate.js';

/** Mean ± standard deviation of F1 over folds, per kind and for strike regions. */
export interface FoldFigures {
  strike: { mean: number; std: number };
  negotiation: { mean: number; std: number };
  region: { mean: number; std: number };
}

export function summarizeFolds(reports: readonly EvaluationReport[]): FoldFigures {
  const stat = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
    return { mean: round(mean), std: round(std) };
  };
  return {
    strike: stat(reports.map((r) => r.kinds.strike.f1)),
    negotiation: stat(reports.map((r) => r.kinds.negotiation.f1)),
    region: stat(reports.map((r) => r.regions.f1)),
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function formatFoldFigures(label: string, f: FoldFigures): string {
  const cell = (s: { mean: number; std: number }) => `${s.mean.toFixed(3)} ± ${s.std.toFixed(3)}`;
  return `${label.padEnd(22)} strike ${cell(f.strike)}   negotiation ${cell(f.negotiation)}   region ${cell(f.region)}`;
}

/** Pooled out-of-fold report over the items whose id passes `keep` (e.g. dev only). */
export function pooledReport(
  gold: readonly LabelledItem[],
  cv: CrossValidation,
  keep: (id: string) => boolean = () => true,
): EvaluationReport {
  return evaluatePredictions(
    gold.filter((g) => keep(g.id)),
    cv.items.filter((i) => keep(i.id)),
  );
}

/** Gold × predicted counts per kind: the confusion table of the pooled folds. */
export function formatConfusion(gold: readonly LabelledItem[], items: readonly ScoredItem[]): string {
  const byId = new Map(items.map((i) => [i.id, i]));
  const lines = ['confusion (rows gold, columns predicted)', `${''.padEnd(14)} ${'yes'.padStart(6)} ${'no'.padStart(6)}`];
  for (const kind of KINDS) {
    const cells = { yy: 0, yn: 0, ny: 0, nn: 0 };
    for (const g of gold) {
      const want = g.kinds.includes(kind);
      const got = byId.get(g.id)?.kinds.includes(kind) ?? false;
      if (want && got) cells.yy += 1;
      else if (want) cells.yn += 1;
      else if (got) cells.ny += 1;
      else cells.nn += 1;
    }
    lines.push(`${`${kind} yes`.padEnd(14)} ${String(cells.yy).padStart(6)} ${String(cells.yn).padStart(6)}`);
    lines.push(`${`${kind} no`.padEnd(14)} ${String(cells.ny).padStart(6)} ${String(cells.nn).padStart(6)}`);
  }
  return lines.join('\n');
}

/** The most confident mistakes per kind: false positives with the highest probability, misses with the lowest. */
export function formatWorstMisses(
  gold: readonly (LabelledItem & { title: string })[],
  items: readonly ScoredItem[],
  count: number,
): string {
  const byId = new Map(items.map((i) => [i.id, i]));
  const lines: string[] = [];
  for (const kind of KINDS) {
    const wrong = gold
      .map((g) => ({ g, s: byId.get(g.id) }))
      .filter(({ g, s }) => s !== undefined && g.kinds.includes(kind) !== s.kinds.includes(kind))
      .map(({ g, s }) => ({ g, p: s?.probability[kind] ?? 0, miss: g.kinds.includes(kind) }))
      .sort((a, b) => distance(b, kind) - distance(a, kind) || a.g.id.localeCompare(b.g.id));
    lines.push(`${kind}: worst misses (${wrong.length} wrong)`);
    for (const w of wrong.slice(0, count))
      lines.push(`  ${w.miss ? 'missed' : 'false+'} p=${w.p.toFixed(3)}  ${w.g.id}  ${w.g.title.slice(0, 90)}`);
  }
  return lines.join('\n');
}

function distance(w: { p: number; miss: boolean }, _kind: Kind): number {
  return w.miss ? 1 - w.p : w.p;
}
