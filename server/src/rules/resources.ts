// Resource and NotResource values: well-formed ARNs with valid parts, no wildcard inside the
// resource-type word, and — deep for profile — ARNs that fit the statement's actions.
import type { ServiceModel } from '../catalog/service';
import type { ActionInfo, ResourceTypeInfo } from '../catalog/types';
import { readArn, readArnPattern, type ArnParts } from '../iam/arn';
import { hasVariables } from '../iam/variables';
import { PARTITIONS } from '../catalog/partitions';
import { parseAction } from '../iam/action';
import { elementString, elementValues, type Statement } from '../model/policy';
import type { StringNode } from '../model/tree';
import { actionResourceType, actionsConcerning, resourceServices, statementActions } from '../facts/statement-facts';
import { insertListItemAfter, removeListItem } from '../model/edits';
import { defineRules, type Finding, type Fix, type FixTarget, type RuleContext, type RuleSpecs } from './rule';

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?|-isob)?-[a-z]+-\d+$/;
/** A 12-digit account id, or `aws`: the account of AWS-owned resources (`arn:aws:iam::aws:policy/…`). */
const ACCOUNT = /^(\d{12}|aws)$/;
const hasWild = (s: string) => s.includes('*') || s.includes('?');
const hasVariable = hasVariables;

const rules = {
  'arn-malformed': {
    severity: 'error',
    title: 'Resource is not an ARN',
    description:
      'A resource is `"*"` or an ARN of the form `arn:partition:service:region:account:resource`, with all six parts present (some may be empty for global services).',
    references: ['Access Analyzer INVALID_ARN_PREFIX', 'Access Analyzer MISSING_ARN_FIELD', 'parliament INVALID_ARN'],
  },
  'arn-partition-invalid': {
    severity: 'error',
    title: 'Unknown ARN partition',
    description: 'The partition is `aws`, `aws-cn`, `aws-us-gov` or one of the isolated partitions.',
    references: ['Access Analyzer INVALID_PARTITION'],
  },
  'arn-service-case': {
    severity: 'error',
    title: 'ARN service in upper case',
    description: 'The service part of an ARN is lower case (`profile`, not `Profile`).',
    references: ['Access Analyzer INVALID_ARN_SERVICE_CASE'],
  },
  'arn-region-invalid': {
    severity: 'error',
    title: 'Invalid or missing ARN region',
    description: 'The region looks like `us-east-1`; Customer Profiles ARNs must name one (or `*`).',
    references: ['Access Analyzer INVALID_ARN_REGION', 'Access Analyzer MISSING_ARN_REGION'],
  },
  'arn-account-invalid': {
    severity: 'error',
    title: 'Invalid or missing ARN account',
    description:
      "The account is a 12-digit AWS account id, `*`, or `aws` for resources AWS owns (AWS managed policies `arn:aws:iam::aws:policy/…`, the SageMaker public hub). A service whose ARN formats all name an account (Customer Profiles' do) needs one.",
    references: ['Access Analyzer INVALID_ARN_ACCOUNT', 'Access Analyzer MISSING_ARN_ACCOUNT'],
  },
  'arn-resource-type-wildcard': {
    severity: 'warning',
    title: 'A wildcard in a resource-type word reaches several resource types',
    description:
      'Wildcards work in every part of an ARN but the service (IAM JSON policy elements: Resource), the resource-type words included: `domain?/retail` is a domain. Where the wildcard stands for more than one type word (`*types/order` is an object type and a domain object type), the ARN covers resources of each: write the word in full if one is meant.',
    references: ['IAM JSON policy elements: Resource'],
  },
  'arn-wrong-service': {
    severity: 'warning',
    title: 'ARN of another service',
    description: 'Every action of the statement is a Customer Profiles action, but the ARN names another service, so it grants nothing.',
    references: ['parliament RESOURCE_MISMATCH'],
  },
  'arn-no-resource-type': {
    severity: 'warning',
    title: 'ARN fits no resource type',
    description:
      'The ARN matches none of the 12 Customer Profiles resource types (`domains/${DomainName}`, `domains/${DomainName}/object-types/${ObjectTypeName}`, …).',
    references: ['parliament RESOURCE_MISMATCH', 'cfn-lint I3510'],
    corpus:
      'AmazonConnectServiceLinkedRolePolicy writes two Customer Profiles ARNs in a form the Service Authorization Reference does not document (`arn:aws:profile:*:*:/domains/amazon-connect-*`, `…:/templates*`, beside the documented `domains/amazon-connect-*`). No documented resource type has that shape, which is what the warning says; in a policy of your own, such an ARN is most often a typo.',
  },
  'arn-fits-no-action': {
    severity: 'warning',
    title: "ARN fits none of the statement's actions",
    description:
      "The ARN is a Customer Profiles resource, but none of the statement's actions takes that resource type; the message says which types the actions need.",
    references: ['parliament RESOURCE_MISMATCH', 'cfn-lint I3510'],
  },
  'resource-star-needed': {
    severity: 'warning',
    title: 'Action needs "*" but the statement names ARNs',
    description:
      'Actions without a resource type (ListDomains, ListAccountIntegrations, ListProfileObjectTypeTemplates, ListRecommenderRecipes, GetProfileObjectTypeTemplate) are only allowed with `"Resource": "*"`. Move them into a statement of their own.',
    references: ['IAM service authorization reference: Resource types column'],
    fix: moveToOwnStatement,
  },
  'resource-list-empty': {
    severity: 'info',
    title: 'Empty Resource list',
    description: 'An empty list names no resource: the statement never applies.',
    references: ['Access Analyzer EMPTY_ARRAY_RESOURCE'],
  },
} as const satisfies RuleSpecs;

