// Every quick fix applied to its fixture in JSON and YAML: the result parses, the diagnostic is gone,
// and the user's layout and comments survive.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import type { FormatId as DocumentFormat } from '../../server/src/formats/registry';
import { LineIndex } from '../../server/src/model/lines';
import { ALL_RULES, ruleMeta } from '../../server/src/rules/index';
import { analyse, quickFixes } from '../../server/src/service';
import { toDataSource, toJson, toTerraform, toYaml } from '../policy-text';

const ARN = 'arn:aws:profile:us-east-1:111122223333:domains/retail';
const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allow = (Action: unknown, Resource: unknown = '*', extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const repository = (statement: object) => ({ Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryPolicyText: policy(statement) } } } });

interface FixCase {
  readonly rule: string;
  readonly fixture: object;
  /** A part of the title of the fix to apply. */
  readonly title: string;
  /** Text the fixed document must contain. */
  readonly contains: string;
}

/** The whole document after each case's fix, per format: edits touch only what they change. */
const FIXED: Readonly<Record<string, { readonly json: string; readonly yaml: string }>> = {
  'condition-operator-type': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*",\n      "Condition": {\n        "NotIpAddress": {\n          "aws:SourceIp": "203.0.113.0/24"\n        }\n      }\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n    Condition:\n      NotIpAddress:\n        aws:SourceIp: "203.0.113.0/24"\n',
  },
  'principal-type-unknown': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": {\n        "AWS": "arn:aws:iam::111122223333:root"\n      },\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::exports/*"\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Principal:\n      AWS: arn:aws:iam::111122223333:root\n    Action: s3:GetObject\n    Resource: "arn:aws:s3:::exports/*"\n',
  },
  'action-unknown': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*"\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n',
  },
  'action-unknown-service': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*"\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n',
  },
  'action-case': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*"\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n',
  },
  'version-missing': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*"\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n',
  },
  'version-invalid': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*"\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n',
  },
  'version-old': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*"\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n',
  },
  'effect-invalid': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*"\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n',
  },
  'element-unknown': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*"\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n',
  },
  'sid-invalid': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "Readprofiles",\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*"\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Sid: "Readprofiles"\n    Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n',
  },
  'condition-operator-unknown': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "aws:username": "ana"\n        }\n      }\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n    Condition:\n      StringEquals:\n        aws:username: ana\n',
  },
  'condition-null-ifexists': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*",\n      "Condition": {\n        "Null": {\n          "aws:username": "true"\n        }\n      }\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n    Condition:\n      "Null":\n        aws:username: "true"\n',
  },
  'condition-key-unknown': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "aws:username": "ana"\n        }\n      }\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n    Condition:\n      StringEquals:\n        aws:username: ana\n',
  },
  'condition-missing-qualifier': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:TagResource",\n      "Resource": "*",\n      "Condition": {\n        "ForAnyValue:StringEquals": {\n          "aws:TagKeys": "team"\n        }\n      }\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:TagResource\n    Resource: "*"\n    Condition:\n      ForAnyValue:StringEquals:\n        aws:TagKeys: team\n',
  },
  'condition-forallvalues-without-null': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:CreateDomain",\n      "Resource": "*",\n      "Condition": {\n        "ForAllValues:StringEquals": {\n          "aws:TagKeys": [\n            "team"\n          ]\n        },\n        "Null": { "aws:TagKeys": "false" }\n      }\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:CreateDomain\n    Resource: "*"\n    Condition:\n      ForAllValues:StringEquals:\n        aws:TagKeys:\n          - team\n      "Null": {aws:TagKeys: "false"}\n',
  },
  'action-legacy': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n        "sns:Publish"\n      ],\n      "Resource": "*"\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action:\n      - sns:Publish\n    Resource: "*"\n',
  },
  'action-redundant': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n        "profile:Get*",\n        "profile:ListDomains"\n      ],\n      "Resource": "*"\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action:\n      - "profile:Get*"\n      - profile:ListDomains\n    Resource: "*"\n',
  },
  'resource-star-needed': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n        "profile:GetDomain"\n      ],\n      "Resource": [\n        "arn:aws:profile:us-east-1:111122223333:domains/retail"\n      ]\n    },\n    { "Effect": "Allow", "Action": "profile:ListDomains", "Resource": "*" }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action:\n      - profile:GetDomain\n    Resource:\n      - arn:aws:profile:us-east-1:111122223333:domains/retail\n  - {Effect: Allow, Action: profile:ListDomains, Resource: "*"}\n',
  },
  'principal-in-identity-policy': {
    json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*"\n    },\n    {\n      "Effect": "Allow",\n      "Action": "profile:ListDomains",\n      "Resource": "*"\n    }\n  ]\n}\n',
    yaml: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n  - Effect: Allow\n    Action: profile:ListDomains\n    Resource: "*"\n',
  },
  // The first key of a YAML list item goes: the dash stays, and the next key takes its place.
  'principal-without-resource-policy': {
    json: `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "${ARN}"\n    }\n  ]\n}\n`,
    yaml: `Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: ${ARN}\n`,
  },
  'resource-not-allowed': {
    json: '{\n  "Resources": {\n    "Repo": {\n      "Type": "AWS::ECR::Repository",\n      "Properties": {\n        "RepositoryPolicyText": {\n          "Version": "2012-10-17",\n          "Statement": [\n            {\n              "Effect": "Allow",\n              "Principal": {\n                "AWS": "arn:aws:iam::111122223333:root"\n              },\n              "Action": "ecr:BatchGetImage"\n            }\n          ]\n        }\n      }\n    }\n  }\n}\n',
    yaml: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryPolicyText:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal:\n              AWS: arn:aws:iam::111122223333:root\n            Action: ecr:BatchGetImage\n',
  },
};

