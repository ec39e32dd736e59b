// For every rule of the full catalogue: a policy where it fires (and the text it points at) and a
// close variant where it must not. Each runs in JSON and in YAML (rules.test.ts).

/** A policy object (rendered to both formats) or the two texts themselves, for syntax-level cases. */
export type Fixture = object | { readonly json: string; readonly yaml: string };

export interface RuleCase {
  readonly rule: string;
  readonly fires: Fixture;
  /** The source text of the reported range, quotes removed (per format where they differ). */
  readonly at: string | { readonly json: string; readonly yaml: string };
  readonly silent: Fixture;
}

export function isTexts(fixture: Fixture): fixture is { json: string; yaml: string } {
  return typeof (fixture as { json?: unknown }).json === 'string' && typeof (fixture as { yaml?: unknown }).yaml === 'string';
}

const ARN = 'arn:aws:profile:us-east-1:111122223333:domains/retail';
const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allow = (Action: unknown, Resource: unknown = '*', extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const when = (Condition: object, Action: unknown = 'profile:GetDomain') => policy(allow(Action, '*', { Condition }));
const resource = (Resource: unknown, Action: unknown = 'profile:GetDomain') => policy(allow(Action, Resource));

const trust = (statement: object) => ({ Resources: { R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: policy(statement) } } } });
const assume = { Effect: 'Allow', Principal: { Service: 'profile.amazonaws.com' }, Action: 'sts:AssumeRole' };