type Context = RuleContext<keyof typeof rules>;

export const resourceRules = defineRules({
  name: 'resources',
  rules,
  checkStatement(statement, context) {
    for (const element of ['Resource', 'NotResource'] as const) {
      const property = statement.elements[element];
      if (property?.value?.kind === 'array' && property.value.items.length === 0)
        context.report('resource-list-empty', property.value, `${element} is an empty list.`);
    }
    if (statement.policy.kind === 'trust') return;
    const facts = statementActions(statement, context.catalog);
    // Only when every action is known in depth can an ARN of another service be called useless.
    const judged = !facts.shallow && !facts.broad && facts.actions.length > 0 ? resourceServices(facts.actions, context.catalog) : undefined;
    for (const element of ['Resource', 'NotResource'] as const) {
      for (const value of elementValues(statement, element)) {
        if (value.kind === 'string') checkArn(value, element === 'Resource' ? facts.actions : [], judged, statement.policy.traits.resourceShorthand, context);
      }
    }
    checkStarNeeded(statement, context);
  },
});

function checkArn(
  node: StringNode,
  actions: readonly ActionInfo[],
  judgeService: ReadonlySet<string> | undefined,
  shorthand: string | undefined,
  context: Context,
): void {
  const text = node.value;
  if (text === '*' || (shorthand && text.startsWith(shorthand))) return;
  if (!text.startsWith('arn:')) {
    if (hasVariable(text.slice(0, 4))) return; // reported by the variable rules
    context.report('arn-malformed', node, `"${text}" is not an ARN: write arn:partition:service:region:account:resource, or "*".`);
    return;
  }
  const arn = readArnPattern(text);
  if (!arn) {
    context.report('arn-malformed', node, `"${text}" has fewer than six parts: an ARN is arn:partition:service:region:account:resource.`);
    return;
  }
  const concrete = (s: string) => !hasWild(s) && !hasVariable(s);
  if (concrete(arn.partition) && !PARTITIONS.includes(arn.partition)) {
    context.report('arn-partition-invalid', node, `"${arn.partition}" is not an AWS partition: use aws, aws-cn or aws-us-gov.`);
  }
  if (arn.service !== arn.service.toLowerCase()) {
    context.report('arn-service-case', node, `The ARN service "${arn.service}" must be lower case: "${arn.service.toLowerCase()}".`);
    return;
  }
  const service = concrete(arn.service) ? context.catalog.service(arn.service) : undefined;
  const shape = service ? arnShape(service) : undefined;
  if (concrete(arn.region) && arn.region !== '' && !REGION.test(arn.region))
    context.report('arn-region-invalid', node, `"${arn.region}" is not a region (for example us-east-1).`);
  else if (shape?.region && arn.region === '') context.report('arn-region-invalid', node, `${shape.label} ARNs need a region (or "*").`);
  if (concrete(arn.account) && arn.account !== '' && !ACCOUNT.test(arn.account))
    context.report('arn-account-invalid', node, `"${arn.account}" is not a 12-digit account id (or "aws" for resources AWS owns).`);
  else if (shape?.account && arn.account === '') context.report('arn-account-invalid', node, `${shape.label} ARNs need an account id (or "*").`);
  if (judgeService && concrete(arn.service) && !judgeService.has(arn.service)) {
    const names = [...new Set(actions.map((a) => context.catalog.serviceName(a.service) ?? a.service))].join(', ');
    context.report('arn-wrong-service', node, `The statement's actions are all ${names} actions, but this ARN is for "${arn.service}": it grants nothing.`);
    return;
  }
  if (service) checkTypedResource(node, arn, service, actions, context);
}

const shapes = new WeakMap<ServiceModel, ReturnType<typeof computeShape>>();

/** What a service's ARN formats say of their parts: whether each names a region and an account. */
function arnShape(service: ServiceModel): ReturnType<typeof computeShape> {
  let shape = shapes.get(service);
  if (shape === undefined) shapes.set(service, (shape = computeShape(service)));
  return shape;
}

function computeShape(service: ServiceModel): { label: string; region: boolean; account: boolean; start: string | undefined } | undefined {
  const templates = service.resourceTypes.map((t) => readArn(t.arn)).filter((t) => t !== undefined);
  if (templates.length === 0) return undefined;
  return {
    label: service.name,
    region: templates.every((t) => t.region !== ''),
    account: templates.every((t) => t.account !== ''),
    start: commonResourceStart(service),
  };
}

