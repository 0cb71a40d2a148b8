import { readFile } from 'node:fs/promises';
import { evaluateClustering, formatClusterReport, parseClusterSet } from '../../src/cluster/evaluate-clustering.js';
import { createMatchPolicy } from '../../src/cluster/match-policy.js';
import { configSchema } from '../../src/config/index.js';

// `npm run eval -- --clusters [file.jsonl] [--json]`: incident clustering on real multi-outlet coverage.
export const DEFAULT_CLUSTER_SET = '../shared/corpus/clusters-dev.jsonl';

export async function runClusterEval(file: string | undefined, json: boolean): Promise<number> {
  const path = file ?? DEFAULT_CLUSTER_SET;
  const stories = parseClusterSet(await readFile(path, 'utf8'));
  // The clock only stands in for missing dates; the set's dates are all in the past.
  const report = evaluateClustering(stories, createMatchPolicy(configSchema.parse({}).incidents), Date.now());
  process.stdout.write(`${json ? JSON.stringify(report) : formatClusterReport(report, path)}\n`);
  return 0;
}
