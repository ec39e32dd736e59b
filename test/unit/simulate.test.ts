// The evaluation engine against the case table (test/fixtures/simulation-cases.json), each case
// citing the AWS page it comes from; the same cases run through the CLI in cli-simulate.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { simulate as apiSimulate } from '../../server/src/api';
import { bundledCatalog } from '../../server/src/catalog/bundled';
import { analyse, checkRequest, simulateAllActions, target } from '../../server/src/service';
import { simulatePolicy, simulateStatement } from '../../server/src/simulate/engine';
import type { SimulationRequest } from '../../server/src/simulate/types';
import { readRepoFile } from '../helpers';
import { contextKeyPrompt } from '../../server/src/protocol';
import { resourceToOffer } from '../../client/src/simulate/prefill';

export interface SimulationCase {
  readonly name: string;
  readonly doc: string;
  readonly policy: object;
  readonly request: SimulationRequest;
  readonly expect: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
}

const { cases } = JSON.parse(readRepoFile('test', 'fixtures', 'simulation-cases.json')) as { cases: SimulationCase[] };

/** The IAM User Guide pages the cases cite, so that every expectation can be looked up. */
export const USER_GUIDE_PAGES: Readonly<Record<string, string>> = {
  'Policy evaluation logic': 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
  'IAM JSON policy elements: Action': 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
  'IAM JSON policy elements: NotAction': 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
  'IAM JSON policy elements: Resource': 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html',
  'IAM JSON policy elements: NotResource': 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html',
  'IAM JSON policy elements: Version': 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html',
  'IAM JSON policy elements: Condition operators': 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
  'Create a condition with multiple context keys or values':
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html',
  'Single-valued vs. multivalued context keys':
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
  'IAM policy elements: Variables and tags': 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
  'IAM identifiers: Amazon Resource Names (ARNs)': 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html',
};

describe('simulation engine', () => {
  for (const simulation of cases) {
    test(`${simulation.name} → ${simulation.expect} (${simulation.doc})`, () => {
      const text = JSON.stringify(simulation.policy, null, 2);
      const { document } = analyse(text, 'json');
      const result = simulatePolicy(document.policies[0]!, simulation.request);
      assert.equal(result.decision, simulation.expect, JSON.stringify(result, null, 1));
      assert.ok(USER_GUIDE_PAGES[simulation.doc], `"${simulation.doc}" is not a User Guide page the table knows`);
      // Every statement is traced, and the one that decided is the one the reason names.
      assert.equal(result.statements.length, document.policies[0]!.statements.length);
      const deciding = result.statements.find((s) => s.applies && s.effect === (simulation.expect === 'ExplicitDeny' ? 'Deny' : 'Allow'));
      assert.equal(deciding !== undefined, simulation.expect !== 'ImplicitDeny');
    });
  }

  test('the trace explains each statement, condition by condition, with ranges', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'TeamDomains',
          Effect: 'Allow',
          Action: 'profile:Get*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' }, Bool: { 'aws:SecureTransport': 'true' } },
        },
        { Sid: 'NoDeletes', Effect: 'Deny', Action: 'profile:Delete*', Resource: '*' },
      ],
    });
    const policy = analyse(text, 'json').document.policies[0]!;
    const result = simulatePolicy(policy, {
      action: 'profile:GetDomain',
      resource: 'arn:aws:profile:us-east-1:111122223333:domains/retail',
      context: { 'aws:ResourceTag/team': 'blue' },
    });
    assert.equal(result.decision, 'ImplicitDeny');
    const [first, second] = result.statements;
    assert.equal(first!.sid, 'TeamDomains');
    assert.equal(first!.action.reason, '"profile:Get*" matches the action profile:GetDomain.');
    assert.equal(text.slice(first!.action.span!.start, first!.action.span!.end), '"profile:Get*"');
    assert.deepEqual(
      first!.conditions.map((c) => [c.operator, c.key, c.matched]),
      [
        ['StringEquals', 'aws:ResourceTag/team', true],
        ['Bool', 'aws:SecureTransport', false],
      ],
    );
    assert.equal(first!.conditions[1]!.reason, 'aws:SecureTransport is missing from the request: Bool is false.');
    assert.equal(first!.reason, 'Does not apply: the condition Bool on aws:SecureTransport is false.');
    assert.equal(second!.action.matched, false);
    assert.ok(text.slice(first!.conditions[0]!.span!.start, first!.conditions[0]!.span!.end).startsWith('"aws:ResourceTag/team"'));
  });

  test('one statement on its own', () => {
    const policy = analyse(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'profile:*', Resource: '*' },
          { Effect: 'Deny', Action: 'profile:DeleteDomain', Resource: '*' },
        ],
      }),
      'json',
    ).document.policies[0]!;
    const request = { action: 'profile:DeleteDomain', resource: 'arn:aws:profile:us-east-1:111122223333:domains/x' };
    assert.equal(simulatePolicy(policy, request).decision, 'ExplicitDeny');
    assert.equal(simulateStatement(policy.statements[0]!, request).decision, 'Allow');
  });

  test('YAML templates simulate the same way, !Sub resolved from the template', () => {
    const text = readRepoFile('examples', 'cloudformation-roles.yaml');
    const policy = analyse(text, 'yaml').document.policies.find((p) => p.label === 'AnalystRole › ReadCustomerProfiles')!;
    const result = simulatePolicy(policy, { action: 'profile:ListDomains', resource: '*' });
    assert.equal(result.decision, 'Allow');
    const search = simulatePolicy(policy, { action: 'profile:SearchProfiles', resource: 'arn:aws:profile:us-east-1:111122223333:domains/retail-customers' });
    assert.equal(search.decision, 'Allow');
    assert.equal(search.statements[0]!.resource.value, 'arn:aws:profile:us-east-1:111122223333:domains/retail-customers');
  });

  test('the trace names a value that can never match, and why ForAnyValue…IfExists fails on a missing key', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'profile:GetDomain', Resource: '*', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 'abc' } } },
        { Effect: 'Allow', Action: 'profile:GetDomain', Resource: '*', Condition: { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'team' } } },
      ],
    });
    const policy = analyse(text, 'json').document.policies[0]!;
    const result = simulatePolicy(policy, { action: 'profile:GetDomain', resource: '*', context: { 'aws:MultiFactorAuthAge': '100' } });
    assert.equal(
      result.statements[0]!.conditions[0]!.reason,
      'aws:MultiFactorAuthAge "100" is not less than "abc" ("abc" is not a number: that policy value never matches).',
    );
    assert.equal(
      result.statements[1]!.conditions[0]!.reason,
      'aws:TagKeys is missing: ForAnyValue needs at least one value, and IfExists does not change that.',
    );
  });
});

