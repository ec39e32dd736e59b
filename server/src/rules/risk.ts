// What a reviewer would flag: Allow with NotAction/NotResource, everything on everything, broad
// Permissions-management or Tagging access (parliament, Access Analyzer security warnings). All of them
// are about what a policy grants: a filter (a VPC endpoint policy, a service or resource control policy)
// grants nothing, and gets none of them.
import type { Catalog } from '../catalog/catalog';
import type { ParsedAction } from '../iam/action';
import { actionEntries, elementString, elementValues, type ActionEntry, type Statement } from '../model/policy';
import { keyRange } from './anchors';
import { defineRules, type RuleContext, type RuleSpecs } from './rule';

const rules = {
  'allow-not-action': {
    severity: 'warning',
    title: 'Allow with NotAction',
    description:
      'Allow + NotAction grants every action of every service except the listed ones, including services added later. List the actions to allow instead.',
    references: ['Access Analyzer (security) NotAction', 'IAM: NotAction'],
    corpus: 'PowerUserAccess and AIDevOpsAgentActionsPolicy use Allow with NotAction on purpose; the warning says what they grant.',
  },
  'allow-not-resource': {
    severity: 'warning',
    title: 'Allow with NotResource',
    description:
      'Allow + NotResource grants the actions on every resource except the listed ones, in every account and region. List the resources to allow instead.',
    references: ['parliament NOTRESOURCE_WITH_ALLOW'],
    corpus:
      '8 policies (permissions boundaries and full-access policies such as AmazonSageMakerFullAccess) use Allow with NotResource on purpose; the warning says what it grants.',
  },
  'allow-all': {
    severity: 'warning',
    title: 'All actions on all resources',
    description:
      '`"*"`, or a whole service such as `"profile:*"` or `"s3:*"`, on `"Resource": "*"` with no condition grants everything the service can do. Narrow the actions (`profile:Get*`, …) or the resources (`domains/…`). Reported in identity policies only: in a resource policy `"*"` is the resource the policy is attached to (the default KMS key policy gives the account `kms:*` on its own key), and a VPC endpoint policy or a service control policy, where `*` on `*` is the default, filters requests and grants nothing by itself.',
    references: ['Access Analyzer (security) star in action and resource'],
    corpus:
      "491 findings in 283 policies: AdministratorAccess (`*` on `*`, as its name says) and the full-access and job-function policies that grant whole services on purpose (AmazonS3FullAccess's `s3:*`; SystemAdministrator, DataScientist, the SageMaker Studio permissive execution policies): true, and what their names say.",
  },
  'broad-permissions-access': {
    severity: 'hint',
    title: 'Permissions-management or Tagging access through a wildcard',
    description:
      'A wildcard grants Tagging (TagResource, UntagResource) or Permissions-management actions, which change who can do what; say so explicitly if it is meant.',
    references: ['parliament PERMISSIONS_MANAGEMENT_ACTIONS', 'policy_sentry access levels'],
    corpus:
      '534 hints in 284 policies where a wildcard grants Tagging or Permissions-management actions (`s3:Put*` includes PutBucketPolicy): true, and a hint only.',
  },
} as const satisfies RuleSpecs;

type Context = RuleContext<keyof typeof rules>;

export const riskRules = defineRules({
  name: 'risk',
  rules,
  checkStatement(statement, context) {
    if (elementString(statement, 'Effect') !== 'Allow' || statement.policy.traits.filter) return;
    const { NotAction, NotResource } = statement.elements;
    if (NotAction)
      context.report('allow-not-action', keyRange(NotAction), 'Allow with NotAction grants every other action of every service, including future ones.');
    if (NotResource)
      context.report('allow-not-resource', keyRange(NotResource), 'Allow with NotResource grants the actions on every other resource, in every account.');
    checkAllowAll(statement, context);
    for (const entry of actionEntries(statement, 'Action')) checkBroad(entry, context);
  },
});

function checkAllowAll(statement: Statement, context: Context): void {
  // In a resource policy "*" is the resource it is attached to: KMS's default key policy gives the
  // account kms:* on "*", its own key.
  if (statement.conditions.length > 0 || statement.policy.kind !== 'identity') return;
  const resources = elementValues(statement, 'Resource');
  if (!resources.some((r) => r.kind === 'string' && r.value === '*')) return;
  for (const { node: value, parsed } of actionEntries(statement, 'Action')) {
    // `service:*` for a service known in depth: the whole service on everything.
    const whole =
      parsed.kind === 'action' && parsed.name === '*' && context.catalog.hasDepth(parsed.service) ? context.catalog.serviceName(parsed.service) : undefined;
    if (parsed.kind === 'all' || whole)
      context.report(
        'allow-all',
        value,
        `"${value.value}" on "Resource": "*" grants ${whole ? `every ${whole} action` : 'every action of every service'} on everything.`,
      );
  }
}

/** The Tagging and Permissions-management access a wildcard grants, decided once per text and catalogue. */
const broadAccess = new WeakMap<Catalog, WeakMap<ParsedAction, string>>();

/** A wildcard that covers Tagging or Permissions-management actions. */
function checkBroad({ node, parsed }: ActionEntry, context: Context): void {
  if (parsed.kind !== 'action' || !parsed.wildcard) return;
  let perCatalog = broadAccess.get(context.catalog);
  if (!perCatalog) broadAccess.set(context.catalog, (perCatalog = new WeakMap()));
  let kinds = perCatalog.get(parsed);
  if (kinds === undefined) {
    kinds = grantedKinds(parsed, context.catalog);
    perCatalog.set(parsed, kinds);
  }
  if (kinds) context.report('broad-permissions-access', node, `"${node.value}" includes ${kinds} actions.`);
}

function grantedKinds(parsed: ParsedAction, catalog: Catalog): string {
  if (parsed.kind !== 'action' || !parsed.wildcard) return '';
  const kinds = new Set<string>();
  for (const match of catalog.matchesOf(parsed)) {
    const letter = catalog.serviceIndex(match.service)!.levels[match.index];
    if (letter === 'T') kinds.add('Tagging');
    if (letter === 'P') kinds.add('Permissions management');
  }
  return [...kinds].join(' and ');
}
