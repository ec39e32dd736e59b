// Completion at cursor-marked positions, the same case in JSON and YAML; accepting an item must
// leave a document that parses and holds the accepted value.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { FormatId as DocumentFormat } from '../../server/src/formats/registry';
import { analyse, completion, resolveCompletion } from '../../server/src/service';
import { acceptToFirstStop, applyCompletion, withCursor } from '../cursor';
import { ARGUMENT_OF_ELEMENT } from '../../server/src/formats/terraform-document';

interface CompletionCase {
  name: string;
  json: string;
  yaml: string;
  includes?: string[];
  excludes?: string[];
  /** Accept this item and expect the result to parse with no syntax error and contain `contains`. */
  accept?: { label: string; contains: string };
  detail?: { label: string; matches: RegExp };
}

const CASES: CompletionCase[] = [
  {
    name: 'policy element names not yet present',
    json: '{"Statement": [], ‸}',
    yaml: 'Statement: []\n‸',
    includes: ['Version'],
    excludes: ['Statement', 'Effect'],
    accept: { label: 'Version', contains: '2012-10-17' },
  },
  {
    name: 'statement element names, exclusive pairs respected',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", ‸}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    ‸',
    includes: ['Resource', 'NotResource', 'Condition', 'Sid'],
    excludes: ['Effect', 'Action', 'NotAction', 'Principal'],
    accept: { label: 'Resource', contains: 'Resource' },
  },
  {
    name: 'a half-typed statement key (unclosed quote in JSON)',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Ac‸}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Ac‸',
    includes: ['Action', 'NotAction'],
  },
  {
    name: 'a new statement in an empty list',
    json: '{"Version": "2012-10-17", "Statement": [‸]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - ‸',
    includes: ['New statement'],
    accept: { label: 'New statement', contains: 'profile:GetDomain' },
  },
  {
    name: 'an empty policy document: the whole policy at once, or its keys',
    json: '{"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {‸}}}}}',
    yaml: 'Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        ‸\n',
    includes: ['New policy', 'Version', 'Statement'],
    accept: { label: 'New policy', contains: 'profile:GetDomain' },
  },
  {
    name: 'a statement in a trust policy: who may assume the role',
    json: '{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", ‸}}}}}',
    yaml: 'Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        ‸\n',
    includes: ['Statement'],
    excludes: ['New policy'],
    accept: { label: 'Statement', contains: 'sts:AssumeRole' },
  },
  {
    name: 'Version values',
    json: '{"Version": "‸", "Statement": []}',
    yaml: 'Version: ‸\nStatement: []',
    includes: ['2012-10-17', '2008-10-17'],
    accept: { label: '2012-10-17', contains: '2012-10-17' },
  },
  {
    name: 'Effect values right after the colon',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": ‸}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: ‸',
    includes: ['Allow', 'Deny'],
    accept: { label: 'Deny', contains: 'Deny' },
  },
  {
    name: 'service prefixes in an empty string, profile first',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["‸"]}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: ["‸"]',
    includes: ['profile', 's3', 'connect', '*', 'profile:GetDomain', 'profile:SearchProfiles'],
    accept: { label: 'profile:GetDomain', contains: '"profile:GetDomain"' },
  },
  {
    name: 'profile actions mid-word, with access level and description',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:Ge‸"}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:Ge‸',
    includes: ['profile:GetDomain', 'profile:BatchGetProfile', 'profile:Get*', 'profile:*'],
    detail: { label: 'profile:GetDomain', matches: /^Read · get a specific domain in an account$/ },
    accept: { label: 'profile:GetDomain', contains: 'profile:GetDomain' },
  },
  {
    name: 'wildcards say how many actions they cover',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["profile:‸"]}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action:\n      - profile:‸',
    detail: { label: 'profile:List*', matches: /^2\d actions · List, Read$/ },
  },
  {
    name: "other services' actions from the index",
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Dec‸"}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: kms:Dec‸',
    includes: ['kms:Decrypt'],
    detail: { label: 'kms:Decrypt', matches: /^Write · .*decrypt ciphertext/ },
  },
  {
    name: 'ARN templates for the statement\'s actions, no "*" when every action takes a resource',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetProfileObjectType", "Resource": ["‸"]}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetProfileObjectType\n    Resource:\n      - ‸',
    includes: [
      'arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}',
      'arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}/object-types/${ObjectTypeName}',
    ],
    excludes: ['*', 'arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}/integrations/${Uri}'],
    accept: {
      label: 'arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}',
      contains: 'arn:aws:profile:us-east-1:111122223333:domains/DomainName',
    },
  },
  {
    name: '"*" where an action takes no resource type',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:ListDomains", "Resource": "‸"}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:ListDomains\n    Resource: "‸"',
    includes: ['*'],
  },
  {
    name: 'ARN parts: regions, with those already used first',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": ["arn:aws:profile:eu-west-2:111122223333:domains/a", "arn:aws:profile:‸"]}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource:\n      - arn:aws:profile:eu-west-2:111122223333:domains/a\n      - arn:aws:profile:‸',
    includes: ['eu-west-2', 'us-east-1', '*'],
  },
  {
    name: 'ARN parts: regions where Customer Profiles runs first, then the rest of the partition',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:‸"}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: kms:Decrypt\n    Resource: arn:aws:kms:‸',
    includes: ['us-east-1', 'af-south-1', 'eu-north-1', 'sa-west-1', '*'],
    excludes: ['cn-north-1', 'us-gov-west-1', 'aws-global'],
    detail: { label: 'af-south-1', matches: /^Africa \(Cape Town\)$/ },
  },
  {
    name: 'ARN parts: the regions of the partition written',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws-cn:kms:‸"}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: kms:Decrypt\n    Resource: arn:aws-cn:kms:‸',
    includes: ['cn-north-1', 'cn-northwest-1'],
    excludes: ['us-east-1'],
  },
  {
    name: "S3: bucket and object ARN templates for the statement's actions",
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"], "Resource": ["‸"]}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: [s3:ListBucket, s3:GetObject]\n    Resource:\n      - ‸',
    includes: ['arn:${Partition}:s3:::${BucketName}', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'],
    excludes: ['*', 'arn:${Partition}:s3:${Region}:${Account}:job/${JobId}'],
    accept: { label: 'arn:${Partition}:s3:::${BucketName}/${ObjectName}', contains: 'arn:aws:s3:::BucketName/ObjectName' },
  },
  {
    name: "S3: its keys for the statement's actions, with their types",
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::exports", "Condition": {"StringLike": {"s3:‸"}}}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: s3:ListBucket\n    Resource: arn:aws:s3:::exports\n    Condition:\n      StringLike:\n        s3:‸',
    includes: ['s3:prefix', 's3:delimiter'],
    // Numeric and object-tag keys: not for StringLike, and not for ListBucket.
    excludes: ['s3:max-keys', 's3:ExistingObjectTag/${TagKey}'],
    detail: { label: 's3:prefix', matches: /^String · supported by 1 of this statement's actions$/ },
    accept: { label: 's3:prefix', contains: 's3:prefix' },
  },
  {
    name: 'KMS: kms:ViaService and the key ARN',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"‸"}}}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: kms:Decrypt\n    Resource: "*"\n    Condition:\n      StringEquals:\n        ‸',
    includes: ['kms:ViaService', 'kms:EncryptionContext:${EncryptionContextKey}', 'aws:ResourceTag/${TagKey}'],
    excludes: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'],
    detail: { label: 'kms:ViaService', matches: /^String · supported by 1 of this statement's actions$/ },
  },
  {
    name: 'KMS: key ARN templates',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:GenerateDataKey", "Resource": "‸"}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: kms:GenerateDataKey\n    Resource: ‸',
    includes: ['arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}'],
    accept: { label: 'arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}', contains: 'arn:aws:kms:us-east-1:111122223333:key/KeyId' },
  },
  {
    name: 'Connect: instance and queue ARN templates, each for its actions',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["connect:DescribeInstance", "connect:DescribeQueue"], "Resource": ["‸"]}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: [connect:DescribeInstance, connect:DescribeQueue]\n    Resource:\n      - ‸',
    includes: [
      'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}',
      'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/${QueueId}',
    ],
    excludes: ['arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/contact-flow/${ContactFlowId}'],
    detail: {
      label: 'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/${QueueId}',
      matches: /^queue · for 1 of this statement's actions$/,
    },
  },
  {
    name: 'AppFlow: actions with their descriptions, and flow ARNs',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "appflow:StartF‸"}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: appflow:StartF‸',
    includes: ['appflow:StartFlow', 'appflow:Describe*', 'appflow:*'],
    detail: { label: 'appflow:StartFlow', matches: /^Write · activate \(for scheduled and event-triggered flows\) or run/ },
    accept: { label: 'appflow:StartFlow', contains: 'appflow:StartFlow' },
  },
  {
    name: 'ARN parts: domain names already used',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": ["arn:aws:profile:us-east-1:111122223333:domains/retail", "arn:aws:profile:eu-west-2:111122223333:domains/‸"]}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource:\n      - arn:aws:profile:us-east-1:111122223333:domains/retail\n      - arn:aws:profile:eu-west-2:111122223333:domains/‸',
    includes: ['retail'],
    accept: { label: 'retail', contains: 'eu-west-2:111122223333:domains/retail' },
  },
  {
    name: "ARN parts: after the account, the service's resource types, the statement's first",
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetProfileObjectType", "Resource": "arn:aws:profile:*:111122223333:‸"}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetProfileObjectType\n    Resource: arn:aws:profile:*:111122223333:‸',
    includes: ['domains/${DomainName}', 'domains/${DomainName}/object-types/${ObjectTypeName}'],
    excludes: ['arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}'],
    detail: { label: 'domains/${DomainName}/object-types/${ObjectTypeName}', matches: /^object-types · taken by this statement's actions$/ },
    accept: {
      label: 'domains/${DomainName}/object-types/${ObjectTypeName}',
      contains: 'arn:aws:profile:*:111122223333:domains/DomainName/object-types/ObjectTypeName',
    },
  },
  {
    name: 'policy variables inside an ARN',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "arn:aws:profile:*:*:domains/${‸"}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "arn:aws:profile:*:*:domains/${‸"',
    includes: ['${aws:username}', '${aws:PrincipalTag/${TagKey}}', '${*}'],
    excludes: ['${aws:TagKeys}'],
  },
  {
    name: 'condition operators',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", "Condition": {"‸"}}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n    Condition:\n      ‸',
    includes: ['StringEquals', 'StringLikeIfExists', 'ForAnyValue:StringEquals', 'Null', 'Bool', 'IpAddress', 'ArnLike'],
    excludes: ['NullIfExists', 'ForAllValues:Bool'],
  },
  {
    name: 'operators that fit the key already written',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", "Condition": {"‸": {"aws:SecureTransport": "true"}}}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n    Condition:\n      ‸: {aws:SecureTransport: "true"}',
    includes: ['Bool', 'BoolIfExists', 'Null'],
    excludes: ['StringEquals', 'NumericEquals'],
  },
  {
    name: 'condition keys: request tags only where an action takes them',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:CreateDomain", "Resource": "*", "Condition": {"StringEquals": {"‸"}}}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:CreateDomain\n    Resource: "*"\n    Condition:\n      StringEquals:\n        ‸',
    includes: ['aws:RequestTag/${TagKey}', 'aws:ResourceTag/${TagKey}', 'aws:PrincipalTag/${TagKey}', 'aws:username'],
    excludes: ['aws:SecureTransport', 'aws:SourceIp'],
  },
  {
    name: 'condition keys: no request tags for GetDomain',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", "Condition": {"StringEquals": {"aws:‸"}}}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n    Condition:\n      StringEquals:\n        aws:‸',
    includes: ['aws:ResourceTag/${TagKey}'],
    excludes: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'],
  },
  {
    name: 'Bool values',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "‸"}}}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n    Condition:\n      Bool:\n        aws:SecureTransport: ‸',
    includes: ['true', 'false'],
    accept: { label: 'true', contains: 'true' },
  },
  {
    name: 'condition values already used for the same key',
    json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "blue"}}}, {"Effect": "Deny", "Action": "profile:DeleteDomain", "Resource": "*", "Condition": {"StringNotEquals": {"aws:ResourceTag/team": "‸"}}}]}',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n    Condition: {StringEquals: {aws:ResourceTag/team: blue}}\n  - Effect: Deny\n    Action: profile:DeleteDomain\n    Resource: "*"\n    Condition:\n      StringNotEquals:\n        aws:ResourceTag/team: ‸',
    includes: ['blue', '${aws:username}'],
  },
];

