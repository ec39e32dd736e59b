// The IAM view of the tree: policies → statements → elements → values. Built once per document
// version; rules and features read it and never walk the raw tree to find IAM structure.
import { parseActions, type CatalogDerived, type ParsedAction } from '../iam/action';
import type { FormatWriter } from './format';
import { getProperty, listItems, type ObjectNode, type OpaqueNode, type PropertyNode, type StringNode, type ValueNode } from './tree';

/** identity: attached to a user, group or role; trust: a role's AssumeRolePolicyDocument; resource: on a resource. */
export type PolicyKind = 'identity' | 'trust' | 'resource';

/** A template parameter a policy may refer to with Ref or Fn::Sub, and its default. */
export interface TemplateParameter {
  readonly name: string;
  readonly type: string | undefined;
  /** The Default, as text; a CommaDelimitedList's as its items. */
  readonly default: string | readonly string[] | undefined;
}

export type PolicyOrigin =
  | { readonly format: 'standalone' }
  | {
      readonly format: 'cloudformation';
      readonly logicalId: string;
      readonly resourceType: string;
      /** Where in the resource's Properties the policy sits, e.g. `Policies[1].PolicyDocument`. */
      readonly path: string;
      readonly policyName: string | undefined;
      /** The template's Parameters, by name. */
      readonly parameters: ReadonlyMap<string, TemplateParameter>;
    }
  | {
      readonly format: 'terraform';
      /** The Terraform type: `aws_iam_role_policy`, `aws_iam_policy_document` (a data source). */
      readonly resourceType: string;
      /** `aws_iam_role.agent`, `data.aws_iam_policy_document.agent`. */
      readonly address: string;
      /** The argument that holds the policy, e.g. `assume_role_policy`, `inline_policy[0].policy`; empty for a data source. */
      readonly path: string;
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
  readonly traits: PolicyTraits;
}

