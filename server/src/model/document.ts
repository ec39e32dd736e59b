// The parsed document: tree, syntax problems, policies and line index, built once per text version.
import { findPolicies } from './find-policies';
import { parseJson } from './json';
import { LineIndex } from './lines';
import type { Policy, Statement } from './policy';
import type { SyntaxProblem } from './problems';
import type { ValueNode } from './tree';
import { parseYaml } from './yaml';

export type DocumentFormat = 'json' | 'yaml';

export interface PolicyDocument {
  readonly text: string;
  readonly format: DocumentFormat;
  readonly lines: LineIndex;
  readonly roots: readonly ValueNode[];
  readonly problems: readonly SyntaxProblem[];
  readonly policies: readonly Policy[];
  readonly isTemplate: boolean;
}

export function parseDocument(text: string, format: DocumentFormat): PolicyDocument {
  const parsed = format === 'json' ? parseJson(text) : parseYaml(text);
  const { policies, isTemplate } = findPolicies(parsed.roots);
  return { text, format, lines: new LineIndex(text), roots: parsed.roots, problems: parsed.problems, policies, isTemplate };
}

/** The innermost policy whose object spans the offset. */
export function policyAt(document: PolicyDocument, offset: number): Policy | undefined {
  let best: Policy | undefined;
  for (const policy of document.policies) {
    if (offset >= policy.node.start && offset <= policy.node.end && (!best || policy.node.start >= best.node.start)) best = policy;
  }
  return best;
}

/** The statement whose object spans the offset, in the policy at that offset. */
export function statementAt(document: PolicyDocument, offset: number): Statement | undefined {
  return policyAt(document, offset)?.statements.find((s) => offset >= s.node.start && offset <= s.node.end);
}

/** Picks the reader from a file name when no editor language id is known (the CLI). */
export function formatFromFileName(fileName: string, text: string): DocumentFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json') || lower.endsWith('.jsonc')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  // .template and other names: JSON starts with "{" (after any BOM or blanks), YAML does not.
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

export function formatFromLanguageId(languageId: string): DocumentFormat | undefined {
  if (languageId === 'json' || languageId === 'jsonc') return 'json';
  if (languageId === 'yaml' || languageId === 'cloudformation' || languageId === 'yml') return 'yaml';
  return undefined;
}
