// The grammar of a policy: which elements exist, which must be there, which exclude each other, and
// what type each one takes (IAM JSON policy grammar; Access Analyzer's structure checks; cfn-lint E3510).
import {
  POLICY_ELEMENTS,
  STATEMENT_ELEMENTS,
  alternatives,
  coexist,
  elementValues,
  type Policy,
  type Statement,
  type StatementElementName,
} from '../model/policy';
import { hasVariables } from '../iam/variables';
import { describeKind, listItems, type PropertyNode, type ValueNode } from '../model/tree';
import { namesManyServices, statementActions } from '../facts/statement-facts';
import { keyRange, policyAnchor, statementAnchor, valueRange } from './anchors';
import { addProperty, removeProperty } from '../model/edits';
import { defineRules, replaceBySuggestions, type Finding, type Fix, type FixTarget, type RuleContext, type RuleSpecs } from './rule';

const VERSIONS = ['2012-10-17', '2008-10-17'];
const SID_CHARACTERS = /^[A-Za-z0-9]*$/;

const rules = {
  'version-missing': {
    severity: 'info',
    title: 'Version is missing',
    description:
      'Without `"Version": "2012-10-17"` IAM applies the 2008 language, where policy variables such as `${aws:username}` stay literal text. A warning where the policy uses a variable (there the missing Version changes what it means); information otherwise, as Access Analyzer rates it a suggestion. Add the Version element.',
    references: ['Access Analyzer MISSING_VERSION', 'parliament NO_VERSION'],
    fix: addVersion,
  },
  'version-invalid': {
    severity: 'error',
    title: 'Version is not a policy language version',
    description: 'Version must be `2012-10-17` (current) or `2008-10-17`. It is the policy language version, not a date you choose.',
    references: ['Access Analyzer INVALID_VERSION', 'parliament INVALID_VERSION'],
    fix: replaceBySuggestions,
  },
  'version-old': {
    severity: 'warning',
    title: 'Version 2008-10-17 is outdated',
    description: 'The 2008-10-17 language does not support policy variables and newer features. Use `2012-10-17`.',
    references: ['parliament OLD_VERSION'],
    fix: replaceBySuggestions,
  },
  'statement-missing': {
    severity: 'error',
    title: 'Statement is missing or empty',
    description: 'A policy needs a `Statement` element with at least one statement.',
    references: ['Access Analyzer MISSING_STATEMENT'],
  },
  'element-unknown': {
    severity: 'error',
    title: 'Unknown policy element',
    description: 'IAM rejects elements it does not know. Element names are case-sensitive (`Action`, not `action`).',
    references: ['Access Analyzer INVALID_POLICY_ELEMENT', 'parliament MALFORMED'],
    fix: replaceBySuggestions,
  },
  'element-type': {
    severity: 'error',
    title: 'Element has the wrong type',
    description:
      'Each element takes one JSON type: Effect and Sid a string; Action, NotAction, Resource and NotResource a string or a list of strings; Principal and NotPrincipal `"*"` or an object whose principal types each take a string or a list of strings; Condition an object; Statement an object or a list of objects.',
    references: ['Access Analyzer DATA_TYPE_MISMATCH'],
  },
  'effect-missing': {
    severity: 'error',
    title: 'Effect is missing',
    description: 'Every statement needs `"Effect": "Allow"` or `"Effect": "Deny"`.',
    references: ['Access Analyzer MISSING_EFFECT'],
  },
  'effect-invalid': {
    severity: 'error',
    title: 'Effect is neither Allow nor Deny',
    description: 'Effect takes exactly `Allow` or `Deny`, case-sensitive.',
    references: ['Access Analyzer INVALID_EFFECT'],
    fix: replaceBySuggestions,
  },
  'action-missing': {
    severity: 'error',
    title: 'Neither Action nor NotAction',
    description: 'A statement must say which actions it covers, with `Action` (or, rarely, `NotAction`).',
    references: ['Access Analyzer MISSING_ACTION'],
  },
  'action-conflict': {
    severity: 'error',
    title: 'Both Action and NotAction',
    description: 'A statement takes either `Action` or `NotAction`, never both.',
    references: ['Access Analyzer UNSUPPORTED_ELEMENT_COMBINATION'],
  },
  'resource-missing': {
    severity: 'error',
    title: 'Neither Resource nor NotResource',
    description:
      'Identity and resource policy statements must name their resources, with `Resource` (or `NotResource`). Use `"*"` for actions that take no resource.',
    references: ['Access Analyzer MISSING_RESOURCE'],
  },
  'resource-conflict': {
    severity: 'error',
    title: 'Both Resource and NotResource',
    description: 'A statement takes either `Resource` or `NotResource`, never both.',
    references: ['Access Analyzer UNSUPPORTED_ELEMENT_COMBINATION'],
  },
  'resource-not-allowed': {
    severity: 'error',
    title: 'Resource in a policy whose resource is implied',
    description:
      'An ECR repository policy (`RepositoryPolicyText` of `AWS::ECR::Repository` or `AWS::ECR::PublicRepository`) applies to its repository, so its statements name no `Resource`; CloudFormation fails to deploy one that does. Remove the Resource (there `resource-missing` does not apply).',
    references: ['Amazon ECR: Private repository policies'],
    fix: removeResource,
  },
  'resource-in-trust-policy': {
    severity: 'error',
    title: 'Resource in a trust policy',
    description: 'A role trust policy applies to the role itself; it takes no `Resource` or `NotResource`.',
    references: ['Access Analyzer ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE'],
  },
  'principal-in-identity-policy': {
    severity: 'error',
    title: 'Principal in an identity policy',
    description:
      'An identity policy applies to the user, group or role it is attached to, so it takes no `Principal` or `NotPrincipal`. Remove it, or move the statement into a resource or trust policy.',
    references: ['Access Analyzer UNSUPPORTED_PRINCIPAL', 'cfn-lint E3510'],
    fix: removePrincipal,
  },
  'principal-without-resource-policy': {
    severity: 'error',
    title: 'Principal beside actions of a service that takes no resource policy',
    description:
      'A file whose statements all name a Principal reads as a resource-based policy, but every action of this statement belongs to a service that takes none (Amazon Connect Customer Profiles has identity-based policies only), so the policy cannot be attached anywhere. Write it as an identity policy — attached to a user, group or role, without Principal. Resource policies of services that take them (S3, SQS, KMS, …) are not reported.',
    references: ['IAM: AWS services that work with IAM (resource-based policies)'],
    fix: removePrincipal,
  },
  'principal-missing': {
    severity: 'error',
    title: 'Principal is missing',
    description: 'Trust and resource policies must say who they apply to, with `Principal` (or `NotPrincipal`).',
    references: ['Access Analyzer MISSING_PRINCIPAL'],
  },
  'principal-type-unknown': {
    severity: 'error',
    title: 'Unknown principal type',
    description:
      'A Principal (or NotPrincipal) names its principals by type: `AWS` (accounts, users, roles, sessions), `Service`, `Federated` or `CanonicalUser`. The types are case-sensitive, and anything else is rejected (`{"aws": …}`, `{"Account": …}`).',
    references: ['IAM JSON policy elements: Principal', 'IAM JSON policy grammar (principal_map_entry)'],
    fix: renamePrincipalType,
  },
  'principal-conflict': {
    severity: 'error',
    title: 'Both Principal and NotPrincipal',
    description: 'A statement takes either `Principal` or `NotPrincipal`, never both.',
    references: ['Access Analyzer UNSUPPORTED_ELEMENT_COMBINATION'],
  },
  'id-in-identity-policy': {
    severity: 'warning',
    title: 'Id in an identity policy',
    description: 'The policy `Id` element is meant for resource policies; IAM ignores or rejects it in identity policies.',
    references: ['IAM JSON policy elements: Id'],
  },
  'sid-invalid': {
    severity: 'error',
    title: 'Sid has characters IAM does not accept',
    description: 'In identity policies a Sid may only contain letters A–Z, a–z and digits 0–9.',
    references: ['Access Analyzer UNSUPPORTED_SID', 'parliament INVALID_SID', 'cfn-lint E3510'],
    fix: replaceBySuggestions,
  },
  'sid-duplicate': {
    severity: 'warning',
    title: 'Sid is used twice',
    description: 'Sids must be unique within a policy so each statement can be told apart.',
    references: ['Access Analyzer UNIQUE_SIDS_RECOMMENDED', 'parliament DUPLICATE_SID'],
  },
  'sid-empty': {
    severity: 'info',
    title: 'Sid is empty',
    description: 'An empty Sid says nothing: give the statement a name or remove the Sid.',
    references: ['Access Analyzer EMPTY_SID_VALUE'],
  },
} as const satisfies RuleSpecs;

