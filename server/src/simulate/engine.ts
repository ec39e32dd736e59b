// The evaluation engine for identity policies ("Policy evaluation logic"): explicit deny, then allow,
// else implicit deny. Pure: a policy from the model and a request in; a decision and a trace out,
// with spans pointing back into the document.
import { elementString, elementValues, resolvesVariables, type Policy, type Statement, type StatementElementName } from '../model/policy';
import { scalarText, type ValueNode } from '../model/tree';
import { RequestContext, shown, substitute } from './context';
import { arnMatches } from '../iam/arn';
import { actionMatches } from './match';
import { evaluateCondition } from './operators';
import type { ConditionTrace, Decision, ElementTrace, SimulationRequest, SimulationResult, StatementTrace } from './types';

export function simulatePolicy(policy: Policy, request: SimulationRequest): SimulationResult {
  const context = new RequestContext(request);
  return decide(policy.statements.map((s) => evaluateStatement(s, request, context)));
}

/** One statement on its own, as if it were the whole policy. */
export function simulateStatement(statement: Statement, request: SimulationRequest): SimulationResult {
  return decide([evaluateStatement(statement, request, new RequestContext(request))]);
}

function decide(statements: StatementTrace[]): SimulationResult {
  const deny = statements.find((s) => s.applies && s.effect === 'Deny');
  if (deny) return { decision: 'ExplicitDeny', reason: `Denied explicitly by ${label(deny)}: an explicit Deny overrides every Allow.`, statements };
  const allow = statements.find((s) => s.applies && s.effect === 'Allow');
  if (allow) return { decision: 'Allow', reason: `Allowed by ${label(allow)}, and no statement denies it.`, statements };
  return { decision: 'ImplicitDeny', reason: 'No statement allows the request, so it is denied by default (implicit deny).', statements };
}

function label(statement: StatementTrace): string {
  return statement.sid ? `statement "${statement.sid}"` : `statement ${statement.index + 1}`;
}

export function evaluateStatement(statement: Statement, request: SimulationRequest, context: RequestContext): StatementTrace {
  const variables = resolvesVariables(statement.policy);
  const effect = elementString(statement, 'Effect') ?? '(none)';
  const action = matchElement(statement, 'Action', 'NotAction', request.action, (p) => actionMatches(p, request.action), undefined);
  const resource = matchElement(
    statement,
    'Resource',
    'NotResource',
    request.resource,
    (p) => arnMatches(p, request.resource),
    variables ? context : undefined,
  );
  const conditions = evaluateConditions(statement, context, variables);
  const effective = effect === 'Allow' || effect === 'Deny';
  const applies = effective && action.matched && resource.matched && conditions.every((c) => c.matched);
  const failed = !effective
    ? `its Effect is ${effect === '(none)' ? 'missing' : `"${effect}"`}`
    : !action.matched
      ? 'the action does not match'
      : !resource.matched
        ? 'the resource does not match'
        : conditions.some((c) => !c.matched)
          ? `the condition ${conditions.find((c) => !c.matched)!.operator} on ${conditions.find((c) => !c.matched)!.key} is false`
          : '';
  const sid = elementString(statement, 'Sid');
  return {
    index: statement.index,
    ...(sid ? { sid } : {}),
    effect,
    applies,
    reason: applies
      ? `${effect} applies: action, resource and ${conditions.length ? 'every condition' : 'no conditions'} match.`
      : `Does not apply: ${failed}.`,
    span: { start: statement.node.start, end: statement.node.end },
    action,
    resource,
    conditions,
  };
}

function matchElement(
  statement: Statement,
  positive: StatementElementName,
  negative: StatementElementName,
  target: string,
  matches: (pattern: string) => boolean,
  context: RequestContext | undefined,
): ElementTrace {
  const element = statement.elements[positive] ? positive : statement.elements[negative] ? negative : undefined;
  if (!element) return { element: 'none', matched: false, reason: `The statement has neither ${positive} nor ${negative}.` };
  const values = elementValues(statement, element);
  let hit: { node: ValueNode; text: string } | undefined;
  const skipped: string[] = [];
  for (const node of values) {
    const raw = scalarText(node);
    if (raw === undefined) {
      skipped.push(node.kind === 'opaque' ? node.name : node.kind);
      continue;
    }
    const value = context ? substitute(raw, context, true) : { text: raw, unresolved: undefined };
    if (value.unresolved) {
      skipped.push(`"${raw}" (\${${value.unresolved}} has no value)`);
      continue;
    }
    if (matches(value.text)) {
      hit = { node, text: value.text };
      break;
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

function evaluateConditions(statement: Statement, context: RequestContext, variables: boolean): ConditionTrace[] {
  const traces: ConditionTrace[] = [];
  for (const operator of statement.conditions) {
    for (const entry of operator.keys) {
      const raw = entry.values.map(scalarText);
      const span = { start: entry.property.start, end: entry.property.value?.end ?? entry.property.end };
      if (raw.some((v) => v === undefined)) {
        traces.push({
          operator: operator.operator.value,
          key: entry.key.value,
          matched: false,
          reason: 'A value is not a plain string (a CloudFormation intrinsic?): not evaluated.',
          values: [],
          span,
        });
        continue;
      }
      const outcome = evaluateCondition(operator.operator.value, entry.key.value, raw as string[], context, variables);
      traces.push({
        operator: operator.operator.value,
        key: entry.key.value,
        matched: outcome.matched,
        reason: outcome.reason,
        values: outcome.values,
        ...(outcome.requestValues ? { requestValues: outcome.requestValues } : {}),
        span,
      });
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

export type { Decision };
