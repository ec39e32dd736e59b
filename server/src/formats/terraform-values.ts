// Terraform expressions as values of the shared tree: literals become strings, numbers, booleans, lists
// and objects with their exact ranges; anything decided at apply time (a reference, a function call, a
// template with `${…}`, a `for`, a conditional) becomes an opaque node, which rules never report.
import { addProperty } from '../model/builder';
import type { SyntaxProblem } from '../model/problems';
import type { ArrayNode, ObjectNode, OpaqueNode, PropertyNode, StringNode, ValueNode } from '../model/tree';
import type { HclExpression, HclLiteral, HclObject, HclTemplate } from './hcl-ast';

/** How the value's strings read: the policy document data source turns `&{…}` into `${…}`. */
export type StringReading = (value: string) => string;

const AS_WRITTEN: StringReading = (value) => value;

/** The literal text of a template without `${…}` or `%{…}`, else undefined. */
export function templateLiteral(template: HclTemplate): HclLiteral | '' | undefined {
  if (template.parts.length === 0) return '';
  const only = template.parts[0]!;
  return template.parts.length === 1 && only.kind === 'literal' ? only : undefined;
}

/** A template of literal text as a string node (its runs as the node's offsets); undefined for anything else. */
export function stringOf(expression: HclExpression, read: StringReading = AS_WRITTEN): StringNode | undefined {
  if (expression.kind !== 'template') return undefined;
  const literal = templateLiteral(expression);
  if (literal === undefined) return undefined;
  const { start, end } = expression;
  const value = literal === '' ? '' : read(literal.value);
  const node: StringNode = { kind: 'string', value, start, end, quote: '"', closed: expression.closed, parent: undefined };
  if (literal !== '' && literal.runs) return { ...node, offsets: relativeRuns(literal.runs, start) };
  return node;
}

function relativeRuns(runs: readonly number[], start: number): number[] {
  const offsets = runs.slice();
  for (let i = 1; i < offsets.length; i += 2) offsets[i]! -= start;
  return offsets;
}

/** A value decided at apply time, named by its source (shortened) so a trace can say what it skipped. */
export function opaqueOf(expression: { start: number; end: number }, text: string, known = ''): OpaqueNode {
  const source = text.slice(expression.start, expression.end).replace(/\s+/g, ' ');
  // Shortened, a quoted template keeps its closing quote: `"arn:aws:s3:::${var.b…"`.
  const name = source.length <= 40 ? source : `${source.slice(0, 39)}…${source.startsWith('"') ? '"' : ''}`;
  // The size rule counts an opaque value by its argument: the text the value is known to hold (a
  // template's literal parts), never its source, whose `${data.….account_id}` may become 12 digits.
  const argument: StringNode = {
    kind: 'string',
    value: known,
    start: expression.start,
    end: expression.end,
    quote: undefined,
    closed: true,
    parent: undefined,
  };
  const opaque: OpaqueNode = { kind: 'opaque', name, start: expression.start, end: expression.end, parent: undefined, argument };
  argument.parent = opaque;
  return opaque;
}

/** An expression inside `jsonencode(…)` as a tree value; undefined for a value still missing. */
export function valueOf(expression: HclExpression, text: string, problems: SyntaxProblem[], read: StringReading = AS_WRITTEN): ValueNode | undefined {
  switch (expression.kind) {
    case 'missing':
      return undefined;
    case 'template':
      return stringOf(expression, read) ?? opaqueOf(expression, text, literalParts(expression, read));
    case 'number': {
      const { start, end, raw } = expression;
      return { kind: 'number', value: Number(raw), raw, start, end, parent: undefined };
    }
    case 'bool':
      return { kind: 'boolean', value: expression.value, start: expression.start, end: expression.end, parent: undefined };
    case 'null':
      return { kind: 'null', start: expression.start, end: expression.end, parent: undefined };
    case 'tuple':
      return arrayOf(expression, (item) => valueOf(item, text, problems, read));
    case 'object':
      return objectOf(expression, text, problems, read);
    default:
      return opaqueOf(expression, text);
  }
}

/** The literal text of a template with interpolations: what its value holds at least. */
function literalParts(template: HclTemplate, read: StringReading): string {
  let known = '';
  for (const part of template.parts) if (part.kind === 'literal') known += part.value;
  return read(known);
}

/** A key written as a name or a literal string; undefined for a key computed at apply time. */
/** A tuple `[…]` as a flow list of the values `read` gives its items (an item it gives nothing for is left out). */
export function arrayOf(tuple: Extract<HclExpression, { kind: 'tuple' }>, read: (item: HclExpression) => ValueNode | undefined): ArrayNode {
  const array: ArrayNode = { kind: 'array', style: 'flow', items: [], start: tuple.start, end: tuple.end, parent: undefined, commas: tuple.commas };
  for (const item of tuple.items) {
    const value = read(item);
    if (!value) continue;
    value.parent = array;
    array.items.push(value);
  }
  return array;
}

function keyOf(key: HclExpression): StringNode | undefined {
  if (key.kind === 'variable') return { kind: 'string', value: key.name, start: key.start, end: key.end, quote: undefined, closed: true, parent: undefined };
  return stringOf(key);
}

/**
 * An object constructor. Block style when each item has a line of its own (edits then add and remove
 * lines); the commas and the line breaks between items are both separators. An object with a computed
 * key is opaque: which keys it has is decided at apply time.
 */
function objectOf(expression: HclObject, text: string, problems: SyntaxProblem[], read: StringReading): ValueNode {
  const object: ObjectNode = {
    kind: 'object',
    style: ownLines(expression, text) ? 'block' : 'flow',
    properties: [],
    start: expression.start,
    end: expression.end,
    parent: undefined,
    commas: [...expression.commas, ...expression.newlines].sort((a, b) => a - b),
  };
  for (const item of expression.items) {
    const key = keyOf(item.key);
    if (!key) return opaqueOf(expression, text);
    const property: PropertyNode = { kind: 'property', key, value: undefined, start: item.start, end: item.end, parent: object };
    if (item.separator !== undefined) property.colon = item.separator + 1;
    key.parent = property;
    const value = valueOf(item.value, text, problems, read);
    if (value) {
      value.parent = property;
      property.value = value;
    }
    addProperty(object, property, problems);
  }
  return object;
}

/** Does each item start on a line of its own (after the opening brace's line)? */
function ownLines(expression: HclObject, text: string): boolean {
  if (expression.items.length === 0) return false;
  let from = expression.start + 1;
  for (const item of expression.items) {
    if (!hasLineBreak(text, from, item.start)) return false;
    from = item.end;
  }
  return true;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const c = text.charCodeAt(at);
    if (c === 10 || c === 13) return true;
  }
  return false;
}
