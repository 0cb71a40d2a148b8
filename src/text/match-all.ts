/**
 * Every match of a global pattern, like `[...text.matchAll(pattern)]` but several times faster:
 * `matchAll` clones the RegExp and allocates an iterator on each call, which dominated the
 * classifier's cost on short sentences. The pattern's `lastIndex` is left at 0.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    out.push(m);
    // An empty match would never advance; step past it as matchAll does.
    if (m[0].length === 0) pattern.lastIndex += 1;
  }
  pattern.lastIndex = 0;
  return out;
}
