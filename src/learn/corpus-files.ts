import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabelledCorpus, type LabelledStory } from '../classify/labelled-corpus.js';
import { WirewatchError } from '../errors.js';

/** The labelled corpora beside the project (../shared/corpus); only train + dev may be learned from. */
export const DEFAULT_CORPUS_DIR = '../shared/corpus';
export const TRAINING_FILES = ['train.jsonl', 'dev.jsonl'];
/** The final fit adds recent.jsonl, after the model was chosen and scored on it without it. */
export const FINAL_FIT_FILES = [...TRAINING_FILES, 'recent.jsonl'];

export function readCorpusFile(dir: string, name: string): { stories: LabelledStory[]; text: string } {
  const file = join(dir, name);
  if (!existsSync(file))
    throw new WirewatchError('input_missing', `no labelled corpus at ${file} (it lives outside the project; pass --corpus DIR or a file)`);
  const text = readFileSync(file, 'utf8');
  return { stories: parseLabelledCorpus(text), text };
}

/** train + dev (or `names`), and a hash of their bytes that the weights file records. */
export function readTrainingCorpus(
  dir: string,
  names: readonly string[] = TRAINING_FILES,
): { stories: LabelledStory[]; inputsHash: string } {
  const hash = createHash('sha256');
  const stories: LabelledStory[] = [];
  for (const name of names) {
    const { stories: s, text } = readCorpusFile(dir, name);
    hash.update(name).update('\0').update(text).update('\0');
    stories.push(...s);
  }
  return { stories, inputsHash: hash.digest('hex') };
}
