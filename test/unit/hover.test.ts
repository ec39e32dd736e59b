// Hover at cursor-marked positions, the same case in JSON and YAML.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyse, hoverAt, symbols } from '../../server/src/service';
import { readRepoFile } from '../helpers';
import { withCursor } from '../cursor';

interface HoverCase {
  name: string;
  json: string;
  yaml: string;
  /** Substrings the hover must contain; empty for "no hover". */
  contains: string[];
  excludes?: string[];
}

const statement = (inner: string) => `{"Version": "2012-10-17", "Statement": [{${inner}}]}`;

const CASES: HoverCase[] = [
  {
    name: 'an action: description, access level, resource types, API link',
    json: statement('"Effect": "Allow", "Action": "profile:BatchGet‸Profile", "Resource": "*"'),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:BatchGet‸Profile\n    Resource: "*"',
    contains: ['**profile:BatchGetProfile** — Read', 'Grants permission to get profiles in the domain', '`domains` (required)', 'API_BatchGetProfile.html'],
  },
  {
    name: 'an action of another service',
    json: statement('"Effect": "Allow", "Action": "kms:Decr‸ypt", "Resource": "*"'),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: kms:Decr‸ypt\n    Resource: "*"',
    contains: [
      '**kms:Decrypt** — Write · AWS Key Management Service',
      'decrypt ciphertext',
      '- `key` (required): `arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}`',
      '`kms:ViaService`',
      // One entry for a numbered family of keys.
      '`kms:RecipientAttestation:PCR…` (32 keys)',
    ],
  },
  {
    name: 'a global condition key: what it holds, and when a request has it',
    json: statement('"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalOr‸gID": "o-a1b2c3d4e5"}}'),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Deny\n    Action: s3:*\n    Resource: "*"\n    Condition:\n      StringNotEquals:\n        aws:PrincipalOr‸gID: o-a1b2c3d4e5',
    contains: [
      '**aws:PrincipalOrgID** — String, single-valued',
      "organization that the requesting principal's account belongs to",
      'absent for anonymous requests.',
    ],
    excludes: ['Global condition key (principal)'],
  },
  {
    name: 'a legacy action AWS still writes: it allows nothing, and where it comes from',
    json: statement('"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["SNS:Publish", "SNS:Rec‸eive"], "Resource": "*"'),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Principal: {AWS: "*"}\n    Action: [SNS:Publish, SNS:Rec‸eive]\n    Resource: "*"',
    contains: ['**SNS:Receive** — a legacy action of Amazon SNS: no operation checks it, so it allows nothing.', 'default access policy of a topic'],
  },
  {
    name: 'an S3 action: its description and resource types',
    json: statement('"Effect": "Allow", "Action": "s3:GetOb‸ject", "Resource": "*"'),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: s3:GetOb‸ject\n    Resource: "*"',
    contains: [
      '**s3:GetObject** — Read · Amazon S3',
      'Grants permission to retrieve objects from Amazon S3.',
      '- `object`: `arn:${Partition}:s3:::${BucketName}/${ObjectName}`',
      '- `accesspointobject`: `arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}`',
      '`s3:ExistingObjectTag/${TagKey}`',
    ],
  },
  {
    name: 'an S3 key: its type and the actions that support it',
    json: statement('"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::exports", "Condition": {"StringLike": {"s3:pre‸fix": "home/*"}}'),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: s3:ListBucket\n    Resource: arn:aws:s3:::exports\n    Condition:\n      StringLike:\n        s3:pre‸fix: home/*',
    contains: ['**s3:prefix** — String, single-valued', 'Filters access by key name prefix.', "Supported by 1 of this statement's 1 action: s3:ListBucket."],
  },
  {
    name: 'a bucket ARN: the object actions do not take it',
    json: statement('"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "arn:aws:s3:::exp‸orts"'),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: [s3:GetObject, s3:ListBucket]\n    Resource: arn:aws:s3:::exp‸orts',
    contains: ['Resource type: `bucket`', "Accepted by 1 of this statement's 2 s3 actions: ListBucket.", 'Not by: GetObject.'],
  },
  {
    name: 'a wildcard: every match, grouped by access level',
    json: statement('"Effect": "Allow", "Action": "profile:BatchGet‸*", "Resource": "*"'),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: "profile:BatchGet‸*"\n    Resource: "*"',
    contains: ['matches 2 actions', '**Read** (2)', '`profile:BatchGetProfile`', '`profile:BatchGetCalculatedAttributeForProfile`'],
  },
  {
    name: 'a wildcard that matches nothing',
    json: statement('"Effect": "Allow", "Action": "profile:Descr‸ibe*", "Resource": "*"'),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:Descr‸ibe*\n    Resource: "*"',
    contains: ['matches no action'],
  },
  {
    name: 'an ARN: parts, resource type, which actions accept it',
    json: statement(
      '"Effect": "Allow", "Action": ["profile:GetDomain", "profile:ListDomains"], "Resource": "arn:aws:profile:us-east-1:111122223333:dom‸ains/retail"',
    ),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: [profile:GetDomain, profile:ListDomains]\n    Resource: arn:aws:profile:us-east-1:111122223333:dom‸ains/retail',
    contains: [
      '| region | `us-east-1` |',
      '| account | `111122223333` |',
      'Resource type: `domains`',
      "Accepted by 1 of this statement's 2 profile actions: GetDomain",
      'Not by: ListDomains',
    ],
  },
  {
    name: 'an ARN with a wildcard that crosses "/"',
    json: statement('"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "arn:aws:profile:*:*:‸domains/*"'),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: arn:aws:profile:*:*:‸domains/*',
    contains: ['`domains`', '`object-types`', '`calculated-attributes`'],
  },
  {
    name: 'a policy variable inside an ARN',
    json: statement('"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "arn:aws:profile:*:*:domains/${aws:user‸name}"'),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: arn:aws:profile:*:*:domains/${aws:user‸name}',
    contains: ['**${aws:username}** — policy variable', 'Version": "2012-10-17"'],
  },
  {
    name: 'an operator: missing keys, several values, qualifier',
    json: statement(
      '"Effect": "Allow", "Action": "profile:TagResource", "Resource": "*", "Condition": {"ForAllValues:String‸Equals": {"aws:TagKeys": ["team"]}}',
    ),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:TagResource\n    Resource: "*"\n    Condition:\n      ForAllValues:String‸Equals:\n        aws:TagKeys: [team]',
    contains: ['String condition operator', 'any** matches (an OR)', 'A missing key makes it **false**', '`ForAllValues`', 'Null'],
  },
  {
    name: 'a negated IfExists operator',
    json: statement(
      '"Effect": "Deny", "Action": "profile:DeleteDomain", "Resource": "*", "Condition": {"StringNotEqualsIf‸Exists": {"aws:ResourceTag/env": "dev"}}',
    ),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Deny\n    Action: profile:DeleteDomain\n    Resource: "*"\n    Condition:\n      StringNotEqualsIf‸Exists:\n        aws:ResourceTag/env: dev',
    contains: ['none** matches (a NOR)', 'also true when the key is absent'],
  },
  {
    name: "a condition key the statement's actions do not support",
    json: statement('"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", "Condition": {"StringEquals": {"aws:Request‸Tag/team": "blue"}}'),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n    Condition:\n      StringEquals:\n        aws:Request‸Tag/team: blue',
    contains: ['String, single-valued', 'passed in the request', "**None** of this statement's 1 action supports it"],
  },
  {
    name: 'a multivalued condition key and the actions that support it',
    json: statement(
      '"Effect": "Allow", "Action": ["profile:TagResource", "profile:GetDomain"], "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:Tag‸Keys": ["team"]}}',
    ),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: [profile:TagResource, profile:GetDomain]\n    Resource: "*"\n    Condition:\n      ForAllValues:StringEquals:\n        aws:Tag‸Keys: [team]',
    contains: ['ArrayOfString, **multivalued**', "Supported by 1 of this statement's 2 actions: profile:TagResource"],
  },
  {
    name: 'an element name',
    json: statement('"Effect": "Allow", "Not‸Action": "profile:GetDomain", "Resource": "*"'),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Not‸Action: profile:GetDomain\n    Resource: "*"',
    contains: ['**NotAction**', 'Every action **except**', 'reference_policies_elements_notaction.html'],
  },
  {
    name: 'nothing to say about a Sid value',
    json: statement('"Sid": "Re‸ad", "Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"'),
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Sid: Re‸ad\n    Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"',
    contains: [],
  },
];

describe('hover', () => {
  for (const hoverCase of CASES) {
    for (const format of ['json', 'yaml'] as const) {
      test(`${hoverCase.name} [${format}]`, () => {
        const { text, offset } = withCursor(hoverCase[format]);
        const result = hoverAt(analyse(text, format), offset);
        if (hoverCase.contains.length === 0) {
          assert.equal(result, null);
          return;
        }
        const value = (result?.contents as { value: string } | undefined)?.value ?? '';
        for (const part of hoverCase.contains) assert.ok(value.includes(part), `missing ${JSON.stringify(part)} in:\n${value}`);
      });
    }
  }

  test('the hover range is the hovered token', () => {
    const { text, offset } = withCursor(statement('"Effect": "Allow", "Action": "profile:Get‸Domain", "Resource": "*"'));
    const result = hoverAt(analyse(text, 'json'), offset)!;
    const start = text.indexOf('"profile:GetDomain"');
    assert.deepEqual(result.range, { start: { line: 0, character: start }, end: { line: 0, character: start + '"profile:GetDomain"'.length } });
  });
});

describe('outline', () => {
  test('policies of a template, and statements by Sid or effect and actions', () => {
    for (const format of ['json', 'yaml'] as const) {
      const outline = symbols(analyse(readRepoFile('examples', `cloudformation-roles.${format}`), format));
      assert.deepEqual(
        outline.map((p) => [p.name, p.detail, p.children?.map((s) => s.name)]),
        [
          ['ProfileAdministratorRole › AssumeRolePolicyDocument', 'trust policy', ['Allow sts:AssumeRole']],
          ['ProfileAdministratorPolicy › PolicyDocument', 'identity policy', ['AdministerTheDomain', 'DeleteInTheDomain']],
          ['AnalystRole › AssumeRolePolicyDocument', 'trust policy', ['Allow sts:AssumeRole']],
          ['AnalystRole › ReadCustomerProfiles', 'identity policy', ['ReadProfiles', 'ListDomains']],
          ['IntegrationWorkflowRole › AssumeRolePolicyDocument', 'trust policy', ['Allow sts:AssumeRole']],
          ['IntegrationWorkflowRole › PutIntegrationObjects', 'identity policy', ['Allow profile:PutProfileObject, profile:CreateProfile, …']],
        ],
      );
      // LSP (and VS Code) reject a symbol whose selection range is outside its range.
      const inside = (
        inner: { start: { line: number; character: number } },
        outer: { start: { line: number; character: number }; end: { line: number; character: number } },
      ) =>
        (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
        (inner.start.line < outer.end.line || (inner.start.line === outer.end.line && inner.start.character <= outer.end.character));
      for (const symbol of outline) {
        assert.ok(inside(symbol.selectionRange, symbol.range), `${symbol.name} [${format}]`);
        for (const child of symbol.children ?? [])
          assert.ok(inside(child.selectionRange, child.range) && inside(child.range, symbol.range), `${child.name} [${format}]`);
      }
    }
  });
});

describe('hover on CloudFormation functions in a policy', () => {
  const template = readRepoFile('examples', 'cloudformation-roles.yaml');
  const analysis = analyse(template, 'yaml');
  const at = (needle: string, into: number) => hoverAt(analysis, template.indexOf(needle) + into);

  test('a !Sub ARN: what it stands for, each ${…} as its value or what decides it', () => {
    const hover = at('${AWS::AccountId}:domains/${DomainName}/object-types/*', 30);
    assert.equal(
      (hover?.contents as { value: string }).value,
      [
        '**Fn::Sub**, resolved by CloudFormation at deploy time:',
        '',
        '`arn:${AWS::Partition}:profile:${AWS::Region}:${AWS::AccountId}:domains/retail-customers/object-types/*`',
        '',
        '| name | value |',
        '| --- | --- |',
        "| `${AWS::Partition}` | the stack's partition (`aws`, `aws-cn`, `aws-us-gov`, …): decided at deploy time |",
        "| `${AWS::Region}` | the stack's Region: decided at deploy time |",
        "| `${AWS::AccountId}` | the stack's account: decided at deploy time |",
        '| `${DomainName}` | `retail-customers`, the default of parameter DomainName |',
      ].join('\n'),
    );
  });

  test('!GetAtt and a !Join over it: decided at deploy time, and why', () => {
    assert.match(
      (at('!GetAtt CustomerProfilesDomain.DomainArn\n', 12)?.contents as { value: string }).value,
      /^\*\*Fn::GetAtt\*\*: decided by CloudFormation at deploy time/,
    );
    assert.equal(
      (at('!Join', 10)?.contents as { value: string }).value,
      '**Fn::Join**, resolved by CloudFormation at deploy time: Fn::GetAtt CustomerProfilesDomain.DomainArn is decided at deploy time.',
    );
  });
});
