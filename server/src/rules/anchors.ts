// Where to point when something is missing: the nearest thing the user can see and fix.
import type { Policy, Statement } from '../model/policy';
import type { ObjectNode, PropertyNode, ValueNode } from '../model/tree';
import type { Range } from './rule';

/** The key that holds the policy (`PolicyDocument:`), or the policy's opening brace. */
export function policyAnchor(policy: Policy): Range {
  return holderKey(policy.node) ?? firstKeyOrBrace(policy.node);
}

/** The statement's first key (Sid, Effect, …) or its brace: a missing element belongs to it. */
export function statementAnchor(statement: Statement): Range {
  return firstKeyOrBrace(statement.node);
}

export function keyRange(property: PropertyNode): Range {
  return { start: property.key.start, end: property.key.end };
}

/** A value's range, or the key's when the value is still missing. */
export function valueRange(property: PropertyNode): Range {
  return property.value ?? keyRange(property);
}

function holderKey(node: ValueNode): Range | undefined {
  const parent = node.parent;
  return parent?.kind === 'property' ? keyRange(parent) : undefined;
}

function firstKeyOrBrace(node: ObjectNode): Range {
  const first = node.properties[0];
  return first ? keyRange(first) : { start: node.start, end: Math.min(node.end, node.start + 1) };
}