// Each operator compares as the IAM User Guide's "IAM JSON policy elements: Condition operators" says
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html);
// these cases pin how the trace words it.
describe('the trace says how a value stands to the condition, in the words of its operator', () => {
  const CASES: ReadonlyArray<readonly [operator: string, key: string, policyValues: readonly string[], request: string | readonly string[], reason: string]> = [
    ['StringEquals', 'aws:PrincipalTag/team', ['blue'], 'blue', 'aws:PrincipalTag/team "blue" equals "blue".'],
    ['StringEquals', 'aws:PrincipalTag/team', ['blue', 'red'], 'green', 'aws:PrincipalTag/team "green" equals none of "blue", "red".'],
    ['StringNotEquals', 'aws:PrincipalTag/team', ['blue'], 'green', 'aws:PrincipalTag/team "green" does not equal "blue".'],
    ['StringNotEquals', 'aws:PrincipalTag/team', ['blue'], 'blue', 'aws:PrincipalTag/team "blue" equals "blue", and StringNotEquals excludes it.'],
    ['StringEqualsIgnoreCase', 'aws:PrincipalTag/team', ['Blue'], 'BLUE', 'aws:PrincipalTag/team "BLUE" equals (ignoring case) "Blue".'],
    ['StringLike', 'aws:PrincipalTag/team', ['bl*'], 'blue', 'aws:PrincipalTag/team "blue" matches "bl*".'],
    ['NumericLessThan', 'aws:MultiFactorAuthAge', ['3600'], '100', 'aws:MultiFactorAuthAge "100" is less than "3600".'],
    ['NumericLessThanEquals', 'aws:MultiFactorAuthAge', ['3600'], '4000', 'aws:MultiFactorAuthAge "4000" is not at most "3600".'],
    ['NumericGreaterThanEquals', 'aws:MultiFactorAuthAge', ['60'], '60', 'aws:MultiFactorAuthAge "60" is at least "60".'],
    ['NumericEquals', 'aws:MultiFactorAuthAge', ['60'], '60', 'aws:MultiFactorAuthAge "60" equals "60".'],
    [
      'DateLessThan',
      'aws:CurrentTime',
      ['2030-01-01T00:00:00Z'],
      '2029-12-31T00:00:00Z',
      'aws:CurrentTime "2029-12-31T00:00:00Z" is before "2030-01-01T00:00:00Z".',
    ],
    [
      'DateGreaterThan',
      'aws:CurrentTime',
      ['2030-01-01T00:00:00Z'],
      '2029-12-31T00:00:00Z',
      'aws:CurrentTime "2029-12-31T00:00:00Z" is not after "2030-01-01T00:00:00Z".',
    ],
    [
      'DateGreaterThanEquals',
      'aws:CurrentTime',
      ['2030-01-01T00:00:00Z'],
      '2030-01-01T00:00:00Z',
      'aws:CurrentTime "2030-01-01T00:00:00Z" is at or after "2030-01-01T00:00:00Z".',
    ],
    [
      'DateLessThanEquals',
      'aws:CurrentTime',
      ['2030-01-01T00:00:00Z'],
      '2030-01-01T00:00:00Z',
      'aws:CurrentTime "2030-01-01T00:00:00Z" is at or before "2030-01-01T00:00:00Z".',
    ],
    [
      'DateEquals',
      'aws:CurrentTime',
      ['2030-01-01T00:00:00Z'],
      '2030-01-01T00:00:00Z',
      'aws:CurrentTime "2030-01-01T00:00:00Z" is the same time as "2030-01-01T00:00:00Z".',
    ],
    ['IpAddress', 'aws:SourceIp', ['10.0.0.0/8'], '10.1.2.3', 'aws:SourceIp "10.1.2.3" is in "10.0.0.0/8".'],
    ['NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8', '172.16.0.0/12'], '192.0.2.1', 'aws:SourceIp "192.0.2.1" is not in any of "10.0.0.0/8", "172.16.0.0/12".'],
    ['NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8'], '192.0.2.1', 'aws:SourceIp "192.0.2.1" is not in "10.0.0.0/8".'],
    ['Bool', 'aws:SecureTransport', ['true'], 'false', 'aws:SecureTransport "false" is not "true".'],
    ['Bool', 'aws:SecureTransport', ['true'], 'true', 'aws:SecureTransport "true" is "true".'],
    ['ArnLike', 'aws:SourceArn', ['arn:aws:s3:::bucket-*'], 'arn:aws:s3:::bucket-a', 'aws:SourceArn "arn:aws:s3:::bucket-a" matches "arn:aws:s3:::bucket-*".'],
    ['ForAllValues:StringEquals', 'aws:TagKeys', ['team', 'env'], ['team'], 'every value of aws:TagKeys ("team") equals one of "team", "env".'],
    ['ForAllValues:StringEquals', 'aws:TagKeys', ['team'], ['team', 'cost'], '"cost" does not equal "team", so not every value of aws:TagKeys does.'],
  ];
  for (const [operator, key, values, request, reason] of CASES) {
    test(`${operator} ${JSON.stringify(values)} and ${JSON.stringify(request)}`, () => {
      const text = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'profile:TagResource', Resource: '*', Condition: { [operator]: { [key]: values } } }],
      });
      const policy = analyse(text, 'json').document.policies[0]!;
      const result = simulatePolicy(policy, { action: 'profile:TagResource', resource: '*', context: { [key]: request } });
      assert.equal(result.statements[0]!.conditions[0]!.reason, reason);
    });
  }
});

