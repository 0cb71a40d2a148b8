/** The Discord edge: what jobs/ composes (bot, sink, command registration). */
import { REST } from 'discord.js';
import type { DiscordRestOptions } from './discord-sink.js';

export {
  BOT_PERMISSIONS,
  buildCommandDefinitions,
  buildInviteUrl,
  DISCORD_COMMAND_NAMES,
  MANAGE_CHANNELS,
  type DiscordCommandName,
} from './command-definitions.js';
export { createDeliveryRest, createDiscordSink, type DiscordRestOptions, type DiscordSinkOptions } from './discord-sink.js';
export type { CommandArgs, CommandContext, CommandHandler, CommandHandlers } from './handle-interaction.js';
export { describeRegistration, registerDiscordCommands, type RegisterResult } from './register-commands.js';
export { renderDiscordEmbed } from './render-embed.js';
export { chooseDiscordMode, startDiscordBot, type DiscordBot, type DiscordBotConfig, type DiscordMode } from './start-discord.js';

/** A plain REST client (queues on rate limits), for operator commands. */
export function createDiscordRest(options: DiscordRestOptions): REST {
  return new REST({ api: options.apiUrl }).setToken(options.token);
}
