// Reads YAML (every document of a stream) into the shared tree. CloudFormation short-form tags
// (!Sub, !Ref, !If, …) become opaque nodes named by their long form, like {"Fn::Sub": …} in JSON.
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Parser, type CST, type Node as YamlNode, type Scalar } from 'yaml';
import { addProperty, foldIntrinsic, newString } from '../model/builder';
import type { ParsedText } from '../model/format';
import { MAX_NESTING_DEPTH, MAX_NESTING_MESSAGE, type SyntaxProblem } from '../model/problems';
import type { ArrayNode, ObjectNode, OpaqueNode, PropertyNode, StringNode, ValueNode } from '../model/tree';
import { intrinsicName, readBlockYaml } from './yaml-block';

/** Thrown from the depth the reader stops at, with where that is. */
class TooDeep extends Error {
  constructor(readonly at: number) {
    super('too deep');
  }
}

/** Nearly every policy and template is read by hand (yaml-block.ts); the rest by the yaml library. */
export function parseYaml(text: string): ParsedText {
  return readBlockYaml(text) ?? composeYaml(text);
}

/** The yaml library's reading: its syntax tree, then its composer, then the shared tree. */
export function composeYaml(text: string): ParsedText {
  const problems: SyntaxProblem[] = [];
  const roots: ValueNode[] = [];
  let unclosed = false;
  try {
    // The syntax tree first (the parser keeps its own stack), and its depth checked before the composer,
    // which recurses, sees it: deep enough input would otherwise run out of stack inside the library.
    const tokens = Array.from(new Parser().parse(text));
    const shape = syntaxShape(tokens);
    if (shape.tooDeepAt !== undefined) throw new TooDeep(shape.tooDeepAt);
    unclosed = shape.unclosed;
    // uniqueKeys off: duplicates are reported by the shared builder, the same way as for JSON.
    const documents = new Composer({ uniqueKeys: false, prettyErrors: false, strict: false }).compose(tokens);
    for (const document of documents) {
      for (const error of document.errors) {
        // yaml catches its own stack overflow on absurd nesting and reports it as an error.
        if (error.message.includes('Maximum call stack')) throw new TooDeep(error.pos[0]);
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
    const at = error instanceof TooDeep ? error.at : 0;
    return { roots: [], problems: [{ code: 'nesting-too-deep', start: at, end: Math.min(text.length, at + 1), message: MAX_NESTING_MESSAGE }] };
  }
  return { roots, problems, ...(unclosed ? { unclosed } : {}) };
}

/**
 * What the composer should not meet: the first container deeper than MAX_NESTING_DEPTH, and whether a
 * flow collection is left without its closing bracket. A walk with a stack of its own.
 */
function syntaxShape(tokens: readonly CST.Token[]): { tooDeepAt: number | undefined; unclosed: boolean } {
  const stack: Array<readonly [CST.Token, number]> = tokens.map((token) => [token, 0] as const);
  let unclosed = false;
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, depth] = next;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= MAX_NESTING_DEPTH) return { tooDeepAt: token.offset, unclosed };
      if (token.type === 'flow-collection' && !token.end.some((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end')) unclosed = true;
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return { tooDeepAt: undefined, unclosed };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return line.endsWith('.') ? line : `${line}.`;
}

function convert(node: YamlNode | null | undefined, problems: SyntaxProblem[], depth: number, text: string): ValueNode | undefined {
  if (!node) return undefined;
  const [start, end] = rangeOf(node);
  if (depth > 2 * MAX_NESTING_DEPTH) throw new TooDeep(start);
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
