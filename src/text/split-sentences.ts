// A full stop ends a sentence unless it closes a known abbreviation or an initial ("U.S.").
const ABBREVIATION =
  /(?:\b(?:mr|mrs|ms|dr|st|gen|col|lt|maj|sgt|prof|sen|rep|gov|no|vs|approx|jan|feb|mar|apr|aug|sept?|oct|nov|dec)|\b[A-Z]|\b[A-Z]\.[A-Z])\.$/i;
// A stop, then maybe a closing quote or bracket (straight or typographic), then space and a capital.
const BOUNDARY = /[.!?]+["'\u201d\u2019)\]]?\s+(?=["'(\u201c\u2018]?[A-Z0-9\u0400-\u04ff])/g;

/**
 * Splits running text into sentences: the one splitter behind classification (sentence by
 * sentence) and alert summaries (the first sentences of a report).
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(text); match !== null; match = BOUNDARY.exec(text)) {
    const end = match.index + match[0].trimEnd().length;
    const candidate = text.slice(start, end);
    // Only the last word can be an abbreviation; testing the tail keeps this linear.
    if (ABBREVIATION.test(candidate.trimEnd().slice(-12))) continue;
    if (candidate.trim().length > 0) out.push(candidate.trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest.length > 0) out.push(rest);
  return out;
}
