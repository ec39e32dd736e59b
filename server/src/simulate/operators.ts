// One condition (operator + key + values) against the request ("Condition operators"; "Single-valued
// vs. multivalued context keys"): missing keys, IfExists, negation as NOR, set qualifiers.
import { cidrContains, parseCidr } from '../iam/ip';
import { parseOperator, valueProblem, type OperatorFamily } from '../iam/operators';
import { TextMemo } from '../iam/text-memo';
import { cachedWildcard } from '../iam/wildcard';
import { hasVariables } from '../iam/variables';
import { arnMatches } from '../iam/arn';
import { shown, substitute, type RequestContext } from './context';

export interface ConditionOutcome {
  readonly matched: boolean;
  readonly reason: string;
  readonly values: readonly string[];
  readonly requestValues?: readonly string[];
}

interface PolicyValue {
  readonly text: string;
  readonly unresolved: string | undefined;
}

const list = (values: readonly string[]) => values.map((v) => `"${shown(v)}"`).join(', ');

/** The same policy strings recur across statements and requests: one value object each. */
const plainValues = new TextMemo<PolicyValue>(10_000, (raw) => ({ text: raw, unresolved: undefined }));

function plainValue(raw: string): PolicyValue {
  return plainValues.get(raw);
}

export function evaluateCondition(
  operatorName: string,
  key: string,
  rawValues: readonly string[],
  context: RequestContext,
  variables: boolean,
): ConditionOutcome {
  const parsed = parseOperator(operatorName);
  const base = parsed.base;
  if (!base || (base.family === 'Null' && parsed.ifExists)) {
    return { matched: false, reason: `"${operatorName}" is not a condition operator: IAM would reject the policy.`, values: rawValues };
  }
  const family = base.family;
  const substitutes = variables && (family === 'String' || family === 'Arn') && rawValues.some(hasVariables);
  // Most values hold no variable: share the raw strings and skip the substitution objects.
  const values: readonly PolicyValue[] = substitutes
    ? rawValues.map((raw) => substitute(raw, context, family === 'String' ? base.name.includes('Like') : true))
    : rawValues.map(plainValue);
  const texts = substitutes ? values.map((v) => v.text) : rawValues;
  const request = context.get(key);

  if (family === 'Null') {
    const present = request !== undefined;
    const matched = values.some((v) => (v.text.toLowerCase() === 'true' ? !present : v.text.toLowerCase() === 'false' ? present : false));
    return {
      matched,
      reason: `${key} is ${present ? 'present' : 'absent'}; Null ${list(texts)} ${matched ? 'holds' : 'does not hold'}.`,
      values: texts,
      ...(present ? { requestValues: request } : {}),
    };
  }

  if (request === undefined) {
    // The set qualifier decides first: ForAnyValue is false on a missing key, IfExists or not
    // ("Single-valued vs. multivalued context keys").
    if (parsed.qualifier === 'ForAnyValue')
      return {
        matched: false,
        reason: `${key} is missing: ForAnyValue needs at least one value${parsed.ifExists ? ', and IfExists does not change that' : ''}.`,
        values: texts,
      };
    if (parsed.qualifier === 'ForAllValues')
      return { matched: true, reason: `${key} is missing: ForAllValues is true when there are no values.`, values: texts };
    if (parsed.ifExists) return { matched: true, reason: `${key} is missing: …IfExists makes the condition true.`, values: texts };
    if (base.negated) return { matched: true, reason: `${key} is missing: a negated operator (${base.name}) matches.`, values: texts };
    return { matched: false, reason: `${key} is missing from the request: ${base.name} is false.`, values: texts };
  }

  const compare = comparer(family, base.name);
  /** Does request value v satisfy the operator: some policy value matches (OR), or for negated, none (NOR). */
  const holdsFor = (v: string): { holds: boolean; by: string | undefined } => {
    const hit = values.find((p) => p.unresolved === undefined && compare(v, p.text));
    return { holds: base.negated ? hit === undefined : hit !== undefined, by: hit?.text };
  };
  const unresolved = values.find((v) => v.unresolved)?.unresolved;
  // A value that can never match under this operator is named in the trace, not skipped quietly.
  const malformed = values.map((v) => (v.unresolved ? undefined : valueProblem(family, shown(v.text)))).find((p) => p !== undefined);
  const note =
    (unresolved ? ` (\${${unresolved}} has no value in the request, so that policy value matches nothing)` : '') +
    (malformed ? ` (${malformed.replace(/\.$/, '')}: that policy value never matches)` : '');
  const shownRequest = list(request);

  if (request.length === 0) {
    const matched = parsed.qualifier === 'ForAllValues' || (!parsed.qualifier && base.negated);
    return { matched, reason: `${key} has an empty list: ${parsed.qualifier ?? base.name} is ${matched}.`, values: texts, requestValues: request };
  }
  const relation = relationOf(family, base.name);
  const { one } = relation;
  // "is not before "X"" for one value, "is not before any of "X", "Y"" for several.
  const none = texts.length === 1 ? relation.notOne : relation.none;
  const results = request.map((v) => {
    const outcome = holdsFor(v);
    return { v, holds: outcome.holds, by: outcome.by };
  });
  let matched: boolean;
  let reason: string;
  if (parsed.qualifier === 'ForAllValues' || (!parsed.qualifier && base.negated && request.length > 1)) {
    matched = results.every((r) => r.holds);
    const failing = results.find((r) => !r.holds);
    reason = matched
      ? base.negated
        ? `every value of ${key} (${shownRequest}) ${none} ${list(texts)}`
        : `every value of ${key} (${shownRequest}) ${one} one of ${list(texts)}`
      : `"${shown(failing!.v)}" ${base.negated ? `${one} "${shown(failing!.by ?? '')}"` : `${none} ${list(texts)}`}, so not every value of ${key} does`;
  } else {
    matched = results.some((r) => r.holds);
    const winning = results.find((r) => r.holds);
    reason = matched
      ? base.negated
        ? `${key} ${shownRequest} ${none} ${list(texts)}`
        : `${key} "${shown(winning!.v)}" ${one} "${shown(winning!.by!)}"`
      : base.negated
        ? `${key} "${shown(results[0]!.v)}" ${one} "${shown(results[0]!.by ?? '')}", and ${base.name} excludes it`
        : `${key} ${shownRequest} ${none} ${list(texts)}`;
  }
  return { matched, reason: `${reason}${note}.`, values: texts, requestValues: request };
}

