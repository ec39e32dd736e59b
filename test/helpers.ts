// Shared test helpers: repository paths, fixture loading, and reading findings back as source text.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FormatId as DocumentFormat } from '../server/src/formats/registry';
import type { Finding } from '../server/src/rules/rule';
import { analyse } from '../server/src/service';

/** The repository root, found from this (bundled) file's location. */
export const repoRoot = ((): string => {
  let directory = __dirname;
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`no package.json above ${__dirname}`);
    directory = parent;
  }
  return directory;
})();

/** The formats whose cases are written as JSON and YAML text side by side (Terraform renders its own). */
export type TextFormat = 'json' | 'yaml';

export const FORMATS: readonly TextFormat[] = ['json', 'yaml'];

/** A new directory under the system's temporary one, removed when the test file's process ends. */
export function scratchDirectory(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
  return directory;
}

export function readRepoFile(...parts: string[]): string {
  return readFileSync(join(repoRoot, ...parts), 'utf8');
}

/** A finding as `rule-id @ source text`, so tests pin exact ranges readably. */
export function describeFinding(text: string, finding: Finding): string {
  return `${finding.ruleId} @ ${text.slice(finding.start, finding.end)}`;
}

export function findingsOf(text: string, format: DocumentFormat): string[] {
  return analyse(text, format).findings.map((f) => describeFinding(text, f));
}

/** Removes one pair of surrounding quotes: JSON writes "x" where YAML may write x. */
export function unquote(text: string): string {
  return /^(["']).*\1$/s.test(text) ? text.slice(1, -1) : text;
}
