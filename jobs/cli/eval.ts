import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import { evaluatePredictions } from '../../src/classify/evaluate.js';
import { formatEvaluationReport } from '../../src/classify/evaluation-report.js';
import { parseLabelledCorpus } from '../../src/classify/labelled-corpus.js';
import { describeError } from '../../src/errors.js';
import { runClusterEval } from './eval-clusters.js';

// `npm run eval -- [file.jsonl] [--json]`: scores analyzeStory on a labelled corpus.
const DEFAULT_CORPUS = '../shared/corpus/dev.jsonl';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, clusters: { type: 'boolean' }, cv: { type: 'boolean' }, ablate: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (values.clusters === true)
    return runClusterEval(positionals[0], { json: values.json === true, cv: values.cv === true, ablate: values.ablate === true });
  const file = positionals[0] ?? DEFAULT_CORPUS;
  const gold = parseLabelledCorpus(await readFile(file, 'utf8'));
  const predicted = gold.map((item) => {
    const analysis = analyzeStory(item);
    return { id: item.id, kinds: analysis.kinds, regions: analysis.regions.map((r) => r.code) };
  });
  const report = evaluatePredictions(gold, predicted);
  process.stdout.write(`${values.json === true ? JSON.stringify(report) : formatEvaluationReport(report, file)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${describeError(error)}\n`);
    process.exitCode = 1;
  },
);
