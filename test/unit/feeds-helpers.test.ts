import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/index.js';
import { DEFAULT_FEEDS, listFeedSources } from '../../src/feeds/feed-list.js';
import { isBlockedAddress } from '../../src/feeds/address-guard.js';
import { chooseDelaySeconds, readMaxAgeSeconds, readTtlSeconds } from '../../src/feeds/cache-hints.js';
import { htmlToText, truncateText } from '../../src/text/html-to-text.js';

describe('htmlToText', () => {
  it('strips tags, scripts and comments, keeps block boundaries as spaces', () => {
    expect(htmlToText('<p>Kyiv</p><p>Odesa<br/>Lviv</p><script>var x = "<p>";</script><!-- c --><style>p{}</style>')).toBe(
      'Kyiv Odesa Lviv',
    );
    expect(htmlToText('<a href="/x">three</a> drones <img src="p.gif">')).toBe('three drones');
  });

  it('decodes named, decimal and hex entities; leaves unknown names alone', () => {
    expect(htmlToText('Caf&eacute; &amp; bar &#8212; &#x41;&nbsp;B &bogus; &lt;tag&gt;')).toBe('Café & bar — A B &bogus;');
  });

  it('decodes the whole HTML5 table, not only Latin-1: Slavic place names survive', () => {
    expect(htmlToText('&Ccaron;ernihiv and &Zcaron;ytomyr &rarr; Bia&lstrok;ystok')).toBe('Černihiv and Žytomyr → Białystok');
    // Windows-1252 numeric references, as old CMSes write them, are the punctuation they meant.
    expect(htmlToText('Kyiv &#150; Odesa &#147;talks&#148;')).toBe('Kyiv – Odesa “talks”');
  });

  it('collapses whitespace and removes zero-width characters', () => {
    expect(htmlToText('  one\n\n\ttwo\u200B three  ')).toBe('one two three');
  });

  it('bounds the length at a word boundary', () => {
    const text = htmlToText('<p>alpha beta gamma delta epsilon</p>', { maxLength: 20 });
    expect(text).toBe('alpha beta gamma…');
    expect(text.length).toBeLessThanOrEqual(20);
    expect(truncateText('short', 20)).toBe('short');
  });
});

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00:ec2::254',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a9fe:a9fe',
    'not-an-ip',
  ])('blocks %s', (address) => expect(isBlockedAddress(address)).toBe(true));
  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) =>
    expect(isBlockedAddress(address)).toBe(false),
  );
});

describe('cache hints', () => {
  it('reads max-age and ttl, and caps them', () => {
    expect(readMaxAgeSeconds('public, max-age=300')).toBe(300);
    expect(readMaxAgeSeconds('no-cache')).toBe(0);
    expect(readMaxAgeSeconds(undefined)).toBeUndefined();
    expect(readTtlSeconds('15')).toBe(900);
    expect(readTtlSeconds('soon')).toBeUndefined();
    expect(chooseDelaySeconds(60, [300, undefined], 900)).toBe(300);
    expect(chooseDelaySeconds(60, [86_400], 900)).toBe(900);
    expect(chooseDelaySeconds(60, [10], 900)).toBe(60);
  });
});

describe('listFeedSources', () => {
  const feedDefaults = configSchema.parse({}).feedDefaults;
  it('uses the built-in wire feeds when none are configured, at the default interval', () => {
    const feeds = listFeedSources({ feeds: undefined, feedDefaults });
    expect(feeds.map((f) => f.id)).toEqual(DEFAULT_FEEDS.map((f) => f.id));
    expect(feeds).toHaveLength(8);
    expect(feeds.every((f) => f.intervalSeconds === 60 && f.url.startsWith('https://'))).toBe(true);
  });
  it('uses only the configured, enabled feeds', () => {
    const config = configSchema.parse({
      feeds: [
        { id: 'a', url: 'https://a.example/rss', intervalSeconds: 30 },
        { id: 'b', url: 'https://b.example/rss', enabled: false },
      ],
    });
    expect(listFeedSources(config)).toEqual([{ id: 'a', url: 'https://a.example/rss', name: 'a', intervalSeconds: 30 }]);
  });
});
