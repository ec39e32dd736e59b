// Finds the policies in a parsed document: a standalone policy file, or the policies inside a
// CloudFormation / SAM template, each tagged with its kind so rules know whether Principal belongs.
import type { FoundPolicies, PendingPolicy } from '../model/format';
import {
  STATEMENT_ELEMENTS,
  alternatives,
  buildPolicy,
  type Policy,
  type PolicyKind,
  type PolicyOrigin,
  type PolicyTraits,
  type TemplateParameter,
} from '../model/policy';
import { getProperty, getValue, listItems, scalarText, type ObjectNode, type PropertyNode, type ValueNode } from '../model/tree';

interface Location {
  /** Property names from the resource's Properties; `*` steps into each item of a list. */
  readonly path: readonly string[];
  readonly kind: PolicyKind;
  /** SAM `Policies` mixes managed-policy names, SAM templates and inline documents. */
  readonly onlyWithStatement?: boolean;
  readonly traits?: PolicyTraits;
}

const identity = (...path: string[]): Location => ({ path, kind: 'identity' });
const resource = (...path: string[]): Location => ({ path, kind: 'resource' });
const withTraits = (location: Location, traits: PolicyTraits): Location => ({ ...location, traits });
/** API Gateway resource policies may write `execute-api:/stage/method/path`: the service puts the API's ARN in front. */
const API_POLICY: PolicyTraits = { resourceShorthand: 'execute-api:/' };
/** ECR applies a repository policy to its repository: the statements name no Resource, and CloudFormation rejects one that does. */
const REPOSITORY_POLICY = withTraits(resource('RepositoryPolicyText'), { impliedResource: true });
const INLINE_POLICIES = identity('Policies', '*', 'PolicyDocument');
const SAM_POLICIES: Location[] = [
  { path: ['Policies'], kind: 'identity', onlyWithStatement: true },
  { path: ['Policies', '*'], kind: 'identity', onlyWithStatement: true },
];

/** Where each resource type keeps its policy documents. */
const POLICY_LOCATIONS: Record<string, readonly Location[]> = {
  'AWS::IAM::Policy': [identity('PolicyDocument')],
  'AWS::IAM::ManagedPolicy': [identity('PolicyDocument')],
  'AWS::IAM::RolePolicy': [identity('PolicyDocument')],
  'AWS::IAM::UserPolicy': [identity('PolicyDocument')],
  'AWS::IAM::GroupPolicy': [identity('PolicyDocument')],
  'AWS::IAM::Role': [{ path: ['AssumeRolePolicyDocument'], kind: 'trust' }, INLINE_POLICIES],
  'AWS::IAM::User': [INLINE_POLICIES],
  'AWS::IAM::Group': [INLINE_POLICIES],
  'AWS::SSO::PermissionSet': [identity('InlinePolicy')],
  'AWS::Serverless::Function': SAM_POLICIES,
  'AWS::Serverless::StateMachine': SAM_POLICIES,
  'AWS::Serverless::Api': [
    // SAM writes the API's resource policy itself and adds these statements to it.
    { path: ['Auth', 'ResourcePolicy'], kind: 'resource', onlyWithStatement: true, traits: { ...API_POLICY, statementsKey: 'CustomStatements' } },
    withTraits(resource('Domain', 'Policy'), API_POLICY),
  ],
  'AWS::IoT::Policy': [withTraits(identity('PolicyDocument'), { quota: { limit: 2048, what: 'an AWS IoT policy' } })],
  'AWS::S3::BucketPolicy': [resource('PolicyDocument')],
  'AWS::S3::AccessPoint': [resource('Policy')],
  'AWS::SQS::QueuePolicy': [resource('PolicyDocument')],
  'AWS::SNS::TopicPolicy': [resource('PolicyDocument')],
  'AWS::KMS::Key': [resource('KeyPolicy')],
  'AWS::SecretsManager::ResourcePolicy': [resource('ResourcePolicy')],
  'AWS::ECR::Repository': [REPOSITORY_POLICY],
  'AWS::ECR::PublicRepository': [REPOSITORY_POLICY],
  'AWS::ECR::RegistryPolicy': [resource('PolicyText')],
  'AWS::EFS::FileSystem': [resource('FileSystemPolicy')],
  'AWS::EC2::VPCEndpoint': [withTraits(resource('PolicyDocument'), { filter: true })],
  'AWS::ApiGateway::RestApi': [withTraits(resource('Policy'), API_POLICY)],
  'AWS::ApiGateway::DomainNameV2': [withTraits(resource('Policy'), API_POLICY)],
  'AWS::OpenSearchService::Domain': [resource('AccessPolicies')],
  'AWS::Elasticsearch::Domain': [resource('AccessPolicies')],
  'AWS::Backup::BackupVault': [resource('AccessPolicy')],
  'AWS::CodeArtifact::Domain': [resource('PermissionsPolicyDocument')],
  'AWS::CodeArtifact::Repository': [resource('PermissionsPolicyDocument')],
};

