import type { Incident, IncidentChange } from '../domain/index.js';
import type { IncidentReport } from './incident-report.js';
import { findJoinable, type MatchPolicy } from './match-incident.js';
import { bridgeIncidents } from './merge-incidents.js';
import { applyReport, openIncident } from './merge-incident.js';
import { strikeReachMs } from './match-policy.js';
import { oblastOf, relatePlaces } from './pair-evidence.js';

export interface BookEntry {
  incident: Incident;
  changes: IncidentChange[];
  opened: boolean;
  /** Incidents this report showed to be the same event, now merged into `incident`. */
  retired: Incident[];
}

const DAY = 86_400_000;
/** Per index bucket, the most candidates read, like the Redis store's per-index limit. */
const MAX_PER_BUCKET = 200;

/**
 * Incidents held in memory, for `wirewatch analyze` and evaluation: the same matching and
 * merging as the story worker, without Redis. Candidates come from indexes by place and day,
 * like the store's, never from a scan, so matching costs the same at 2k or 100k stories.
 */
export class IncidentBook {
  private readonly incidents = new Map<string, Incident>();
  /** `<place key>@<day>` → incidents listed there; an incident is listed on each day it spans. */
  private readonly index = new Map<string, Set<string>>();
  private readonly listed = new Map<string, string[]>();

  constructor(private readonly policy: MatchPolicy) {}

  /** Joins, bridges or opens; undefined for a report with no kind that follows up nothing. */
  addReport(report: IncidentReport, now: number): BookEntry | undefined {
    const joinable = findJoinable(report, this.candidatesFor(report), this.policy);
    const [oldest, ...others] = joinable.map((j) => j.incident as Incident);
    if (!oldest) {
      // A report with no kind opens a latent incident (no alert of its own) only when it names a
      // place or site a later, labelled report of the same attack can link to.
      const { sites, places } = report.signature;
      if (report.analysis.kinds.length === 0 && sites.length === 0 && places.length === 0) return undefined;
      const incident = openIncident(report, now);
      this.store(incident);
      return { incident, changes: [{ field: 'opened', to: report.story.source }], opened: true, retired: [] };
    }
    // Merge only incidents that do not place the event apart (each joined the report on its own).
    const placesOf = (i: Incident) => ({ places: i.reports.flatMap((r) => r.places) });
    const mergeable = others.filter(
      (o) => !['differ', 'siblings'].includes(relatePlaces(placesOf(oldest), placesOf(o), this.policy.ancestorsOf)),
    );
    if (mergeable.length === 0) {
      const merged = applyReport(oldest, report, now);
      this.store(merged.incident);
      return { incident: merged.incident, changes: merged.changes, opened: false, retired: [] };
    }
    const bridge = bridgeIncidents(oldest, mergeable, report, now);
    this.store(bridge.survivor);
    for (const retired of bridge.retired) this.store(retired);
    return { incident: bridge.survivor, changes: bridge.changes, opened: false, retired: bridge.retired };
  }

  get(id: string): Incident | undefined {
    return this.incidents.get(id);
  }

  /** The incident a story's incident id ended up in, following merges. */
  resolve(id: string): string {
    let current = id;
    for (let guard = 0; guard < 1000; guard++) {
      const next = this.incidents.get(current)?.mergedInto;
      if (next === undefined) return current;
      current = next;
    }
    return current;
  }

  list(): Incident[] {
    return [...this.incidents.values()];
  }

  private store(incident: Incident): void {
    this.unlist(incident.id);
    this.incidents.set(incident.id, incident);
    if (incident.mergedInto !== undefined) return;
    const keys: string[] = [];
    const first = Math.floor(Date.parse(incident.firstSeen) / DAY);
    const last = Math.floor(Date.parse(incident.lastSeen) / DAY);
    for (const place of this.placeKeys(incident)) {
      for (let day = first; day <= last; day++) keys.push(`${place}@${day}`);
    }
    for (const key of keys) {
      let bucket = this.index.get(key);
      if (!bucket) this.index.set(key, (bucket = new Set()));
      bucket.add(incident.id);
    }
    this.listed.set(incident.id, keys);
  }

  private unlist(id: string): void {
    for (const key of this.listed.get(id) ?? []) {
      const bucket = this.index.get(key);
      bucket?.delete(id);
      if (bucket?.size === 0) this.index.delete(key);
    }
    this.listed.delete(id);
  }

  /**
   * Where an incident is listed: each oblast of its places, each country, and `c:*`; an incident
   * with no place also under `u:<country>` (or `u:-` with none). Reads below mirror this, so a
   * report finds exactly the incidents whose places and countries do not rule it out.
   */
  private placeKeys(incident: Incident): string[] {
    const keys = new Set<string>();
    if (incident.kinds.includes('strike') || incident.kinds.length === 0) {
      const places = incident.reports.flatMap((r) => r.places);
      const countries = incident.reports.flatMap((r) => r.countries);
      for (const place of places) keys.add(`p:${oblastOf(place, this.policy.ancestorsOf)}`);
      for (const country of countries) keys.add(`c:${country}`);
      keys.add('c:*');
      if (places.length === 0) for (const country of countries.length > 0 ? countries : ['-']) keys.add(`u:${country}`);
    }
    if (incident.kinds.includes('negotiation')) {
      const parties = incident.facts.negotiation?.parties ?? [];
      for (const party of parties.length > 0 ? parties : ['*']) keys.add(`t:${party}`);
    }
    return [...keys];
  }

  /** What a report reads: the same keys as it would be listed under, over the days it can reach. */
  private candidatesFor(report: IncidentReport): Incident[] {
    const { places, countries } = report.signature;
    const reads: { keys: string[]; reach: number }[] = [];
    const kinds = report.analysis.kinds;
    if (kinds.length === 0 || kinds.includes('strike')) {
      const keys =
        places.length > 0
          ? [...places.map((p) => `p:${oblastOf(p, this.policy.ancestorsOf)}`), ...countries.map((c) => `u:${c}`), 'u:-']
          : countries.length > 0
            ? [...countries.map((c) => `c:${c}`), 'u:-']
            : ['c:*'];
      reads.push({ keys, reach: strikeReachMs(this.policy) });
    }
    if (kinds.includes('negotiation')) {
      const parties = report.analysis.facts.negotiation?.parties ?? [];
      reads.push({ keys: parties.length > 0 ? [...parties.map((p) => `t:${p}`), 't:*'] : ['t:*'], reach: this.policy.negotiationWindowMs });
    }
    const ids = new Set<string>();
    for (const { keys, reach } of reads) {
      const from = Math.floor((report.time - reach) / DAY);
      const to = Math.floor((report.time + reach) / DAY);
      for (const key of new Set(keys)) {
        for (let day = to; day >= from; day--) {
          let taken = 0;
          for (const id of this.index.get(`${key}@${day}`) ?? []) {
            if (taken++ >= MAX_PER_BUCKET) break;
            ids.add(id);
          }
        }
      }
    }
    return [...ids].flatMap((id) => this.incidents.get(id) ?? []);
  }
}

/** The incident id of each report, in input order, after every merge. */
export function clusterReports(reports: readonly IncidentReport[], policy: MatchPolicy, now: number): string[] {
  const book = new IncidentBook(policy);
  const ids = reports.map((report) => book.addReport(report, now)?.incident.id ?? `story:${report.story.id}`);
  return ids.map((id) => book.resolve(id));
}
