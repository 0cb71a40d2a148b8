import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { configSchema, type Config } from '../../src/config/index.js';
import { WirewatchError } from '../../src/errors.js';
import { ENV_VARS } from './env-vars.js';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Builds the config from a file (optional, `WIREWATCH_CONFIG`) and environment variables, the
 * latter winning. On any problem throws `config_invalid` listing every problem, each naming the
 * environment variable or the file key it came from.
 */
export async function loadConfig(env: Env = process.env): Promise<Config> {
  const problems: string[] = [];
  const fileName = env.WIREWATCH_CONFIG;
  let raw: Record<string, unknown> = {};
  if (fileName) {
    try {
      raw = parseConfigFile(await readFile(fileName, 'utf8'), fileName);
    } catch (error) {
      problems.push(`WIREWATCH_CONFIG (${fileName}): ${(error as Error).message}`);
    }
  }
  const origin = new Map<string, string>();
  for (const v of ENV_VARS) {
    const value = env[v.name];
    if (v.path.length === 0 || value === undefined || value === '') continue;
    setPath(raw, v.path, value);
    origin.set(v.path.join('.'), v.name);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => describeIssue(i, origin, fileName)));
  if (problems.length > 0 || !parsed.success) {
    throw new WirewatchError('config_invalid', `invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`, {
      detail: { problems },
    });
  }
  return parsed.data;
}

function parseConfigFile(text: string, fileName: string): Record<string, unknown> {
  const value: unknown = fileName.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error('must hold a mapping of settings');
  return value as Record<string, unknown>;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: string): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function describeIssue(issue: z.core.$ZodIssue, origin: Map<string, string>, fileName: string | undefined): string {
  const key = issue.path.map(String).join('.');
  const where = origin.get(key) ?? (fileName ? `${fileName}: ${formatPath(issue.path)}` : formatPath(issue.path));
  return `${where}: ${issue.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}