type Context = RuleContext<keyof typeof rules>;

export const structureRules = defineRules({
  name: 'structure',
  rules,
  checkPolicy: checkPolicy,
  checkStatement: checkStatement,
});

function addVersion(_finding: Finding, { document, policy }: FixTarget): Fix[] {
  return policy ? [{ title: 'Add "Version": "2012-10-17"', edits: [addProperty(document, policy.node, 'Version', '2012-10-17', 'first')] }] : [];
}

function removeResource(finding: Finding, { document, statement }: FixTarget): Fix[] {
  const property = [statement?.elements.Resource, statement?.elements.NotResource].find((p) => p?.key.start === finding.start);
  if (!statement || !property) return [];
  return [{ title: `Remove ${property.key.value} (the policy applies to its repository)`, edits: [removeProperty(document, statement.node, property)] }];
}

function removePrincipal(finding: Finding, { document, statement }: FixTarget): Fix[] {
  const property = [statement?.elements.Principal, statement?.elements.NotPrincipal].find((p) => p?.key.start === finding.start);
  if (!statement || !property) return [];
  return [
    {
      title: `Remove ${property.key.value} (identity policies apply to whoever they are attached to)`,
      edits: [removeProperty(document, statement.node, property)],
    },
  ];
}

function checkPolicy(policy: Policy, context: Context): void {
  const { version, statementProperty } = policy;
  if (version) checkVersion(version, context);
  else if (!policy.traits.statementsKey) {
    const variables = usesVariables(policy);
    context.report(
      'version-missing',
      policyAnchor(policy),
      variables
        ? 'Version is missing, so the policy variables stay literal text: add "Version": "2012-10-17".'
        : 'Version is missing: add "Version": "2012-10-17" (without it, policy variables would stay literal text).',
      undefined,
      variables ? 'warning' : undefined,
    );
  }

  for (const property of policy.unknownElements) reportUnknown(property, POLICY_ELEMENTS, 'policy', context);
  if (policy.id && policy.kind === 'identity')
    context.report('id-in-identity-policy', keyRange(policy.id), 'Id belongs in resource policies, not in an identity policy.');

  if (!statementProperty) {
    context.report('statement-missing', policyAnchor(policy), 'The policy has no Statement.');
  } else if (statementProperty.value?.kind !== 'opaque') {
    const items = listItems(statementProperty.value);
    if (items.length === 0 || !statementProperty.value) {
      context.report('statement-missing', valueRange(statementProperty), 'Statement is empty: add at least one statement.');
    }
    for (const item of items) {
      for (const branch of alternatives(item)) {
        if (branch.kind !== 'object' && branch.kind !== 'opaque') {
          context.report('element-type', branch, `A statement must be an object, not ${describeKind(branch)}.`);
        }
      }
    }
  }
  checkSids(policy, context);
}

