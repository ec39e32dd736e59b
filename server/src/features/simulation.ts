// The editor side of simulation: what a statement covers (to prefill the questions), running the
// engine on the policy or statement at a position, the all-actions table, and CodeLenses.
import type { CodeLens } from 'vscode-languageserver-types';
import { DEFAULT_SERVICE, type Catalog } from '../catalog/catalog';
import type { ServiceModel } from '../catalog/service';
import { readArnPattern } from '../iam/arn';
import { hasVariables } from '../iam/variables';
import { parseOperator } from '../iam/operators';
import { requestWarnings } from './request-check';
import { policyAt, statementAt, type PolicyDocument } from '../model/document';
import { elementValues, type Policy, type Statement } from '../model/policy';
import { scalarText } from '../model/tree';
import { SIMULATE_COMMAND, type SimulateAllResult, type SimulateResult, type SimulationScope, type SimulationTarget } from '../protocol';
import { simulatePolicy, simulateStatement } from '../simulate/engine';
import type { SimulationRequest, Span } from '../simulate/types';
import { statementActions } from '../facts/statement-facts';

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
  for (const s of statements) {
    for (const node of elementValues(s, 'Resource')) {
      const text = scalarText(node);
      if (text && text !== '*' && readArnPattern(text)) resources.add(text);
    }
  }
  const keys = new Map<string, { multivalued: boolean; examples: Set<string> }>();
  for (const s of statements) {
    for (const operator of s.conditions) {
      const qualified = parseOperator(operator.operator.value).qualifier !== undefined;
      for (const entry of operator.keys) {
        const info = catalog.conditionKey(entry.key.value);
        const multivalued = (typeof info === 'object' && info.multivalued) || qualified;
        const known = keys.get(entry.key.value) ?? { multivalued, examples: new Set<string>() };
        for (const value of entry.values) {
          const text = scalarText(value);
          if (text !== undefined && !hasVariables(text)) known.examples.add(text);
        }
        keys.set(entry.key.value, known);
      }
    }
  }
  return {
    scope,
    label: labelOf(target),
    actions,
    services: services.map((service) => ({ prefix: service.prefix, name: service.name })),
    allActions: services.flatMap((service) => service.actions.map((a) => `${a.service}:${a.name}`)),
    resources: [...resources],
    contextKeys: [...keys].map(([key, v]) => ({ key, multivalued: v.multivalued, examples: [...v.examples] })),
  };
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

/** Every action of the services (the statement's, when none are given) against one resource and context. */
export function simulateAll(
  document: PolicyDocument,
  offset: number,
  scope: SimulationScope,
  resource: string,
  context: SimulationRequest['context'],
  catalog: Catalog,
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
      const request = { action: `${action.service}:${action.name}`, resource, ...(context ? { context } : {}) };
      const result = target.statement ? simulateStatement(target.statement, request) : simulatePolicy(target.policy, request);
      return { action: request.action, accessLevel: action.accessLevel, decision: result.decision, reason: result.reason };
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