describe('simulate all actions: the services the statement names', () => {
  const catalog = bundledCatalog();
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Exports', Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: '*' },
      { Sid: 'Nothing', Effect: 'Allow', Action: [], Resource: '*' },
    ],
  });
  const analysis = analyse(policy, 'json');
  const inExports = policy.indexOf('Exports');
  const inNothing = policy.indexOf('Nothing');

  test("the target offers the statement's services and every action of them", () => {
    const found = target(analysis, inExports, 'statement')!;
    assert.deepEqual(
      found.services.map((s) => s.prefix),
      ['s3', 'kms'],
    );
    assert.deepEqual(found.actions, ['s3:GetObject', 'kms:Decrypt']);
    assert.ok(found.allActions.includes('s3:PutObject') && found.allActions.includes('kms:Encrypt'));
    assert.ok(!found.allActions.some((a) => a.startsWith('profile:')));
  });

  test('a statement that names no service: Customer Profiles', () => {
    const found = target(analysis, inNothing, 'statement')!;
    assert.deepEqual(
      found.services.map((s) => [s.prefix, s.name]),
      [['profile', 'Amazon Connect Customer Profiles']],
    );
    assert.equal(simulateAllActions(analysis, inNothing, 'statement', '*', {})!.rows.length, 117);
  });

  test('every action of the chosen services, decided against the statement', () => {
    const all = simulateAllActions(analysis, inExports, 'statement', 'arn:aws:s3:::exports/report.csv', {})!;
    const decisions = new Map(all.rows.map((r) => [r.action, r.decision]));
    assert.equal(all.rows.length, catalog.serviceIndex('s3')!.actions.length + catalog.serviceIndex('kms')!.actions.length);
    assert.equal(decisions.get('s3:GetObject'), 'Allow');
    assert.equal(decisions.get('kms:Decrypt'), 'Allow');
    assert.equal(decisions.get('s3:PutObject'), 'ImplicitDeny');
    const kmsOnly = simulateAllActions(analysis, inExports, 'statement', '*', {}, undefined, undefined, ['kms'])!;
    assert.ok(kmsOnly.rows.every((r) => r.action.startsWith('kms:')));
    assert.equal(kmsOnly.rows.find((r) => r.action === 'kms:Decrypt')?.accessLevel, 'Write');
  });

  test('an action that acts on no resource is decided against "*", not the ARN given for the others', () => {
    // IAM User Guide, "Resource" element: an action that does not support resource-level permissions
    // needs "*"; a statement limited to ARNs does not allow it. Found in the editor: profile:List* on one
    // domain was said to allow profile:ListDomains.
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'DomainsOnly', Effect: 'Allow', Action: 'profile:List*', Resource: 'arn:aws:profile:us-east-1:111122223333:domains/retail' }],
    });
    const rows = new Map(
      simulateAllActions(
        analyse(text, 'json'),
        text.indexOf('DomainsOnly'),
        'statement',
        'arn:aws:profile:us-east-1:111122223333:domains/retail',
        {},
      )!.rows.map((r) => [r.action, r]),
    );
    assert.equal(rows.get('profile:ListDomains')?.decision, 'ImplicitDeny');
    assert.match(rows.get('profile:ListDomains')!.reason, /\*/);
    assert.equal(rows.get('profile:ListProfileObjects')?.decision, 'Allow');
  });
});

