// The case table through `profile-policy simulate` (files, --context-file, --json, --expect) and
// through the library API, plus the CLI's usage errors.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli } from '../cli-runner';
import { readRepoFile, repoRoot, scratchDirectory } from '../helpers';
import type { SimulationCase } from './simulate.test';

const { cases } = JSON.parse(readRepoFile('test', 'fixtures', 'simulation-cases.json')) as { cases: SimulationCase[] };

describe('profile-policy simulate', () => {
  const dir = scratchDirectory('simulate-');
  cases.forEach((simulation, i) => {
    test(`${simulation.name} → ${simulation.expect}`, () => {
      const policy = join(dir, `policy-${i}.json`);
      const context = join(dir, `context-${i}.json`);
      writeFileSync(policy, JSON.stringify(simulation.policy, null, 2));
      writeFileSync(context, JSON.stringify(simulation.request.context ?? {}));
      const args = [
        'simulate',
        '--policy',
        policy,
        '--action',
        simulation.request.action,
        '--resource',
        simulation.request.resource,
        '--context-file',
        context,
        '--json',
        '--expect',
        simulation.expect,
      ];
      const result = cli(args);
      assert.equal(result.code, 0, result.stdout + result.stderr);
      const output = JSON.parse(result.stdout) as { decision: string; statements: unknown[] };
      assert.equal(output.decision, simulation.expect);
      assert.equal(output.statements.length, (simulation.policy as { Statement: unknown[] }).Statement.length);
    });
  });

  test('--expect fails the run when the decision differs; text output explains it', () => {
    const result = cli([
      'simulate',
      '--policy',
      'examples/contact-centre-agent.json',
      '--action',
      'profile:DeleteProfile',
      '--resource',
      'arn:aws:profile:us-east-1:111122223333:domains/retail',
      '--expect',
      'Allow',
    ]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^ExplicitDeny: Denied explicitly by statement "NeverDeleteOrMerge"/);
    assert.match(result.stdout, /✔ "profile:DeleteProfile" matches the action profile:DeleteProfile\./);
  });

  test('--context KEY=VALUE, repeated for a list; --select picks a policy of a template; --statement one statement', () => {
    const tagged = cli([
      'simulate',
      '--policy',
      'examples/cloudformation-roles.yaml',
      '--select',
      'ReadCustomerProfiles',
      '--action',
      'profile:ListDomains',
      '--resource',
      '*',
      '--json',
    ]);
    assert.equal(JSON.parse(tagged.stdout).decision, 'Allow');
    const ambiguous = cli(['simulate', '--policy', 'examples/cloudformation-roles.yaml', '--action', 'profile:ListDomains', '--resource', '*']);
    assert.equal(ambiguous.code, 2);
    assert.match(ambiguous.stderr, /choose one with --select: ProfileAdministratorRole › AssumeRolePolicyDocument;/);
    const dir2 = scratchDirectory('simulate-');
    writeFileSync(
      join(dir2, 'p.json'),
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'profile:TagResource', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } } },
          { Effect: 'Deny', Action: '*', Resource: '*' },
        ],
      }),
    );
    const both = [
      'simulate',
      '--policy',
      join(dir2, 'p.json'),
      '--action',
      'profile:TagResource',
      '--resource',
      '*',
      '--context',
      'aws:TagKeys=team',
      '--context',
      'aws:TagKeys=env',
      '--json',
    ];
    assert.equal(JSON.parse(cli([...both, '--statement', '1']).stdout).decision, 'Allow');
    assert.equal(JSON.parse(cli(both).stdout).decision, 'ExplicitDeny');
  });

  test('bad usage and bad input exit 2', () => {
    assert.equal(cli(['simulate']).code, 2);
    assert.equal(cli(['simulate', '--policy', 'examples/profile-administrator.json', '--action', 'profile:GetDomain']).code, 2);
    assert.equal(cli(['simulate', '--policy', 'nope.json', '--action', 'a:b', '--resource', '*']).code, 2);
    assert.equal(cli(['simulate', '--policy', 'examples/profile-administrator.json', '--action', 'a:b', '--resource', '*', '--expect', 'Maybe']).code, 2);
    assert.equal(cli(['simulate', '--policy', 'examples/profile-administrator.json', '--action', 'a:b', '--resource', '*', '--context', 'novalue']).code, 2);
    const dir3 = scratchDirectory('simulate-');
    writeFileSync(join(dir3, 'c.json'), '{"aws:TagKeys": [1, 2]}');
    const badContext = cli([
      'simulate',
      '--policy',
      'examples/profile-administrator.json',
      '--action',
      'a:b',
      '--resource',
      '*',
      '--context-file',
      join(dir3, 'c.json'),
    ]);
    assert.equal(badContext.code, 2);
    assert.match(badContext.stderr, /must be a string or a list of strings/);
  });

  test('templates: !Sub from parameter defaults, --parameter overrides, !GetAtt gives Undetermined (exit 1 unless expected)', () => {
    const domain = 'arn:aws:profile:us-east-1:111122223333:domains/retail-customers';
    const run = (...extra: string[]) =>
      cli([
        'simulate',
        '--policy',
        'examples/cloudformation-roles.yaml',
        '--action',
        'profile:SearchProfiles',
        '--resource',
        domain,
        '--select',
        'ReadCustomerProfiles',
        ...extra,
      ]);
    assert.equal(run('--expect', 'Allow').code, 0);
    const overridden = run('--parameter', 'DomainName=wholesale', '--json');
    assert.equal(JSON.parse(overridden.stdout).decision, 'ImplicitDeny');
    const integration = (...extra: string[]) =>
      cli([
        'simulate',
        '--policy',
        'examples/cloudformation-roles.yaml',
        '--select',
        'PutIntegrationObjects',
        '--action',
        'profile:PutProfileObject',
        '--resource',
        `${domain}/object-types/orders`,
        ...extra,
      ]);
    const json = JSON.parse(integration('--json').stdout) as { decision: string; statements: Array<{ undetermined?: boolean }> };
    assert.equal(json.decision, 'Undetermined');
    assert.equal(json.statements[0]!.undetermined, true);
    const text = integration('--expect', 'Allow');
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^Undetermined: Whether statement 1 allows the request depends on the deployment/);
    assert.match(text.stdout, /\n\? statement 1 \(Allow, line 109\): May apply:/);
    assert.equal(cli(['simulate', '--policy', 'examples/cloudformation-roles.yaml', '--action', 'a:b', '--resource', '*', '--parameter', 'novalue']).code, 2);
  });

  test('a typo in the action, a malformed ARN, an ARN the action does not take, a wildcard in the resource: a warning on standard error, so --expect ImplicitDeny does not pass in silence', () => {
    const run = (action: string, resource: string) =>
      cli(['simulate', '--policy', 'examples/contact-centre-agent.json', '--action', action, '--resource', resource, '--expect', 'ImplicitDeny']);
    const domain = 'arn:aws:profile:us-east-1:111122223333:domains/retail';
    const cases: Array<[string, string, string[]]> = [
      [
        'profile:GetDomian',
        domain,
        [
          '"profile:GetDomian" is not an action of Amazon Connect Customer Profiles. Did you mean profile:GetDomain? The decision is for "profile:GetDomian" as written.',
        ],
      ],
      ['profle:GetDomain', domain, ['"profle" is not an AWS service prefix. Did you mean "profile"? The decision is for "profle:GetDomain" as written.']],
      [
        'profile:GetDomain',
        'arn:aws:profile:us-east-1',
        ['"arn:aws:profile:us-east-1" is not an ARN (arn:partition:service:region:account:resource): only a Resource of "*" can match it.'],
      ],
      [
        'profile:GetDomain',
        'arn:aws:profile:us-east-1:111122223333:domain/retail',
        [
          'profile:GetDomain acts on domains (arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}); "arn:aws:profile:us-east-1:111122223333:domain/retail" is none of these.',
        ],
      ],
      ['profile:Get*', domain, ['"profile:Get*" is a pattern: a request names one action, and this one is simulated as the literal name.']],
      [
        'profile:GetDomain',
        'arn:aws:profile:*:111122223333:domains/retail',
        [
          '"arn:aws:profile:*:111122223333:domains/retail" holds a wildcard: a request names one resource, and this one is simulated with the wildcard as a literal character.',
        ],
      ],
      ['profile:ListDomains', domain, [`profile:ListDomains acts on no resource type: its requests are for "*", not "${domain}".`]],
      ['profile:ListDomains', '*', []],
      // A request that can happen: no warning.
      ['profile:DeleteDomain', domain, []],
    ];
    for (const [action, resource, warnings] of cases) {
      const result = run(action, resource);
      assert.equal(result.stderr, warnings.map((w) => `profile-policy: warning: ${w}\n`).join(''), `${action} ${resource}`);
      assert.equal(result.code, 0);
    }
  });
});

describe('library API (package.json exports "./api")', () => {
  test('simulate(policy, request) takes JSON text or an object, synchronously', () => {
    const manifest = JSON.parse(readRepoFile('package.json')) as { exports: Record<string, string> };
    const api = require(join(repoRoot, manifest.exports['./api']!)) as typeof import('../../server/src/api');
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'profile:Get*', Resource: '*' }] };
    const request = { action: 'profile:GetDomain', resource: 'arn:aws:profile:us-east-1:111122223333:domains/x' };
    assert.equal(api.simulate(policy, request).decision, 'Allow');
    assert.equal(api.simulate(JSON.stringify(policy), { ...request, action: 'profile:DeleteDomain' }).decision, 'ImplicitDeny');
    assert.throws(() => api.simulate(policy, { action: 'profile:GetDomain' }), api.SimulationInputError);
  });
});
