// "Simulate statement" / "Simulate policy" / "Simulate all actions" / "Re-run last simulation":
// ask for the request (prefilled from the statement), let the server run the engine, show the result.
import * as vscode from 'vscode';
import { POLICY_LANGUAGES } from '../languages';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  SimulateAllRequest,
  SimulateRequest,
  SimulationTargetRequest,
  contextKeyPrompt,
  type SimulateAllResult,
  type SimulateParams,
  type SimulateResult,
  type SimulationScope,
  type SimulationTarget,
} from '../../../server/src/protocol';
import { readArn } from '../../../server/src/iam/arn';
import { hasVariables, scanVariables } from '../../../server/src/iam/variables';
import { showResult, showTable } from './view';
import { resourceToOffer } from './prefill';

type Context = Record<string, string | string[]>;

interface Where {
  readonly uri: vscode.Uri;
  readonly position: vscode.Position;
  readonly scope: SimulationScope;
}

let last: { where: Where; params: SimulateParams } | undefined;
/**
 * Answers are remembered between runs, so a second simulation is a few Enter presses. The resource is
 * remembered per document: another file's statements name other resources, which they prefill. A
 * condition key's value is remembered when the user wrote it, not when they took the example offered.
 */
const remembered: { resources: Map<string, string>; context: Context; parameters: Record<string, string> } = {
  resources: new Map(),
  context: {},
  parameters: {},
};

export function registerSimulation(context: vscode.ExtensionContext, client: LanguageClient): void {
  const register = (id: string, run: (...args: unknown[]) => Promise<unknown>) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  // With a request as the fourth argument the command asks nothing and returns the result: for
  // scripts, keybindings with arguments, and the VS Code API tests.
  register('profilePolicy.simulateStatement', (uri?: unknown, position?: unknown, scope?: unknown, request?: unknown) =>
    request && typeof request === 'object'
      ? simulateDirectly(client, where(uri, position, scope ?? 'statement'), request as SimulateParams['request'])
      : simulate(client, where(uri, position, scope ?? 'statement')),
  );
  register('profilePolicy.simulatePolicy', (uri?: unknown, position?: unknown) => simulate(client, where(uri, position, 'policy')));
  register('profilePolicy.simulateAllActions', (uri?: unknown, position?: unknown) => simulateAll(client, where(uri, position, 'policy')));
  register('profilePolicy.rerunSimulation', async () => {
    if (!last) return void vscode.window.showInformationMessage('No simulation has run yet.');
    await send(client, last.where, last.params);
  });
}

/** From a CodeLens (uri, position, scope) or the command palette (the active editor's cursor). */
function where(uri: unknown, position: unknown, scope: unknown): Where | undefined {
  if ((typeof uri === 'string' || uri instanceof vscode.Uri) && position && typeof position === 'object') {
    const p = position as { line: number; character: number };
    return {
      uri: typeof uri === 'string' ? vscode.Uri.parse(uri) : uri,
      position: new vscode.Position(p.line, p.character),
      scope: scope === 'policy' ? 'policy' : 'statement',
    };
  }
  // From the palette or the walkthrough, where the focus may be elsewhere: the visible policy editor.
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => POLICY_LANGUAGES.includes(e.document.languageId));
  if (!editor) return undefined;
  return { uri: editor.document.uri, position: editor.selection.active, scope: scope === 'policy' ? 'policy' : 'statement' };
}

async function targetOf(client: LanguageClient, place: Where): Promise<SimulationTarget | undefined> {
  const target = await client.sendRequest<SimulationTarget | null>(SimulationTargetRequest, {
    uri: place.uri.toString(),
    position: client.code2ProtocolConverter.asPosition(place.position),
    scope: place.scope,
  });
  if (!target)
    void vscode.window.showInformationMessage(`Put the cursor inside an IAM policy ${place.scope === 'statement' ? 'statement' : ''} to simulate it.`);
  return target ?? undefined;
}

