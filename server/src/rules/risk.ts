// What a reviewer would flag: Allow with NotAction/NotResource, everything on everything, broad
// Permissions-management or Tagging access (parliament, Access Analyzer security warnings).
import { parseAction } from '../iam/action';
import { elementString, elementValues, type Statement } from '../model/policy';
import type { StringNode } from '../model/tree';
import { keyRange } from './anchors';
import { defineRules, type RuleContext, type RuleSpecs } from './rule';

const rules = {
  'allow-not-action': {
    severity: 'warning',
    title: 'Allow with NotAction',
    description:
      'Allow + NotAction grants every action of every service except the listed ones, including services added later. List the actions to allow instead.',
    references: ['Access Analyzer (security) NotAction', 'IAM: NotAction'],
  },
  'allow-not-resource': {
    severity: 'warning',
    title: 'Allow with NotResource',
    description:
      'Allow + NotResource grants the actions on every resource except the listed ones, in every account and region. List the resources to allow instead.',
    references: ['parliament NOTRESOURCE_WITH_ALLOW'],
  },
  'allow-all': {
    severity: 'warning',
    title: 'All actions on all resources',
    description:
      '`"*"` or `"profile:*"` on `"Resource": "*"` with no condition grants everything the service can do. Narrow the actions (`profile:Get*`, …) or the resources (`domains/…`).',
    references: ['Access Analyzer (security) star in action and resource'],
  },
  'broad-permissions-access': {
    severity: 'hint',
    title: 'Permissions-management or Tagging access through a wildcard',
    description:
      'A wildcard grants Tagging (TagResource, UntagResource) or Permissions-management actions, which change who can do what; say so explicitly if it is meant.',
    references: ['parliament PERMISSIONS_MANAGEMENT_ACTIONS', 'policy_sentry access levels'],
  },
} as const satisfies RuleSpecs;

type Context = RuleContext<keyof typeof rules>;

export const riskRules = defineRules({
  name: 'risk',
  rules,
  checkStatement(statement, context) {
    if (elementString(statement, 'Effect') !== 'Allow') return;
    const { NotAction, NotResource } = statement.elements;
    if (NotAction)
      context.report('allow-not-action', keyRange(NotAction), 'Allow with NotAction grants every other action of every service, including future ones.');
    if (NotResource)
      context.report('allow-not-resource', keyRange(NotResource), 'Allow with NotResource grants the actions on every other resource, in every account.');
    checkAllowAll(statement, context);
    for (const value of elementValues(statement, 'Action')) if (value.kind === 'string') checkBroad(value, context);
  },
});

function checkAllowAll(statement: Statement, context: Context): void {
  if (statement.conditions.length > 0) return;
  const resources = elementValues(statement, 'Resource');
  if (!resources.some((r) => r.kind === 'string' && r.value === '*')) return;
  for (const value of elementValues(statement, 'Action')) {
    if (value.kind !== 'string') continue;
    const parsed = parseAction(value.value);
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

/** A wildcard that covers Tagging or Permissions-management actions. */
function checkBroad(node: StringNode, context: Context): void {
  const parsed = parseAction(node.value);
  if (parsed.kind !== 'action' || !parsed.wildcard) return;
  const kinds = new Set<string>();
  for (const match of context.catalog.matchActions(parsed.service, parsed.name)) {
    const service = context.catalog.serviceIndex(match.service)!;
    const letter = service.levels[service.byLowerName.get(match.action.toLowerCase())!];
    if (letter === 'T') kinds.add('Tagging');
    if (letter === 'P') kinds.add('Permissions management');
  }
  if (kinds.size > 0) context.report('broad-permissions-access', node, `"${node.value}" includes ${[...kinds].join(' and ')} actions.`);
}