export function findPolicies(roots: readonly ValueNode[]): FoundPolicies {
  const policies: Policy[] = [];
  let isTemplate = false;
  for (const root of roots) {
    if (root.kind !== 'object') continue;
    if (isTemplateRoot(root)) {
      isTemplate = true;
      findInTemplate(root, policies);
    } else if (isPolicyShaped(root)) {
      policies.push(buildPolicy(root, standaloneKind(root), { format: 'standalone' }, 'Policy'));
    }
  }
  return { policies, isTemplate };
}

const POLICY_VERSIONS = ['2012-10-17', '2008-10-17'];
const ELEMENT_NAMES = new Set(STATEMENT_ELEMENTS.map((e) => e.toLowerCase()));

/**
 * Is a standalone document a policy? Its shape says so: a policy language Version, or a Statement
 * whose objects hold a policy element (any case). A Statement whose objects hold only other keys
 * (a report's `"Statement": {"Format": "pdf"}`) is something else. A Statement with no object yet
 * (`[]`, a half-typed value) counts, that is a policy being written, unless `startedCounts` is false (a
 * value among others, such as a Terraform module's argument, needs more to be taken for a policy).
 */
export function isPolicyShaped(root: ObjectNode, startedCounts = true): boolean {
  const version = scalarText(getValue(root, 'Version'));
  if (version !== undefined && POLICY_VERSIONS.includes(version)) return true;
  const statement = getProperty(root, 'Statement');
  if (!statement) return false;
  const objects = listItems(statement.value)
    .flatMap((item) => alternatives(item))
    .filter((item): item is ObjectNode => item.kind === 'object');
  return (startedCounts && objects.length === 0) || objects.some((o) => o.properties.some((p) => ELEMENT_NAMES.has(p.key.value.toLowerCase())));
}

function isTemplateRoot(root: ObjectNode): boolean {
  if (getProperty(root, 'AWSTemplateFormatVersion') || getProperty(root, 'Transform')) return true;
  const resources = getValue(root, 'Resources');
  if (resources?.kind !== 'object') return false;
  return resources.properties.some((p) => scalarText(getValue(p.value, 'Type'))?.includes('::') === true);
}

/** The template's Parameters and their defaults, for the simulator's Ref and Fn::Sub. */
function templateParameters(root: ObjectNode): Map<string, TemplateParameter> {
  const parameters = new Map<string, TemplateParameter>();
  const section = getValue(root, 'Parameters');
  if (section?.kind !== 'object') return parameters;
  for (const entry of section.properties) {
    const type = scalarText(getValue(entry.value, 'Type'));
    const written = getValue(entry.value, 'Default');
    const text = scalarText(written);
    const list = written?.kind === 'array' ? written.items.map(scalarText) : undefined;
    const value =
      list && list.every((v) => v !== undefined)
        ? (list as string[])
        : text !== undefined && type?.startsWith('CommaDelimitedList')
          ? text.split(',').map((v) => v.trim())
          : text;
    parameters.set(entry.key.value, { name: entry.key.value, type, default: value });
  }
  return parameters;
}

function findInTemplate(root: ObjectNode, policies: Policy[]): void {
  const parameters = templateParameters(root);
  forEachPlace(root, (entry, type, location, properties) => {
    visitPath(properties, location.path, '', (node, path, policyName) => {
      if (node.kind !== 'object') return;
      if (location.onlyWithStatement && !getProperty(node, location.traits?.statementsKey ?? 'Statement')) return;
      const origin: PolicyOrigin = { format: 'cloudformation', logicalId: entry.key.value, resourceType: type, path, policyName, parameters };
      policies.push(buildPolicy(node, location.kind, origin, labelOf(entry, path, policyName), location.traits));
    });
  });
}

