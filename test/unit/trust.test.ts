// What makes the findings trustworthy on real input, beside the rule matrix: which documents are
// policies, where templates keep them, severities that depend on what a policy says, and one size
// figure whatever the policy is written in. Each case runs in JSON and YAML.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jsonSize } from '../../server/src/rules/size';
import { analyse } from '../../server/src/service';
import { DEFAULT_SETTINGS } from '../../server/src/rules/settings';
import { FORMATS } from '../helpers';
import { toJson, toYaml } from '../policy-text';

const render = (value: object, format: 'json' | 'yaml') => (format === 'json' ? toJson(value) : toYaml(value));
const allow = { Effect: 'Allow', Action: 'profile:GetDomain', Resource: '*' };

describe('which standalone documents are policies', () => {
  const cases: Array<[string, object, boolean]> = [
    [
      'a report with a "Statement" of its own',
      { name: 'monthly-billing', currency: 'EUR', Statement: { Format: 'pdf', Recipients: ['ana@example.com'] } },
      false,
    ],
    ['the same with statements listed', { Statement: [{ Format: 'pdf' }, { Format: 'csv' }] }, false],
    ['a policy Version and any Statement', { Version: '2012-10-17', Statement: { Format: 'pdf' } }, true],
    ['a policy Version and no Statement yet', { Version: '2012-10-17' }, true],
    ['statements with a policy element', { Statement: [{ Effect: 'Allow' }] }, true],
    ['an element in the wrong case', { Statement: { effect: 'allow' } }, true],
    ['a statement list still empty', { Statement: [] }, true],
    ['no Statement and another Version', { Version: '1.0', Statement: { Format: 'pdf' } }, false],
  ];
  for (const [name, value, isPolicy] of cases) {
    for (const format of FORMATS) {
      test(`${name}: ${isPolicy ? 'a policy' : 'not a policy, and silent'} [${format}]`, () => {
        const analysis = analyse(render(value, format), format);
        assert.equal(analysis.document.policies.length, isPolicy ? 1 : 0);
        if (!isPolicy) assert.deepEqual(analysis.findings, []);
      });
    }
  }
});

describe('where templates keep policies', () => {
  const templates: Array<[string, object, string, string]> = [
    [
      'SAM API: CustomStatements of its resource policy',
      {
        Resources: {
          Api: {
            Type: 'AWS::Serverless::Api',
            Properties: {
              Auth: { ResourcePolicy: { CustomStatements: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] } },
            },
          },
        },
      },
      'Api › Auth.ResourcePolicy',
      'resource',
    ],
    [
      "SAM API: its custom domain's policy",
      {
        Resources: {
          Api: {
            Type: 'AWS::Serverless::Api',
            Properties: {
              Domain: { Policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }] } },
            },
          },
        },
      },
      'Api › Domain.Policy',
      'resource',
    ],
    [
      'an AWS IoT policy',
      {
        Resources: {
          Things: {
            Type: 'AWS::IoT::Policy',
            Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iot:Connect', Resource: '*' }] } },
          },
        },
      },
      'Things › PolicyDocument',
      'identity',
    ],
  ];
  for (const [name, template, label, kind] of templates) {
    for (const format of FORMATS) {
      test(`${name} [${format}]`, () => {
        const analysis = analyse(render(template, format), format);
        assert.deepEqual(
          analysis.document.policies.map((p) => [p.label, p.kind, p.statements.length]),
          [[label, kind, 1]],
        );
        assert.deepEqual(analysis.findings, []);
      });
    }
  }
});

describe('severities that depend on the policy', () => {
  for (const format of FORMATS) {
    test(`a missing Version is information, and a warning where the policy uses a variable [${format}]`, () => {
      const plain = analyse(render({ Statement: [allow] }, format), format).findings.filter((f) => f.ruleId === 'version-missing');
      assert.deepEqual(
        plain.map((f) => f.severity),
        ['info'],
      );
      const withVariable = analyse(render({ Statement: [{ ...allow, Resource: 'arn:aws:profile:*:*:domains/${aws:PrincipalTag/domain}' }] }, format), format);
      assert.deepEqual(
        withVariable.findings.filter((f) => f.ruleId === 'version-missing').map((f) => f.severity),
        ['warning'],
      );
      const silenced = analyse(render({ Statement: [allow] }, format), format, { ...DEFAULT_SETTINGS, rules: { 'version-missing': 'off' } });
      assert.deepEqual(silenced.findings, []);
    });
  }
});

describe('policy size', () => {
  test('the same policy has the same size as JSON, YAML and in a template (what IAM receives as JSON)', () => {
    const actions = Array.from({ length: 260 }, (_, i) => `profile:GetDomain${String(i).padStart(3, '0')}x`);
    const document = { Version: '2012-10-17', Statement: [{ Sid: 'Many', Effect: 'Allow', Action: actions, Resource: '*' }] };
    const template = { Resources: { P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: document } } } };
    const size = (text: string, format: 'json' | 'yaml') =>
      analyse(text, format)
        .findings.filter((f) => f.ruleId === 'policy-size')
        .map((f) => f.message);
    const expected = [
      `The policy has ${JSON.stringify(document).length.toLocaleString('en-US')} characters without white space, over the 6,144 allowed for a managed policy.`,
    ];
    assert.deepEqual(size(toJson(document), 'json'), expected);
    assert.deepEqual(size(toYaml(document), 'yaml'), expected);
    assert.deepEqual(size(toYaml(template), 'yaml'), expected);
  });

  test('a string counts as its JSON text without white space: quotes, escapes, pairs and lone surrogates', () => {
    const strings = ['plain', 'with spaces inside', 'quote " and \\ backslash', 'line\nbreak\ttab', '\u0001\u001f', 'é😀', '\ud800 lone', 'end\udfff', '   '];
    for (const value of strings) {
      const expected = JSON.stringify(value).replace(/[ \t\n\r]/g, '').length;
      assert.equal(jsonSize({ kind: 'string', value, quote: '"', closed: true, start: 0, end: 0, parent: undefined }), expected, JSON.stringify(value));
    }
  });
});
