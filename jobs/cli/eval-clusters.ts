import { readFile } from 'node:fs/promises';
import { ablateWeights, crossValidate } from '../../src/cluster/cross-validate.js';
import { evaluateClustering, formatClusterReport, parseClusterSet, prepareStories } from '../../src/cluster/evaluate-clustering.js';
import { createMatchPolicy } from '../../src/cluster/match-policy.js';
import { configSchema } from '../../src/config/index.js';

// `npm run eval -- --clusters [file.jsonl] [--cv] [--json]`: incident clustering on real
// multi-outlet coverage; `--cv` adds leave-one-event-out cross-validation of the pair weights,
// `--ablate` the figures with each weight left out.
export const DEFAULT_CLUSTER_SET = '../shared/corpus/clusters-dev.jsonl';

export async function runClusterEval(
  file: string | undefined,
  options: { json: boolean; cv: boolean; ablate: boolean },
  onFold?: (done: number, total: number) => void,
): Promise<number> {
  const path = file ?? DEFAULT_CLUSTER_SET;
  const stories = parseClusterSet(await readFile(path, 'utf8'));
  const policy = createMatchPolicy(configSchema.parse({}).incidents);
  // The clock only stands in for missing dates; the set's dates are all in the past.
  const now = Date.now();
  const report = await evaluateClustering(stories, policy, now);
  const prepared = options.cv || options.ablate ? prepareStories(stories, now) : [];
  const cv = options.cv ? await crossValidate(prepared, policy, now, undefined, onFold) : undefined;
  const ablation = options.ablate ? await ablateWeights(prepared, policy, now) : undefined;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...report, crossValidation: cv, ablation })}\n`);
    return 0;
  }
  process.stdout.write(`${formatClusterReport(report, path)}\n`);
  const pct = (x: number) => x.toFixed(3);
  if (ablation) {
    const lines = [
      '',
      'each weight left out in turn (0 instead of the shipped value):',
      '',
      '| weight | shipped | pair P without | pair R without |',
      '| --- | --- | --- | --- |',
    ];
    for (const a of ablation.ablations) lines.push(`| ${a.weight} | ${a.value} | ${pct(a.without.precision)} | ${pct(a.without.recall)} |`);
    lines.push(`| (none) | | ${pct(ablation.shipped.precision)} | ${pct(ablation.shipped.recall)} |`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (cv) {
    const lines = ['', 'leave-one-event-out cross-validation (weights chosen without the held-out event):', ''];
    lines.push('| held-out event | pair P | pair R | chosen |', '| --- | --- | --- | --- |');
    for (const f of cv.folds)
      lines.push(`| ${f.event} | ${pct(f.pairs.precision)} | ${pct(f.pairs.recall)} | ${JSON.stringify(f.chosen)} |`);
    lines.push(
      `| **all folds** | **${pct(cv.pairs.precision)}** | **${pct(cv.pairs.recall)}** | chosen on all: ${JSON.stringify(cv.chosen)} |`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return 0;
}
