import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import { RULES_CLASSIFIER } from '../../src/classify/classifier.js';
import type { LabelledStory } from '../../src/classify/labelled-corpus.js';
import { MODEL_FILE, type LoadedModel } from '../../src/classify/model/linear-model.js';
import { createModelClassifier } from '../../src/classify/model/model-classifier.js';
import { fitModel, prepareItems } from '../../src/learn/cross-validate.js';
import { FINAL_FIT_FILES, readTrainingCorpus } from '../../src/learn/corpus-files.js';
import { buildModelFile, hashModelBody, serializeModelFile } from '../../src/learn/model-file.js';
import { DEFAULT_TRAIN_OPTIONS } from '../../src/learn/train-logistic.js';
import { REPO_ROOT } from '../support/cli.js';

const WEIGHTS = resolve(REPO_ROOT, 'src/classify/model/data/weights.generated.json');
const CORPUS = resolve(REPO_ROOT, '../shared/corpus');

// Stories written for this test; enough for a model to learn something and for a re-run to differ
// if training were not deterministic.
const STRIKES = [
  'Drones hit a power station in Kharkiv overnight',
  'Missile strike on Odesa port kills two',
  'Shelling damages homes in Kherson',
];
const TALKS = [
  'Envoys meet in Geneva for ceasefire talks',
  'Russia and Ukraine swap 90 prisoners of war',
  'Leaders discuss a truce by phone',
];
const OTHER = ['Teachers go on strike over pay', 'Football club signs a new striker', 'Parliament debates the budget'];
const STORIES: LabelledStory[] = [...STRIKES, ...TALKS, ...OTHER].flatMap((title, i) =>
  [0, 1, 2].map((copy) => ({
    id: `own-${i}-${copy}`,
    title: copy === 0 ? title : `${title}, officials say (${copy})`,
    summary: '',
    published: `2026-01-${String(10 + i).padStart(2, '0')}`,
    kinds: i < 3 ? ['strike'] : i < 6 ? ['negotiation'] : [],
    regions: [],
  })),
);

function trainSmall(seed: number): string {
  const items = prepareItems(STORIES);
  const folds = STORIES.map((_, i) => i % 3);
  const options = { ...DEFAULT_TRAIN_OPTIONS, dimensionBits: 12, seed };
  const model = fitModel(
    items,
    'rules+ngrams+layout',
    folds,
    STORIES.map((_, i) => i),
    options,
  );
  return serializeModelFile(buildModelFile(model, { seed }));
}

describe('the committed weights', () => {
  const raw = JSON.parse(readFileSync(WEIGHTS, 'utf8')) as unknown;
  const file = MODEL_FILE.parse(raw);

  it('fit the 5 MB budget', () => expect(statSync(WEIGHTS).size).toBeLessThanOrEqual(5 * 1024 * 1024));

  it('carry the content hash npm run train recorded (no hand edits)', () => {
    const { contentHash, ...body } = file;
    expect(hashModelBody(body)).toBe(contentHash);
  });

  it.skipIf(!existsSync(CORPUS))('were trained from the train + dev + recent files now in ../shared/corpus', () => {
    expect(file.training.inputsHash).toBe(readTrainingCorpus(CORPUS, FINAL_FIT_FILES).inputsHash);
  });
});

describe('training', () => {
  it('gives the same bytes for the same inputs and seed, other bytes for another seed', () => {
    const first = trainSmall(7);
    expect(trainSmall(7)).toBe(first);
    expect(trainSmall(8)).not.toBe(first);
  });

  it('learns the kinds of the stories it was given', () => {
    const items = prepareItems(STORIES);
    const model = fitModel(
      items,
      'ngrams-only',
      STORIES.map((_, i) => i % 3),
      STORIES.map((_, i) => i),
      {
        ...DEFAULT_TRAIN_OPTIONS,
        dimensionBits: 12,
        learningRate: 0.5,
      },
    );
    const classifier = createModelClassifier(model);
    const strike = analyzeStory({ title: 'Drones hit a power station in Kharkiv overnight' }, classifier);
    expect(strike.scores?.strike.probability).toBeGreaterThan(strike.scores?.negotiation.probability ?? 1);
  });
});

/** A model that says yes to everything: only the vetoes can refuse. */
function alwaysYes(): LoadedModel {
  const kind = { weights: new Float64Array(1 << 8), platt: { a: 1, b: 10 }, threshold: 0.5 };
  return { featureSet: 'rules+ngrams', dimensionBits: 8, kinds: { strike: kind, negotiation: { ...kind } } };
}

describe('the classifier seam', () => {
  it('lets the rules alone decide when asked', () => {
    const a = analyzeStory({ title: 'Parliament debates the budget' }, RULES_CLASSIFIER);
    expect(a.kinds).toEqual([]);
    expect(a.scores?.strike).toEqual({ probability: 0, threshold: 0.5 });
  });

  it('keeps the hard vetoes: a labour strike or lightning is never a strike', () => {
    const classifier = createModelClassifier(alwaysYes());
    expect(analyzeStory({ title: 'Dock workers go on strike at the port of Odesa' }, classifier).kinds).toEqual(['negotiation']);
    expect(analyzeStory({ title: 'Lightning strikes a church in Lviv' }, classifier).kinds).toEqual(['negotiation']);
    expect(analyzeStory({ title: 'A quiet day in Lviv' }, classifier).kinds).toEqual(['strike', 'negotiation']);
  });

  it('lists the probability, the threshold and the features behind a label', () => {
    const a = analyzeStory({ title: 'Russian missiles hit an apartment block in Dnipro, killing three' });
    expect(a.kinds).toContain('strike');
    const strike = a.evidence.filter((e) => e.kind === 'strike');
    expect(strike.find((e) => e.rule === 'model.probability')?.phrase).toMatch(/^0\.\d{3} ≥ threshold 0\.\d{3}$/);
    expect(strike.filter((e) => e.rule === 'model.feature').length).toBeGreaterThan(0);
  });
});

describe('npm run eval', () => {
  it('says clearly, with a code, when the default corpus is missing', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'jobs/cli/eval.ts', '--corpus', '/nonexistent/corpus'], { cwd: REPO_ROOT });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => done({ code, stderr }));
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^input_missing: no labelled corpus at \/nonexistent\/corpus\/dev\.jsonl/);
  });
});
