// Whole documents to start from: a policy, and CloudFormation templates that hold one. Offered by
// completion in an empty document and by the "New policy" command; each format writes them (Terraform
// as the resources and data source that hold the same policies).
import { DEFAULT_SERVICE } from '../catalog/catalog';
import type { Format } from '../model/format';
import { choice, list, object, stop, text, type Layout, type SkeletonParts, type SnippetValue, type WrittenSkeleton } from '../model/snippet';

export type SkeletonKind = SkeletonParts['kind'];

export interface Skeleton {
  readonly kind: SkeletonKind;
  readonly label: string;
  readonly detail: string;
  /** The whole document as a value: the policy, or a CloudFormation template holding it. */
  readonly value: SnippetValue;
  /** The same policies for a format that writes their holders itself. */
  readonly parts: SkeletonParts;
}

/** A statement whose tab stops start at `first`. */
function statement(first: number): SnippetValue {
  return object(
    ['Sid', stop(first, 'Statement')],
    ['Effect', choice(first + 1, 'Allow', 'Deny')],
    ['Action', list(stop(first + 2, `${DEFAULT_SERVICE}:GetDomain`))],
    ['Resource', list(stop(first + 3, '*'))],
  );
}

function policy(first: number): SnippetValue {
  return object(['Version', text('2012-10-17')], ['Statement', list(statement(first))]);
}

const TEMPLATE_VERSION = ['AWSTemplateFormatVersion', text('2010-09-09')] as const;

const TRUST: SnippetValue = object(
  ['Version', text('2012-10-17')],
  [
    'Statement',
    list(object(['Effect', text('Allow')], ['Principal', object(['Service', stop(2, 'lambda.amazonaws.com')])], ['Action', text('sts:AssumeRole')])),
  ],
);

const PARTS: Readonly<Record<SkeletonKind, SkeletonParts>> = {
  // A policy on its own has no name in JSON or YAML: its statement's stops come first, and a name (Terraform's) last.
  policy: { kind: 'policy', nameStop: 5, policy: policy(1) },
  'managed-policy': { kind: 'managed-policy', nameStop: 1, policy: policy(2) },
  role: { kind: 'role', nameStop: 1, trust: TRUST, policyNameStop: 3, policy: policy(4) },
};

export const SKELETONS: readonly Skeleton[] = [
  { kind: 'policy', label: 'IAM policy', detail: 'Version and one statement', value: PARTS.policy.policy, parts: PARTS.policy },
  {
    kind: 'managed-policy',
    label: 'CloudFormation: managed policy',
    detail: 'AWS::IAM::ManagedPolicy with its policy document',
    value: object(TEMPLATE_VERSION, [
      'Resources',
      object([
        stop(1, 'ProfilesPolicy'),
        object(['Type', text('AWS::IAM::ManagedPolicy')], ['Properties', object(['PolicyDocument', PARTS['managed-policy'].policy])]),
      ]),
    ]),
    parts: PARTS['managed-policy'],
  },
  {
    kind: 'role',
    label: 'CloudFormation: role with a policy',
    detail: 'AWS::IAM::Role: who may assume it, and an inline policy',
    value: object(TEMPLATE_VERSION, [
      'Resources',
      object([
        stop(1, 'ProfilesRole'),
        object(
          ['Type', text('AWS::IAM::Role')],
          [
            'Properties',
            object(['AssumeRolePolicyDocument', TRUST], ['Policies', list(object(['PolicyName', stop(3, 'Profiles')], ['PolicyDocument', PARTS.role.policy]))]),
          ],
        ),
      ]),
    ]),
    parts: PARTS.role,
  },
];

/** The skeleton as the format writes it: its own constructs where it has them (Terraform), else the value. */
export function writeSkeleton(skeleton: Skeleton, format: Format, layout: Layout): WrittenSkeleton {
  return format.skeleton?.(skeleton.parts, layout) ?? { label: skeleton.label, detail: skeleton.detail, snippet: format.writer.value(skeleton.value, layout) };
}

export function skeleton(kind: SkeletonKind): Skeleton {
  return SKELETONS.find((s) => s.kind === kind)!;
}
