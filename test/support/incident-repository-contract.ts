import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toIncidentReport } from '../../src/cluster/incident-report.js';
import { createMatchPolicy } from '../../src/cluster/match-policy.js';
import { applyReport, openIncident } from '../../src/cluster/merge-incident.js';
import { bridgeIncidents } from '../../src/cluster/merge-incidents.js';
import type { IncidentReport, IncidentRepository } from '../../src/domain/index.js';
import { NO_PAUSE, recordReport, type RecordOutcome } from '../../src/pipeline/record-report.js';
import { BRIDGE_FIRST, BRIDGE_REPORT, BRIDGE_VAGUE } from '../fixtures/incidents/bridge-stories.js';
import { strikeReport, type FixtureReport } from '../fixtures/incidents/build-report.js';
import { INCIDENT_STORIES } from '../fixtures/incidents/index.js';

/** A fresh, empty repository per test (its own Redis prefix, or a new memory one) and how to tidy it. */
export interface ContractSubject {
  repository: IncidentRepository;
  cleanup(): Promise<void>;
}

/** Every repository keeps incidents this long, so one fixture stream can age out of it. */
export const CONTRACT_RETENTION_MS = 30 * 86_400_000;

// The fixture stream ends on 24 March; "now" is the next morning.
const NOW = Date.parse('2025-03-25T09:00:00Z');
const HOUR = 3_600_000;
const policy = createMatchPolicy({ strikeWindowHours: 12, negotiationWindowHours: 72 });
const reportOf = (f: FixtureReport): IncidentReport => toIncidentReport(f.story, f.analysis, NOW);
// The bridge stories (two reports of one attack too unlike to link, and a third like both) are from July.
const BRIDGE_NOW = Date.parse('2025-07-11T00:00:00Z');
const bridgeReport = (f: FixtureReport): IncidentReport => toIncidentReport(f.story, f.analysis, BRIDGE_NOW);
const idOf = (r: RecordOutcome) => (r.outcome === 'duplicate' ? r.incidentId : r.incident.id);

function lvivDepot(outlet: string, published: string, extra: Partial<{ killed: number }> = {}): FixtureReport {
  return strikeReport(
    'lviv-depot',
    outlet,
    published,
    'Drones hit fuel depot in Lviv, fire rages',
    'Several Shahed drones hit a fuel depot on the outskirts of Lviv overnight, starting a large fire.',
    { regions: ['UA-46'], weapons: [{ weapon: 'shahed' }], targets: ['oil'], ...extra },
  );
}

/**
 * The behaviour every `IncidentRepository` owes the pipeline, run against the Redis one and the
 * in-memory one alike: open, join, duplicate, optimistic conflicts, listing, reads and retention.
 */
