// The CLI's settings file: .profile-policy.json, found from the working directory upwards, with the
// same shape as the editor's profilePolicy settings.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ruleMeta } from '../rules/index';
import { readSettings, type Settings } from '../rules/settings';
import { readInputFile, UnreadableFileError } from './read';

export const CONFIG_FILE = '.profile-policy.json';

export class ConfigError extends Error {}

export function findConfig(cwd: string): string | undefined {
  let directory = resolve(cwd);
  for (;;) {
    const candidate = join(directory, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

export function loadConfig(path: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(readInputFile(path, path));
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new ConfigError(error.message);
    throw new ConfigError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(
      `${path}: the settings must be a JSON object such as {"rules": {"sid-duplicate": "off"}}, not ${Array.isArray(raw) ? 'an array' : JSON.stringify(raw)}`,
    );
  }
  const problems: string[] = [];
  const settings = readSettings(raw, (m) => problems.push(m));
  for (const id of Object.keys(settings.rules)) if (!ruleMeta(id)) problems.push(`unknown rule "${id}"`);
  if (problems.length > 0) throw new ConfigError(`${path}: ${problems.join('; ')}`);
  return settings;
}
