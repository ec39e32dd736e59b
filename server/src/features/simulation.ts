// The editor side of simulation: what a statement covers (to prefill the questions), running the
// engine on the policy or statement at a position, the all-actions table, and CodeLenses.
import type { CodeLens } from 'vscode-languageserver-types';
import { DEFAULT_SERVICE, type Catalog } from '../catalog/catalog';
import { readArnPattern } from '../iam/arn';
import { parseAction } from '../iam/action';
import { locate } from '../model/locate';
import { shortDescription, type ServiceModel } from '../catalog/service';
import { hasVariables, variableKeys } from '../iam/variables';
import { parseOperator, requestExample } from '../iam/operators';
import { requestWarnings } from './request-check';
import { policyAt, statementAt, type PolicyDocument } from '../model/document';
import { elementValues, type Policy, type Statement, type TemplateParameter } from '../model/policy';
import { namesRead, preview, templateValues } from '../simulate/intrinsics';
import { scalarText } from '../model/tree';
import { SIMULATE_COMMAND, type SimulateAllResult, type SimulateResult, type SimulationScope, type SimulationTarget } from '../protocol';
import { simulatePolicy, simulateStatement } from '../simulate/engine';
import type { SimulationRequest, Span } from '../simulate/types';
import { statementActions, statementCarriesTagKey, takesNoResource } from '../facts/statement-facts';

interface Located {
  readonly policy: Policy;
  readonly statement: Statement | undefined;
}

function locateTarget(document: PolicyDocument, offset: number, scope: SimulationScope): Located | undefined {
  const policy = policyAt(document, offset);
  if (!policy) return undefined;
  const statement = scope === 'statement' ? statementAt(document, offset) : undefined;
  if (scope === 'statement' && !statement) return undefined;
  return { policy, statement };
}

function labelOf(target: Located): string {
  if (!target.statement) return target.policy.label;
  const sid = scalarText(target.statement.elements.Sid?.value);
  return `${target.policy.label} › ${sid ? `"${sid}"` : `statement ${target.statement.index + 1}`}`;
}