describe('what a simulation asks', () => {
  test('every key the statement reads: compared keys, and keys read through variables in values and ARNs', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'profile:GetDomain',
          Resource: 'arn:aws:profile:*:*:domains/${aws:PrincipalTag/domain}',
          Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}', 'aws:RequestTag/owner': '${aws:username}' } },
        },
      ],
    });
    const at = target(analyse(text, 'json'), text.indexOf('Effect'), 'statement');
    // On the action itself, the picker preselects it, with its access level and description.
    const onAction = target(analyse(text, 'json'), text.indexOf('GetDomain'), 'statement');
    assert.equal(onAction?.cursorAction, 'profile:GetDomain');
    assert.equal(at?.cursorAction, undefined);
    assert.deepEqual(onAction?.actionInfo['profile:GetDomain'], { accessLevel: 'Read', description: 'Get a specific domain in an account' });
    // An action that acts on no resource type says so: its question offers "*".
    assert.deepEqual(onAction?.actionInfo['profile:ListDomains'], { accessLevel: 'List', description: 'List all the domains in an account', noResource: true });
    assert.deepEqual(
      at?.contextKeys.map((k) => k.key),
      ['aws:ResourceTag/team', 'aws:RequestTag/owner', 'aws:PrincipalTag/team', 'aws:username', 'aws:PrincipalTag/domain'],
    );
  });

  test("a key's question says where the value offered comes from: this policy, or the user's earlier answer", () => {
    const sourceIp = { key: 'aws:SourceIp', multivalued: false, examples: ['203.0.113.0'] };
    const tail = 'aws:SourceIp. Leave empty when the request does not carry this key.';
    assert.equal(
      contextKeyPrompt(sourceIp, undefined),
      `${tail} The value offered meets the policy's condition on it (for a negated one, the value it excludes).`,
    );
    // After an Allow's IpAddress the user wrote their own address; this statement's example is named beside it.
    assert.equal(
      contextKeyPrompt(sourceIp, '198.51.100.7'),
      `${tail} The value offered is the one you gave in an earlier run; 203.0.113.0 meets this policy's condition.`,
    );
    assert.equal(contextKeyPrompt(sourceIp, '203.0.113.0'), `${tail} The value offered is the one you gave in an earlier run.`);
    assert.equal(
      contextKeyPrompt({ key: 'aws:TagKeys', multivalued: true, examples: [] }, undefined),
      'aws:TagKeys (several values: separate them with commas). Leave empty when the request does not carry this key.',
    );
  });
});