/** A jsonencode policy whose one statement holds the given lines (the cursor among them). */
const tf = (...lines: string[]) =>
  `resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      ${lines.join('\n      ')}\n    }]\n  })\n}\n`;
/** A policy document data source whose one statement holds the given lines. */
const ds = (...lines: string[]) => `data "aws_iam_policy_document" "d" {\n  statement {\n    ${lines.join('\n    ')}\n  }\n}\n`;

interface TerraformCompletion {
  readonly terraform?: string;
  readonly datasource?: string;
  /** Where the data source names what is offered otherwise (its arguments, its blocks). */
  readonly datasourceExpect?: Pick<CompletionCase, 'includes' | 'excludes' | 'accept'>;
}

/** Each completion case in Terraform, by name: the same items, accepted into text that parses. */
const TERRAFORM_CASES: Readonly<Record<string, TerraformCompletion>> = {
  'policy element names not yet present': {
    terraform: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = []\n    ‸\n  })\n}\n',
    datasource: 'data "aws_iam_policy_document" "d" {\n  ‸\n  statement {\n    actions = ["profile:GetDomain"]\n  }\n}\n',
    datasourceExpect: { includes: ['version'], excludes: ['statement', 'effect'], accept: { label: 'version', contains: 'version = "2012-10-17"' } },
  },
  'statement element names, exclusive pairs respected': {
    terraform: tf('Effect = "Allow"', 'Action = "profile:GetDomain"', '‸'),
    datasource: ds('effect = "Allow"', 'actions = ["profile:GetDomain"]', '‸'),
    datasourceExpect: {
      includes: ['resources', 'not_resources', 'condition', 'sid'],
      excludes: ['effect', 'actions', 'not_actions', 'principals'],
      accept: { label: 'resources', contains: 'resources = [""]' },
    },
  },
  'a half-typed statement key (unclosed quote in JSON)': {
    terraform: tf('Effect = "Allow"', 'Ac‸'),
    datasource: ds('effect = "Allow"', 'act‸'),
    datasourceExpect: { includes: ['actions', 'not_actions'] },
  },
  'a new statement in an empty list': {
    terraform: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [‸]\n  })\n}\n',
    datasource: 'data "aws_iam_policy_document" "d" {\n  version = "2012-10-17"\n  ‸\n}\n',
    datasourceExpect: { includes: ['statement'], accept: { label: 'statement', contains: 'statement {\n    effect = "Allow"\n    actions = [""]' } },
  },
  'an empty policy document: the whole policy at once, or its keys': {
    terraform: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({‸})\n}\n',
    datasource: 'data "aws_iam_policy_document" "d" {\n  ‸\n}\n',
    datasourceExpect: { includes: ['New policy', 'version', 'statement'], accept: { label: 'New policy', contains: 'actions = ["profile:GetDomain"]' } },
  },
  'a statement in a trust policy: who may assume the role': {
    terraform: 'resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    ‸\n  })\n}\n',
    datasource:
      'data "aws_iam_policy_document" "t" {\n  version = "2012-10-17"\n  ‸\n}\n\nresource "aws_iam_role" "r" {\n  assume_role_policy = data.aws_iam_policy_document.t.json\n}\n',
    datasourceExpect: { includes: ['statement'], accept: { label: 'statement', contains: 'actions = ["sts:AssumeRole"]' } },
  },
  'Version values': {
    terraform: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "‸"\n    Statement = []\n  })\n}\n',
    datasource: 'data "aws_iam_policy_document" "d" {\n  version = "‸"\n}\n',
  },
  'Effect values right after the colon': { terraform: tf('Effect = ‸'), datasource: ds('effect = ‸') },
  'service prefixes in an empty string, profile first': { terraform: tf('Effect = "Allow"', 'Action = ["‸"]'), datasource: ds('actions = ["‸"]') },
  'profile actions mid-word, with access level and description': {
    terraform: tf('Effect = "Allow"', 'Action = "profile:Ge‸"'),
    datasource: ds('actions = ["profile:Ge‸"]'),
  },
  'wildcards say how many actions they cover': { terraform: tf('Effect = "Allow"', 'Action = ["profile:‸"]'), datasource: ds('actions = ["profile:‸"]') },
  "other services' actions from the index": { terraform: tf('Effect = "Allow"', 'Action = "kms:Dec‸"'), datasource: ds('actions = ["kms:Dec‸"]') },
  'ARN templates for the statement\'s actions, no "*" when every action takes a resource': {
    terraform: tf('Effect = "Allow"', 'Action = "profile:GetProfileObjectType"', 'Resource = ["‸"]'),
    datasource: ds('actions = ["profile:GetProfileObjectType"]', 'resources = ["‸"]'),
  },
  '"*" where an action takes no resource type': {
    terraform: tf('Effect = "Allow"', 'Action = "profile:ListDomains"', 'Resource = "‸"'),
    datasource: ds('actions = ["profile:ListDomains"]', 'resources = ["‸"]'),
  },
  'ARN parts: regions, with those already used first': {
    terraform: tf('Effect = "Allow"', 'Action = "profile:GetDomain"', 'Resource = ["arn:aws:profile:eu-west-2:111122223333:domains/a", "arn:aws:profile:‸"]'),
    datasource: ds('actions = ["profile:GetDomain"]', 'resources = ["arn:aws:profile:eu-west-2:111122223333:domains/a", "arn:aws:profile:‸"]'),
  },
  'ARN parts: regions where Customer Profiles runs first, then the rest of the partition': {
    terraform: tf('Effect = "Allow"', 'Action = "kms:Decrypt"', 'Resource = "arn:aws:kms:‸"'),
    datasource: ds('actions = ["kms:Decrypt"]', 'resources = ["arn:aws:kms:‸"]'),
  },
  'ARN parts: the regions of the partition written': {
    terraform: tf('Effect = "Allow"', 'Action = "kms:Decrypt"', 'Resource = "arn:aws-cn:kms:‸"'),
    datasource: ds('actions = ["kms:Decrypt"]', 'resources = ["arn:aws-cn:kms:‸"]'),
  },
  "S3: bucket and object ARN templates for the statement's actions": {
    terraform: tf('Effect = "Allow"', 'Action = ["s3:ListBucket", "s3:GetObject"]', 'Resource = ["‸"]'),
    datasource: ds('actions = ["s3:ListBucket", "s3:GetObject"]', 'resources = ["‸"]'),
  },
  "S3: its keys for the statement's actions, with their types": {
    terraform: tf(
      'Effect = "Allow"',
      'Action = "s3:ListBucket"',
      'Resource = "arn:aws:s3:::exports"',
      'Condition = {',
      '  StringLike = {',
      '    "s3:‸"',
      '  }',
      '}',
    ),
    datasource: ds(
      'actions = ["s3:ListBucket"]',
      'resources = ["arn:aws:s3:::exports"]',
      'condition {',
      '  test     = "StringLike"',
      '  variable = "s3:‸"',
      '}',
    ),
  },
  'KMS: kms:ViaService and the key ARN': {
    terraform: tf('Effect = "Allow"', 'Action = "kms:Decrypt"', 'Resource = "*"', 'Condition = {', '  StringEquals = {', '    ‸', '  }', '}'),
    datasource: ds('actions = ["kms:Decrypt"]', 'resources = ["*"]', 'condition {', '  test = "StringEquals"', '  ‸', '}'),
  },
  'KMS: key ARN templates': {
    terraform: tf('Effect = "Allow"', 'Action = "kms:GenerateDataKey"', 'Resource = "‸"'),
    datasource: ds('actions = ["kms:GenerateDataKey"]', 'resources = ["‸"]'),
  },
  'Connect: instance and queue ARN templates, each for its actions': {
    terraform: tf('Effect = "Allow"', 'Action = ["connect:DescribeInstance", "connect:DescribeQueue"]', 'Resource = ["‸"]'),
    datasource: ds('actions = ["connect:DescribeInstance", "connect:DescribeQueue"]', 'resources = ["‸"]'),
  },
  'AppFlow: actions with their descriptions, and flow ARNs': {
    terraform: tf('Effect = "Allow"', 'Action = "appflow:StartF‸"'),
    datasource: ds('actions = ["appflow:StartF‸"]'),
  },
  'ARN parts: domain names already used': {
    terraform: tf(
      'Effect = "Allow"',
      'Action = "profile:GetDomain"',
      'Resource = ["arn:aws:profile:us-east-1:111122223333:domains/retail", "arn:aws:profile:eu-west-2:111122223333:domains/‸"]',
    ),
    datasource: ds(
      'actions = ["profile:GetDomain"]',
      'resources = ["arn:aws:profile:us-east-1:111122223333:domains/retail", "arn:aws:profile:eu-west-2:111122223333:domains/‸"]',
    ),
  },
  "ARN parts: after the account, the service's resource types, the statement's first": {
    terraform: tf('Effect = "Allow"', 'Action = "profile:GetProfileObjectType"', 'Resource = "arn:aws:profile:*:111122223333:‸"'),
    datasource: ds('actions = ["profile:GetProfileObjectType"]', 'resources = ["arn:aws:profile:*:111122223333:‸"]'),
  },
  // Terraform's `$${` and the data source's `&{` are where a policy variable starts.
  'policy variables inside an ARN': {
    terraform: tf('Effect = "Allow"', 'Action = "profile:GetDomain"', 'Resource = "arn:aws:profile:*:*:domains/$${‸"'),
    datasource: ds('actions = ["profile:GetDomain"]', 'resources = ["arn:aws:profile:*:*:domains/&{‸"]'),
  },
  'condition operators': {
    terraform: tf('Effect = "Allow"', 'Action = "profile:GetDomain"', 'Resource = "*"', 'Condition = {', '  ‸', '}'),
    datasource: ds('actions = ["profile:GetDomain"]', 'resources = ["*"]', 'condition {', '  ‸', '}'),
  },
  'operators that fit the key already written': {
    terraform: tf('Effect = "Allow"', 'Action = "profile:GetDomain"', 'Resource = "*"', 'Condition = {', '  "‸" = { "aws:SecureTransport" = "true" }', '}'),
    datasource: ds(
      'actions = ["profile:GetDomain"]',
      'resources = ["*"]',
      'condition {',
      '  test     = "‸"',
      '  variable = "aws:SecureTransport"',
      '  values   = ["true"]',
      '}',
    ),
  },
  'condition keys: request tags only where an action takes them': {
    terraform: tf('Effect = "Allow"', 'Action = "profile:CreateDomain"', 'Resource = "*"', 'Condition = {', '  StringEquals = {', '    ‸', '  }', '}'),
    datasource: ds('actions = ["profile:CreateDomain"]', 'resources = ["*"]', 'condition {', '  test = "StringEquals"', '  ‸', '}'),
  },
  'condition keys: no request tags for GetDomain': {
    terraform: tf('Effect = "Allow"', 'Action = "profile:GetDomain"', 'Resource = "*"', 'Condition = {', '  StringEquals = {', '    "aws:‸"', '  }', '}'),
    datasource: ds('actions = ["profile:GetDomain"]', 'resources = ["*"]', 'condition {', '  test     = "StringEquals"', '  variable = "aws:‸"', '}'),
  },
  'Bool values': {
    terraform: tf(
      'Effect = "Allow"',
      'Action = "profile:GetDomain"',
      'Resource = "*"',
      'Condition = {',
      '  Bool = {',
      '    "aws:SecureTransport" = "‸"',
      '  }',
      '}',
    ),
    datasource: ds(
      'actions = ["profile:GetDomain"]',
      'resources = ["*"]',
      'condition {',
      '  test     = "Bool"',
      '  variable = "aws:SecureTransport"',
      '  values   = ["‸"]',
      '}',
    ),
  },
  'condition values already used for the same key': {
    terraform:
      'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n      { Effect = "Allow", Action = "profile:GetDomain", Resource = "*", Condition = { StringEquals = { "aws:ResourceTag/team" = "blue" } } },\n      { Effect = "Deny", Action = "profile:DeleteDomain", Resource = "*", Condition = { StringNotEquals = { "aws:ResourceTag/team" = "‸" } } },\n    ]\n  })\n}\n',
    datasource:
      'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["profile:GetDomain"]\n    resources = ["*"]\n    condition {\n      test     = "StringEquals"\n      variable = "aws:ResourceTag/team"\n      values   = ["blue"]\n    }\n  }\n  statement {\n    effect    = "Deny"\n    actions   = ["profile:DeleteDomain"]\n    resources = ["*"]\n    condition {\n      test     = "StringNotEquals"\n      variable = "aws:ResourceTag/team"\n      values   = ["‸"]\n    }\n  }\n}\n',
  },
};

