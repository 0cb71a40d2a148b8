import { Routes, type REST, type RESTGetAPIApplicationCommandsResult, type RESTGetCurrentApplicationResult } from 'discord.js';
import { mapStartupError } from './map-discord-error.js';
import { buildCommandDefinitions, buildInviteUrl, type CommandDefinitionOptions } from './command-definitions.js';

export interface RegisterOptions extends CommandDefinitionOptions {
  rest: REST;
  /** Looked up from the token (GET /applications/@me) when not given. */
  applicationId?: string | undefined;
  /** A guild registers instantly (testing); without one the commands are global. */
  guildId?: string | undefined;
}

export interface RegisterResult {
  scope: string;
  applicationId: string;
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

// Fields Discord adds or fills in on its side; comparing them would call every command changed.
const SERVER_FIELDS = new Set(['id', 'application_id', 'guild_id', 'version', 'dm_permission', 'nsfw', 'handler']);

/** Bulk-overwrites the slash commands (one PUT: never at boot, so the daily create cap is safe). */
export async function registerDiscordCommands(options: RegisterOptions): Promise<RegisterResult> {
  try {
    return await overwriteCommands(options);
  } catch (error) {
    throw mapStartupError(error);
  }
}

async function overwriteCommands(options: RegisterOptions): Promise<RegisterResult> {
  const { rest } = options;
  const applicationId = options.applicationId ?? ((await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult).id;
  const route = options.guildId
    ? Routes.applicationGuildCommands(applicationId, options.guildId)
    : Routes.applicationCommands(applicationId);
  const wanted = buildCommandDefinitions(options);
  const before = (await rest.get(route)) as RESTGetAPIApplicationCommandsResult;
  await rest.put(route, { body: wanted });
  const old = new Map(before.map((c) => [c.name, c]));
  const result: RegisterResult = {
    scope: options.guildId ? `guild ${options.guildId}` : 'global',
    applicationId,
    added: [],
    updated: [],
    removed: [],
    unchanged: [],
  };
  for (const command of wanted) {
    const existing = old.get(command.name);
    if (existing === undefined) result.added.push(command.name);
    else if (sameCommand(existing, command)) result.unchanged.push(command.name);
    else result.updated.push(command.name);
  }
  const names = new Set(wanted.map((c) => c.name));
  result.removed = before.map((c) => c.name).filter((n) => !names.has(n));
  return result;
}

function sameCommand(existing: object, wanted: object): boolean {
  return canonical(strip(existing)) === canonical(strip(wanted));
}

function strip(command: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(command).filter(([k, v]) => !SERVER_FIELDS.has(k) && v !== undefined));
}

/** Key order and absent-versus-false differences are not changes. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** What `wirewatch discord register` prints. */
export function describeRegistration(result: RegisterResult): string[] {
  const lines = [`Registered ${result.added.length + result.updated.length + result.unchanged.length} commands (${result.scope}).`];
  const list = (label: string, names: string[]) => {
    if (names.length > 0) lines.push(`  ${label}: ${names.map((n) => `/${n}`).join(', ')}`);
  };
  list('added', result.added);
  list('updated', result.updated);
  list('removed', result.removed);
  list('unchanged', result.unchanged);
  lines.push(`Invite the bot: ${buildInviteUrl(result.applicationId)}`);
  if (result.scope === 'global') lines.push('Global commands may take a while to reach every client; use --guild ID to test at once.');
  return lines;
}