describe('simulation in CloudFormation templates', () => {
  test('a statement on one side of Fn::If may not be deployed: Undetermined where it alone would allow or deny', () => {
    // Fn::If with AWS::NoValue: the statement is in the deployed policy only when the condition holds.
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-conditions.html
    const text = readRepoFile('examples', 'cloudformation-roles.yaml');
    const policy = analyse(text, 'yaml').document.policies.find((p) => p.label.startsWith('ProfileAdministratorPolicy'))!;
    const request = { action: 'profile:DeleteProfileObject', resource: 'arn:aws:profile:us-east-1:111122223333:domains/retail-customers/object-types/Orders' };
    const result = simulatePolicy(policy, request);
    assert.equal(result.decision, 'Undetermined');
    assert.equal(
      result.reason,
      'Whether statement "DeleteInTheDomain" allows the request depends on the deployment: it is in the template only when the condition DeletesAllowed is true (Fn::If), which is decided at deploy time.',
    );
    // A statement outside the Fn::If still decides on its own.
    assert.equal(
      simulatePolicy(policy, { ...request, action: 'profile:GetDomain', resource: 'arn:aws:profile:us-east-1:111122223333:domains/retail-customers' }).decision,
      'Allow',
    );
  });

  // Fn::Sub, Ref and the pseudo parameters as CloudFormation resolves them:
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/pseudo-parameter-reference.html
  const template = readRepoFile('examples', 'cloudformation-roles.yaml');
  const domain = 'arn:aws:profile:us-east-1:111122223333:domains/retail-customers';
  const run = (select: string, action: string, resource: string, parameters?: Record<string, string>) =>
    apiSimulate(template, { action, resource, ...(parameters ? { parameters } : {}) }, { policy: select });

  test('!Sub takes the parameter default and the partition, region and account of the request ARN', () => {
    const result = run('ReadCustomerProfiles', 'profile:SearchProfiles', domain);
    assert.equal(result.decision, 'Allow');
    assert.equal(result.statements[0]!.resource.value, domain);
  });

  test('a value given for a parameter overrides its default', () => {
    assert.equal(run('ReadCustomerProfiles', 'profile:SearchProfiles', domain, { DomainName: 'wholesale' }).decision, 'ImplicitDeny');
    assert.equal(
      run('ReadCustomerProfiles', 'profile:SearchProfiles', domain.replace('retail-customers', 'wholesale'), { DomainName: 'wholesale' }).decision,
      'Allow',
    );
    // A pseudo parameter given wins over the one read from the ARN.
    assert.equal(run('ReadCustomerProfiles', 'profile:SearchProfiles', domain, { 'AWS::AccountId': '444455556666' }).decision, 'ImplicitDeny');
  });

  test('!GetAtt is decided at deploy time: Undetermined with the reason, never a deny', () => {
    const result = run('PutIntegrationObjects', 'profile:PutProfileObject', `${domain}/object-types/orders`);
    assert.equal(result.decision, 'Undetermined');
    assert.equal(
      result.reason,
      `Whether statement 1 allows the request depends on the deployment: No known Resource entry matches the resource ${domain}/object-types/orders, and Fn::GetAtt CustomerProfilesDomain.DomainArn is decided at deploy time.`,
    );
    assert.equal(result.statements[0]!.undetermined, true);
    assert.equal(result.statements[0]!.resource.undetermined, true);
    // What is known still decides: another action does not match, whatever the ARN turns out to be.
    assert.equal(run('PutIntegrationObjects', 'profile:DeleteDomain', domain).decision, 'ImplicitDeny');
  });

  test('an explicit Deny that may apply makes an Allow Undetermined; Fn::Join, Fn::Select and ${!Literal} resolve', () => {
    const text = `Parameters:
  Team: {Type: String, Default: blue}
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: profile:GetDomain
            Resource: !Join [":", ["arn", !Ref AWS::Partition, "profile", "*", "*", !Select [1, ["x", "domains/*"]]]]
            Condition:
              StringEquals:
                aws:PrincipalTag/team: !Sub "\${Team}"
                aws:ResourceTag/owner: !Sub "\${!aws:username}"
          - Effect: Deny
            Action: profile:GetDomain
            Resource: !GetAtt Domain.DomainArn
`;
    const request = {
      action: 'profile:GetDomain',
      resource: 'arn:aws:profile:us-east-1:111122223333:domains/d',
      context: { 'aws:PrincipalTag/team': 'blue', 'aws:username': 'ana', 'aws:ResourceTag/owner': 'ana' },
    };
    const result = apiSimulate(text, request);
    assert.equal(result.statements[0]!.applies, true);
    assert.equal(result.statements[1]!.undetermined, true);
    assert.equal(result.decision, 'Undetermined');
  });
});

