// Condition blocks: operators, keys and values against each other and against the statement's
// actions (Condition operators; Single-valued vs. multivalued context keys; Access Analyzer checks).
import { statementActions, statementCarriesTagKey, supportedConditionKeys } from '../facts/statement-facts';
import { readConditionKey } from '../iam/condition-keys';
import type { ConditionKeyInfo } from '../catalog/catalog';
import { closest } from '../iam/suggest';
import { replaceVariables } from '../iam/variables';
import { OPERATORS, familiesForType, parseOperator, sameRelationIn, valueProblem, type ParsedOperator } from '../iam/operators';
import { actionEntries, elementString, elementValues, type ConditionKeyEntry, type ConditionOperatorEntry, type Statement } from '../model/policy';
import { scalarText } from '../model/tree';
import { addProperty, replaceScalar } from '../model/edits';
import { article, defineRules, replaceBySuggestions, type Finding, type Fix, type FixTarget, type RuleContext, type RuleSpecs } from './rule';

const rules = {
  'condition-operator-unknown': {
    severity: 'error',
    title: 'Unknown condition operator',
    description:
      'The operator is not an IAM condition operator, or its `ForAllValues:`/`ForAnyValue:` prefix or `IfExists` suffix is misspelt. Operator names are case-sensitive.',
    references: ['Access Analyzer INVALID_CONDITION_OPERATOR', 'parliament UNKNOWN_OPERATOR'],
    fix: replaceBySuggestions,
  },
  'condition-null-ifexists': {
    severity: 'error',
    title: 'Null with IfExists',
    description: '`Null` already tests whether a key exists; `NullIfExists` is not an operator.',
    references: ['Access Analyzer NULL_WITH_IF_EXISTS'],
    fix: replaceBySuggestions,
  },
  'condition-key-malformed': {
    severity: 'error',
    title: 'Malformed condition key',
    description: 'A condition key is `prefix:name`; tag keys need the tag name after the slash (`aws:ResourceTag/team`).',
    references: ['Access Analyzer INVALID_CONDITION_KEY_FORMAT', 'Access Analyzer MISSING_TAG_KEY_IN_CONDITION'],
  },
  'condition-key-unknown': {
    severity: 'error',
    title: 'Unknown condition key',
    description:
      "No global `aws:` key has this name, or the service defines no such key (Customer Profiles defines no `profile:` keys; `s3:prefix` is S3's). Keys AWS's own policies use that the reference lacks are added by the generator (`lakeformation:GlueARN`), and tag placeholders are read in every form the data writes (`s3:ExistingObjectTag/<key>`, `secretsmanager:ResourceTag/tag-key`).",
    references: ['Access Analyzer INVALID_GLOBAL_CONDITION_KEY', 'Access Analyzer INVALID_SERVICE_CONDITION_KEY'],
    fix: replaceBySuggestions,
  },
  'condition-key-duplicate-case': {
    severity: 'error',
    title: 'Keys that differ only in case',
    description: 'Condition key names are case-insensitive, so two keys under one operator that differ only in case are the same key twice.',
    references: ['Access Analyzer DUPLICATE_KEYS_WITH_DIFFERENT_CASE'],
  },
  'condition-key-unsupported': {
    severity: 'warning',
    title: 'No action of the statement supports the key',
    description:
      "A tag key that none of the statement's actions supports is never present, so a condition that needs it is never true: in an Allow the statement never applies; in a Deny it never denies (for example `aws:RequestTag/…` on `profile:GetDomain`). Conditions that hold without the key (ForAllValues, negated operators, IfExists) are not reported, and only services whose per-action data is reviewed (Customer Profiles, S3, KMS, Connect) are judged.",
    references: [
      'Access Analyzer UNSUPPORTED_ACTION_FOR_CONDITION_KEY',
      'Access Analyzer DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
      'parliament UNKNOWN_CONDITION_FOR_ACTION',
    ],
    corpus:
      '2 findings in AmazonDataZoneSageMakerManageAccessRolePolicy: `ForAnyValue:StringEquals` on `aws:TagKeys` for `kms:DescribeKey` and `kms:CreateGrant`, whose requests carry no tags (KMS takes aws:TagKeys on CreateKey, ReplicateKey, TagResource and UntagResource): the two statements never apply.',
  },
  'condition-operator-type': {
    severity: 'warning',
    title: "Operator does not fit the key's type",
    description:
      "Use the operator family of the key's type: String operators for strings, `Bool` for booleans, `Date…` for dates, `IpAddress` for IPs, `Arn…` for ARNs.",
    references: ['Access Analyzer TYPE_MISMATCH', 'parliament MISMATCHED_TYPE'],
    fix: renameOperator,
    corpus:
      'AIOpsAssistantPolicy compares the Bool key `aws:ViaAWSService` with `StringEquals` and the value `amplify.amazonaws.com`: that condition can never be true, a real mistake in AWS\'s policy. SageMakerStudioProjectProvisioningRolePolicy compares the Bool key `lakeformation:EnabledOnlyForMetaDataAccess` with `StringEquals` and `"true"`: it matches as text, but Bool is the operator for it. ARN operators on tag keys whose values are ARNs (ECS\'s `aws:RequestTag/AmazonECSCreated`) are not reported: a string may hold an ARN.',
  },
  'condition-value-type': {
    severity: 'warning',
    title: 'Value does not fit the operator',
    description:
      'Numbers for Numeric operators, ISO 8601 dates or epoch seconds for Date operators, `true`/`false` for Bool and Null, CIDR ranges for IpAddress.',
    references: ['Access Analyzer TYPE_MISMATCH_BOOLEAN', 'TYPE_MISMATCH_DATE', 'TYPE_MISMATCH_NUMBER', 'TYPE_MISMATCH_IP_RANGE'],
  },
  'condition-missing-qualifier': {
    severity: 'error',
    title: 'Multivalued key without ForAllValues/ForAnyValue',
    description:
      'A multivalued key such as `aws:TagKeys` is a list in the request: say whether every value (`ForAllValues:`) or any value (`ForAnyValue:`) must match.',
    references: ['Access Analyzer MISSING_QUALIFIER'],
    fix: qualifierFixes,
  },
  'condition-qualifier-single-valued': {
    severity: 'warning',
    title: 'Set qualifier on a single-valued key',
    description:
      '`ForAllValues:` on a single-valued key is also true when the key is missing, which is rarely meant; `ForAnyValue:` on one adds nothing. Use the plain operator. Keys that AWS compares both ways are not reported (`codestar-connections:ProviderAction`, which its documentation tests with ForAllValues).',
    references: ['Access Analyzer FORALLVALUES_WITH_SINGLE_VALUED_KEY', 'parliament SINGLE_VALUE_CONDITION_TOO_PERMISSIVE'],
    corpus:
      '2 findings: AmazonEKSVPCResourceController and AmazonMacieHandshakeRole put `ForAnyValue:` on single-valued keys (`ec2:ResourceTag/eks:eni:owner`, `iam:AWSServiceName`): harmless, the plain operator says the same.',
  },
  'condition-forallvalues-without-null': {
    severity: 'warning',
    title: 'ForAllValues in an Allow without a Null guard',
    description: '`ForAllValues:` is true when the key is missing, so the Allow also applies to requests without it. Add `"Null": { "<key>": "false" }`.',
    references: ['IAM: Multivalued context keys'],
    corpus:
      '24 findings in 21 policies, each where the Allow really does apply to a request without the key: `ec2:DeleteTags` (12: without a tag list it deletes every tag, and its request has no aws:TagKeys), and actions whose tags are optional (`ec2:CreateNetworkInterface`, `ec2:CreateVolume`, `secretsmanager:CreateSecret`, `resource-groups:CreateGroup`, `sts:AssumeRole` with its optional session tags: AWS means "tags optional, but only these keys"). Only global keys are judged: whether a request always carries a service\'s own list key is not in the data (`kms:GrantOperations` is in every CreateGrant request). Not reported, 142 more: statements whose other conditions need a tag (`aws:RequestTag/…`, `Null` false, `ForAnyValue:` on the key) and statements of Tagging actions, which name the tags they change. How it decides: a Tagging action (access level Tagging in the service data) always carries aws:TagKeys, except those the generator marks as taking an optional tag list (`ec2:DeleteTags`, from the EC2 API reference); an action the data knows, and that does not take the key, never carries it.',
    fix: nullGuardFix,
  },
  'condition-wildcard-without-like': {
    severity: 'warning',
    title: 'Wildcard under an operator that does not expand it',
    description: '`*` and `?` are only wildcards under `StringLike`/`StringNotLike` (and ARN operators); elsewhere they match the literal character.',
    references: ['Access Analyzer WILDCARD_WITHOUT_LIKE_OPERATOR'],
  },
  'condition-bool-both': {
    severity: 'error',
    title: 'Bool with both true and false',
    description: 'A Bool condition with both values is always true when the key is present: say which one you mean.',
    references: ['Access Analyzer INVALID_CONDITION_MULTIPLE_BOOLEAN'],
  },
  'condition-empty': {
    severity: 'info',
    title: 'Empty condition',
    description: 'An empty Condition, operator block or value list adds nothing (an empty value list never matches).',
    references: ['Access Analyzer EMPTY_OBJECT_CONDITION', 'EMPTY_ARRAY_CONDITION'],
  },
} as const satisfies RuleSpecs;

