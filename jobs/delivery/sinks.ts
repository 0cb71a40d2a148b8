import { createConsoleSink } from '../../adapters/console/console-sink.js';
import { PLATFORMS, type ChannelAddress, type Platform, type Sink } from '../../src/domain/index.js';
import { createDiscordPlatform } from '../runtime/discord-platform.js';
import { createSlackPlatform } from '../runtime/slack-platform.js';
import type { RuntimeDeps } from '../workers/registry.js';

/** What a platform adapter hands the runtime: its outbound sink, and whether it has an admin channel. */
export interface PlatformSink {
  sink: Sink;
  /** SLACK_ADMIN_CHANNEL / DISCORD_ADMIN_CHANNEL is set: operator notices go there. */
  hasAdminChannel: boolean;
  /** Still connected (gateway, Socket Mode)? Absent = up once started, as for a plain Web API client. */
  isReady?(): boolean;
  close(): Promise<void>;
}

/** Builds a platform's sink from the config, or returns undefined when its token is not set. */
export type SinkFactory = (deps: RuntimeDeps) => Promise<PlatformSink | undefined>;

/**
 * The seam where the Slack and Discord adapters plug in: `slack: createSlackSink`,
 * `discord: createDiscordSink`. A platform without a factory, or whose factory returns
 * undefined (no token), routes to the console sink.
 */
export const SINK_FACTORIES: Partial<Record<Platform, SinkFactory>> = { slack: createSlackPlatform, discord: createDiscordPlatform };

export interface SinkSet {
  /** The channel's platform sink; the console when that platform is not configured. */
  sinkFor(channel: ChannelAddress): Sink;
  console: Sink;
  /** No platform configured: every alert goes to the console. */
  consoleOnly: boolean;
  /** Where operator notices go: platforms with an admin channel, else the console. */
  adminSinks: Sink[];
  /** The platforms this process posts to (built from tokens or given). */
  platforms: Platform[];
  /** Per platform: connected, for `/readyz`. */
  readiness(): Record<string, boolean>;
  close(): Promise<void>;
}

/** The sinks of this process. Tests pass real sinks through `deps.sinks` instead of tokens. */
export async function createSinkSet(deps: RuntimeDeps, factories = SINK_FACTORIES): Promise<SinkSet> {
  const consoleSink = deps.sinks?.console ?? createConsoleSink(process.stdout);
  const platforms = new Map<Platform, PlatformSink>();
  for (const platform of PLATFORMS) {
    const given = deps.sinks?.[platform];
    const built = given ? { sink: given, hasAdminChannel: false, close: () => Promise.resolve() } : await factories[platform]?.(deps);
    if (built) platforms.set(platform, built);
  }
  const admin = [...platforms.values()].filter((p) => p.hasAdminChannel).map((p) => p.sink);
  return {
    sinkFor: (channel) => platforms.get(channel.platform)?.sink ?? consoleSink,
    console: consoleSink,
    consoleOnly: platforms.size === 0,
    adminSinks: admin.length > 0 ? admin : [consoleSink],
    platforms: [...platforms.keys()],
    readiness: () => Object.fromEntries([...platforms].map(([name, p]) => [name, p.isReady?.() ?? true])),
    async close() {
      for (const platform of platforms.values()) await platform.close();
    },
  };
}
