// Every rule of this stage, the same case in JSON and YAML: what fires, and exactly where.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ALL_RULES } from '../../server/src/rules/index';
import { analyse } from '../../server/src/service';
import { DEFAULT_SETTINGS } from '../../server/src/rules/settings';
import { FORMATS, findingsOf, readRepoFile, unquote } from '../helpers';
import { RULE_CASES } from '../rule-cases';

interface DiagnosticCase {
  name: string;
  json: string;
  yaml: string;
  /** `rule-id @ source text at the range` (quotes ignored, so both formats share one list). */
  expect: string[];
}

const V = '"Version": "2012-10-17"';

const CASES: DiagnosticCase[] = [
  {
    name: 'a clean policy',
    json: `{${V}, "Statement": [{"Effect": "Allow", "Action": ["profile:GetDomain", "profile:List*", "profile:?atchGetProfile", "s3:GetObject"], "Resource": "*"}]}`,
    yaml: `Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: [profile:GetDomain, "profile:List*", profile:?atchGetProfile, s3:GetObject]\n    Resource: "*"\n`,
    expect: [],
  },
  {
    name: 'action names ignore case; a hint suggests the canonical spelling',
    json: `{${V}, "Statement": [{"Effect": "Allow", "Action": ["PROFILE:listdomains"], "Resource": "*"}]}`,
    yaml: `Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: [PROFILE:listdomains]\n    Resource: "*"\n`,
    expect: ['action-case @ PROFILE:listdomains'],
  },
  {
    name: 'syntax error',
    json: `{${V}, "Statement": [{"Effect": "Allow" "Action": "profile:GetDomain", "Resource": "*"}]}`,
    yaml: `Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: [profile:GetDomain\n    Resource: "*"\n`,
    expect: ['syntax-error @ *'],
  },
  {
    name: 'duplicate key',
    json: `{${V}, "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", "Effect": "Deny"}]}`,
    yaml: `Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n    Effect: Deny\n`,
    expect: ['duplicate-key @ Effect'],
  },
  {
    name: 'version missing',
    json: `{"Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}]}`,
    yaml: `Statement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n`,
    expect: ['version-missing @ Statement'],
  },
  {
    name: 'a top-level list is not a policy',
    json: `[{"Version": "2012-10-18", "Statement": {"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}}]`,
    yaml: `- Version: 2012-10-18\n  Statement: {Effect: Allow, Action: profile:GetDomain, Resource: "*"}\n`,
    expect: [],
  },
  {
    name: 'version invalid',
    json: `{"Version": "2012-10-18", "Statement": {"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}}`,
    yaml: `Version: 2012-10-18\nStatement: {Effect: Allow, Action: profile:GetDomain, Resource: "*"}\n`,
    expect: ['version-invalid @ 2012-10-18'],
  },
  {
    name: 'version old',
    json: `{"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}}`,
    yaml: `Version: '2008-10-17'\nStatement: {Effect: Allow, Action: profile:GetDomain, Resource: "*"}\n`,
    expect: ['version-old @ 2008-10-17'],
  },
  {
    name: 'statement empty',
    json: `{${V}, "Statement": []}`,
    yaml: `Version: "2012-10-17"\nStatement: []\n`,
    expect: ['statement-missing @ []'],
  },
  {
    name: 'unknown elements, case-sensitive names',
    json: `{${V}, "statement": [], "Statement": [{"Effect": "Allow", "action": "profile:GetDomain", "Action": "profile:GetDomain", "Resource": "*", "Version": "x"}]}`,
    yaml: `Version: "2012-10-17"\nstatement: []\nStatement:\n  - Effect: Allow\n    action: profile:GetDomain\n    Action: profile:GetDomain\n    Resource: "*"\n    Version: x\n`,
    expect: ['element-unknown @ statement', 'element-unknown @ action', 'element-unknown @ Version'],
  },
  {
    name: 'element types',
    json: `{${V}, "Statement": [{"Sid": 7, "Effect": "Allow", "Action": {"a": 1}, "Resource": ["*", 3], "Condition": "x"}, "oops"]}`,
    yaml: `Version: "2012-10-17"\nStatement:\n  - Sid: 7\n    Effect: Allow\n    Action: {"a": 1}\n    Resource: ["*", 3]\n    Condition: x\n  - oops\n`,
    expect: ['element-type @ 7', 'element-type @ {"a": 1}', 'element-type @ 3', 'element-type @ x', 'element-type @ oops'],
  },
  {
    name: 'effect missing and invalid',
    json: `{${V}, "Statement": [{"Action": "profile:GetDomain", "Resource": "*"}, {"Effect": "allow", "Action": "profile:GetDomain", "Resource": "*"}, {"Effect": "Permit", "Action": "profile:GetDomain", "Resource": "*"}]}`,
    yaml: `Version: "2012-10-17"\nStatement:\n  - Action: profile:GetDomain\n    Resource: "*"\n  - Effect: allow\n    Action: profile:GetDomain\n    Resource: "*"\n  - Effect: Permit\n    Action: profile:GetDomain\n    Resource: "*"\n`,
    expect: ['effect-missing @ Action', 'effect-invalid @ allow', 'effect-invalid @ Permit'],
  },
  {
    name: 'action and resource missing or both given',
    json: `{${V}, "Statement": [{"Effect": "Allow"}, {"Effect": "Deny", "Action": "profile:GetDomain", "NotAction": "profile:ListDomains", "Resource": "*", "NotResource": "*"}]}`,
    yaml: `Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n  - Effect: Deny\n    Action: profile:GetDomain\n    NotAction: profile:ListDomains\n    Resource: "*"\n    NotResource: "*"\n`,
    expect: ['action-missing @ Effect', 'resource-missing @ Effect', 'action-conflict @ NotAction', 'resource-conflict @ NotResource'],
  },
  {
    name: 'principal in an identity policy',
    json: `{${V}, "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}, {"Effect": "Allow", "Principal": "*", "NotPrincipal": {"AWS": "x"}, "Action": "profile:GetDomain", "Resource": "*"}]}`,
    yaml: `Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n  - Effect: Allow\n    Principal: "*"\n    NotPrincipal: {AWS: x}\n    Action: profile:GetDomain\n    Resource: "*"\n`,
    expect: ['principal-in-identity-policy @ Principal', 'principal-in-identity-policy @ NotPrincipal'],
  },
  {
    name: 'trust policy: Principal required, Resource not allowed',
    json: `{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {${V}, "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "profile.amazonaws.com"}, "NotPrincipal": "*", "Action": "sts:AssumeRole"}]}}}}}`,
    yaml: `Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: sts:AssumeRole\n            Resource: "*"\n          - Effect: Allow\n            Principal: {Service: profile.amazonaws.com}\n            NotPrincipal: "*"\n            Action: sts:AssumeRole\n`,
    expect: ['principal-missing @ Effect', 'resource-in-trust-policy @ Resource', 'principal-conflict @ NotPrincipal'],
  },
  {
    name: 'Id in an identity policy',
    json: `{${V}, "Id": "x", "Statement": {"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}}`,
    yaml: `Version: "2012-10-17"\nId: x\nStatement: {Effect: Allow, Action: profile:GetDomain, Resource: "*"}\n`,
    expect: ['id-in-identity-policy @ Id'],
  },
  {
    name: 'Sid characters, duplicates, empty',
    json: `{${V}, "Statement": [{"Sid": "Read profiles", "Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}, {"Sid": "Read profiles", "Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}, {"Sid": "", "Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}]}`,
    yaml: `Version: "2012-10-17"\nStatement:\n  - Sid: Read profiles\n    Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n  - Sid: Read profiles\n    Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n  - Sid: ""\n    Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n`,
    expect: ['sid-invalid @ Read profiles', 'sid-invalid @ Read profiles', 'sid-duplicate @ Read profiles', 'sid-empty @ '],
  },
  {
    name: 'actions: malformed, unknown service, unknown action, wildcard matching nothing',
    json: `{${V}, "Statement": {"Effect": "Allow", "Action": ["GetDomain", "profile:Get Domain", "profile:GetDomain,profile:ListDomains", "profiles:GetDomain", "profile:GetDomian", "profile:Describe*", "zz*:Get*"], "Resource": "*"}}`,
    yaml: `Version: "2012-10-17"\nStatement:\n  Effect: Allow\n  Action:\n    - GetDomain\n    - profile:Get Domain\n    - profile:GetDomain,profile:ListDomains\n    - profiles:GetDomain\n    - profile:GetDomian\n    - profile:Describe*\n    - zz*:Get*\n  Resource: "*"\n`,
    expect: [
      'action-malformed @ GetDomain',
      'action-malformed @ profile:Get Domain',
      'action-malformed @ profile:GetDomain,profile:ListDomains',
      'action-unknown-service @ profiles:GetDomain',
      'action-unknown @ profile:GetDomian',
      'action-wildcard-no-match @ profile:Describe*',
      'action-wildcard-no-match @ zz*:Get*',
    ],
  },
  {
    name: 'CloudFormation intrinsics where strings are expected are never reported',
    json: `{"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Version": {"Ref": "V"}, "Statement": [{"Sid": {"Fn::Sub": "x"}, "Effect": {"Fn::If": ["C", "Allow", "Deny"]}, "Action": [{"Fn::Sub": "profile:\${A}"}, {"Fn::Select": [0, ["a"]]}], "Resource": {"Fn::Split": [",", {"Ref": "Arns"}]}, "Condition": {"Fn::If": ["C", {}, {}]}}, {"Fn::If": ["C", {"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}, {"Ref": "AWS::NoValue"}]}]}}}}}`,
    yaml: `Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: !Ref V\n        Statement:\n          - Sid: !Sub x\n            Effect: !If [C, Allow, Deny]\n            Action: [!Sub "profile:\${A}", !Select [0, [a]]]\n            Resource: !Split [",", !Ref Arns]\n            Condition: !If [C, {}, {}]\n          - !If\n            - C\n            - Effect: Allow\n              Action: profile:GetDomain\n              Resource: "*"\n            - !Ref AWS::NoValue\n`,
    expect: [],
  },
  {
    name: 'statements inside an Fn::If are checked',
    json: `{"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {${V}, "Statement": [{"Fn::If": ["C", {"Effect": "Allow", "Action": "profile:GetDomian", "Resource": "*"}, {"Ref": "AWS::NoValue"}]}]}}}}}`,
    yaml: `Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - !If [C, {Effect: Allow, Action: profile:GetDomian, Resource: "*"}, !Ref AWS::NoValue]\n`,
    expect: ['action-unknown @ profile:GetDomian'],
  },
];

