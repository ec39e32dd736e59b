// How the policy document data source writes a policy: elements as its arguments (`actions = […]`),
// statements, principals and conditions as blocks, each new block laid out at the indentation of its
// neighbours. Operators, keys and principal types are strings there (`test = "Bool"`).
import type { OffsetEdit } from '../model/edits';
import type { FormatWriter, Quote } from '../model/format';
import { leadingIndent } from '../model/lines';
import { scalarText, snippetText, type KeySnippet, type Layout, type SnippetValue } from '../model/snippet';
import type { ArrayNode, ObjectNode, ValueNode } from '../model/tree';
import { quoteHcl } from './terraform-writers';
import { ARGUMENT_OF_ELEMENT } from './terraform-document';

/** Each element's argument or block name. */
const NAMES = ARGUMENT_OF_ELEMENT;
const LISTS = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);
const UNIT = '  ';

/** A string as the data source is written: policy variables as `&{…}`, which it turns into `${…}`. */
function quote(value: string): string {
  return quoteHcl(value, '&{');
}

function escapeInside(value: string): string {
  return quote(value).slice(1, -1);
}

/** A value on one line: a string, or a list of them. */
function inline(data: unknown): string {
  if (Array.isArray(data)) return `[${data.map(inline).join(', ')}]`;
  if (typeof data === 'string') return quote(data);
  return String(data);
}

function quoted(snippet: KeySnippet | SnippetValue): string {
  if (typeof snippet === 'string') return `"${snippetText(escapeInside(snippet))}"`;
  if (snippet.kind === 'list') return `[${snippet.items.map(quoted).join(', ')}]`;
  if (snippet.kind === 'object') return '""';
  return `"${scalarText(snippet, escapeInside)}"`;
}

function asList(snippet: SnippetValue): string {
  return snippet.kind === 'list' ? quoted(snippet) : `[${quoted(snippet)}]`;
}

/** Lines `name = value` with the equals signs lined up, as `terraform fmt` does. */
function aligned(pairs: ReadonlyArray<readonly [string, string]>, indent: string): string {
  const width = Math.max(...pairs.map(([name]) => name.length));
  return pairs.map(([name, value]) => `${indent}${name.padEnd(width)} = ${value}`).join('\n');
}

function block(name: string, body: string, indent: string): string {
  return `${name} {\n${body}\n${indent}}`;
}

// ── snippets (completion) ─────────────────────────────────────────────────────────────────────────

function statementBlock(entries: ReadonlyArray<readonly [KeySnippet, SnippetValue]>, layout: Layout): string {
  const deeper = { indent: layout.indent + layout.unit, unit: layout.unit };
  return block('statement', `${deeper.indent}${documentEntries(entries, deeper)}`, layout.indent);
}

function conditionBlocks(value: SnippetValue, layout: Layout): string {
  const indent = layout.indent + layout.unit;
  const operators = value.kind === 'object' ? value.entries : [];
  return operators
    .flatMap(([operator, keys]) => (keys.kind === 'object' ? keys.entries : []).map(([key, values]) => [operator, key, values] as const))
    .map(([operator, key, values]) =>
      block(
        'condition',
        aligned(
          [
            ['test', quoted(operator)],
            ['variable', quoted(key)],
            ['values', asList(values)],
          ],
          indent,
        ),
        layout.indent,
      ),
    )
    .join(`\n${layout.indent}`);
}

function principalBlocks(name: string, value: SnippetValue, layout: Layout): string {
  const indent = layout.indent + layout.unit;
  const types = value.kind === 'object' ? value.entries : [];
  return types
    .map(([type, identifiers]) =>
      block(
        name,
        aligned(
          [
            ['type', quoted(type)],
            ['identifiers', asList(identifiers)],
          ],
          indent,
        ),
        layout.indent,
      ),
    )
    .join(`\n${layout.indent}`);
}

function documentEntry(key: KeySnippet, value: SnippetValue, layout: Layout): string {
  const element = typeof key === 'string' ? key : undefined;
  if (element === 'Statement') return (value.kind === 'list' ? value.items : [value]).map((s) => documentValue(s, layout)).join(`\n${layout.indent}`);
  if (element === 'Condition') return conditionBlocks(value, layout);
  if (element === 'Principal' || element === 'NotPrincipal') return principalBlocks(NAMES[element]!, value, layout);
  if (element && NAMES[element]) return `${NAMES[element]} = ${LISTS.has(element) ? asList(value) : quoted(value)}`;
  // Not an element: inside a condition block, an operator with its key and values, or a key with its values.
  const pairs: Array<[string, string]> = [];
  if (value.kind === 'object') {
    const [conditionKey, values] = value.entries[0] ?? ['', { kind: 'list', items: [] } as SnippetValue];
    pairs.push(['test', quoted(key)], ['variable', quoted(conditionKey)], ['values', asList(values)]);
  } else pairs.push(['variable', quoted(key)], ['values', asList(value)]);
  return aligned(pairs, '').replace(/\n/g, `\n${layout.indent}`);
}

function documentEntries(list: ReadonlyArray<readonly [KeySnippet, SnippetValue]>, layout: Layout): string {
  return list.map(([key, value]) => documentEntry(key, value, layout)).join(`\n${layout.indent}`);
}

