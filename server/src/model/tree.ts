// One value tree for JSON and YAML. Every node knows its exact source range (offsets into the text,
// end exclusive, quotes included), so features and rules never look at raw text to find structure.

export type ValueNode = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | NullNode | OpaqueNode;

export type ParentNode = ObjectNode | ArrayNode | PropertyNode | OpaqueNode;

interface NodeBase {
  readonly start: number;
  readonly end: number;
  parent: ParentNode | undefined;
}

/** block: YAML's indented layout; flow: inside brackets (all of JSON, YAML's `{…}` and `[…]`). */
export type ContainerStyle = 'block' | 'flow';

export interface ObjectNode extends NodeBase {
  readonly kind: 'object';
  readonly style: ContainerStyle;
  readonly properties: PropertyNode[];
  /** JSON: offsets of the commas between entries, so an insertion knows whether it needs one. */
  commas?: number[];
}

export interface PropertyNode {
  readonly kind: 'property';
  readonly start: number;
  readonly end: number;
  readonly key: StringNode;
  /** Missing while the user is still typing (`"Effect":` with nothing after it). */
  value: ValueNode | undefined;
  /** JSON: the offset just after the colon, where a missing value would go. */
  colon?: number;
  parent: ObjectNode;
}

export interface ArrayNode extends NodeBase {
  readonly kind: 'array';
  readonly style: ContainerStyle;
  readonly items: ValueNode[];
  /** JSON: offsets of the commas between items. */
  commas?: number[];
}

export interface StringNode extends NodeBase {
  readonly kind: 'string';
  readonly value: string;
  /** The quote character in the source, if any; content then starts at start + 1. */
  readonly quote: '"' | "'" | undefined;
  /** False for a quoted string whose closing quote is missing (the user is typing). */
  readonly closed: boolean;
  /**
   * Where the source spells the value otherwise than character for character (Terraform's `$${`, a
   * heredoc's removed indentation): pairs [value index, offset from start] at the start of each run in
   * which value and source advance together, the last being [value.length, content end]. Absent when
   * the content is the value, or the format cannot say.
   */
  readonly offsets?: readonly number[];
}

export interface NumberNode extends NodeBase {
  readonly kind: 'number';
  readonly value: number;
  /** The source spelling: IAM compares condition values as text. */
  readonly raw: string;
}

export interface BooleanNode extends NodeBase {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface NullNode extends NodeBase {
  readonly kind: 'null';
}

/**
 * A value whose content is decided elsewhere: a CloudFormation intrinsic (`!Sub`, `{"Fn::If": …}`,
 * `Ref`) or a YAML alias. Rules treat it as "could be anything valid" and never report it.
 */
export interface OpaqueNode extends NodeBase {
  readonly kind: 'opaque';
  /** Normalised long form: `Ref`, `Fn::Sub`, `Fn::If`, …; `*alias` for YAML aliases; the tag otherwise. */
  readonly name: string;
  argument: ValueNode | undefined;
}

/** A scalar as IAM reads it: strings, numbers and booleans all compare as text. */
export function scalarText(node: ValueNode | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'number':
      return node.raw;
    case 'boolean':
      return node.value ? 'true' : 'false';
    default:
      return undefined;
  }
}

export function getProperty(node: ValueNode | undefined, name: string): PropertyNode | undefined {
  if (node?.kind !== 'object') return undefined;
  for (const p of node.properties) if (p.key.value === name) return p;
  return undefined;
}

export function getValue(node: ValueNode | undefined, name: string): ValueNode | undefined {
  return getProperty(node, name)?.value;
}

/** A single value or the items of an array: IAM accepts both wherever a list is expected. */
export function listItems(node: ValueNode | undefined): ValueNode[] {
  if (!node) return [];
  return node.kind === 'array' ? node.items : [node];
}

/** The range of a string's content, without its quotes. */
export function contentRange(node: StringNode): { start: number; end: number } {
  if (!node.quote) return { start: node.start, end: node.end };
  const end = node.end - node.start >= 2 ? node.end - 1 : node.end;
  return { start: node.start + 1, end: Math.max(node.start + 1, end) };
}