/** What the place a policy is found in says of it, beyond its kind. */
export interface PolicyTraits {
  /** It applies to the resource it is attached to and names none itself (an ECR repository policy). */
  readonly impliedResource?: boolean;
  /** It filters requests (through a VPC endpoint, of an organization's accounts) and grants nothing by itself. */
  readonly filter?: boolean;
  /** Only its statements are written, under this key; the rest of the document is generated (SAM's CustomStatements). */
  readonly statementsKey?: string;
  /** Resource shorthands the service expands (API Gateway writes the API's ARN for `execute-api:/…`). */
  readonly resourceShorthand?: string;
  /** The size quota where it is not an identity's (an AWS IoT policy: 2,048 characters). */
  readonly quota?: { readonly limit: number; readonly what: string };
  /** The syntax the policy is written in, where it is not the document's own (JSON in a Terraform heredoc, a policy document data source's blocks). */
  readonly writer?: FormatWriter;
  /** Elements the place fills in when they are not written (Terraform's policy document: Version 2012-10-17, Effect Allow). */
  readonly implied?: { readonly version?: string; readonly effect?: string };
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

/** A branch taken to reach a statement: which side of which Fn::If. */
export interface BranchChoice {
  readonly condition: OpaqueNode;
  readonly side: 1 | 2;
}

export interface Statement {
  readonly policy: Policy;
  readonly index: number;
  /** The Fn::If branches the statement sits in: only one side of each is ever deployed. */
  readonly branches: readonly BranchChoice[];
  readonly node: ObjectNode;
  readonly elements: Partial<Record<StatementElementName, PropertyNode>>;
  readonly unknownElements: PropertyNode[];
  readonly conditions: ConditionOperatorEntry[];
  /** actionEntries' memo: filled on first use. */
  readonly parsedEntries: { Action?: readonly ActionEntry[]; NotAction?: readonly ActionEntry[] };
  /** What facts/statement-facts.ts derives from the Action entries with a catalogue, kept here: a side table keyed by statement cost a probe per statement and rule. */
  actionFacts: CatalogDerived | undefined;
}

/** A string entry of Action or NotAction, with its parse. */
export interface ActionEntry {
  readonly node: StringNode;
  readonly parsed: ParsedAction;
}

/**
 * The string entries of a statement's Action or NotAction, each parsed once per statement: half a dozen
 * rules and features read every entry. Kept on the statement: a memo keyed by it, whose values hold its
 * own nodes, would make every garbage collection trace each entry again.
 */
export function actionEntries(statement: Statement, element: 'Action' | 'NotAction'): readonly ActionEntry[] {
  let entries = statement.parsedEntries[element];
  if (!entries) {
    const nodes: StringNode[] = [];
    for (const node of elementValues(statement, element)) if (node.kind === 'string') nodes.push(node);
    const parses = parseActions(nodes.map((node) => node.value));
    statement.parsedEntries[element] = entries = nodes.map((node, i) => ({ node, parsed: parses[i]! }));
  }
  return entries;
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
  return branchesOf(node, []).map((b) => b.node);
}

/** The values an Fn::If may deploy, each with the sides taken to reach it. */
function branchesOf(node: ValueNode | undefined, taken: readonly BranchChoice[]): Array<{ node: ValueNode; branches: readonly BranchChoice[] }> {
  if (!node) return [];
  if (node.kind === 'opaque' && node.name === 'Fn::If') {
    const args = node.argument?.kind === 'array' ? node.argument.items : [];
    return [...branchesOf(args[1], [...taken, { condition: node, side: 1 }]), ...branchesOf(args[2], [...taken, { condition: node, side: 2 }])];
  }
  if (isNoValue(node)) return [];
  return [{ node, branches: taken }];
}

/**
 * Does IAM resolve policy variables in this policy? Only under Version 2012-10-17 ("IAM JSON policy
 * elements: Version"); a Version decided at deploy time, or a document a generator completes (SAM
 * writes 2012-10-17 around CustomStatements), is taken to be that version.
 */
export function resolvesVariables(policy: Policy): boolean {
  if (policy.traits.statementsKey) return true;
  const value = policy.version?.value;
  return value?.kind === 'opaque' || (value?.kind === 'string' && value.value === '2012-10-17');
}

/** Can two statements be deployed together? Not when they sit on the two sides of one Fn::If. */
export function coexist(a: Statement, b: Statement): boolean {
  return !a.branches.some((x) => b.branches.some((y) => x.condition === y.condition && x.side !== y.side));
}

function isNoValue(node: ValueNode): boolean {
  const opaque = node as OpaqueNode;
  return node.kind === 'opaque' && opaque.name === 'Ref' && opaque.argument?.kind === 'string' && opaque.argument.value === 'AWS::NoValue';
}

export function buildPolicy(node: ObjectNode, kind: PolicyKind, origin: PolicyOrigin, label: string, traits: PolicyTraits = {}): Policy {
  const statements: Statement[] = [];
  const unknownElements: PropertyNode[] = [];
  // Where only the statements are written, the other keys belong to the generator, not to the policy.
  if (!traits.statementsKey) {
    for (const property of node.properties) {
      if (!(POLICY_ELEMENTS as readonly string[]).includes(property.key.value)) unknownElements.push(property);
    }
  }
  const statementProperty = getProperty(node, traits.statementsKey ?? 'Statement');
  const policy: Policy = {
    kind,
    origin,
    node,
    version: getProperty(node, 'Version') ?? impliedProperty(node, 'Version', traits.implied?.version),
    id: getProperty(node, 'Id'),
    statementProperty,
    statements,
    unknownElements,
    label,
    traits,
  };
  let index = 0;
  for (const item of listItems(statementProperty?.value)) {
    for (const candidate of branchesOf(item, [])) {
      if (candidate.node.kind === 'object') statements.push(buildStatement(policy, candidate.node, index, candidate.branches));
    }
    index++;
  }
  return policy;
}

function buildStatement(policy: Policy, node: ObjectNode, index: number, branches: readonly BranchChoice[]): Statement {
  const elements: Partial<Record<StatementElementName, PropertyNode>> = {};
  const unknownElements: PropertyNode[] = [];
  for (const property of node.properties) {
    const name = property.key.value;
    if ((STATEMENT_ELEMENTS as readonly string[]).includes(name)) {
      // A duplicate key is reported by the reader; the first occurrence is the one IAM would see.
      elements[name as StatementElementName] ??= property;
    } else unknownElements.push(property);
  }
  elements.Effect ??= impliedProperty(node, 'Effect', policy.traits.implied?.effect);
  return {
    policy,
    index,
    branches,
    node,
    elements,
    unknownElements,
    conditions: buildConditions(elements.Condition),
    parsedEntries: {},
    actionFacts: undefined,
  };
}

/**
 * An element the place fills in: a zero-width property at the start of its object, not among the
 * object's own properties (so completion still offers to write it).
 */
function impliedProperty(object: ObjectNode, name: string, value: string | undefined): PropertyNode | undefined {
  if (value === undefined) return undefined;
  const at = object.start;
  const key: StringNode = { kind: 'string', value: name, start: at, end: at, quote: undefined, closed: true, parent: undefined };
  const property: PropertyNode = { kind: 'property', key, value: undefined, start: at, end: at, parent: object };
  property.value = { kind: 'string', value, start: at, end: at, quote: undefined, closed: true, parent: property };
  key.parent = property;
  return property;
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
