/**
 * Every match of a global pattern, like `[...text.matchAll(pattern)]` but several times faster:
 * `matchAll` clones the RegExp and allocates an iterator on each call, which dominated the
 * classifier's cost on short sentences. The pattern's `lastIndex` is left at 0. `from` skips a
 * prefix already known to hold no match (no look-behind may reach back into it).
 */
export function matchesOf(pattern: RegExp, text: string, from = 0): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    out.push(m);
    // An empty match would never advance; step past it as matchAll does.
    if (m[0].length === 0) pattern.lastIndex += 1;
  }
  pattern.lastIndex = 0;
  return out;
}

/**
 * One pattern that matches wherever any of `patterns` would (flags are not carried over: all
 * must be flag-free apart from `g`). A test of the union lets most texts skip a table of tests.
 * Sources of the form `\b(…)\b` are merged into one `\b(?:…|…)\b`, which V8 scans about three
 * times faster than an alternation of whole groups. No source may use back-references.
 */
export function unionOf(patterns: readonly RegExp[]): RegExp {
  const words = patterns.map((p) => wordGroupBody(p.source));
  if (words.every((w): w is string => w !== undefined)) return new RegExp(`\\b(?:${words.join('|')})\\b`);
  return new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'));
}

/** The body of a `\b(…)\b` source whose first group spans the whole of it, else undefined. */
function wordGroupBody(source: string): string | undefined {
  if (!source.startsWith('\\b(') || !source.endsWith(')\\b') || source.endsWith('\\)\\b')) return undefined;
  let depth = 0;
  for (let i = 2; i < source.length - 2; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0 && i !== source.length - 3) return undefined;
  }
  return depth === 0 ? source.slice(3, -3) : undefined;
}

/**
 * The same pattern with every plain group made non-capturing. For rules that only read the
 * whole match, this spares the engine saving group positions while it backtracks through large
 * alternations (about a third of the cost of the widest cue lists). Sources must not use
 * back-references, which would lose their group.
 */
export function withoutCaptures(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      let j = i + 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j;
    } else out += c === '(' && source[i + 1] !== '?' ? '(?:' : c;
  }
  return out;
}

/**
 * A pattern that finds any of the plain-text `stems` anywhere, grouped by first letter
 * (`c(?:ease|aptiv)|t(?:ruce|alks)`): the engine then tries one branch per position instead of
 * every stem, about a fifth faster than the flat list.
 */
export function anyStem(stems: readonly string[]): RegExp {
  const byFirst = new Map<string, string[]>();
  for (const stem of stems) {
    const escaped = stem.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    byFirst.set(stem[0] ?? '', [...(byFirst.get(stem[0] ?? '') ?? []), escaped]);
  }
  return new RegExp(
    [...byFirst].map(([first, rests]) => `${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:${rests.join('|')})`).join('|'),
  );
}

/**
 * Like `anyStem`, but each stem must start a word. For gates whose patterns only ever match a
 * stem at a word start this finds the same sentences, and about twice as fast: the engine tries
 * the stem branches only at word boundaries instead of at every letter.
 */
export function anyWordStem(stems: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${anyStem(stems).source})`);
}

/**
 * Which of several stem groups occur at a word start in a text, as a bit mask (bit k for
 * `groups[k]`, at most 31 groups), from one scan: a table of rules each gated by its stems then
 * needs no substring search per rule.
 */
export function wordStemGroups(groups: readonly (readonly string[])[]): (text: string) => number {
  const pattern = new RegExp(anyWordStem(groups.flat()).source, 'g');
  const byFirst = new Map<string, [string, number][]>();
  groups.forEach((stems, k) => {
    for (const stem of stems) byFirst.set(stem.charAt(0), [...(byFirst.get(stem.charAt(0)) ?? []), [stem, 1 << k]]);
  });
  return (text) => {
    let mask = 0;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      // The regex names one stem per place; others may start there too ("strike" and "strik").
      for (const [stem, bit] of byFirst.get(text.charAt(m.index)) ?? []) if (text.startsWith(stem, m.index)) mask |= bit;
      // A later stem may start inside this match ("held off" holds "off"): resume one further on.
      pattern.lastIndex = m.index + 1;
    }
    return mask;
  };
}

/**
 * For a `\b(…)\b` pattern, the literal text each alternative must start with ("hospitals?" →
 * "hospital", "air ?bases?" → "air"), or undefined when some alternative has none. Every match
 * then starts, at a word start, with one of them — what `wordStemGroups` looks for.
 */
export function wordStemsOf(pattern: RegExp): string[] | undefined {
  const body = wordGroupBody(pattern.source);
  if (body === undefined || pattern.flags.includes('i')) return undefined;
  const stems: string[] = [];
  for (const alternative of topLevelAlternatives(body)) {
    let stem = '';
    for (let i = 0; i < alternative.length; i++) {
      const c = alternative.charAt(i);
      const next = alternative.charAt(i + 1);
      if ('\\()[].|^$?*+{'.includes(c) || next === '?' || next === '*' || next === '{') break;
      stem += c;
    }
    if (stem === '') return undefined;
    stems.push(stem);
  }
  return stems;
}

/** The top-level alternatives of a regular-expression source (groups and classes kept whole). */
export function topLevelAlternatives(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      while (i < body.length && body[i] !== ']') i += body[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(body.slice(from, i));
      from = i + 1;
    }
  }
  out.push(body.slice(from));
  return out;
}
