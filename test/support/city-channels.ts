import type { Redis } from 'ioredis';
import { createDeliveryRest, createDiscordSink } from '../../adapters/discord/discord-sink.js';
import { createSlackRuntime } from '../../adapters/slack/slack-runtime.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import type { RuntimeDeps } from '../../jobs/workers/registry.js';
import { parseSubscribeArgs } from '../../src/commands/subscribe-args.js';
import { runSubscribeCommand } from '../../src/commands/subscription-commands.js';
import type { Story } from '../../src/domain/index.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { FakeDiscord } from './fake-discord.js';
import { FakeSlack } from './fake-slack.js';

/**
 * Twenty Ukrainian cities in twenty different oblasts, each followed by one Slack and one Discord
 * channel (subscribed to the city's oblast), for benches that time single alerts: one story per
 * city opens its own incident, and distinct channels keep the 1 message/s/channel limit out of
 * what is measured.
 */
export const CITIES = [
  'Kharkiv',
  'Odesa',
  'Sumy',
  'Zaporizhzhia',
  'Dnipro',
  'Kherson',
  'Mykolaiv',
  'Lviv',
  'Poltava',
  'Chernihiv',
  'Vinnytsia',
  'Zhytomyr',
  'Rivne',
  'Lutsk',
  'Ternopil',
  'Uzhhorod',
  'Cherkasy',
  'Kramatorsk',
  'Kropyvnytskyi',
  'Khmelnytskyi',
];
const WORKSPACE = 'T0ACME';
const GUILD = '900000000000000001';
const FIRST_DISCORD_CHANNEL = 700000000000000300n;

export const slackChannelOf = (city: string) => `C0${city.toUpperCase()}`;
export const discordChannelOf = (city: string) => String(FIRST_DISCORD_CHANNEL + BigInt(CITIES.indexOf(city)));
/** Delivery-log targets, as the deliver jobs name them. */
export const targetOf = (platform: 'slack' | 'discord', city: string) =>
  platform === 'slack' ? `slack/${WORKSPACE}/${slackChannelOf(city)}` : `discord/${GUILD}/${discordChannelOf(city)}`;

export function cityStory(city: string, n: number, tag: string): Omit<Story, 'feedId' | 'id'> {
  return {
    title: `Russian drones strike ${city} overnight, ${n + 2} injured`,
    summary: `Russian drones hit homes in ${city} overnight, the regional governor said.`,
    link: `https://${tag}.example/${n}`,
    published: new Date(Date.now() - 60_000).toISOString(),
    source: 'Bench Wire',
  };
}

/** Subscribes each city's two channels to the city's oblast (strikes are placed at oblast level). */
export async function subscribeCityChannels(redis: Redis, prefix: string): Promise<void> {
  const subscriptions = new SubscriptionStore(redis, prefix);
  for (const city of CITIES) {
    const oblast = parseSubscribeArgs(city).region.code.split('/')[0] ?? city;
    for (const channel of [
      { platform: 'slack' as const, workspace: WORKSPACE, channel: slackChannelOf(city) },
      { platform: 'discord' as const, workspace: GUILD, channel: discordChannelOf(city) },
    ]) {
      const reply = await runSubscribeCommand(oblast, { channel, user: 'U1' }, { subscriptions, clock: Date.now });
      if (reply.type !== 'success') console.log(`could not subscribe to ${city} (${reply.type})`);
    }
  }
}

export interface CityPlatforms {
  sinks: NonNullable<RuntimeDeps['sinks']>;
  /** Epoch ms each `platform city` got its first post, stamped by reading the fakes' logs every 10 ms. */
  postedAt: Map<string, number>;
  stop(): Promise<void>;
}

export async function startCityPlatforms(): Promise<CityPlatforms> {
  const slack = await new FakeSlack().start();
  const discord = await new FakeDiscord().start();
  const slackRuntime = createSlackRuntime({ botToken: slack.botToken, apiUrl: slack.apiUrl }, { logger: silentLogger });
  const postedAt = new Map<string, number>();
  const stamp = setInterval(() => {
    const now = Date.now();
    for (const call of slack.callsOf('chat.postMessage')) {
      const city = CITIES.find((c) => call.args.channel === slackChannelOf(c));
      if (city && !postedAt.has(`slack ${city}`)) postedAt.set(`slack ${city}`, now);
    }
    for (const message of discord.messages.values()) {
      const city = CITIES[Number(BigInt(message.channelId) - FIRST_DISCORD_CHANNEL)];
      if (city && !postedAt.has(`discord ${city}`)) postedAt.set(`discord ${city}`, now);
    }
  }, 10);
  return {
    sinks: {
      slack: slackRuntime.sink,
      discord: createDiscordSink({ rest: createDeliveryRest({ token: discord.token, apiUrl: discord.apiUrl }), logger: silentLogger }),
    },
    postedAt,
    async stop() {
      clearInterval(stamp);
      await slackRuntime.stop();
      await slack.stop();
      await discord.close();
    },
  };
}
