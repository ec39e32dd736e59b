// Hover, answered from the cached analysis: what an action, wildcard, ARN, operator, condition key,
// element name or policy variable means here.
import type { Hover } from 'vscode-languageserver-types';
import { ACCESS_LEVEL_ORDER, accessLevelName, type Catalog } from '../catalog/catalog';
import { parseAction } from '../iam/action';
import { readArnPattern } from '../iam/arn';
import { QUALIFIER_DOCS, operatorByName, parseOperator } from '../iam/operators';
import { SPECIAL_VARIABLES, VARIABLES_DOC_URL, variableAt } from '../iam/variables';
import { locate, type Slot } from '../model/locate';
import { valueIndexAt } from '../model/tree';
import type { Analysis } from '../rules/analysis';
import type { ActionInfo } from '../catalog/types';
import { actionMarkdown } from './docs';
import { ELEMENT_DOCS } from './element-docs';
import { intrinsicAt, intrinsicMarkdown } from './intrinsic-hover';
import { actionsConcerning, namesManyServices, statementActions, supportedConditionKeys } from '../facts/statement-facts';

const OPERATORS_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';
const GLOBAL_KEYS_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';
const MAX_LISTED = 40;

export function hover(analysis: Analysis, offset: number, catalog: Catalog): Hover | null {
  const slot = locate(analysis.document, offset);
  const lines = analysis.document.lines;
  if (!slot) {
    const intrinsic = intrinsicAt(analysis.document, offset);
    const markdown = intrinsic && intrinsicMarkdown(intrinsic.node, intrinsic.statement.policy, catalog);
    if (!intrinsic || !markdown) return null;
    return {
      contents: { kind: 'markdown', value: markdown },
      range: { start: lines.positionAt(intrinsic.node.start), end: lines.positionAt(intrinsic.node.end) },
    };
  }
  if (!slot.node || slot.node.kind === 'null') return null;
  const markdown = markdownFor(slot, offset, catalog);
  if (!markdown) return null;
  return { contents: { kind: 'markdown', value: markdown }, range: { start: lines.positionAt(slot.node.start), end: lines.positionAt(slot.node.end) } };
}

function markdownFor(slot: Slot, offset: number, catalog: Catalog): string | undefined {
  const text = slot.node?.kind === 'string' ? slot.node.value : undefined;
  if (text === undefined) return undefined;
  const variable = variableHover(slot, offset, catalog);
  if (variable) return variable;
  switch (slot.kind) {
    case 'policy-key':
    case 'statement-key': {
      const doc = ELEMENT_DOCS[text];
      return doc ? `**${text}**\n\n${doc.summary}\n\n[IAM JSON policy reference](${doc.url})` : undefined;
    }
    case 'condition-operator':
      return operatorMarkdown(text);
    case 'condition-key':
      return conditionKeyMarkdown(text, slot, catalog);
    case 'value':
      if (slot.element === 'Action' || slot.element === 'NotAction') return actionHover(text, catalog);
      if (slot.element === 'Resource' || slot.element === 'NotResource') return arnMarkdown(text, slot, catalog);
      if (slot.element === 'Effect' || slot.element === 'Version') return ELEMENT_DOCS[slot.element]?.summary;
      return undefined;
    default:
      return undefined;
  }
}

function actionHover(text: string, catalog: Catalog): string | undefined {
  const parsed = parseAction(text);
  if (parsed.kind === 'all') return '**`*`** — every action of every AWS service.';
  if (parsed.kind === 'malformed') return undefined;
  if (!parsed.wildcard) {
    const service = catalog.serviceIndex(parsed.service);
    if (!service) return undefined;
    const action = catalog.action(service.prefix, parsed.name);
    if (action) return actionMarkdown(action, catalog);
    const i = service.byLowerName.get(parsed.name.toLowerCase());
    if (i !== undefined) return `**${service.prefix}:${service.actions[i]}** — ${accessLevelName(service.levels[i]!)}\n\n${service.name}`;
    const legacy = catalog.legacyAction(service.prefix, parsed.name);
    return legacy && `**${text}** — a legacy action of ${service.name}: no operation checks it, so it allows nothing. ${capitalised(legacy)}.`;
  }
  const matches = catalog.matchActions(parsed.service, parsed.name);
  if (matches.length === 0) return `**${text}** matches no action.`;
  const groups = new Map<string, string[]>();
  for (const match of matches) {
    const level = catalog.accessLevel(match.service, match.action)!;
    groups.set(level, [...(groups.get(level) ?? []), `${match.service}:${match.action}`]);
  }
  const lines = [`**${text}** matches ${matches.length} action${matches.length === 1 ? '' : 's'}:`];
  for (const level of ACCESS_LEVEL_ORDER) {
    const names = groups.get(level);
    if (!names) continue;
    const shown = names
      .slice(0, MAX_LISTED)
      .map((n) => `\`${n}\``)
      .join(', ');
    lines.push('', `**${level}** (${names.length}): ${shown}${names.length > MAX_LISTED ? `, … ${names.length - MAX_LISTED} more` : ''}`);
  }
  return lines.join('\n');
}