/** Does a statement write a policy variable where IAM would resolve one: an ARN, a condition value? */
function usesVariables(policy: Policy): boolean {
  return policy.statements.some(
    (statement) =>
      [...elementValues(statement, 'Resource'), ...elementValues(statement, 'NotResource')].some((v) => v.kind === 'string' && hasVariables(v.value)) ||
      statement.conditions.some((c) => c.keys.some((k) => k.values.some((v) => v.kind === 'string' && hasVariables(v.value)))),
  );
}

function checkVersion(version: PropertyNode, context: Context): void {
  const value = version.value;
  if (value?.kind === 'opaque') return;
  if (value?.kind !== 'string' || !VERSIONS.includes(value.value)) {
    const shown = value?.kind === 'string' ? `"${value.value}"` : value ? describeKind(value) : 'empty';
    context.report('version-invalid', valueRange(version), `Version ${shown} is not a policy language version: use "2012-10-17".`, {
      suggestions: ['2012-10-17'],
    });
  } else if (value.value === '2008-10-17') {
    context.report('version-old', value, 'Version 2008-10-17 is outdated and treats policy variables as literal text: use "2012-10-17".', {
      suggestions: ['2012-10-17'],
    });
  }
}

function checkSids(policy: Policy, context: Context): void {
  const seen = new Map<string, Statement[]>();
  for (const statement of policy.statements) {
    const sid = statement.elements.Sid;
    const value = sid?.value;
    if (!sid || value?.kind !== 'string') continue;
    if (value.value === '') {
      context.report('sid-empty', value, 'Sid is empty.');
      continue;
    }
    if (policy.kind === 'identity' && !SID_CHARACTERS.test(value.value)) {
      context.report('sid-invalid', value, `Sid "${value.value}" may only contain letters and digits (A–Z, a–z, 0–9).`, {
        suggestions: [value.value.replace(/[^A-Za-z0-9]/g, '')].filter(Boolean),
      });
    }
    // The two sides of an Fn::If are alternatives: only one is deployed, so they may share a Sid.
    const earlier = seen.get(value.value) ?? [];
    if (earlier.some((other) => coexist(other, statement)))
      context.report('sid-duplicate', value, `Sid "${value.value}" is already used by another statement of this policy.`);
    seen.set(value.value, [...earlier, statement]);
  }
}

