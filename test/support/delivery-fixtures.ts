import type { Queue } from 'bullmq';
import { createQueue, enqueueStories, type StoryJobData } from '../../jobs/queues.js';
import type { Story } from '../../src/domain/index.js';
import type { RecordedEvent, RecordingSink } from './recording-sink.js';

/**
 * Invented reports, in our own words: three outlets on one drone attack on Bucha (Kyiv Oblast),
 * each adding sources and casualties, and one round of Ukraine–Russia ceasefire talks.
 */
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
export const BUCHA_REPORTS: Story[] = [
  {
    id: 'outlet-a-bucha',
    feedId: 'outlet-a',
    title: 'Russian drones strike Bucha overnight, three killed',
    summary: 'Russian drones hit apartment buildings in Bucha overnight, killing three people, the regional governor said.',
    link: 'https://a.example/bucha',
    published: at(30),
    source: 'Outlet A',
  },
  {
    id: 'outlet-b-bucha',
    feedId: 'outlet-b',
    title: 'Drone attack on Bucha kills three, injures five',
    summary: 'A Russian drone attack on Bucha in Kyiv Oblast killed three residents and injured five, officials said on Tuesday.',
    link: 'https://b.example/bucha',
    published: at(25),
    source: 'Outlet B',
  },
  {
    id: 'outlet-c-bucha',
    feedId: 'outlet-c',
    title: 'Death toll in Bucha drone strike rises to four',
    summary:
      'The death toll from the overnight Russian drone strike on Bucha rose to four, with seven injured, the Kyiv regional administration said.',
    link: 'https://c.example/bucha',
    published: at(20),
    source: 'Outlet C',
  },
];
export const CEASEFIRE_REPORT: Story = {
  id: 'outlet-a-talks',
  feedId: 'outlet-a',
  title: 'Ukraine and Russia agree to ceasefire talks in Istanbul',
  summary: "Ukrainian and Russian delegations will meet in Istanbul next week to discuss a ceasefire, Turkey's foreign ministry said.",
  link: 'https://a.example/talks',
  published: at(15),
  source: 'Outlet A',
};

export async function sendStories(deps: { redisUrl: string; prefix: string }, stories: readonly Story[]): Promise<void> {
  const queue: Queue<StoryJobData> = createQueue<StoryJobData>('story', deps);
  try {
    await enqueueStories(queue, stories);
  } finally {
    await queue.close();
  }
}

/** The message a channel shows now: its one post with every later edit of it applied. */
export async function latestMessage(sink: RecordingSink, channel: string): Promise<RecordedEvent | undefined> {
  const [post] = await sink.posts(channel);
  if (!post) return undefined;
  return (await sink.edits(post.ref.messageId)).at(-1) ?? post;
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for delivery');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
