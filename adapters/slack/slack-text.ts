/**
 * Text helpers for Slack. Feed text goes into `plain_text` objects wherever Block Kit allows
 * it, because mrkdwn has no way to escape `*`, `_` or `~`; where mrkdwn is unavoidable (the
 * fallback `text`, our own labels) `&`, `<` and `>` are escaped, which is what makes
 * `<!channel>`, `<!here>`, `<@U…>` and `<!subteam^…>` impossible to inject.
 */
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji: boolean;
}

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  verbatim: boolean;
}

/** Feed text as plain text: `emoji: false` so ":fire:" in a headline stays words, not markup. */
export function plain(text: string, max: number): PlainText {
  return { type: 'plain_text', text: truncate(text, max) || ' ', emoji: false };
}

/** Our own mrkdwn; `verbatim` stops Slack from turning bare names or URLs into links. */
export function mrkdwn(text: string): MrkdwnText {
  return { type: 'mrkdwn', text, verbatim: true };
}

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped, then cut so the escaped form fits `max` without splitting an entity or an emoji. */
export function fitMrkdwn(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    const piece = escapeMrkdwn(char);
    if (out.length + piece.length > max - 1) return `${out}…`;
    out += piece;
  }
  return out;
}

/**
 * At most `max` UTF-16 units (Slack counts characters; UTF-16 units are never fewer), cut at a
 * code point so no emoji or RTL mark is split, with an ellipsis to say something was cut.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out}…`;
}

/** Only http(s) links become buttons; anything else (javascript:, mailto:, garbage) is dropped. */
export function safeLink(link: string, max: number): string | undefined {
  try {
    const url = new URL(link);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href.length <= max ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Slack's date token: every reader sees the time in their own time zone; the fallback is UTC.
 * Returns '' for a value that is not a date, so a bad timestamp never breaks the message.
 */
export function slackDate(iso: string, label: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const fallback = `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  // Slack's token takes only seconds after 1970.
  if (ms < 0) return `${label} ${fallback}`;
  return `<!date^${Math.floor(ms / 1000)}^${label} {date_short_pretty} {time}|${label} ${fallback}>`;
}