/** The resource part shared by every resource type of the service, to say what its ARNs look like. */
function commonResourceStart(service: ServiceModel): string | undefined {
  const resources = service.resourceTypes.map((t) => readArn(t.arn)?.resource ?? '');
  let common = resources[0] ?? '';
  for (const resource of resources) while (!resource.startsWith(common)) common = common.slice(0, -1);
  const cut = Math.max(common.lastIndexOf('}') + 1, common.lastIndexOf('/'));
  return cut > 0 ? common.slice(0, cut) : undefined;
}

function checkTypedResource(node: StringNode, arn: ArnParts, service: ServiceModel, actions: readonly ActionInfo[], context: Context): void {
  const types = context.catalog.resourceTypesOf(node.value);
  checkTypeWordWildcards(node, arn, types, context);
  if (types.length === 0) {
    const start = arnShape(service)?.start;
    const label = arnShape(service)?.label ?? service.name;
    context.report('arn-no-resource-type', node, `"${arn.resource}" fits no ${label} resource type${start ? `: they all start ${start}` : ''}.`);
    return;
  }
  // The statement's actions that take some resource of this service.
  const takers = actionsConcerning(service.prefix, actions, context.catalog);
  if (takers.length === 0) return;
  const fits = new Set(types.map((t) => t.name));
  if (takers.some((a) => a.resourceTypes.some((r) => fits.has(r.name) && resourceOf(a, r.name, context)?.service === service.prefix))) return;
  const needs = [...new Set(takers.flatMap((a) => a.resourceTypes.filter((r) => r.required).map((r) => r.name)))];
  context.report(
    'arn-fits-no-action',
    node,
    `This ARN is a ${types.map((t) => t.name).join(' or ')} resource, which none of the statement's actions takes${needs.length ? `; they need ${needs.join(', ')}` : ''}.`,
  );
}

/** A wildcard segment of the resource part where the fitting types have different literal words. */
function checkTypeWordWildcards(node: StringNode, arn: ArnParts, types: readonly ResourceTypeInfo[], context: Context): void {
  const segments = arn.resource.split('/');
  const wordsAt = new Map<number, Map<string, string[]>>();
  for (const type of types) {
    const expected = (readArn(type.arn)?.resource ?? '').split('/');
    if (expected.length !== segments.length) continue;
    segments.forEach((segment, i) => {
      const word = expected[i]!;
      if (!hasWild(segment) || segment === '*' || word.includes('${')) return;
      const words = wordsAt.get(i) ?? new Map<string, string[]>();
      words.set(word, [...(words.get(word) ?? []), type.name]);
      wordsAt.set(i, words);
    });
  }
  for (const [i, words] of wordsAt) {
    if (words.size < 2) continue;
    context.report(
      'arn-resource-type-wildcard',
      node,
      `"${segments[i]}" stands for ${[...words.keys()].map((w) => `"${w}"`).join(' and ')}: the ARN reaches ${[...words.values()].flat().join(' and ')} resources.`,
    );
  }
}

function resourceOf(action: ActionInfo, typeName: string, context: Context): { service: string } | undefined {
  const type = actionResourceType(action, typeName, context.catalog);
  return type ? { service: type.arnService } : undefined;
}

/** An explicitly listed action without resource types, in a statement that names only specific ARNs. */
function checkStarNeeded(statement: Statement, context: Context): void {
  const resources = elementValues(statement, 'Resource');
  if (resources.length === 0 || statement.elements.NotResource) return;
  if (resources.some((r) => r.kind !== 'string' || r.value === '*' || !r.value.startsWith('arn:') || readArnPattern(r.value)?.resource === '*')) return;
  for (const value of elementValues(statement, 'Action')) {
    if (value.kind !== 'string') continue;
    const parsed = parseAction(value.value);
    if (parsed.kind !== 'action' || parsed.wildcard) continue;
    const action = context.catalog.action(parsed.service, parsed.name);
    if (action && action.resourceTypes.length === 0) {
      context.report(
        'resource-star-needed',
        value,
        `${action.service}:${action.name} takes no resource type: it only works with "Resource": "*". Move it into a statement of its own.`,
      );
    }
  }
}

/** resource-star-needed: take the action out, and add a statement with the same Effect on "*". */
function moveToOwnStatement(_finding: Finding, { document, statement, node }: FixTarget): Fix[] {
  if (!statement || !node) return [];
  const list = statement.node.parent;
  if (list?.kind !== 'array') return [];
  const effect = elementString(statement, 'Effect') ?? 'Allow';
  const removal = node.parent?.kind === 'array' && node.parent.items.length > 1 ? removeListItem(document, node.parent, node) : undefined;
  if (!removal) return [];
  const fresh = { Effect: effect, Action: node.value, Resource: '*' };
  return [
    { title: `Move ${node.value} into its own statement with "Resource": "*"`, edits: [removal, insertListItemAfter(document, list, statement.node, fresh)] },
  ];
}