type Context = RuleContext<keyof typeof rules>;

export const conditionRules = defineRules({
  name: 'conditions',
  rules,
  checkStatement(statement, context) {
    const block = statement.elements.Condition?.value;
    if (block?.kind === 'object' && block.properties.length === 0) context.report('condition-empty', block, 'Condition is empty.');
    if (statement.conditions.length === 0) return;
    // Which keys an action supports is trusted only where its service's data is reviewed.
    const carried = statementCarriesTagKey(statementActions(statement, context.catalog), context.catalog);
    for (const entry of statement.conditions) checkOperator(statement, entry, carried, context);
  },
});

/** Whether the statement's actions can carry a key (statementCarriesTagKey); undefined where that is not judged. */
type SupportedKeys = ((info: ConditionKeyInfo) => boolean) | undefined;

function checkOperator(statement: Statement, entry: ConditionOperatorEntry, supported: SupportedKeys, context: Context): void {
  const text = entry.operator.value;
  const parsed = parseOperator(text);
  if (parsed.base?.family === 'Null' && parsed.ifExists) {
    context.report('condition-null-ifexists', entry.operator, 'Null cannot take IfExists: Null itself tests whether the key exists.', {
      suggestions: ['Null'],
    });
    return;
  }
  if (!parsed.base) {
    const names = OPERATORS.flatMap((o) => [o.name, `${o.name}IfExists`, `ForAllValues:${o.name}`, `ForAnyValue:${o.name}`]);
    const suggestions = closest(text, names);
    const hint = suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : '';
    context.report('condition-operator-unknown', entry.operator, `"${text}" is not a condition operator.${hint}`, { suggestions });
    return;
  }
  const value = entry.property.value;
  if (value?.kind === 'object' && value.properties.length === 0) context.report('condition-empty', value, `${text} has no keys.`);
  const seen = new Map<string, string>();
  for (const key of entry.keys) {
    const lower = key.key.value.toLowerCase();
    const first = seen.get(lower);
    if (first !== undefined && first !== key.key.value)
      context.report('condition-key-duplicate-case', key.key, `"${key.key.value}" is the same key as "${first}": key names ignore case.`);
    seen.set(lower, key.key.value);
    checkKey(statement, parsed, key, supported, context);
  }
}

