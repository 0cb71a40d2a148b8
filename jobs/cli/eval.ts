import { parseArgs } from 'node:util';
import { evaluatePredictions } from '../../src/classify/evaluate.js';
import { formatEvaluationReport } from '../../src/classify/evaluation-report.js';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import { describeError } from '../../src/errors.js';
import { DEFAULT_CORPUS_DIR, readCorpusFile } from '../../src/learn/corpus-files.js';
import { pickClassifier, runCrossValidation } from '../../src/learn/cv-evaluation.js';
import { dirname, basename } from 'node:path';
import { runClusterEval } from './eval-clusters.js';
import { createProgress } from './progress.js';

// `npm run eval -- [file.jsonl] [--json] [--classifier rules|model] [--cv K] [--corpus DIR] [--worst N] [--progress]`:
// scores analyzeStory on a labelled corpus (dev.jsonl by default), or cross-validates with --cv;
// `--clusters [file]` scores incident matching instead. Progress goes to stderr at a terminal, or
// anywhere with --progress; stdout carries only the report.
const progressOn = (stage: string, force: boolean) => createProgress(process.stderr, stage, Date.now, force);

async function main(argv: string[]): Promise<number> {
  // `--clusters` has its own flags (its `--cv` is leave-one-event-out, without a fold count).
  if (argv.includes('--clusters')) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean' },
        clusters: { type: 'boolean' },
        cv: { type: 'boolean' },
        ablate: { type: 'boolean' },
        progress: { type: 'boolean' },
      },
      allowPositionals: true,
    });
    const progress = progressOn('held-out events done', values.progress === true);
    try {
      return await runClusterEval(
        positionals[0],
        { json: values.json === true, cv: values.cv === true, ablate: values.ablate === true },
        (done, total) => {
          progress.tick(done, total);
          // The report follows on stdout right away: clear the line first.
          if (done === total) progress.end();
        },
      );
    } finally {
      progress.end();
    }
  }
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean' },
      classifier: { type: 'string' },
      cv: { type: 'string' },
      corpus: { type: 'string' },
      worst: { type: 'string' },
      progress: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  const { name, classifier } = pickClassifier(values.classifier);
  const dir = values.corpus ?? DEFAULT_CORPUS_DIR;
  const progress = progressOn('scored', values.progress === true);
  if (values.cv !== undefined) {
    let report: string;
    try {
      report = runCrossValidation(dir, Number(values.cv), name, Number(values.worst ?? '8'), (stage, done, total) =>
        progress.tick(done, total, stage),
      );
    } finally {
      progress.end();
    }
    process.stdout.write(`${report}\n`);
    return 0;
  }
  const file = positionals[0];
  const gold = (file === undefined ? readCorpusFile(dir, 'dev.jsonl') : readCorpusFile(dirname(file), basename(file))).stories;
  const predicted = gold.map((item, i) => {
    const analysis = analyzeStory(item, classifier);
    progress.tick(i + 1, gold.length);
    return { id: item.id, kinds: analysis.kinds, regions: analysis.regions.map((r) => r.code) };
  });
  progress.end();
  const report = evaluatePredictions(gold, predicted);
  const source = `${file ?? `${dir}/dev.jsonl`} (${name} classifier)`;
  process.stdout.write(`${values.json === true ? JSON.stringify(report) : formatEvaluationReport(report, source)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${describeError(error)}\n`);
    process.exitCode = 1;
  },
);
