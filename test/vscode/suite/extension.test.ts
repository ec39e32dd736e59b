// The same checks as the end-to-end UI test, through VS Code's API: diagnostics, completion, hover,
// code actions and the simulate command (with a request, so it asks nothing).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const workspace = () => vscode.workspace.workspaceFolders![0]!.uri;

async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspace(), name));
  await vscode.window.showTextDocument(document);
  return document;
}

async function diagnosticsOf(uri: vscode.Uri, atLeast: number): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'profile-policy');
    if (found.length >= atLeast || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('profile-policy through the VS Code API', () => {
  it('publishes diagnostics for a JSON policy and a CloudFormation template', async () => {
    const json = await open('policy.json');
    const codes = (await diagnosticsOf(json.uri, 13)).map(codeOf);
    for (const rule of ['version-invalid', 'action-unknown', 'principal-in-identity-policy', 'duplicate-key']) assert.ok(codes.includes(rule), rule);
    const yaml = await open('template.yaml');
    assert.ok((await diagnosticsOf(yaml.uri, 5)).map(codeOf).includes('principal-in-identity-policy'));
  });

  it('completes profile actions with their access level and description', async () => {
    const document = await open('typing.json');
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((edit) => edit.replace(new vscode.Range(5, 16, 5, 18), '["profile:GetDom"]'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(5, 31));
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'profile:GetDomain');
    assert.ok(item, 'profile:GetDomain offered');
    assert.match(String(item.detail), /^Read · get a specific domain/);
  });

  it('hovers an action with its documentation', async () => {
    const document = await open('agent.json');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(7, 20));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /profile:SearchProfiles/);
    assert.match(text, /API_SearchProfiles\.html/);
  });

  it('offers the quick fix for a misspelt action', async () => {
    const document = await open('policy.json');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(7, 12, 7, 12));
    assert.ok(
      actions.some((a) => a.title === 'Change to "profile:GetDomain"'),
      actions.map((a) => a.title).join(', '),
    );
  });

  it('simulates a statement through the command', async () => {
    const document = await open('agent.json');
    const result = await vscode.commands.executeCommand<{ decision: string; reason: string }>(
      'profilePolicy.simulateStatement',
      document.uri,
      new vscode.Position(27, 10),
      'statement',
      {
        action: 'profile:DeleteProfile',
        resource: 'arn:aws:profile:us-east-1:111122223333:domains/retail',
        context: {},
      },
    );
    assert.equal(result.decision, 'ExplicitDeny');
  });
});