/** The operator over the key at the finding renamed to the one that fits it, where the key is its only one. */
function renameOperator(finding: Finding, target: FixTarget): Fix[] {
  const operator = target.statement?.conditions.find((o) => o.keys.some((k) => k.key.start === finding.start));
  const name = finding.data?.suggestions?.[0];
  if (!operator || !name || operator.keys.length !== 1) return [];
  return [{ title: `Change the operator to ${name}`, edits: [replaceScalar(target.document, operator.operator, name)] }];
}

function checkKey(statement: Statement, operator: ParsedOperator, entry: ConditionKeyEntry, supported: SupportedKeys, context: Context): void {
  const name = entry.key.value;
  const parsed = readConditionKey(name);
  if (parsed.malformed) {
    context.report('condition-key-malformed', entry.key, parsed.malformed);
    return;
  }
  const { catalog } = context;
  const info = catalog.conditionKey(name);
  if (!info || info === 'malformed') {
    const service = parsed.prefix === 'aws' ? undefined : catalog.service(parsed.prefix);
    if (parsed.prefix === 'aws' || service) {
      const candidates = [...catalog.globalKeys.map((k) => k.name), ...(service?.conditionKeys.map((k) => k.name) ?? [])];
      const suggestions = closest(name, candidates);
      const reason = !service
        ? 'there is no such global condition key'
        : service.conditionKeys.some((k) => k.name.toLowerCase().startsWith(`${service.prefix}:`))
          ? `${service.name} has no such ${service.prefix}: key`
          : `${service.name} defines no ${service.prefix}: condition keys`;
      context.report(
        'condition-key-unknown',
        entry.key,
        `"${name}" is not a condition key: ${reason}.${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''}`,
        { suggestions },
      );
    }
    checkValues(operator, entry, context);
    return;
  }
  const family = operator.base!.family;
  // A condition that holds when the key is missing (ForAllValues, a negated operator, IfExists, Null true)
  // still lets the statement apply: only one that needs the key is never true.
  if (supported && needsKey(operator, entry)) {
    if (!supported(info)) {
      const effect = elementString(statement, 'Effect');
      const outcome = effect === 'Deny' ? 'this Deny never applies' : 'this statement never applies';
      context.report(
        'condition-key-unsupported',
        entry.key,
        `None of the statement's actions supports ${info.name}: the key is never in their requests, so ${outcome}.`,
      );
    }
  }
  // A string may hold an ARN (a tag whose value is a task's ARN): ARN operators fit string keys too.
  const arnInString = family === 'Arn' && familiesForType(info.type).includes('String');
  if (family !== 'Null' && !arnInString && !familiesForType(info.type).includes(family)) {
    const fitting = familiesForType(info.type)[0]!;
    const same = sameRelationIn(operator.base!, fitting);
    const renamed = same && `${operator.qualifier ? `${operator.qualifier}:` : ''}${same.name}${operator.ifExists ? 'IfExists' : ''}`;
    context.report(
      'condition-operator-type',
      entry.key,
      `${name} is ${info.type}: use ${renamed ?? `${article(fitting)} ${fitting === 'Bool' ? 'Bool' : `${fitting}…`} operator`}, not ${operator.base!.name}.`,
      { suggestions: renamed ? [renamed] : [] },
    );
  }
  if (family !== 'Null' && !info.qualifierOptional) {
    if (info.multivalued && !operator.qualifier) {
      context.report(
        'condition-missing-qualifier',
        entry.key,
        `${name} is multivalued: write ForAnyValue:${operator.base!.name} or ForAllValues:${operator.base!.name}.`,
        { suggestions: [`ForAnyValue:${operator.base!.name}`, `ForAllValues:${operator.base!.name}`] },
      );
    } else if (!info.multivalued && operator.qualifier) {
      const plain = `${operator.base!.name}${operator.ifExists ? 'IfExists' : ''}`;
      context.report(
        'condition-qualifier-single-valued',
        entry.key,
        operator.qualifier === 'ForAllValues'
          ? `${name} is single-valued: ForAllValues: makes the condition true when the key is missing. Use ${plain}.`
          : `${name} is single-valued: ForAnyValue: adds nothing to ${plain}, which says the same. Use ${plain}.`,
      );
    } else if (info.multivalued && info.scope === 'global' && operator.qualifier === 'ForAllValues' && elementString(statement, 'Effect') === 'Allow') {
      // Only global keys: whether a request always carries a service's own key (kms:GrantOperations is in
      // every CreateGrant request) is not in the data.
      const optional = actionsWithOptionalKey(statement, info, context);
      if (optional.length > 0 && !requiredByCondition(statement, info)) {
        context.report(
          'condition-forallvalues-without-null',
          entry.key,
          `ForAllValues is true when ${name} is missing, and ${optional.slice(0, 3).join(', ')}${optional.length > 3 ? ', …' : ''} can be called without it: add "Null": { "${name}": "false" } so the Allow needs the key.`,
        );
      }
    }
  }
  checkValues(operator, entry, context);
}

