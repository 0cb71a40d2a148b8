import { REST, Routes } from 'discord.js';
import { preloadRegionCompletions } from '../../src/geo/index.js';
import { startGatewayBot } from './gateway-bot.js';
import type { InteractionDeps } from './handle-interaction.js';
import { startHttpInteractions } from './http-interactions.js';
import { mapStartupError } from './map-discord-error.js';

export interface DiscordBotConfig {
  token: string;
  apiUrl: string;
  publicKey?: string | undefined;
  httpPort?: number | undefined;
  /** Listen address of the HTTP endpoint (default all interfaces; tests use loopback). */
  httpHost?: string;
}

export type DiscordMode = 'gateway' | 'http';

export interface DiscordBot {
  mode: DiscordMode;
  /** Port of the HTTP interactions endpoint, in HTTP mode. */
  port?: number;
  close(): Promise<void>;
}

/** HTTP interactions when a public key and port are set (Discord then sends nothing on the gateway), the gateway otherwise. */
export function chooseDiscordMode(config: Pick<DiscordBotConfig, 'publicKey' | 'httpPort'>): DiscordMode {
  return config.publicKey !== undefined && config.httpPort !== undefined ? 'http' : 'gateway';
}

/** Starts the bot in its mode and says which; a token Discord refuses stops it with `platform_auth_failed`. */
export async function startDiscordBot(config: DiscordBotConfig, deps: InteractionDeps): Promise<DiscordBot> {
  const logger = deps.logger.child({ platform: 'discord' });
  preloadRegionCompletions();
  const mode = chooseDiscordMode(config);
  if (mode === 'http') {
    const rest = new REST({ api: config.apiUrl }).setToken(config.token);
    await checkToken(rest);
    const server = await startHttpInteractions({
      ...deps,
      logger,
      rest,
      publicKey: config.publicKey!,
      port: config.httpPort!,
      ...(config.httpHost === undefined ? {} : { host: config.httpHost }),
    });
    logger.info({ mode, port: server.port }, `Discord: HTTP interactions mode, POST /interactions on port ${server.port}`);
    return { mode, port: server.port, close: server.close };
  }
  try {
    const bot = await startGatewayBot({ ...deps, logger, token: config.token, apiUrl: config.apiUrl });
    logger.info({ mode, user: bot.client.user?.tag }, `Discord: gateway mode as ${bot.client.user?.tag ?? 'bot'} (intent Guilds)`);
    return { mode, close: bot.close };
  } catch (error) {
    throw mapStartupError(error);
  }
}

async function checkToken(rest: REST): Promise<void> {
  try {
    await rest.get(Routes.user('@me'));
  } catch (error) {
    throw mapStartupError(error);
  }
}
