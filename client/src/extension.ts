// The VS Code client: starts the language server over node IPC for JSON, JSONC, YAML and Terraform
// documents, in files, untitled editors and virtual workspaces alike. Everything else lives in the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { POLICY_LANGUAGES } from './languages';
import { registerNewPolicy } from './new-policy';
import { registerRuleDocs, ruleLinks } from './rule-docs';
import { registerSimulation } from './simulate/flow';
import { registerTerraformEditing } from './terraform-editing';
import { SUGGEST_AT_NEXT_STOP_COMMAND, type InitializationOptions } from '../../server/src/protocol';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // No scheme: files, untitled documents and virtual file systems are all served.
    documentSelector: POLICY_LANGUAGES.map((language) => ({ language })),
    synchronize: { configurationSection: 'profilePolicy' },
    outputChannelName: 'Profile Policy',
    middleware: ruleLinks,
    initializationOptions: { commands: [SUGGEST_AT_NEXT_STOP_COMMAND] } satisfies InitializationOptions,
  };
  client = new LanguageClient('profilePolicy', 'Profile Policy', serverOptions, clientOptions);
  registerSimulation(context, client);
  registerNewPolicy(context, client);
  registerRuleDocs(context);
  registerTerraformEditing(context);
  // After an operator is accepted into the Condition snippet: on to its key's stop, with the keys listed.
  context.subscriptions.push(
    vscode.commands.registerCommand(SUGGEST_AT_NEXT_STOP_COMMAND, async () => {
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