const CASES: FixCase[] = [
  { rule: 'action-unknown', fixture: policy(allow('profile:GetDomian')), title: 'profile:GetDomain', contains: 'profile:GetDomain' },
  {
    rule: 'condition-operator-type',
    fixture: policy(allow('profile:GetDomain', '*', { Condition: { StringNotEquals: { 'aws:SourceIp': '203.0.113.0/24' } } })),
    title: 'NotIpAddress',
    contains: 'NotIpAddress',
  },
  {
    rule: 'principal-type-unknown',
    fixture: policy({ Effect: 'Allow', Principal: { aws: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::exports/*' }),
    title: 'AWS',
    contains: 'AWS',
  },
  { rule: 'action-unknown-service', fixture: policy(allow('profiles:GetDomain')), title: 'profile:GetDomain', contains: 'profile:GetDomain' },
  { rule: 'action-case', fixture: policy(allow('PROFILE:getdomain')), title: 'profile:GetDomain', contains: 'profile:GetDomain' },
  { rule: 'version-missing', fixture: { Statement: [allow('profile:GetDomain')] }, title: 'Add "Version"', contains: '2012-10-17' },
  { rule: 'version-invalid', fixture: { Version: '2012-10-18', Statement: [allow('profile:GetDomain')] }, title: '2012-10-17', contains: '2012-10-17' },
  { rule: 'version-old', fixture: { Version: '2008-10-17', Statement: [allow('profile:GetDomain')] }, title: '2012-10-17', contains: '2012-10-17' },
  { rule: 'effect-invalid', fixture: policy({ Effect: 'allow', Action: 'profile:GetDomain', Resource: '*' }), title: 'Allow', contains: 'Allow' },
  { rule: 'element-unknown', fixture: policy({ Effect: 'Allow', action: 'profile:GetDomain', Resource: '*' }), title: 'Action', contains: 'Action' },
  { rule: 'sid-invalid', fixture: policy({ Sid: 'Read profiles', ...allow('profile:GetDomain') }), title: 'Readprofiles', contains: 'Readprofiles' },
  {
    rule: 'condition-operator-unknown',
    fixture: policy(allow('profile:GetDomain', '*', { Condition: { StringEqual: { 'aws:username': 'ana' } } })),
    title: 'StringEquals',
    contains: 'StringEquals',
  },
  {
    rule: 'condition-null-ifexists',
    fixture: policy(allow('profile:GetDomain', '*', { Condition: { NullIfExists: { 'aws:username': 'true' } } })),
    title: 'Null',
    contains: 'Null',
  },
  {
    rule: 'condition-key-unknown',
    fixture: policy(allow('profile:GetDomain', '*', { Condition: { StringEquals: { 'aws:usernme': 'ana' } } })),
    title: 'aws:username',
    contains: 'aws:username',
  },
  {
    rule: 'condition-missing-qualifier',
    fixture: policy(allow('profile:TagResource', '*', { Condition: { StringEquals: { 'aws:TagKeys': 'team' } } })),
    title: 'ForAnyValue:StringEquals',
    contains: 'ForAnyValue:StringEquals',
  },
  {
    rule: 'condition-forallvalues-without-null',
    fixture: policy(allow('profile:CreateDomain', '*', { Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } } })),
    title: 'Null',
    contains: 'Null',
  },
  {
    rule: 'action-legacy',
    fixture: policy(allow(['sns:Publish', 'SNS:Receive'])),
    title: 'Remove',
    contains: 'sns:Publish',
  },
  {
    rule: 'action-redundant',
    fixture: policy(allow(['profile:Get*', 'profile:GetDomain', 'profile:ListDomains'])),
    title: 'Remove',
    contains: 'profile:ListDomains',
  },
  {
    rule: 'resource-star-needed',
    fixture: policy(allow(['profile:GetDomain', 'profile:ListDomains'], [ARN])),
    title: 'own statement',
    contains: 'profile:ListDomains',
  },
  {
    rule: 'principal-in-identity-policy',
    fixture: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'profile:GetDomain', Resource: '*' }, allow('profile:ListDomains')),
    title: 'Remove Principal',
    contains: 'profile:GetDomain',
  },
  {
    rule: 'principal-without-resource-policy',
    fixture: policy({ Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Effect: 'Allow', Action: 'profile:GetDomain', Resource: ARN }),
    title: 'Remove Principal',
    contains: 'profile:GetDomain',
  },
  {
    rule: 'resource-not-allowed',
    fixture: repository({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'ecr:BatchGetImage', Resource: '*' }),
    title: 'Remove Resource',
    contains: 'ecr:BatchGetImage',
  },
];

/** Applies LSP edits from the last to the first, as an editor does. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offsets = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }));
  offsets.sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of offsets) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return result;
}

function actionsFor(text: string, format: DocumentFormat, rule: string): { actions: CodeAction[]; count: number } {
  const analysis = analyse(text, format);
  const findings = analysis.findings.filter((f) => f.ruleId === rule);
  assert.ok(findings.length > 0, `${rule} does not fire on:\n${text}`);
  return { actions: quickFixes(analysis, 'file:///p', { start: findings[0]!.start, end: findings[0]!.end }), count: findings.length };
}

function apply(text: string, action: CodeAction): string {
  return applyEdits(text, action.edit!.changes!['file:///p']!);
}

describe('quick fixes', () => {
  for (const fix of CASES) {
    for (const format of ['json', 'yaml'] as const) {
      test(`${fix.rule}: ${fix.title} [${format}]`, () => {
        const text = format === 'json' ? toJson(fix.fixture) : toYaml(fix.fixture);
        const { actions, count } = actionsFor(text, format, fix.rule);
        const action = actions.find((a) => a.kind === 'quickfix' && a.title.includes(fix.title));
        assert.ok(action, `no fix "${fix.title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
        assert.equal(action.diagnostics?.[0]?.code, fix.rule);
        const fixed = apply(text, action);
        const after = analyse(fixed, format);
        assert.deepEqual(after.document.problems, [], fixed);
        assert.ok(after.findings.filter((f) => f.ruleId === fix.rule).length < count, `${fix.rule} still fires:\n${fixed}`);
        assert.ok(fixed.includes(fix.contains), fixed);
        assert.equal(fixed, FIXED[fix.rule]![format]);
        assert.notEqual(fixed, text);
      });
    }
  }

  // Fixes of what only a syntax's text can hold, so the cases are text: a JSON value typed without its
  // quotes (in YAML a plain scalar is a string; in HCL a bare word is a reference, never reported).
  for (const [name, format, text, fixed] of [
    [
      'JSON',
      'json',
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [profile:GetDomain, "profile:ListDomains"], "Resource": *}]}',
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["profile:GetDomain", "profile:ListDomains"], "Resource": *}]}',
    ],
    [
      'a JSON key',
      'json',
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", Sid}]}',
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", "Sid"}]}',
    ],
    [
      'a Terraform heredoc',
      'terraform',
      'resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": profile:GetDomain, "Resource": "*"}]}\nEOF\n}\n',
      'resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}]}\nEOF\n}\n',
    ],
  ] as const) {
    const what = name === 'a JSON key' ? 'property name' : 'value';
    test(`syntax-error: Put the ${what} in double quotes [${name}]`, () => {
      const { actions } = actionsFor(text, format, 'syntax-error');
      assert.deepEqual(
        actions.filter((a) => a.kind === 'quickfix').map((a) => a.title),
        [`Put the ${what} in double quotes`],
      );
      assert.equal(apply(text, actions[0]!), fixed);
    });
  }

  test('keys written without quotes, as in JavaScript: one error each, and their fixes make the JSON', () => {
    // jsonc-parser skips the rest of an entry whose key has no quotes, so each later entry used to cascade.
    const text =
      '{\n  Version: "2012-10-17", // keys as in JavaScript\n  Statement: [\n    {Sid: "First", /* {Effect: x, y} */ Effect: "Allow", Action: ["profile:GetDomain", profile:ListDomains], Resource: "*"}\n  ]\n}\n';
    const fixed =
      '{\n  "Version": "2012-10-17", // keys as in JavaScript\n  "Statement": [\n    {"Sid": "First", /* {Effect: x, y} */ "Effect": "Allow", "Action": ["profile:GetDomain", "profile:ListDomains"], "Resource": "*"}\n  ]\n}\n';
    const analysis = analyse(text, 'json');
    assert.deepEqual(
      analysis.findings.map((f) => [f.ruleId, text.slice(f.start, f.end)]),
      ['Version', 'Statement', 'Sid', 'Effect', 'Action', 'profile:ListDomains', 'Resource'].map((word) => ['syntax-error', word]),
    );
    let current = text;
    for (let round = 0; round < 7; round++) {
      const finding = analyse(current, 'json').findings[0]!;
      const [action] = quickFixes(analyse(current, 'json'), 'file:///p', finding);
      current = apply(current, action!);
    }
    assert.equal(current, fixed);
    assert.deepEqual(analyse(current, 'json').findings, []);
  });

  test('syntax-error: Remove the trailing comma, reported on the comma itself', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["profile:GetDomain",], "Resource": "*",\n}]}';
    const analysis = analyse(text, 'json');
    assert.deepEqual(
      analysis.findings.map((f) => [f.ruleId, text.slice(f.start, f.end), f.message]),
      [
        ['syntax-error', ',', 'Trailing comma: JSON does not allow a comma before "]".'],
        ['syntax-error', ',', 'Trailing comma: JSON does not allow a comma before "}".'],
      ],
    );
    const { actions } = actionsFor(text, 'json', 'syntax-error');
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Remove the trailing comma'],
    );
    assert.equal(apply(text, actions[0]!), text.replace('GetDomain",]', 'GetDomain"]'));
  });

  test('a syntax error with no repair known has no fix', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow" "Action": "profile:GetDomain"}]}';
    assert.deepEqual(actionsFor(text, 'json', 'syntax-error').actions, []);
  });

  test('every rule with a quick fix has a case here', () => {
    assert.deepEqual(
      ALL_RULES.filter((rule) => rule.fix && rule.id !== 'syntax-error' && !CASES.some((c) => c.rule === rule.id)).map((rule) => rule.id),
      [],
    );
  });

  test('a request over a whole document with thousands of findings answers the first 200 findings only', () => {
    const statements = Array.from({ length: 3000 }, (_, i) => allow(`profile:GetDomian${i % 2 ? '' : 's'}`, ARN, { Sid: `S${i}` }));
    for (const format of ['json', 'yaml'] as const) {
      const text = format === 'json' ? toJson(policy(...statements)) : toYaml(policy(...statements));
      const analysis = analyse(text, format);
      assert.ok(analysis.findings.length >= 3000);
      const actions = quickFixes(analysis, 'file:///big', { start: 0, end: text.length });
      const fixed = new Set(actions.filter((a) => a.kind === 'quickfix').map((a) => JSON.stringify(a.diagnostics?.[0]?.range)));
      const fixable = analysis.findings.slice(0, 200).filter((f) => ruleMeta(f.ruleId)?.fix).length;
      assert.ok(fixable > 190);
      assert.equal(fixed.size, fixable, format);
      assert.ok(actions.length <= 200 * 4, `${actions.length} actions [${format}]`);
    }
  });

  test('removing an action keeps YAML comments and JSON comments in place', () => {
    const yaml =
      'Version: "2012-10-17"\nStatement:\n  - Effect: Allow  # read only\n    Action:\n      - "profile:Get*"   # everything to read\n      - profile:GetDomain # covered already\n      - profile:ListDomains\n    Resource: "*"\n';
    const { actions } = actionsFor(yaml, 'yaml', 'action-redundant');
    assert.equal(
      apply(
        yaml,
        actions.find((a) => a.title.startsWith('Remove'))!,
      ),
      'Version: "2012-10-17"\nStatement:\n  - Effect: Allow  # read only\n    Action:\n      - "profile:Get*"   # everything to read\n      - profile:ListDomains\n    Resource: "*"\n',
    );
    const json =
      '{\n  // admin\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": ["profile:Get*", /* dup */ "profile:GetDomain"], "Resource": "*"}]\n}\n';
    const fixed = apply(
      json,
      actionsFor(json, 'json', 'action-redundant').actions.find((a) => a.title.startsWith('Remove'))!,
    );
    assert.equal(fixed, '{\n  // admin\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": ["profile:Get*"], "Resource": "*"}]\n}\n');
  });

  test("a missing Version is added in the policy's own layout", () => {
    const yaml = 'Statement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n';
    const fixed = apply(yaml, actionsFor(yaml, 'yaml', 'version-missing').actions[0]!);
    assert.equal(fixed, 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n');
    const json = '{\n    "Statement": {"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}\n}';
    assert.equal(
      apply(json, actionsFor(json, 'json', 'version-missing').actions[0]!),
      '{\n    "Version": "2012-10-17",\n    "Statement": {"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}\n}',
    );
  });
});

