// The evaluation engine for identity policies ("Policy evaluation logic"): explicit deny, then allow,
// else implicit deny. Pure: a policy from the model and a request in; a decision and a trace out,
// with spans pointing back into the document.
import { elementString, elementValues, resolvesVariables, type Policy, type Statement, type StatementElementName } from '../model/policy';
import { scalarText, type PropertyNode, type ValueNode } from '../model/tree';
import { RequestContext, shown, substitute } from './context';
import { arnMatches } from '../iam/arn';
import { actionMatches } from './match';
import { evaluateCondition } from './operators';
import { resolve, templateValues, type TemplateValues } from './intrinsics';
import type { ConditionTrace, Decision, ElementTrace, SimulationRequest, SimulationResult, StatementTrace } from './types';

export function simulatePolicy(policy: Policy, request: SimulationRequest): SimulationResult {
  const context = new RequestContext(request);
  const names = templateValues(policy, request);
  return decide(policy.statements.map((s) => evaluateStatement(s, request, context, names)));
}

/** One statement on its own, as if it were the whole policy. */
export function simulateStatement(statement: Statement, request: SimulationRequest): SimulationResult {
  return decide([evaluateStatement(statement, request, new RequestContext(request), templateValues(statement.policy, request))]);
}

/** Explicit deny, then allow, else implicit deny; a statement that may apply, depending on the deployment, makes the answer Undetermined where it could change it. */
function decide(statements: StatementTrace[]): SimulationResult {
  const deny = statements.find((s) => s.applies && s.effect === 'Deny');
  if (deny) return { decision: 'ExplicitDeny', reason: `Denied explicitly by ${label(deny)}: an explicit Deny overrides every Allow.`, statements };
  const maybeDeny = statements.find((s) => s.undetermined && s.effect === 'Deny');
  const allow = statements.find((s) => s.applies && s.effect === 'Allow');
  const maybeAllow = statements.find((s) => s.undetermined && s.effect === 'Allow');
  if (maybeDeny && (allow || maybeAllow))
    return {
      decision: 'Undetermined',
      reason: `Whether ${label(maybeDeny)} denies the request depends on the deployment: ${maybeDeny.reason.replace(/^May apply: /, '')}`,
      statements,
    };
  if (allow) return { decision: 'Allow', reason: `Allowed by ${label(allow)}, and no statement denies it.`, statements };
  if (maybeAllow)
    return {
      decision: 'Undetermined',
      reason: `Whether ${label(maybeAllow)} allows the request depends on the deployment: ${maybeAllow.reason.replace(/^May apply: /, '')}`,
      statements,
    };
  return { decision: 'ImplicitDeny', reason: 'No statement allows the request, so it is denied by default (implicit deny).', statements };
}

function label(statement: StatementTrace): string {
  return statement.sid ? `statement "${statement.sid}"` : `statement ${statement.index + 1}`;
}

export function evaluateStatement(statement: Statement, request: SimulationRequest, context: RequestContext, names: TemplateValues): StatementTrace {
  const variables = resolvesVariables(statement.policy);
  const effect = elementString(statement, 'Effect') ?? '(none)';
  const action = matchElement(statement, 'Action', 'NotAction', request.action, (p) => actionMatches(p, request.action), undefined, names);
  const resource = matchElement(
    statement,
    'Resource',
    'NotResource',
    request.resource,
    (p) => arnMatches(p, request.resource),
    variables ? context : undefined,
    names,
  );
  const conditions = evaluateConditions(statement, context, variables, names);
  const effective = effect === 'Allow' || effect === 'Deny';
  const parts = [
    { trace: action, what: 'the action does not match' },
    { trace: resource, what: 'the resource does not match' },
    ...conditions.map((c) => ({ trace: c, what: `the condition ${c.operator} on ${c.key} is false` })),
  ];
  const failed = parts.find((p) => !p.trace.matched && !p.trace.undetermined);
  // A statement on one side of a template's Fn::If is deployed only when its condition says so.
  const deployedWhen = failed ? undefined : branchCondition(statement);
  const open = parts.find((p) => p.trace.undetermined)?.trace.reason ?? deployedWhen;
  const applies = effective && !failed && !open;
  const undetermined = effective && !failed && open !== undefined;
  const sid = elementString(statement, 'Sid');
  return {
    index: statement.index,
    ...(sid ? { sid } : {}),
    effect,
    applies,
    ...(undetermined ? { undetermined } : {}),
    reason: applies
      ? conditions.length
        ? `${effect} applies: the action, the resource and every condition match.`
        : `${effect} applies: the action and the resource match, and it has no conditions.`
      : undetermined
        ? `May apply: ${open}`
        : `Does not apply: ${!effective ? `its Effect is ${effect === '(none)' ? 'missing' : `"${effect}"`}` : failed!.what}.`,
    span: { start: statement.node.start, end: statement.node.end },
    action,
    resource,
    conditions,
  };
}

/** Why a statement inside a template's Fn::If may not be deployed: the conditions that decide it. */
function branchCondition(statement: Statement): string | undefined {
  if (statement.branches.length === 0) return undefined;
  const choices = statement.branches.map(({ condition, side }) => {
    const argument = condition.argument;
    const name = scalarText(argument?.kind === 'array' ? argument.items[0] : undefined) ?? 'its condition';
    return `${name} is ${side === 1 ? 'true' : 'false'}`;
  });
  return `it is in the template only when the condition ${choices.join(' and ')} (Fn::If), which is decided at deploy time.`;
}

