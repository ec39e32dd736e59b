// The parsed document: tree, syntax problems, policies and line index, built once per text version
// by the document's format (formats/), which the document keeps for writing back into it.
import type { Format } from './format';
import { LineIndex } from './lines';
import type { Policy, Statement } from './policy';
import type { SyntaxProblem } from './problems';
import type { ValueNode } from './tree';

export interface PolicyDocument {
  readonly text: string;
  readonly format: Format;
  readonly lines: LineIndex;
  readonly roots: readonly ValueNode[];
  readonly problems: readonly SyntaxProblem[];
  readonly policies: readonly Policy[];
  readonly isTemplate: boolean;
}

export function parseDocument(text: string, format: Format): PolicyDocument {
  const parsed = format.parse(text);
  const { policies, isTemplate } = format.findPolicies(parsed.roots);
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
