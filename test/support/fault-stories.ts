import type { Story } from '../../src/domain/index.js';

/**
 * Invented strike reports, in our own words, one city each, so each opens its own incident:
 * the fault tests count posts per incident and check their order per channel.
 */
const CITIES = ['Kharkiv', 'Odesa', 'Dnipro', 'Zaporizhzhia', 'Lviv', 'Mykolaiv', 'Poltava', 'Chernihiv'] as const;
const WEAPONS = ['drones', 'missiles', 'glide bombs', 'Shahed drones'] as const;

export function cityStrikes(count: number, tag = 'fault'): Story[] {
  return Array.from({ length: count }, (_, i) => {
    const city = CITIES[i % CITIES.length] ?? 'Kharkiv';
    const weapon = WEAPONS[i % WEAPONS.length] ?? 'drones';
    return {
      id: `${tag}-${i}`,
      feedId: `${tag}-feed`,
      title: `Russian ${weapon} strike ${city}, ${i + 2} injured`,
      summary: `Russian ${weapon} hit residential buildings in ${city} overnight, injuring ${i + 2} people, the regional governor said.`,
      link: `https://${tag}.example/${i}`,
      published: new Date(Date.now() - (count - i) * 60_000).toISOString(),
      source: 'Fault Wire',
    };
  });
}

export function cityOf(story: Pick<Story, 'title'>): string {
  return cityIn(story.title);
}

/** The first of our cities a rendered message names ('?' for none). */
export function cityIn(text: string): string {
  return CITIES.find((c) => text.includes(c)) ?? '?';
}