describe('completion in Terraform', () => {
  for (const completionCase of CASES) {
    for (const form of ['terraform', 'datasource'] as const) {
      const marked = TERRAFORM_CASES[completionCase.name]?.[form];
      test(`${completionCase.name} [${form}]`, () => {
        assert.ok(marked, 'every completion case has its Terraform forms');
        const expect = (form === 'datasource' && TERRAFORM_CASES[completionCase.name]?.datasourceExpect) || completionCase;
        const { text, items } = itemsAt(marked, 'terraform');
        const labels = items.map((i) => i.label);
        for (const label of expect.includes ?? []) assert.ok(labels.includes(label), `missing ${label} in ${labels.slice(0, 30).join(', ')}`);
        for (const label of expect.excludes ?? []) assert.ok(!labels.includes(label), `unexpected ${label}`);
        if (completionCase.detail) {
          const item = items.find((i) => i.label === completionCase.detail!.label);
          assert.match(item?.detail ?? '', completionCase.detail.matches);
        }
        if (expect.accept) {
          const item = items.find((i) => i.label === expect.accept!.label);
          assert.ok(item, `no item ${expect.accept.label}`);
          const after = applyCompletion(text, item);
          assert.deepEqual(
            analyse(after, 'terraform').document.problems.filter((p) => p.code === 'syntax-error'),
            [],
            after,
          );
          assert.ok(after.includes(expect.accept.contains), after);
        }
      });
    }
  }

  test('a policy variable is written as Terraform leaves it: $${…} in jsonencode, &{…} in the data source', () => {
    for (const [marked, written] of [
      // In a closed string only what is between the quotes is replaced.
      [TERRAFORM_CASES['policy variables inside an ARN']!.terraform!, 'arn:aws:profile:*:*:domains/$${aws:username}'],
      [TERRAFORM_CASES['policy variables inside an ARN']!.datasource!, 'arn:aws:profile:*:*:domains/&{aws:username}'],
    ] as const) {
      const { items } = itemsAt(marked, 'terraform');
      const item = items.find((i) => i.label === '${aws:username}')!;
      assert.equal((item.textEdit as { newText: string }).newText, written);
      // The editor filters on the text as written.
      assert.equal(item.filterText, written);
    }
  });

  test("a key's variable whose name ends in a placeholder: the placeholder is a tab stop, in every syntax", () => {
    for (const [marked, format, written, accepted] of [
      [
        TERRAFORM_CASES['policy variables inside an ARN']!.terraform!,
        'terraform',
        'arn:aws:profile:*:*:domains/\\$\\${aws:PrincipalTag/${1:TagKey}\\}',
        'arn:aws:profile:*:*:domains/$${aws:PrincipalTag/TagKey}',
      ],
      [
        TERRAFORM_CASES['policy variables inside an ARN']!.datasource!,
        'terraform',
        'arn:aws:profile:*:*:domains/&{aws:PrincipalTag/${1:TagKey}\\}',
        'arn:aws:profile:*:*:domains/&{aws:PrincipalTag/TagKey}',
      ],
      [
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "arn:aws:profile:*:*:domains/${‸"}]}',
        'json',
        'arn:aws:profile:*:*:domains/\\${aws:PrincipalTag/${1:TagKey}\\}',
        'arn:aws:profile:*:*:domains/${aws:PrincipalTag/TagKey}',
      ],
      // A condition's value, the string still empty: the variables it may compare with.
      [
        ds(
          'actions = ["profile:GetDomain"]',
          'resources = ["*"]',
          'condition {\n      test     = "StringEquals"\n      variable = "aws:ResourceTag/team"\n      values   = ["‸"]\n    }',
        ),
        'terraform',
        '&{aws:PrincipalTag/${1:TagKey}\\}',
        '&{aws:PrincipalTag/TagKey}',
      ],
      [
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "‸"}}}]}',
        'json',
        '\\${aws:PrincipalTag/${1:TagKey}\\}',
        '${aws:PrincipalTag/TagKey}',
      ],
    ] as const) {
      const { text, items } = itemsAt(marked, format);
      const item = items.find((i) => i.label === '${aws:PrincipalTag/${TagKey}}')!;
      assert.equal(item.insertTextFormat, 2);
      assert.equal((item.textEdit as { newText: string }).newText, written);
      const after = applyCompletion(text, item);
      assert.ok(after.includes(`"${accepted}"`), after);
      assert.deepEqual(analyse(after, format).document.problems, [], after);
    }
  });

  test('a condition block written by hand: the word typed becomes test, then an operator in it; variable, then a key', () => {
    const block = (inner: string) => ds('actions = ["profile:GetDomain"]', 'resources = ["*"]', `condition {\n      ${inner}\n    }`);
    const accept = (marked: string, label: string) => {
      const { text, items } = itemsAt(marked, 'terraform');
      const item = items.find((i) => i.label === label);
      assert.ok(
        item,
        `no ${label} among ${items
          .slice(0, 5)
          .map((i) => i.label)
          .join(', ')}`,
      );
      assert.equal(items[0], item, 'the argument comes first');
      return applyCompletion(text, item);
    };
    assert.equal(accept(block('te‸'), 'test'), block('test = ""').replace('‸', ''));
    assert.equal(accept(block('‸'), 'test'), block('test = ""'));
    assert.equal(accept(block('test = "StringEquals"\n      va‸'), 'variable'), block('test = "StringEquals"\n      variable = ""'));
    // Then what goes in them.
    const operator = itemsAt(block('test = "‸"'), 'terraform').items.map((i) => i.label);
    assert.equal(operator[0], 'StringEquals');
    const key = itemsAt(block('test = "StringEquals"\n      variable = "‸"'), 'terraform').items.map((i) => i.label);
    assert.ok(key.includes('aws:ResourceTag/${TagKey}') && !key.includes('variable'));
    // A block holds one key: beside the one it has, a word typed is offered nothing that would write a second.
    const beside = block('test = "StringEquals"\n      variable = "aws:ResourceTag/team"\n      values   = [""]\n      Princ‸');
    assert.deepEqual(itemsAt(beside, 'terraform').items, []);
  });

  test('an operator chosen in a quoted placeholder keeps its quotes, so the snippet goes on to its next stop', () => {
    // What the Condition snippet leaves in jsonencode, the cursor at its first stop.
    const marked = tf(
      'Effect = "Allow"',
      'Action = "profile:GetDomain"',
      'Resource = "*"',
      'Condition = {\n        "‸" = {\n          "" = ""\n        }\n      }',
    );
    const { text, items } = itemsAt(marked, 'terraform');
    const item = items.find((i) => i.label === 'DateLessThan')!;
    const inside = withCursor(marked).offset;
    assert.deepEqual(item.textEdit, {
      range: { start: positionIn(text, inside), end: positionIn(text, inside) },
      newText: 'DateLessThan',
    });
    assert.ok(applyCompletion(text, item).includes('"DateLessThan" = {'));
  });

  test('an ARN template is a snippet of tab stops, never a live ${…}', () => {
    const { items } = itemsAt(
      TERRAFORM_CASES['ARN templates for the statement\'s actions, no "*" when every action takes a resource']!.terraform!,
      'terraform',
    );
    const item = items.find((i) => i.label === 'arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}')!;
    assert.equal((item.textEdit as { newText: string }).newText, 'arn:${1:aws}:profile:${2:us-east-1}:${3:111122223333}:domains/${4:DomainName}');
  });

  test('in a trust policy data source, principals come as a block', () => {
    const text =
      'data "aws_iam_policy_document" "trust" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    ‸\n  }\n}\n\nresource "aws_iam_role" "r" {\n  assume_role_policy = data.aws_iam_policy_document.trust.json\n}\n';
    const { text: plain, items } = itemsAt(text, 'terraform');
    const item = items.find((i) => i.label === 'principals')!;
    assert.equal(
      applyCompletion(plain, item).split('\n').slice(2, 7).join('\n'),
      '    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "AWS"\n      identifiers = [""]\n    }',
    );
  });
});