/** Is the condition false for a request without the key? Then a key that never comes makes the statement never apply. */
function needsKey(operator: ParsedOperator, entry: ConditionKeyEntry): boolean {
  const base = operator.base!;
  if (base.family === 'Null') return entry.values.some((v) => scalarText(v)?.toLowerCase() === 'false');
  return !base.negated && !operator.ifExists && operator.qualifier !== 'ForAllValues';
}

/**
 * Does another condition of the statement fail whenever the key is missing? `Null: {key: false}`;
 * `ForAnyValue:` on the same key (false on a missing key, IfExists or not); and for aws:TagKeys, a test
 * that needs a tag in the request (a positive operator on aws:RequestTag/…, or Null false on it): a
 * request that carries a tag carries aws:TagKeys.
 */
function requiredByCondition(statement: Statement, key: ConditionKeyInfo): boolean {
  const isKey = (written: string) => {
    const info = readConditionKey(written);
    return info.pattern.toLowerCase() === key.name.toLowerCase();
  };
  const isRequestTag = (written: string) => key.tag === 'keys' && readConditionKey(written).tag === 'request';
  return statement.conditions.some((condition) => {
    const operator = parseOperator(condition.operator.value);
    if (!operator.base) return false;
    return condition.keys.some((entry) => {
      const written = entry.key.value;
      if (operator.base!.family === 'Null')
        return (isKey(written) || isRequestTag(written)) && entry.values.some((v) => scalarText(v)?.toLowerCase() === 'false');
      if (isKey(written)) return operator.qualifier === 'ForAnyValue';
      return isRequestTag(written) && !operator.base!.negated && !operator.ifExists && operator.qualifier !== 'ForAllValues';
    });
  });
}