/** Each place of the template's resources that takes a policy document, with the properties it is read from. */
function forEachPlace(root: ObjectNode, visit: (entry: PropertyNode, type: string, location: Location, properties: ValueNode) => void): void {
  const resources = getValue(root, 'Resources');
  if (resources?.kind !== 'object') return;
  for (const entry of resources.properties) {
    const type = scalarText(getValue(entry.value, 'Type'));
    const locations = type ? POLICY_LOCATIONS[type] : undefined;
    if (!type || !locations) continue;
    for (const properties of alternatives(getValue(entry.value, 'Properties'))) for (const location of locations) visit(entry, type, location, properties);
  }
}

function labelOf(entry: PropertyNode, path: string, policyName: string | undefined): string {
  return policyName ? `${entry.key.value} › ${policyName}` : `${entry.key.value} › ${path}`;
}

/**
 * The places of a template that take a policy document and hold none yet: an empty value, or a plain
 * word being typed under the key (YAML's `PolicyDocument:` then `Ver` on the next line). Where a user
 * starts one, completion offers its keys. SAM's Policies, which may hold other things, are left out.
 */
export function pendingPolicies(roots: readonly ValueNode[]): PendingPolicy[] {
  const pending: PendingPolicy[] = [];
  for (const root of roots) {
    if (root.kind !== 'object' || !isTemplateRoot(root)) continue;
    const parameters = templateParameters(root);
    forEachPlace(root, (entry, type, location, properties) => {
      if (location.onlyWithStatement) return;
      const key = location.path[location.path.length - 1]!;
      visitPath(properties, location.path.slice(0, -1), '', (node, path, policyName) => {
        const holder = node.kind === 'object' ? getProperty(node, key) : undefined;
        const value = holder?.value;
        const awaits = value === undefined || value.kind === 'null' || (value.kind === 'string' && value.quote === undefined && !value.value.includes('\n'));
        if (!holder || !awaits) return;
        const shown = path ? `${path}.${key}` : key;
        const origin: PolicyOrigin = { format: 'cloudformation', logicalId: entry.key.value, resourceType: type, path: shown, policyName, parameters };
        pending.push({ holder, kind: location.kind, origin, label: labelOf(entry, shown, policyName), traits: location.traits ?? {} });
      });
    });
  }
  return pending;
}

/** Follows a property path through lists and Fn::If branches, calling back for each policy found. */
function visitPath(
  node: ValueNode,
  path: readonly string[],
  shown: string,
  found: (node: ValueNode, path: string, policyName: string | undefined) => void,
  policyName?: string,
): void {
  if (path.length === 0) {
    found(node, shown, policyName);
    return;
  }
  const [step, ...rest] = path as [string, ...string[]];
  if (step === '*') {
    listItems(node).forEach((item, index) => {
      for (const branch of alternatives(item)) {
        const name = scalarText(getValue(branch, 'PolicyName')) ?? policyName;
        visitPath(branch, rest, `${shown}[${index}]`, found, name);
      }
    });
    return;
  }
  for (const branch of alternatives(getValue(node, step))) {
    visitPath(branch, rest, shown ? `${shown}.${step}` : step, found, policyName);
  }
}

/**
 * A standalone file does not say what it is. Statements that all name a Principal make a resource
 * policy (a trust policy when they only grant sts: actions); otherwise it is an identity policy, where
 * a Principal is a mistake worth reporting.
 */
export function standaloneKind(root: ObjectNode): PolicyKind {
  const statements = listItems(getValue(root, 'Statement')).filter((s) => s.kind === 'object');
  if (statements.length === 0) return 'identity';
  const allHavePrincipal = statements.every((s) => getProperty(s, 'Principal') || getProperty(s, 'NotPrincipal'));
  if (!allHavePrincipal) return 'identity';
  const actions = statements.flatMap((s) => listItems(getValue(s, 'Action')));
  // An action decided elsewhere (a Terraform variable) may well be sts:AssumeRole: a trust policy then,
  // whose checks ask less (no Resource) than a resource policy's would.
  const onlySts =
    actions.length > 0 &&
    actions.every((a) => {
      const text = scalarText(a);
      return text === undefined ? a.kind === 'opaque' : text.toLowerCase().startsWith('sts:');
    });
  return onlySts ? 'trust' : 'resource';
}