/** A value as a snippet: an object of statement elements is a statement block (a new statement between others). */
function documentValue(snippet: SnippetValue, layout: Layout): string {
  if (snippet.kind === 'object') return statementBlock(snippet.entries, layout);
  return snippet.kind === 'list' ? asList(snippet) : quoted(snippet);
}

// ── edits (quick fixes) ───────────────────────────────────────────────────────────────────────────

/** The blanks before offset on its line, when only blanks precede it there. */
function columnAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return text.slice(start, offset).replace(/[^\t]/g, ' ');
}

/** The lines of one element written into a statement or the policy: an argument, or its blocks. */
function elementText(name: string, value: unknown, indent: string): string {
  if (name === 'Condition') return conditionText(value as Record<string, Record<string, unknown>>, indent);
  if (name === 'Principal' || name === 'NotPrincipal') {
    const types = typeof value === 'object' && value ? Object.entries(value) : [['*', value]];
    return types
      .map(([type, identifiers]) =>
        block(
          NAMES[name]!,
          aligned(
            [
              ['type', quote(type as string)],
              ['identifiers', inline(listOf(identifiers))],
            ],
            indent + UNIT,
          ),
          indent,
        ),
      )
      .join(`\n${indent}`);
  }
  const attribute = NAMES[name] ?? name;
  return `${attribute} = ${inline(LISTS.has(name) ? listOf(value) : value)}`;
}

function conditionText(operators: Record<string, Record<string, unknown>>, indent: string): string {
  const blocks: string[] = [];
  for (const [operator, keys] of Object.entries(operators))
    for (const [key, values] of Object.entries(keys)) blocks.push(conditionBlock(operator, key, values, indent));
  return blocks.join(`\n${indent}`);
}

function conditionBlock(operator: string, key: string, values: unknown, indent: string): string {
  const lines = aligned(
    [
      ['test', quote(operator)],
      ['variable', quote(key)],
      ['values', inline(listOf(values))],
    ],
    indent + UNIT,
  );
  return block('condition', lines, indent);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Which part of the data source's tree a container is: the Condition's operators, one operator's keys, or a statement or the policy. */
function roleOf(container: ObjectNode): { role: 'operators' } | { role: 'keys'; operator: string } | { role: 'elements' } {
  const holder = container.parent;
  if (holder?.kind !== 'property') return { role: 'elements' };
  if (holder.key.value === 'Condition' && holder.parent.parent?.kind === 'array') return { role: 'operators' };
  const operators = holder.parent.parent;
  if (operators?.kind === 'property' && operators.key.value === 'Condition') return { role: 'keys', operator: holder.key.value };
  return { role: 'elements' };
}

function addedEntry(text: string, container: ObjectNode, key: string, value: unknown, where: 'first' | 'last'): OffsetEdit {
  const role = roleOf(container);
  const indent = columnAt(text, container.properties[0]?.start ?? container.start);
  // A new condition goes after the condition blocks (a new key of an operator is a block of its own, after the operator's).
  if (role.role !== 'elements') {
    const at = columnAt(text, container.start);
    const blocks = role.role === 'operators' ? conditionText({ [key]: value as Record<string, unknown> }, at) : conditionBlock(role.operator, key, value, at);
    return { start: container.end, end: container.end, newText: `\n${at}${blocks}` };
  }
  const anchor = where === 'first' ? container.properties[0] : container.properties[container.properties.length - 1];
  if (!anchor) {
    const inside = `${columnAt(text, container.start)}${UNIT}`;
    return { start: container.start + 1, end: container.start + 1, newText: `\n${inside}${elementText(key, value, inside)}` };
  }
  const entry = elementText(key, value, indent);
  if (where === 'first') return { start: anchor.start, end: anchor.start, newText: `${entry}\n${indent}` };
  return { start: anchor.end, end: anchor.end, newText: `\n${indent}${entry}` };
}

/** A statement added after another: a `statement` block of its own, a blank line between. */
function addedItem(text: string, list: ArrayNode, after: ValueNode, value: unknown): OffsetEdit | undefined {
  if (list.style !== 'block' || after.kind !== 'object') return undefined;
  const indent = columnAt(text, after.start);
  const elements = Object.entries(value as Record<string, unknown>).map(([name, v]) => [NAMES[name] ?? name, inline(LISTS.has(name) ? listOf(v) : v)] as const);
  return { start: after.end, end: after.end, newText: `\n\n${indent}${block('statement', aligned(elements, indent + UNIT), indent)}` };
}

export const documentWriter: FormatWriter = {
  string: (value: string, _quote: Quote) => quote(value),
  stringSnippet: (snippet: string) => `"${snippet}"`,
  key: (name: string) => NAMES[name] ?? quote(name),
  keyLabel: (name: string) => NAMES[name] ?? name,
  conditionArguments: { operator: 'test', key: 'variable' },
  inlineEntry: (name: string, written: string) => `${NAMES[name] ?? quote(name)} = ${written}`,
  inline,
  keySnippet: (key: KeySnippet) => (typeof key === 'string' && NAMES[key] ? NAMES[key]! : quoted(key)),
  entry: documentEntry,
  value: documentValue,
  entries: documentEntries,
  separators: () => ({ afterPrevious: undefined, trailing: '' }),
  indentAt: leadingIndent,
  addedEntry,
  addedItem,
};
