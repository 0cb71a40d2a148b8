import { decodeHTML } from 'entities';

/**
 * Feed summaries arrive as HTML fragments (often escaped twice, often with tracking pixels and
 * "The post … appeared first on …" footers). Everything downstream — classification, alerts,
 * lookups — wants plain text, so this is the one place that turns one into the other.
 */

export interface HtmlToTextOptions {
  /** Longest result in characters; longer text is cut at a word boundary and ends with `…`. */
  maxLength?: number;
}

const DROPPED_ELEMENTS = /<(script|style|noscript|template|iframe|svg|object|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
// Block-level boundaries become spaces so "<p>Kyiv</p><p>Odesa</p>" does not read "KyivOdesa".
const BLOCK_BOUNDARY =
  /<\/?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|figure|figcaption|header|footer|hr)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-zA-Z][^>]*>|<![^>]*>/g;
// Zero-width and control characters that only ever hurt matching and display, and the bidi
// embedding/override/isolate controls (U+202A–202E, U+2066–2069) that let a headline display
// reversed ("…gnissim" for "missing") in a chat client: feed text never needs them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
/** Markup rarely outweighs text 16 to 1; beyond that, a huge summary is cut before any regex runs. */
const RAW_PER_TEXT_CHAR = 16;

// Whitespace that collapsing would change: anything but a plain space, or a space before more.
const UNCOLLAPSED = /[^\S ]| \s/;

/** Strips tags, decodes entities, collapses whitespace and bounds the length. */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  let text = options.maxLength === undefined ? html : boundRawHtml(html, options.maxLength * RAW_PER_TEXT_CHAR);
  text = text.replace(CDATA, '$1').replace(COMMENTS, ' ').replace(DROPPED_ELEMENTS, ' ');
  text = text.replace(BLOCK_BOUNDARY, ' ').replace(ANY_TAG, '');
  // The full HTML5 table, numeric references (invalid ones become U+FFFD) and the legacy names
  // browsers accept without a semicolon; an unknown name is left as written.
  text = decodeHTML(text);
  // Double-escaped feeds (`&lt;p&gt;`) only reveal their tags after the first decode.
  if (/<\/?[a-zA-Z][^>]*>/.test(text)) text = text.replace(BLOCK_BOUNDARY, ' ').replace(ANY_TAG, '');
  text = collapseWhitespace(text.replace(INVISIBLE, ''));
  return options.maxLength === undefined ? text : truncateText(text, options.maxLength);
}

/** Cuts raw HTML at `limit` characters, dropping a tag or entity the cut left open. */
function boundRawHtml(html: string, limit: number): string {
  if (html.length <= limit) return html;
  return html.slice(0, limit).replace(/<[^>]*$|&[#a-zA-Z0-9]*$/, '');
}

export function collapseWhitespace(text: string): string {
  // Most feed text has only single plain spaces; then the replace would return it unchanged.
  if (!UNCOLLAPSED.test(text)) return text.trim();
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts at the last word boundary that fits and appends `…`; never splits a surrogate pair. */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  if (maxLength <= 1) return '…'.slice(0, maxLength);
  let cut = text.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > maxLength * 0.6) cut = cut.slice(0, lastSpace);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,;:.-]+$/, '')}…`;
}
