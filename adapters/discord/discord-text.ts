// Inline markdown anywhere in a line: bold/italic, underline, strikethrough, code, spoilers and
// masked-link brackets. Discord drops a backslash before any punctuation, so escaping is lossless.
const INLINE_MARK = /[\\*_~`|[\]]/g;
// Headings, quotes, lists and subtext only mean something at the start of a line.
const LINE_START_MARK = /^([ \t]*)(#{1,3} |>|-#|[-+] )/gm;
// A backslash before a digit would show, so a numbered list loses its meaning at the dot.
const NUMBERED = /^([ \t]*\d+)\.(?= )/gm;
// Mentions, channel links, custom emoji, slash-command links and timestamps all start with '<'
// followed by one of these; a backslash before the '<' makes Discord show the text literally.
const MENTION_START = /<(?=[@#:/]|a:|t:)/g;
// allowed_mentions already stops the ping; the zero-width space stops the highlight as well.
const BROADCAST = /@(everyone|here)/gi;

/**
 * Feed text made safe for Discord markdown: no formatting, no mention syntax. Hand-written,
 * not discord.js's escapeMarkdown: that one takes time quadratic in the length (a third of a
 * second for a 16,000-character summary), and this runs on every field of every alert.
 */
export function escapeDiscordText(text: string): string {
  return text
    .replace(INLINE_MARK, '\\$&')
    .replace(LINE_START_MARK, '$1\\$2')
    .replace(NUMBERED, '$1\\.')
    .replace(MENTION_START, '\\<')
    .replace(BROADCAST, '@\u200b$1');
}

/**
 * Cuts already-escaped text to `limit` characters (Discord counts after trimming), ending in an
 * ellipsis, never leaving half a surrogate pair or a dangling escape backslash behind.
 */
export function truncateText(text: string, limit: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= limit) return trimmed;
  if (limit <= 0) return '';
  let cut = trimmed.slice(0, limit - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const backslashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (backslashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Escapes then truncates: the usual path for feed text. Escaping only lengthens text, so only
 * the first `limit + 1` characters need it (the one extra keeps the ellipsis honest).
 */
export function fitText(text: string, limit: number): string {
  return truncateText(escapeDiscordText(text.trim().slice(0, limit + 1)), limit);
}

/** An http(s) link safe to put in an embed url or a masked link, or undefined. */
export function safeLink(link: string): string | undefined {
  try {
    const url = new URL(link.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // Parentheses would end a masked link early; the URL class leaves them unencoded.
    const href = url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
    return href.length <= 2048 ? href : undefined;
  } catch {
    return undefined;
  }
}
