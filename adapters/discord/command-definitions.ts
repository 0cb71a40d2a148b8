import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { KINDS, SEVERITIES } from '../../src/domain/analysis.js';

export type DiscordCommandName = 'incidents' | 'subscribe' | 'unsubscribe' | 'subscriptions';
export const DISCORD_COMMAND_NAMES: readonly DiscordCommandName[] = ['incidents', 'subscribe', 'unsubscribe', 'subscriptions'];

/** Manage Channels: who may change what a channel hears, unless a server overrides it. */
export const MANAGE_CHANNELS = PermissionFlagsBits.ManageChannels.toString();

/** All the bot needs in a channel: see it, post in it, and have its embeds shown (19456). */
export const BOT_PERMISSIONS = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;

/** The URL that adds the bot to a server with exactly those permissions and its slash commands. */
export function buildInviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: 'bot applications.commands',
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}

export interface CommandDefinitionOptions {
  /**
   * Permission bits (decimal string) required by default for /subscribe and /unsubscribe;
   * null lets everyone. Server admins can still change it under Server Settings → Integrations.
   */
  managePermission?: string | null;
}

const region = (required: boolean, description: string): APIApplicationCommandOption => ({
  type: ApplicationCommandOptionType.String,
  name: 'region',
  description,
  required,
  autocomplete: true,
  max_length: 100,
});
const kind = (description: string): APIApplicationCommandOption => ({
  type: ApplicationCommandOptionType.String,
  name: 'kind',
  description,
  required: false,
  choices: KINDS.map((k) => ({ name: k, value: k })),
});
const minSeverity: APIApplicationCommandOption = {
  type: ApplicationCommandOptionType.String,
  name: 'min-severity',
  description: 'Only alerts at or above this severity (default: low)',
  required: false,
  choices: SEVERITIES.map((s) => ({ name: s, value: s })),
};
const since: APIApplicationCommandOption = {
  type: ApplicationCommandOptionType.String,
  name: 'since',
  description: 'How far back, e.g. 90m, 6h, 2d, 1w (default: all kept)',
  required: false,
  max_length: 10,
};

/** The slash commands, exactly as `wirewatch discord register` sends them. */
export function buildCommandDefinitions(options: CommandDefinitionOptions = {}): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const manage = options.managePermission === undefined ? MANAGE_CHANNELS : options.managePermission;
  // Subscriptions belong to a server channel, so the commands exist only in servers.
  const common = {
    type: ApplicationCommandType.ChatInput as const,
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
  return [
    {
      ...common,
      name: 'incidents',
      description: 'Recent strikes and negotiations, newest first',
      options: [region(false, 'Country, oblast/krai or town (default: everywhere)'), kind('Only this kind'), since],
    },
    {
      ...common,
      name: 'subscribe',
      description: 'Post alerts about a region in this channel',
      default_member_permissions: manage,
      options: [region(true, 'Country, oblast/krai or town to follow'), kind('Only this kind (default: both)'), minSeverity],
    },
    {
      ...common,
      name: 'unsubscribe',
      description: 'Stop alerts about a region in this channel',
      default_member_permissions: manage,
      options: [region(true, 'The region this channel follows'), kind('Only stop this kind (default: both)')],
    },
    { ...common, name: 'subscriptions', description: 'What this channel follows' },
  ];
}
