// Completion at a position, answered from the cached analysis: element names, Version and Effect
// values, actions, ARNs, condition operators, keys and values, and policy variables.
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { ACCESS_LEVEL_ORDER, DEFAULT_SERVICE, accessLevelName, type Catalog } from '../catalog/catalog';
import { shortDescription } from '../catalog/service';
import type { ActionInfo, ResourceTypeInfo } from '../catalog/types';
import { parseAction } from '../iam/action';
import { arnPositionAt, readArn, templatePlaceholders } from '../iam/arn';
import { PARTITIONS, partitionRegions, regionName } from '../catalog/partitions';
import { OPERATORS, familiesForType, parseOperator } from '../iam/operators';
import { SPECIAL_VARIABLES, openVariableBefore } from '../iam/variables';
import { isEmptyDocument, locate, type Slot } from '../model/locate';
import { SKELETONS, writeSkeleton } from './skeletons';
import { sourceRangeOf, type StringNode, type ValueNode } from '../model/tree';
import type { Analysis } from '../rules/analysis';
import type { Policy } from '../model/policy';
import { SUGGEST_AT_NEXT_STOP_COMMAND } from '../protocol';
import { documentFacts, type DocumentFacts } from '../facts/document-facts';
import { actionMarkdown } from './docs';
import { ELEMENT_DOCS } from './element-docs';
import { actionResourceType, namesManyServices, statementActions, supportedConditionKeys } from '../facts/statement-facts';
import { indentUnit } from '../model/lines';
import { choice, concat, list, object, scalarValues, snippetText, stop, text, type KeySnippet, type Layout, type SnippetValue } from '../model/snippet';
import type { FormatWriter } from '../model/format';
import { answerList, insideQuotes, isQuotedBy, opensList, sharedList, type CompletionOptions } from './completion-list';

export type { CompletionOptions };

interface Context {
  readonly analysis: Analysis;
  readonly slot: Slot;
  readonly catalog: Catalog;
  readonly facts: () => DocumentFacts;
  /** The slot is a closed string replaced whole: items written with its quotes replace only what is between them. */
  readonly inside: boolean;
  readonly options: CompletionOptions;
}

export function complete(analysis: Analysis, offset: number, catalog: Catalog, options: CompletionOptions = {}): CompletionList {
  const slot = locate(analysis.document, offset);
  if (options.triggerCharacter !== undefined && !(slot && opensList(options.triggerCharacter, slot, offset))) return { isIncomplete: false, items: [] };
  if (!slot) return { isIncomplete: false, items: isEmptyDocument(analysis.document) ? skeletonItems(analysis, offset) : [] };
  const inside = insideQuotes(slot);
  const context: Context = { analysis, slot, catalog, facts: () => documentFacts(analysis.document, catalog), inside: inside !== undefined, options };
  const range = toRange(analysis, slot.replace);
  const list = answerList(itemsFor(context), slot.quote, context.inside, { range, editRange: inside ? toRange(analysis, inside) : range }, options);
  return slot.kind === 'value' && slot.prefix === '*' ? overWildcard(list, slot.quote) : list;
}

/**
 * A lone `*` (a skeleton's Resource placeholder, selected): the editor filters the items on it, and no
 * ARN starts with it. Each item is copied with the `*` in front of its filter text, so Ctrl+Space there
 * lists what may replace it.
 */
function overWildcard(list: CompletionList, quote: Slot['quote']): CompletionList {
  const items = list.items.map((item) => {
    const filter = item.filterText ?? item.textEditText ?? item.label;
    return { ...item, filterText: quote && filter.startsWith(quote) ? `${quote}*${filter.slice(1)}` : `*${filter}` };
  });
  return { ...list, items };
}