/**
 * The items at the cursor, each with its own edit. The same request answered against one edit range for
 * the list (as VS Code is answered) must make the same document for every item.
 */
function positionIn(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function itemsAt(marked: string, format: DocumentFormat): { text: string; items: CompletionItem[] } {
  const { text, offset } = withCursor(marked);
  const analysis = analyse(text, format);
  const { items } = completion(analysis, offset);
  const shared = completion(analysis, offset, undefined, { editRangeDefault: true });
  assert.deepEqual(
    shared.items.map((item) => item.label),
    items.map((item) => item.label),
  );
  items.forEach((item, i) => assert.equal(applyCompletion(text, shared.items[i]!, shared), applyCompletion(text, item), item.label));
  return { text, items };
}

describe('completion', () => {
  for (const completionCase of CASES) {
    for (const format of ['json', 'yaml'] as const) {
      test(`${completionCase.name} [${format}]`, () => {
        const { text, items } = itemsAt(completionCase[format], format);
        const labels = items.map((i) => i.label);
        for (const label of completionCase.includes ?? []) assert.ok(labels.includes(label), `missing ${label} in ${labels.slice(0, 30).join(', ')}`);
        for (const label of completionCase.excludes ?? []) assert.ok(!labels.includes(label), `unexpected ${label}`);
        if (completionCase.detail) {
          const item = items.find((i) => i.label === completionCase.detail!.label);
          assert.match(item?.detail ?? '', completionCase.detail.matches);
        }
        if (completionCase.accept) {
          const item = items.find((i) => i.label === completionCase.accept!.label);
          assert.ok(item, `no item ${completionCase.accept.label}`);
          const after = applyCompletion(text, item);
          const result = analyse(after, format);
          assert.deepEqual(
            result.document.problems.filter((p) => p.code === 'syntax-error'),
            [],
            after,
          );
          assert.ok(after.includes(completionCase.accept.contains), after);
        }
      });
    }
  }

  test('a key typed above an existing entry: accepted with its comma, and never one the statement has', () => {
    const marked = (typed: string, next: string) =>
      `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      ${typed}\n      ${next}\n    }\n  ]\n}\n`;
    const { text, items } = itemsAt(marked('"Si‸"', '"Action": "profile:GetDomain"'), 'json');
    assert.equal(
      applyCompletion(
        text,
        items.find((i) => i.label === 'Sid')!,
      ),
      marked('"Sid": "",', '"Action": "profile:GetDomain"').replace('‸', ''),
    );
    // Found in the editor: Condition was offered over a statement that has one, and written a second time.
    const labels = itemsAt(marked('"Con‸"', '"Condition": { "Bool": { "aws:SecureTransport": "true" } }'), 'json').items.map((i) => i.label);
    assert.ok(!labels.includes('Condition') && !labels.includes('Effect'), labels.join(', '));
    assert.ok(labels.includes('Action'), labels.join(', '));
  });

  test('over a lone "*" (a skeleton\'s selected Resource placeholder), the items filter on it and replace it', () => {
    // Found in the editor: Ctrl+Space at the placeholder said "No suggestions": no ARN starts with "*".
    for (const [marked, format] of [
      ['{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["profile:GetDomain"], "Resource": ["*‸"]}]}', 'json'],
      ['Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action:\n      - profile:GetDomain\n    Resource:\n      - "*‸"\n', 'yaml'],
    ] as const) {
      const { text, items } = itemsAt(marked, format);
      const template = items.find((i) => i.label === 'arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}');
      assert.ok(template, format);
      assert.ok(template.filterText?.replace('"', '').startsWith('*'), template.filterText);
      assert.ok(applyCompletion(text, template).includes('"arn:aws:profile:us-east-1:111122223333:domains/DomainName"'), format);
      assert.ok(!applyCompletion(text, template).includes('*'), format);
    }
  });

  test('profile actions show their description in the list and their access level at the edge', () => {
    const { items } = itemsAt('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetD‸"}]}', 'json');
    const item = items.find((i) => i.label === 'profile:GetDomain')!;
    assert.deepEqual(item.labelDetails, { detail: ' get a specific domain in an account', description: 'Read' });
    // The list stays light: each action's documentation is written when the editor shows it.
    assert.equal(item.documentation, undefined);
    assert.match((resolveCompletion(item).documentation as { value: string }).value, /API_GetDomain\.html/);
    assert.equal(resolveCompletion({ label: 'x', data: { action: 'profile:NoSuchAction' } }).documentation, undefined);
    assert.equal(resolveCompletion({ label: 'x', data: { action: 'profile:Get*' } }).documentation, undefined);
  });

  test('profile comes first among service prefixes, and accepting it asks for the action', () => {
    const { items } = itemsAt('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "‸"}]}', 'json');
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    assert.equal(sorted[0]!.label, 'profile');
    assert.equal(sorted[0]!.command?.command, 'editor.action.triggerSuggest');
  });

  test('accepting an action in an unclosed string replaces only up to the cursor', () => {
    const marked = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDo‸\n}]}';
    const { text, items } = itemsAt(marked, 'json');
    const after = applyCompletion(
      text,
      items.find((i) => i.label === 'profile:GetDomain')!,
    );
    assert.equal(after, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain"\n}]}');
  });

  test('YAML plain values stay plain; quoted ones keep their quotes', () => {
    const plain = itemsAt('Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetD‸', 'yaml');
    assert.equal((plain.items.find((i) => i.label === 'profile:GetDomain')!.textEdit as { newText: string }).newText, 'profile:GetDomain');
    const single = itemsAt("Version: '2012-10-17'\nStatement:\n  - Effect: Allow\n    Action: 'profile:GetD‸'", 'yaml');
    const singleItem = single.items.find((i) => i.label === 'profile:GetDomain')!;
    assert.equal(applyCompletion(single.text, singleItem), "Version: '2012-10-17'\nStatement:\n  - Effect: Allow\n    Action: 'profile:GetDomain'");
    // Inside closed quotes only the content is replaced, so an editor's snippet session (a skeleton's tab stops) goes on.
    assert.deepEqual((singleItem.textEdit as { range: unknown }).range, { start: { line: 3, character: 13 }, end: { line: 3, character: 25 } });
    const star = itemsAt('Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:ListDomains\n    Resource: ‸', 'yaml');
    assert.equal((star.items.find((i) => i.label === '*')!.textEdit as { newText: string }).newText, '"*"');
  });

  test('a JSON property inserted after another gets the comma it needs', () => {
    const { text, items } = itemsAt('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow" ‸}]}', 'json');
    const after = applyCompletion(
      text,
      items.find((i) => i.label === 'Action')!,
    );
    assert.deepEqual(analyse(after, 'json').document.problems, [], after);
  });

  test('outside any policy there is nothing to complete', () => {
    assert.deepEqual(itemsAt('{"name": "‸"}', 'json').items, []);
  });
});

