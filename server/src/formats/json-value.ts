// A policy given as a value (JSON.parse output, or an object from a library caller) in the same tree
// shape as the readers produce, without source ranges: the fast path for simulation.
import { addProperty, foldIntrinsic } from '../model/builder';
import type { PolicyDocument } from '../model/document';
import { LineIndex } from '../model/lines';
import type { SyntaxProblem } from '../model/problems';
import type { ArrayNode, ObjectNode, PropertyNode, ValueNode } from '../model/tree';
import { findPolicies } from './cloudformation';
import { jsonFormat } from './json';

const MAX_DEPTH = 1000;

export function documentFromValue(value: unknown): PolicyDocument {
  const problems: SyntaxProblem[] = [];
  const root = convert(value, problems, 0);
  const roots = root ? [root] : [];
  const { policies, isTemplate } = findPolicies(roots);
  return { text: '', format: jsonFormat, lines: new LineIndex(''), roots, problems, policies, isTemplate };
}

function convert(value: unknown, problems: SyntaxProblem[], depth: number): ValueNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  // Plain literals (no spreads): this is the hot path of every library simulation.
  if (typeof value === 'string') return { kind: 'string', value, quote: '"', closed: true, start: 0, end: 0, parent: undefined };
  if (typeof value === 'number') return { kind: 'number', value, raw: String(value), start: 0, end: 0, parent: undefined };
  if (typeof value === 'boolean') return { kind: 'boolean', value, start: 0, end: 0, parent: undefined };
  if (value === null) return { kind: 'null', start: 0, end: 0, parent: undefined };
  if (Array.isArray(value)) {
    const array: ArrayNode = { kind: 'array', style: 'flow', items: [], start: 0, end: 0, parent: undefined };
    for (const item of value) {
      const node = convert(item, problems, depth + 1);
      if (node) {
        node.parent = array;
        array.items.push(node);
      }
    }
    return array;
  }
  if (typeof value === 'object') {
    const object: ObjectNode = { kind: 'object', style: 'flow', properties: [], start: 0, end: 0, parent: undefined };
    for (const key of Object.keys(value as Record<string, unknown>)) {
      const entry = (value as Record<string, unknown>)[key];
      const keyNode = { kind: 'string' as const, value: key, quote: '"' as const, closed: true, start: 0, end: 0, parent: undefined };
      const property: PropertyNode = { kind: 'property', key: keyNode, value: convert(entry, problems, depth + 1), start: 0, end: 0, parent: object };
      keyNode.parent = property as never;
      if (property.value) property.value.parent = property;
      addProperty(object, property, problems);
    }
    return foldIntrinsic(object);
  }
  return undefined;
}
