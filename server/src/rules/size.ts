// Policy size against IAM's quotas, counted as IAM counts: the characters of the JSON IAM receives,
// white space left out. Measured on the tree, not the source text, so the same policy has the same
// size written as JSON, as YAML or inside a CloudFormation template (which sends IAM JSON).
import type { Policy } from '../model/policy';
import type { ValueNode } from '../model/tree';
import { policyAnchor } from './anchors';
import { defineRules, type RuleSpecs } from './rule';

/** Managed policies: 6,144. Inline policies share an aggregate quota per identity; the role's is the largest. */
function quotaOf(policy: Policy): { limit: number; what: string } | undefined {
  if (policy.traits.quota) return policy.traits.quota;
  if (policy.kind !== 'identity') return undefined;
  if (policy.origin.format === 'standalone' || policy.origin.resourceType === 'AWS::IAM::ManagedPolicy') return { limit: 6144, what: 'a managed policy' };
  if (policy.origin.resourceType === 'AWS::IAM::User' || policy.origin.resourceType === 'AWS::IAM::UserPolicy')
    return { limit: 2048, what: "a user's inline policies" };
  if (policy.origin.resourceType === 'AWS::IAM::Group' || policy.origin.resourceType === 'AWS::IAM::GroupPolicy')
    return { limit: 5120, what: "a group's inline policies" };
  return { limit: 10240, what: "a role's inline policies" };
}

const rules = {
  'policy-size': {
    severity: 'warning',
    title: 'Policy over the IAM size quota',
    description:
      "IAM counts every character of the policy's JSON except white space: 6,144 for a managed policy; 10,240 (role), 5,120 (group) and 2,048 (user) for all of an identity's inline policies together. The count is taken from the policy's JSON form whatever it is written in, so a YAML policy or one in a CloudFormation template (which CloudFormation sends to IAM as JSON) gets the same figure; CloudFormation functions count as the text they are written with, Terraform expressions as the literal text they hold (a lower bound: `${var.region}` counts nothing). Split the policy or use wildcards.",
    references: ['Access Analyzer POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA'],
    corpus:
      "81 AWS managed policies are over 6,144 characters (`ReadOnlyAccess` has about 91,000): the quota binds customer managed policies, and AWS's own are exempt. The warning stands for a copy of one of them in a file of yours, which is what a file on disk is.",
  },
} as const satisfies RuleSpecs;

export const sizeRules = defineRules({
  name: 'size',
  rules,
  checkPolicy(policy, context) {
    const quota = quotaOf(policy);
    if (!quota) return;
    // Written out, a policy's JSON is never three times its source (quotes, commas, brackets): a short
    // policy cannot be over the quota, and needs no count.
    if ((policy.node.end - policy.node.start) * 3 < quota.limit) return;
    const size = jsonSize(policy.node);
    if (size > quota.limit) {
      context.report(
        'policy-size',
        policyAnchor(policy),
        `The policy has ${size.toLocaleString('en-US')} characters without white space, over the ${quota.limit.toLocaleString('en-US')} allowed for ${quota.what}.`,
      );
    }
  },
});

/** Characters of the value as minified JSON, white space inside strings left out too (IAM's count). */
export function jsonSize(node: ValueNode | undefined): number {
  if (!node) return 4; // a missing value is written as null
  switch (node.kind) {
    case 'object': {
      let size = 1 + Math.max(1, node.properties.length);
      for (const property of node.properties) size += stringSize(property.key.value) + 1 + jsonSize(property.value);
      return size;
    }
    case 'array': {
      let size = 1 + Math.max(1, node.items.length);
      for (const item of node.items) size += jsonSize(item);
      return size;
    }
    case 'string':
      return stringSize(node.value);
    case 'number':
      return nonWhitespace(node.raw);
    case 'boolean':
      return node.value ? 4 : 5;
    case 'null':
      return 4;
    case 'opaque': {
      // A CloudFormation function: counted as the text it is written with (!Sub's template, !Ref's
      // name), which is what the deployed value is built from; an estimate, not IAM's figure.
      const argument = node.argument?.kind === 'array' ? node.argument.items[0] : node.argument;
      return argument?.kind === 'string' ? stringSize(argument.value) : jsonSize(argument);
    }
  }
}

/** What makes a string's JSON differ from its length plus quotes: spaces, escapes, control characters, surrogates. */
const SPECIAL = /[ "\\\u0000-\u001f\ud800-\udfff]/;

/** The non-blank characters of a string as JSON writes it: its quotes, escapes, and no spaces (one pass, no copy). */
function stringSize(value: string): number {
  // Most strings (actions, ARNs, keys) have none of those: the native scan is several times the loop's speed.
  if (!SPECIAL.test(value)) return value.length + 2;
  let count = 2;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 32) continue;
    if (c === 34 || c === 92) count += 2;
    else if (c < 32) count += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate pair is written as is; a lone surrogate as \uXXXX.
      const pair = c <= 0xdbff ? value.charCodeAt(i + 1) >= 0xdc00 && value.charCodeAt(i + 1) <= 0xdfff : false;
      if (pair) {
        count += 2;
        i++;
      } else count += 6;
    } else count++;
  }
  return count;
}

function nonWhitespace(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) count++;
  }
  return count;
}
