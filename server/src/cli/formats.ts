// Output formats of `profile-policy lint`: text lines, JSON, and SARIF 2.1.0 for code-scanning tools.
import { ALL_RULES, ruleGroupOf } from '../rules/index';
import type { Severity } from '../rules/rule';
import type { LintedFile } from './lint';

export type OutputFormat = 'text' | 'json' | 'sarif';

interface Located {
  readonly file: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based, in UTF-16 code units as editors count. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly suggestions: readonly string[];
}

function located(results: readonly LintedFile[]): Located[] {
  return results.flatMap((result) =>
    result.findings.map((finding) => {
      const start = result.positionOf(finding.start);
      const end = result.positionOf(finding.end);
      return {
        file: result.file,
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        suggestions: finding.data?.suggestions ?? [],
      };
    }),
  );
}

export function formatResults(format: OutputFormat, results: readonly LintedFile[], version: string, cwd: string): string {
  const findings = located(results);
  switch (format) {
    case 'text':
      return findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`).join('\n');
    case 'json':
      return JSON.stringify({ version, files: results.map((r) => r.file), findings }, null, 2);
    case 'sarif':
      return JSON.stringify(sarif(findings, version, cwd), null, 2);
  }
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function sarif(findings: readonly Located[], version: string, cwd: string): object {
  const index = new Map(ALL_RULES.map((rule, i) => [rule.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'profile-policy',
            version,
            semanticVersion: version,
            rules: ALL_RULES.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              help: { text: rule.description, markdown: rule.description },
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
              properties: { tags: ['iam', ruleGroupOf(rule.id) ?? 'policy'], references: rule.references ?? [] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { SRCROOT: { uri: `${pathToFileUri(cwd)}/` } },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          ...(f.suggestions.length ? { properties: { suggestions: f.suggestions } } : {}),
        })),
      },
    ],
  };
}

function pathToFileUri(path: string): string {
  return `file://${path
    .split(/[\\/]/)
    .map(encodeURIComponent)
    .join('/')
    .replace(/^([^/])/, '/$1')}`;
}
