// `profile-policy lint`: the same analysis as the editor, printed as file:line:col severity rule message.
import { readFileSync } from 'node:fs';
import { formatForFile } from '../formats/registry';
import type { Finding } from '../rules/rule';
import { analyse } from '../service';
import type { Settings } from '../rules/settings';

export interface LintedFile {
  readonly file: string;
  readonly findings: readonly Finding[];
  readonly positionOf: (offset: number) => { line: number; character: number };
}

export class UnreadableFileError extends Error {}

/** file: as shown in the output; path: where to read it. */
export function lintFile(file: string, path: string, settings: Settings): LintedFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UnreadableFileError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { document, findings } = analyse(text, formatForFile(file, text), settings);
  return { file, findings, positionOf: (offset) => document.lines.positionAt(offset) };
}

export function countBySeverity(results: readonly LintedFile[]): Record<Finding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const result of results) for (const finding of result.findings) counts[finding.severity]++;
  return counts;
}
