// Action and NotAction values against the catalogue: malformed strings, unknown services and actions
// (with the closest names), wildcards that match nothing. Case-insensitive, as IAM is.
import { parseAction } from '../iam/action';
import { closest } from '../iam/suggest';
import { cachedWildcard, hasWildcard } from '../iam/wildcard';
import { elementValues, type Statement } from '../model/policy';
import type { StringNode } from '../model/tree';
import { removeListItem } from '../model/edits';
import { defineRules, replaceBySuggestions, type Finding, type Fix, type FixTarget, type RuleContext, type RuleSpecs } from './rule';

const rules = {
  'action-malformed': {
    severity: 'error',
    title: 'Action is not of the form service:ActionName',
    description: 'An action is a service prefix, a colon and an action name, for example `profile:GetDomain`; one per string, without spaces or commas.',
    references: ['Access Analyzer INVALID_ACTION'],
  },
  'action-unknown-service': {
    severity: 'error',
    title: 'Unknown service prefix',
    description: 'No AWS service uses this prefix. The closest prefixes are suggested; Amazon Connect Customer Profiles is `profile`.',
    references: ['Access Analyzer INVALID_SERVICE_IN_ACTION', 'parliament UNKNOWN_PREFIX'],
    fix: replaceBySuggestions,
  },
  'action-unknown': {
    severity: 'error',
    title: 'Unknown action',
    description: 'The service has no action of this name (names are matched case-insensitively). The closest names are suggested.',
    references: ['Access Analyzer INVALID_ACTION', 'parliament UNKNOWN_ACTION', 'cfn-lint W3037'],
    fix: replaceBySuggestions,
  },
  'action-wildcard-no-match': {
    severity: 'warning',
    title: 'Wildcard matches no action',
    description: "The pattern matches none of the service's actions, so it grants or denies nothing. Check the spelling.",
    references: ['cfn-lint W3037'],
  },
  'action-redundant': {
    severity: 'info',
    title: 'Action already covered',
    description: 'The action is listed twice, or a wildcard in the same list already covers it.',
    references: ['Access Analyzer REDUNDANT_ACTION'],
    fix: removeRedundant,
  },
  'action-case': {
    severity: 'hint',
    title: 'Non-canonical case',
    description: 'IAM ignores case in action names, but the canonical spelling (`profile:GetDomain`) is easier to search and review.',
    references: ['IAM: Action'],
    fix: replaceBySuggestions,
  },
  'action-list-empty': {
    severity: 'info',
    title: 'Empty Action list',
    description: 'An empty list names no action: the statement never applies.',
    references: ['Access Analyzer EMPTY_ARRAY_ACTION'],
  },
} as const satisfies RuleSpecs;

type Context = RuleContext<keyof typeof rules>;

export const actionRules = defineRules({
  name: 'actions',
  rules,
  checkStatement(statement, context) {
    checkActions(statement, 'Action', context);
    checkActions(statement, 'NotAction', context);
    checkRedundant(statement, 'Action', context);
    checkRedundant(statement, 'NotAction', context);
  },
});

function removeRedundant(_finding: Finding, { document, node }: FixTarget): Fix[] {
  if (node?.parent?.kind !== 'array') return [];
  return [{ title: `Remove the redundant "${node.value}"`, edits: [removeListItem(document, node.parent, node)] }];
}

function checkRedundant(statement: Statement, element: 'Action' | 'NotAction', context: Context): void {
  const property = statement.elements[element];
  if (property?.value?.kind === 'array' && property.value.items.length === 0)
    context.report('action-list-empty', property.value, `${element} is an empty list.`);
  const entries = elementValues(statement, element).filter((v): v is StringNode => v.kind === 'string');
  if (entries.length < 2) return;
  const patterns = entries.map((e) => ({ node: e, lower: e.value.toLowerCase(), wildcard: hasWildcard(e.value) }));
  patterns.forEach((entry, i) => {
    const earlierSame = patterns.findIndex((p) => p.lower === entry.lower);
    if (earlierSame < i) {
      context.report('action-redundant', entry.node, `"${entry.node.value}" is listed twice.`);
      return;
    }
    const cover = patterns.find((p, j) => j !== i && p.wildcard && p.lower !== entry.lower && covers(p.lower, entry.lower, context));
    if (cover)
      context.report('action-redundant', entry.node, `"${entry.node.value}" is already covered by "${cover.node.value}".`, { suggestions: [cover.node.value] });
  });
}

/** Does wildcard pattern a cover every action that b stands for? */
function covers(a: string, b: string, context: Context): boolean {
  if (a === '*') return true;
  if (!hasWildcard(b)) return cachedWildcard(a, true)(b);
  const parsed = parseAction(b);
  if (parsed.kind !== 'action') return false;
  const matches = context.catalog.matchActions(parsed.service, parsed.name);
  const match = cachedWildcard(a, true);
  return matches.length > 0 && matches.every((m) => match(`${m.service}:${m.action}`));
}

function checkActions(statement: Statement, element: 'Action' | 'NotAction', context: Context): void {
  for (const value of elementValues(statement, element)) {
    if (value.kind === 'string') checkAction(value, context);
  }
}

function checkAction(node: StringNode, context: Context): void {
  const { catalog } = context;
  const parsed = parseAction(node.value);
  if (parsed.kind === 'all') return;
  if (parsed.kind === 'malformed') {
    context.report('action-malformed', node, parsed.reason);
    return;
  }
  const { service, name, wildcard } = parsed;
  const serviceHasWildcard = service.includes('*') || service.includes('?');
  if (!serviceHasWildcard && !catalog.serviceIndex(service)) {
    const suggestions = closest(service, catalog.servicePrefixes);
    const also = suggestions.map((s) => `${s}:${name}`);
    context.report(
      'action-unknown-service',
      node,
      `"${service}" is not an AWS service prefix.${suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''}`,
      { suggestions: also },
    );
    return;
  }
  if (wildcard) {
    if (catalog.matchActions(service, name).length === 0) {
      context.report(
        'action-wildcard-no-match',
        node,
        `"${node.value}" matches no action${serviceHasWildcard ? '' : ` of ${catalog.serviceIndex(service)!.name}`}.`,
      );
    }
    return;
  }
  const canonical = catalog.canonicalAction(service, name);
  if (canonical) {
    const written = `${catalog.serviceIndex(service)!.prefix}:${canonical}`;
    if (node.value !== written) context.report('action-case', node, `Write "${written}": IAM ignores case, readers do not.`, { suggestions: [written] });
    return;
  }
  const known = catalog.serviceIndex(service)!;
  const suggestions = closest(name, known.actions).map((a) => `${known.prefix}:${a}`);
  context.report(
    'action-unknown',
    node,
    `"${node.value}" is not an action of ${known.name}.${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''}`,
    { suggestions },
  );
}