/** The list an editor shows at key positions before anything is typed: the count, and the first items in order. */
const EXACT_LISTS: ReadonlyArray<{ name: string; format: DocumentFormat; text: string; count: number; first: string[] }> = [
  { name: 'policy keys', format: 'json', text: '{"Statement": [], ‸}', count: 1, first: ['Version'] },
  {
    name: 'statement keys',
    format: 'yaml',
    text: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    ‸',
    count: 6,
    first: ['Sid', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'],
  },
  { name: 'new statement in list', format: 'json', text: '{"Version": "2012-10-17", "Statement": [‸]}', count: 1, first: ['New statement'] },
  { name: 'effect', format: 'json', text: '{"Version": "2012-10-17", "Statement": [{"Effect": "‸"}]}', count: 2, first: ['Allow', 'Deny'] },
  {
    name: 'resource for GetDomain+ListDomains',
    format: 'json',
    text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["profile:GetDomain", "profile:ListDomains"], "Resource": ["‸"]}]}',
    count: 2,
    first: ['*', 'arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}'],
  },
  {
    name: 'operators for TagKeys',
    format: 'json',
    text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:TagResource", "Resource": "*", "Condition": {"‸": {"aws:TagKeys": ["a"]}}}]}',
    count: 25,
    first: [
      'ForAllValues:StringEquals',
      'ForAnyValue:StringEquals',
      'ForAllValues:StringNotEquals',
      'ForAnyValue:StringNotEquals',
      'ForAllValues:StringEqualsIgnoreCase',
      'ForAnyValue:StringEqualsIgnoreCase',
      'ForAllValues:StringNotEqualsIgnoreCase',
      'ForAnyValue:StringNotEqualsIgnoreCase',
      'ForAllValues:StringLike',
      'ForAnyValue:StringLike',
      'ForAllValues:StringNotLike',
      'ForAnyValue:StringNotLike',
      'StringEquals',
      'StringEqualsIfExists',
      'StringNotEquals',
      'StringNotEqualsIfExists',
      'StringEqualsIgnoreCase',
      'StringEqualsIgnoreCaseIfExists',
      'StringNotEqualsIgnoreCase',
      'StringNotEqualsIgnoreCaseIfExists',
      'StringLike',
      'StringLikeIfExists',
      'StringNotLike',
      'StringNotLikeIfExists',
      'Null',
    ],
  },
  {
    name: 'keys under StringEquals for TagResource',
    format: 'yaml',
    text: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:TagResource\n    Resource: "*"\n    Condition:\n      StringEquals:\n        ‸',
    count: 39,
    first: [
      'aws:RequestTag/${TagKey}',
      'aws:ResourceTag/${TagKey}',
      'aws:TagKeys',
      'aws:CalledVia',
      'aws:CalledViaAWSMCP',
      'aws:CalledViaFirst',
      'aws:CalledViaLast',
      'aws:ChatbotSourceArn',
      'aws:Ec2InstanceSourceVpc',
      'aws:FederatedProvider',
      'aws:PrincipalAccount',
      'aws:PrincipalArn',
      'aws:PrincipalOrgID',
      'aws:PrincipalOrgMasterAccountId',
      'aws:PrincipalOrgPaths',
      'aws:PrincipalServiceName',
      'aws:PrincipalServiceNamesList',
      'aws:PrincipalTag/${TagKey}',
      'aws:PrincipalType',
      'aws:referer',
      'aws:RequestedRegion',
      'aws:ResourceAccount',
      'aws:ResourceOrgID',
      'aws:ResourceOrgPaths',
      'aws:SourceAccount',
      'aws:SourceArn',
      'aws:SourceIdentity',
      'aws:SourceOrgID',
      'aws:SourceOrgPaths',
      'aws:SourceOwner',
      'aws:SourceVpc',
      'aws:SourceVpcArn',
      'aws:SourceVpce',
      'aws:UserAgent',
      'aws:userid',
      'aws:username',
      'aws:VpceAccount',
      'aws:VpceOrgID',
      'aws:VpceOrgPaths',
    ],
  },
  {
    name: 'actions profile:Get',
    format: 'json',
    text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetD‸"}]}',
    count: 127,
    first: [
      'profile:AddProfileKey',
      'profile:AssociateStreamForSegments',
      'profile:BatchGetCalculatedAttributeForProfile',
      'profile:BatchGetProfile',
      'profile:CreateCalculatedAttributeDefinition',
      'profile:CreateDomain',
      'profile:CreateDomainLayout',
      'profile:CreateEventStream',
      'profile:CreateEventTrigger',
      'profile:CreateIntegrationWorkflow',
      'profile:CreateProfile',
      'profile:CreateRecommender',
      'profile:CreateRecommenderFilter',
      'profile:CreateRecommenderSchema',
      'profile:CreateSegmentDefinition',
      'profile:CreateSegmentEstimate',
      'profile:CreateSegmentSnapshot',
      'profile:CreateSnapshot',
      'profile:CreateUploadJob',
      'profile:DeleteCalculatedAttributeDefinition',
      'profile:DeleteDomain',
      'profile:DeleteDomainLayout',
      'profile:DeleteDomainObjectType',
      'profile:DeleteEventStream',
      'profile:DeleteEventTrigger',
      'profile:DeleteIntegration',
      'profile:DeleteProfile',
      'profile:DeleteProfileKey',
      'profile:DeleteProfileObject',
      'profile:DeleteProfileObjectType',
      'profile:DeleteRecommender',
      'profile:DeleteRecommenderFilter',
      'profile:DeleteRecommenderSchema',
      'profile:DeleteSegmentDefinition',
      'profile:DeleteSegmentSubscription',
      'profile:DeleteWorkflow',
      'profile:DetectProfileObjectType',
      'profile:DisassociateStreamForSegments',
      'profile:GetAutoMergingPreview',
      'profile:GetCalculatedAttributeDefinition',
    ],
  },
];

