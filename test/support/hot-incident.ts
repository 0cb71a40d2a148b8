import type { Story } from '../../src/domain/index.js';

/** Invented reports of one overnight attack on one city, as a hot incident receives them. */
export const BURST_NOW = Date.parse('2026-02-10T08:00:00Z');
const OUTLETS = ['Harbour Wire', 'Steppe Daily', 'Delta News', 'North Bulletin'];

export function hotIncidentBurst(count: number, tag: string): Story[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${tag}-${i}`,
    feedId: 'fixture',
    title: `Russian drones strike Kharkiv overnight, ${2 + (i % 5)} injured, officials say`,
    summary: `Shahed drones hit residential buildings in Kharkiv overnight, the regional governor said in update ${i}.`,
    link: `https://example.invalid/${tag}/${i}`,
    published: new Date(BURST_NOW - 3_600_000 + i * 1000).toISOString(),
    source: OUTLETS[i % OUTLETS.length]!,
  }));
}
