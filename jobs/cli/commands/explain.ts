import { analyzeStory } from '../../../src/classify/analyze-story.js';
import type { StoryInput } from '../../../src/domain/index.js';
import { WirewatchError } from '../../../src/errors.js';
import { readFeedDocument } from '../../../src/feeds/read-feed.js';
import type { CliCommand, CliIo } from '../command.js';
import { writeLine } from '../command.js';
import { explainAnalysis } from '../explain-text.js';
import { isFeedUrl, loadFeedInput } from '../feed-input.js';
import { explainDropped } from '../explain-dropped.js';
import { parseStoryLine } from '../story-lines.js';

/**
 * `wirewatch explain <file|->`: why each story was or was not alerted. The file may be one JSON
 * story, JSON Lines stories (e.g. the output of `wirewatch parse <feed-url>`), or a saved
 * RSS/Atom feed, or a feed URL (fetched with the poller's safe fetch); `-` reads standard input.
 */
export const explainCommand: CliCommand = {
  name: ['explain'],
  summary: 'why a story was or was not alerted, human-readable',
  description:
    'Runs the same analysis as the pipeline on a story (JSON with title and summary; id optional), JSON Lines, a feed file or a feed URL, ' +
    'and prints the kinds, places, facts and severity with the evidence for each, or why a label was not given. ' +
    '`-` reads standard input. With --dropped it reads Redis instead: the newest stories the running pipeline dropped.',
  usage: '<story.json|stories.jsonl|feed.xml|feed-url|->\n       wirewatch explain --dropped [--limit N]',
  options: { dropped: { type: 'boolean' }, limit: { type: 'string' } },
  optionHelp: {
    dropped: { description: 'why the newest stories the running pipeline dropped were not alerted (reads Redis)', default: 'off' },
    limit: { description: 'how many dropped stories to show, 1 to 500', default: '10', value: 'N' },
  },
  examples: [
    `echo '{"title":"Drones hit Kharkiv","summary":"Three people were injured."}' | wirewatch explain -`,
    'wirewatch explain --dropped --limit 5',
  ],
  positionals: { min: 0, max: 1 },
  async run(args, io) {
    if (args.values.dropped === true) return explainDropped(args, io);
    const input = args.positionals[0];
    if (input === undefined) throw new WirewatchError('cli_usage', 'explain needs a story file, a feed file or URL, `-`, or --dropped');
    const stories = await readStories(input, io);
    stories.forEach((story, i) => {
      if (i > 0) writeLine(io.stdout, '');
      writeLine(io.stdout, explainAnalysis(story, analyzeStory(story)));
    });
    return 0;
  },
};

async function readStories(input: string, io: CliIo): Promise<StoryInput[]> {
  const loaded = input === '-' ? undefined : await loadFeedInput(input, undefined, io);
  const bytes = loaded?.bytes ?? (await readAll(io.stdin));
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (isFeedUrl(input) || text.trimStart().startsWith('<')) {
    const doc = await readFeedDocument(bytes, loaded?.contentType, {
      feedId: loaded?.feedId ?? 'explain',
      source: loaded?.source,
      baseUrl: loaded?.baseUrl,
      now: Date.now(),
    });
    return doc.stories.map((s) => ({ id: s.id, title: s.title, summary: s.summary }));
  }
  // One pretty-printed JSON story, else JSON Lines.
  try {
    return [parseStoryLine(text.trim(), 1, { idless: true })];
  } catch {
    return text.split('\n').flatMap((line, i) => (line.trim().length === 0 ? [] : [parseStoryLine(line, i + 1, { idless: true })]));
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