describe('completion lists, exactly', () => {
  for (const list of EXACT_LISTS) {
    test(`${list.name} [${list.format}]`, () => {
      const { text, offset } = withCursor(list.text);
      const items = completion(analyse(text, list.format), offset).items;
      const shown = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
      assert.equal(items.length, list.count);
      assert.deepEqual(
        shown.slice(0, 40).map((i) => i.label),
        list.first,
      );
    });
  }
});

describe('actions found by their name in an empty Action value', () => {
  for (const format of ['json', 'yaml'] as const) {
    test(`typing GetDom finds profile:GetDomain [${format}]`, () => {
      const { text, offset } = withCursor(
        format === 'json'
          ? '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["‸"]}]}'
          : 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action:\n      - ‸',
      );
      const item = completion(analyse(text, format), offset).items.find((i) => i.label === 'profile:GetDomain')!;
      // The editor filters on filterText from the start of the edit (inside the quotes): the name or the full action.
      const filter = item.filterText!;
      assert.ok(filter.startsWith('GetDomain'), filter);
      assert.ok(filter.includes('profile:GetDomain'), filter);
      assert.match(String(item.detail), /^Read · /);
    });
  }
});

describe('between a key and its value', () => {
  test('nothing is offered: no key goes there, and a value would be written beside the one there is', () => {
    for (const [marked, format] of [
      ['{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action":‸ "profile:GetDomain"}]}', 'json'],
      ['{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ‸"profile:GetDomain"}]}', 'json'],
      ['Version: "2012-10-17"\nStatement:\n  - Effect:‸ Allow\n    Action: profile:GetDomain\n', 'yaml'],
      [ds('effect =‸ "Allow"', 'actions = ["profile:GetDomain"]'), 'terraform'],
    ] as const) {
      assert.deepEqual(itemsAt(marked, format).items, [], marked);
    }
  });
});

describe('ARN names typed in part', () => {
  test('a name typed in part is replaced whole, and the one being typed is not offered back to itself', () => {
    const json = (second: string) =>
      `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": ["arn:aws:profile:*:*:domains/retail", "arn:aws:profile:*:*:domains/${second}"]}]}`;
    const { text, items } = itemsAt(json('re‸'), 'json');
    assert.deepEqual(
      items.map((i) => i.label),
      ['retail'],
    );
    assert.equal(applyCompletion(text, items[0]!), json('retail').replace('‸', ''));
    // Alone in the document, what is typed is offered nothing (Tab then moves on in a snippet).
    const alone =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "arn:aws:profile:*:*:domains/ret‸"}]}';
    assert.deepEqual(itemsAt(alone, 'json').items, []);
    const ds =
      'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["profile:GetDomain"]\n    resources = ["arn:aws:profile:*:*:domains/retail/object-types/Ord‸"]\n  }\n}\n';
    assert.deepEqual(itemsAt(ds, 'terraform').items, []);
  });
});

describe('condition keys in the list say what they hold', () => {
  test("a global key's and a service key's description come with the item", () => {
    const { items } = itemsAt(
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"‸": ""}}}]}',
      'json',
    );
    const documentation = (label: string) => (items.find((i) => i.label === label)?.documentation as { value: string } | undefined)?.value;
    assert.match(documentation('aws:SourceVpce') ?? '', /^ID \(vpce-\.\.\.\) of the VPC endpoint the request came through\..*\.$/);
    assert.match(documentation('s3:ExistingObjectTag/${TagKey}') ?? '', /^Filters access by .*\.$/);
  });
});

