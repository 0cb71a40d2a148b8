import { createInterface } from 'node:readline';
import { analyzeStory } from '../../../src/classify/analyze-story.js';
import { createMatchPolicy } from '../../../src/cluster/match-policy.js';
import { configSchema } from '../../../src/config/index.js';
import type { Analysis, StoryInput } from '../../../src/domain/index.js';
import { describeError, isWirewatchError } from '../../../src/errors.js';
import { createIncidentAssigner } from '../../../src/pipeline/assign-incidents.js';
import type { CliCommand } from '../command.js';
import { writeLine } from '../command.js';
import { createProgress } from '../progress.js';
import { idOfLine, parseStoryLine } from '../story-lines.js';

/** One output line of `wirewatch analyze` (DESIGN.md §4). */
export interface AnalyzeRecord extends Analysis {
  id: string;
  incident: string;
}

/**
 * Chooses the incident a story belongs to. Until in-memory clustering is wired in, each story
 * is its own incident; the clustering step replaces this function, not the command.
 */
export type AssignIncident = (story: StoryInput, analysis: Analysis) => string;
export const ownIncident: AssignIncident = (story) => story.id;

export function toAnalyzeRecord(story: StoryInput, analysis: Analysis, incident: string): AnalyzeRecord {
  const { kinds, regions, severity, facts, evidence } = analysis;
  return { id: story.id, kinds, regions, incident, severity, facts, evidence };
}

/**
 * Reads JSON Lines stories and writes one JSON line per input line, in order. A bad line gets an
 * error object in its place (`{"id", "line", "error": {"code", "message"}}`) so output stays
 * aligned with input, the same coded error goes to stderr, and the exit code is 1 at the end.
 * Blank lines are skipped without output.
 */
export const analyzeCommand: CliCommand = {
  name: ['analyze'],
  summary: 'classify JSON Lines stories from stdin; one JSON line out per story',
  description:
    'Reads JSON Lines stories ({"id","title","summary","published","source","link"}; summary may hold HTML) on standard input, runs the ' +
    'same classification, extraction and clustering as the pipeline in memory, in input order, and prints one JSON line per story: ' +
    'id, kinds, regions, incident, severity, facts, evidence. No network, no Redis.',
  usage: '< stories.jsonl',
  options: {},
  optionHelp: {},
  examples: ['wirewatch analyze < stories.jsonl > labels.jsonl'],
  async run(_args, io) {
    // In-memory clustering in input order with the default windows (no config, no Redis).
    const assigner = createIncidentAssigner(createMatchPolicy(configSchema.parse({}).incidents), Date.now());
    // Output waits for the end of input: a later report can merge two incidents, and every line
    // must then name the survivor.
    const out: (AnalyzeRecord | string)[] = [];
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
    let lineNumber = 0;
    let failed = 0;
    const progress = createProgress(io.stderr, 'analyzed');
    for await (const line of lines) {
      lineNumber += 1;
      progress.tick(lineNumber);
      if (line.trim().length === 0) continue;
      try {
        const story = parseStoryLine(line, lineNumber);
        const analysis = analyzeStory(story);
        out.push(toAnalyzeRecord(story, analysis, await assigner.assign(story, analysis)));
      } catch (error) {
        if (!isWirewatchError(error, 'input_invalid')) throw error;
        failed += 1;
        out.push(JSON.stringify({ id: idOfLine(line), line: lineNumber, error: { code: error.code, message: error.message } }));
        writeLine(io.stderr, describeError(error));
      }
    }
    progress.end();
    for (const record of out) {
      writeLine(
        io.stdout,
        typeof record === 'string' ? record : JSON.stringify({ ...record, incident: await assigner.resolve(record.incident) }),
      );
    }
    return failed > 0 ? 1 : 0;
  },
};