function checkStatement(statement: Statement, context: Context): void {
  const { elements, policy } = statement;
  const anchor = statementAnchor(statement);
  for (const property of statement.unknownElements) reportUnknown(property, STATEMENT_ELEMENTS, 'statement', context);

  const effect = elements.Effect;
  if (!effect)
    context.report('effect-missing', anchor, 'The statement has no Effect: add "Effect": "Allow" or "Effect": "Deny".', { suggestions: ['Allow', 'Deny'] });
  else checkEffect(effect, context);

  if (elements.Action && elements.NotAction)
    context.report('action-conflict', keyRange(elements.NotAction), 'A statement cannot have both Action and NotAction.');
  else if (!elements.Action && !elements.NotAction) context.report('action-missing', anchor, 'The statement has no Action (or NotAction).');

  const resource = elements.Resource ?? elements.NotResource;
  if (policy.kind === 'trust') {
    if (resource)
      context.report('resource-in-trust-policy', keyRange(resource), `A trust policy takes no ${resource.key.value}: it applies to the role itself.`);
  } else if (elements.Resource && elements.NotResource) {
    context.report('resource-conflict', keyRange(elements.NotResource), 'A statement cannot have both Resource and NotResource.');
  } else if (policy.traits.impliedResource) {
    if (resource)
      context.report(
        'resource-not-allowed',
        keyRange(resource),
        `This policy applies to the resource it is attached to and takes no ${resource.key.value}: ${
          policy.origin.format === 'cloudformation' ? 'CloudFormation fails to deploy it' : 'the service rejects it'
        } with one.`,
      );
  } else if (!resource) {
    context.report('resource-missing', anchor, 'The statement has no Resource (or NotResource): name the ARNs, or "*" for actions that take no resource.');
  }

  const principal = elements.Principal ?? elements.NotPrincipal;
  if (policy.kind === 'identity') {
    for (const name of ['Principal', 'NotPrincipal'] as const) {
      const p = elements[name];
      if (p)
        context.report('principal-in-identity-policy', keyRange(p), `An identity policy cannot have ${name}: it applies to whoever the policy is attached to.`);
    }
  } else if (elements.Principal && elements.NotPrincipal) {
    context.report('principal-conflict', keyRange(elements.NotPrincipal), 'A statement cannot have both Principal and NotPrincipal.');
  } else if (principal && policy.kind === 'resource' && policy.origin.format === 'standalone') {
    checkResourcePolicyService(statement, principal, context);
  } else if (!principal) {
    context.report('principal-missing', anchor, `A ${policy.kind} policy statement needs a Principal.`);
  }
  checkTypes(statement, context);
}

/** A guessed resource policy whose actions all belong to services the data says take no resource policy. */
function checkResourcePolicyService(statement: Statement, principal: PropertyNode, context: Context): void {
  const facts = statementActions(statement, context.catalog);
  if (facts.shallow || facts.broad || namesManyServices(facts)) return;
  const actions = facts.actions;
  if (actions.length === 0) return;
  const services = [...new Set(actions.map((a) => a.service))].map((prefix) => context.catalog.service(prefix));
  if (!services.every((service) => service?.resourcePolicies === false)) return;
  const names = services.map((service) => service!.name).join(', ');
  context.report(
    'principal-without-resource-policy',
    keyRange(principal),
    `${names} takes no resource-based policy, so a statement with ${principal.key.value} and only its actions cannot be attached anywhere: write an identity policy (attached to a user, group or role) without ${principal.key.value}.`,
  );
}

function checkEffect(effect: PropertyNode, context: Context): void {
  const value = effect.value;
  if (value?.kind === 'opaque') return;
  if (value?.kind === 'string' && (value.value === 'Allow' || value.value === 'Deny')) return;
  const text = value?.kind === 'string' ? value.value : undefined;
  const fixed = text && ['allow', 'deny'].includes(text.toLowerCase()) ? (text.toLowerCase() === 'allow' ? 'Allow' : 'Deny') : undefined;
  const shown = text !== undefined ? `"${text}"` : value ? describeKind(value) : 'empty';
  context.report(
    'effect-invalid',
    valueRange(effect),
    fixed ? `Effect is case-sensitive: write "${fixed}", not ${shown}.` : `Effect ${shown} must be "Allow" or "Deny".`,
    { suggestions: fixed ? [fixed] : ['Allow', 'Deny'] },
  );
}