async function simulate(client: LanguageClient, place: Where | undefined): Promise<void> {
  if (!place) return void vscode.window.showInformationMessage('Open an IAM policy to simulate it.');
  const target = await targetOf(client, place);
  if (!target) return;
  const action = await pickAction(target);
  if (!action) return;
  const resource = await askResource(target, place.uri, action);
  if (resource === undefined) return;
  const context = await askContext(target);
  if (!context) return;
  const parameters = await askParameters(target);
  if (!parameters) return;
  const params: SimulateParams = {
    uri: place.uri.toString(),
    position: client.code2ProtocolConverter.asPosition(place.position),
    scope: place.scope,
    request: { action, resource, context, ...(Object.keys(parameters).length ? { parameters } : {}) },
  };
  last = { where: place, params };
  await send(client, place, params);
}

async function send(client: LanguageClient, place: Where, params: SimulateParams): Promise<SimulateResult | undefined> {
  const result = await client.sendRequest<SimulateResult | null>(SimulateRequest, params);
  if (!result) return void vscode.window.showWarningMessage('The policy changed: nothing to simulate at that place any more.');
  showResult(place.uri, result, place.scope);
  return result;
}

async function simulateDirectly(client: LanguageClient, place: Where | undefined, request: SimulateParams['request']): Promise<SimulateResult | undefined> {
  if (!place) return undefined;
  const params: SimulateParams = { uri: place.uri.toString(), position: client.code2ProtocolConverter.asPosition(place.position), scope: place.scope, request };
  last = { where: place, params };
  return send(client, place, params);
}

async function simulateAll(client: LanguageClient, place: Where | undefined): Promise<void> {
  if (!place) return void vscode.window.showInformationMessage('Open an IAM policy to simulate it.');
  const target = await targetOf(client, place);
  if (!target) return;
  const services = await pickServices(target);
  if (!services) return;
  const resource = await askResource(target, place.uri);
  if (resource === undefined) return;
  const context = await askContext(target);
  if (!context) return;
  const parameters = await askParameters(target);
  if (!parameters) return;
  const result = await client.sendRequest<SimulateAllResult | null>(SimulateAllRequest, {
    uri: place.uri.toString(),
    position: client.code2ProtocolConverter.asPosition(place.position),
    scope: place.scope,
    resource,
    context,
    ...(Object.keys(parameters).length ? { parameters } : {}),
    services,
  });
  if (result) showTable(place.uri, resource, result);
}

/** Whose actions to simulate: the services the statement names, all chosen at first; no question when it names one. */
async function pickServices(target: SimulationTarget): Promise<string[] | undefined> {
  if (target.services.length < 2) return target.services.map((s) => s.prefix);
  const picked = await vscode.window.showQuickPick(
    target.services.map((s) => ({ label: s.prefix, description: s.name, picked: true })),
    { title: titleOf(target, 'every action of'), canPickMany: true, placeHolder: "The services whose actions to simulate (the statement's)" },
  );
  return picked && picked.length > 0 ? picked.map((p) => p.label) : undefined;
}

/** "Simulate statement: AnalystRole › “ReadProfiles”", for every question's title. */
function titleOf(target: SimulationTarget, question: string): string {
  return `${target.scope === 'statement' ? 'Simulate statement' : 'Simulate policy'}: ${target.label} — ${question}`;
}

