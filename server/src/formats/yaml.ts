// YAML (every document of a stream; CloudFormation short-form tags): the yaml library's reader,
// CloudFormation's places for policies, and how YAML writes: plain scalars where they are safe, the
// author's quotes otherwise, block layout for snippets, flow style for inline values.
import type { Format, FormatWriter, Quote, Separators } from '../model/format';
import { scalarText, scalarValues, type KeySnippet, type Layout, type ScalarSnippet, type SnippetValue } from '../model/snippet';
import { findPolicies, pendingPolicies } from './cloudformation';
import { columnIndent } from '../model/lines';
import { parseFragment, valueExtent } from './yaml-fragment';
import { blankLineTarget } from './yaml-position';
import { parseYaml } from './yaml-reader';

const PLAIN_UNSAFE_START = /^[-?:,\[\]{}#&*!|>'"%@`\s]/;
const SPECIAL_WORDS = /^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.:eE+-]*)$/i;

/** Can the text stand as a plain (unquoted) scalar and still read back as the same string? */
function plainSafe(value: string): boolean {
  return (
    value.length > 0 &&
    !PLAIN_UNSAFE_START.test(value) &&
    !value.includes(': ') &&
    !value.includes(' #') &&
    !value.endsWith(':') &&
    !value.endsWith(' ') &&
    !SPECIAL_WORDS.test(value)
  );
}

function string(value: string, quote: Quote): string {
  if (quote === '"') return JSON.stringify(value);
  if (quote === "'") return `'${value.replace(/'/g, "''")}'`;
  return plainSafe(value) ? value : JSON.stringify(value);
}

function inline(data: unknown): string {
  if (Array.isArray(data)) return `[${data.map(inline).join(', ')}]`;
  if (data && typeof data === 'object')
    return `{${Object.entries(data)
      .map(([k, v]) => `${string(k, undefined)}: ${inline(v)}`)
      .join(', ')}}`;
  return string(String(data), undefined);
}

/** Plain where every value the scalar may take reads back as itself (an empty tab stop is typed over), double-quoted otherwise. */
function scalar(snippet: ScalarSnippet): string {
  const values = scalarValues(snippet).filter((v) => v !== '');
  if (values.every(plainSafe)) return scalarText(snippet);
  return `"${scalarText(snippet, (v) => JSON.stringify(v).slice(1, -1))}"`;
}

function keySnippet(key: KeySnippet): string {
  return scalar(typeof key === 'string' ? { kind: 'text', value: key } : key);
}

function value(snippet: SnippetValue, layout: Layout): string {
  switch (snippet.kind) {
    case 'tabstop':
    case 'text':
    case 'concat':
      return scalar(snippet);
    case 'list':
      // Each item after "- "; an object's later keys line up with its first.
      return snippet.items.map((item) => `- ${value(item, { indent: `${layout.indent}  `, unit: layout.unit })}`).join(`\n${layout.indent}`);
    case 'object':
      return entries(snippet.entries, layout);
  }
}

function entry(key: KeySnippet, snippet: SnippetValue, layout: Layout): string {
  if (snippet.kind !== 'list' && snippet.kind !== 'object') return `${keySnippet(key)}: ${scalar(snippet)}`;
  const inner = { indent: layout.indent + layout.unit, unit: layout.unit };
  return `${keySnippet(key)}:\n${inner.indent}${value(snippet, inner)}`;
}

function entries(list: ReadonlyArray<readonly [KeySnippet, SnippetValue]>, layout: Layout): string {
  return list.map(([key, snippet]) => entry(key, snippet, layout)).join(`\n${layout.indent}`);
}

const NO_SEPARATORS: Separators = { afterPrevious: undefined, trailing: '' };

const writer: FormatWriter = {
  string,
  stringSnippet: (snippet: string, quote: Quote) => (quote === "'" ? `'${snippet}'` : `"${snippet}"`),
  key: (name: string) => string(name, undefined),
  inline,
  inlineEntry: (name: string, written: string) => `${string(name, undefined)}: ${written}`,
  entry,
  keySnippet,
  value,
  entries,
  separators: () => NO_SEPARATORS,
  indentAt: columnIndent,
};

export const yamlFormat: Format = {
  id: 'yaml',
  name: 'YAML',
  parse: parseYaml,
  findPolicies,
  pendingPolicies,
  writer,
  blankLineTarget,
  valueExtent,
  parseFragment,
  colonEndsPlainKey: true,
  keysStartObjects: true,
};
