// `data "aws_iam_policy_document"` read as the policy it generates, in the shape of the shared tree:
// `statement` blocks become Statement items, `actions` becomes Action, `principals { type, identifiers }`
// becomes Principal's entries, `condition { test, variable, values }` an operator with its key. Every
// key node covers the HCL that spells it (the `actions` name, the `test` and `variable` strings), so a
// finding lands on the attribute that is wrong, and completion there writes HCL.
import type { ArrayNode, ObjectNode, PropertyNode, StringNode, ValueNode } from '../model/tree';
import type { HclAttribute, HclBlock, HclBody, HclExpression } from './hcl-ast';
import { arrayOf, opaqueOf, stringOf, type StringReading } from './terraform-values';

/** A table of names read from the user's text: no inherited keys (`constructor` is no argument). */
function names(entries: Record<string, string>): Readonly<Record<string, string>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, string>, entries));
}

/** The data source's arguments for the policy and each statement, by the element they write. */
export const DOCUMENT_ATTRIBUTES = names({ version: 'Version', policy_id: 'Id' });
export const STATEMENT_ATTRIBUTES = names({
  sid: 'Sid',
  effect: 'Effect',
  actions: 'Action',
  not_actions: 'NotAction',
  resources: 'Resource',
  not_resources: 'NotResource',
});
export const STATEMENT_BLOCKS = names({ principals: 'Principal', not_principals: 'NotPrincipal', condition: 'Condition' });
/** The other way: the argument or block name that writes each element (the statements are `statement` blocks). */
export const ARGUMENT_OF_ELEMENT = names(
  Object.fromEntries([
    ...[DOCUMENT_ATTRIBUTES, STATEMENT_ATTRIBUTES, STATEMENT_BLOCKS].flatMap((table) =>
      Object.entries(table).map(([argument, element]) => [element, argument]),
    ),
    ['Statement', 'statement'],
  ]),
);

/** Arguments that merge statements from other documents: the statements are then partly decided elsewhere. */
const MERGING = new Set(['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json']);
/** Terraform's meta-arguments, which any data source may have. */
const META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle']);