interface Relation {
  /** It holds for this value: `is before`. */
  readonly one: string;
  /** It holds for no value of a list: `is not before any of`. */
  readonly none: string;
  /** It does not hold for the one value: `is not before`. */
  readonly notOne: string;
}

const relations = new Map<string, Relation>();

/** One set of phrases per operator: a simulation asks for it on every condition it evaluates. */
function relationOf(family: OperatorFamily, name: string): Relation {
  let phrases = relations.get(name);
  if (!phrases) relations.set(name, (phrases = relation(family, name)));
  return phrases;
}

/**
 * How a request value stands to a policy value under the positive form of an operator, in words: the
 * phrase when it holds for one value, and when it holds for none of a list.
 */
function relation(family: OperatorFamily, name: string): Relation {
  const order = (['GreaterThanEquals', 'GreaterThan', 'LessThanEquals', 'LessThan'] as const).find((o) => name.endsWith(o));
  const is = (phrase: string): Relation => ({ one: `is ${phrase}`, none: `is not ${phrase} any of`, notOne: `is not ${phrase}` });
  const equals: Relation = { one: 'equals', none: 'equals none of', notOne: 'does not equal' };
  const matches: Relation = { one: 'matches', none: 'matches none of', notOne: 'does not match' };
  switch (family) {
    case 'Numeric':
      return order ? is(NUMERIC_ORDER[order]) : equals;
    case 'Date':
      return order ? is(DATE_ORDER[order]) : is('the same time as');
    case 'String':
      if (name.includes('Like')) return matches;
      if (name.includes('IgnoreCase'))
        return { one: 'equals (ignoring case)', none: 'equals none of (ignoring case)', notOne: 'does not equal (ignoring case)' };
      return equals;
    case 'IpAddress':
      return is('in');
    case 'Bool':
      return { one: 'is', none: 'is none of', notOne: 'is not' };
    case 'Binary':
      return equals;
    case 'Arn':
    case 'Null':
      return matches;
  }
}

const NUMERIC_ORDER = { GreaterThanEquals: 'at least', GreaterThan: 'greater than', LessThanEquals: 'at most', LessThan: 'less than' } as const;
const DATE_ORDER = { GreaterThanEquals: 'at or after', GreaterThan: 'after', LessThanEquals: 'at or before', LessThan: 'before' } as const;

type Compare = (requestValue: string, policyValue: string) => boolean;

function comparer(family: OperatorFamily, name: string): Compare {
  switch (family) {
    case 'String':
      if (name.includes('Like')) return (v, p) => cachedWildcard(p, false)(v);
      if (name.includes('IgnoreCase')) return (v, p) => v.toLowerCase() === shown(p).toLowerCase();
      return (v, p) => v === shown(p);
    case 'Numeric': {
      const op = name.replace('Numeric', '').replace('Not', '');
      return (v, p) => compareOrdered(Number(v), Number(p), op);
    }
    case 'Date': {
      const op = name.replace('Date', '').replace('Not', '');
      return (v, p) => compareOrdered(dateValue(v), dateValue(p), op);
    }
    case 'Bool':
      return (v, p) => v.toLowerCase() === p.toLowerCase();
    case 'Binary':
      return (v, p) => v === p;
    case 'IpAddress':
      return (v, p) => {
        const cidr = parseCidr(p);
        return cidr !== undefined && cidrContains(cidr, v);
      };
    case 'Arn':
      return (v, p) => arnMatches(p, v, 'condition');
    case 'Null':
      return () => false;
  }
}

function compareOrdered(a: number, b: number, op: string): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  switch (op) {
    case 'Equals':
      return a === b;
    case 'LessThan':
      return a < b;
    case 'LessThanEquals':
      return a <= b;
    case 'GreaterThan':
      return a > b;
    case 'GreaterThanEquals':
      return a >= b;
    default:
      return false;
  }
}

/** ISO 8601, or epoch seconds (aws:EpochTime), as milliseconds. */
function dateValue(text: string): number {
  if (/^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text) * 1000;
  return Date.parse(text);
}
