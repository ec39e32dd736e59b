// The evaluation engine against the case table (test/fixtures/simulation-cases.json), each case
// citing the AWS page it comes from; the same cases run through the CLI in cli-simulate.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyse } from '../../server/src/service';
import { simulatePolicy, simulateStatement } from '../../server/src/simulate/engine';
import type { SimulationRequest } from '../../server/src/simulate/types';
import { readRepoFile } from '../helpers';

export interface SimulationCase {
  readonly name: string;
  readonly doc: string;
  readonly policy: object;
  readonly request: SimulationRequest;
  readonly expect: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
}

const { cases } = JSON.parse(readRepoFile('test', 'fixtures', 'simulation-cases.json')) as { cases: SimulationCase[] };

describe('simulation engine', () => {
  for (const simulation of cases) {
    test(`${simulation.name} → ${simulation.expect} (${simulation.doc})`, () => {
      const text = JSON.stringify(simulation.policy, null, 2);
      const { document } = analyse(text, 'json');
      const result = simulatePolicy(document.policies[0]!, simulation.request);
      assert.equal(result.decision, simulation.expect, JSON.stringify(result, null, 1));
      assert.ok(simulation.doc.length > 10);
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

  test('YAML templates simulate the same way, intrinsics left unevaluated', () => {
    const text = readRepoFile('examples', 'cloudformation-roles.yaml');
    const policy = analyse(text, 'yaml').document.policies.find((p) => p.label === 'AnalystRole › ReadCustomerProfiles')!;
    const result = simulatePolicy(policy, { action: 'profile:ListDomains', resource: '*' });
    assert.equal(result.decision, 'Allow');
    const search = simulatePolicy(policy, { action: 'profile:SearchProfiles', resource: 'arn:aws:profile:us-east-1:111122223333:domains/retail-customers' });
    assert.equal(search.decision, 'ImplicitDeny');
    assert.match(search.statements[0]!.resource.reason, /not evaluated: Fn::Sub, Fn::Sub/);
  });
});
