// Resource and NotResource values: well-formed ARNs with valid parts (a region of the ARN's partition),
// no wildcard inside the resource-type word, ARNs that fit a resource type of their service, and — for
// services whose per-action data is reviewed — ARNs that fit the statement's actions.
import type { ServiceModel } from '../catalog/service';
import type { ActionInfo, ResourceTypeInfo } from '../catalog/types';
import { readArn, readArnPattern, type ArnParts } from '../iam/arn';
import { hasVariables } from '../iam/variables';
import { cachedWildcard } from '../iam/wildcard';
import { PARTITIONS, partitionRegions, regionPartition } from '../catalog/partitions';
import { actionEntries, elementString, elementValues, type Statement } from '../model/policy';
import type { StringNode } from '../model/tree';
import { actionResourceType, actionsConcerning, resourceServices, statementActions, takesNoResource } from '../facts/statement-facts';
import { insertListItemAfter, removeListItem } from '../model/edits';
import { article, defineRules, type Finding, type Fix, type FixTarget, type RuleContext, type RuleSpecs } from './rule';

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
    description:
      "The region is one of the ARN's partition (`us-east-1` in `aws`, `cn-north-1` in `aws-cn`; the regions come from the AWS SDK's endpoint data), or `*`. A service whose ARN formats all name a region (Customer Profiles' do) needs one.",
    references: ['Access Analyzer INVALID_REGION', 'Access Analyzer INVALID_ARN_REGION', 'Access Analyzer MISSING_ARN_REGION'],
  },
  'arn-account-invalid': {
    severity: 'error',
    title: 'Invalid ARN account',
    description:
      'The account is a 12-digit AWS account id, `*`, or `aws` for resources AWS owns (AWS managed policies `arn:aws:iam::aws:policy/…`, the SageMaker public hub). It may be empty: AWS writes the resources it owns without one (`arn:aws:ssm:*::document/AWS-RunShellScript`, public parameters, Resource Explorer service views).',
    references: ['Access Analyzer INVALID_ARN_ACCOUNT'],
  },
  'arn-resource-type-wildcard': {
    severity: 'warning',
    title: 'A wildcard in a resource-type word reaches several resource types',
    description:
      'Wildcards work in every part of an ARN but the service (IAM JSON policy elements: Resource), the resource-type words included: `domain?/retail` is a domain. Where the wildcard stands for more than one type word (`*types/order` is an object type and a domain object type), the ARN covers resources of each: write the word in full if one is meant.',
    references: ['IAM JSON policy elements: Resource'],
    corpus:
      "12 findings in 4 policies: the ROSA policies' `security-group*/*`, which reaches security-group-rule resources as well as security groups, and a SageMaker Studio boundary's `*-model/*`, which reaches Bedrock's custom, foundation, imported and provisioned models: true, and meant there.",
  },
  'arn-wrong-service': {
    severity: 'warning',
    title: 'ARN of another service',
    description:
      "Every action of the statement is of one service (or a few), but the ARN names another, whose resources none of the actions takes, so it grants nothing. Judged only where every action's service has reviewed data (Customer Profiles, S3, KMS, Connect): AWS's own policies show the reference missing cross-service resources elsewhere (`ssmmessages` actions on SSM sessions).",
    references: ['parliament RESOURCE_MISMATCH'],
  },
  'arn-no-resource-type': {
    severity: 'warning',
    title: 'ARN fits no resource type',
    description:
      "The ARN matches none of its service's resource types (for Customer Profiles, the 12 under `domains/${DomainName}`), by the ARN formats of the Service Authorization Reference. A name may hold `/` where the service nests nothing under it (an S3 object key, an IAM role's path), and the account may be empty (resources AWS owns).",
    references: ['parliament RESOURCE_MISMATCH', 'cfn-lint I3510'],
    corpus:
      "70 findings in 49 policies, each an ARN that fits none of the formats the Service Authorization Reference documents for its service: paths of the service's REST API (`arn:aws:apigateway:*::/v2/apis/*/routes`, `…:aps:*:*:/workspaces`, DevOps Guru's `/channels`, and Customer Profiles' `/domains/amazon-connect-*` and `/templates*` in AmazonConnectServiceLinkedRolePolicy, beside the documented `domains/amazon-connect-*`), type words the reference does not list (WAF change tokens, CloudFormation transforms, QuickSight VPC connections, Bedrock AgentCore credential providers), and ARNs that look mistyped (`arn:aws:logs:*:*:/aws-glue/*` without `log-group:`, Secrets Manager's `sqlworkbench!*` without `secret:`, AppFlow's `connector-profile/*` for `connectorprofile/`, a CloudFormation `stack/name` without its id). Where the reference's formats are what is wrong, the catalogue is fixed instead: names that hold paths (S3 object keys, IAM role paths, log group names), the empty account of resources AWS owns (SSM's AWS documents and public parameters), types with several formats (API Gateway's v1 and v2 paths), the root user as an IAM user. In a policy of your own, such an ARN is most often a typo.",
  },
  'arn-fits-no-action': {
    severity: 'warning',
    title: "ARN fits none of the statement's actions",
    description:
      "The ARN is a resource of a known type (an S3 bucket), but none of the statement's actions takes that type (`s3:GetObject` takes objects); the message says which types the actions need. Checked for the services whose per-action resource types are reviewed (Customer Profiles, S3, KMS, Connect): elsewhere the Service Authorization Reference's per-action lists are too often incomplete (Elastic Load Balancing lists one generation's types for actions both share).",
    references: ['parliament RESOURCE_MISMATCH', 'cfn-lint I3510'],
    corpus:
      '2 findings in 2 policies: `s3:GetObject` on a bucket ARN (`arn:aws:s3:::amplify` in AIOpsAssistantPolicy; the bucket beside its objects in AWSRefactoringToolkitFullAccess). GetObject takes objects, so the bucket ARN grants nothing.',
  },
  'resource-star-needed': {
    severity: 'warning',
    title: 'Action needs "*" but the statement names ARNs',
    description:
      'Actions without a resource type (ListDomains, ListAccountIntegrations, ListProfileObjectTypeTemplates, ListRecommenderRecipes, GetProfileObjectTypeTemplate; `s3:ListAllMyBuckets`, `kms:ListKeys`) are only allowed with `"Resource": "*"`. Move them into a statement of their own. Checked for the services whose per-action resource types are reviewed (Customer Profiles, S3, KMS, Connect).',
    references: ['IAM service authorization reference: Resource types column'],
    corpus:
      "11 findings in 10 policies: `s3:ListAllMyBuckets` beside bucket ARNs (8) and `kms:ListKeys`, `kms:ListAliases` on key ARNs (3), account-level listings that a bucket or key ARN does not grant: dead permissions in AWS's policies. Services whose data is not reviewed are not checked: AWS's own service roles name ARNs for actions the reference lists without a resource type (`fsx:DescribeBackups` in AWSBackupServiceLinkedRolePolicyForBackup, `ssmmessages:OpenDataChannel` on SSM sessions).",
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
    // Only when every action is known, and its service's data reviewed, can an ARN be called useless for
    // the actions (one of another service, or of a type they do not take). The actions are read only then.
    const actions = facts.reviewed && !facts.shallow && !facts.broad ? facts.actions : [];
    const judged = actions.length > 0 ? resourceServices(actions, context.catalog) : undefined;
    for (const element of ['Resource', 'NotResource'] as const) {
      for (const value of elementValues(statement, element)) {
        if (value.kind === 'string') checkArn(value, element === 'Resource' ? actions : [], judged, statement.policy.traits.resourceShorthand, context);
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
  const regionProblem = concrete(arn.region) && arn.region !== '' ? unknownRegion(arn.region, concrete(arn.partition) ? arn.partition : undefined) : undefined;
  if (regionProblem) context.report('arn-region-invalid', node, regionProblem);
  else if (shape?.region && arn.region === '') context.report('arn-region-invalid', node, `${shape.label} ARNs need a region (or "*").`);
  if (concrete(arn.account) && arn.account !== '' && !ACCOUNT.test(arn.account))
    context.report('arn-account-invalid', node, `"${arn.account}" is not a 12-digit account id (or "aws" for resources AWS owns).`);
  if (judgeService && concrete(arn.service) && !judgeService.has(arn.service)) {
    const names = [...new Set(actions.map((a) => context.catalog.serviceName(a.service) ?? a.service))].join(', ');
    context.report('arn-wrong-service', node, `The statement's actions are all ${names} actions, but this ARN is for "${arn.service}": it grants nothing.`);
    return;
  }
  if (service) checkTypedResource(node, arn, service, actions, context);
}

/** Why a region is not one of the partition's (of any partition's, when the partition is not written out), if it is not. */
function unknownRegion(region: string, partition: string | undefined): string | undefined {
  const home = regionPartition(region);
  const known = partition !== undefined && PARTITIONS.includes(partition) ? partition : undefined;
  if (home === undefined) {
    const regions = known ? partitionRegions(known) : [];
    const examples = regions.length === 0 || regions.includes('us-east-1') ? 'for example us-east-1' : regions.slice(0, 3).join(', ');
    return `"${region}" is not a region${known ? ` of the ${known} partition` : ''} (${examples}).`;
  }
  return known && home !== known ? `"${region}" is a region of the ${home} partition, not of ${known}.` : undefined;
}

const shapes = new WeakMap<ServiceModel, ReturnType<typeof computeShape>>();

/** What a service's ARN formats say of their parts: whether they all name a region, and how their resource parts start. */
function arnShape(service: ServiceModel): ReturnType<typeof computeShape> {
  let shape = shapes.get(service);
  if (shape === undefined) shapes.set(service, (shape = computeShape(service)));
  return shape;
}

function computeShape(service: ServiceModel): { label: string; region: boolean; start: string | undefined } | undefined {
  const templates = service.resourceTypes.map((t) => readArn(t.arn)).filter((t) => t !== undefined);
  if (templates.length === 0) return undefined;
  return { label: service.name, region: templates.every((t) => t.region !== ''), start: commonResourceStart(service) };
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
  // The statement's actions that take some resource of this service. One that takes no resource type
  // at all (`s3:ListAllMyBuckets` on `arn:aws:s3:::*`) is resource-star-needed's concern, not this one's.
  const takers = actionsConcerning(service.prefix, actions, context.catalog).filter((a) => a.resourceTypes.length > 0);
  // An action's list of resource types is trusted only where its service's data is reviewed.
  if (takers.length === 0 || takers.some((a) => !context.catalog.reviewed(a.service))) return;
  const fits = new Set(types.map((t) => t.name));
  if (takers.some((a) => a.resourceTypes.some((r) => fits.has(r.name) && resourceOf(a, r.name, context)?.service === service.prefix))) return;
  const needs = [...new Set(takers.flatMap((a) => a.resourceTypes.filter((r) => r.required).map((r) => r.name)))];
  // Where no type is required (s3:GetObject takes an object or an access point's object), say what they take.
  const takes = needs.length > 0 ? [] : [...new Set(takers.flatMap((a) => a.resourceTypes.map((r) => r.name)))];
  context.report(
    'arn-fits-no-action',
    node,
    `This ARN is ${article(types[0]!.name)} ${[...new Set(types.map((t) => t.name))].join(' or ')} resource, which none of the statement's actions takes${needs.length ? `; they need ${needs.join(', ')}` : `; they take ${takes.join(', ')}`}.`,
  );
}

/** A wildcard segment of the resource part where the fitting types have different literal words. */
function checkTypeWordWildcards(node: StringNode, arn: ArnParts, types: readonly ResourceTypeInfo[], context: Context): void {
  // Most ARNs have no wildcard, or only a final `/*` (a whole segment, which is skipped below): nothing to split.
  const star = arn.resource.indexOf('*');
  const wholeLastSegment = star === arn.resource.length - 1 && (star === 0 || arn.resource[star - 1] === '/');
  if (arn.resource.indexOf('?') < 0 && (star < 0 || wholeLastSegment)) return;
  const segments = arn.resource.split('/');
  const wordsAt = new Map<number, Map<string, string[]>>();
  for (const type of types) {
    const expected = templateSegments(type);
    if (expected.length !== segments.length) continue;
    segments.forEach((segment, i) => {
      const word = expected[i]!;
      // A path placeholder elsewhere lets a template fit with other words here: only words the segment matches count.
      if (!hasWild(segment) || segment === '*' || word.includes('${') || !cachedWildcard(segment, false)(word)) return;
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

const segmentsOf = new WeakMap<ResourceTypeInfo, readonly string[]>();

/** The `/`-separated words of a type's resource part, split once per type. */
function templateSegments(type: ResourceTypeInfo): readonly string[] {
  let segments = segmentsOf.get(type);
  if (!segments) segmentsOf.set(type, (segments = (readArn(type.arn)?.resource ?? '').split('/')));
  return segments;
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
  for (const { node: value, parsed } of actionEntries(statement, 'Action')) {
    if (parsed.kind !== 'action' || parsed.wildcard) continue;
    const action = context.catalog.action(parsed.service, parsed.name);
    if (action && takesNoResource(action, context.catalog)) {
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