/** The statement's own actions first, the one under the cursor preselected; any other action of its services below; or type any service:Action. */
async function pickAction(target: SimulationTarget): Promise<string | undefined> {
  const own = new Set(target.actions);
  const item = (action: string): vscode.QuickPickItem => {
    const info = target.actionInfo[action];
    return { label: action, ...(info?.accessLevel ? { description: info.accessLevel } : {}), ...(info?.description ? { detail: info.description } : {}) };
  };
  const ownItems = target.actions.map(item);
  const items: vscode.QuickPickItem[] = [
    ...(own.size ? [{ label: 'In this statement', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...ownItems,
    { label: `Other ${target.services.map((s) => s.name).join(', ')} actions`, kind: vscode.QuickPickItemKind.Separator },
    ...target.allActions.filter((a) => !own.has(a)).map(item),
  ];
  const pick = vscode.window.createQuickPick();
  pick.title = titleOf(target, 'action');
  pick.placeholder = 'The action of the request (or type any service:Action)';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  const atCursor = items.find((i) => i.label === target.cursorAction && i.kind !== vscode.QuickPickItemKind.Separator);
  if (atCursor) pick.activeItems = [atCursor];
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      const value = pick.selectedItems[0]?.label ?? pick.value.trim();
      pick.hide();
      resolve(value.includes(':') ? value : undefined);
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
}

/** Template parameters the statement reads and the template gives no default: asked, remembered. */
async function askParameters(target: SimulationTarget): Promise<Record<string, string> | undefined> {
  const parameters: Record<string, string> = {};
  for (const parameter of target.parameters) {
    if (parameter.default !== undefined) continue;
    const previous = remembered.parameters[parameter.name];
    const answer = await vscode.window.showInputBox({
      title: titleOf(target, `parameter ${parameter.name}`),
      prompt: `The template parameter ${parameter.name} has no default: its value for this simulation. Leave empty to leave it to the deployment (the answer may then be Undetermined).`,
      value: previous ?? '',
    });
    if (answer === undefined) return undefined;
    if (answer.trim() === '') continue;
    parameters[parameter.name] = answer.trim();
    remembered.parameters[parameter.name] = answer.trim();
  }
  return parameters;
}

function validateResource(value: string): string | undefined {
  if (value === '*') return undefined;
  if (!readArn(value)) return 'A resource ARN: arn:partition:service:region:account:resource';
  if (hasVariables(value)) return 'Fill in the ${…} placeholders with the names of a real resource';
  return undefined;
}

/** The request's resource; "*" offered for an action that acts on no resource type (its requests are for "*"). */
async function askResource(target: SimulationTarget, document: vscode.Uri, action?: string): Promise<string | undefined> {
  const noResource = action !== undefined && target.actionInfo[action]?.noResource === true;
  const previous = remembered.resources.get(document.toString());
  const value = resourceToOffer(target, action, previous && !validateResource(previous) ? previous : undefined);
  const answer = await vscode.window.showInputBox({
    title: titleOf(target, 'resource'),
    prompt: noResource
      ? `${action} acts on no resource type: its requests are for "*".`
      : 'The resource of the request: an ARN (wildcards in a policy ARN match; the request names one resource)',
    value,
    valueSelection: placeholderSelection(value),
    validateInput: validateResource,
  });
  // "*" taken for such an action is not the resource to offer the next action.
  if (answer !== undefined && !(noResource && answer === '*')) remembered.resources.set(document.toString(), answer);
  return answer;
}

/** Select the first ${Placeholder} or * so typing replaces it. */
function placeholderSelection(value: string): [number, number] | undefined {
  const placeholder = scanVariables(value)[0];
  if (placeholder) return [placeholder.start, placeholder.end];
  const star = value.lastIndexOf('*');
  return star >= 0 ? [star, star + 1] : undefined;
}

async function askContext(target: SimulationTarget): Promise<Context | undefined> {
  const context: Context = {};
  for (const key of target.contextKeys) {
    const previous = remembered.context[key.key];
    const fallback = key.examples[0] ?? '';
    const offered = previous === undefined ? fallback : Array.isArray(previous) ? previous.join(', ') : previous;
    const answer = await vscode.window.showInputBox({
      title: titleOf(target, key.key),
      prompt: contextKeyPrompt(key, previous === undefined ? undefined : offered),
      value: offered,
    });
    if (answer === undefined) return undefined;
    const trimmed = answer.trim();
    if (trimmed === '') {
      delete remembered.context[key.key];
      continue;
    }
    context[key.key] = key.multivalued
      ? trimmed
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : trimmed;
    // The user's own value is kept for the next run; an example taken as offered is not, so the next
    // statement offers its own (a Deny's NotIpAddress, after an Allow's IpAddress).
    if (previous !== undefined || trimmed !== fallback) remembered.context[key.key] = context[key.key]!;
  }
  return context;
}