describe('the values offered for a request, from the values a condition compares with', () => {
  // Each example, as the request's value, makes its condition hold (Null: the key left out).
  const cases: Array<[operator: string, key: string, policyValue: string, example: string | undefined]> = [
    ['StringEquals', 'aws:ResourceTag/team', 'team*', 'team*'],
    ['StringLike', 'aws:ResourceTag/team', 'team-?-*', 'team-x-'],
    ['StringLike', 'aws:ResourceTag/team', '*', '*'],
    ['StringNotEquals', 'aws:ResourceTag/team', 'blue', 'blue'],
    ['ArnLike', 'aws:SourceArn', 'arn:aws:s3:::bucket-*', 'arn:aws:s3:::bucket-'],
    ['IpAddress', 'aws:SourceIp', '10.0.0.0/8', '10.0.0.1'],
    ['IpAddress', 'aws:SourceIp', '203.0.113.7', '203.0.113.7'],
    ['IpAddress', 'aws:SourceIp', '2001:db8::/32', '2001:db8::1'],
    ['IpAddress', 'aws:SourceIp', '2001:db8:0:1::/64', '2001:db8:0:1::1'],
    ['IpAddress', 'aws:SourceIp', '::/0', '::1'],
    ['IpAddress', 'aws:SourceIp', '2001:db8:1:1:1:1:0:0/112', '2001:db8:1:1:1:1:0:1'],
    ['IpAddress', 'aws:SourceIp', '2001:0:0:1:0:0:0:0/64', '2001:0:0:1::1'],
    ['NotIpAddress', 'aws:SourceIp', '192.0.2.0/24', '192.0.2.1'],
    ['DateLessThan', 'aws:CurrentTime', '2020-01-01T00:00:00Z', '2019-12-31T00:00:00Z'],
    ['DateGreaterThan', 'aws:CurrentTime', '2020-01-01T00:00:00Z', '2020-01-02T00:00:00Z'],
    ['DateGreaterThanEquals', 'aws:EpochTime', '1700000000', '1700000000'],
    ['DateLessThan', 'aws:EpochTime', '1700000000', '1699913600'],
    ['NumericLessThan', 'aws:MultiFactorAuthAge', '3600', '3599'],
    ['NumericGreaterThan', 'aws:MultiFactorAuthAge', '1.5', '2.5'],
    ['NumericLessThanEquals', 'aws:MultiFactorAuthAge', '3600', '3600'],
    ['Bool', 'aws:SecureTransport', 'true', 'true'],
    ['Null', 'aws:ResourceTag/team', 'true', undefined],
    ['Null', 'aws:ResourceTag/team', 'false', 'true'],
  ];
  for (const [operator, key, policyValue, example] of cases) {
    test(`${operator} "${policyValue}" offers ${example === undefined ? 'no value' : `"${example}"`}, and it satisfies the condition`, () => {
      const policy = {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'profile:GetDomain', Resource: '*', Condition: { [operator]: { [key]: policyValue } } }],
      };
      const text = JSON.stringify(policy);
      const offered = target(analyse(text, 'json'), text.indexOf('Effect'), 'statement')!.contextKeys.find((k) => k.key === key)!;
      assert.deepEqual(offered.examples, example === undefined ? [] : [example]);
      // A negated operator is offered what its positive form matches: the request a Deny with it spares.
      const negated = operator.includes('Not');
      const request = {
        action: 'profile:GetDomain',
        resource: 'arn:aws:profile:us-east-1:111122223333:domains/d',
        context: example === undefined ? {} : { [key]: example },
      };
      assert.equal(apiSimulate(policy, request).decision, negated ? 'ImplicitDeny' : 'Allow');
    });
  }
});