export function describeIncidentRepositoryContract(name: string, create: () => ContractSubject): void {
  describe(`IncidentRepository contract: ${name}`, () => {
    let subject: ContractSubject;
    let repository: IncidentRepository;
    const record = (report: IncidentReport) => recordReport(report, { incidents: repository, policy, clock: () => NOW, pause: NO_PAUSE });

    beforeEach(() => {
      subject = create();
      repository = subject.repository;
    });
    afterEach(() => subject.cleanup());

    it('opens an incident, claims its story and reads it back', async () => {
      const report = reportOf(lvivDepot('Outlet A', '2025-03-24T02:00:00Z'));
      const opened = await record(report);
      expect(opened).toMatchObject({ outcome: 'opened', attempts: 1 });
      const id = idOf(opened);
      expect(await repository.incidentOfStory(report.story.id)).toBe(id);
      expect(await repository.getIncident(id)).toMatchObject({ id, version: 1, headline: report.story.title });
      expect((await repository.getIncident(id))?.reports.length).toBeGreaterThan(0);
      expect(await repository.getStored([id])).toMatchObject([{ incident: { id }, rev: 1 }]);
    });

    it('joins a second outlet to the open incident and bumps version and revision', async () => {
      const first = await record(reportOf(lvivDepot('Outlet A', '2025-03-24T02:00:00Z')));
      const second = await record(reportOf(lvivDepot('Outlet B', '2025-03-24T02:20:00Z', { killed: 1 })));
      expect(second).toMatchObject({ outcome: 'updated', incident: { id: idOf(first), version: 2 } });
      expect(second.outcome === 'updated' ? second.changes : []).toContainEqual({ field: 'casualties.killed', from: 0, to: 1 });
      const [stored] = await repository.getStored([idOf(first)]);
      expect(stored?.rev).toBe(2);
      expect(stored?.incident.sources.map((s) => s.outlet)).toEqual(['Outlet A', 'Outlet B']);
    });

    it('treats a story recorded twice as a duplicate that changes nothing', async () => {
      const report = reportOf(lvivDepot('Outlet A', '2025-03-24T02:00:00Z'));
      const first = await record(report);
      expect(await record(report)).toMatchObject({ outcome: 'duplicate', incidentId: idOf(first) });
      const stored = await repository.getIncident(idOf(first));
      expect(stored).toMatchObject({ version: 1 });
      expect(stored?.sources).toHaveLength(1);
      // The commit itself refuses a claimed story, whatever it is asked to write.
      const other = openIncident(reportOf(lvivDepot('Outlet C', '2025-03-24T03:00:00Z')), NOW);
      const basis = { rev: undefined, readRevisions: new Map<string, number>() };
      expect(await repository.commit(other, report.story.id, basis, [])).toEqual({ status: 'duplicate', incidentId: idOf(first) });
      expect(await repository.getIncident(other.id)).toBeUndefined();
    });

    it('refuses a commit based on reads that another writer changed meanwhile', async () => {
      const a = reportOf(lvivDepot('Outlet A', '2025-03-24T02:00:00Z'));
      const b = reportOf(lvivDepot('Outlet B', '2025-03-24T02:05:00Z'));
      // Both writers read the (empty) candidates, then one opens the incident first.
      const seenByB = await repository.loadCandidates(b, policy);
      expect(seenByB.candidates).toEqual([]);
      await record(a);
      const late = await repository.commit(openIncident(b, NOW), b.story.id, { rev: undefined, readRevisions: seenByB.readRevisions }, []);
      expect(late.status).toBe('conflict');
      expect(await repository.incidentOfStory(b.story.id)).toBeUndefined();

      // A merge based on an old revision of the incident is refused too.
      const [stored] = await repository.getStored([idOf(await record(a))]);
      const merged = applyReport(stored!.incident, b, NOW).incident;
      const fresh = await repository.loadCandidates(b, policy);
      expect(await repository.commit(merged, b.story.id, { rev: stored!.rev - 1, readRevisions: fresh.readRevisions }, [])).toMatchObject({
        status: 'conflict',
      });
      // Redone on fresh data, the same report joins.
      expect(await record(b)).toMatchObject({ outcome: 'updated', incident: { id: stored!.incident.id, version: 2 } });
    });

    it('offers as candidates only incidents near the report in time and place', async () => {
      const lviv = idOf(await record(reportOf(lvivDepot('Outlet A', '2025-03-24T02:00:00Z'))));
      const old = idOf(await record(reportOf(lvivDepot('Outlet A', '2025-03-20T02:00:00Z'))));
      const kharkiv = strikeReport('kh', 'Outlet A', '2025-03-24T01:00:00Z', 'Missile hits Kharkiv', 'A missile hit Kharkiv.', {
        regions: ['UA-63/kharkiv'],
      });
      const elsewhere = idOf(await record(reportOf(kharkiv)));
      const { candidates } = await repository.loadCandidates(reportOf(lvivDepot('Outlet B', '2025-03-24T03:00:00Z')), policy);
      const ids = candidates.map((c) => c.card.id);
      expect(ids).toContain(lviv);
      expect(ids).not.toContain(old);
      expect(ids).not.toContain(elsewhere);
      expect(candidates.find((c) => c.card.id === lviv)).toMatchObject({ rev: 1, card: { regions: [{ code: 'UA-46' }] } });
    });

    describe('merging incidents a report bridges', () => {
      const recordBridge = (f: FixtureReport) =>
        recordReport(bridgeReport(f), { incidents: repository, policy, clock: () => BRIDGE_NOW, pause: NO_PAUSE });

      it('grows the oldest, retires the other out of every listing and candidate read, and keeps it readable', async () => {
        const a = idOf(await recordBridge(BRIDGE_FIRST));
        const b = idOf(await recordBridge(BRIDGE_VAGUE));
        expect(b).not.toBe(a);
        const bridged = await recordBridge(BRIDGE_REPORT);
        expect(bridged).toMatchObject({ outcome: 'updated', incident: { id: a, version: 2, mergedFrom: [b] }, retired: [b] });
        expect(await repository.incidentOfStory(BRIDGE_REPORT.story.id)).toBe(a);
        expect(await repository.getStored([a, b])).toMatchObject([
          { incident: { id: a, version: 2 }, rev: 2 },
          { incident: { id: b, version: 2, mergedInto: a }, rev: 2 },
        ]);
        const retired = await repository.getIncident(b);
        expect(retired?.history.at(-1)?.changes).toEqual([{ field: 'merged', to: a }]);
        expect((await repository.list({ limit: 10 })).incidents.map((i) => i.id)).toEqual([a]);
        expect((await repository.list({ region: 'UA', limit: 10 })).incidents.map((i) => i.id)).toEqual([a]);
        const { candidates } = await repository.loadCandidates(bridgeReport(BRIDGE_VAGUE), policy);
        expect(candidates.map((c) => c.card.id)).toEqual([a]);
        // The bridging story again changes nothing.
        expect(await recordBridge(BRIDGE_REPORT)).toMatchObject({ outcome: 'duplicate', incidentId: a });
      });

      it('refuses a merge based on a moved incident or a moved read, or of a claimed story, and writes nothing', async () => {
        await recordBridge(BRIDGE_FIRST);
        await recordBridge(BRIDGE_VAGUE);
        const report = bridgeReport(BRIDGE_REPORT);
        const { candidates, readRevisions } = await repository.loadCandidates(report, policy);
        expect(candidates).toHaveLength(2);
        const stored = await repository.getStored(candidates.map((c) => c.card.id));
        const [oldest, other] = [...stored].sort((x, y) => x.incident.firstSeen.localeCompare(y.incident.firstSeen));
        const bridge = bridgeIncidents(oldest!.incident, [other!.incident], report, BRIDGE_NOW);
        const survivor = { incident: bridge.survivor, previous: oldest!.incident, rev: oldest!.rev };
        const retired = [{ incident: bridge.retired[0]!, previous: other!.incident, rev: other!.rev }];
        const merge = repository.commitMerge!.bind(repository);
        const unchanged = async () => {
          expect(await repository.incidentOfStory(report.story.id)).toBeUndefined();
          expect(await repository.getStored([oldest!.incident.id, other!.incident.id])).toMatchObject([{ rev: 1 }, { rev: 1 }]);
        };

        expect(await merge({ ...survivor, rev: survivor.rev + 1 }, retired, report.story.id, readRevisions, bridge.changes)).toMatchObject({
          status: 'conflict',
        });
        expect(await merge(survivor, [{ ...retired[0]!, rev: 7 }], report.story.id, readRevisions, bridge.changes)).toMatchObject({
          status: 'conflict',
        });
        const [someRead] = readRevisions.keys();
        const moved = new Map(readRevisions).set(someRead!, (readRevisions.get(someRead!) ?? 0) + 1);
        expect(await merge(survivor, retired, report.story.id, moved, bridge.changes)).toEqual({ status: 'conflict', on: someRead });
        await unchanged();

        const claimed = await repository.loadCandidates(bridgeReport(BRIDGE_FIRST), policy);
        expect(await merge(survivor, retired, BRIDGE_FIRST.story.id, claimed.readRevisions, bridge.changes)).toEqual({
          status: 'duplicate',
          incidentId: oldest!.incident.id,
        });
        await unchanged();

        expect(await merge(survivor, retired, report.story.id, readRevisions, bridge.changes)).toEqual({ status: 'committed', rev: 2 });
        expect(await repository.incidentOfStory(report.story.id)).toBe(oldest!.incident.id);
      });
    });

    describe('with the fixture stream recorded', () => {
      const eventOf = new Map<string, string>();
      beforeEach(async () => {
        for (const fixture of INCIDENT_STORIES) {
          const result = await record(reportOf(fixture));
          if (result.outcome === 'opened') eventOf.set(result.incident.id, fixture.event);
        }
      });
      const events = async (query: Parameters<IncidentRepository['list']>[0]) => {
        const page = await repository.list(query);
        return page.incidents.map((i) => eventOf.get(i.id));
      };

      it('lists by region (with sub-regions), kind and time, newest first', async () => {
        expect(await events({ region: 'UA-32', limit: 10 })).toEqual(['bucha-drone', 'bila-tserkva-energy']);
        expect(await events({ region: 'UA-63', limit: 10 })).toEqual(['kharkiv-rail', 'kharkiv-hospital']);
        expect(await events({ kind: 'negotiation', limit: 10 })).toEqual(['jeddah-talks', 'istanbul-exchange', 'trump-putin-call']);
        expect(await events({ kind: 'strike', since: NOW - 30 * HOUR, limit: 10 })).toEqual(['sumy-hospital']);
        expect(await events({ region: 'RU', kind: 'strike', limit: 10 })).toEqual(['krasnodar-oil', 'kursk-intercepts']);
        expect(await events({ region: 'UA-63', kind: 'negotiation', limit: 10 })).toEqual([]);
      });

      it('pages with a cursor without repeats or gaps, and refuses a broken cursor', async () => {
        const seen: (string | undefined)[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await repository.list({ limit: 4, ...(cursor ? { cursor } : {}) });
          seen.push(...page.incidents.map((i) => eventOf.get(i.id)));
          cursor = page.nextCursor;
          pages++;
        } while (cursor !== undefined && pages < 20);
        expect(seen).toHaveLength(new Set(INCIDENT_STORIES.map((f) => f.event)).size);
        expect(new Set(seen).size).toBe(seen.length);
        expect(pages).toBe(4);
        await expect(repository.list({ limit: 5, cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'command_invalid' });
      });

      it('reads incidents by id, skipping unknown ones and keeping order', async () => {
        const [first, second] = [...eventOf.keys()];
        const stored = await repository.getStored([second!, 'inc-missing', first!]);
        expect(stored.map((s) => s.incident.id)).toEqual([second, first]);
        expect(await repository.getIncident('inc-missing')).toBeUndefined();
      });

      it('removes incidents past retention from reads and listings', async () => {
        const fresh = idOf(await record(reportOf(lvivDepot('Outlet A', '2025-03-25T08:00:00Z'))));
        const later = Date.parse('2025-04-24T06:00:00Z');
        // The fixture stream (up to 24 March) is now past 30 days; this morning's report is not.
        expect(await repository.removeExpired(later)).toBe(eventOf.size);
        expect((await repository.list({ limit: 50 })).incidents.map((i) => i.id)).toEqual([fresh]);
        expect(await repository.getIncident([...eventOf.keys()][0]!)).toBeUndefined();
        expect(await repository.list({ region: 'UA-32', limit: 10 })).toEqual({ incidents: [] });
        expect(await repository.removeExpired(later)).toBe(0);
      });
    });
  });
}
