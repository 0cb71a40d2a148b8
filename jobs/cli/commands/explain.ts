import { readFile } from 'node:fs/promises';
import { analyzeStory } from '../../../src/classify/analyze-story.js';
import type { StoryInput } from '../../../src/domain/index.js';
import { WirewatchError } from '../../../src/errors.js';
import { readFeedDocument } from '../../../src/feeds/read-feed.js';
import type { CliCommand, CliIo } from '../command.js';
import { writeLine } from '../command.js';
import { explainAnalysis } from '../explain-text.js';
import { parseStoryLine } from '../story-lines.js';

/**
 * `wirewatch explain <file|->`: why each story was or was not alerted. The file may be one JSON
 * story, JSON Lines stories (e.g. the output of `wirewatch parse <feed-url>`), or a saved
 * RSS/Atom feed; `-` reads standard input. For a live feed: `wirewatch parse URL | wirewatch explain -`.
 */
export const explainCommand: CliCommand = {
  name: ['explain'],
  summary: 'why a story was or was not alerted, human-readable',
  usage: '<story.json|stories.jsonl|feed.xml|->\n\n  For a feed URL: wirewatch parse <url> | wirewatch explain -',
  options: {},
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const input = args.positionals[0] ?? '-';
    if (/^https?:\/\//i.test(input)) throw new WirewatchError('cli_usage', `explain reads files; for a feed URL run: wirewatch parse ${input} | wirewatch explain -`);
    const stories = await readStories(input, io);
    stories.forEach((story, i) => {
      if (i > 0) writeLine(io.stdout, '');
      writeLine(io.stdout, explainAnalysis(story, analyzeStory(story)));
    });
    return 0;
  },
};

async function readStories(input: string, io: CliIo): Promise<StoryInput[]> {
  const bytes = input === '-' ? await readAll(io.stdin) : await readFile(input).catch((error: NodeJS.ErrnoException) => {
    throw new WirewatchError('input_invalid', `cannot read ${input}: ${error.code ?? error.message}`, { cause: error });
  });
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('<')) {
    const doc = await readFeedDocument(bytes, undefined, { feedId: 'explain', source: undefined, baseUrl: undefined, now: Date.now() });
    return doc.stories.map((s) => ({ id: s.id, title: s.title, summary: s.summary }));
  }
  // One pretty-printed JSON story, else JSON Lines.
  try {
    return [parseStoryLine(text.trim(), 1)];
  } catch {
    return text.split('\n').flatMap((line, i) => (line.trim().length === 0 ? [] : [parseStoryLine(line, i + 1)]));
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
