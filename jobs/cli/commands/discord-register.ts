import { createDiscordRest, describeRegistration, registerDiscordCommands } from '../../../adapters/discord/index.js';
import { WirewatchError } from '../../../src/errors.js';
import { loadConfig } from '../../config/load-config.js';
import type { CliCommand } from '../command.js';
import { writeLine } from '../command.js';

/** `wirewatch discord register [--guild ID]`: one bulk overwrite, run by hand (never at boot). */
export const discordRegisterCommand: CliCommand = {
  name: ['discord', 'register'],
  summary: 'register Discord slash commands (never at boot)',
  description:
    'Registers /incidents, /subscribe, /unsubscribe and /subscriptions with Discord for DISCORD_APPLICATION_ID, using DISCORD_TOKEN. ' +
    'Run it once after install and after an upgrade that changes commands; the bot never registers at boot.',
  usage: '[--guild ID]',
  options: { guild: { type: 'string' } },
  optionHelp: {
    guild: { description: 'register in one server only (appears at once; global takes up to an hour)', default: 'global', value: 'ID' },
  },
  examples: ['wirewatch discord register --guild 123456789012345678'],
  async run(args, io) {
    const config = await loadConfig(io.env);
    const { token, apiUrl, applicationId, subscribePermissions } = config.discord;
    if (token === undefined) throw new WirewatchError('cli_usage', 'DISCORD_TOKEN is not set: registering commands needs the bot token');
    const guild = args.values.guild;
    if (guild !== undefined && (typeof guild !== 'string' || !/^\d{1,20}$/.test(guild)))
      throw new WirewatchError('cli_usage', `--guild must be a numeric server id (got '${String(guild)}')`);
    const result = await registerDiscordCommands({
      rest: createDiscordRest({ token, apiUrl }),
      applicationId,
      guildId: guild,
      managePermission: subscribePermissions === 'everyone' ? null : subscribePermissions,
    });
    for (const line of describeRegistration(result)) writeLine(io.stdout, line);
    return 0;
  },
};