/**
 * The statement's actions that may be called both with and without the key: where ForAllValues lets
 * the Allow through on a request that lacks it. Actions that never carry the key are not among them
 * (the condition says nothing of them), nor, for aws:TagKeys, Tagging actions, whose requests name
 * the tags they add or remove (unless the data marks their tag list optional: ec2:DeleteTags deletes
 * every tag when it names none). A service known by name only: any non-Tagging action may.
 */
function actionsWithOptionalKey(statement: Statement, key: ConditionKeyInfo, context: Context): string[] {
  const { catalog } = context;
  const found: string[] = [];
  // The string entries' parses, kept on the statement, in the order of the values.
  const entries = actionEntries(statement, 'Action');
  let next = 0;
  for (const node of elementValues(statement, 'Action')) {
    if (node.kind !== 'string') return ['an action decided elsewhere'];
    const { parsed } = entries[next++]!;
    if (parsed.kind === 'all') return ['*'];
    if (parsed.kind !== 'action') continue;
    for (const match of catalog.matchActions(parsed.service, parsed.name)) {
      const tagging = catalog.accessLevel(match.service, match.action) === 'Tagging';
      if (key.tag === 'keys' && tagging && !catalog.tagListOptional(match.service, match.action)) continue;
      const action = catalog.action(match.service, match.action);
      if (action && !supportedConditionKeys([action], catalog).has(key.name)) continue;
      found.push(`${match.service}:${match.action}`);
    }
  }
  return found;
}

function checkValues(operator: ParsedOperator, entry: ConditionKeyEntry, context: Context): void {
  const family = operator.base!.family;
  const value = entry.property.value;
  if (value?.kind === 'array' && value.items.length === 0) {
    context.report('condition-empty', value, `${entry.key.value} has an empty list of values: it never matches.`);
    return;
  }
  const texts: string[] = [];
  for (const node of entry.values) {
    const text = scalarText(node);
    if (text === undefined) continue;
    texts.push(text);
    const problem = valueProblem(family, text);
    if (problem) context.report('condition-value-type', node, problem);
    if (family === 'String' && !operator.base!.name.includes('Like') && hasBareWildcard(text)) {
      context.report(
        'condition-wildcard-without-like',
        node,
        `${operator.base!.name} compares "${text}" literally: * and ? are wildcards only under StringLike.`,
        { suggestions: [operator.base!.name.replace('Equals', 'Like').replace('IgnoreCase', '')] },
      );
    }
  }
  if (family === 'Bool' && texts.some((t) => t.toLowerCase() === 'true') && texts.some((t) => t.toLowerCase() === 'false')) {
    context.report('condition-bool-both', entry.key, `${entry.key.value} is given both true and false.`);
  }
}

/** `*` or `?` not written as the escapes ${*} / ${?}. */
function hasBareWildcard(text: string): boolean {
  const unescaped = replaceVariables(text, (variable) => (variable.special ? '' : text.slice(variable.start, variable.end)));
  return unescaped.includes('*') || unescaped.includes('?');
}

function qualifierFixes(finding: Finding, { document, statement }: FixTarget): Fix[] {
  const entry = statement?.conditions.find((c) => c.keys.some((k) => k.key.start === finding.start));
  if (!entry || entry.keys.length !== 1) return [];
  return (finding.data?.suggestions ?? []).map((s) => ({ title: `Use ${s}`, edits: [replaceScalar(document, entry.operator, s)] }));
}

/** Adds `"Null": { key: "false" }` beside a ForAllValues condition in an Allow. */
function nullGuardFix(_finding: Finding, { document, statement, node: keyNode }: FixTarget): Fix[] {
  if (!statement || !keyNode) return [];
  const block = statement.elements.Condition?.value;
  if (block?.kind !== 'object') return [];
  const key = keyNode.value;
  const existing = statement.conditions.find((c) => c.operator.value === 'Null');
  const edit =
    existing?.property.value?.kind === 'object'
      ? addProperty(document, existing.property.value, key, 'false', 'last')
      : addProperty(document, block, 'Null', { [key]: 'false' }, 'last');
  return [{ title: `Add "Null": { "${key}": "false" } so the Allow needs the key`, edits: [edit] }];
}
