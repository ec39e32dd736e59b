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
  /** More near misses: inputs, often from real policies, where the rule must stay silent. */
  readonly extraSilent?: readonly Fixture[];
  /** More inputs where it must fire, each with the text it points at. */
  readonly extraFires?: ReadonlyArray<{ readonly fires: Fixture; readonly at: string | { readonly json: string; readonly yaml: string } }>;
  /** What the case is about, where a rule has several (the services beside Customer Profiles). */
  readonly label?: string;
}

export function isTexts(fixture: Fixture): fixture is { json: string; yaml: string } {
  return typeof (fixture as { json?: unknown }).json === 'string' && typeof (fixture as { yaml?: unknown }).yaml === 'string';
}

const ARN = 'arn:aws:profile:us-east-1:111122223333:domains/retail';
const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allow = (Action: unknown, Resource: unknown = '*', extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const when = (Condition: object, Action: unknown = 'profile:GetDomain') => policy(allow(Action, '*', { Condition }));
const resource = (Resource: unknown, Action: unknown = 'profile:GetDomain') => policy(allow(Action, Resource));

const repository = (statement: object) => ({ Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryPolicyText: policy(statement) } } } });
const managed = (document: object) => ({ Resources: { P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: document } } } });
const trust = (statement: object) => ({ Resources: { R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: policy(statement) } } } });
/** Arrays nested depth levels deep. */
const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** Just over the default maxDocumentSize (4 MiB). */
const overLimit = ' '.repeat(4 * 1024 * 1024);

const assume = { Effect: 'Allow', Principal: { Service: 'profile.amazonaws.com' }, Action: 'sts:AssumeRole' };

