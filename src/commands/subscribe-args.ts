import { KINDS, SEVERITIES, type Kind, type RegionRef, type Severity } from '../domain/index.js';
import { WirewatchError } from '../errors.js';
import { resolveRegionQuery } from '../geo/index.js';
import { kindsOfWord } from './kind-words.js';
import { suggestRegions } from './suggest-regions.js';

export const SUBSCRIBE_USAGE = '/subscribe <region> [strikes|talks|both] [low|medium|high|critical]';
export const UNSUBSCRIBE_USAGE = '/unsubscribe <region>|all [strikes|talks]';

/** What `/subscribe` asks for, validated: a known region, at least one kind, a severity floor. */
export interface SubscribeRequest {
  region: RegionRef;
  kinds: Kind[];
  minSeverity: Severity;
}

/** The same request as separate options (CLI flags, a platform's typed command options). */
export interface SubscribeOptions {
  region?: string;
  kind?: string;
  minSeverity?: string;
}

const SEVERITY_OPTION = /^(?:min|min-severity|severity)[=:](.*)$/i;
const KIND_OPTION = /^kinds?[=:](.*)$/i;

/**
 * Reads `/subscribe` words in any order: a kind word, a severity (`high`, `high+`,
 * `min=high`), and the region in the remaining words ("kyiv oblast", "UA-32", "Bucha").
 * A word that is neither, left after a known region, is reported as a bad kind or severity
 * rather than as an unknown place.
 */
export function parseSubscribeArgs(text: string): SubscribeRequest {
  const options: SubscribeOptions = {};
  const placeWords: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const lower = word.toLowerCase();
    const severityOption = SEVERITY_OPTION.exec(word)?.[1];
    const kindOption = KIND_OPTION.exec(word)?.[1];
    if (kindsOfWord(lower) || kindOption !== undefined) setOnce(options, 'kind', kindOption ?? lower, 'kind');
    else if (isSeverity(lower.replace(/\+$/, '')) || severityOption !== undefined)
      setOnce(options, 'minSeverity', severityOption ?? lower.replace(/\+$/, ''), 'severity');
    else placeWords.push(word);
  }
  if (placeWords.length === 0) throw invalid('say which region to follow, e.g. /subscribe Kharkiv Oblast strikes', SUBSCRIBE_USAGE);
  const region = resolveRegionQuery(placeWords.join(' '));
  if (!region) {
    // "Kyiv Oblast bombings": the place is fine, the last word is a kind we do not know.
    for (let cut = placeWords.length - 1; cut >= 1; cut--) {
      if (resolveRegionQuery(placeWords.slice(0, cut).join(' '))) {
        const extra = placeWords.slice(cut).join(' ');
        throw new WirewatchError(
          'command_invalid',
          `'${extra}' is not a kind (strikes, talks, both) or a severity (${SEVERITIES.join(', ')})`,
          {
            detail: { usage: SUBSCRIBE_USAGE, suggestions: describeSuggestions(placeWords.join(' ')) },
          },
        );
      }
    }
  }
  return validateSubscribeOptions({ ...options, region: placeWords.join(' ') });
}

/** Checks each option and names the one that is wrong; the kind defaults to both, severity to low. */
export function validateSubscribeOptions(options: SubscribeOptions): SubscribeRequest {
  return {
    region: resolveRegionOrThrow(options.region ?? ''),
    kinds: parseKinds(options.kind),
    minSeverity: parseSeverity(options.minSeverity),
  };
}

export function resolveRegionOrThrow(query: string, usage = SUBSCRIBE_USAGE): RegionRef {
  if (query.trim() === '') throw invalid('a region is required: a country, an oblast/krai, a city or a code such as UA-32', usage);
  const region = resolveRegionQuery(query);
  if (region) return { code: region.code, name: region.name };
  throw new WirewatchError(
    'command_invalid',
    `unknown region '${query.trim()}': try a country, an oblast/krai, a city or a code such as UA-32`,
    {
      detail: { usage, suggestions: describeSuggestions(query) },
    },
  );
}

function describeSuggestions(query: string): string[] {
  return suggestRegions(query).map((place) => `${place.name} (${place.code})`);
}

export function parseKinds(text: string | undefined): Kind[] {
  if (text === undefined || text.trim() === '') return [...KINDS];
  const kinds = kindsOfWord(text);
  if (!kinds) throw invalid(`unknown kind '${text}': use strikes, talks or both`, SUBSCRIBE_USAGE);
  return [...kinds];
}

export function parseSeverity(text: string | undefined): Severity {
  if (text === undefined || text.trim() === '') return 'low';
  const severity = text.trim().toLowerCase().replace(/\+$/, '');
  if (!isSeverity(severity)) throw invalid(`unknown severity '${text}': use ${SEVERITIES.join(', ')}`, SUBSCRIBE_USAGE);
  return severity;
}

function isSeverity(word: string): word is Severity {
  return (SEVERITIES as readonly string[]).includes(word);
}

function setOnce(options: SubscribeOptions, key: 'kind' | 'minSeverity', value: string, label: string): void {
  const before = options[key];
  if (before !== undefined && before !== value) throw invalid(`give one ${label} (got '${before}' and '${value}')`, SUBSCRIBE_USAGE);
  options[key] = value;
}

export function invalid(message: string, usage: string): WirewatchError {
  return new WirewatchError('command_invalid', message, { detail: { usage } });
}
