// The IAM view of the tree: policies → statements → elements → values. Built once per document
// version; rules and features read it and never walk the raw tree to find IAM structure.
import { getProperty, listItems, type ObjectNode, type OpaqueNode, type PropertyNode, type StringNode, type ValueNode } from './tree';

/** identity: attached to a user, group or role; trust: a role's AssumeRolePolicyDocument; resource: on a resource. */
export type PolicyKind = 'identity' | 'trust' | 'resource';

export type PolicyOrigin =
  | { readonly format: 'standalone' }
  | {
      readonly format: 'cloudformation';
      readonly logicalId: string;
      readonly resourceType: string;
      /** Where in the resource's Properties the policy sits, e.g. `Policies[1].PolicyDocument`. */
      readonly path: string;
      readonly policyName: string | undefined;
    };

export const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
export type StatementElementName = (typeof STATEMENT_ELEMENTS)[number];

export const POLICY_ELEMENTS = ['Version', 'Id', 'Statement'] as const;

export interface Policy {
  readonly kind: PolicyKind;
  readonly origin: PolicyOrigin;
  readonly node: ObjectNode;
  readonly version: PropertyNode | undefined;
  readonly id: PropertyNode | undefined;
  readonly statementProperty: PropertyNode | undefined;
  readonly statements: Statement[];
  /** Properties of the policy object that are not policy elements. */
  readonly unknownElements: PropertyNode[];
  /** A human name: `ProfileAdminRole › ProfileAdmin` or the file's policy. */
  readonly label: string;
}

export interface ConditionKeyEntry {
  readonly property: PropertyNode;
  readonly key: StringNode;
  /** The values under the key; opaque ones are CloudFormation intrinsics. */
  readonly values: ValueNode[];
}

export interface ConditionOperatorEntry {
  readonly property: PropertyNode;
  readonly operator: StringNode;
  readonly keys: ConditionKeyEntry[];
}

export interface Statement {
  readonly policy: Policy;
  readonly index: number;
  readonly node: ObjectNode;
  readonly elements: Partial<Record<StatementElementName, PropertyNode>>;
  readonly unknownElements: PropertyNode[];
  readonly conditions: ConditionOperatorEntry[];
}

/** The values of a list element (Action, Resource, …), skipping nothing: callers decide on opaque ones. */
export function elementValues(statement: Statement, name: StatementElementName): ValueNode[] {
  return listItems(statement.elements[name]?.value);
}

export function elementString(statement: Statement, name: StatementElementName): string | undefined {
  const value = statement.elements[name]?.value;
  return value?.kind === 'string' ? value.value : undefined;
}

/** The branches a value may take: both sides of an Fn::If, minus AWS::NoValue; itself otherwise. */
export function alternatives(node: ValueNode | undefined): ValueNode[] {
  if (!node) return [];
  if (node.kind === 'opaque' && node.name === 'Fn::If') {
    const args = node.argument?.kind === 'array' ? node.argument.items : [];
    return [...alternatives(args[1]), ...alternatives(args[2])];
  }
  if (isNoValue(node)) return [];
  return [node];
}

function isNoValue(node: ValueNode): boolean {
  const opaque = node as OpaqueNode;
  return node.kind === 'opaque' && opaque.name === 'Ref' && opaque.argument?.kind === 'string' && opaque.argument.value === 'AWS::NoValue';
}

export function buildPolicy(node: ObjectNode, kind: PolicyKind, origin: PolicyOrigin, label: string): Policy {
  const statements: Statement[] = [];
  const unknownElements: PropertyNode[] = [];
  for (const property of node.properties) {
    if (!(POLICY_ELEMENTS as readonly string[]).includes(property.key.value)) unknownElements.push(property);
  }
  const statementProperty = getProperty(node, 'Statement');
  const policy: Policy = {
    kind,
    origin,
    node,
    version: getProperty(node, 'Version'),
    id: getProperty(node, 'Id'),
    statementProperty,
    statements,
    unknownElements,
    label,
  };
  let index = 0;
  for (const item of listItems(statementProperty?.value)) {
    for (const candidate of alternatives(item)) {
      if (candidate.kind === 'object') statements.push(buildStatement(policy, candidate, index));
    }
    index++;
  }
  return policy;
}

function buildStatement(policy: Policy, node: ObjectNode, index: number): Statement {
  const elements: Partial<Record<StatementElementName, PropertyNode>> = {};
  const unknownElements: PropertyNode[] = [];
  for (const property of node.properties) {
    const name = property.key.value;
    if ((STATEMENT_ELEMENTS as readonly string[]).includes(name)) {
      // A duplicate key is reported by the reader; the first occurrence is the one IAM would see.
      elements[name as StatementElementName] ??= property;
    } else unknownElements.push(property);
  }
  return { policy, index, node, elements, unknownElements, conditions: buildConditions(elements.Condition) };
}

function buildConditions(condition: PropertyNode | undefined): ConditionOperatorEntry[] {
  const block = condition?.value;
  if (block?.kind !== 'object') return [];
  return block.properties.map((property) => {
    const keysNode = property.value;
    const keys: ConditionKeyEntry[] =
      keysNode?.kind === 'object' ? keysNode.properties.map((k) => ({ property: k, key: k.key, values: listItems(k.value) })) : [];
    return { property, operator: property.key, keys };
  });
}
