// A rule id in the Problems panel or a hover opens that rule's section of docs/rules.md, rendered: the
// server links each diagnostic to the file (for any LSP client); in VS Code the link becomes a command
// that opens the Markdown preview scrolled to the rule.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const SHOW_RULE = 'profilePolicy.showRule';

export function registerRuleDocs(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_RULE, (id: unknown) => showRule(context, typeof id === 'string' ? id : undefined)));
}

/** Rewrites each diagnostic's link to the rule documentation into the command. */
export const ruleLinks: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    for (const diagnostic of diagnostics) {
      const target = diagnostic.code && typeof diagnostic.code === 'object' ? diagnostic.code.target : undefined;
      if (!target || !target.path.endsWith('/docs/rules.md') || !target.fragment) continue;
      const id = target.fragment;
      diagnostic.code = { value: id, target: vscode.Uri.parse(`command:${SHOW_RULE}?${encodeURIComponent(JSON.stringify([id]))}`) };
    }
    next(uri, diagnostics);
  },
};

async function showRule(context: vscode.ExtensionContext, id: string | undefined): Promise<void> {
  const file = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
  const document = await vscode.workspace.openTextDocument(file);
  // The rule's heading: `### rule-id`.
  let line = 0;
  for (let i = 0; i < document.lineCount; i++) {
    if (document.lineAt(i).text === `### ${id}`) {
      line = i;
      break;
    }
  }
  // The preview opens where its source editor shows: put the heading at the top of that editor first.
  const position = new vscode.Position(line, 0);
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: vscode.ViewColumn.Beside,
    preview: true,
    selection: new vscode.Range(position, position),
  });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  await vscode.commands.executeCommand('markdown.showPreview', file);
}
