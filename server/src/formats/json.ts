// JSON (comments allowed, as in jsonc): jsonc-parser's reader, CloudFormation's places for policies,
// and how JSON writes values, keys and snippets: always quoted, commas between entries.
import { commaSeparators, type Format, type FormatWriter, type Fragment, type Quote } from '../model/format';
import { scalarText, snippetText, type KeySnippet, type Layout, type SnippetValue } from '../model/snippet';
import { moveTree, type ObjectNode } from '../model/tree';
import { findPolicies } from './cloudformation';
import { parseJson } from './json-reader';
import { leadingIndent } from '../model/lines';

function string(value: string): string {
  return JSON.stringify(value);
}

/** A string's JSON escapes, for the inside of a quoted tab stop. */
function escapeInside(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

function keySnippet(key: KeySnippet): string {
  return typeof key === 'string' ? snippetText(string(key)) : `"${scalarText(key, escapeInside)}"`;
}

function value(snippet: SnippetValue, layout: Layout): string {
  switch (snippet.kind) {
    case 'tabstop':
    case 'text':
    case 'concat':
      return `"${scalarText(snippet, escapeInside)}"`;
    case 'list': {
      if (snippet.items.length === 1 && snippet.items[0]!.kind !== 'object' && snippet.items[0]!.kind !== 'list')
        return `[${value(snippet.items[0]!, layout)}]`;
      const inner = { indent: layout.indent + layout.unit, unit: layout.unit };
      return `[\n${snippet.items.map((item) => inner.indent + value(item, inner)).join(',\n')}\n${layout.indent}]`;
    }
    case 'object': {
      const inner = { indent: layout.indent + layout.unit, unit: layout.unit };
      return `{\n${inner.indent}${entries(snippet.entries, inner)}\n${layout.indent}}`;
    }
  }
}

function entry(key: KeySnippet, snippet: SnippetValue, layout: Layout): string {
  return `${keySnippet(key)}: ${value(snippet, layout)}`;
}

function entries(list: ReadonlyArray<readonly [KeySnippet, SnippetValue]>, layout: Layout): string {
  return list.map(([key, snippet]) => entry(key, snippet, layout)).join(`,\n${layout.indent}`);
}

/** An object ends at its closing brace; one the end of the text closed for it has no known end. */
function valueExtent(text: string, node: ObjectNode): number | undefined {
  return node.end < text.length && text.charCodeAt(node.end - 1) === 0x7d /* } */ ? node.end : undefined;
}

function parseFragment(text: string, start: number, end: number): Fragment | undefined {
  const source = text.slice(start, end);
  const reading = parseJson(source);
  const root = reading.roots[0];
  if (reading.roots.length !== 1 || !root || root.start !== 0 || root.end !== source.length) return undefined;
  // A problem at the end is something that ran into it (a bracket or comment left open): in the whole text it may go on.
  if (reading.problems.some((p) => p.end >= source.length)) return undefined;
  return { root: moveTree(root, start), problems: reading.problems.map((p) => ({ ...p, start: p.start + start, end: p.end + start })) };
}

const writer: FormatWriter = {
  string: (text: string, _quote: Quote) => string(text),
  stringSnippet: (snippet: string) => `"${snippet}"`,
  key: string,
  inlineEntry: (name: string, written: string) => `${string(name)}: ${written}`,
  inline: (data: unknown) => JSON.stringify(data, null, 1).replace(/\n\s*/g, ' '),
  entry,
  keySnippet,
  value,
  entries,
  separators: commaSeparators,
  indentAt: leadingIndent,
};

export const jsonFormat: Format = {
  id: 'json',
  name: 'JSON',
  parse: parseJson,
  findPolicies,
  writer,
  valueExtent,
  parseFragment,
  colonEndsPlainKey: false,
  keysStartObjects: false,
};
