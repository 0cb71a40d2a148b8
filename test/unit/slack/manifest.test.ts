import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLASH_COMMANDS } from '../../../adapters/slack/slack-commands.js';

interface Manifest {
  features: { slash_commands: { command: string; description: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { socket_mode_enabled: boolean; interactivity: { is_enabled: boolean } };
}

describe('manifest.yml', () => {
  it('declares exactly the slash commands the app handles, the scopes it uses and Socket Mode', async () => {
    const manifest = parse(await readFile(join(import.meta.dirname, '../../../manifest.yml'), 'utf8')) as Manifest;
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(SLASH_COMMANDS.map((c) => `/${c}`).sort());
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['chat:write', 'commands', 'users:read']);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