function arnMarkdown(text: string, slot: Slot, catalog: Catalog): string | undefined {
  if (text === '*') return '**`*`** — every resource. Actions without a resource type need it.';
  const arn = readArnPattern(text);
  if (!arn) return undefined;
  const lines = [
    '| part | value |',
    '| --- | --- |',
    `| partition | \`${arn.partition || '—'}\` |`,
    `| service | \`${arn.service || '—'}\` |`,
    `| region | \`${arn.region || '—'}\` |`,
    `| account | \`${arn.account || '—'}\` |`,
    `| resource | \`${arn.resource || '—'}\` |`,
  ];
  const service = catalog.service(arn.service);
  if (!service) return lines.join('\n');
  const types = catalog.resourceTypesOf(text);
  lines.push(
    '',
    types.length === 0
      ? `Fits **no** ${service.name} resource type.`
      : `Resource type${types.length > 1 ? 's' : ''}: ${types.map((t) => `\`${t.name}\``).join(', ')}`,
  );
  // The statement's actions that take resources of this ARN's service: which of them accept it.
  const statementFacts = statementActions(slot.statement, catalog);
  const takers = namesManyServices(statementFacts) ? [] : actionsConcerning(service.prefix, statementFacts.actions, catalog);
  if (takers.length > 0 && types.length > 0) {
    const fits = new Set(types.map((t) => t.name));
    const accepting = takers.filter((a) => a.resourceTypes.some((r) => fits.has(r.name)));
    const others = takers.filter((a) => !accepting.includes(a));
    const names = (list: readonly ActionInfo[]) =>
      list
        .slice(0, MAX_LISTED)
        .map((a) => a.name)
        .join(', ');
    lines.push(
      '',
      `Accepted by ${accepting.length} of this statement's ${takers.length} ${service.prefix} actions${accepting.length ? `: ${names(accepting)}` : ''}.`,
    );
    if (others.length > 0) lines.push('', `Not by: ${names(others)}.`);
  }
  return lines.join('\n');
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function operatorMarkdown(text: string): string | undefined {
  const parsed = parseOperator(text);
  const base = parsed.base ?? operatorByName(parsed.baseName);
  if (!base) return undefined;
  const lines = [`**${text}** — ${base.family} condition operator`, '', base.summary];
  if (base.family !== 'Null') {
    lines.push(
      '',
      base.negated
        ? 'Several values: true only when **none** matches (a NOR). A missing key makes it **true**.'
        : 'Several values: true when **any** matches (an OR). A missing key makes it **false**.',
    );
  }
  if (parsed.ifExists) lines.push('', '`IfExists`: also true when the key is absent from the request.');
  if (parsed.qualifier) lines.push('', `\`${parsed.qualifier}\`: ${QUALIFIER_DOCS[parsed.qualifier]}`);
  lines.push('', `[Condition operators](${OPERATORS_URL})`);
  return lines.join('\n');
}

function conditionKeyMarkdown(key: string, slot: Slot, catalog: Catalog): string | undefined {
  const info = catalog.conditionKey(key);
  if (typeof info !== 'object') return `**${key}** — not a known condition key.`;
  const lines = [`**${key}** — ${info.type}, ${info.multivalued ? '**multivalued**: use `ForAllValues:` or `ForAnyValue:`' : 'single-valued'}`];
  if (info.description) lines.push('', `${info.description}.`);
  else if (info.category) lines.push('', `Global condition key (${info.category}).`);
  const statementFacts = statementActions(slot.statement, catalog);
  const actions = namesManyServices(statementFacts) ? [] : statementFacts.actions;
  if (actions.length > 0) {
    const supported = supportedConditionKeys(actions, catalog);
    const entry = [...supported].find(([name]) => name.toLowerCase() === info.name.toLowerCase());
    // Global keys other than the request and resource tags are in every request that has them.
    const everywhere = info.scope === 'global' && info.tag !== 'request' && info.tag !== 'resource' && info.tag !== 'keys';
    if (entry)
      lines.push(
        '',
        `Supported by ${entry[1].length} of this statement's ${plural(actions.length, 'action')}: ${entry[1]
          .slice(0, MAX_LISTED)
          .map((a) => `${a.service}:${a.name}`)
          .join(', ')}.`,
      );
    else if (!everywhere) lines.push('', `**None** of this statement's ${plural(actions.length, 'action')} supports it: the condition is never true for them.`);
  }
  lines.push('', `[Global condition keys](${GLOBAL_KEYS_URL})`);
  return lines.join('\n');
}

function variableHover(slot: Slot, offset: number, catalog: Catalog): string | undefined {
  if (slot.node?.kind !== 'string') return undefined;
  const contentStart = slot.node.quote ? slot.node.start + 1 : slot.node.start;
  const use = variableAt(slot.node.value, valueIndexAt(slot.node, offset) ?? offset - contentStart);
  if (!use?.closed) return undefined;
  const special = SPECIAL_VARIABLES.find((v) => v.name === use.key);
  const info = catalog.conditionKey(use.key);
  const key = typeof info === 'object' ? info : undefined;
  const lines = [`**\${${use.key}}** — policy variable`, ''];
  if (special) lines.push(special.doc);
  else if (key)
    lines.push(
      `Replaced by the request's \`${use.key}\` (${key.type}) when the policy is evaluated. Without a value, the statement does not match${use.defaultValue !== undefined ? `; here it falls back to \`${use.defaultValue}\`` : ''}.`,
    );
  else lines.push(`\`${use.key}\` is not a known global condition key.`);
  lines.push('', 'Variables work only under `"Version": "2012-10-17"`.', '', `[Policy variables](${VARIABLES_DOC_URL})`);
  return lines.join('\n');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