describe('starting the policy of a template', () => {
  const managed = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n';
  const accepted = (marked: string, label: string, format: DocumentFormat = 'yaml') => {
    const { text, items } = itemsAt(marked, format);
    return applyCompletion(
      text,
      items.find((i) => i.label === label)!,
    );
  };

  test('YAML: under an empty PolicyDocument, the whole policy at the key column below it, for the kind of place it is', () => {
    assert.deepEqual(
      itemsAt(`${managed}        ‸\n`, 'yaml').items.map((i) => i.label),
      ['New policy', 'Version', 'Statement'],
    );
    assert.equal(
      accepted(`${managed}        ‸\n`, 'New policy'),
      `${managed}        Version: "2012-10-17"\n        Statement:\n          - Sid: Statement\n            Effect: Allow\n            Action:\n              - profile:GetDomain\n            Resource:\n              - "*"\n`,
    );
    // A bucket policy names whom it grants; a repository policy takes no Resource; a trust policy trusts a service.
    const bucket = 'Resources:\n  B:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      PolicyDocument:\n        ‸\n';
    assert.match(accepted(bucket, 'New policy'), /Principal:\n {14}AWS: arn:aws:iam::111122223333:root\n {12}Action:/);
    const repository = 'Resources:\n  R:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryPolicyText:\n        ‸\n';
    assert.doesNotMatch(accepted(repository, 'New policy'), /Resource:/);
    const role = 'Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        ‸\n';
    assert.match(accepted(role, 'New policy'), /Principal:\n {14}Service: lambda.amazonaws.com\n {12}Action: sts:AssumeRole\n$/);
  });

  test('YAML: right under the key at its own column (an editor that does not indent after a colon), the policy goes one level in', () => {
    assert.equal(accepted(`${managed}      ‸\n`, 'Version'), `${managed}        Version: "2012-10-17"\n`);
    // A line further down, or one left of the key, is another key's place: nothing.
    assert.deepEqual(itemsAt(`${managed}\n      ‸\n`, 'yaml').items, []);
    assert.deepEqual(itemsAt(`${managed}    ‸\n`, 'yaml').items, []);
  });

  test('YAML: a word typed on the line below the key is the first key, replaced when accepted; on the key line nothing is offered', () => {
    assert.equal(accepted(`${managed}        Ver‸\n`, 'Version'), `${managed}        Version: "2012-10-17"\n`);
    const inline =
      'Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies:\n        - PolicyName: read\n          PolicyDocument:\n            St‸\n';
    assert.match(accepted(inline, 'Statement'), /PolicyDocument:\n {12}Statement:\n {14}- Effect: Allow\n/);
    // `PolicyDocument: Ver` is a string there: a key written after it would not be YAML.
    assert.deepEqual(itemsAt(`${managed.trimEnd()} Ver‸\n`, 'yaml').items, []);
    // Not a place for a policy: nothing.
    assert.deepEqual(itemsAt('Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName:\n        ‸\n', 'yaml').items, []);
  });

  test('JSON: between the braces of an empty object on one line, the policy goes on lines of its own', () => {
    assert.equal(
      accepted('{‸}', 'New policy', 'json'),
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "Statement",\n      "Effect": "Allow",\n      "Action": ["profile:GetDomain"],\n      "Resource": ["*"]\n    }\n  ]\n}',
    );
  });
});

describe('YAML: a word typed under a list dash', () => {
  test('is a key of the item: the edit re-indents the line, the list filters on the blanks and the word', () => {
    const { items } = itemsAt('Version: "2012-10-17"\nStatement:\n  - Sid: ReadProfiles\n  Eff‸\n', 'yaml');
    const effect = items.find((i) => i.label === 'Effect')!;
    assert.equal(effect.filterText, '  Effect');
    assert.deepEqual((effect.textEdit as { range: unknown }).range, { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } });
    assert.ok(!items.some((i) => i.label === 'Version'), 'not the keys of the policy');
  });

  test('on the dash line itself, a word is the first key of a new statement, replaced when accepted', () => {
    // Found in the editor: `  - Eff` offered nothing, and Ctrl+Space said "No suggestions".
    for (const [marked, label, result] of [
      ['Version: "2012-10-17"\nStatement:\n  - Eff‸', 'Effect', 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow'],
      ['Version: "2012-10-17"\nStatement:\n- Ac‸', 'Action', 'Version: "2012-10-17"\nStatement:\n- Action:\n    - '],
      [
        'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: "*"\n    Resource: "*"\n  - Ac‸',
        'Action',
        'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: "*"\n    Resource: "*"\n  - Action:\n      - ',
      ],
    ] as const) {
      const { text, items } = itemsAt(marked, 'yaml');
      const item = items.find((i) => i.label === label);
      assert.ok(item, `${label} at ${JSON.stringify(marked)}: ${items.map((i) => i.label).join(', ')}`);
      assert.equal(applyCompletion(text, item), result);
    }
    // In JSON a word in the list is a value: no key is offered there.
    assert.deepEqual(itemsAt('{"Version": "2012-10-17", "Statement": [Eff‸]}', 'json').items, []);
  });
});

describe('action lists built once', () => {
  test('the same slot twice, each item with its own edit: equal lists of distinct items, so one answer edited leaves the next intact', () => {
    const { text, offset } = withCursor('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:Ge‸"}]}');
    const analysis = analyse(text, 'json');
    const first = completion(analysis, offset).items;
    const second = completion(analysis, offset).items;
    assert.deepEqual(second, first);
    assert.ok(first.length > 100);
    assert.ok(first.every((item, i) => item !== second[i]));
    first[0]!.textEdit = undefined;
    assert.deepEqual(completion(analysis, offset).items, second);
  });

  test('the same slot twice against one edit range for the list: the same frozen items, none with a range of its own', () => {
    const { text, offset } = withCursor('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:Ge‸"}]}');
    const analysis = analyse(text, 'json');
    const first = completion(analysis, offset, undefined, { editRangeDefault: true });
    const second = completion(analysis, offset, undefined, { editRangeDefault: true });
    assert.ok(first.items.length > 100);
    assert.ok(first.items.every((item, i) => item === second.items[i] && Object.isFrozen(item) && item.textEdit === undefined));
    // Inside the closed string's quotes: the characters of profile:Ge.
    const typed = text.indexOf('profile:Ge');
    assert.deepEqual(first.itemDefaults?.editRange, { start: { line: 0, character: typed }, end: { line: 0, character: typed + 'profile:Ge'.length } });
    const item = first.items.find((candidate) => candidate.label === 'profile:GetDomain')!;
    assert.equal(item.textEditText, undefined, 'the label is the text');
    assert.equal(applyCompletion(text, item, first), text.replace('profile:Ge"', 'profile:GetDomain"'));
  });

  test('each quote and each writer has its own list: "…" in JSON, plain and quoted YAML, HCL', () => {
    const newTextOf = (marked: string, format: 'json' | 'yaml' | 'terraform') => {
      const { text, offset } = withCursor(marked);
      const item = completion(analyse(text, format), offset).items.find((i) => i.label === 'profile:GetDomain')!;
      return (item.textEdit as { newText: string }).newText;
    };
    assert.equal(newTextOf('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetD‸"}]}', 'json'), 'profile:GetDomain');
    assert.equal(newTextOf('Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetD‸', 'yaml'), 'profile:GetDomain');
    assert.equal(newTextOf('Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: "profile:GetD‸', 'yaml'), '"profile:GetDomain"');
    assert.equal(newTextOf('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": profile:GetD‸}]}', 'json'), '"profile:GetDomain"');
    assert.equal(newTextOf('data "aws_iam_policy_document" "x" {\n  statement {\n    actions = ["profile:GetD‸"]\n  }\n}\n', 'terraform'), 'profile:GetDomain');
  });
});

