import { createHash } from 'node:crypto';
import { KINDS, type Kind } from '../domain/index.js';
import { encodeWeights, type KindModelFile, type LoadedModel, type ModelFile } from '../classify/model/linear-model.js';

/** The weights file as `npm run train` writes it: stable key order, so equal models give equal bytes. */
export function buildModelFile(model: LoadedModel, training: Record<string, unknown>): ModelFile {
  const kinds = {} as Record<Kind, KindModelFile>;
  for (const kind of KINDS) {
    const k = model.kinds[kind];
    kinds[kind] = { ...encodeWeights(k.weights), platt: k.platt, threshold: k.threshold };
  }
  const body = { version: 1 as const, featureSet: model.featureSet, dimensionBits: model.dimensionBits, kinds, training };
  return { ...body, contentHash: hashModelBody(body) };
}

export function hashModelBody(body: Omit<ModelFile, 'contentHash'>): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

export function serializeModelFile(file: ModelFile): string {
  return `${JSON.stringify(file)}\n`;
}