/** The services a Customer Profiles policy names beside it, checked as deeply as profile itself. */
const BUCKET = 'arn:aws:s3:::customer-exports';
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const INSTANCE = 'arn:aws:connect:us-east-1:111122223333:instance/4f1c2d3e';
const OTHER_SERVICES: readonly RuleCase[] = [
  {
    rule: 'arn-fits-no-action',
    label: 'S3: an object action on a bucket',
    fires: resource(BUCKET, 's3:GetObject'),
    at: BUCKET,
    silent: resource(`${BUCKET}/*`, 's3:GetObject'),
    // A bucket action on objects; and the usual pair, each ARN for the actions that take it.
    extraFires: [{ fires: resource(`${BUCKET}/*`, 's3:ListBucket'), at: `${BUCKET}/*` }],
    extraSilent: [resource(BUCKET, 's3:ListBucket'), resource([BUCKET, `${BUCKET}/*`], ['s3:ListBucket', 's3:GetObject'])],
  },
  {
    rule: 'arn-fits-no-action',
    label: 'Connect: a queue action on an instance',
    fires: resource(INSTANCE, 'connect:DescribeQueue'),
    at: INSTANCE,
    silent: resource(`${INSTANCE}/queue/a1b2`, 'connect:DescribeQueue'),
    extraFires: [{ fires: resource(`${INSTANCE}/queue/a1b2`, 'connect:DescribeInstance'), at: `${INSTANCE}/queue/a1b2` }],
    extraSilent: [resource(INSTANCE, 'connect:DescribeInstance'), resource(`${INSTANCE}/queue/*`, 'connect:UpdateQueueName')],
  },
  {
    rule: 'resource-star-needed',
    label: 'S3 and KMS: account-level listings',
    fires: resource([BUCKET], ['s3:ListBucket', 's3:ListAllMyBuckets']),
    at: 's3:ListAllMyBuckets',
    silent: resource('arn:aws:s3:::*', 's3:ListAllMyBuckets'),
    extraFires: [{ fires: resource([KEY], ['kms:Decrypt', 'kms:ListKeys']), at: 'kms:ListKeys' }],
  },
  {
    rule: 'arn-no-resource-type',
    label: 'KMS: keys and aliases',
    fires: resource('arn:aws:kms:us-east-1:111122223333:keys/1234abcd', 'kms:Decrypt'),
    at: 'arn:aws:kms:us-east-1:111122223333:keys/1234abcd',
    silent: resource(KEY, 'kms:Decrypt'),
    extraSilent: [resource('arn:aws:kms:us-east-1:111122223333:alias/orders', 'kms:Decrypt')],
  },
  {
    rule: 'arn-no-resource-type',
    label: 'AppFlow: connector profiles',
    // AppFlow writes connectorprofile/ in one word.
    fires: resource('arn:aws:appflow:us-east-1:111122223333:connector-profile/crm', 'appflow:UseConnectorProfile'),
    at: 'arn:aws:appflow:us-east-1:111122223333:connector-profile/crm',
    silent: resource('arn:aws:appflow:us-east-1:111122223333:connectorprofile/crm', 'appflow:UseConnectorProfile'),
    extraSilent: [resource('arn:aws:appflow:us-east-1:111122223333:flow/orders-to-profiles', 'appflow:StartFlow')],
  },
  {
    rule: 'arn-no-resource-type',
    label: 'names that hold paths, and resources AWS owns',
    fires: resource('arn:aws:logs:us-east-1:111122223333:/aws/lambda/orders', 'logs:PutLogEvents'),
    at: 'arn:aws:logs:us-east-1:111122223333:/aws/lambda/orders',
    silent: resource('arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/orders:*', 'logs:PutLogEvents'),
    extraSilent: [
      resource('arn:aws:s3:::customer-exports/2026/11/orders.csv', 's3:GetObject'),
      resource('arn:aws:iam::111122223333:role/service-role/profile-export', 'iam:PassRole'),
      resource('arn:aws:ssm:us-east-1::document/AWS-RunShellScript', 'ssm:SendCommand'),
    ],
  },
  {
    rule: 'arn-region-invalid',
    label: "regions of the ARN's partition",
    fires: resource('arn:aws:appflow:us-east-7:111122223333:flow/orders', 'appflow:StartFlow'),
    at: 'arn:aws:appflow:us-east-7:111122223333:flow/orders',
    silent: resource('arn:aws:appflow:af-south-1:111122223333:flow/orders', 'appflow:StartFlow'),
    extraFires: [{ fires: resource('arn:aws:profile:cn-north-1:111122223333:domains/retail'), at: 'arn:aws:profile:cn-north-1:111122223333:domains/retail' }],
    extraSilent: [
      resource('arn:aws-cn:kms:cn-north-1:111122223333:key/1234', 'kms:Decrypt'),
      resource('arn:*:kms:eusc-de-east-1:111122223333:key/1234', 'kms:Decrypt'),
    ],
  },
  {
    rule: 'condition-key-unknown',
    label: "S3's keys",
    fires: when({ StringLike: { 's3:prefx': 'home/*' } }, 's3:ListBucket'),
    at: 's3:prefx',
    silent: when({ StringLike: { 's3:prefix': 'home/*' } }, 's3:ListBucket'),
    // Object tag keys, whatever placeholder the data writes for them.
    extraSilent: [when({ StringEquals: { 's3:ExistingObjectTag/classification': 'public' } }, 's3:GetObject')],
  },
  {
    rule: 'condition-operator-type',
    label: "S3's and KMS's keys",
    fires: when({ NumericLessThan: { 's3:prefix': '10' } }, 's3:ListBucket'),
    at: 's3:prefix',
    silent: when({ NumericLessThan: { 's3:max-keys': '10' } }, 's3:ListBucket'),
    extraFires: [{ fires: when({ Bool: { 'kms:ViaService': 'true' } }, 'kms:Decrypt'), at: 'kms:ViaService' }],
    extraSilent: [when({ StringEquals: { 'kms:ViaService': 'profile.us-east-1.amazonaws.com' } }, 'kms:Decrypt')],
  },
  {
    rule: 'condition-key-unsupported',
    label: 'KMS: request tags only where a key is created or tagged',
    fires: when({ StringEquals: { 'aws:RequestTag/team': 'blue' } }, 'kms:Decrypt'),
    at: 'aws:RequestTag/team',
    silent: when({ StringEquals: { 'aws:RequestTag/team': 'blue' } }, 'kms:CreateKey'),
    // Holds without the key: the statement applies, whatever the actions carry.
    extraSilent: [when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }, 'kms:Decrypt')],
  },
];

