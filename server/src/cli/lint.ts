// `profile-policy lint`: the same analysis as the editor, printed as file:line:col severity rule message.
import { formatForFile } from '../formats/registry';
import { ruleMeta } from '../rules/index';
import type { Finding } from '../rules/rule';
import { analyse, tooLargeMessage } from '../service';
import { maxLength, type Settings } from '../rules/settings';
import { readRegularFile } from './read';

export interface LintedFile {
  readonly file: string;
  readonly findings: readonly Finding[];
  readonly positionOf: (offset: number) => { line: number; character: number };
}

/** file: as shown in the output; path: where to read it. A file far over the size limit is not even read. */
export function lintFile(file: string, path: string, settings: Settings): LintedFile {
  const limit = maxLength(settings);
  const { text, skippedSize } = readRegularFile(path, file, limit);
  if (text === undefined) {
    const severity = settings.rules['document-too-large'] ?? ruleMeta('document-too-large')!.severity;
    const findings: Finding[] =
      severity === 'off' ? [] : [{ ruleId: 'document-too-large', severity, start: 0, end: 0, message: tooLargeMessage(skippedSize!, limit) }];
    return { file, findings, positionOf: () => ({ line: 0, character: 0 }) };
  }
  const { document, findings } = analyse(text, formatForFile(file, text), settings);
  return { file, findings, positionOf: (offset) => document.lines.positionAt(offset) };
}

export function countBySeverity(results: readonly LintedFile[]): Record<Finding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const result of results) for (const finding of result.findings) counts[finding.severity]++;
  return counts;
}
