// "Profile Policy: New policy": pick what to start (a policy, or a CloudFormation template holding one)
// and its format; the server writes the skeleton, the editor opens it with its tab stops live.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NewPolicyRequest, type NewPolicyKind, type NewPolicyResult } from '../../server/src/protocol';

interface Choice extends vscode.QuickPickItem {
  readonly policyKind: NewPolicyKind;
  readonly format: 'json' | 'yaml';
}

const CHOICES: readonly Choice[] = [
  { label: 'IAM policy (JSON)', detail: 'Version and one statement, as IAM and the console take it', policyKind: 'policy', format: 'json' },
  { label: 'IAM policy (YAML)', detail: 'The same policy in YAML', policyKind: 'policy', format: 'yaml' },
  { label: 'CloudFormation: managed policy (YAML)', detail: 'AWS::IAM::ManagedPolicy with its policy document', policyKind: 'managed-policy', format: 'yaml' },
  { label: 'CloudFormation: role with a policy (YAML)', detail: 'AWS::IAM::Role: who may assume it, and an inline policy', policyKind: 'role', format: 'yaml' },
  { label: 'CloudFormation: managed policy (JSON)', detail: 'AWS::IAM::ManagedPolicy, in a JSON template', policyKind: 'managed-policy', format: 'json' },
  { label: 'CloudFormation: role with a policy (JSON)', detail: 'AWS::IAM::Role, in a JSON template', policyKind: 'role', format: 'json' },
];

export function registerNewPolicy(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('profilePolicy.newPolicy', async (kind?: unknown, format?: unknown) => {
      // With arguments the command asks nothing: for keybindings, the walkthrough and tests.
      const picked =
        CHOICES.find((c) => c.policyKind === kind && c.format === format) ??
        (await vscode.window.showQuickPick(CHOICES, { title: 'New policy', placeHolder: 'What to start from' }));
      if (!picked) return undefined;
      const result = await client.sendRequest<NewPolicyResult>(NewPolicyRequest, { kind: picked.policyKind, format: picked.format });
      const document = await vscode.workspace.openTextDocument({ language: result.languageId, content: '' });
      const editor = await vscode.window.showTextDocument(document);
      await editor.insertSnippet(new vscode.SnippetString(result.snippet));
      return document.uri.toString();
    }),
  );
}