export const RULE_CASES: readonly RuleCase[] = [
  // syntax and structure
  {
    rule: 'syntax-error',
    fires: {
      json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",}]}',
      yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain: x\n    Resource: "*"\n',
    },
    // JSON: the trailing comma itself; YAML: the start of the mapping nested in a compact one.
    at: { json: ',', yaml: 'p' },
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
  {
    rule: 'nesting-too-deep',
    fires: { json: `{"Version": "2012-10-17", "Statement": ${deep(1001)}}`, yaml: `Version: "2012-10-17"\nStatement: ${deep(1001)}\n` },
    // The bracket where the limit was hit.
    at: '[',
    silent: policy(allow('profile:GetDomain')),
    extraFires: [
      // No policy can be found in it, and it is reported all the same: what it holds cannot be told.
      { fires: { json: deep(5000), yaml: deep(5000) }, at: '[' },
      // Deeper than the JSON reader's stack: still reported where the limit was hit.
      { fires: { json: deep(100_000), yaml: `- ${deep(100_000)}` }, at: '[' },
    ],
  },
  {
    rule: 'document-too-large',
    fires: { json: `{"Version": "2012-10-17", "Statement": []}${overLimit}`, yaml: `Version: "2012-10-17"\nStatement: []\n${overLimit}` },
    at: { json: '{', yaml: 'V' },
    silent: policy(allow('profile:GetDomain')),
  },
  {
    rule: 'version-missing',
    fires: { Statement: [allow('profile:GetDomain')] },
    at: 'Statement',
    silent: policy(allow('profile:GetDomain')),
    // SAM writes the document around an API's CustomStatements, Version included.
    extraSilent: [
      {
        Resources: {
          Api: {
            Type: 'AWS::Serverless::Api',
            Properties: {
              StageName: 'prod',
              Auth: { ResourcePolicy: { CustomStatements: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] } },
            },
          },
        },
      },
    ],
  },
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
  {
    rule: 'element-type',
    fires: policy({ Sid: 7, ...allow('profile:GetDomain') }),
    at: '7',
    silent: policy({ Sid: 'Seven', ...allow('profile:GetDomain') }),
    // Principal: "*" or an object of types, each a string or a list of strings (a list of objects was found in a real bucket policy).
    extraFires: [
      {
        fires: trust({ ...assume, Principal: [{ Service: 'profile.amazonaws.com' }] }),
        at: 'Principal',
      },
      { fires: trust({ ...assume, Principal: 'profile.amazonaws.com' }), at: 'Principal' },
      { fires: trust({ ...assume, Principal: { AWS: 111122223333 } }), at: '111122223333' },
    ],
    extraSilent: [
      trust({ ...assume, Principal: '*' }),
      trust({ ...assume, Principal: { AWS: ['arn:aws:iam::111122223333:root', '444455556666'], Service: 'profile.amazonaws.com' } }),
    ],
  },
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
  {
    rule: 'resource-missing',
    fires: policy({ Effect: 'Allow', Action: 'profile:GetDomain' }),
    at: 'Effect',
    silent: policy(allow('profile:GetDomain')),
    // An ECR repository policy applies to its repository: no Resource.
    extraSilent: [repository({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'ecr:BatchGetImage' })],
  },
  {
    rule: 'resource-not-allowed',
    fires: repository({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'ecr:BatchGetImage', Resource: '*' }),
    at: 'Resource',
    silent: repository({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'ecr:BatchGetImage' }),
  },
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
  {
    rule: 'principal-without-resource-policy',
    fires: policy({ Principal: { AWS: 'arn:aws:iam::111122223333:root' }, ...allow('profile:GetDomain', ARN) }),
    at: 'Principal',
    // A bucket policy: S3 takes resource-based policies.
    silent: policy({ Principal: { AWS: 'arn:aws:iam::111122223333:root' }, ...allow('s3:GetObject', 'arn:aws:s3:::exports/*') }),
  },
  { rule: 'principal-missing', fires: trust({ Effect: 'Allow', Action: 'sts:AssumeRole' }), at: 'Effect', silent: trust(assume) },
  { rule: 'principal-conflict', fires: trust({ ...assume, NotPrincipal: { AWS: '*' } }), at: 'NotPrincipal', silent: trust(assume) },
  {
    rule: 'principal-type-unknown',
    fires: trust({ ...assume, Principal: { service: 'profile.amazonaws.com' } }),
    at: 'service',
    silent: trust(assume),
    extraFires: [{ fires: trust({ ...assume, Principal: { Account: '111122223333' } }), at: 'Account' }],
    extraSilent: [trust({ ...assume, Principal: { Federated: 'cognito-identity.amazonaws.com', CanonicalUser: '79a59df9' } })],
  },
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
    // The two sides of an Fn::If are alternatives: only one is deployed.
    extraSilent: [managed(policy({ 'Fn::If': ['IsProduction', { Sid: 'Read', ...allow('profile:GetDomain') }, { Sid: 'Read', ...allow('profile:Get*') }] }))],
    extraFires: [
      {
        fires: managed(
          policy(
            { 'Fn::If': ['IsProduction', { Sid: 'Read', ...allow('profile:GetDomain') }, { Ref: 'AWS::NoValue' }] },
            { Sid: 'Read', ...allow('profile:ListDomains') },
          ),
        ),
        at: 'Read',
      },
    ],
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
  {
    rule: 'action-legacy',
    // SNS's default topic policy, as the service writes it.
    fires: policy(allow(['SNS:Publish', 'SNS:Receive'], 'arn:aws:sns:us-east-1:111122223333:alerts', { Principal: { AWS: '*' } })),
    at: 'SNS:Receive',
    silent: policy(allow(['SNS:Publish', 'SNS:Subscribe'], 'arn:aws:sns:us-east-1:111122223333:alerts', { Principal: { AWS: '*' } })),
  },
  { rule: 'action-wildcard-no-match', fires: policy(allow('profile:Describe*')), at: 'profile:Describe*', silent: policy(allow('profile:Get*')) },
  {
    rule: 'action-redundant',
    fires: policy(allow(['profile:Get*', 'profile:GetDomain'])),
    at: 'profile:GetDomain',
    silent: policy(allow(['profile:Get*', 'profile:ListDomains'])),
    extraFires: [
      // A wildcard covers another by the actions it stands for: a wildcard service, and a malformed entry matched as a whole name.
      { fires: policy(allow(['prof*:Get*', 'profile:GetDomain*'])), at: 'profile:GetDomain*' },
      { fires: policy(allow(['profile*', 'profile:Get*'])), at: 'profile:Get*' },
      // The same action twice, told apart from the first by case only.
      { fires: policy(allow(['profile:GetDomain', 'Profile:getDomain'])), at: 'Profile:getDomain' },
    ],
    extraSilent: [policy(allow(['profile:Get*', 'profile:List*'])), policy(allow(['prof*:List*', 'profile:GetDomain*']))],
  },
  { rule: 'action-case', fires: policy(allow('Profile:GetDomain')), at: 'Profile:GetDomain', silent: policy(allow('profile:GetDomain')) },
  { rule: 'action-list-empty', fires: policy(allow([])), at: '[]', silent: policy(allow(['profile:GetDomain'])) },
  // resources
  {
    rule: 'arn-malformed',
    fires: resource('domains/retail'),
    at: 'domains/retail',
    silent: resource(ARN),
    extraFires: [{ fires: resource('arn:aws:profile:us-east-1'), at: 'arn:aws:profile:us-east-1' }],
    // A final * covers the parts after it (IAM JSON policy elements: Resource).
    extraSilent: [resource('arn:aws:profile:*'), resource('arn:aws:profile:us-east-1:*')],
  },
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
    // AWS-owned resources name the account "aws" (AWS managed policies, public hubs).
    extraSilent: [resource('arn:aws:iam::aws:policy/ReadOnlyAccess', 'iam:GetPolicy')],
    fires: resource('arn:aws:profile:us-east-1:1111:domains/retail'),
    at: 'arn:aws:profile:us-east-1:1111:domains/retail',
    silent: resource('arn:aws:profile:us-east-1:${aws:PrincipalAccount}:domains/retail'),
  },
  {
    rule: 'arn-resource-type-wildcard',
    // Object types and domain object types: one ARN reaches both.
    fires: resource(`${ARN}/*types/order`, ['profile:GetProfileObjectType', 'profile:GetDomainObjectType']),
    at: `${ARN}/*types/order`,
    silent: resource(`${ARN}/object-types/ord*`, 'profile:GetProfileObjectType'),
    // Wildcards in a type word are allowed: domain?/retail is a domain.
    extraSilent: [resource('arn:aws:profile:us-east-1:111122223333:domain?/retail'), resource('arn:aws:profile:us-east-1:111122223333:dom*/retail')],
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
    // A tag may hold an ARN: AmazonECSInfrastructureRolePolicyForVolumes tests one with ArnLike.
    extraSilent: [when({ ArnLike: { 'aws:RequestTag/AmazonECSCreated': 'arn:aws:ecs:*:*:task/*' } }, 'profile:CreateDomain')],
    extraFires: [{ fires: when({ StringEquals: { 'aws:ViaAWSService': 'amplify.amazonaws.com' } }), at: 'aws:ViaAWSService' }],
  },
  {
    rule: 'condition-value-type',
    fires: when({ NumericLessThan: { 'aws:MultiFactorAuthAge': 'one hour' } }),
    at: 'one hour',
    silent: when({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }),
    extraFires: [
      { fires: when({ IpAddress: { 'aws:SourceIp': '203.0.113.0/33' } }), at: '203.0.113.0/33' },
      { fires: when({ ArnLike: { 'aws:PrincipalArn': 'role/admin' } }), at: 'role/admin' },
    ],
    extraSilent: [
      when({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } }),
      when({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } }),
    ],
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
    // CreateDomain may be called with tags or without: without, ForAllValues lets the Allow through.
    fires: when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }, 'profile:CreateDomain'),
    at: 'aws:TagKeys',
    silent: when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] }, Null: { 'aws:TagKeys': 'false' } }, 'profile:CreateDomain'),
    extraFires: [
      // ec2:DeleteTags without a tag list deletes every tag, and its request has no aws:TagKeys.
      { fires: when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }, 'ec2:DeleteTags'), at: 'aws:TagKeys' },
      // An IfExists on the request tag does not require it.
      {
        fires: when(
          { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] }, StringEqualsIfExists: { 'aws:RequestTag/team': 'blue' } },
          'profile:CreateDomain',
        ),
        at: 'aws:TagKeys',
      },
    ],
    extraSilent: [
      // A tagging action names the tags it adds: its requests always carry aws:TagKeys.
      when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }, 'profile:TagResource'),
      when({ 'ForAllValues:StringLike': { 'aws:TagKeys': ['team*'] } }, 'ec2:CreateTags'),
      // GetDomain never carries aws:TagKeys: the condition says nothing of it.
      when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }, ['profile:TagResource', 'profile:GetDomain']),
      // A test on a request tag needs a tag in the request, hence aws:TagKeys.
      when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] }, StringEquals: { 'aws:RequestTag/team': 'blue' } }, 'profile:CreateDomain'),
      when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] }, Null: { 'aws:RequestTag/team': false } }, 'profile:CreateDomain'),
      // ForAnyValue on the same key is false when the key is missing.
      when(
        { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] }, 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } },
        'profile:CreateDomain',
      ),
      // The Null guard written as a boolean.
      when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] }, Null: { 'aws:TagKeys': false } }, 'profile:CreateDomain'),
    ],
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
    extraFires: [{ fires: resource('arn:${aws:username}:profile:us-east-1:111122223333:domains/retail'), at: '${aws:username}' }],
    extraSilent: [resource('arn:aws:profile:us-east-1:${aws:PrincipalAccount}:domains/retail')],
  },
  {
    rule: 'variable-outside-resource-part',
    // AmazonTimestreamInfluxDBServiceRolePolicy: a KMS key in the caller's own account.
    fires: resource('arn:aws:kms:*:${aws:PrincipalAccount}:key/*', 'kms:Decrypt'),
    at: '${aws:PrincipalAccount}',
    silent: resource('arn:aws:kms:*:111122223333:key/${aws:PrincipalTag/key}', 'kms:Decrypt'),
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
  {
    rule: 'allow-all',
    fires: policy(allow('profile:*')),
    at: 'profile:*',
    silent: policy(allow('profile:*', [`${ARN}*`])),
    // The default VPC endpoint policy: a filter on the calls through the endpoint, which grants nothing.
    extraSilent: [
      {
        Resources: {
          Endpoint: { Type: 'AWS::EC2::VPCEndpoint', Properties: { PolicyDocument: policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }) } },
        },
      },
      // KMS's default key policy: in a resource policy "*" is the resource it is attached to, the key.
      {
        Resources: {
          Key: {
            Type: 'AWS::KMS::Key',
            Properties: {
              KeyPolicy: policy({
                Sid: 'EnableIAMUserPermissions',
                Effect: 'Allow',
                Principal: { AWS: 'arn:aws:iam::111122223333:root' },
                Action: 'kms:*',
                Resource: '*',
              }),
            },
          },
        },
      },
    ],
  },
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
  ...OTHER_SERVICES,
];
