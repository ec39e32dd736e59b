// Findings (offsets) → LSP diagnostics (positions), with the rule id as the code.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { LineIndex } from '../model/lines';
import type { Finding, Severity } from '../rules/rule';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'profile-policy';

/** docsUri: where docs/rules.md is (a file URI next to the installed server); each code links to its rule. */
export function toDiagnostic(finding: Finding, lines: LineIndex, docsUri?: string): Diagnostic {
  return {
    range: { start: lines.positionAt(finding.start), end: lines.positionAt(finding.end) },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(docsUri ? { codeDescription: { href: `${docsUri}#${finding.ruleId}` } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(finding.data ? { data: finding.data } : {}),
  };
}
