// Reads YAML (every document of a stream) into the shared tree. CloudFormation short-form tags
// (!Sub, !Ref, !If, …) become opaque nodes named by their long form, like {"Fn::Sub": …} in JSON.
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode, type Scalar } from 'yaml';
import { addProperty, foldIntrinsic, newString } from '../model/builder';
import type { ParsedText } from '../model/format';
import { MAX_NESTING_MESSAGE, type SyntaxProblem } from '../model/problems';
import type { ArrayNode, ObjectNode, OpaqueNode, PropertyNode, StringNode, ValueNode } from '../model/tree';

const MAX_DEPTH = 1000;

class TooDeep extends Error {}

export function parseYaml(text: string): ParsedText {
  const problems: SyntaxProblem[] = [];
  const roots: ValueNode[] = [];
  try {
    // uniqueKeys off: duplicates are reported by the shared builder, the same way as for JSON.
    const documents = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, strict: false });
    const list = Array.isArray(documents) ? documents : [];
    for (const document of list) {
      for (const error of document.errors) {
        // yaml catches its own stack overflow on absurd nesting and reports it as an error.
        if (error.message.includes('Maximum call stack')) throw new TooDeep();
        const [start, end] = error.pos;
        problems.push({ code: 'syntax-error', start, end: Math.max(end, start + 1), message: firstLine(error.message) });
      }
      if (document.contents) {
        const root = convert(document.contents as YamlNode, problems, 0, text);
        if (root) roots.push(root);
      }
    }
  } catch (error) {
    if (!(error instanceof RangeError) && !(error instanceof TooDeep)) throw error;
    return { roots: [], problems: [{ code: 'syntax-error', start: 0, end: Math.min(text.length, 1), message: MAX_NESTING_MESSAGE }] };
  }
  return { roots, problems };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return line.endsWith('.') ? line : `${line}.`;
}

/** `!GetAtt` → `Fn::GetAtt`; `!Ref` and `!Condition` have no `Fn::` in their long form. */
function intrinsicName(tag: string): string {
  const bare = tag.slice(1);
  return bare === 'Ref' || bare === 'Condition' ? bare : `Fn::${bare}`;
}

function convert(node: YamlNode | null | undefined, problems: SyntaxProblem[], depth: number, text: string): ValueNode | undefined {
  if (!node) return undefined;
  if (depth > MAX_DEPTH) throw new TooDeep();
  const [start, end] = rangeOf(node);
  const tag = node.tag;
  if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
    const opaque: OpaqueNode = { kind: 'opaque', name: intrinsicName(tag), start, end, parent: undefined, argument: undefined };
    const argument = convertUntagged(node, problems, depth + 1, start, end, text);
    if (argument) {
      argument.parent = opaque;
      opaque.argument = argument;
    }
    return opaque;
  }
  return convertUntagged(node, problems, depth, start, end, text);
}

function convertUntagged(node: YamlNode, problems: SyntaxProblem[], depth: number, start: number, end: number, text: string): ValueNode | undefined {
  if (isAlias(node)) return { kind: 'opaque', name: `*${node.source}`, start, end, parent: undefined, argument: undefined };
  if (isScalar(node)) return convertScalar(node, start, end, text);
  if (isSeq(node)) {
    const array: ArrayNode = { kind: 'array', style: node.flow ? 'flow' : 'block', items: [], start, end, parent: undefined };
    for (const item of node.items) {
      const value = convert(item as YamlNode, problems, depth + 1, text);
      if (value) {
        value.parent = array;
        array.items.push(value);
      }
    }
    return array;
  }
  if (isMap(node)) {
    const object: ObjectNode = { kind: 'object', style: node.flow ? 'flow' : 'block', properties: [], start, end, parent: undefined };
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = convertKey(pair.key as YamlNode | null, text);
      if (!key) continue;
      const value = convert(pair.value as YamlNode | null, problems, depth + 1, text);
      const property: PropertyNode = { kind: 'property', key, value, start: key.start, end: value ? value.end : key.end, parent: object };
      key.parent = property;
      if (value) value.parent = property;
      addProperty(object, property, problems);
    }
    return foldIntrinsic(object);
  }
  return undefined;
}

function convertKey(node: YamlNode | null, text: string): StringNode | undefined {
  if (!node) return undefined;
  const [start, end] = rangeOf(node);
  if (isScalar(node)) return newString(String(node.value ?? ''), start, end, quoteOf(node), text);
  return newString(String(node), start, end, undefined, text);
}

function convertScalar(node: Scalar, start: number, end: number, text: string): ValueNode | undefined {
  const value = node.value;
  const quote = quoteOf(node);
  if (typeof value === 'string') return newString(value, start, end, quote, text);
  if (typeof value === 'number' || typeof value === 'bigint') {
    return { kind: 'number', value: Number(value), raw: node.source ?? String(value), start, end, parent: undefined };
  }
  if (typeof value === 'boolean') return { kind: 'boolean', value, start, end, parent: undefined };
  // `Effect:` with nothing after it is an empty null where the value will go: completion needs the spot.
  if (value === null || value === undefined) return { kind: 'null', start, end, parent: undefined };
  return newString(String(value), start, end, quote, text);
}

function quoteOf(node: Scalar): StringNode['quote'] {
  if (node.type === 'QUOTE_DOUBLE') return '"';
  if (node.type === 'QUOTE_SINGLE') return "'";
  return undefined;
}

function rangeOf(node: YamlNode): [number, number] {
  const range = node.range;
  if (!range) return [0, 0];
  return [range[0], range[1]];
}