export const RULE_CASES: readonly RuleCase[] = [
  // syntax and structure
  {
    rule: 'syntax-error',
    fires: {
      json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",}]}',
      yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain: x\n    Resource: "*"\n',
    },
    // JSON: the brace after a trailing comma; YAML: the start of the mapping nested in a compact one.
    at: { json: '}', yaml: 'p' },
    silent: policy(allow('profile:GetDomain')),
  },
  {
    rule: 'duplicate-key',
    fires: {
      json: '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", "Action": "profile:ListDomains"}}',
      yaml: 'Version: "2012-10-17"\nStatement:\n  Effect: Allow\n  Action: profile:GetDomain\n  Resource: "*"\n  Action: profile:ListDomains\n',
    },
    at: 'Action',
    silent: policy(allow(['profile:GetDomain', 'profile:ListDomains'])),
  },
  { rule: 'version-missing', fires: { Statement: [allow('profile:GetDomain')] }, at: 'Statement', silent: policy(allow('profile:GetDomain')) },
  {
    rule: 'version-invalid',
    fires: { Version: '2012-10-18', Statement: [allow('profile:GetDomain')] },
    at: '2012-10-18',
    silent: policy(allow('profile:GetDomain')),
  },
  {
    rule: 'version-old',
    fires: { Version: '2008-10-17', Statement: [allow('profile:GetDomain')] },
    at: '2008-10-17',
    silent: policy(allow('profile:GetDomain')),
  },
  { rule: 'statement-missing', fires: { Version: '2012-10-17', Statement: [] }, at: '[]', silent: policy(allow('profile:GetDomain')) },
  {
    rule: 'element-unknown',
    fires: policy({ ...allow('profile:GetDomain'), Actions: 'profile:ListDomains' }),
    at: 'Actions',
    silent: policy(allow(['profile:GetDomain', 'profile:ListDomains'])),
  },
  { rule: 'element-type', fires: policy({ Sid: 7, ...allow('profile:GetDomain') }), at: '7', silent: policy({ Sid: 'Seven', ...allow('profile:GetDomain') }) },
  { rule: 'effect-missing', fires: policy({ Action: 'profile:GetDomain', Resource: '*' }), at: 'Action', silent: policy(allow('profile:GetDomain')) },
  {
    rule: 'effect-invalid',
    fires: policy({ Effect: 'allow', Action: 'profile:GetDomain', Resource: '*' }),
    at: 'allow',
    silent: policy({ Effect: 'Deny', Action: 'profile:GetDomain', Resource: '*' }),
  },
  { rule: 'action-missing', fires: policy({ Effect: 'Allow', Resource: '*' }), at: 'Effect', silent: policy(allow('profile:GetDomain')) },
  {
    rule: 'action-conflict',
    fires: policy({ Effect: 'Deny', Action: 'profile:GetDomain', NotAction: 'profile:ListDomains', Resource: '*' }),
    at: 'NotAction',
    silent: policy({ Effect: 'Deny', NotAction: 'profile:ListDomains', Resource: '*' }),
  },
  { rule: 'resource-missing', fires: policy({ Effect: 'Allow', Action: 'profile:GetDomain' }), at: 'Effect', silent: policy(allow('profile:GetDomain')) },
  {
    rule: 'resource-conflict',
    fires: policy({ Effect: 'Deny', Action: 'profile:GetDomain', Resource: '*', NotResource: ARN }),
    at: 'NotResource',
    silent: policy({ Effect: 'Deny', Action: 'profile:GetDomain', NotResource: ARN }),
  },
  { rule: 'resource-in-trust-policy', fires: trust({ ...assume, Resource: '*' }), at: 'Resource', silent: trust(assume) },
  {
    rule: 'principal-in-identity-policy',
    fires: policy({ Principal: '*', ...allow('profile:GetDomain') }, allow('profile:ListDomains')),
    at: 'Principal',
    silent: trust(assume),
  },
  { rule: 'principal-missing', fires: trust({ Effect: 'Allow', Action: 'sts:AssumeRole' }), at: 'Effect', silent: trust(assume) },
  { rule: 'principal-conflict', fires: trust({ ...assume, NotPrincipal: { AWS: '*' } }), at: 'NotPrincipal', silent: trust(assume) },
  {
    rule: 'id-in-identity-policy',
    fires: { Version: '2012-10-17', Id: 'ProfilesPolicy', Statement: [allow('profile:GetDomain')] },
    at: 'Id',
    silent: policy(allow('profile:GetDomain')),
  },
  {
    rule: 'sid-invalid',
    fires: policy({ Sid: 'Read profiles', ...allow('profile:GetDomain') }),
    at: 'Read profiles',
    silent: policy({ Sid: 'ReadProfiles', ...allow('profile:GetDomain') }),
  },
  {
    rule: 'sid-duplicate',
    fires: policy({ Sid: 'Read', ...allow('profile:GetDomain') }, { Sid: 'Read', ...allow('profile:ListDomains') }),
    at: 'Read',
    silent: policy({ Sid: 'Read', ...allow('profile:GetDomain') }, { Sid: 'List', ...allow('profile:ListDomains') }),
  },
  { rule: 'sid-empty', fires: policy({ Sid: '', ...allow('profile:GetDomain') }), at: '', silent: policy(allow('profile:GetDomain')) },
  // actions
  {
    rule: 'action-malformed',
    fires: policy(allow('profile:GetDomain profile:ListDomains')),
    at: 'profile:GetDomain profile:ListDomains',
    silent: policy(allow(['profile:GetDomain', 'profile:ListDomains'])),
  },
  { rule: 'action-unknown-service', fires: policy(allow('profiles:GetDomain')), at: 'profiles:GetDomain', silent: policy(allow('profile:GetDomain')) },
  { rule: 'action-unknown', fires: policy(allow('profile:GetDomian')), at: 'profile:GetDomian', silent: policy(allow('profile:GetDomain')) },
  { rule: 'action-wildcard-no-match', fires: policy(allow('profile:Describe*')), at: 'profile:Describe*', silent: policy(allow('profile:Get*')) },
  {
    rule: 'action-redundant',
    fires: policy(allow(['profile:Get*', 'profile:GetDomain'])),
    at: 'profile:GetDomain',
    silent: policy(allow(['profile:Get*', 'profile:ListDomains'])),
  },
  { rule: 'action-case', fires: policy(allow('Profile:GetDomain')), at: 'Profile:GetDomain', silent: policy(allow('profile:GetDomain')) },
  { rule: 'action-list-empty', fires: policy(allow([])), at: '[]', silent: policy(allow(['profile:GetDomain'])) },
  // resources
  { rule: 'arn-malformed', fires: resource('domains/retail'), at: 'domains/retail', silent: resource(ARN) },
  {
    rule: 'arn-partition-invalid',
    fires: resource('arn:amazon:profile:us-east-1:111122223333:domains/retail'),
    at: 'arn:amazon:profile:us-east-1:111122223333:domains/retail',
    silent: resource('arn:aws-cn:profile:cn-north-1:111122223333:domains/retail'),
  },
  {
    rule: 'arn-service-case',
    fires: resource('arn:aws:Profile:us-east-1:111122223333:domains/retail'),
    at: 'arn:aws:Profile:us-east-1:111122223333:domains/retail',
    silent: resource(ARN),
  },
  {
    rule: 'arn-region-invalid',
    fires: resource('arn:aws:profile:useast1:111122223333:domains/retail'),
    at: 'arn:aws:profile:useast1:111122223333:domains/retail',
    silent: resource('arn:aws:profile:*:111122223333:domains/retail'),
  },
  {
    rule: 'arn-account-invalid',
    fires: resource('arn:aws:profile:us-east-1:1111:domains/retail'),
    at: 'arn:aws:profile:us-east-1:1111:domains/retail',
    silent: resource('arn:aws:profile:us-east-1:${aws:PrincipalAccount}:domains/retail'),
  },
  {
    rule: 'arn-resource-type-wildcard',
    fires: resource('arn:aws:profile:us-east-1:111122223333:dom*/retail'),
    at: 'arn:aws:profile:us-east-1:111122223333:dom*/retail',
    silent: resource('arn:aws:profile:us-east-1:111122223333:domains/ret*'),
  },
  {
    rule: 'arn-wrong-service',
    fires: resource('arn:aws:s3:::customer-exports'),
    at: 'arn:aws:s3:::customer-exports',
    silent: resource('arn:aws:s3:::customer-exports', ['profile:GetDomain', 's3:GetObject']),
  },
  {
    rule: 'arn-no-resource-type',
    fires: resource('arn:aws:profile:us-east-1:111122223333:widgets/retail'),
    at: 'arn:aws:profile:us-east-1:111122223333:widgets/retail',
    silent: resource(ARN),
  },
  {
    rule: 'arn-fits-no-action',
    fires: resource(`${ARN}/object-types/order`),
    at: `${ARN}/object-types/order`,
    silent: resource(`${ARN}/object-types/order`, 'profile:GetProfileObjectType'),
  },
  {
    rule: 'resource-star-needed',
    fires: resource([ARN], ['profile:GetDomain', 'profile:ListDomains']),
    at: 'profile:ListDomains',
    silent: policy(allow('profile:GetDomain', [ARN]), allow('profile:ListDomains')),
  },
  { rule: 'resource-list-empty', fires: resource([]), at: '[]', silent: resource([ARN]) },
  // conditions
  {
    rule: 'condition-operator-unknown',
    fires: when({ StringEqual: { 'aws:username': 'ana' } }),
    at: 'StringEqual',
    silent: when({ StringEquals: { 'aws:username': 'ana' } }),
  },
  {
    rule: 'condition-null-ifexists',
    fires: when({ NullIfExists: { 'aws:username': 'true' } }),
    at: 'NullIfExists',
    silent: when({ Null: { 'aws:username': 'true' } }),
  },
  {
    rule: 'condition-key-malformed',
    fires: when({ StringEquals: { 'aws:ResourceTag/': 'blue' } }),
    at: 'aws:ResourceTag/',
    silent: when({ StringEquals: { 'aws:ResourceTag/team': 'blue' } }),
  },
  {
    rule: 'condition-key-unknown',
    fires: when({ StringEquals: { 'aws:usernme': 'ana' } }),
    at: 'aws:usernme',
    silent: when({ StringEquals: { 'aws:username': 'ana' } }),
  },
  {
    rule: 'condition-key-duplicate-case',
    fires: when({ StringEquals: { 'aws:username': 'ana', 'aws:UserName': 'bo' } }),
    at: 'aws:UserName',
    silent: when({ StringEquals: { 'aws:username': ['ana', 'bo'] } }),
  },
  {
    rule: 'condition-key-unsupported',
    fires: when({ StringEquals: { 'aws:RequestTag/team': 'blue' } }),
    at: 'aws:RequestTag/team',
    silent: when({ StringEquals: { 'aws:RequestTag/team': 'blue' } }, 'profile:CreateDomain'),
  },
  {
    rule: 'condition-operator-type',
    fires: when({ StringEquals: { 'aws:SecureTransport': 'true' } }),
    at: 'aws:SecureTransport',
    silent: when({ Bool: { 'aws:SecureTransport': 'true' } }),
  },
  {
    rule: 'condition-value-type',
    fires: when({ NumericLessThan: { 'aws:MultiFactorAuthAge': 'one hour' } }),
    at: 'one hour',
    silent: when({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }),
  },
  {
    rule: 'condition-missing-qualifier',
    fires: when({ StringEquals: { 'aws:TagKeys': 'team' } }, 'profile:TagResource'),
    at: 'aws:TagKeys',
    silent: when({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } }, 'profile:TagResource'),
  },
  {
    rule: 'condition-qualifier-single-valued',
    fires: when({ 'ForAnyValue:StringEquals': { 'aws:username': 'ana' } }),
    at: 'aws:username',
    silent: when({ StringEquals: { 'aws:username': 'ana' } }),
  },
  {
    rule: 'condition-forallvalues-without-null',
    fires: when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }, 'profile:TagResource'),
    at: 'aws:TagKeys',
    silent: when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] }, Null: { 'aws:TagKeys': 'false' } }, 'profile:TagResource'),
  },
  {
    rule: 'condition-wildcard-without-like',
    fires: when({ StringEquals: { 'aws:username': 'ana*' } }),
    at: 'ana*',
    silent: when({ StringLike: { 'aws:username': 'ana*' } }),
  },
  {
    rule: 'condition-bool-both',
    fires: when({ Bool: { 'aws:SecureTransport': ['true', 'false'] } }),
    at: 'aws:SecureTransport',
    silent: when({ Bool: { 'aws:SecureTransport': ['true'] } }),
  },
  { rule: 'condition-empty', fires: when({}), at: '{}', silent: when({ Bool: { 'aws:SecureTransport': 'true' } }) },
  // variables
  {
    rule: 'variable-malformed',
    fires: resource('arn:aws:profile:*:*:domains/${aws:username'),
    at: '${aws:username',
    silent: resource('arn:aws:profile:*:*:domains/${aws:username}'),
  },
  {
    rule: 'variable-not-allowed',
    fires: when({ NumericLessThan: { 'aws:MultiFactorAuthAge': '${aws:username}' } }),
    at: '${aws:username}',
    silent: when({ StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } }),
  },
  {
    rule: 'variable-literal-version',
    fires: { Statement: [allow('profile:GetDomain', 'arn:aws:profile:*:*:domains/${aws:username}')] },
    at: '${aws:username}',
    silent: resource('arn:aws:profile:*:*:domains/${aws:username}'),
  },
  {
    rule: 'variable-unknown',
    fires: resource('arn:aws:profile:*:*:domains/${aws:usrname}'),
    at: '${aws:usrname}',
    silent: resource('arn:aws:profile:*:*:domains/${aws:PrincipalTag/team}'),
  },
  {
    rule: 'variable-multivalued',
    fires: resource('arn:aws:profile:*:*:domains/${aws:TagKeys}'),
    at: '${aws:TagKeys}',
    silent: resource('arn:aws:profile:*:*:domains/${aws:userid}'),
  },
  // risk
  {
    rule: 'allow-not-action',
    fires: policy({ Effect: 'Allow', NotAction: 'profile:DeleteDomain', Resource: ARN }),
    at: 'NotAction',
    silent: policy({ Effect: 'Deny', NotAction: 'profile:GetDomain', Resource: ARN }),
  },
  {
    rule: 'allow-not-resource',
    fires: policy({ Effect: 'Allow', Action: 'profile:GetDomain', NotResource: ARN }),
    at: 'NotResource',
    silent: policy({ Effect: 'Deny', Action: 'profile:DeleteDomain', NotResource: ARN }),
  },
  { rule: 'allow-all', fires: policy(allow('profile:*')), at: 'profile:*', silent: policy(allow('profile:*', [`${ARN}*`])) },
  { rule: 'broad-permissions-access', fires: policy(allow('profile:*Resource')), at: 'profile:*Resource', silent: policy(allow('profile:Get*')) },
  // size
  {
    rule: 'policy-size',
    fires: policy(
      ...Array.from({ length: 60 }, (_, i) => allow(['profile:GetDomain', 'profile:GetProfileObjectType'], [`${ARN}${i}`, `${ARN}${i}/object-types/orders`])),
    ),
    at: 'Version',
    silent: policy(
      ...Array.from({ length: 20 }, (_, i) => allow(['profile:GetDomain', 'profile:GetProfileObjectType'], [`${ARN}${i}`, `${ARN}${i}/object-types/orders`])),
    ),
  },
];
