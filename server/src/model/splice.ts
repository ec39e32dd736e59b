// Reads again only the policy an edit falls in. While a person types in a big template, completion and
// hover answer from this model instead of waiting for a parse of the whole text; diagnostics still come
// from a full parse once typing pauses. Where the edit is not inside one policy, or may have moved a
// policy's bounds, there is no splice and the caller parses the whole text.
import type { PolicyDocument } from './document';
import { LineIndex } from './lines';
import { buildPolicy, type Policy } from './policy';
import type { SyntaxProblem } from './problems';
import { moveTree, type ObjectNode } from './tree';

/** What changed between two texts: [start, oldEnd) of the old text became [start, newEnd) of the new. */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

const CHUNK = 4096;

/** The one range two texts differ in, from their common prefix and suffix; undefined when they are equal. */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  // Whole chunks first: comparing slices is a memory compare, much faster than a loop of characters.
  while (prefix + CHUNK <= shortest && before.slice(prefix, prefix + CHUNK) === after.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const room = shortest - prefix;
  let suffix = 0;
  while (
    suffix + CHUNK <= room &&
    before.slice(before.length - suffix - CHUNK, before.length - suffix) === after.slice(after.length - suffix - CHUNK, after.length - suffix)
  )
    suffix += CHUNK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/** The model of `text`, made from `previous` by reading again only the policy the change falls in; undefined when that cannot be done safely. */
export function spliceDocument(previous: PolicyDocument, text: string): PolicyDocument | undefined {
  const { format } = previous;
  if (!format.valueExtent || !format.parseFragment) return undefined;
  const change = textChange(previous.text, text);
  if (!change) return previous;
  const delta = change.newEnd - change.oldEnd;
  const target = changedPolicy(previous, change);
  if (!target) return undefined;
  const extent = format.valueExtent(previous.text, target.node, target);
  // The policy's first character and everything from the end of its extent on are unchanged: its bounds are known.
  if (extent === undefined || change.oldEnd >= extent) return undefined;
  const fragment = format.parseFragment(text, target.node.start, extent + delta, target);
  if (!fragment || fragment.root.kind !== 'object') return undefined;
  fragment.root.parent = target.node.parent;
  const policies: Policy[] = [];
  for (const policy of previous.policies) {
    if (policy === target) policies.push(rebuild(policy, fragment.root));
    else if (policy.node.end <= change.start) policies.push(policy);
    else policies.push(rebuild(policy, moveNode(policy.node, delta)));
  }
  const problems: SyntaxProblem[] = [];
  for (const problem of previous.problems) {
    if (problem.end <= target.node.start) problems.push(problem);
    else if (problem.start >= extent) problems.push({ ...problem, start: problem.start + delta, end: problem.end + delta });
  }
  problems.push(...fragment.problems);
  problems.sort((a, b) => a.start - b.start);
  // Where the policy and its neighbourhood read without a problem, before and after, its problems are all
  // a full parse would find there; a problem near another may depend on text the policy read alone
  // cannot see (YAML reports "A block sequence may not be used as an implicit map key" inside a policy
  // for a line after it, and "All mapping items must start at the same column" at its end for the line
  // below). Only a clean splice of a clean model stands in for a full parse in diagnostics.
  const clean =
    (previous.spliced === undefined || previous.spliced.clean) &&
    fragment.problems.length === 0 &&
    !previous.problems.some((p) => p.end >= target.node.start && p.start <= extent);
  const lines = LineIndex.afterEdit(previous.lines, text, change.start, change.oldEnd, change.newEnd);
  return { ...previous, text, lines, problems, policies, spliced: { start: target.node.start, end: extent + delta, clean } };
}

/** The one policy that holds the whole change, after its first character; undefined when the change touches any other. */
function changedPolicy(document: PolicyDocument, change: TextChange): Policy | undefined {
  let found: Policy | undefined;
  for (const policy of document.policies) {
    const { start, end } = policy.node;
    if (end < change.start || start > change.oldEnd) continue;
    // A root policy is the whole document: reading it again is a full parse.
    if (found || !policy.node.parent || start >= change.start) return undefined;
    found = policy;
  }
  return found;
}

function rebuild(policy: Policy, node: ObjectNode): Policy {
  return buildPolicy(node, policy.kind, policy.origin, policy.label, policy.traits);
}

/** A policy after the change, moved; its key moves with it, as the document outline names the policy by it. */
function moveNode(node: ObjectNode, delta: number): ObjectNode {
  const moved = moveTree(node, delta);
  const parent = node.parent;
  if (parent?.kind === 'property') {
    const key = { ...parent.key, start: parent.key.start + delta, end: parent.key.end + delta };
    const property = { ...parent, key, start: parent.start + delta, end: parent.end + delta, value: moved };
    key.parent = property;
    moved.parent = property;
  } else moved.parent = parent;
  return moved;
}
