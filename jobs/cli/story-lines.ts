import { z } from 'zod';
import type { StoryInput } from '../../src/domain/index.js';
import { WirewatchError } from '../../src/errors.js';

/** The `analyze` input line (DESIGN.md §4); unknown fields are ignored, HTML summaries allowed. */
const STORY_LINE = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  title: z.string(),
  summary: z.string().nullish(),
  published: z.string().nullish(),
  source: z.string().nullish(),
  link: z.string().nullish(),
});

/**
 * Parses one JSON line into a story, or throws `input_invalid` naming the line number. `explain`
 * is for a person pasting a story, so it may leave out `id` (`idless: true` names it `story-<line>`);
 * `analyze` output is matched up by id, so there it is required.
 */
export function parseStoryLine(line: string, lineNumber: number, options: { idless?: boolean } = {}): StoryInput {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (cause) {
    throw new WirewatchError('input_invalid', `line ${lineNumber}: not valid JSON`, { cause, detail: { line: lineNumber } });
  }
  if (options.idless && typeof raw === 'object' && raw !== null && !('id' in raw)) raw = { ...raw, id: `story-${lineNumber}` };
  const parsed = STORY_LINE.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`).join('; ');
    throw new WirewatchError('input_invalid', `line ${lineNumber}: ${problems}`, { detail: { line: lineNumber } });
  }
  const { id, title, summary, published, source, link } = parsed.data;
  const story: StoryInput = { id, title };
  if (summary != null) story.summary = summary;
  if (published != null) story.published = published;
  if (source != null) story.source = source;
  if (link != null) story.link = link;
  return story;
}

/** The id of a line that failed validation, when it has one, so error lines can be matched up. */
export function idOfLine(line: string): string | null {
  try {
    const raw = JSON.parse(line) as { id?: unknown };
    return typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : null;
  } catch {
    return null;
  }
}
