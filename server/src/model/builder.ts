// Shared construction helpers for the JSON and YAML readers, so both produce the same tree shape:
// intrinsic objects folded into opaque nodes, duplicate keys reported the same way.
import type { SyntaxProblem } from './problems';
import type { ObjectNode, OpaqueNode, PropertyNode, StringNode, ValueNode } from './tree';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function isIntrinsicName(key: string): boolean {
  return key === 'Ref' || key.startsWith('Fn::');
}

/**
 * `{"Fn::Sub": "…"}` and `{"Ref": "X"}` are CloudFormation intrinsics: the template decides their value
 * at deploy time, so the model shows them as opaque values, exactly like the YAML short forms.
 */
export function foldIntrinsic(node: ObjectNode): ValueNode {
  if (node.properties.length !== 1) return node;
  const property = node.properties[0]!;
  if (!isIntrinsicName(property.key.value)) return node;
  const opaque: OpaqueNode = {
    kind: 'opaque',
    name: property.key.value,
    start: node.start,
    end: node.end,
    parent: node.parent,
    argument: property.value,
  };
  if (property.value) property.value.parent = opaque;
  return opaque;
}

/** Key indexes of the few objects with many keys; small objects (nearly all of a policy's) are scanned. */
const keyIndexes = new WeakMap<ObjectNode, Map<string, PropertyNode>>();

/** Adds a property, reporting a second occurrence of the same key (IAM rejects duplicate keys). */
export function addProperty(object: ObjectNode, property: PropertyNode, problems: SyntaxProblem[]): void {
  const name = property.key.value;
  let first: PropertyNode | undefined;
  const properties = object.properties;
  if (properties.length < 16) {
    for (let i = 0; i < properties.length; i++) if (properties[i]!.key.value === name) first = properties[i];
  } else {
    let index = keyIndexes.get(object);
    if (!index) {
      index = new Map();
      for (const p of properties) if (!index.has(p.key.value)) index.set(p.key.value, p);
      keyIndexes.set(object, index);
    }
    first = index.get(name);
    if (!first) index.set(name, property);
  }
  if (first) {
    problems.push({
      code: 'duplicate-key',
      start: property.key.start,
      end: property.key.end,
      message: `Duplicate key "${name}": IAM rejects a policy whose object repeats a key.`,
    });
  }
  properties.push(property);
}

export function setEnd<T extends { end: number }>(node: T, end: number): void {
  (node as Mutable<T>).end = end;
}

export function newString(value: string, start: number, end: number, quote: StringNode['quote'], text: string): StringNode {
  const closed = !quote || (end - start >= 2 && text[end - 1] === quote);
  return { kind: 'string', value, start, end, quote, closed, parent: undefined };
}