describe('a request checked against what its action carries', () => {
  const domain = 'arn:aws:profile:us-east-1:111122223333:domains/retail';
  test('a tag key the action never carries is named (condition-key-unsupported says the same of the statement)', () => {
    const context = { 'aws:TagKeys': ['team'], 'aws:RequestTag/team': 'blue', 'aws:ResourceTag/team': 'blue', 'aws:SourceIp': '192.0.2.1' };
    assert.deepEqual(checkRequest({ action: 'profile:GetDomain', resource: domain, context }), [
      'profile:GetDomain does not support aws:TagKeys: no real request for it carries the key, though this one is simulated with it.',
      'profile:GetDomain does not support aws:RequestTag/team: no real request for it carries the key, though this one is simulated with it.',
    ]);
    assert.deepEqual(checkRequest({ action: 'profile:TagResource', resource: domain, context }), []);
  });
});

describe('values offered for keys the statement cannot carry, and for Null "false"', () => {
  const questionsOf = (statement: object) => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
    return target(analyse(text, 'json'), text.indexOf('Effect'), 'statement')!.contextKeys.map((k) => [k.key, k.examples]);
  };
  test('a tag key none of the actions carries is asked with no value (leaving it out is the real request)', () => {
    assert.deepEqual(
      questionsOf({ Effect: 'Allow', Action: 'profile:GetDomain', Resource: '*', Condition: { 'ForAllValues:StringLike': { 'aws:TagKeys': 'team*' } } }),
      [['aws:TagKeys', []]],
    );
    assert.deepEqual(
      questionsOf({ Effect: 'Allow', Action: 'profile:TagResource', Resource: '*', Condition: { 'ForAllValues:StringLike': { 'aws:TagKeys': 'team*' } } }),
      [['aws:TagKeys', ['team']]],
    );
  });
  test('Null "false" offers its "any value" after what the key\'s other conditions need', () => {
    assert.deepEqual(
      questionsOf({
        Effect: 'Allow',
        Action: 'profile:GetDomain',
        Resource: '*',
        Condition: { Null: { 'aws:MultiFactorAuthAge': 'false' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
      }),
      [['aws:MultiFactorAuthAge', ['3599', 'true']]],
    );
  });
});

describe("the resource the editor's question offers", () => {
  const resources = ['arn:aws:iam::*:role/aws-service-role/profile.amazonaws.com/AWSServiceRoleForProfile_*', 'arn:aws:profile:*:*:domains/*'];
  const actionInfo = { 'profile:ListDomains': { accessLevel: 'List', description: 'List all the domains in an account', noResource: true as const } };
  test('an ARN of the action\'s own service, the answer of an earlier run first; else "*" for another service', () => {
    // Found in the editor: cloudwatch:PutMetricData was offered the service-linked role's ARN.
    assert.equal(resourceToOffer({ resources, actionInfo }, 'cloudwatch:PutMetricData'), '*');
    assert.equal(resourceToOffer({ resources, actionInfo }, 'iam:DeleteRole'), resources[0]);
    assert.equal(resourceToOffer({ resources, actionInfo }, 'profile:GetDomain'), 'arn:aws:profile:*:*:domains/*');
    assert.equal(resourceToOffer({ resources, actionInfo }, 'profile:ListDomains'), '*');
    const earlier = 'arn:aws:profile:us-east-1:111122223333:domains/retail';
    assert.equal(resourceToOffer({ resources, actionInfo }, 'profile:GetDomain', earlier), earlier);
    assert.equal(resourceToOffer({ resources, actionInfo }, 'iam:DeleteRole', earlier), resources[0]);
    assert.equal(resourceToOffer({ resources: [], actionInfo }, 'profile:GetDomain'), 'arn:aws:profile:us-east-1:111122223333:domains/${DomainName}');
    // Simulate all actions asks with no action: the policy's first ARN.
    assert.equal(resourceToOffer({ resources, actionInfo }, undefined), resources[0]);
  });
});