function toRange(analysis: Analysis, span: { start: number; end: number }) {
  const lines = analysis.document.lines;
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

function itemsFor(context: Context): CompletionItem[] {
  const { slot } = context;
  switch (slot.kind) {
    case 'policy-key':
      return policyKeyItems(context);
    case 'statement-key':
      return statementKeyItems(context);
    case 'condition-operator':
      return operatorItems(context);
    case 'condition-key':
      return conditionKeyItems(context);
    case 'condition-value':
      return conditionValueItems(context);
    case 'value':
      return valueItems(context);
  }
}

/** An empty document: a whole policy, or a CloudFormation template holding one, written in the document's format. */
function skeletonItems(analysis: Analysis, offset: number): CompletionItem[] {
  const { document } = analysis;
  const layout = { indent: '', unit: indentUnit(document.text) };
  const at = toRange(analysis, { start: offset, end: offset });
  return SKELETONS.map((skeleton) => writeSkeleton(skeleton, document.format, layout)).map((written, index) => ({
    label: written.label,
    kind: CompletionItemKind.Snippet,
    detail: written.detail,
    textEdit: { range: at, newText: written.snippet },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    sortText: String(index).padStart(2, '0'),
  }));
}

// ── keys ────────────────────────────────────────────────────────────────────────────────────────

/** What a new element's value looks like; each format writes it in its own syntax. */
const ELEMENT_VALUES: Readonly<Record<string, SnippetValue>> = {
  Version: text('2012-10-17'),
  Effect: choice(1, 'Allow', 'Deny'),
  Sid: stop(1),
  Action: list(stop(1)),
  NotAction: list(stop(1)),
  Resource: list(stop(1)),
  NotResource: list(stop(1)),
  Condition: object([stop(1), object([stop(2), stop(3)])]),
  Principal: object([choice(1, 'AWS', 'Service', 'Federated'), stop(2)]),
  NotPrincipal: object(['AWS', stop(1)]),
  Id: stop(1),
};

/**
 * A whole statement, for the kind of policy it goes in: what an identity policy allows; whom a trust
 * policy lets assume the role; whom a resource policy grants what (no Resource where the service
 * applies the policy to its own resource). `sample`: a Sid and sample values in the tab stops (a new
 * statement or policy, usable as it is); without, empty stops (the value of a Statement key).
 */
function statementEntries(policy: Policy, sample: boolean): ReadonlyArray<readonly [string, SnippetValue]> {
  const at = (index: number, placeholder: string) => stop(index, sample ? placeholder : undefined);
  if (policy.kind === 'trust')
    return [
      ['Effect', text('Allow')],
      ['Principal', object(['Service', at(1, 'lambda.amazonaws.com')])],
      ['Action', text('sts:AssumeRole')],
    ];
  const entries: Array<readonly [string, SnippetValue]> = sample ? [['Sid', stop(1, 'Statement')]] : [];
  entries.push(['Effect', choice(entries.length + 1, 'Allow', 'Deny')]);
  if (policy.kind === 'resource') entries.push(['Principal', object(['AWS', at(entries.length + 1, 'arn:aws:iam::111122223333:root')])]);
  entries.push(['Action', list(at(entries.length + 1, `${DEFAULT_SERVICE}:GetDomain`))]);
  if (!policy.traits.impliedResource) entries.push(['Resource', list(at(entries.length + 1, '*'))]);
  return entries;
}

/** `Sid, Effect, Action and Resource`. */
function namesInWords(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Statement's value when the key is accepted: a list of one such statement. */
function elementValue(name: string, policy: Policy): SnippetValue | undefined {
  return name === 'Statement' ? list(object(...statementEntries(policy, false))) : ELEMENT_VALUES[name];
}

/** How the policy at the slot is written: its own syntax (JSON in a Terraform heredoc), else the document's. */
function writerOf(context: Context): FormatWriter {
  return context.slot.policy.traits.writer ?? context.analysis.document.format.writer;
}

/** Where a snippet written at the slot goes: its continuation lines' indentation, the document's unit. */
function layoutOf(context: Context): Layout {
  const { document } = context.analysis;
  const writer = writerOf(context);
  const indent = context.slot.lead || writer.indentAt(document.text, context.slot.replace.start);
  return { indent, unit: indentUnit(document.text) };
}

/** Elements whose new value's first stop is where a list of its own waits: actions, ARNs, operators. */
const LISTED_AT_FIRST_STOP = new Set(['Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);

/** Keys come first, before what other extensions offer in the same object (`!` sorts before JSON's `$schema`). */
function keyItems(context: Context, names: readonly string[]): CompletionItem[] {
  return names.map((name, index) =>
    keyItem(context, name, ELEMENT_DOCS[name]?.summary, `!${String(index).padStart(2, '0')}`, undefined, LISTED_AT_FIRST_STOP.has(name)),
  );
}

/**
 * A key, with a value snippet when the key is new, written with the slot's lead (a re-indented YAML
 * line) and the separators the container needs (a JSON comma after the entry before, and one after).
 * listsNext: the snippet's first stop has a list of its own, which the editor is asked to open there.
 */
function keyItem(
  context: Context,
  key: KeySnippet,
  documentation: string | undefined,
  sortText: string,
  value?: SnippetValue,
  listsNext = false,
): CompletionItem {
  const { slot, analysis } = context;
  const writer = writerOf(context);
  const name = typeof key === 'string' ? key : scalarValues(key)[0]!;
  const shown = writer.keyLabel?.(name) ?? name;
  const hasValue = slot.property?.value !== undefined || slot.property?.colon !== undefined;
  const item: CompletionItem = {
    label: shown,
    kind: CompletionItemKind.Property,
    documentation: documentation ? { kind: 'markdown', value: documentation } : undefined,
    sortText,
    filterText: `${replacedText(context)}${slot.quote ? `${slot.quote}${shown}${slot.quote}` : shown}`,
  };
  if (hasValue) {
    // A key typed between quotes keeps them (`"DateLessThan" = {` in HCL, where it may go bare): the edit
    // stays inside the quotes, and a snippet's placeholder there goes on to its next stop.
    const written = slot.quote && typeof key === 'string' ? writer.string(key, slot.quote) : undefined;
    if (written && isQuotedBy(written, slot.quote)) return { ...item, insertText: written, insertTextFormat: InsertTextFormat.PlainText };
    if (typeof key === 'string') return { ...item, insertText: `${slot.lead}${writer.key(key)}`, insertTextFormat: InsertTextFormat.PlainText };
    return { ...item, insertText: `${snippetText(slot.lead)}${writer.keySnippet(key)}`, insertTextFormat: InsertTextFormat.Snippet };
  }
  let insert = `${snippetText(slot.lead)}${writer.entry(key, value ?? elementValue(name, slot.policy) ?? stop(1), layoutOf(context))}`;
  // Over the key being typed as well as at a blank: "Cond after a value with no comma needs one.
  const container = slot.kind === 'policy-key' ? slot.policy.node : slot.kind === 'statement-key' ? slot.statement?.node : undefined;
  const separators = writer.separators(container, slot.replace);
  insert += separators.trailing;
  if (separators.afterPrevious)
    item.additionalTextEdits = [
      { range: toRange(analysis, { start: separators.afterPrevious.offset, end: separators.afterPrevious.offset }), newText: separators.afterPrevious.text },
    ];
  return {
    ...item,
    insertText: insert,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    ...(listsNext ? { command: RETRIGGER } : {}),
  };
}

/** The document's text that the slot's edit replaces before the cursor (a YAML line's blanks): filtering starts from it. */
function replacedText(context: Context): string {
  const { slot, analysis } = context;
  // The blanks before the word typed, which the word itself then follows in the filter.
  return slot.lead ? analysis.document.text.slice(slot.replace.start, slot.replace.end - slot.prefix.length) : '';
}

/** A whole policy or statement at the slot, as a snippet, offered by its name ("New statement"). */
function wholeItem(context: Context, label: string, detail: string, snippet: string, sortText: string): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    insertText: `${snippetText(context.slot.lead)}${snippet}`,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    filterText: `${replacedText(context)}${label}`,
    sortText,
  };
}

function policyKeyItems(context: Context): CompletionItem[] {
  const { slot } = context;
  const names = ['Version', 'Id', 'Statement'].filter((k) => !slot.siblings.includes(k) && (k !== 'Id' || slot.policy.kind !== 'identity'));
  const items = keyItems(context, names);
  // An empty policy (`{‸}`, YAML's `PolicyDocument:` with nothing under it): the whole of it at once.
  if (slot.siblings.length === 0 && slot.property === undefined) {
    const entries = [
      ['Version', text('2012-10-17')],
      ['Statement', list(object(...statementEntries(slot.policy, true)))],
    ] as const;
    const layout = layoutOf(context);
    // Between braces on one line (`{‸}`), the entries go on lines of their own, one level in.
    const { node } = slot.policy;
    const lines = context.analysis.document.lines;
    const opened = node.style === 'flow' && lines.positionAt(node.start).line === lines.positionAt(node.end).line;
    const written = opened
      ? `\n${layout.indent}${layout.unit}${writerOf(context).entries(entries, { ...layout, indent: layout.indent + layout.unit })}\n${layout.indent}`
      : writerOf(context).entries(entries, layout);
    items.unshift(wholeItem(context, 'New policy', 'Version and one statement', written, '!'));
  }
  return items;
}

function statementKeyItems(context: Context): CompletionItem[] {
  const { slot } = context;
  const present = new Set(slot.siblings);
  const exclusive: Array<[string, string]> = [
    ['Action', 'NotAction'],
    ['Resource', 'NotResource'],
    ['Principal', 'NotPrincipal'],
  ];
  const identity = slot.policy.kind === 'identity';
  const names = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'Principal', 'NotPrincipal'].filter((name) => {
    if (present.has(name)) return false;
    if (identity && (name === 'Principal' || name === 'NotPrincipal')) return false;
    if (slot.policy.kind === 'trust' && (name === 'Resource' || name === 'NotResource')) return false;
    return !exclusive.some(([a, b]) => (name === a && present.has(b)) || (name === b && present.has(a)));
  });
  const { format } = context.analysis.document;
  const writer = writerOf(context);
  // Between the statements of a list only a whole statement fits, unless keys there start one (YAML's `- `).
  const items = slot.statement || format.keysStartObjects ? keyItems(context, names) : [];
  if (present.size === 0 && !slot.node) {
    const layout = layoutOf(context);
    const entries = statementEntries(slot.policy, true);
    const body = slot.statement || format.keysStartObjects ? writer.entries(entries, layout) : writer.value(object(...entries), layout);
    items.unshift(wholeItem(context, 'New statement', namesInWords(entries.map(([name]) => name)), body, '00'));
  }
  return items;
}

// ── values ──────────────────────────────────────────────────────────────────────────────────────

function valueItem(context: Context, value: string, extra: Partial<CompletionItem> = {}): CompletionItem {
  const { slot } = context;
  const written = writerOf(context).string(value, slot.quote);
  // The editor filters on what the source holds: the value as written, escapes included (Terraform's `$${`).
  return { label: value, insertText: written, filterText: slot.quote ? written : value, ...extra };
}

function valueItems(context: Context): CompletionItem[] {
  switch (context.slot.element) {
    case 'Version':
      return [
        valueItem(context, '2012-10-17', { kind: CompletionItemKind.Value, detail: 'current policy language', preselect: true, sortText: '0' }),
        valueItem(context, '2008-10-17', { kind: CompletionItemKind.Value, detail: 'old: policy variables stay literal', sortText: '1' }),
      ];
    case 'Effect':
      return [
        valueItem(context, 'Allow', { kind: CompletionItemKind.EnumMember, sortText: '0' }),
        valueItem(context, 'Deny', { kind: CompletionItemKind.EnumMember, sortText: '1' }),
      ];
    case 'Action':
    case 'NotAction':
      return actionItems(context);
    case 'Resource':
    case 'NotResource':
      return resourceItems(context);
    default:
      return [];
  }
}

function actionItems(context: Context): CompletionItem[] {
  const { slot, catalog } = context;
  const colon = slot.prefix.indexOf(':');
  if (colon < 0) {
    // Service prefixes, the default service first; accepting one writes `prefix:` and asks for the action at once.
    return cachedItems(context, '', () => {
      const items: CompletionItem[] = [
        withCursorInside(valueItem(context, '*', { kind: CompletionItemKind.Constant, detail: 'every action of every service', sortText: '9' })),
      ];
      for (const prefix of catalog.servicePrefixes) {
        const first = prefix === DEFAULT_SERVICE;
        items.push(
          withCursorInside(
            valueItem(context, `${prefix}:`, {
              label: prefix,
              kind: CompletionItemKind.Module,
              detail: catalog.serviceName(prefix),
              sortText: first ? '0' : `5${prefix}`,
              ...(first ? { preselect: true } : {}),
              command: RETRIGGER,
            }),
          ),
        );
      }
      // The default service's actions themselves, found by their name as well (typing `GetDom` finds profile:GetDomain).
      for (const action of catalog.service(DEFAULT_SERVICE)?.actions ?? []) {
        const value = `${action.service}:${action.name}`;
        items.push(
          withCursorInside(
            valueItem(context, value, {
              ...actionDetails(action),
              sortText: `3${action.name}`,
              filterText: `${slot.quote ?? ''}${action.name} ${value}`,
            }),
          ),
        );
      }
      return items;
    });
  }
  const index = catalog.serviceIndex(slot.prefix.slice(0, colon));
  if (!index) return [];
  return cachedItems(context, index.prefix, () => {
    const service = catalog.service(index.prefix);
    const items = service
      ? service.actions.map((action) => valueItem(context, `${action.service}:${action.name}`, { ...actionDetails(action), sortText: `1${action.name}` }))
      : index.actions.map((name, i) =>
          valueItem(context, `${index.prefix}:${name}`, {
            kind: CompletionItemKind.Function,
            detail: `${accessLevelName(index.levels[i]!)} · ${index.name}`,
            sortText: `1${name}`,
          }),
        );
    items.push(...wildcardItems(context, index.prefix, index.actions, (i) => accessLevelName(index.levels[i]!)));
    return items;
  });
}

/** Asks the editor to open the list again where the accepted item leaves the cursor. */
const RETRIGGER = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
const MAX_CACHED_LISTS = 64;
const itemCache = new WeakMap<Catalog, Map<FormatWriter, Map<string, readonly CompletionItem[]>>>();

/**
 * The same lists each time for a catalogue, writer, quote, service and quote handling (the 575 items
 * of an empty Action value, a service's actions): built and finished once, frozen, and answered as they
 * are. At most MAX_CACHED_LISTS lists per writer: a few services are in use at a time.
 */
function cachedItems(context: Context, service: string, build: () => CompletionItem[]): CompletionItem[] {
  const { catalog, slot } = context;
  const writer = writerOf(context);
  let byWriter = itemCache.get(catalog);
  if (!byWriter) itemCache.set(catalog, (byWriter = new Map()));
  let byKey = byWriter.get(writer);
  if (!byKey) byWriter.set(writer, (byKey = new Map()));
  const key = `${context.inside ? 'inside' : 'whole'}\u0000${slot.quote ?? ''}\u0000${service}`;
  let items = byKey.get(key);
  if (!items) {
    if (byKey.size >= MAX_CACHED_LISTS) byKey.clear();
    byKey.set(key, (items = sharedList(build(), slot.quote, context.inside)));
  }
  return items as CompletionItem[];
}

/** How an action of a service in depth shows in the list: the description right there, the access level at the right edge. */
function actionDetails(action: ActionInfo): Partial<CompletionItem> {
  return {
    kind: CompletionItemKind.Function,
    detail: `${action.accessLevel} · ${shortDescription(action)}`,
    labelDetails: { detail: ` ${shortDescription(action)}`, description: action.accessLevel },
    // The documentation is written when the editor shows the item (completionItem/resolve): a list of
    // every action of a service would otherwise carry some 300 KB of Markdown on each request.
    data: { action: `${action.service}:${action.name}` } satisfies ResolveData,
  };
}

/** What an item needs to be resolved: the action whose documentation it shows. */
interface ResolveData {
  readonly action: string;
}

/** Fills in what `complete` left for later: the documentation of an action item. */
export function resolveCompletionItem(item: CompletionItem, catalog: Catalog): CompletionItem {
  const action = (item.data as Partial<ResolveData> | undefined)?.action;
  if (typeof action !== 'string' || item.documentation) return item;
  const parsed = parseAction(action);
  const info = parsed.kind === 'action' && !parsed.wildcard ? catalog.action(parsed.service, parsed.name) : undefined;
  return info ? { ...item, documentation: { kind: 'markdown', value: actionMarkdown(info, catalog) } } : item;
}

/** A service prefix `"s3:"` is inserted with the cursor before the closing quote, not after it. */
function withCursorInside(item: CompletionItem): CompletionItem {
  const text = item.insertText ?? item.label;
  const quoted = text.endsWith('"') || text.endsWith("'");
  if (!quoted || (!text.endsWith(':"') && !text.endsWith(":'"))) return item;
  return { ...item, insertText: `${snippetText(text.slice(0, -1))}$0${text.slice(-1)}`, insertTextFormat: InsertTextFormat.Snippet };
}

/** `profile:Get*`, `profile:List*`, …: one per leading verb shared by two or more actions, with counts. */
function wildcardItems(context: Context, prefix: string, actions: readonly string[], level: (i: number) => string): CompletionItem[] {
  const groups = new Map<string, { count: number; levels: Set<string> }>();
  actions.forEach((name, i) => {
    const verb = /^[A-Z][a-z]+/.exec(name)?.[0];
    if (!verb) return;
    const group = groups.get(verb) ?? { count: 0, levels: new Set<string>() };
    group.count++;
    group.levels.add(level(i));
    groups.set(verb, group);
  });
  const items: CompletionItem[] = [
    valueItem(context, `${prefix}:*`, { kind: CompletionItemKind.Constant, detail: `all ${actions.length} actions`, sortText: '2*' }),
  ];
  for (const [verb, group] of [...groups].sort((a, b) => b[1].count - a[1].count)) {
    if (group.count < 2) continue;
    const levels = ACCESS_LEVEL_ORDER.filter((l) => group.levels.has(l)).join(', ');
    items.push(
      valueItem(context, `${prefix}:${verb}*`, { kind: CompletionItemKind.Constant, detail: `${group.count} actions · ${levels}`, sortText: `2${verb}` }),
    );
  }
  return items;
}

function resourceItems(context: Context): CompletionItem[] {
  const { slot, catalog } = context;
  const facts = context.facts();
  const variable = variableItems(context);
  if (variable) return variable;
  if (slot.prefix.startsWith('arn:')) {
    const parts = arnPartItems(context, facts);
    if (parts) return parts;
  }
  const statementFacts = statementActions(slot.statement, catalog);
  const many = namesManyServices(statementFacts);
  const actions = many ? [] : statementFacts.actions;
  const types = typesTakenBy(actions, catalog);
  const needsStar = many || statementFacts.broad || actions.length === 0 || actions.some((action) => action.resourceTypes.length === 0);
  const offered = types.size > 0 ? [...types.keys()] : (catalog.service(DEFAULT_SERVICE)?.resourceTypes ?? []);
  const items: CompletionItem[] = [];
  if (needsStar)
    items.push(
      valueItem(context, '*', { kind: CompletionItemKind.Constant, detail: 'all resources (needed by actions without a resource type)', sortText: '0' }),
    );
  for (const type of offered) {
    const users = types.get(type) ?? [];
    items.push({
      label: type.arn,
      kind: CompletionItemKind.Reference,
      detail: `${type.name} · ${users.length > 0 ? `for ${users.length} of this statement's actions` : `${catalog.serviceName(type.service)} resource type`}`,
      documentation: users.length > 0 ? { kind: 'markdown', value: users.map((a) => `- ${a.service}:${a.name}`).join('\n') } : undefined,
      insertText: writerOf(context).stringSnippet(arnSnippet(type.arn, facts), slot.quote),
      insertTextFormat: InsertTextFormat.Snippet,
      filterText: slot.quote ? `${slot.quote}${type.arn}` : type.arn,
      sortText: `1${type.service}/${type.name}`,
    });
  }
  return items;
}

/** The resource types the actions take, each with the actions that take it. */
function typesTakenBy(actions: readonly ActionInfo[], catalog: Catalog): Map<ResourceTypeInfo, ActionInfo[]> {
  const types = new Map<ResourceTypeInfo, ActionInfo[]>();
  for (const action of actions) {
    for (const { name } of action.resourceTypes) {
      const type = actionResourceType(action, name, catalog);
      if (type) types.set(type, [...(types.get(type) ?? []), action]);
    }
  }
  return types;
}

/** The ARN template as a snippet: each ${Placeholder} a tab stop, defaulting to what the document uses. */
function arnSnippet(template: string, facts: DocumentFacts): string {
  const defaults: Record<string, string | undefined> = {
    Partition: [...facts.partitions][0] ?? 'aws',
    Region: [...facts.regions][0] ?? 'us-east-1',
    Account: [...facts.accounts][0] ?? '111122223333',
  };
  for (const [name, values] of facts.placeholderValues) defaults[name] ??= [...values][0];
  let snippet = '';
  let rest = template;
  let stop = 1;
  for (const name of templatePlaceholders(template)) {
    const at = rest.indexOf(`\${${name}}`);
    snippet += snippetText(rest.slice(0, at)) + `\${${stop++}:${snippetText(defaults[name] ?? name)}}`;
    rest = rest.slice(at + name.length + 3);
  }
  return snippet + snippetText(rest);
}

/**
 * Inside `arn:…`: the part under the cursor (partition, service, region, account, a domain name) from
 * known values. The edit covers only that part, so the rest of the ARN (a snippet's later tab stops
 * included) stays as it is.
 */
function arnPartItems(context: Context, facts: DocumentFacts): CompletionItem[] | undefined {
  const { slot } = context;
  // YAML reads a plain `arn:aws:` at a line end as a key: then only the typed prefix is the ARN.
  const node = slot.node?.kind === 'string' && slot.node.value.startsWith(slot.prefix) ? slot.node : undefined;
  const text = node?.value ?? slot.prefix;
  const cursor = slot.prefix.length;
  const position = arnPositionAt(text, cursor);
  if (!position) return undefined;
  const partEnd = nextColon(text, cursor);
  const followed = partEnd < text.length;
  const span = node ? contentSpan(node, position.start, partEnd) : undefined;
  const choices: Array<[string, string]> = [];
  if (position.part === 'resource') {
    // arn:…:domains/ → the domain names this document already uses (any template placeholder the ARN has reached).
    const names = placeholdersAt(context.catalog, position.before[1] ?? '', text.slice(position.start, cursor));
    if (names.length === 0)
      return resourcePartItems(
        context,
        facts,
        position.before[1] ?? '',
        node ? contentSpan(node, position.start, text.length) : undefined,
        slot.prefix.slice(0, position.start),
      );
    // The name under the cursor, replaced whole; the one being typed is not offered back to itself
    // (the document's names include it as it is typed: Tab took it and wrote it twice).
    let nameStart = cursor;
    while (nameStart > position.start && text[nameStart - 1] !== '/' && text[nameStart - 1] !== ':') nameStart--;
    let nameEnd = cursor;
    while (nameEnd < text.length && text[nameEnd] !== '/' && text[nameEnd] !== ':') nameEnd++;
    const typed = text.slice(nameStart, nameEnd);
    const values = [...new Set(names.flatMap((name) => [...(facts.placeholderValues.get(name) ?? [])]))].filter((value) => value !== typed);
    const nameSpan = node ? contentSpan(node, nameStart, nameEnd) : undefined;
    const detail = `${names.join(' or ')} used in this document`;
    return values.map((value, i) => partItem(context, nameSpan, slot.prefix.slice(0, nameStart), value, detail, i, false));
  }
  if (position.part === 'partition') choices.push(...[...new Set([...facts.partitions, ...PARTITIONS])].map((p): [string, string] => [p, 'partition']));
  else if (position.part === 'service') {
    // The services of the statement's actions, then the default service.
    const services = [...statementActions(slot.statement, context.catalog).services, DEFAULT_SERVICE];
    for (const service of new Set(services))
      if (context.catalog.service(service)?.resourceTypes.length) choices.push([service, context.catalog.serviceName(service) ?? service]);
  } else if (position.part === 'region') {
    // The document's regions, then where the service runs (the data lists Customer Profiles' regions, the
    // default elsewhere too), then the rest of the ARN's partition, each with AWS's name for it.
    const partition = PARTITIONS.includes(position.before[0] ?? '') ? position.before[0]! : PARTITIONS[0]!;
    const regions = partitionRegions(partition);
    const runs = (context.catalog.service(position.before[1] ?? '')?.regions ?? context.catalog.service(DEFAULT_SERVICE)?.regions ?? []).filter((r) =>
      regions.includes(r),
    );
    for (const region of new Set([...facts.regions, '*', ...runs, ...regions]))
      choices.push([region, region === '*' ? 'every region' : (regionName(region) ?? 'region')]);
  } else choices.push(...[...new Set([...facts.accounts, '*'])].map((a): [string, string] => [a, 'account']));
  const head = slot.prefix.slice(0, position.start);
  return choices.map(([value, detail], i) => partItem(context, span, head, value, detail, i, !followed));
}

/**
 * After an ARN's account (`arn:aws:profile:*:*:`), or in its resource part where the document names
 * nothing to offer: the service's resource types, their resource part as a snippet over what is typed
 * (`domains/${DomainName}`), the types the statement's actions take first. Without a span (escapes, or
 * YAML reading `arn:…:` at a line end as a key) the whole token is written: head, then the part.
 */
function resourcePartItems(
  context: Context,
  facts: DocumentFacts,
  service: string,
  span: { start: number; end: number } | undefined,
  head: string,
): CompletionItem[] | undefined {
  const types = context.catalog.service(service)?.resourceTypes ?? [];
  if (types.length === 0) return undefined;
  const taken = typesTakenBy(statementActions(context.slot.statement, context.catalog).actions, context.catalog);
  const range = span ? toRange(context.analysis, span) : undefined;
  const { quote } = context.slot;
  return types.flatMap((type): CompletionItem[] => {
    const resource = readArn(type.arn)?.resource;
    if (!resource) return [];
    const forActions = taken.has(type);
    const snippet = arnSnippet(resource, facts);
    return [
      {
        label: resource,
        kind: CompletionItemKind.Reference,
        detail: `${type.name} · ${forActions ? "taken by this statement's actions" : `${context.catalog.serviceName(type.service) ?? type.service} resource type`}`,
        ...(range
          ? { textEdit: { range, newText: snippet }, filterText: resource }
          : { insertText: writerOf(context).stringSnippet(snippetText(head) + snippet, quote), filterText: `${quote ?? ''}${head}${resource}` }),
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: `${forActions ? 0 : 1}${type.name}`,
      },
    ];
  });
}

/** The placeholders a resource part typed so far has reached: `domains/` → DomainName. */
function placeholdersAt(catalog: Catalog, service: string, typed: string): string[] {
  const segments = typed.split('/');
  const names = new Set<string>();
  for (const type of catalog.service(service)?.resourceTypes ?? []) {
    const expected = (readArn(type.arn)?.resource ?? '').split('/');
    const current = expected[segments.length - 1];
    const earlier = segments.slice(0, -1).every((segment, i) => expected[i] === segment || (expected[i]?.startsWith('${') ?? false));
    const placeholder = current ? /^\$\{([A-Za-z0-9]+)\}$/.exec(current) : null;
    if (earlier && placeholder) names.add(placeholder[1]!);
  }
  return [...names];
}

/** The next `:` at or after the offset, or the end of the text. */
function nextColon(text: string, offset: number): number {
  const colon = text.indexOf(':', offset);
  return colon < 0 ? text.length : colon;
}

/** A source span for a span of a string's content, where the source maps onto the value. */
function contentSpan(node: StringNode, start: number, end: number): { start: number; end: number } | undefined {
  return sourceRangeOf(node, start, end);
}

/**
 * One ARN part: replaces the part only; at the end of an ARN it adds the colon and asks for the next
 * part. head: the token's text before the part, for the fallback that replaces the whole token.
 */
function partItem(
  context: Context,
  span: { start: number; end: number } | undefined,
  head: string,
  value: string,
  detail: string,
  order: number,
  more: boolean,
): CompletionItem {
  const item: CompletionItem = { label: value, kind: CompletionItemKind.Value, detail, sortText: String(order).padStart(3, '0') };
  const newText = more ? `${value}:` : value;
  // A string written with escapes has no exact span for its parts: replace the whole token instead.
  if (!span) return withCursorInside(valueItem(context, `${head}${newText}`, item));
  item.textEdit = { range: toRange(context.analysis, span), newText };
  item.filterText = value;
  if (more) item.command = RETRIGGER;
  return item;
}

/** After `${` inside an ARN or a string condition value: policy variables. */
function variableItems(context: Context): CompletionItem[] | undefined {
  const { slot, catalog } = context;
  const open = openVariableBefore(slot.prefix, slot.prefix.length);
  if (!open) return undefined;
  const head = slot.prefix.slice(0, open.start);
  const names = [...catalog.globalKeys.filter((k) => !k.multivalued).map((k) => k.name), ...SPECIAL_VARIABLES.map((v) => v.name)];
  return names.map((name) =>
    variableItem(context, head, name, {
      detail: SPECIAL_VARIABLES.find((v) => v.name === name)?.doc ?? catalog.globalKey(name)?.type,
      sortText: name.startsWith('aws:') ? `1${name}` : `2${name}`,
    }),
  );
}

/**
 * The policy variable of a key, after head. A key whose name ends in a placeholder
 * (aws:PrincipalTag/${TagKey}) is written with the placeholder's name, which then becomes a tab stop:
 * never a `${…}` inside the variable, which IAM would not read.
 */
function variableItem(context: Context, head: string, name: string, extra: Partial<CompletionItem>): CompletionItem {
  const placeholder = templatePlaceholders(name).at(-1);
  const stop = placeholder && name.endsWith(`\${${placeholder}}`) ? placeholder : undefined;
  const written = stop ? `${name.slice(0, -(stop.length + 3))}${stop}` : name;
  const item = valueItem(context, `${head}\${${written}}`, { label: `\${${name}}`, kind: CompletionItemKind.Variable, ...extra });
  return stop ? withLastAsStop(item, stop) : item;
}

/** The item's text as a snippet whose last occurrence of `name` (written by the syntax's writer) is a tab stop. */
function withLastAsStop(item: CompletionItem, name: string): CompletionItem {
  const snippet = snippetText(item.insertText ?? item.label);
  const at = snippet.lastIndexOf(name);
  return { ...item, insertText: `${snippet.slice(0, at)}\${1:${name}}${snippet.slice(at + name.length)}`, insertTextFormat: InsertTextFormat.Snippet };
}

// ── conditions ──────────────────────────────────────────────────────────────────────────────────

function operatorItems(context: Context): CompletionItem[] {
  const { slot, catalog } = context;
  // Once keys are written under the operator, offer only the operators that fit their types.
  const keysObject = slot.property?.value;
  const keyType = (key: string) => {
    const info = catalog.conditionKey(key);
    return typeof info === 'object' ? info.type : undefined;
  };
  const keyTypes = keysObject?.kind === 'object' ? keysObject.properties.map((p) => keyType(p.key.value)).filter((t): t is string => !!t) : [];
  const fits = (family: string) => keyTypes.every((t) => familiesForType(t).includes(family as never) || family === 'Null');
  const multivalued = keysObject?.kind === 'object' && keysObject.properties.some((p) => keyType(p.key.value)?.startsWith('ArrayOf'));
  const items: CompletionItem[] = [];
  OPERATORS.forEach((operator, i) => {
    if (!fits(operator.family)) return;
    const names = [operator.name];
    if (operator.family !== 'Null') names.push(`${operator.name}IfExists`);
    if (operator.family !== 'Null' && operator.family !== 'Bool') names.push(`ForAllValues:${operator.name}`, `ForAnyValue:${operator.name}`);
    for (const name of names) {
      const qualified = name.startsWith('For');
      items.push(
        keyItem(
          context,
          name,
          `${operator.summary}${name.endsWith('IfExists') ? ' True as well when the key is missing.' : ''}`,
          `${multivalued === qualified ? 0 : 1}${String(i).padStart(2, '0')}${name}`,
          object([stop(1), stop(2)]),
          true,
        ),
      );
    }
  });
  // The Condition snippet's operator stop, its key and value stops still empty: once the operator is in, on to the key's list.
  if (context.options.suggestAtNextStop && awaitsFirstKey(keysObject)) for (const item of items) item.command = SUGGEST_AT_NEXT_STOP;
  const argument = writerOf(context).conditionArguments?.operator;
  if (argument && !slot.quote && !keysObject) items.unshift(argumentItem(argument, 'the condition operator'));
  return items;
}

const SUGGEST_AT_NEXT_STOP = { title: 'Suggest at the next tab stop', command: SUGGEST_AT_NEXT_STOP_COMMAND };

/** An operator's value as the Condition snippet writes it: one entry, its key and value not typed yet. */
function awaitsFirstKey(value: ValueNode | undefined): boolean {
  if (value?.kind !== 'object' || value.properties.length !== 1) return false;
  const entry = value.properties[0]!;
  return entry.key.value === '' && (entry.value === undefined || entry.value.kind === 'null' || (entry.value.kind === 'string' && entry.value.value === ''));
}

/**
 * Where a condition's operator or key is an argument of its own (the data source's `test`, `variable`),
 * the argument as well, for one who writes the block by hand: `test = ""`, then what goes in it.
 */
function argumentItem(name: string, detail: string): CompletionItem {
  return {
    label: name,
    kind: CompletionItemKind.Property,
    detail,
    insertText: `${name} = "$1"`,
    insertTextFormat: InsertTextFormat.Snippet,
    filterText: name,
    sortText: '!',
    command: RETRIGGER,
  };
}

function conditionKeyItems(context: Context): CompletionItem[] {
  const { slot, catalog } = context;
  // A data source's condition block holds one key: beside the one it has, a key would write a second
  // `variable` and `values` into it.
  if (writerOf(context).conditionArguments && !slot.quote && !slot.node && slot.siblings.length > 0) return [];
  const facts = context.facts();
  const statementFacts = statementActions(slot.statement, catalog);
  const supported = supportedConditionKeys(namesManyServices(statementFacts) ? [] : statementFacts.actions, catalog);
  const parsed = parseOperator(slot.operator ?? '');
  const family = parsed.base?.family;
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const tagChoices = [...facts.tagKeys].filter((t) => /^[\w.:/=+\-@]+$/.test(t));
  const add = (name: string, type: string, detail: string, sortGroup: string, description: string | undefined) => {
    if (seen.has(name.toLowerCase())) return;
    seen.add(name.toLowerCase());
    if (family && family !== 'Null' && !familiesForType(type).includes(family)) return;
    // A tag key's name is a tab stop, offering the tag names the document already uses.
    const tagged = name.endsWith('/${TagKey}');
    const key = tagged ? concat(name.slice(0, -'${TagKey}'.length), tagChoices.length > 0 ? choice(1, ...tagChoices) : stop(1, 'TagKey')) : name;
    const item = keyItem(context, key, undefined, `${sortGroup}${name}`, stop(0));
    items.push({
      ...item,
      label: name,
      kind: CompletionItemKind.Field,
      detail: `${type}${type.startsWith('ArrayOf') ? ' (multivalued)' : ''} · ${detail}`,
      ...(description ? { documentation: { kind: 'markdown', value: `${description}.` } } : {}),
      filterText: `${replacedText(context)}${slot.quote ? `${slot.quote}${name}` : name}`,
    });
  };
  for (const [key, actions] of supported) {
    const info = catalog.conditionKey(key);
    const type = typeof info === 'object' ? info.type : 'String';
    add(key, type, `supported by ${actions.length} of this statement's actions`, '0', typeof info === 'object' ? info.description : undefined);
  }
  for (const key of catalog.globalKeys) {
    // Request and resource tag keys only make sense where the statement's actions support them.
    if (/^aws:(RequestTag|ResourceTag)\/|^aws:TagKeys$/.test(key.name) && !supported.has(key.name)) continue;
    add(key.name, key.type, `global ${key.category} key`, '1', key.description);
  }
  const argument = writerOf(context).conditionArguments?.key;
  if (argument && !slot.quote && slot.siblings.length === 0) items.unshift(argumentItem(argument, 'the condition key'));
  return items;
}

function conditionValueItems(context: Context): CompletionItem[] {
  const { slot, catalog } = context;
  const parsed = parseOperator(slot.operator ?? '');
  const variables = variableItems(context);
  if (variables) return variables;
  if (parsed.base?.family === 'Bool' || parsed.base?.family === 'Null') {
    return ['true', 'false'].map((v, i) =>
      valueItem(context, v, {
        kind: CompletionItemKind.Value,
        sortText: String(i),
        detail: parsed.base?.family === 'Null' ? (v === 'true' ? 'the key is absent' : 'the key is present') : undefined,
      }),
    );
  }
  const used = context.facts().conditionValues.get((slot.conditionKey ?? '').toLowerCase()) ?? new Set<string>();
  const items = [...used]
    .filter((v) => v !== scalarUnderCursor(slot))
    .map((v) => valueItem(context, v, { kind: CompletionItemKind.Value, detail: 'used elsewhere in this document', sortText: `0${v}` }));
  if (parsed.base?.family === 'String' || parsed.base?.family === 'Arn') {
    for (const key of catalog.globalKeys) {
      if (key.multivalued) continue;
      items.push(variableItem(context, '', key.name, { detail: `policy variable · ${key.type}`, sortText: `1${key.name}` }));
    }
  }
  return items;
}

function scalarUnderCursor(slot: Slot): string | undefined {
  return slot.node?.kind === 'string' ? slot.node.value : undefined;
}
