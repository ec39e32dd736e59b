// Whole documents to start from: a policy, and CloudFormation templates that hold one. Offered by
// completion in an empty document and by the "New policy" command; each format writes them.
import { DEFAULT_SERVICE } from '../catalog/catalog';
import { choice, list, object, stop, text, type SnippetValue } from '../model/snippet';

export type SkeletonKind = 'policy' | 'managed-policy' | 'role';

export interface Skeleton {
  readonly kind: SkeletonKind;
  readonly label: string;
  readonly detail: string;
  readonly value: SnippetValue;
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

export const SKELETONS: readonly Skeleton[] = [
  { kind: 'policy', label: 'IAM policy', detail: 'Version and one statement', value: policy(1) },
  {
    kind: 'managed-policy',
    label: 'CloudFormation: managed policy',
    detail: 'AWS::IAM::ManagedPolicy with its policy document',
    value: object(TEMPLATE_VERSION, [
      'Resources',
      object([stop(1, 'ProfilesPolicy'), object(['Type', text('AWS::IAM::ManagedPolicy')], ['Properties', object(['PolicyDocument', policy(2)])])]),
    ]),
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
            object(
              [
                'AssumeRolePolicyDocument',
                object(
                  ['Version', text('2012-10-17')],
                  [
                    'Statement',
                    list(
                      object(
                        ['Effect', text('Allow')],
                        ['Principal', object(['Service', stop(2, 'lambda.amazonaws.com')])],
                        ['Action', text('sts:AssumeRole')],
                      ),
                    ),
                  ],
                ),
              ],
              ['Policies', list(object(['PolicyName', stop(3, 'Profiles')], ['PolicyDocument', policy(4)]))],
            ),
          ],
        ),
      ]),
    ]),
  },
];

export function skeleton(kind: SkeletonKind): Skeleton {
  return SKELETONS.find((s) => s.kind === kind)!;
}
