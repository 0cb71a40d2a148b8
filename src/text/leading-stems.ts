import { topLevelAlternatives } from './match-all.js';

/**
 * Literal word starts that every match of a regular-expression source contains: one set per
 * alternative, taken from the most selective part of it that must match at a word start —
 * `(special|peace) envoys?` → ['special', 'peace'], `(swap|exchange)s? of (prisoners|bodies)` →
 * ['swap', 'exchange'], `de-?escalation (talks|deal)` → ['talks', 'deal']. A speed gate built from
 * them (`anyWordStem`) passes every text the pattern can match, so a gate derived this way can
 * never silently disable a rule. Undefined when some alternative has no such literal (it starts
 * with `\w`, `[ld]` or `.` and nothing after is certain) — such a pattern cannot be gated.
 */
export function leadingStems(source: string): string[] | undefined {
  const stems = alternativesStems(source);
  return stems === undefined ? undefined : [...new Set(stems)];
}

const BOUNDARY = '\u00a7';
// Past four letters a stem is rare enough; fewer stems are then worth more than longer ones.
const ENOUGH = 4;

type Element = { kind: 'lit'; text: string } | Quantified;
type Quantified = { kind: 'group'; body: string; optional: boolean } | { kind: 'other'; optional: boolean };

function alternativesStems(body: string): string[] | undefined {
  const out: string[] = [];
  for (const alternative of topLevelAlternatives(body)) {
    const stems = sequenceStems(parseSequence(alternative));
    if (stems === undefined) return undefined;
    out.push(...stems);
  }
  return out;
}

/** The best stem set of a sequence: the mandatory element at a word start whose shortest stem is longest. */
function sequenceStems(elements: readonly Element[]): string[] | undefined {
  let best: string[] | undefined;
  // Rank: shortest stem (in letters, capped), then fewer stems, then the longer shortest stem.
  const rank = (stems: readonly string[]): [number, number, number] => {
    const shortest = Math.min(...stems.map((s) => s.replace(/[^a-z0-9]/g, '').length));
    return [Math.min(ENOUGH, shortest), -stems.length, shortest];
  };
  const better = (stems: string[] | undefined): void => {
    if (stems === undefined || stems.length === 0) return;
    if (best === undefined) {
      best = stems;
      return;
    }
    const [a, b] = [rank(stems), rank(best)];
    if (a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2])))) best = stems;
  };
  const first = elements[0];
  if (first === undefined) return undefined;
  // An optional start: a match begins either with it or with what follows it.
  if (isOptional(first)) {
    const own = elementStems(first);
    const rest = sequenceStems(elements.slice(1));
    if (own !== undefined && rest !== undefined && endsWithSpace(first)) better([...own, ...rest]);
  } else better(elementStems(first));
  for (let k = 1; k < elements.length; k++) {
    const element = elements[k];
    if (element === undefined || isOptional(element)) continue;
    // A literal opening with a space starts its own word: "(labour|general) strikes?" → "strike".
    const ownWord = element.kind === 'lit' && /^[ \u00a7]+[^ \u00a7]/.test(element.text);
    if (!ownWord && !startsWord(elements, k)) continue;
    better(elementStems(element));
  }
  return best;
}

function elementStems(element: Element): string[] | undefined {
  if (element.kind === 'lit') {
    const text = element.text.replace(/^[ \u00a7-]+/, '').replace(/\u00a7.*$/, '');
    return text === '' ? undefined : [text];
  }
  return element.kind === 'group' ? alternativesStems(element.body) : undefined;
}

/** Whether element k always starts a word: after a literal ending in a space or hyphen, skipping optional groups that end in one. */
function startsWord(elements: readonly Element[], k: number): boolean {
  for (let j = k - 1; j >= 0; j--) {
    const previous = elements[j];
    if (previous === undefined) return false;
    if (previous.kind === 'lit') return /[ \u00a7-]$/.test(previous.text);
    if (!isOptional(previous) || !endsWithSpace(previous)) return false;
  }
  return true;
}

const isOptional = (e: Element): boolean => e.kind !== 'lit' && e.optional;
const endsWithSpace = (e: Element): boolean => (e.kind === 'lit' ? /[ \u00a7]$/.test(e.text) : e.kind === 'group' && e.body.endsWith(' '));

function parseSequence(sequence: string): Element[] {
  const out: Element[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal !== '') out.push({ kind: 'lit', text: literal });
    literal = '';
  };
  for (let i = 0; i < sequence.length;) {
    const c = sequence.charAt(i);
    // A word boundary is kept as a marker: what follows it starts a word.
    if (c === '\\' && sequence.charAt(i + 1) === 'b') {
      literal += BOUNDARY;
      i += 2;
      continue;
    }
    let end: number;
    let element: Quantified;
    if (c === '(') {
      end = matchingParen(sequence, i) + 1;
      const inner = sequence.slice(i + 1, end - 1);
      // A look-around consumes nothing: it neither helps nor breaks the sequence.
      if (/^\?<?[=!]/.test(inner)) {
        i = end;
        continue;
      }
      element = { kind: 'group', body: inner.replace(/^\?:/, ''), optional: false };
    } else if (c === '[' || c === '.' || (c === '\\' && /[a-zA-Z]/.test(sequence.charAt(i + 1)))) {
      end = c === '[' ? sequence.indexOf(']', i) + 1 : i + (c === '.' ? 1 : 2);
      element = { kind: 'other', optional: false };
    } else if (c === '^' || c === '$') {
      i++;
      continue;
    } else {
      const char = c === '\\' ? sequence.charAt(i + 1) : c;
      end = i + (c === '\\' ? 2 : 1);
      const quantified = /^[?*{]/.test(sequence.slice(end));
      if (!quantified && !/^[+]/.test(sequence.slice(end))) {
        literal += char;
        i = end;
        continue;
      }
      element = { kind: 'other', optional: quantified && !/^\{[1-9]/.test(sequence.slice(end)) };
    }
    const quantifier = /^(\?|\*|\+|\{(\d*)(,\d*)?\})\??/.exec(sequence.slice(end));
    if (quantifier !== null) {
      const optional = quantifier[1] === '?' || quantifier[1] === '*' || quantifier[2] === '0';
      element.optional = optional;
      end += quantifier[0].length;
    }
    flush();
    out.push(element);
    i = end;
  }
  flush();
  return out;
}

/** The index of the `)` closing the group that opens at `from`. */
export function matchingParen(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === '\\') i++;
    else if (c === '[') while (i < s.length && s.charAt(i) !== ']') i += s.charAt(i) === '\\' ? 2 : 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return s.length - 1;
}