/**
 * The same fixes in Terraform: the document after the fix, as the policy rendered the same way (the fix
 * touched only what it changed) or, where the fix lays out something new, as the exact text.
 */
const TERRAFORM_FIXED: Readonly<Record<string, { readonly terraform?: object | string; readonly datasource?: object | string }>> = {
  'action-unknown': { terraform: policy(allow('profile:GetDomain')), datasource: policy(allow(['profile:GetDomain'])) },
  'condition-operator-type': {
    terraform: policy(allow('profile:GetDomain', '*', { Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })),
    datasource: policy(allow(['profile:GetDomain'], ['*'], { Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } })),
  },
  'principal-type-unknown': {
    terraform: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::exports/*' }),
    datasource: policy({
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::111122223333:root'] },
      Action: ['s3:GetObject'],
      Resource: ['arn:aws:s3:::exports/*'],
    }),
  },
  'action-unknown-service': { terraform: policy(allow('profile:GetDomain')), datasource: policy(allow(['profile:GetDomain'])) },
  'action-case': { terraform: policy(allow('profile:GetDomain')), datasource: policy(allow(['profile:GetDomain'])) },
  'version-missing': { terraform: policy(allow('profile:GetDomain')) },
  'version-invalid': { terraform: policy(allow('profile:GetDomain')), datasource: policy(allow(['profile:GetDomain'])) },
  'version-old': { terraform: policy(allow('profile:GetDomain')), datasource: policy(allow(['profile:GetDomain'])) },
  'effect-invalid': { terraform: policy(allow('profile:GetDomain')), datasource: policy(allow(['profile:GetDomain'])) },
  // The data source's argument is named for the element: `action` becomes `actions`.
  'element-unknown': { terraform: policy(allow('profile:GetDomain')), datasource: policy(allow(['profile:GetDomain'])) },
  'sid-invalid': {
    terraform: policy({ Sid: 'Readprofiles', ...allow('profile:GetDomain') }),
    datasource: policy({ Sid: 'Readprofiles', ...allow(['profile:GetDomain']) }),
  },
  'condition-operator-unknown': {
    terraform: policy(allow('profile:GetDomain', '*', { Condition: { StringEquals: { 'aws:username': 'ana' } } })),
    datasource: policy(allow(['profile:GetDomain'], '*', { Condition: { StringEquals: { 'aws:username': 'ana' } } })),
  },
  'condition-null-ifexists': {
    terraform: policy(allow('profile:GetDomain', '*', { Condition: { Null: { 'aws:username': 'true' } } })),
    datasource: policy(allow(['profile:GetDomain'], '*', { Condition: { Null: { 'aws:username': 'true' } } })),
  },
  'condition-key-unknown': {
    terraform: policy(allow('profile:GetDomain', '*', { Condition: { StringEquals: { 'aws:username': 'ana' } } })),
    datasource: policy(allow(['profile:GetDomain'], '*', { Condition: { StringEquals: { 'aws:username': 'ana' } } })),
  },
  'condition-missing-qualifier': {
    terraform: policy(allow('profile:TagResource', '*', { Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } } })),
    datasource: policy(allow(['profile:TagResource'], '*', { Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } } })),
  },
  'condition-forallvalues-without-null': {
    terraform:
      'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n      {\n        Effect = "Allow"\n        Action = "profile:CreateDomain"\n        Resource = "*"\n        Condition = {\n          "ForAllValues:StringEquals" = {\n            "aws:TagKeys" = ["team"]\n          }\n          Null = { "aws:TagKeys" = "false" }\n        }\n      },\n    ]\n  })\n}\n',
    // A condition block of its own, laid out as its neighbour.
    datasource: policy(
      allow(['profile:CreateDomain'], '*', { Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] }, Null: { 'aws:TagKeys': 'false' } } }),
    ),
  },
  'action-legacy': {
    terraform: policy(allow(['sns:Publish'])),
    datasource: policy(allow(['sns:Publish'])),
  },
  'action-redundant': {
    terraform: policy(allow(['profile:Get*', 'profile:ListDomains'])),
    datasource: policy(allow(['profile:Get*', 'profile:ListDomains'])),
  },
  'resource-star-needed': {
    terraform:
      'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n      {\n        Effect = "Allow"\n        Action = ["profile:GetDomain"]\n        Resource = ["arn:aws:profile:us-east-1:111122223333:domains/retail"]\n      },\n      { Effect = "Allow", Action = "profile:ListDomains", Resource = "*" },\n    ]\n  })\n}\n',
    // A statement block of its own after the first, a blank line between, its arguments lined up.
    datasource:
      'data "aws_iam_policy_document" "p_document" {\n  version = "2012-10-17"\n\n  statement {\n    effect = "Allow"\n    actions = ["profile:GetDomain"]\n    resources = ["arn:aws:profile:us-east-1:111122223333:domains/retail"]\n  }\n\n  statement {\n    effect    = "Allow"\n    actions   = ["profile:ListDomains"]\n    resources = ["*"]\n  }\n}\n\nresource "aws_iam_policy" "p" {\n  policy = data.aws_iam_policy_document.p_document.json\n}\n',
  },
  'principal-in-identity-policy': {
    terraform: policy(allow('profile:GetDomain'), allow('profile:ListDomains')),
    datasource: policy(allow(['profile:GetDomain']), allow(['profile:ListDomains'])),
  },
  'resource-not-allowed': {
    terraform: repository({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'ecr:BatchGetImage' }),
    datasource: repository({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ['ecr:BatchGetImage'] }),
  },
};

/** Fixes whose finding Terraform never gives, and why (the rule matrix says the same in test/terraform-cases.ts). */
const TERRAFORM_NEVER: Readonly<Record<string, string>> = {
  'principal-without-resource-policy': 'only a policy in a file of its own is guessed to be a resource policy; a Terraform argument says what its policy is',
};

/** Inputs the renderer cannot write: the data source's misspelt argument. */
const TERRAFORM_INPUTS: Readonly<Record<string, { readonly terraform?: string; readonly datasource?: string }>> = {
  'element-unknown': {
    datasource:
      'data "aws_iam_policy_document" "p_document" {\n  version = "2012-10-17"\n\n  statement {\n    effect = "Allow"\n    action = ["profile:GetDomain"]\n    resources = ["*"]\n  }\n}\n\nresource "aws_iam_policy" "p" {\n  policy = data.aws_iam_policy_document.p_document.json\n}\n',
  },
};

describe('quick fixes in Terraform', () => {
  for (const fix of CASES) {
    for (const form of ['terraform', 'datasource'] as const) {
      const expected = TERRAFORM_FIXED[fix.rule]?.[form];
      const render = form === 'terraform' ? toTerraform : toDataSource;
      const text = TERRAFORM_INPUTS[fix.rule]?.[form] ?? render(fix.fixture);
      // What the data source cannot say (no Version: it writes one itself) has no case here.
      if (expected === undefined || text === undefined) continue;
      test(`${fix.rule}: ${fix.title} [${form}]`, () => {
        const { actions, count } = actionsFor(text, 'terraform', fix.rule);
        const action = actions.find((a) => a.kind === 'quickfix' && a.title.includes(fix.title));
        assert.ok(action, `no fix "${fix.title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
        const fixed = apply(text, action);
        const after = analyse(fixed, 'terraform');
        assert.deepEqual(after.document.problems, [], fixed);
        assert.ok(after.findings.filter((f) => f.ruleId === fix.rule).length < count, `${fix.rule} still fires:\n${fixed}`);
        assert.equal(fixed, typeof expected === 'string' ? expected : render(expected));
      });
    }
  }

  test('every quick fix case has its Terraform result, and every one the data source can write', () => {
    assert.deepEqual(
      CASES.filter((c) => !TERRAFORM_FIXED[c.rule]?.terraform && !TERRAFORM_NEVER[c.rule]).map((c) => c.rule),
      [],
    );
    for (const rule of Object.keys(TERRAFORM_NEVER)) {
      const fixture = CASES.find((c) => c.rule === rule)!.fixture;
      for (const text of [toTerraform(fixture)!, toDataSource(fixture)!])
        assert.deepEqual(
          analyse(text, 'terraform').findings.filter((f) => f.ruleId === rule),
          [],
        );
    }
    assert.deepEqual(
      CASES.filter(
        (c) => !TERRAFORM_FIXED[c.rule]?.datasource && !TERRAFORM_NEVER[c.rule] && (TERRAFORM_INPUTS[c.rule]?.datasource ?? toDataSource(c.fixture)),
      ).map((c) => c.rule),
      [],
    );
  });
});

describe('action refactorings', () => {
  const RENDERERS = { json: toJson, yaml: toYaml, terraform: toTerraform, datasource: toDataSource };
  for (const form of ['json', 'yaml', 'terraform', 'datasource'] as const) {
    test(`expand a wildcard into its actions, and collapse them back [${form}]`, () => {
      const format = form === 'datasource' ? 'terraform' : form;
      const text = RENDERERS[form](policy(allow(['profile:BatchGet*', 'profile:ListDomains'])))!;
      const analysis = analyse(text, format);
      const at = text.indexOf('profile:BatchGet*');
      const expand = quickFixes(analysis, 'file:///p', { start: at, end: at }).find((a) => a.title.startsWith('Expand'))!;
      assert.equal(expand.title, 'Expand "profile:BatchGet*" into its 2 actions');
      const expanded = apply(text, expand);
      const afterExpand = analyse(expanded, format);
      assert.deepEqual(afterExpand.document.problems, []);
      // The actions take the quotes of the wildcard they replace (YAML quotes `profile:BatchGet*`, not `profile:ListDomains`).
      const expectedExpanded =
        form === 'yaml'
          ? 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action:\n      - "profile:BatchGetCalculatedAttributeForProfile"\n      - "profile:BatchGetProfile"\n      - profile:ListDomains\n    Resource: "*"\n'
          : RENDERERS[form](policy(allow(['profile:BatchGetCalculatedAttributeForProfile', 'profile:BatchGetProfile', 'profile:ListDomains'])));
      assert.equal(expanded, expectedExpanded);
      const again = expanded.indexOf('profile:BatchGetProfile');
      const collapse = quickFixes(afterExpand, 'file:///p', { start: again, end: again }).find((a) => a.title.startsWith('Replace'))!;
      assert.equal(collapse.title, 'Replace the 2 Batch actions with "profile:Batch*"');
      const collapsed = apply(expanded, collapse);
      const afterCollapse = analyse(collapsed, format);
      assert.deepEqual(afterCollapse.document.problems, [], collapsed);
      assert.equal(collapsed, RENDERERS[form](policy(allow(['profile:Batch*', 'profile:ListDomains']))));
    });
  }
});
