// How Terraform writes a policy, in each of its three syntaxes: the HCL object inside `jsonencode(…)`
// (`Key = value`, lists `[…]`, items one per line), JSON inside a heredoc, and the blocks of the
// policy document data source (`actions = […]`, `condition { test … }`). Every string is written so
// Terraform leaves it as it is: `${` becomes `$${` and `%{` becomes `%%{`, never a live interpolation.
import { commaSeparators, type FormatWriter, type Quote } from '../model/format';
import { leadingIndent } from '../model/lines';
import { scalarText, scalarValues, snippetText, type KeySnippet, type Layout, type SnippetValue } from '../model/snippet';
import { jsonFormat } from './json';

/** `${` and `%{` as Terraform's literal text (`$${`, `%%{`), in text already escaped for a quoted string. */
function escapeSequences(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * A Terraform quoted string whose value is `value`. variables: how a policy variable's `${` is written,
 * `$${` (Terraform's escape) or `&{` (the policy document data source's own spelling).
 */
export function quoteHcl(value: string, variables: '$${' | '&{' = '$${'): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += value[i];
  }
  return `"${variables === '$${' ? escapeSequences(out) : out.replace(/\$\{/g, () => '&{').replace(/%\{/g, () => '%%{')}"`;
}

/** The inside of a quoted string, for text within a tab stop. */
function escapeInside(value: string): string {
  return quoteHcl(value).slice(1, -1);
}

const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if']);

/** Can the name stand unquoted as an object key (an HCL identifier)? */
function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) && !KEYWORDS.has(name);
}

/** A value on one line, as an HCL literal: `{ Effect = "Allow", Action = ["a", "b"] }`. */
function inlineHcl(data: unknown): string {
  if (Array.isArray(data)) return `[${data.map(inlineHcl).join(', ')}]`;
  if (data && typeof data === 'object')
    return `{ ${Object.entries(data)
      .map(([k, v]) => `${hclKey(k)} = ${inlineHcl(v)}`)
      .join(', ')} }`;
  if (typeof data === 'number' || typeof data === 'boolean') return String(data);
  if (data === null || data === undefined) return 'null';
  return quoteHcl(String(data));
}

function hclKey(name: string): string {
  return isIdentifier(name) ? name : quoteHcl(name);
}

/** A scalar snippet as a quoted string (tab stops inside). */
function quotedSnippet(snippet: KeySnippet): string {
  return typeof snippet === 'string' ? `"${snippetText(escapeInside(snippet))}"` : `"${scalarText(snippet, escapeInside)}"`;
}

function inner(layout: Layout): Layout {
  return { indent: layout.indent + layout.unit, unit: layout.unit };
}

// ── jsonencode({ … }) ─────────────────────────────────────────────────────────────────────────────

function objectValue(snippet: SnippetValue, layout: Layout): string {
  switch (snippet.kind) {
    case 'tabstop':
    case 'text':
    case 'concat':
      return quotedSnippet(snippet);
    case 'list': {
      const only = snippet.items[0];
      if (snippet.items.length === 1 && only!.kind !== 'object' && only!.kind !== 'list') return `[${objectValue(only!, layout)}]`;
      const deeper = inner(layout);
      return `[\n${snippet.items.map((item) => deeper.indent + objectValue(item, deeper)).join(',\n')},\n${layout.indent}]`;
    }
    case 'object': {
      const deeper = inner(layout);
      return `{\n${deeper.indent}${objectEntries(snippet.entries, deeper)}\n${layout.indent}}`;
    }
  }
}

/** A key as a snippet: bare where every value its tab stops offer is a name (`${1|AWS,Service|}`), quoted otherwise. */
function objectKeySnippet(key: KeySnippet): string {
  if (typeof key === 'string') return snippetText(hclKey(key));
  return scalarValues(key).every(isIdentifier) ? scalarText(key) : quotedSnippet(key);
}

function objectEntries(list: ReadonlyArray<readonly [KeySnippet, SnippetValue]>, layout: Layout): string {
  return list.map(([key, value]) => `${objectKeySnippet(key)} = ${objectValue(value, layout)}`).join(`\n${layout.indent}`);
}

/** Between the items of an object: a comma where no comma or line break separates the new one from its neighbours. */
export const objectWriter: FormatWriter = {
  string: (value: string, _quote: Quote) => quoteHcl(value),
  stringSnippet: (snippet: string) => `"${snippet}"`,
  key: hclKey,
  inlineEntry: (name: string, written: string) => `${hclKey(name)} = ${written}`,
  inline: inlineHcl,
  keySnippet: objectKeySnippet,
  entry: (key, value, layout) => `${objectKeySnippet(key)} = ${objectValue(value, layout)}`,
  value: objectValue,
  entries: objectEntries,
  separators: commaSeparators,
  indentAt: leadingIndent,
};

// ── JSON in a heredoc ─────────────────────────────────────────────────────────────────────────────

/** JSON's writer, with `${` and `%{` escaped as the heredoc's template needs (in snippets, after snippet escaping). */
function forTemplate(writer: FormatWriter): FormatWriter {
  const inSnippet = (text: string) => text.replace(/\\\$\{/g, () => '\\$\\${').replace(/%\{/g, () => '%%{');
  return {
    ...writer,
    string: (value, quote) => escapeSequences(writer.string(value, quote)),
    key: (name) => escapeSequences(writer.key(name)),
    inlineEntry: (name, written) => `${escapeSequences(writer.key(name))}: ${written}`,
    inline: (data) => escapeSequences(writer.inline(data)),
    keySnippet: (key) => inSnippet(writer.keySnippet(key)),
    entry: (key, value, layout) => inSnippet(writer.entry(key, value, layout)),
    value: (value, layout) => inSnippet(writer.value(value, layout)),
    entries: (list, layout) => inSnippet(writer.entries(list, layout)),
  };
}

export const heredocJsonWriter: FormatWriter = forTemplate(jsonFormat.writer);
