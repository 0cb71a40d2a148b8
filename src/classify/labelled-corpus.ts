import { z } from 'zod';
import { WirewatchError } from '../errors.js';
import type { LabelledItem } from './evaluate.js';

/** One line of a labelled corpus (../shared/corpus/dev.jsonl): a story plus its gold labels. */
export interface LabelledStory extends LabelledItem {
  title: string;
  summary: string;
  /** Kept for grouping one event's stories into one cross-validation fold. */
  published?: string | undefined;
  event?: string | undefined;
}

const LINE = z.object({
  id: z.string().min(1),
  title: z.string(),
  summary: z.string().optional().default(''),
  kinds: z.array(z.enum(['strike', 'negotiation'])),
  regions: z.array(z.string()).optional().default([]),
  published: z.string().optional(),
  event: z.string().optional(),
});

/** Parses JSON Lines text; a bad line is an `input_invalid` error naming its line number. */
export function parseLabelledCorpus(text: string): LabelledStory[] {
  const items: LabelledStory[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim().length === 0) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (cause) {
      throw new WirewatchError('input_invalid', `line ${i + 1}: not JSON`, { cause });
    }
    const parsed = LINE.safeParse(raw);
    if (!parsed.success)
      throw new WirewatchError(
        'input_invalid',
        `line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
    items.push(parsed.data);
  });
  return items;
}