export function simulationTarget(document: PolicyDocument, offset: number, scope: SimulationScope, catalog: Catalog): SimulationTarget | undefined {
  const target = locateTarget(document, offset, scope);
  if (!target) return undefined;
  const statements = target.statement ? [target.statement] : target.policy.statements;
  const actions = [...new Set(statements.flatMap((s) => statementActions(s, catalog).actions.map((a) => `${a.service}:${a.name}`)))];
  const services = servicesOf(statements, catalog);
  const resources = new Set<string>();
  // Template functions shown with what the template knows put in (`arn:${AWS::Partition}:…:domains/${DomainName}`).
  const names = templateValues(target.policy, { action: '', resource: '' });
  for (const s of statements) {
    for (const node of elementValues(s, 'Resource')) {
      const text = scalarText(node) ?? preview(node, names);
      if (text && text !== '*' && readArnPattern(text)) resources.add(text);
    }
  }
  const templateParameters = target.policy.origin.format === 'cloudformation' ? target.policy.origin.parameters : new Map<string, TemplateParameter>();
  const read = new Set<string>();
  for (const s of statements) {
    for (const element of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) for (const node of elementValues(s, element)) namesRead(node, read);
    for (const operator of s.conditions) for (const entry of operator.keys) for (const value of entry.values) namesRead(value, read);
  }
  const parameters = [...read]
    .filter((name) => templateParameters.has(name))
    .map((name) => {
      const written = templateParameters.get(name)!.default;
      return written === undefined ? { name } : { name, default: typeof written === 'string' ? written : written.join(',') };
    });
  const keys = new Map<string, { multivalued: boolean; examples: Set<string> }>();
  const ask = (key: string, multivalued: boolean) => {
    const known = keys.get(key) ?? { multivalued, examples: new Set<string>() };
    keys.set(key, known);
    return known;
  };
  // A key read through a policy variable (`${aws:PrincipalTag/team}` in a value or an ARN) decides the answer as much as a compared one.
  const askVariables = (text: string | undefined) => {
    for (const key of text ? variableKeys(text) : []) {
      if ([...keys.keys()].some((k) => k.toLowerCase() === key.toLowerCase())) continue;
      const info = catalog.conditionKey(key);
      ask(key, typeof info === 'object' && info.multivalued);
    }
  };
  // Null "false" only asks for some value: offered after what the key's other conditions ask for.
  const presence = new Map<string, string>();
  for (const s of statements) {
    // A tag key none of the statement's actions carries (condition-key-unsupported) is offered no value.
    const carried = statementCarriesTagKey(statementActions(s, catalog), catalog);
    for (const operator of s.conditions) {
      const parsed = parseOperator(operator.operator.value);
      for (const entry of operator.keys) {
        const info = catalog.conditionKey(entry.key.value);
        const known = ask(entry.key.value, (typeof info === 'object' && info.multivalued) || parsed.qualifier !== undefined);
        if (carried && typeof info === 'object' && !carried(info)) continue;
        for (const value of entry.values) {
          const text = scalarText(value);
          const example = text === undefined || hasVariables(text) ? undefined : requestExample(operator.operator.value, text);
          if (example === undefined) continue;
          if (parsed.base?.family === 'Null') presence.set(entry.key.value, example);
          else known.examples.add(example);
        }
      }
    }
  }
  for (const [key, example] of presence) keys.get(key)?.examples.add(example);
  for (const s of statements) {
    for (const operator of s.conditions) for (const entry of operator.keys) for (const value of entry.values) askVariables(scalarText(value));
    for (const element of ['Resource', 'NotResource'] as const) for (const node of elementValues(s, element)) askVariables(scalarText(node));
  }
  const allActions = services.flatMap((service) => service.actions.map((a) => `${a.service}:${a.name}`));
  const actionInfo: Record<string, SimulationTarget['actionInfo'][string]> = {};
  for (const name of [...actions, ...allActions]) {
    const [service, action] = name.split(':') as [string, string];
    const info = catalog.action(service, action);
    actionInfo[name] = {
      accessLevel: info?.accessLevel ?? catalog.accessLevel(service, action) ?? '',
      description: info ? sentence(shortDescription(info)) : '',
      ...(info && takesNoResource(info, catalog) ? { noResource: true } : {}),
    };
  }
  const cursorAction = actionUnder(document, offset, catalog);
  return {
    scope,
    label: labelOf(target),
    actions,
    services: services.map((service) => ({ prefix: service.prefix, name: service.name })),
    allActions,
    actionInfo,
    ...(cursorAction ? { cursorAction } : {}),
    resources: [...resources],
    contextKeys: [...keys].map(([key, v]) => ({ key, multivalued: v.multivalued, examples: [...v.examples] })),
    parameters,
  };
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The concrete action a position is on (`profile:GetDomain` in an Action list), as the catalogue spells it. */
function actionUnder(document: PolicyDocument, offset: number, catalog: Catalog): string | undefined {
  const slot = locate(document, offset);
  if (slot?.kind !== 'value' || (slot.element !== 'Action' && slot.element !== 'NotAction') || slot.node?.kind !== 'string') return undefined;
  const parsed = parseAction(slot.node.value);
  if (parsed.kind !== 'action' || parsed.wildcard) return undefined;
  const canonical = catalog.canonicalAction(parsed.service, parsed.name);
  return canonical ? `${catalog.serviceIndex(parsed.service)!.prefix}:${canonical}` : undefined;
}

export function simulateAt(
  document: PolicyDocument,
  offset: number,
  scope: SimulationScope,
  request: SimulationRequest,
  catalog: Catalog,
): SimulateResult | undefined {
  const target = locateTarget(document, offset, scope);
  if (!target) return undefined;
  const result = target.statement ? simulateStatement(target.statement, request) : simulatePolicy(target.policy, request);
  const range = (span: Span | undefined) => (span ? { start: document.lines.positionAt(span.start), end: document.lines.positionAt(span.end) } : undefined);
  const ranged = <T extends { span?: Span }>(value: T) => {
    const { span, ...rest } = value;
    const r = range(span);
    return { ...rest, ...(r ? { range: r } : {}) };
  };
  return {
    decision: result.decision,
    reason: result.reason,
    label: labelOf(target),
    request,
    warnings: requestWarnings(request, catalog),
    statements: result.statements.map((s) => ({
      ...s,
      span: undefined,
      range: range(s.span)!,
      action: ranged(s.action),
      resource: ranged(s.resource),
      conditions: s.conditions.map(ranged),
    })),
  };
}

/** The services the statements name, in the order they first appear; Customer Profiles when they name none. */
function servicesOf(statements: readonly Statement[], catalog: Catalog): ServiceModel[] {
  const prefixes = new Set(statements.flatMap((s) => statementActions(s, catalog).services));
  const services = [...(prefixes.size > 0 ? prefixes : [DEFAULT_SERVICE])].map((prefix) => catalog.service(prefix));
  return services.filter((service): service is ServiceModel => service !== undefined);
}

/**
 * Every action of the services (the statement's, when none are given) against one resource and context;
 * an action that acts on no resource (profile:ListDomains) against "*", as IAM evaluates its requests.
 */
export function simulateAll(
  document: PolicyDocument,
  offset: number,
  scope: SimulationScope,
  resource: string,
  context: SimulationRequest['context'],
  catalog: Catalog,
  parameters?: SimulationRequest['parameters'],
  services?: readonly string[],
): SimulateAllResult | undefined {
  const target = locateTarget(document, offset, scope);
  if (!target) return undefined;
  const chosen = services
    ? services.map((prefix) => catalog.service(prefix)).filter((service): service is ServiceModel => service !== undefined)
    : servicesOf(target.statement ? [target.statement] : target.policy.statements, catalog);
  const rows = chosen
    .flatMap((service) => service.actions)
    .map((action) => {
      // A request for an action that acts on no resource carries none: IAM matches its Resource against "*".
      const requested = takesNoResource(action, catalog) ? '*' : resource;
      const request = {
        action: `${action.service}:${action.name}`,
        resource: requested,
        ...(context ? { context } : {}),
        ...(parameters ? { parameters } : {}),
      };
      const result = target.statement ? simulateStatement(target.statement, request) : simulatePolicy(target.policy, request);
      const reason = requested === resource ? result.reason : `${result.reason} It acts on no resource: its request is matched against "*".`;
      return { action: request.action, accessLevel: action.accessLevel, decision: result.decision, reason };
    });
  return { label: labelOf(target), rows };
}

/** "Simulate policy" above each policy, "Simulate statement" above each statement. */
export function simulationLenses(document: PolicyDocument, uri: string): CodeLens[] {
  const lenses: CodeLens[] = [];
  const at = (offset: number) => {
    const position = document.lines.positionAt(offset);
    return { start: position, end: position };
  };
  for (const policy of document.policies) {
    if (policy.kind !== 'identity') continue;
    lenses.push({
      range: at(policy.node.start),
      command: { title: '▷ Simulate policy', command: SIMULATE_COMMAND, arguments: [uri, document.lines.positionAt(policy.node.start), 'policy'] },
    });
    for (const statement of policy.statements) {
      lenses.push({
        range: at(statement.node.start),
        command: { title: '▷ Simulate statement', command: SIMULATE_COMMAND, arguments: [uri, document.lines.positionAt(statement.node.start), 'statement'] },
      });
    }
  }
  return lenses;
}