describe('a typed trigger character opens the list only where it begins what the list completes', () => {
  const JSON_STATEMENT = (inside: string) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", ${inside}}]}`;
  const DATA_SOURCE = (inside: string) => `data "aws_iam_policy_document" "d" {\n  statement {\n    ${inside}\n  }\n}\n`;
  const opens: ReadonlyArray<readonly [string, DocumentFormat, string, string]> = [
    ['an opening quote of a value', 'json', JSON_STATEMENT('"Action": "‸"'), '"'],
    ['an opening quote of a key', 'json', JSON_STATEMENT('"‸"'), '"'],
    ['the colon after a service prefix', 'json', JSON_STATEMENT('"Action": "profile:‸"'), ':'],
    ['the colon after a service prefix, plain YAML', 'yaml', 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:‸', ':'],
    ['the colon between ARN parts', 'json', JSON_STATEMENT('"Action": "profile:GetDomain", "Resource": "arn:aws:‸"'), ':'],
    ['the { of ${', 'json', JSON_STATEMENT('"Action": "profile:GetDomain", "Resource": "arn:aws:profile:*:*:domains/${‸}"'), '{'],
    ['the { of &{ in a data source', 'terraform', DATA_SOURCE('actions = ["profile:GetDomain"]\n    resources = ["arn:aws:profile:*:*:domains/&{‸}"]'), '{'],
    ['a blank after a YAML key', 'yaml', 'Version: "2012-10-17"\nStatement:\n  - Effect: ‸', ' '],
    ['a blank after an HCL =', 'terraform', DATA_SOURCE('effect = ‸'), ' '],
  ];
  const opensNothing: ReadonlyArray<readonly [string, DocumentFormat, string, string]> = [
    ['a quote that closes a JSON value', 'json', JSON_STATEMENT('"Sid": "Other"‸'), '"'],
    [
      'a quote that closes a condition value',
      'json',
      JSON_STATEMENT('"Action": "profile:GetDomain", "Condition": {"StringEquals": {"aws:ResourceTag/team": "blue"‸}}'),
      '"',
    ],
    ['a quote that closes an HCL string', 'terraform', DATA_SOURCE('sid = "Second"‸'), '"'],
    ['a { that opens a JSON statement', 'json', '{"Version": "2012-10-17", "Statement": [{‸}]}', '{'],
    ['a { that opens an HCL block', 'terraform', 'data "aws_iam_policy_document" "d" {\n  statement {‸\n}\n', '{'],
    ['the blanks of a YAML line', 'yaml', 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    ‸', ' '],
    ['a blank after a YAML value', 'yaml', 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow ‸', ' '],
  ];
  for (const [name, format, marked, trigger] of opens) {
    test(`opens: ${name} [${format}]`, () => {
      const { text, offset } = withCursor(marked);
      assert.equal(text[offset - 1], trigger, 'the trigger is the character before the cursor');
      assert.ok(completion(analyse(text, format), offset, undefined, { triggerCharacter: trigger }).items.length > 0);
    });
  }
  for (const [name, format, marked, trigger] of opensNothing) {
    test(`opens nothing: ${name} [${format}]`, () => {
      const { text, offset } = withCursor(marked);
      assert.equal(text[offset - 1], trigger, 'the trigger is the character before the cursor');
      const analysis = analyse(text, format);
      assert.deepEqual(completion(analysis, offset, undefined, { triggerCharacter: trigger }).items, []);
    });
  }
});

/**
 * Accepting a key whose value has a list of its own (an element's actions, ARNs or operators, an
 * operator's keys) asks the editor to open that list at the snippet's first stop, in every syntax.
 */
describe('accepting a key goes on to the list of what it holds', () => {
  interface FollowCase {
    readonly accept: string;
    readonly then: string;
    readonly forms: Readonly<Partial<Record<'json' | 'yaml' | 'terraform' | 'datasource', string>>>;
  }
  const statementTail = (json: string, yaml: string, terraform: string, datasource: string) => ({ json, yaml, terraform, datasource });
  const CASES_FOLLOWED: FollowCase[] = [
    {
      accept: 'Action',
      then: 'profile',
      forms: statementTail(
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", ‸}]}',
        'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    ‸',
        tf('Effect = "Allow"', '‸'),
        ds('effect = "Allow"', '‸'),
      ),
    },
    {
      accept: 'Resource',
      then: 'arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}',
      forms: statementTail(
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", ‸}]}',
        'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    ‸',
        tf('Effect = "Allow"', 'Action = "profile:GetDomain"', '‸'),
        ds('actions = ["profile:GetDomain"]', '‸'),
      ),
    },
    {
      accept: 'Condition',
      then: 'StringEquals',
      forms: statementTail(
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", ‸}]}',
        'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n    ‸',
        tf('Effect = "Allow"', 'Action = "profile:GetDomain"', 'Resource = "*"', '‸'),
        ds('actions = ["profile:GetDomain"]', 'resources = ["*"]', '‸'),
      ),
    },
    {
      accept: 'StringEquals',
      then: 'aws:username',
      forms: {
        json: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", "Condition": {‸}}]}',
        yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n    Condition:\n      ‸',
        terraform: tf('Effect = "Allow"', 'Action = "profile:GetDomain"', 'Resource = "*"', 'Condition = {', '  ‸', '}'),
      },
    },
  ];
  for (const followCase of CASES_FOLLOWED) {
    for (const [form, marked] of Object.entries(followCase.forms)) {
      const format: DocumentFormat = form === 'datasource' ? 'terraform' : (form as DocumentFormat);
      const label = form === 'datasource' ? ARGUMENT_OF_ELEMENT[followCase.accept]! : followCase.accept;
      test(`${followCase.accept}, then ${followCase.then} [${form}]`, () => {
        const { text, items } = itemsAt(marked, format);
        const item = items.find((i) => i.label === label);
        assert.ok(item, `no ${label} in ${items.map((i) => i.label).join(', ')}`);
        assert.equal(item.command?.command, 'editor.action.triggerSuggest');
        const next = acceptToFirstStop(text, item);
        const labels = completion(analyse(next.text, format), next.offset).items.map((i) => i.label);
        assert.ok(
          labels.includes(followCase.then),
          `after ${label}, at ${JSON.stringify(next.text.slice(next.offset - 20, next.offset))}‸: ${labels.slice(0, 20).join(', ')}`,
        );
      });
    }
  }

  test('an operator accepted into the Condition snippet goes on to the key stop and its list, where the client has the command', () => {
    const forms: Array<[DocumentFormat, string]> = [
      ['json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", ‸}]}'],
      ['yaml', 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n    ‸'],
      ['terraform', tf('Effect = "Allow"', 'Action = "profile:GetDomain"', 'Resource = "*"', '‸')],
    ];
    for (const [format, marked] of forms) {
      const { text, items } = itemsAt(marked, format);
      const atOperator = acceptToFirstStop(
        text,
        items.find((i) => i.label === 'Condition')!,
      );
      const operators = (options: { suggestAtNextStop?: boolean }) =>
        completion(analyse(atOperator.text, format), atOperator.offset, undefined, options).items.find((i) => i.label === 'StringEquals')!;
      assert.equal(operators({ suggestAtNextStop: true }).command?.command, 'profilePolicy.suggestAtNextStop', format);
      // A client without the command (Neovim) gets none: Tab, then its own completion.
      assert.equal(operators({}).command, undefined, format);
      // The key stop after it: the keys are listed there.
      const after = applyCompletion(atOperator.text, operators({ suggestAtNextStop: true }));
      const operatorAt = after.indexOf('StringEquals');
      const keyAt = format === 'yaml' ? after.indexOf(':', after.indexOf('\n', operatorAt) + 1) : after.indexOf('""', operatorAt) + 1;
      const keys = completion(analyse(after, format), keyAt).items.map((i) => i.label);
      assert.ok(keys.includes('aws:username'), `${format}: ${keys.slice(0, 10).join(', ')}`);
    }
    // An operator over keys already written is only renamed: nothing more opens.
    const written = itemsAt(
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", "Condition": {"String‸": {"aws:username": "ana"}}}]}',
      'json',
    );
    const renamed = completion(analyse(written.text, 'json'), written.text.indexOf('String') + 6, undefined, { suggestAtNextStop: true });
    assert.equal(renamed.items.find((i) => i.label === 'StringEquals')?.command, undefined);
  });

  test('a key that already has a value is only renamed: nothing more opens', () => {
    const { items } = itemsAt('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Act‸": "profile:GetDomain"}]}', 'json');
    assert.equal(items.find((i) => i.label === 'Action')?.command, undefined);
  });
});