/** The principal type's key at the finding, written as the type it was meant to be. */
function renamePrincipalType(finding: Finding, target: FixTarget): Fix[] {
  const principals = [target.statement?.elements.Principal?.value, target.statement?.elements.NotPrincipal?.value];
  const key = principals.flatMap((p) => (p?.kind === 'object' ? p.properties : [])).find((entry) => entry.key.start === finding.start)?.key;
  return key ? replaceBySuggestions(finding, { ...target, node: key }) : [];
}

const STRING_LISTS: readonly StatementElementName[] = ['Action', 'NotAction', 'Resource', 'NotResource'];
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

/**
 * Principal and NotPrincipal: `"*"`, or an object of principal types, each a string or a list of
 * strings. (A data source's `type = "*"` is Terraform's spelling of `"*"`: its key is left alone.)
 */
function checkPrincipalShape(property: PropertyNode, context: Context): void {
  const name = property.key.value;
  const value = property.value;
  if (value?.kind === 'opaque' || (value?.kind === 'string' && value.value === '*')) return;
  if (value?.kind !== 'object') {
    const shown = value?.kind === 'string' ? `"${value.value}"` : value ? describeKind(value) : 'empty';
    context.report(
      'element-type',
      keyRange(property),
      `${name} is "*" or an object of principal types, such as {"AWS": "arn:aws:iam::111122223333:root"}, not ${shown}.`,
    );
    return;
  }
  for (const entry of value.properties) {
    const type = entry.key.value;
    if (type !== '*' && !PRINCIPAL_TYPES.includes(type)) {
      const sameLetters = PRINCIPAL_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
      context.report(
        'principal-type-unknown',
        entry.key,
        sameLetters
          ? `Principal types are case-sensitive: write "${sameLetters}", not "${type}".`
          : `"${type}" is not a principal type: use ${PRINCIPAL_TYPES.map((t) => `"${t}"`).join(', ')}.`,
        { suggestions: sameLetters ? [sameLetters] : [] },
      );
    }
    const identifiers = entry.value;
    if (!identifiers || identifiers.kind === 'null' || identifiers.kind === 'object')
      context.report(
        'element-type',
        identifiers ?? valueRange(entry),
        `Each principal type takes a string or a list of strings${identifiers ? `, not ${describeKind(identifiers)}` : ''}.`,
      );
    else
      for (const item of listItems(identifiers))
        if (!isStringLike(item)) context.report('element-type', item, `Each principal must be a string, not ${describeKind(item)}.`);
  }
}

function checkTypes(statement: Statement, context: Context): void {
  const { elements } = statement;
  const sid = elements.Sid?.value;
  if (sid && sid.kind !== 'string' && sid.kind !== 'opaque') context.report('element-type', sid, `Sid must be a string, not ${describeKind(sid)}.`);
  for (const name of STRING_LISTS) {
    const property = elements[name];
    const value = property?.value;
    if (!property) continue;
    if (!value || value.kind === 'null') {
      context.report('element-type', valueRange(property), `${name} needs a value: a string or a list of strings.`);
      continue;
    }
    if (value.kind === 'object') {
      context.report('element-type', value, `${name} must be a string or a list of strings, not an object.`);
      continue;
    }
    for (const item of listItems(value))
      if (!isStringLike(item)) context.report('element-type', item, `Each ${name} entry must be a string, not ${describeKind(item)}.`);
  }
  for (const principal of [elements.Principal, elements.NotPrincipal]) if (principal) checkPrincipalShape(principal, context);
  const condition = elements.Condition?.value;
  if (elements.Condition && (!condition || (condition.kind !== 'object' && condition.kind !== 'opaque'))) {
    context.report(
      'element-type',
      valueRange(elements.Condition),
      `Condition must be an object of operators${condition ? `, not ${describeKind(condition)}` : ''}.`,
    );
  }
}

function isStringLike(node: ValueNode): boolean {
  return node.kind === 'string' || node.kind === 'opaque';
}

function reportUnknown(property: PropertyNode, known: readonly string[], where: 'policy' | 'statement', context: Context): void {
  const name = property.key.value;
  const sameLetters = known.find((k) => k.toLowerCase() === name.toLowerCase());
  const otherLevel = where === 'policy' ? STATEMENT_ELEMENTS : POLICY_ELEMENTS;
  let hint = '';
  if (sameLetters) hint = ` Element names are case-sensitive: write "${sameLetters}".`;
  else if ((otherLevel as readonly string[]).includes(name))
    hint = where === 'policy' ? ` ${name} belongs inside a statement.` : ` ${name} belongs at the policy level, beside Statement.`;
  context.report('element-unknown', keyRange(property), `"${name}" is not a ${where} element.${hint}`, { suggestions: sameLetters ? [sameLetters] : [] });
}