/** The source offset of a value index of a string, where that can be told: through its offsets, or when its content is its value. */
export function sourceOffsetAt(node: StringNode, index: number): number | undefined {
  const offsets = node.offsets;
  if (offsets) {
    let low = 0;
    let high = offsets.length / 2 - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (offsets[mid * 2]! <= index) low = mid;
      else high = mid - 1;
    }
    return node.start + offsets[low * 2 + 1]! + (index - offsets[low * 2]!);
  }
  const content = contentRange(node);
  return content.end - content.start === node.value.length ? content.start + index : undefined;
}

/** The value index at a source offset inside a string, where that can be told (an offset inside an escape goes to the escape's end). */
export function valueIndexAt(node: StringNode, offset: number): number | undefined {
  const offsets = node.offsets;
  if (offsets) {
    const relative = offset - node.start;
    let index = 0;
    for (let i = 0; i < offsets.length; i += 2) {
      if (offsets[i + 1]! > relative) break;
      const next = offsets[i + 2];
      index = Math.min(offsets[i]! + (relative - offsets[i + 1]!), next ?? Infinity);
    }
    return Math.max(0, Math.min(index, node.value.length));
  }
  const content = contentRange(node);
  if (content.end - content.start !== node.value.length) return undefined;
  return Math.max(0, Math.min(offset - content.start, node.value.length));
}

/** The source range of the value's characters [start, end), where that can be told. */
export function sourceRangeOf(node: StringNode, start: number, end: number): { start: number; end: number } | undefined {
  const from = sourceOffsetAt(node, start);
  const to = sourceOffsetAt(node, end);
  return from === undefined || to === undefined ? undefined : { start: from, end: to };
}

export function containsOffset(node: { start: number; end: number }, offset: number): boolean {
  return offset >= node.start && offset <= node.end;
}

export function describeKind(node: ValueNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'null':
      return node.start === node.end ? 'empty' : 'null';
    case 'opaque':
      return `a CloudFormation ${node.name}`;
  }
}

/**
 * A deep copy of a value with every offset moved by delta: the unchanged part of a document after an
 * edit, when only the policy the edit falls in is read again (splice.ts).
 */
export function moveTree<T extends ValueNode>(node: T, delta: number): T {
  return move(node, delta) as T;
}

function move(node: ValueNode, delta: number): ValueNode {
  const start = node.start + delta;
  const end = node.end + delta;
  switch (node.kind) {
    case 'object': {
      const object: ObjectNode = { ...node, start, end, properties: [], parent: undefined };
      if (node.commas) object.commas = node.commas.map((c) => c + delta);
      for (const property of node.properties) object.properties.push(moveProperty(property, object, delta));
      return object;
    }
    case 'array': {
      const array: ArrayNode = { ...node, start, end, items: [], parent: undefined };
      if (node.commas) array.commas = node.commas.map((c) => c + delta);
      for (const item of node.items) {
        const moved = move(item, delta);
        moved.parent = array;
        array.items.push(moved);
      }
      return array;
    }
    case 'opaque': {
      const opaque: OpaqueNode = { ...node, start, end, parent: undefined, argument: undefined };
      if (node.argument) {
        opaque.argument = move(node.argument, delta);
        opaque.argument.parent = opaque;
      }
      return opaque;
    }
    default:
      return { ...node, start, end, parent: undefined };
  }
}

function moveProperty(property: PropertyNode, parent: ObjectNode, delta: number): PropertyNode {
  const key: StringNode = { ...property.key, start: property.key.start + delta, end: property.key.end + delta };
  const moved: PropertyNode = { ...property, key, start: property.start + delta, end: property.end + delta, value: undefined, parent };
  if (property.colon !== undefined) moved.colon = property.colon + delta;
  key.parent = moved;
  if (property.value) {
    moved.value = move(property.value, delta);
    moved.value.parent = moved;
  }
  return moved;
}
