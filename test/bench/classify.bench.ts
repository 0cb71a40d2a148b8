import { analyzeStory } from '../../src/classify/analyze-story.js';

// Synthetic stories of wire length (headline + 2–3 sentence lede), mixing strikes, talks and
// unrelated news in roughly the proportions a conflict feed carries.
const PLACES = ['Kharkiv', 'Odesa', 'Sumy region', 'Zaporizhzhia', 'Kyiv', 'Belgorod region', 'Kursk region', 'Dnipro', 'Kherson', 'Mykolaiv'];
const WEAPONS = ['drones', 'Shahed drones', 'missiles', 'ballistic missiles', 'glide bombs', 'rockets'];
const TEMPLATES: readonly ((n: number, place: string, weapon: string) => { title: string; summary: string })[] = [
  (n, place, weapon) => ({
    title: `Russia attacks ${place} with ${n} ${weapon} overnight`,
    summary: `Air defence units shot down ${Math.floor(n / 2)} of the ${weapon} over ${place}, the regional governor said on Telegram. Two people were injured and several homes were damaged. Firefighters put out a blaze at an energy facility.`,
  }),
  (n, place) => ({
    title: `Death toll in ${place} strike rises to ${n}`,
    summary: `Rescuers finished clearing the rubble of the apartment block on Tuesday. Officials declared a day of mourning in ${place}.`,
  }),
  (n) => ({
    title: `Envoys to meet in Istanbul on Friday for a new round of ceasefire talks`,
    summary: `Moscow and Kyiv are expected to discuss a prisoner exchange of ${n} people and a pause in attacks on energy infrastructure. The mediators said both sides had agreed on the agenda.`,
  }),
  (n, place) => ({
    title: `Teachers in ${place} go on strike over wages`,
    summary: `The union said ${n} schools would stay closed for a week. Talks with the education ministry broke down on Monday.`,
  }),
  (n) => ({
    title: `Parliament approves ${n} million euro aid package including air defence systems`,
    summary: `The package will be delivered over the coming months. Ministers said the missiles would protect cities from Russian strikes.`,
  }),
];

function makeStories(count: number): { title: string; summary: string }[] {
  const stories = [];
  for (let i = 0; i < count; i++) {
    const template = TEMPLATES[i % TEMPLATES.length]!;
    stories.push(template(5 + (i % 90), PLACES[i % PLACES.length]!, WEAPONS[i % WEAPONS.length]!));
  }
  return stories;
}

export async function run(): Promise<void> {
  const stories = makeStories(5_000);
  for (const story of stories.slice(0, 500)) analyzeStory(story); // warm up JIT and the gazetteer
  const rounds = 3;
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (const story of stories) analyzeStory(story);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.max(best, stories.length / seconds);
  }
  const chars = stories.reduce((sum, s) => sum + s.title.length + s.summary.length, 0) / stories.length;
  console.log(`analyzeStory (classify + extract + regions + severity): ${Math.round(best).toLocaleString('en')} stories/s on one core (best of ${rounds} × ${stories.length} stories, ~${Math.round(chars)} chars each; goal ≥ 20,000/s)`);
  await Promise.resolve();
}
