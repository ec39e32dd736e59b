// Policy size against IAM's quotas, counted as IAM counts: characters other than white space.
import type { Policy } from '../model/policy';
import { policyAnchor } from './anchors';
import { defineRules, type RuleSpecs } from './rule';

/** Managed policies: 6,144. Inline policies share an aggregate quota per identity; the role's is the largest. */
function quotaOf(policy: Policy): { limit: number; what: string } | undefined {
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
      "IAM counts every character except white space: 6,144 for a managed policy; 10,240 (role), 5,120 (group) and 2,048 (user) for all of an identity's inline policies together. Split the policy or use wildcards.",
    references: ['Access Analyzer POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA'],
  },
} as const satisfies RuleSpecs;

export const sizeRules = defineRules({
  name: 'size',
  rules,
  checkPolicy(policy, context) {
    const quota = quotaOf(policy);
    if (!quota) return;
    const size = nonWhitespaceLength(context.document.text, policy.node.start, policy.node.end);
    // YAML is not what IAM stores: JSON adds quotes, commas and braces, so this is a lower bound there.
    if (size > quota.limit) {
      context.report(
        'policy-size',
        policyAnchor(policy),
        `The policy has ${size.toLocaleString('en-US')} characters without white space, over the ${quota.limit.toLocaleString('en-US')} allowed for ${quota.what}.`,
      );
    }
  },
});

function nonWhitespaceLength(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) count++;
  }
  return count;
}
