// The outline: each policy, and its statements by Sid or by effect and first action.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/document';
import { elementValues } from '../model/policy';
import { scalarText } from '../model/tree';

export function documentSymbols(document: PolicyDocument): DocumentSymbol[] {
  const range = (start: number, end: number) => ({ start: document.lines.positionAt(start), end: document.lines.positionAt(end) });
  return document.policies.map((policy) => {
    const anchor = policy.node.parent?.kind === 'property' ? policy.node.parent.key : policy.node;
    // The symbol spans the key that names the policy too: LSP requires the selection inside the range.
    return {
      name: policy.label,
      detail: `${policy.kind} policy`,
      kind: SymbolKind.Namespace,
      range: range(Math.min(anchor.start, policy.node.start), policy.node.end),
      selectionRange: range(anchor.start, anchor.end),
      children: policy.statements.map((statement) => {
        const sid = scalarText(statement.elements.Sid?.value);
        const effect = scalarText(statement.elements.Effect?.value) ?? '?';
        const actions = [...elementValues(statement, 'Action'), ...elementValues(statement, 'NotAction')].map(scalarText).filter(Boolean);
        const summary = `${effect} ${actions.slice(0, 2).join(', ')}${actions.length > 2 ? ', …' : ''}`;
        const selection = statement.elements.Sid?.value ?? statement.node;
        return {
          name: sid || summary.trim() || `Statement ${statement.index + 1}`,
          detail: sid ? summary : undefined,
          kind: SymbolKind.Object,
          range: range(statement.node.start, statement.node.end),
          selectionRange: range(selection.start, selection.end),
        };
      }),
    };
  });
}
