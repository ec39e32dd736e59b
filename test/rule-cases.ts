// For every rule of the full catalogue: a policy where it fires (and the text it points at) and a
// close variant where it must not. Each runs in JSON and in YAML (rules.test.ts).

export interface RuleCase {
  readonly rule: string;
  readonly fires: object;
  /** The source text of the reported range, quotes removed. */
  readonly at: string;
  readonly silent: object;
}

const ARN = 'arn:aws:profile:us-east-1:111122223333:domains/retail';
const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allow = (Action: unknown, Resource: unknown = '*', extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const when = (Condition: object, Action: unknown = 'profile:GetDomain') => policy(allow(Action, '*', { Condition }));
const resource = (Resource: unknown, Action: unknown = 'profile:GetDomain') => policy(allow(Action, Resource));

export const RULE_CASES: readonly RuleCase[] = [
  // actions
  { rule: 'action-redundant', fires: policy(allow(['profile:Get*', 'profile:GetDomain'])), at: 'profile:GetDomain', silent: policy(allow(['profile:Get*', 'profile:ListDomains'])) },
  { rule: 'action-case', fires: policy(allow('Profile:GetDomain')), at: 'Profile:GetDomain', silent: policy(allow('profile:GetDomain')) },
  { rule: 'action-list-empty', fires: policy(allow([])), at: '[]', silent: policy(allow(['profile:GetDomain'])) },
  // resources
  { rule: 'arn-malformed', fires: resource('domains/retail'), at: 'domains/retail', silent: resource(ARN) },
  { rule: 'arn-partition-invalid', fires: resource('arn:amazon:profile:us-east-1:111122223333:domains/retail'), at: 'arn:amazon:profile:us-east-1:111122223333:domains/retail', silent: resource('arn:aws-cn:profile:cn-north-1:111122223333:domains/retail') },
  { rule: 'arn-service-case', fires: resource('arn:aws:Profile:us-east-1:111122223333:domains/retail'), at: 'arn:aws:Profile:us-east-1:111122223333:domains/retail', silent: resource(ARN) },
  { rule: 'arn-region-invalid', fires: resource('arn:aws:profile:useast1:111122223333:domains/retail'), at: 'arn:aws:profile:useast1:111122223333:domains/retail', silent: resource('arn:aws:profile:*:111122223333:domains/retail') },
  { rule: 'arn-account-invalid', fires: resource('arn:aws:profile:us-east-1:1111:domains/retail'), at: 'arn:aws:profile:us-east-1:1111:domains/retail', silent: resource('arn:aws:profile:us-east-1:${aws:PrincipalAccount}:domains/retail') },
  { rule: 'arn-resource-type-wildcard', fires: resource('arn:aws:profile:us-east-1:111122223333:dom*/retail'), at: 'arn:aws:profile:us-east-1:111122223333:dom*/retail', silent: resource('arn:aws:profile:us-east-1:111122223333:domains/ret*') },
  { rule: 'arn-wrong-service', fires: resource('arn:aws:s3:::customer-exports'), at: 'arn:aws:s3:::customer-exports', silent: resource('arn:aws:s3:::customer-exports', ['profile:GetDomain', 's3:GetObject']) },
  { rule: 'arn-no-resource-type', fires: resource('arn:aws:profile:us-east-1:111122223333:widgets/retail'), at: 'arn:aws:profile:us-east-1:111122223333:widgets/retail', silent: resource(ARN) },
  { rule: 'arn-fits-no-action', fires: resource(`${ARN}/object-types/order`), at: `${ARN}/object-types/order`, silent: resource(`${ARN}/object-types/order`, 'profile:GetProfileObjectType') },
  { rule: 'resource-star-needed', fires: resource([ARN], ['profile:GetDomain', 'profile:ListDomains']), at: 'profile:ListDomains', silent: policy(allow('profile:GetDomain', [ARN]), allow('profile:ListDomains')) },
  { rule: 'resource-list-empty', fires: resource([]), at: '[]', silent: resource([ARN]) },
  // conditions
  { rule: 'condition-operator-unknown', fires: when({ StringEqual: { 'aws:username': 'ana' } }), at: 'StringEqual', silent: when({ StringEquals: { 'aws:username': 'ana' } }) },
  { rule: 'condition-null-ifexists', fires: when({ NullIfExists: { 'aws:username': 'true' } }), at: 'NullIfExists', silent: when({ Null: { 'aws:username': 'true' } }) },
  { rule: 'condition-key-malformed', fires: when({ StringEquals: { 'aws:ResourceTag/': 'blue' } }), at: 'aws:ResourceTag/', silent: when({ StringEquals: { 'aws:ResourceTag/team': 'blue' } }) },
  { rule: 'condition-key-unknown', fires: when({ StringEquals: { 'aws:usernme': 'ana' } }), at: 'aws:usernme', silent: when({ StringEquals: { 'aws:username': 'ana' } }) },
  { rule: 'condition-key-duplicate-case', fires: when({ StringEquals: { 'aws:username': 'ana', 'aws:UserName': 'bo' } }), at: 'aws:UserName', silent: when({ StringEquals: { 'aws:username': ['ana', 'bo'] } }) },
  { rule: 'condition-key-unsupported', fires: when({ StringEquals: { 'aws:RequestTag/team': 'blue' } }), at: 'aws:RequestTag/team', silent: when({ StringEquals: { 'aws:RequestTag/team': 'blue' } }, 'profile:CreateDomain') },
  { rule: 'condition-operator-type', fires: when({ StringEquals: { 'aws:SecureTransport': 'true' } }), at: 'aws:SecureTransport', silent: when({ Bool: { 'aws:SecureTransport': 'true' } }) },
  { rule: 'condition-value-type', fires: when({ NumericLessThan: { 'aws:MultiFactorAuthAge': 'one hour' } }), at: 'one hour', silent: when({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }) },
  { rule: 'condition-missing-qualifier', fires: when({ StringEquals: { 'aws:TagKeys': 'team' } }, 'profile:TagResource'), at: 'aws:TagKeys', silent: when({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } }, 'profile:TagResource') },
  { rule: 'condition-qualifier-single-valued', fires: when({ 'ForAnyValue:StringEquals': { 'aws:username': 'ana' } }), at: 'aws:username', silent: when({ StringEquals: { 'aws:username': 'ana' } }) },
  { rule: 'condition-forallvalues-without-null', fires: when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }, 'profile:TagResource'), at: 'aws:TagKeys', silent: when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] }, Null: { 'aws:TagKeys': 'false' } }, 'profile:TagResource') },
  { rule: 'condition-wildcard-without-like', fires: when({ StringEquals: { 'aws:username': 'ana*' } }), at: 'ana*', silent: when({ StringLike: { 'aws:username': 'ana*' } }) },
  { rule: 'condition-bool-both', fires: when({ Bool: { 'aws:SecureTransport': ['true', 'false'] } }), at: 'aws:SecureTransport', silent: when({ Bool: { 'aws:SecureTransport': ['true'] } }) },
  { rule: 'condition-empty', fires: when({}), at: '{}', silent: when({ Bool: { 'aws:SecureTransport': 'true' } }) },
  // variables
  { rule: 'variable-malformed', fires: resource('arn:aws:profile:*:*:domains/${aws:username'), at: '${aws:username', silent: resource('arn:aws:profile:*:*:domains/${aws:username}') },
  { rule: 'variable-not-allowed', fires: when({ NumericLessThan: { 'aws:MultiFactorAuthAge': '${aws:username}' } }), at: '${aws:username}', silent: when({ StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } }) },
  { rule: 'variable-literal-version', fires: { Statement: [allow('profile:GetDomain', 'arn:aws:profile:*:*:domains/${aws:username}')] }, at: '${aws:username}', silent: resource('arn:aws:profile:*:*:domains/${aws:username}') },
  { rule: 'variable-unknown', fires: resource('arn:aws:profile:*:*:domains/${aws:usrname}'), at: '${aws:usrname}', silent: resource('arn:aws:profile:*:*:domains/${aws:PrincipalTag/team}') },
  { rule: 'variable-multivalued', fires: resource('arn:aws:profile:*:*:domains/${aws:TagKeys}'), at: '${aws:TagKeys}', silent: resource('arn:aws:profile:*:*:domains/${aws:userid}') },
  // risk
  { rule: 'allow-not-action', fires: policy({ Effect: 'Allow', NotAction: 'profile:DeleteDomain', Resource: ARN }), at: 'NotAction', silent: policy({ Effect: 'Deny', NotAction: 'profile:GetDomain', Resource: ARN }) },
  { rule: 'allow-not-resource', fires: policy({ Effect: 'Allow', Action: 'profile:GetDomain', NotResource: ARN }), at: 'NotResource', silent: policy({ Effect: 'Deny', Action: 'profile:DeleteDomain', NotResource: ARN }) },
  { rule: 'allow-all', fires: policy(allow('profile:*')), at: 'profile:*', silent: policy(allow('profile:*', [`${ARN}*`])) },
  { rule: 'broad-permissions-access', fires: policy(allow('profile:*Resource')), at: 'profile:*Resource', silent: policy(allow('profile:Get*')) },
  // size
  {
    rule: 'policy-size',
    fires: policy(...Array.from({ length: 60 }, (_, i) => allow(['profile:GetDomain', 'profile:GetProfileObjectType'], [`${ARN}${i}`, `${ARN}${i}/object-types/orders`]))),
    at: 'Version',
    silent: policy(...Array.from({ length: 20 }, (_, i) => allow(['profile:GetDomain', 'profile:GetProfileObjectType'], [`${ARN}${i}`, `${ARN}${i}/object-types/orders`]))),
  },
];
