import { existsSync, readFileSync } from 'node:fs';
import { analyzeStory } from '../../src/classify/analyze-story.js';
import type { StoryText } from '../../src/classify/text-units.js';

// Synthetic stories of wire length (headline + 2–3 sentence lede, ~250–400 chars), mixing
// strikes, talks and unrelated news (including strike/attack words in other senses) in roughly
// the proportions a conflict feed carries. Written for the bench, not taken from any corpus.
const PLACES = [
  'Kharkiv',
  'Odesa',
  'Sumy region',
  'Zaporizhzhia',
  'Kyiv',
  'Belgorod region',
  'Kursk region',
  'Dnipro',
  'Kherson',
  'Mykolaiv',
];
const WEAPONS = ['drones', 'Shahed drones', 'missiles', 'ballistic missiles', 'glide bombs', 'rockets'];
type Template = (n: number, place: string, weapon: string) => StoryText;
const TEMPLATES: readonly Template[] = [
  (n, place, weapon) => ({
    title: `Russia attacks ${place} with ${n} ${weapon} overnight`,
    summary: `Air defence units shot down ${Math.floor(n / 2)} of the ${weapon} over ${place}, the regional governor said on Telegram. Two people were injured and several homes were damaged. Firefighters put out a blaze at an energy facility on the outskirts of the city.`,
  }),
  (n, place) => ({
    title: `Death toll in ${place} missile strike on apartment block rises to ${n}`,
    summary: `Rescuers finished clearing the rubble of the nine-storey building on Tuesday, the State Emergency Service said. Another 34 people were injured, including six children. Officials declared a day of mourning in ${place} and said the missile had been launched from the Black Sea.`,
  }),
  (n, place, weapon) => ({
    title: `Ukrainian ${weapon} hit oil depot in ${place}, governor says`,
    summary: `A fire broke out at the fuel storage site after the overnight attack, the governor wrote on Telegram, adding that nobody was hurt. The defence ministry in Moscow said ${n} ${weapon} had been destroyed over the region. Flights at two nearby airports were suspended for several hours.`,
  }),
  (n) => ({
    title: `Envoys to meet in Istanbul on Friday for a new round of ceasefire talks`,
    summary: `Moscow and Kyiv are expected to discuss a prisoner exchange of ${n} people and a pause in attacks on energy infrastructure. The mediators said both sides had agreed on the agenda, although the Kremlin warned that a full ceasefire was not yet on the table.`,
  }),
  (n, place) => ({
    title: `Russia and Ukraine swap ${n} prisoners of war in deal brokered by the UAE`,
    summary: `The captives crossed the border near ${place} on Saturday, officials on both sides said. It was the third exchange this month. Ukraine's human rights commissioner said talks on returning civilians and the bodies of fallen soldiers would continue next week.`,
  }),
  (n, place) => ({
    title: `Teachers in ${place} go on strike over wages as talks with ministry stall`,
    summary: `The union said ${n} schools would stay closed for a week and that staff had not been paid since March. Negotiations with the education ministry broke down on Monday. Parents were asked to keep children at home until further notice.`,
  }),
  (n) => ({
    title: `Parliament approves ${n} million euro aid package including air defence systems`,
    summary: `The package will be delivered over the coming months and includes ammunition, armoured vehicles and spare parts. Ministers said the missiles would protect cities from Russian strikes, while the opposition asked for a debate on the cost.`,
  }),
  (n, place) => ({
    title: `Football club from ${place} signs striker in ${n} million transfer`,
    summary: `The forward scored eleven goals last season and is expected to make his debut against the league leaders on Sunday. The coach said the attack had lacked pace and the new player would strike a better balance between defence and midfield.`,
  }),
];

export function makeStories(count: number): StoryText[] {
  const stories = [];
  for (let i = 0; i < count; i++) {
    const template = TEMPLATES[i % TEMPLATES.length]!;
    stories.push(template(5 + (i % 90), PLACES[i % PLACES.length]!, WEAPONS[i % WEAPONS.length]!));
  }
  return stories;
}

/** Best stories/s of a few single-threaded passes over `stories`. */
function measure(stories: readonly StoryText[], rounds: number): number {
  for (const story of stories.slice(0, 500)) analyzeStory(story); // warm up JIT and the gazetteer
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (const story of stories) analyzeStory(story);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.max(best, stories.length / seconds);
  }
  return best;
}

const avgChars = (stories: readonly StoryText[]) =>
  Math.round(stories.reduce((sum, s) => sum + s.title.length + (s.summary ?? '').length, 0) / stories.length);

/** The labelled corpus repeated to a few thousand stories, when it is checked out next door. */
function corpusStories(): StoryText[] {
  const file = '../shared/corpus/dev.jsonl';
  if (!existsSync(file)) return [];
  const items = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as { title: string; summary?: string })
    .map((item) => ({ title: item.title, summary: item.summary ?? '' }));
  const out: StoryText[] = [];
  while (items.length > 0 && out.length < 5_000) out.push(...items);
  return out;
}

export async function run(): Promise<void> {
  const rounds = 3;
  const stories = makeStories(5_000);
  const synthetic = measure(stories, rounds);
  console.log(
    `analyzeStory (classify + extract + regions + severity), synthetic: ${Math.round(synthetic).toLocaleString('en')} stories/s on one core (best of ${rounds} × ${stories.length} stories, ~${avgChars(stories)} chars each; goal ≥ 20,000/s)`,
  );
  const corpus = corpusStories();
  if (corpus.length > 0) {
    const real = measure(corpus, rounds);
    console.log(
      `analyzeStory, ../shared/corpus/dev.jsonl: ${Math.round(real).toLocaleString('en')} stories/s on one core (best of ${rounds} × ${corpus.length} stories, ~${avgChars(corpus)} chars each)`,
    );
  }
  await Promise.resolve();
}
