import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isWirewatchError } from '../../src/errors.js';
import { decodeFeedBody } from '../../src/feeds/decode-feed-body.js';
import { readPublished } from '../../src/feeds/normalise-stories.js';
import { readFeedDocument } from '../../src/feeds/read-feed.js';
import { canonicaliseLink, deriveStoryId } from '../../src/feeds/story-id.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/feeds');
const SHARED_FEEDS = resolve(import.meta.dirname, '../../../shared/feeds');
const NOW = Date.parse('2026-03-03T12:00:00Z');

function readFixture(name: string) {
  return readFeedDocument(readFileSync(join(FIXTURES, name)), undefined, { feedId: 'frontline', now: NOW });
}

describe('readFeedDocument on our own fixtures', () => {
  it('normalises RSS 2.0: plain-text summary, canonical link, dates, language, duplicates dropped', async () => {
    const doc = await readFixture('frontline-wire.rss');
    expect(doc.ttlSeconds).toBe(15 * 60);
    const [silo, envoys, briefing, future, ...rest] = doc.stories;
    expect(silo).toMatchObject({
      title: 'Drones hit grain silo near river port overnight',
      summary:
        'Regional officials said twelve attack drones were launched; nine were shot down. A storage hall caught fire & two workers were hurt.',
      link: 'https://frontline-wire.example/news/silo-strike?id=7',
      published: '2026-03-03T04:15:00.000Z',
      source: 'Frontline Wire (test fixture)',
      language: 'en',
      feedId: 'frontline',
    });
    expect(silo?.publishedEstimated).toBeUndefined();
    expect(envoys?.summary).toBe('Delegations “will sit at one table” next week, a spokesperson said…');
    expect(envoys?.published).toBe('2026-03-03T04:30:00.000Z');
    expect(briefing).toMatchObject({
      summary: 'Double-escaped markup still reads as text.',
      published: new Date(NOW).toISOString(),
      publishedEstimated: true,
    });
    expect(future).toMatchObject({ published: new Date(NOW).toISOString(), publishedEstimated: true });
    // The repeated guid is dropped; the title-less, link-less item takes its title from its text.
    expect(rest.map((s) => s.title)).toEqual(['An item with neither a title nor a link nor a guid, only this text.']);
    for (const story of doc.stories) expect(story.id).toMatch(/^frontline-[0-9a-f]{24}$/);
  });

  it('normalises Atom, RSS 1.0 and JSON Feed', async () => {
    const atom = await readFixture('frontline-wire.atom');
    expect(atom.stories.map((s) => [s.title, s.summary, s.published])).toEqual([
      ['Power restored to three districts after shelling', 'Repair crews worked through the night.', '2026-03-03T07:45:00.000Z'],
      ['Talks on a prisoner exchange postponed', 'Mediators said a new date would be set.', '2026-03-03T05:10:00.000Z'],
    ]);
    const rdf = await readFixture('frontline-wire.rdf');
    expect(rdf.stories.map((s) => s.link)).toEqual([
      'https://frontline-wire.example/news/bridge-repair',
      'https://frontline-wire.example/news/air-alert',
    ]);
    const json = await readFixture('frontline-wire.json');
    expect(json.stories).toHaveLength(1);
    expect(json.stories[0]).toMatchObject({ summary: 'Forty trucks carried food and medicine.', language: 'en' });
  });

  it('refuses an HTML page with feed_unparseable', async () => {
    await expect(readFixture('not-a-feed.html')).rejects.toMatchObject({ code: 'feed_unparseable' });
    await expect(readFeedDocument(Buffer.from('just words'), undefined, { feedId: 'x', now: NOW })).rejects.toMatchObject({
      code: 'feed_unparseable',
    });
    await expect(
      readFeedDocument(Buffer.from('<rss version="2.0"><channel><item>'), undefined, { feedId: 'x', now: NOW }),
    ).rejects.toMatchObject({
      code: 'feed_unparseable',
    });
    await expect(readFeedDocument(Buffer.from('{"hello": 1}'), undefined, { feedId: 'x', now: NOW })).rejects.toMatchObject({
      code: 'feed_unparseable',
    });
  });

  it('decodes windows-1251 and koi8-r from Content-Type or the XML prolog', async () => {
    const xml = (encoding: string) =>
      `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>Стрічка</title><item><title>Удар дронів по Одесі</title><guid>c-1</guid><description>Пошкоджено склад</description></item></channel></rss>`;
    const cp1251 = iconv.encode(xml('windows-1251'), 'windows-1251');
    const fromProlog = await readFeedDocument(cp1251, undefined, { feedId: 'cyr', now: NOW });
    expect(fromProlog.stories[0]).toMatchObject({ title: 'Удар дронів по Одесі', summary: 'Пошкоджено склад', source: 'Стрічка' });
    // The header wins over a prolog that claims UTF-8.
    const russian =
      '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><item><title>Переговоры в Стамбуле</title><guid>r-1</guid></item></channel></rss>';
    const fromHeader = await readFeedDocument(iconv.encode(russian, 'koi8-r'), 'application/rss+xml; charset=KOI8-R', {
      feedId: 'cyr',
      now: NOW,
    });
    expect(fromHeader.stories[0]?.title).toBe('Переговоры в Стамбуле');
  });

  it('falls back to windows-1252 for undeclared bytes that are not UTF-8', () => {
    expect(decodeFeedBody(Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x93, 0x3c]))).toBe('<a>é“<');
    expect(decodeFeedBody(Buffer.from('<a>é</a>', 'utf8'))).toBe('<a>é</a>');
    expect(decodeFeedBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<x/>')]))).toBe('<x/>');
  });
});