/** The data source turns `&{…}` into `${…}`: IAM's policy variables, written so Terraform leaves them alone. */
export const readDocumentString: StringReading = (value) => (value.includes('&{') ? value.replace(/&\{/g, '${') : value);

export function documentPolicy(block: HclBlock, text: string): ObjectNode {
  const end = block.close !== undefined ? block.close + 1 : block.end;
  const policy = objectNode(block.open ?? block.start, end);
  const statements: HclBlock[] = [];
  let decidedElsewhere: { start: number; end: number } | undefined;
  for (const item of block.body.items) {
    if (item.kind === 'attribute') {
      if (MERGING.has(item.name.name)) decidedElsewhere ??= item;
      else if (!META.has(item.name.name)) add(policy, attributeProperty(item, DOCUMENT_ATTRIBUTES[item.name.name], text, false));
    } else if (item.kind === 'block') {
      if (item.type.name === 'statement') statements.push(item);
      else if (isDynamic(item, 'statement')) decidedElsewhere ??= item;
    }
  }
  if (statements.length > 0) {
    const first = statements[0]!;
    // The list runs on to the closing brace: a position after the statements is where another one goes.
    const listEnd = Math.max(statements[statements.length - 1]!.end, block.close ?? block.end);
    const list: ArrayNode = { kind: 'array', style: 'block', items: [], start: first.start, end: listEnd, parent: undefined };
    for (const statement of statements) {
      const node = statementNode(statement, text);
      node.parent = list;
      list.items.push(node);
    }
    add(policy, blockProperty('Statement', first, list));
  } else if (decidedElsewhere) {
    add(policy, blockProperty('Statement', decidedElsewhere, opaqueOf(decidedElsewhere, text)));
  }
  return policy;
}

function statementNode(block: HclBlock, text: string): ObjectNode {
  const node = objectNode(block.start, block.end);
  const blocks: Record<string, HclBlock[]> = { Principal: [], NotPrincipal: [], Condition: [] };
  const dynamic = new Set<string>();
  for (const item of block.body.items) {
    if (item.kind === 'attribute') {
      // The provider leaves an empty sid out of the JSON it makes: IAM sees no Sid.
      if (item.name.name === 'sid' && stringOf(item.value)?.value === '') continue;
      if (!META.has(item.name.name))
        add(node, attributeProperty(item, STATEMENT_ATTRIBUTES[item.name.name], text, item.name.name !== 'sid' && item.name.name !== 'effect'));
    } else if (item.kind === 'block') {
      const element = STATEMENT_BLOCKS[item.type.name];
      if (element) blocks[element]!.push(item);
      else if (item.type.name === 'dynamic' && STATEMENT_BLOCKS[item.labels[0]?.value ?? '']) dynamic.add(STATEMENT_BLOCKS[item.labels[0]!.value]!);
    }
  }
  for (const element of ['Principal', 'NotPrincipal'] as const) {
    const found = blocks[element]!;
    if (found.length > 0) add(node, blockProperty(element, found[0]!, principalsNode(found, text)));
    else if (dynamic.has(element)) add(node, blockProperty(element, block, opaqueOf(block, text)));
  }
  const conditions = blocks.Condition!;
  if (conditions.length > 0) add(node, blockProperty('Condition', conditions[0]!, conditionsNode(conditions, text, dynamic.has('Condition'))));
  node.properties.sort((a, b) => a.start - b.start);
  return node;
}

/** `principals { type = "AWS" identifiers = [...] }` blocks: one entry each, keyed by its type string. */
function principalsNode(blocks: readonly HclBlock[], text: string): ValueNode {
  const node = objectNode(blocks[0]!.start, blocks[blocks.length - 1]!.end);
  let computed = false;
  for (const block of blocks) {
    const type = attributeOf(block.body, 'type');
    const identifiers = attributeOf(block.body, 'identifiers');
    const key = type && stringOf(type.value, readDocumentString);
    if (!key) {
      computed ||= type !== undefined;
      continue;
    }
    const property: PropertyNode = { kind: 'property', key, value: undefined, start: block.start, end: block.end, parent: node, colon: type!.equals! + 1 };
    key.parent = property;
    if (identifiers) setValue(property, listValue(identifiers.value, text));
    node.properties.push(property);
  }
  return computed && node.properties.length === 0 ? opaqueOf(node, text) : node;
}

/**
 * `condition { test, variable, values }` blocks: one operator each, keyed by its `test` string, whose
 * one key is the `variable` string. (The data source merges blocks with the same test into one
 * operator; as separate operators they mean the same, every key must hold, and each block keeps its
 * own place for completion.) A block whose test is computed is left out, and when nothing is left the
 * Condition is opaque, not empty; one whose variable is computed has an operator whose keys are opaque.
 */
function conditionsNode(blocks: readonly HclBlock[], text: string, dynamic: boolean): ValueNode {
  const node = objectNode(blocks[0]!.start, blocks[blocks.length - 1]!.end);
  let computed = dynamic;
  for (const block of blocks) {
    const test = attributeOf(block.body, 'test');
    const operator = test && stringOf(test.value);
    if (!operator) {
      computed ||= test !== undefined;
      // A word typed alone in a block with no test yet (`te`): the operator being written, so that a
      // completion replaces the word.
      const typed = test ? undefined : block.body.items.find((item): item is HclAttribute => item.kind === 'attribute' && item.equals === undefined);
      if (typed) node.properties.push(typedProperty(typed, block, node));
      continue;
    }
    const keys = objectNode(keysStart(block, test!), block.end);
    const property: PropertyNode = { kind: 'property', key: operator, value: keys, start: block.start, end: block.end, parent: node, colon: test!.equals! + 1 };
    operator.parent = property;
    keys.parent = property;
    const variable = attributeOf(block.body, 'variable');
    const values = attributeOf(block.body, 'values');
    const key = variable && stringOf(variable.value, readDocumentString);
    if (key) {
      const entry: PropertyNode = {
        kind: 'property',
        key,
        value: undefined,
        start: Math.min(variable!.start, values?.start ?? Infinity),
        end: Math.max(variable!.end, values?.end ?? 0),
        parent: keys,
        colon: variable!.equals! + 1,
      };
      key.parent = entry;
      if (values) setValue(entry, listValue(values.value, text));
      keys.properties.push(entry);
    } else if (variable) {
      // A key named in part at apply time (`aws:ResourceTag/${var.tag}`): the operator has a key, not known here.
      const decided = opaqueOf(variable.value, text);
      decided.parent = property;
      property.value = decided;
    } else {
      // A word typed alone among the keys (`va`): the key being written, so that a completion replaces it.
      const typed = block.body.items.find((item): item is HclAttribute => item.kind === 'attribute' && item.equals === undefined);
      if (typed && typed.start >= keys.start) keys.properties.push(typedProperty(typed, typed, keys));
    }
    node.properties.push(property);
  }
  return computed && node.properties.length === 0 ? opaqueOf(node, text) : node;
}

/**
 * A property named by a word typed alone on its line, with no value yet (an operator over its block, a
 * key over the word).
 */
function typedProperty(typed: HclAttribute, span: { start: number; end: number }, parent: ObjectNode): PropertyNode {
  const { name } = typed;
  const key: StringNode = { kind: 'string', value: name.name, start: name.start, end: name.end, quote: undefined, closed: true, parent: undefined };
  const property: PropertyNode = { kind: 'property', key, value: undefined, start: span.start, end: span.end, parent };
  key.parent = property;
  return property;
}

/**
 * Where an operator's keys start: after its `test` argument when that comes first, as it does (so a
 * position on the test string is on the operator, and anywhere after it among the keys).
 */
function keysStart(block: HclBlock, test: HclAttribute): number {
  const others = block.body.items.filter((item) => item !== test);
  return others.every((item) => item.start >= test.end) ? test.end : block.start;
}

/** An argument as an element: the key is the argument's name, read as the element it writes (or as written, for an unknown one). */
function attributeProperty(attribute: HclAttribute, element: string | undefined, text: string, list: boolean): PropertyNode {
  const { name } = attribute;
  const key: StringNode = { kind: 'string', value: element ?? name.name, start: name.start, end: name.end, quote: undefined, closed: true, parent: undefined };
  const property: PropertyNode = {
    kind: 'property',
    key,
    value: undefined,
    start: attribute.start,
    end: attribute.end,
    parent: undefined as unknown as ObjectNode,
  };
  if (attribute.equals !== undefined) property.colon = attribute.equals + 1;
  key.parent = property;
  if (attribute.value.kind !== 'missing') setValue(property, list ? listValue(attribute.value, text) : scalarValue(attribute.value, text));
  return property;
}

/** A property for one or more blocks: its key is the first block's type name. */
function blockProperty(element: string, first: { start: number; end: number; type?: { start: number; end: number } }, value: ValueNode): PropertyNode {
  const keyRange = first.type ?? first;
  const key: StringNode = { kind: 'string', value: element, start: keyRange.start, end: keyRange.end, quote: undefined, closed: true, parent: undefined };
  const property: PropertyNode = {
    kind: 'property',
    key,
    value: undefined,
    start: first.start,
    end: Math.max(value.end, keyRange.end),
    parent: undefined as unknown as ObjectNode,
  };
  key.parent = property;
  setValue(property, value);
  return property;
}

/** A list argument (`actions = [...]`): its strings, or opaque where computed (`var.actions`, `concat(…)`). */
function listValue(expression: HclExpression, text: string): ValueNode {
  if (expression.kind !== 'tuple') return scalarValue(expression, text);
  return arrayOf(expression, (item) => (item.kind === 'missing' ? undefined : scalarValue(item, text)));
}

/** A string argument: Terraform turns a number or a bool written there into its text (`sid = 7` is "7"). */
function scalarValue(expression: HclExpression, text: string): ValueNode {
  if (expression.kind === 'number' || expression.kind === 'bool') {
    const { start, end } = expression;
    return { kind: 'string', value: text.slice(start, end), start, end, quote: undefined, closed: true, parent: undefined };
  }
  return stringOf(expression, readDocumentString) ?? opaqueOf(expression, text);
}

function attributeOf(body: HclBody, name: string): HclAttribute | undefined {
  for (const item of body.items) if (item.kind === 'attribute' && item.name.name === name) return item;
  return undefined;
}

function isDynamic(block: HclBlock, name: string): boolean {
  return block.type.name === 'dynamic' && block.labels[0]?.value === name;
}

function objectNode(start: number, end: number): ObjectNode {
  return { kind: 'object', style: 'block', properties: [], start, end, parent: undefined };
}

function add(object: ObjectNode, property: PropertyNode): void {
  property.parent = object;
  object.properties.push(property);
}

function setValue(property: PropertyNode, value: ValueNode): void {
  value.parent = property;
  property.value = value;
}