function matchElement(
  statement: Statement,
  positive: StatementElementName,
  negative: StatementElementName,
  target: string,
  matches: (pattern: string) => boolean,
  context: RequestContext | undefined,
  names: TemplateValues,
): ElementTrace {
  const element = statement.elements[positive] ? positive : statement.elements[negative] ? negative : undefined;
  if (!element) return { element: 'none', matched: false, reason: `The statement has neither ${positive} nor ${negative}.` };
  const values = elementValues(statement, element);
  let hit: { node: ValueNode; text: string } | undefined;
  const skipped: string[] = [];
  /** Values only the deployment decides: they may match. */
  const open = new Set<string>();
  search: for (const node of values) {
    const resolved = resolve(node, names);
    if (!resolved.known) {
      if (node.kind === 'opaque') open.add(resolved.reason);
      else skipped.push(node.kind);
      continue;
    }
    for (const raw of resolved.values) {
      const value = context ? substitute(raw, context, true) : { text: raw, unresolved: undefined };
      if (value.unresolved) {
        skipped.push(`"${raw}" (\${${value.unresolved}} has no value)`);
        continue;
      }
      if (matches(value.text)) {
        hit = { node, text: value.text };
        break search;
      }
    }
  }
  const span = hit
    ? { start: hit.node.start, end: hit.node.end }
    : statement.elements[element]
      ? { start: statement.elements[element]!.key.start, end: statement.elements[element]!.key.end }
      : undefined;
  const note = skipped.length ? ` (not evaluated: ${skipped.join(', ')})` : '';
  const kind = positive === 'Action' ? 'action' : 'resource';
  const el = element as ElementTrace['element'];
  if (!hit && open.size > 0) {
    const why = [...open].join('; ');
    const reason =
      element === positive
        ? `No known ${element} entry matches the ${kind} ${target}, and ${why}.`
        : `${target} is not among the known ${element} entries, but ${why}.`;
    return { element: el, matched: false, undetermined: true, reason, ...(span ? { span } : {}) };
  }
  if (element === positive) {
    return hit
      ? { element: el, matched: true, reason: `"${shown(hit.text)}" matches the ${kind} ${target}.`, value: shown(hit.text), ...(span ? { span } : {}) }
      : { element: el, matched: false, reason: `No ${element} entry matches the ${kind} ${target}${note}.`, ...(span ? { span } : {}) };
  }
  return hit
    ? {
        element: el,
        matched: false,
        reason: `${element} lists "${shown(hit.text)}", which matches ${target}, so the statement excludes it.`,
        value: shown(hit.text),
        ...(span ? { span } : {}),
      }
    : { element: el, matched: true, reason: `${target} is not among the ${element} entries, so ${element} covers it${note}.`, ...(span ? { span } : {}) };
}

function evaluateConditions(statement: Statement, context: RequestContext, variables: boolean, names: TemplateValues): ConditionTrace[] {
  const traces: ConditionTrace[] = [];
  // A whole Condition decided at deploy or apply time (`Condition = var.conditions`): it may hold or not.
  const block = statement.elements.Condition;
  if (block?.value?.kind === 'opaque') traces.push(decidedElsewhere('Condition', block, resolve(block.value, names)));
  for (const operator of statement.conditions) {
    // An operator whose keys are decided elsewhere (a key named in part by a Terraform expression).
    if (operator.property.value?.kind === 'opaque') {
      traces.push(decidedElsewhere(operator.operator.value, operator.property, resolve(operator.property.value, names)));
      continue;
    }
    for (const entry of operator.keys) {
      const span = { start: entry.property.start, end: entry.property.value?.end ?? entry.property.end };
      const resolved = entry.values.map((value) => resolve(value, names));
      const unknown = resolved.find((r) => !r.known);
      if (unknown && !unknown.known) {
        const deployed = entry.values.some((value) => value.kind === 'opaque');
        traces.push({
          operator: operator.operator.value,
          key: entry.key.value,
          matched: false,
          ...(deployed ? { undetermined: true } : {}),
          reason: deployed ? `Its value depends on the deployment: ${unknown.reason}.` : `A value is not a string (${unknown.reason}): not evaluated.`,
          values: [],
          span,
        });
        continue;
      }
      const raw = resolved.flatMap((r) => (r.known ? r.values : []));
      const outcome = evaluateCondition(operator.operator.value, entry.key.value, raw, context, variables);
      const { matched, reason, values, requestValues } = outcome;
      const operatorName = operator.operator.value;
      const key = entry.key.value;
      // Two literals rather than a spread: a spread into a literal is a slow copy, in the loop of every simulation.
      traces.push(
        requestValues
          ? { operator: operatorName, key, matched, reason, values, requestValues, span }
          : { operator: operatorName, key, matched, reason, values, span },
      );
    }
    if (operator.keys.length === 0) {
      traces.push({
        operator: operator.operator.value,
        key: '(none)',
        matched: true,
        reason: 'No keys under this operator.',
        values: [],
        span: { start: operator.property.start, end: operator.property.end },
      });
    }
  }
  return traces;
}

/** A condition the policy leaves to its deployment: not met, not failed, undetermined. */
function decidedElsewhere(operator: string, property: PropertyNode, resolved: ReturnType<typeof resolve>): ConditionTrace {
  return {
    operator,
    key: '(decided elsewhere)',
    matched: false,
    undetermined: true,
    reason: `Its keys depend on the deployment: ${resolved.known ? 'they are not read here' : resolved.reason}.`,
    values: [],
    span: { start: property.start, end: property.end },
  };
}

export type { Decision };
