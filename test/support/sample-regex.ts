import { matchingParen } from '../../src/text/leading-stems.js';
import { topLevelAlternatives } from '../../src/text/match-all.js';

/**
 * The shortest plain text a regular-expression source matches, taking the first branch of every
 * alternation: `s-[34]00s?` → "s-300", `(swap|exchange)s? of (prisoners|pows)` → "swap of
 * prisoners". Tests use it to give every surface form of a vocabulary an example; it knows the
 * syntax our lexicons use (groups, classes, ?, *, +, {n,m}, \b, \w, \S, \d, \s, .).
 */
export function sampleOf(source: string): string {
  return tidy(sampleAlternatives(source));
}

/**
 * Texts that together take every branch of every alternation and both sides of every optional
 * group, at most `cap` of them: "black sea (grain|initiative)" → "black sea grain", "black sea
 * initiative".
 */
export function samplesOf(source: string, cap = 64): string[] {
  return [...new Set(variants(source, cap).map(tidy))];
}

const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim();

function variants(body: string, cap: number): string[] {
  return alternativesOf(body)
    .flatMap((alternative) => sequenceVariants(alternative, cap))
    .slice(0, cap);
}

function sequenceVariants(sequence: string, cap: number): string[] {
  let out = [''];
  for (let i = 0; i < sequence.length;) {
    const c = sequence.charAt(i);
    let options: string[];
    let end: number;
    if (c === '(') {
      end = matchingParen(sequence, i) + 1;
      const inner = sequence.slice(i + 1, end - 1);
      options = /^\?<?[=!]/.test(inner) ? [''] : variants(inner.replace(/^\?:/, ''), cap);
    } else {
      const one = sampleSequence(sequence.slice(i, (end = pieceEnd(sequence, i))));
      options = [one];
    }
    const quantifier = /^(\?|\*|\{0(,\d*)?\})\??/.exec(sequence.slice(end));
    if (quantifier !== null && c === '(') {
      options = ['', ...options];
      end += quantifier[0].length;
    }
    out = out.flatMap((head) => options.map((option) => head + option)).slice(0, cap);
    i = end;
  }
  return out;
}

/** The end of one non-group piece with its quantifier, so sampleSequence treats it alone. */
function pieceEnd(sequence: string, i: number): number {
  const c = sequence.charAt(i);
  let end = c === '[' ? sequence.indexOf(']', i) + 1 : c === '\\' ? i + 2 : i + 1;
  const quantifier = /^(\?|\*|\+|\{(\d+)(,\d*)?\})\??/.exec(sequence.slice(end));
  if (quantifier !== null) end += quantifier[0].length;
  return end;
}

function sampleAlternatives(body: string): string {
  return sampleSequence(firstAlternative(body));
}

function sampleSequence(sequence: string): string {
  let out = '';
  for (let i = 0; i < sequence.length;) {
    const c = sequence.charAt(i);
    let piece: string;
    let end: number;
    if (c === '(') {
      end = matchingParen(sequence, i) + 1;
      const inner = sequence.slice(i + 1, end - 1);
      piece = /^\?<?[=!]/.test(inner) ? '' : sampleAlternatives(inner.replace(/^\?:/, ''));
    } else if (c === '[') {
      end = sequence.indexOf(']', i) + 1;
      piece = sequence.charAt(i + 1) === '\\' ? sequence.charAt(i + 2) : sequence.charAt(i + 1);
    } else if (c === '\\') {
      const next = sequence.charAt(i + 1);
      end = i + 2;
      piece = { b: ' ', d: '1', w: 'x', S: 'x', s: ' ' }[next] ?? next;
    } else if (c === '.') {
      end = i + 1;
      piece = ' ';
    } else if (c === '^' || c === '$') {
      i += 1;
      continue;
    } else {
      end = i + 1;
      piece = c;
    }
    const quantifier = /^(\?|\*|\+|\{(\d+)(,\d*)?\})\??/.exec(sequence.slice(end));
    if (quantifier !== null) {
      const min = quantifier[1] === '+' ? 1 : quantifier[2] !== undefined ? Number(quantifier[2]) : 0;
      // A wildcard run stands for at least a space, so the words around it stay apart.
      piece = min === 0 ? (c === '.' ? ' ' : '') : piece.repeat(min);
      end += quantifier[0].length;
    }
    out += piece;
    i = end;
  }
  return out;
}

/** Every top-level alternative of a source. */
export const alternativesOf = topLevelAlternatives;

function firstAlternative(body: string): string {
  return alternativesOf(body)[0] ?? '';
}