describe('diagnostics', () => {
  for (const diagnosticCase of CASES) {
    for (const format of FORMATS) {
      test(`${diagnosticCase.name} [${format}]`, () => {
        const found = findingsOf(diagnosticCase[format], format).map((f) => {
          const [rule, snippet] = f.split(' @ ') as [string, string];
          return `${rule} @ ${unquote(snippet)}`;
        });
        const expected = diagnosticCase.expect.map((e) => (e.startsWith('syntax-error') ? 'syntax-error' : e));
        assert.deepEqual(
          found.map((f) => (f.startsWith('syntax-error') ? 'syntax-error' : f)),
          expected,
        );
      });
    }
  }

  test('every rule of the framework has a case where it fires, here or in the rule matrix', () => {
    const fired = new Set([...CASES.flatMap((c) => c.expect.map((e) => e.split(' @ ')[0]!)), ...RULE_CASES.map((c) => c.rule)]);
    const untested = ALL_RULES.map((r) => r.id).filter((id) => !fired.has(id));
    assert.deepEqual(untested, []);
  });

  test("the examples: AWS's service-linked-role policy and the clean policies give nothing", () => {
    for (const file of [
      'service-linked-role-policy.json',
      'profile-administrator.json',
      'contact-centre-agent.json',
      'read-only-analyst.yaml',
      'cloudformation-roles.yaml',
      'cloudformation-roles.json',
    ]) {
      const text = readRepoFile('examples', file);
      const findings = analyse(text, file.endsWith('.json') ? 'json' : 'yaml').findings.filter((f) => f.severity !== 'hint');
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        [],
        file,
      );
    }
  });

  test('severities follow the settings, and "off" silences a rule', () => {
    const text = `{"Statement": [{"Effect": "Allow", "Action": "profile:GetDomian", "Resource": "*"}]}`;
    const settings = { ...DEFAULT_SETTINGS, rules: { 'action-unknown': 'warning', 'version-missing': 'off' } } as const;
    const findings = analyse(text, 'json', settings).findings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity]),
      [['action-unknown', 'warning']],
    );
    assert.deepEqual(analyse(text, 'json', { ...DEFAULT_SETTINGS, enable: false }).findings, []);
  });

  test('rule ids are unique, kebab-case, and documented', () => {
    const ids = ALL_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of ALL_RULES) {
      assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(rule.title.length > 5 && rule.description.length > 20, rule.id);
    }
  });

  test('suggestions travel with unknown actions', () => {
    const { findings } = analyse(`{${V}, "Statement": {"Effect": "Allow", "Action": "profile:BatchGetProfiles", "Resource": "*"}}`, 'json');
    assert.deepEqual(findings[0]?.data?.suggestions, ['profile:BatchGetProfile']);
  });
});
