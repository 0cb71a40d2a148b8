import { Agent, request, type Dispatcher } from 'undici';
import { isWirewatchError, WirewatchError } from '../errors.js';
import { assertPublicHost, guardedLookup } from './address-guard.js';
import { readMaxAgeSeconds } from './cache-hints.js';
import { readCappedBody } from './read-capped-body.js';

/**
 * Our own HTTP for feeds (rss-parser's fetching has no conditional GET, no byte cap and a
 * timeout that leaves the socket open). One fetcher per process; its dispatcher pools sockets.
 */
export interface FeedFetcherOptions {
  allowPrivateNetworks: boolean;
  connectTimeoutMs: number;
  /** Whole exchange: every redirect hop, headers and body. The socket is destroyed when it fires. */
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  maxRedirects?: number;
  /** Injected for tests and benchmarks; by default an undici Agent with the SSRF-guarded lookup. */
  dispatcher?: Dispatcher;
}

/** Validators from the last 200, sent back so an unchanged feed costs a 304. */
export interface ConditionalHeaders {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export type FetchResult =
  | { kind: 'unchanged'; url: string; status: 304; maxAgeSeconds: number | undefined }
  | {
      kind: 'fetched';
      url: string;
      status: number;
      body: Buffer;
      contentType: string | undefined;
      etag: string | undefined;
      lastModified: string | undefined;
      maxAgeSeconds: number | undefined;
    };

export interface FeedFetcher {
  fetchFeed(url: string, conditional?: ConditionalHeaders): Promise<FetchResult>;
  close(): Promise<void>;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
export const DEFAULT_MAX_REDIRECTS = 5;

export function createFeedFetcher(options: FeedFetcherOptions): FeedFetcher {
  const dispatcher = options.dispatcher ?? createFeedDispatcher(options);
  return {
    fetchFeed: (url, conditional = {}) => fetchWithDeadline(url, conditional, options, dispatcher),
    close: () => (options.dispatcher ? Promise.resolve() : dispatcher.close()),
  };
}

/** The connect hook is where the SSRF guard sees the IP that is actually connected to. */
export function createFeedDispatcher(
  options: Pick<FeedFetcherOptions, 'allowPrivateNetworks' | 'connectTimeoutMs' | 'timeoutMs'>,
): Dispatcher {
  return new Agent({
    connect: { timeout: options.connectTimeoutMs, ...(options.allowPrivateNetworks ? {} : { lookup: guardedLookup }) },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    keepAliveTimeout: 10_000,
  });
}

async function fetchWithDeadline(
  url: string,
  conditional: ConditionalHeaders,
  options: FeedFetcherOptions,
  dispatcher: Dispatcher,
): Promise<FetchResult> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new WirewatchError('feed_timeout', `no complete response within ${options.timeoutMs} ms`, { detail: { url } })),
    options.timeoutMs,
  );
  try {
    return await followRedirects(url, conditional, options, dispatcher, controller.signal);
  } catch (error) {
    throw toFeedError(error, controller.signal, url);
  } finally {
    clearTimeout(timer);
  }
}

async function followRedirects(
  url: string,
  conditional: ConditionalHeaders,
  options: FeedFetcherOptions,
  dispatcher: Dispatcher,
  signal: AbortSignal,
): Promise<FetchResult> {
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let current = parseFeedUrl(url);
  for (let hop = 0; ; hop++) {
    if (!options.allowPrivateNetworks) assertPublicHost(current);
    const response = await request(current, { method: 'GET', headers: buildHeaders(options.userAgent, conditional), dispatcher, signal });
    const header = (name: string) => firstHeader(response.headers[name]);
    const location = header('location');
    if (REDIRECT_STATUSES.has(response.statusCode) && location) {
      await discardBody(response.body);
      if (hop >= maxRedirects) {
        throw new WirewatchError('feed_too_many_redirects', `more than ${maxRedirects} redirects, last to ${location}`, {
          detail: { url },
        });
      }
      current = parseFeedUrl(new URL(location, current).href);
      continue;
    }
    const maxAgeSeconds = readMaxAgeSeconds(header('cache-control'));
    if (response.statusCode === 304) {
      await discardBody(response.body);
      return { kind: 'unchanged', url: current.href, status: 304, maxAgeSeconds };
    }
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await discardBody(response.body);
      throw new WirewatchError('feed_http_status', `HTTP ${response.statusCode} from ${current.href}`, {
        detail: { status: response.statusCode, url: current.href, retryAfter: header('retry-after') },
      });
    }
    const body = await readCappedBody(response.body, header('content-encoding'), options.maxBytes);
    return {
      kind: 'fetched',
      url: current.href,
      status: response.statusCode,
      body,
      contentType: header('content-type'),
      etag: header('etag'),
      lastModified: header('last-modified'),
      maxAgeSeconds,
    };
  }
}

function buildHeaders(userAgent: string, conditional: ConditionalHeaders): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  return headers;
}

export function parseFeedUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new WirewatchError('feed_bad_url', `not a URL: ${url}`, { cause: error });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new WirewatchError('feed_bad_url', `only http and https feeds are fetched, not ${parsed.protocol}`, { detail: { url } });
  }
  return parsed;
}

/** Reads a small leftover body so the socket can be reused; a large one just closes it. */
async function discardBody(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024 });
  } catch {
    // Nothing to keep from a body we are throwing away.
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** Maps whatever undici, DNS or the stream threw onto one coded error; the original is the cause. */
function toFeedError(error: unknown, signal: AbortSignal, url: string): WirewatchError {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isWirewatchError(e)) return e;
  }
  if (signal.aborted && isWirewatchError(signal.reason)) return signal.reason;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TIMEOUT_CODES.has(code)) {
    return new WirewatchError('feed_timeout', `${code} fetching ${url}`, { cause: error, detail: { url } });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new WirewatchError('feed_network', `${typeof code === 'string' ? `${code}: ` : ''}${message}`, { cause: error, detail: { url } });
}
