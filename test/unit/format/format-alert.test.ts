import { describe, expect, it } from 'vitest';
import { formatAlert } from '../../../src/format/format-alert.js';
import { formatIncidentList } from '../../../src/format/format-incident-list.js';
import { formatErrorReply } from '../../../src/format/command-replies.js';
import { WirewatchError } from '../../../src/errors.js';
import { buchaStrike, genevaTalks } from '../../fixtures/alerts/incidents.js';

describe('formatAlert', () => {
  it('states where, what and how many in plain text', () => {
    const alert = formatAlert(buchaStrike());
    expect(alert.where).toBe('Bucha, Kyiv Oblast, Ukraine');
    expect(alert.facts).toEqual([
      { label: 'Weapons', value: '25 Shahed drones (18 shot down), 2 cruise missiles' },
      { label: 'Casualties', value: '18 killed, 40 injured' },
      { label: 'Targets', value: 'energy infrastructure, homes' },
      { label: 'Attack', value: 'by Russia' },
    ]);
    expect(alert.sourceCount).toBe(5);
    // One link per outlet first: the second Northwind copy does not push out another outlet.
    expect(alert.sources.map((s) => s.outlet)).toEqual(['Northwind Wire', 'Daily Ledger', 'Radio Meridian']);
    expect(alert).toMatchObject({ incidentId: 'inc-bucha-night', version: 3, severity: 'high', updated: '2026-11-30T07:41:00.000Z' });
  });

  it('says what changed in this version', () => {
    expect(formatAlert(buchaStrike()).changes).toEqual(['death toll 11 → 18', 'severity medium → high', 'hit: homes', '2 more sources']);
  });

  it('folds every version a channel missed into one span', () => {
    expect(formatAlert(buchaStrike(), { sinceVersion: 1 }).changes).toEqual([
      'death toll 18',
      'severity medium → high',
      'hit: homes',
      '3 more sources',
    ]);
    expect(formatAlert(buchaStrike({ version: 1, history: [] })).changes).toEqual([]);
  });

  it('gives talks their parties, venue, date and status', () => {
    const alert = formatAlert(genevaTalks());
    expect(alert.where).toBe('Geneva');
    expect(alert.facts).toEqual([
      { label: 'Parties', value: 'Ukraine, Russia, United States' },
      { label: 'Venue', value: 'Geneva' },
      { label: 'When', value: 'next Tuesday' },
      { label: 'Status', value: 'scheduled' },
      { label: 'Topics', value: 'energy moratorium' },
    ]);
    expect(alert.changes).toEqual([]);
  });

  it('names several places with their country once, and evidence on request', () => {
    const incident = buchaStrike({
      regions: [
        { code: 'UA-32/bucha', name: 'Bucha' },
        { code: 'UA-63', name: 'Kharkiv Oblast' },
      ],
    });
    const alert = formatAlert(incident, { evidence: [{ kind: 'strike', polarity: 'for', rule: 'weapon-attack', phrase: 'drones hit' }] });
    expect(alert.where).toBe('Bucha, Kyiv Oblast; Kharkiv Oblast (Ukraine)');
    expect(alert.evidence).toEqual(['strike (weapon-attack): “drones hit”']);
  });

  it('keeps feed text as it came: markup is data for the renderers to escape', () => {
    const alert = formatAlert(buchaStrike({ headline: '<!channel> *breaking* <@U123>' }));
    expect(alert.headline).toBe('<!channel> *breaking* <@U123>');
  });
});

describe('formatIncidentList', () => {
  it('lists incidents with severity, place, sources and the alert link when there is one', () => {
    const reply = formatIncidentList([buchaStrike(), genevaTalks()], {
      filters: { regionName: 'Kyiv Oblast', sinceText: '6h' },
      alertLinks: new Map([['inc-bucha-night', 'https://chat.example/m/1']]),
      nextCursor: 'abc',
    });
    expect(reply.title).toBe('Incidents in Kyiv Oblast, last 6h');
    expect(reply.nextCursor).toBe('abc');
    expect(reply.items[0]).toEqual({
      incidentId: 'inc-bucha-night',
      headline: 'Overnight drone attack damages power substation near Bucha',
      kinds: ['strike'],
      severity: 'high',
      where: 'Bucha, Kyiv Oblast, Ukraine',
      firstSeen: '2026-11-30T02:10:00.000Z',
      sourceCount: 5,
      alertLink: 'https://chat.example/m/1',
    });
    expect(reply.items[1]?.alertLink).toBeUndefined();
    expect(formatIncidentList([], { filters: { kind: 'strike' } }).emptyText).toBe('No incidents found (strikes).');
  });
});

describe('formatErrorReply', () => {
  it('keeps a coded error and hides an uncoded one', () => {
    const coded = new WirewatchError('command_invalid', "unknown region 'kyyv'", { detail: { suggestions: ['Kyiv', 'Kyiv Oblast'] } });
    expect(formatErrorReply(coded, { usage: '/subscribe <region>' })).toEqual({
      type: 'error',
      code: 'command_invalid',
      message: "unknown region 'kyyv'",
      usage: '/subscribe <region>',
      suggestions: ['Kyiv', 'Kyiv Oblast'],
    });
    expect(formatErrorReply(new Error('ECONNREFUSED 10.0.0.3')).message).not.toContain('10.0.0.3');
  });
});
