// Action and NotAction values against the catalogue: malformed strings, unknown services and actions
// (with the closest names), wildcards that match nothing. Case-insensitive, as IAM is.
import { parseAction, type CatalogDerived, type ParsedAction } from '../iam/action';
import { ownCopy } from '../iam/text-memo';
import { actionEntries, type ActionEntry, type Statement } from '../model/policy';
import { closest } from '../iam/suggest';
import { cachedWildcard, hasWildcard } from '../iam/wildcard';
import type { StringNode } from '../model/tree';
import { removeListItem } from '../model/edits';
import type { Catalog } from '../catalog/catalog';
import { defineRules, replaceBySuggestions, type Finding, type FindingData, type Fix, type FixTarget, type RuleContext, type RuleSpecs } from './rule';

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
    corpus:
      "95 findings in 24 policies, every one a prefix the pinned service data does not list: retired services whose managed policies AWS still publishes (DeepLens, DeepRacer, IoT 1-Click, Mobile Hub, WorkDocs' `zocalo`, Elastic Inference, DeepComposer, IoT RoboRunner) and undocumented prefixes (`builderid`, `datazonecontrol`).",
    fix: replaceBySuggestions,
  },
  'action-unknown': {
    severity: 'error',
    title: 'Unknown action',
    description: 'The service has no action of this name (names are matched case-insensitively). The closest names are suggested.',
    references: ['Access Analyzer INVALID_ACTION', 'parliament UNKNOWN_ACTION', 'cfn-lint W3037'],
    corpus:
      '53 findings in 7 policies, every one an action the pinned service data does not list: retired APIs (CloudHSM Classic), APIs not yet in the Service Authorization Reference (`payments:*`, `securityagent:*`, `budgets:CreateBudget`), internal actions of service-linked roles (`memorydb:ReplicateMultiRegionClusterData`). Access Analyzer reports unknown actions as errors too; a newer data package fixes them.',
    fix: replaceBySuggestions,
  },
  'action-legacy': {
    severity: 'info',
    title: 'Legacy action',
    description:
      'An action that no operation checks any more, though AWS itself still writes it into policies (`SNS:Receive`, in the default access policy SNS gives each topic): it allows and denies nothing. Remove it, or keep it where the service wrote it.',
    references: ['Amazon SNS Developer Guide: Valid Amazon SNS policy actions'],
    corpus:
      "Silent on AWS's managed policies. Four findings in three of 152 real Terraform files, each a copy of SNS's default topic policy, which were action-unknown errors before.",
    fix: removeLegacy,
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
    corpus:
      '54 findings in 13 policies, each a real duplicate or an action a wildcard of the same list already covers: harmless, and worth tidying in a policy of your own.',
    fix: removeRedundant,
  },
  'action-case': {
    severity: 'hint',
    title: 'Non-canonical case',
    description: 'IAM ignores case in action names, but the canonical spelling (`profile:GetDomain`) is easier to search and review.',
    references: ['IAM: Action'],
    corpus:
      '6,226 hints in 76 policies, where AWS writes action names in lower case (`ec2:describeinstances`): IAM ignores case; a hint is a style suggestion, shown faintly and left out of `lint` unless `--include-hints`.',
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

function removeLegacy(_finding: Finding, { document, node }: FixTarget): Fix[] {
  if (node?.parent?.kind !== 'array') return [];
  return [{ title: `Remove "${node.value}", which allows nothing`, edits: [removeListItem(document, node.parent, node)] }];
}

function removeRedundant(_finding: Finding, { document, node }: FixTarget): Fix[] {
  if (node?.parent?.kind !== 'array') return [];
  return [{ title: `Remove the redundant "${node.value}"`, edits: [removeListItem(document, node.parent, node)] }];
}

function checkRedundant(statement: Statement, element: 'Action' | 'NotAction', context: Context): void {
  const property = statement.elements[element];
  if (property?.value?.kind === 'array' && property.value.items.length === 0)
    context.report('action-list-empty', property.value, `${element} is an empty list.`);
  const entries = actionEntries(statement, element);
  if (entries.length < 2) return;
  // Lists run to thousands of entries (ReadOnlyAccess): duplicates by a map, and each entry is held
  // only against the wildcards that can cover it — its own service's, and those with a wildcard service.
  // Keyed by the parse's id, not its text: one number per action, case ignored, and no string to hash.
  const first = new Map<number, StringNode>();
  const wildcards = new Map<string, ActionEntry[]>();
  for (const entry of entries) {
    const { id, lower } = entry.parsed;
    if (!first.has(id)) first.set(id, entry.node);
    if (!hasWildcard(lower)) continue;
    const key = wildcardServiceKey(lower);
    const group = wildcards.get(key);
    if (group) group.push(entry);
    else wildcards.set(key, [entry]);
  }
  for (const { node, parsed } of entries) {
    if (first.get(parsed.id) !== node) {
      context.report('action-redundant', node, `"${node.value}" is listed twice.`);
      continue;
    }
    if (wildcards.size === 0) continue;
    const lower = parsed.lower;
    const colon = lower.indexOf(':');
    const cover = coverIn(wildcards.get(colon > 0 ? lower.slice(0, colon) : lower), parsed, context) ?? coverIn(wildcards.get(''), parsed, context);
    if (cover) context.report('action-redundant', node, `"${node.value}" is already covered by "${cover.node.value}".`, { suggestions: [cover.node.value] });
  }
}

function coverIn(candidates: readonly ActionEntry[] | undefined, covered: ParsedAction, context: Context): ActionEntry | undefined {
  return candidates?.find((p) => p.parsed.lower !== covered.lower && covers(p.parsed, covered, context));
}

/** The service a wildcard entry belongs to, or '' when its service part is itself a wildcard (`*`, `s3*:Get*`). */
function wildcardServiceKey(lower: string): string {
  const colon = lower.indexOf(':');
  const service = colon > 0 ? lower.slice(0, colon) : lower;
  return hasWildcard(service) ? '' : service;
}

/** Does wildcard entry a cover every action that b stands for? */
function covers(a: ParsedAction, b: ParsedAction, context: Context): boolean {
  if (a.kind === 'all') return true;
  if (!hasWildcard(b.lower)) return cachedWildcard(a.lower, true)(b.lower);
  if (b.kind !== 'action') return false;
  const matches = context.catalog.matchesOf(b);
  if (a.kind !== 'action') {
    // A malformed wildcard (`s3*`, no colon; reported as such) is matched against whole service:action names.
    const match = cachedWildcard(a.lower, true);
    return matches.length > 0 && matches.every((m) => match(`${m.service}:${m.action}`));
  }
  // Service and name apart: no `service:action` string built for each action a wildcard stands for.
  const service = a.lower.slice(0, a.lower.indexOf(':'));
  const matchService = hasWildcard(service) ? cachedWildcard(service, true) : (prefix: string) => prefix === service;
  const matchName = cachedWildcard(a.name, true);
  return matches.length > 0 && matches.every((m) => matchService(m.service) && matchName(m.action));
}

interface Verdict {
  readonly ruleId: keyof typeof rules;
  readonly message: string;
  readonly data?: FindingData;
}

/**
 * What an action entry is, decided once per entry text (parses are memoised per text) and catalogue, and
 * kept on the parse: lists repeat entries across statements and files.
 */
interface KeptVerdict extends CatalogDerived {
  readonly problem: Verdict | undefined;
}

function checkActions(statement: Statement, element: 'Action' | 'NotAction', context: Context): void {
  const entries = actionEntries(statement, element);
  for (const { node, parsed } of entries) {
    if (parsed.kind === 'all') continue;
    // Only this module writes the slot.
    let kept = parsed.verdict as KeptVerdict | undefined;
    if (kept?.catalog !== context.catalog) {
      // Its messages quote the entry: from a copy, as the parse outlives the document (see ownCopy).
      kept = { catalog: context.catalog, problem: judgeAction(ownCopy(node.value), parsed, context.catalog) };
      parsed.verdict = kept;
    }
    const problem = kept.problem;
    if (problem) context.report(problem.ruleId, node, problem.message, problem.data);
  }
}

/** What is wrong with one action name as the action rules see it (malformed, unknown service or action), if anything. */
export function actionProblem(text: string, catalog: Catalog): string | undefined {
  const verdict = judgeAction(text, parseAction(text), catalog);
  return verdict && verdict.ruleId !== 'action-case' ? verdict.message : undefined;
}

function judgeAction(text: string, parsed: ParsedAction, catalog: Catalog): Verdict | undefined {
  if (parsed.kind === 'all') return undefined;
  if (parsed.kind === 'malformed') return { ruleId: 'action-malformed', message: parsed.reason };
  const { service, name, wildcard } = parsed;
  const serviceHasWildcard = hasWildcard(service);
  const index = serviceHasWildcard ? undefined : catalog.serviceIndex(service);
  if (!serviceHasWildcard && !index) {
    const suggestions = closest(service, catalog.servicePrefixes);
    return {
      ruleId: 'action-unknown-service',
      message: `"${service}" is not an AWS service prefix.${suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''}`,
      data: { suggestions: suggestions.map((s) => `${s}:${name}`) },
    };
  }
  if (wildcard) {
    if (catalog.matchActions(service, name).length > 0) return undefined;
    return { ruleId: 'action-wildcard-no-match', message: `"${text}" matches no action${index ? ` of ${index.name}` : ''}.` };
  }
  const known = index!;
  const canonical = catalog.canonicalAction(service, name);
  if (canonical) {
    const written = `${known.prefix}:${canonical}`;
    return text === written
      ? undefined
      : { ruleId: 'action-case', message: `Write "${written}": IAM ignores case, readers do not.`, data: { suggestions: [written] } };
  }
  const legacy = catalog.legacyAction(service, name);
  if (legacy) return { ruleId: 'action-legacy', message: `"${text}" is a legacy action that no operation checks: it allows nothing (${legacy}).` };
  const suggestions = closest(name, known.actions).map((a) => `${known.prefix}:${a}`);
  return {
    ruleId: 'action-unknown',
    message: `"${text}" is not an action of ${known.name}.${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''}`,
    data: { suggestions },
  };
}
