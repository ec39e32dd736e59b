// New Terraform documents, holding the same policies as the JSON and YAML skeletons: a policy on its own
// is a policy document data source; a managed policy an aws_iam_policy; a role an aws_iam_role with its
// trust policy and an aws_iam_role_policy beside it. Policies in resources are written in jsonencode(…),
// as the Terraform AWS provider's examples do.
import { stop, tabstopText, type Layout, type SkeletonParts, type SnippetValue, type WrittenSkeleton } from '../model/snippet';
import { documentWriter } from './terraform-document-writer';
import { objectWriter } from './terraform-writers';

const DEFAULT_NAME = 'profiles';

export function terraformSkeleton(parts: SkeletonParts, layout: Layout): WrittenSkeleton {
  const inner: Layout = { indent: layout.indent + layout.unit, unit: layout.unit };
  const name = (index: number) => tabstopText(stop(index, DEFAULT_NAME));
  const jsonencode = (policy: SnippetValue) => `jsonencode(${objectWriter.value(policy, inner)})`;
  const block = (header: string, lines: readonly string[]) => `${header} {\n${lines.map((line) => inner.indent + line).join('\n')}\n${layout.indent}}`;
  switch (parts.kind) {
    case 'policy': {
      const elements = parts.policy.kind === 'object' ? parts.policy.entries : [];
      return {
        label: 'Terraform: policy document',
        detail: 'data "aws_iam_policy_document" with one statement',
        snippet: block(`data "aws_iam_policy_document" "${name(parts.nameStop)}"`, [documentWriter.entries(elements, inner)]),
      };
    }
    case 'managed-policy':
      return {
        label: 'Terraform: managed policy',
        detail: 'aws_iam_policy with its policy in jsonencode',
        snippet: block(`resource "aws_iam_policy" "${name(parts.nameStop)}"`, [`policy = ${jsonencode(parts.policy)}`]),
      };
    case 'role': {
      const role = name(parts.nameStop);
      return {
        label: 'Terraform: role with a policy',
        detail: 'aws_iam_role: who may assume it, and an aws_iam_role_policy',
        snippet: [
          block(`resource "aws_iam_role" "${role}"`, [`assume_role_policy = ${jsonencode(parts.trust!)}`]),
          '',
          block(`resource "aws_iam_role_policy" "${name(parts.policyNameStop!)}"`, [
            `role   = aws_iam_role.$${parts.nameStop}.id`,
            `policy = ${jsonencode(parts.policy)}`,
          ]),
        ].join(`\n${layout.indent}`),
      };
    }
  }
}