describe('story ids', () => {
  it('are stable, colon-free, and prefer guid, then canonical link, then title + date', () => {
    const byGuid = deriveStoryId('kyiv', { guid: 'abc', link: 'https://a.example/1' });
    expect(byGuid).toBe(deriveStoryId('kyiv', { guid: 'abc', link: 'https://a.example/other' }));
    expect(byGuid).not.toBe(deriveStoryId('odesa', { guid: 'abc' }));
    expect(deriveStoryId('kyiv', { link: 'https://a.example/1?utm_source=x#top' })).toBe(
      deriveStoryId('kyiv', { link: 'https://A.example/1' }),
    );
    expect(deriveStoryId('kyiv', { title: 'T', date: '2026-01-01' })).not.toBe(deriveStoryId('kyiv', { title: 'T', date: '2026-01-02' }));
    expect(deriveStoryId('kyiv', {})).toBeUndefined();
    expect(byGuid).not.toContain(':');
  });

  it('canonical links drop tracking parameters and fragments and refuse non-http schemes', () => {
    expect(canonicaliseLink('https://x.example/a?utm_medium=rss&b=2&fbclid=z#frag')).toBe('https://x.example/a?b=2');
    expect(canonicaliseLink('/news/1', 'https://x.example/feed')).toBe('https://x.example/news/1');
    expect(canonicaliseLink('javascript:alert(1)')).toBeUndefined();
  });

  it('dates: missing, unreadable and future dates become now, flagged', () => {
    expect(readPublished(undefined, NOW)).toEqual({ iso: new Date(NOW).toISOString(), estimated: true });
    expect(readPublished('not a date', NOW).estimated).toBe(true);
    expect(readPublished('2099-01-01T00:00:00Z', NOW).estimated).toBe(true);
    expect(readPublished('2026-03-03T11:00:00Z', NOW)).toEqual({ iso: '2026-03-03T11:00:00.000Z', estimated: false });
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

const sharedFiles = existsSync(SHARED_FEEDS) ? listFiles(SHARED_FEEDS).filter((f) => !/(SOURCE|README|LICENSE)[^/]*$/i.test(f)) : [];

describe.skipIf(sharedFiles.length === 0)('every file in ../shared/feeds', () => {
  it.each(sharedFiles.map((f) => [f.slice(SHARED_FEEDS.length + 1), f]))(
    '%s parses into sensible stories or fails with a coded error',
    async (_name, path) => {
      try {
        const doc = await readFeedDocument(readFileSync(path), undefined, { feedId: 'shared', now: NOW });
        for (const story of doc.stories) {
          expect(story.id).toMatch(/^shared-[0-9a-f]{24}$/);
          expect(story.title.length).toBeGreaterThan(0);
          expect(story.summary).not.toMatch(/<\/?(p|div|br|img|a)\b/i);
          expect(story.title).not.toContain('\uFFFD');
          expect(Number.isNaN(Date.parse(story.published))).toBe(false);
          if (story.link) expect(story.link).toMatch(/^https?:\/\//);
        }
      } catch (error) {
        expect(isWirewatchError(error), String(error)).toBe(true);
      }
    },
  );

  it('unrecognized.rss is an HTML page: feed_unparseable', async () => {
    const path = sharedFiles.find((f) => f.endsWith('unrecognized.rss'));
    if (!path) return;
    await expect(readFeedDocument(readFileSync(path), undefined, { feedId: 'shared', now: NOW })).rejects.toMatchObject({
      code: 'feed_unparseable',
    });
  });

  it.each(['encoding.rss', 'uolNoticias.rss'])('%s (ISO-8859-1) keeps its accented letters', async (name) => {
    const path = sharedFiles.find((f) => f.endsWith(name));
    if (!path) return;
    const doc = await readFeedDocument(readFileSync(path), undefined, { feedId: 'shared', now: NOW });
    const text = doc.stories.map((s) => `${s.title} ${s.summary}`).join(' ');
    expect(doc.stories.length).toBeGreaterThan(0);
    expect(text).not.toContain('\uFFFD');
    expect(text).not.toMatch(/Ã[£¡©³§]/); // UTF-8 read as Latin-1
    expect(text).toMatch(/[áéíóúãõçâêô]/);
  });
});
