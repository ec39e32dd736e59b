// Policy variables: well-formed, in an element and operator that take them, under a Version that
// resolves them, naming a known single-valued key (IAM "Variables and tags"; Access Analyzer checks).
import { readArn } from '../iam/arn';
import { parseOperator } from '../iam/operators';
import { scanVariables, type VariableToken } from '../iam/variables';
import { elementValues, resolvesVariables, type Statement, type StatementElementName } from '../model/policy';
import { sourceRangeOf, type StringNode } from '../model/tree';
import { defineRules, type RuleContext, type RuleSpecs } from './rule';

const rules = {
  'variable-malformed': {
    severity: 'error',
    title: 'Malformed policy variable',
    description: "A variable is `${key}` or `${key, 'default'}`: closed with a brace, no spaces in the key, the default in single quotes.",
    references: ['Access Analyzer MISSING_BRACE_IN_VARIABLE', 'MISSING_QUOTE_IN_VARIABLE', 'UNSUPPORTED_SPACE_IN_VARIABLE', 'EMPTY_VARIABLE'],
  },
  'variable-not-allowed': {
    severity: 'error',
    title: 'Variable where IAM does not resolve it',
    description:
      "Variables work in ARNs and in String and ARN condition values — not in Action, Sid, Effect, an ARN's partition or service, or Numeric, Date, Bool and IP conditions.",
    references: ['Access Analyzer VARIABLE_UNSUPPORTED_IN_ELEMENT', 'INVALID_VARIABLE_FOR_OPERATOR'],
  },
  'variable-outside-resource-part': {
    severity: 'warning',
    title: "Variable in an ARN's region or account",
    description:
      "The User Guide documents variables in the resource part of an ARN. IAM accepts one in the region or account too, and AWS's own policies put `${aws:PrincipalAccount}` there, but check that the key always has a value in the requests you mean: without one, the ARN matches nothing.",
    references: ['IAM: Variables and tags'],
    corpus: 'AmazonTimestreamInfluxDBServiceRolePolicy writes `arn:aws:kms:*:${aws:PrincipalAccount}:key/*`; IAM accepts it, hence a warning, not an error.',
  },
  'variable-literal-version': {
    severity: 'error',
    title: 'Variable under an old or missing Version',
    description: 'Without `"Version": "2012-10-17"` IAM reads `${…}` as literal text, so the statement matches nothing the author meant.',
    references: ['Access Analyzer VARIABLE_UNSUPPORTED_IN_VERSION'],
  },
  'variable-unknown': {
    severity: 'warning',
    title: 'Unknown variable',
    description: 'The variable names no known global condition key: it never resolves, and the statement never matches.',
    references: ['IAM: Variables and tags'],
  },
  'variable-multivalued': {
    severity: 'error',
    title: 'Multivalued key as a variable',
    description: 'Only single-valued keys can be variables; `${aws:TagKeys}` is a list.',
    references: ['IAM: Variables and tags'],
  },
} as const satisfies RuleSpecs;

type Context = RuleContext<keyof typeof rules>;

export const variableRules = defineRules({
  name: 'variables',
  rules,
  checkStatement(statement, context) {
    const versioned = resolvesVariables(statement.policy);
    const where = (node: StringNode, allowed: boolean, element: string) => checkString(node, allowed, element, versioned, context);
    for (const element of ['Action', 'NotAction', 'Sid', 'Effect'] as StatementElementName[]) {
      for (const value of elementValues(statement, element)) if (value.kind === 'string') where(value, false, element);
    }
    for (const element of ['Resource', 'NotResource'] as const) {
      for (const value of elementValues(statement, element)) if (value.kind === 'string') checkArnVariables(value, element, versioned, context);
    }
    checkConditionVariables(statement, versioned, context);
  },
});

/** The source range of part of a string's content (the whole string where escapes hide it). */
function rangeIn(node: StringNode, start: number, end: number) {
  return sourceRangeOf(node, start, end) ?? node;
}

function checkString(node: StringNode, allowed: boolean, element: string, versioned: boolean, context: Context): void {
  for (const use of scanVariables(node.value)) {
    const at = rangeIn(node, use.start, use.end);
    if (!allowed) {
      context.report('variable-not-allowed', at, `${element} cannot contain a policy variable: IAM does not resolve it there.`);
      continue;
    }
    checkUse(use, at, versioned, context);
  }
}

function checkUse(use: VariableToken, at: { start: number; end: number }, versioned: boolean, context: Context): void {
  if (!use.closed) {
    context.report('variable-malformed', at, 'The variable is missing its closing "}".');
    return;
  }
  const key = use.rawDefault === undefined ? use.inner : use.inner.slice(0, use.inner.indexOf(','));
  const fallback = use.rawDefault;
  const name = use.key;
  if (name === '') return void context.report('variable-malformed', at, 'The variable is empty: write ${aws:username}, for example.');
  if (/\s/.test(name) || key !== key.trimStart()) return void context.report('variable-malformed', at, `The variable key "${key}" cannot contain spaces.`);
  if (fallback !== undefined && !/^'[^']*'$/.test(fallback))
    return void context.report('variable-malformed', at, `The default value must be in single quotes: \${${name}, '${fallback.replace(/^['"]|['"]$/g, '')}'}.`);
  if (!versioned) {
    context.report('variable-literal-version', at, `\${${name}} stays literal text unless the policy has "Version": "2012-10-17".`);
    return;
  }
  if (use.special) return;
  const info = context.catalog.conditionKey(name);
  if (info === undefined || info === 'malformed') {
    if (name.toLowerCase().startsWith('aws:')) context.report('variable-unknown', at, `\${${name}} is not a known global condition key: it never resolves.`);
  } else if (info.multivalued) {
    context.report('variable-multivalued', at, `\${${name}} is multivalued and cannot be a variable.`);
  }
}

function checkArnVariables(node: StringNode, element: string, versioned: boolean, context: Context): void {
  const arn = readArn(node.value);
  const resourceStart = arn ? arn.offsets[4] : 0;
  for (const use of scanVariables(node.value)) {
    const at = rangeIn(node, use.start, use.end);
    if (arn && use.start < arn.offsets[2])
      context.report('variable-not-allowed', at, `A variable cannot stand for an ARN's partition or service (${element}).`);
    else if (arn && use.start < resourceStart) {
      context.report(
        'variable-outside-resource-part',
        at,
        `The User Guide documents variables in the resource part of an ARN; here it is the region or account (${element}).`,
      );
      checkUse(use, at, versioned, context);
    } else checkUse(use, at, versioned, context);
  }
}

function checkConditionVariables(statement: Statement, versioned: boolean, context: Context): void {
  for (const operator of statement.conditions) {
    const family = parseOperator(operator.operator.value).base?.family;
    const allowed = family === 'String' || family === 'Arn';
    for (const key of operator.keys) {
      for (const value of key.values) {
        if (value.kind !== 'string') continue;
        if (!allowed && family !== undefined) {
          for (const use of scanVariables(value.value))
            context.report(
              'variable-not-allowed',
              rangeIn(value, use.start, use.end),
              `${operator.operator.value} conditions do not resolve variables: only String and ARN operators do.`,
            );
        } else if (allowed) checkString(value, true, 'Condition', versioned, context);
      }
    }
  }
}
