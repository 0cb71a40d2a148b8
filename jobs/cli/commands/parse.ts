import { describeError, isWirewatchError } from '../../../src/errors.js';
import { readFeedDocument } from '../../../src/feeds/read-feed.js';
import type { CliCommand } from '../command.js';
import { writeLine } from '../command.js';
import { loadFeedInput } from '../feed-input.js';

const EXIT_BAD_INPUT = 2;

/** `wirewatch parse <file|url>`: the stories of one feed, one JSON object per line. */
export const parseCommand: CliCommand = {
  name: ['parse'],
  summary: 'print the normalised stories of one feed as JSON Lines',
  description:
    'Reads one RSS, Atom, RDF or JSON Feed from a file or URL (fetched with the poller’s safe fetch) and prints its stories as the pipeline sees them. ' +
    'Anything that is not a feed exits 2 with one coded line on stderr.',
  usage: '<file|url> [--feed-id ID]',
  options: { 'feed-id': { type: 'string' } },
  optionHelp: {
    'feed-id': {
      description: 'feed id used in story ids',
      default: 'the configured feed with that URL, else from the file or host name',
      value: 'ID',
    },
  },
  examples: ['wirewatch parse https://kyivindependent.com/feed/ | head -3'],
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const input = args.positionals[0]!;
    const requestedId = typeof args.values['feed-id'] === 'string' ? args.values['feed-id'] : undefined;
    // `wirewatch parse feed.xml | head` closes the pipe early; that is not an error worth a stack trace.
    let pipeClosed = false;
    io.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      pipeClosed = true;
    });
    try {
      const { bytes, contentType, feedId, source, baseUrl } = await loadFeedInput(input, requestedId, io);
      const doc = await readFeedDocument(bytes, contentType, { feedId, source, baseUrl, now: Date.now() });
      for (const story of doc.stories) {
        if (pipeClosed) break;
        writeLine(io.stdout, JSON.stringify(story));
      }
      return 0;
    } catch (error) {
      if (!isWirewatchError(error) || !isInputProblem(error.code)) throw error;
      writeLine(io.stderr, describeError(error).split('\n')[0]!);
      return EXIT_BAD_INPUT;
    }
  },
};

function isInputProblem(code: string): boolean {
  return code.startsWith('feed_') || code === 'input_invalid';
}
