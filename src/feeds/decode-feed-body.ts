import iconv from 'iconv-lite';

/**
 * Bytes → text with the charset the publisher meant. Order: a byte-order mark; the charset of
 * Content-Type; the XML prolog's encoding (a declared UTF-8 wins even over a bad byte); else UTF-8 when the bytes are valid UTF-8 and
 * windows-1252 when they are not (feeds without any declaration are, in practice, Latin-1).
 * ISO-8859-1 is decoded as windows-1252, as browsers do: publishers who say Latin-1 mean it,
 * and its 0x80–0x9F range carries their curly quotes and dashes.
 */
export function decodeFeedBody(bytes: Buffer, contentType?: string): string {
  const bom = detectBom(bytes);
  if (bom) return iconv.decode(bytes.subarray(bom.length), bom.charset);
  const declared = charsetFromContentType(contentType) ?? charsetFromXmlProlog(bytes);
  const charset = declared === undefined ? undefined : normaliseCharset(declared);
  if (charset && charset !== 'utf-8' && iconv.encodingExists(charset)) return iconv.decode(bytes, charset);
  // A publisher that declares UTF-8 means it: one bad byte becomes U+FFFD where it stands
  // instead of re-reading the whole feed as windows-1252 and garbling every valid Cyrillic word.
  if (charset === 'utf-8') return lenientUtf8.decode(bytes);
  // Undeclared or unknown: trust UTF-8 only if the bytes agree.
  const utf8 = tryDecodeUtf8(bytes);
  return utf8 ?? iconv.decode(bytes, 'windows-1252');
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1];
}

export function charsetFromXmlProlog(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 512).toString('latin1');
  const match = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match?.[1];
}

function normaliseCharset(label: string): string {
  const lower = label.trim().toLowerCase();
  if (lower === 'utf8' || lower === 'utf-8' || lower === 'unicode-1-1-utf-8') return 'utf-8';
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'iso_8859-1'].includes(lower))
    return 'windows-1252';
  return lower;
}

function detectBom(bytes: Buffer): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

function tryDecodeUtf8(bytes: Buffer): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}
