// Fixed-seed fuzzing: mutated and truncated policies and templates, random bytes, absurd nesting, huge
// strings, surrogates, CRLF and BOMs. No exception may escape any feature, at any position, and every
// answer stays bounded.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { random } from '../../bench/generate';
import type { FormatId as DocumentFormat } from '../../server/src/formats/registry';
import { analyse, completion, diagnostics, hoverAt, lenses, quickFixes, simulate, symbols, target } from '../../server/src/service';
import { simulate as apiSimulate } from '../../server/src/api';
import { readBlockYaml } from '../../server/src/formats/yaml-block';
import { readRepoFile } from '../helpers';
import { toJson, toTerraform, toYaml } from '../policy-text';

const SEEDS: Array<[string, DocumentFormat]> = [
  ['examples/mistakes.json', 'json'],
  ['examples/mistakes.yaml', 'yaml'],
  ['examples/cloudformation-roles.yaml', 'yaml'],
  ['examples/cloudformation-roles.json', 'json'],
  ['examples/contact-centre-agent.json', 'json'],
  ['examples/read-only-analyst.yaml', 'yaml'],
  ['test/fixtures/model/sam-template.yaml', 'yaml'],
];

const SYNTAX = [
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"',
  "'",
  '\n',
  ' ',
  '-',
  '#',
  '!',
  '&',
  '*',
  '|',
  '>',
  '${',
  '}',
  '\\',
  '\r\n',
  '\t',
  '?',
  '%',
  '@',
  '`',
  'Fn::If',
  '!Sub ',
  '\uFEFF',
  '\uD83D\uDE00',
  '\uD800',
  '\u0000',
];

function mutate(text: string, next: () => number): string {
  const at = () => Math.floor(next() * (text.length + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  let out = text;
  const edits = 1 + Math.floor(next() * 4);
  for (let i = 0; i < edits; i++) {
    const a = Math.floor(next() * (out.length + 1));
    const b = Math.min(out.length, a + Math.floor(next() * 40));
    switch (Math.floor(next() * 6)) {
      case 0:
        out = out.slice(0, a) + out.slice(b); // delete a span
        break;
      case 1:
        out = out.slice(0, a) + pick(SYNTAX) + out.slice(a); // insert syntax
        break;
      case 2:
        out = out.slice(0, a) + out.slice(a, b) + out.slice(a); // duplicate a span
        break;
      case 3:
        out = out.slice(0, at()); // truncate
        break;
      case 4:
        out = out.replace(/\n/g, '\r\n'); // CRLF
        break;
      default:
        out = `\uFEFF${out}`; // BOM
    }
  }
  return out;
}

function randomBytes(next: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(Math.floor(next() * 0x10000));
  return out;
}

const REQUEST = {
  action: 'profile:GetDomain',
  resource: 'arn:aws:profile:us-east-1:111122223333:domains/retail',
  context: { 'aws:ResourceTag/team': 'blue', 'aws:TagKeys': ['a', 'b'] },
};

/** Every feature at a handful of positions; each answer bounded. */
function exercise(text: string, format: DocumentFormat, next: () => number, positions = 12): void {
  const analysis = analyse(text, format);
  assert.ok(analysis.findings.length <= text.length + 10);
  const lsp = diagnostics(analysis);
  assert.equal(lsp.length, analysis.findings.length);
  symbols(analysis);
  lenses(analysis, 'file:///fuzz');
  for (let i = 0; i < positions; i++) {
    const offset = Math.floor(next() * (text.length + 1));
    const items = completion(analysis, offset).items;
    assert.ok(items.length <= 5000, `${items.length} completion items`);
    const hover = hoverAt(analysis, offset);
    if (hover) assert.ok(JSON.stringify(hover).length < 200_000);
    const end = Math.min(text.length, offset + Math.floor(next() * 50));
    quickFixes(analysis, 'file:///fuzz', { start: offset, end });
    for (const scope of ['statement', 'policy'] as const) {
      target(analysis, offset, scope);
      simulate(analysis, offset, scope, REQUEST);
    }
  }
  for (const finding of analysis.findings.slice(0, 20)) quickFixes(analysis, 'file:///fuzz', finding);
}

describe('fuzz (fixed seeds)', { timeout: 120_000 }, () => {
  test('names of Object.prototype as services, actions, keys, operators and elements are only names', () => {
    const next = random(7);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const policy = {
        Version: '2012-10-17',
        Statement: [
          { Sid: name, Effect: 'Allow', Action: [`${name}:${name}`, `profile:${name}`, name], Resource: `arn:aws:${name}:us-east-1:111122223333:${name}/x` },
          {
            Effect: 'Deny',
            NotAction: `${name}:*`,
            Resource: '*',
            Condition: { [name]: { [`${name}:${name}`]: name }, StringEquals: { [`aws:${name}`]: name } },
          },
        ],
      };
      const withElement = { ...policy, [name]: name, Statement: [{ ...policy.Statement[0], [name]: name }] };
      for (const value of [policy, withElement]) {
        for (const [text, format] of [
          [toJson(value), 'json'],
          [toYaml(value), 'yaml'],
          [toTerraform(value), 'terraform'],
        ] as const) {
          if (!text) continue;
          exercise(text, format, next, 10);
          // Hover and completion at every position: each name is looked up where it stands.
          const analysis = analyse(text, format);
          for (let offset = 0; offset <= text.length; offset++) {
            hoverAt(analysis, offset);
            completion(analysis, offset);
          }
        }
      }
      exercise(
        `data "aws_iam_policy_document" "d" {\n  ${name} = "x"\n  statement {\n    ${name} = ["${name}:${name}"]\n    actions = ["${name}:${name}"]\n  }\n}\n`,
        'terraform',
        next,
        40,
      );
    }
  });

  test('mutated and truncated policies and templates', () => {
    const next = random(20261121);
    const outcomes = { broken: 0, intact: 0 };
    for (const [file, format] of SEEDS) {
      const seed = readRepoFile(file);
      for (let i = 0; i < 200; i++) {
        const text = mutate(seed, next);
        exercise(text, format, next);
        // The other reader too: a .template file may be either.
        exercise(text, format === 'json' ? 'yaml' : 'json', next, 3);
        outcomes[analyse(text, format).document.problems.length > 0 ? 'broken' : 'intact']++;
      }
    }
    // The mutations reach both kinds of input: documents the readers reject and ones they still read.
    assert.ok(outcomes.broken > 100 && outcomes.intact > 100, JSON.stringify(outcomes));
  });

  test('random bytes, in both readers', () => {
    const next = random(7);
    for (let i = 0; i < 40; i++) {
      const text = randomBytes(next, 1 + Math.floor(next() * 4000));
      exercise(text, 'json', next, 4);
      exercise(text, 'yaml', next, 4);
    }
  });

  test('deep nesting in every shape and both readers: one nesting-too-deep finding, where the limit was hit, and nothing else', () => {
    const next = random(3);
    const deepArrays = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const shapes: Array<[string, string]> = [
      ['arrays', deepArrays(10_000)],
      ['objects', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)],
      ['unclosed arrays', '['.repeat(10_000)],
      ['a policy', `{"Version": "2012-10-17", "Statement": ${deepArrays(10_000)}}`],
      ['YAML flow in a policy', `Version: "2012-10-17"\nStatement: ${deepArrays(5_000)}\n`],
      ['YAML block lists', Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}- `).join('\n')],
      ['YAML block maps', Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')],
      ['YAML compact lists', `${'- '.repeat(2_000)}x`],
    ];
    for (const [name, text] of shapes) {
      for (const format of ['json', 'yaml'] as const) {
        const { findings } = analyse(text, format);
        const deep = findings.filter((f) => f.ruleId === 'nesting-too-deep');
        // A reader that rejects the text first (a YAML reading of JSON-like text) may say so instead.
        if (deep.length === 0) {
          assert.ok(
            findings.length <= 50 && findings.every((f) => f.ruleId === 'syntax-error'),
            `${name} [${format}]: ${JSON.stringify(findings.slice(0, 3))}`,
          );
          continue;
        }
        assert.equal(findings.length, 1, `${name} [${format}]`);
        // The finding sits on the container where the limit was hit: a bracket, a dash or a key.
        assert.ok(deep[0]!.start > 0 && deep[0]!.end === deep[0]!.start + 1, `${name} [${format}] at ${deep[0]!.start}`);
        assert.match(text[deep[0]!.start]!, /[[{\-k]/, `${name} [${format}]`);
        exercise(text, format, next, 4);
      }
    }
  });

  test('50,000 characters of ${, *, ? or : in every value slot: bounded findings and messages', () => {
    const next = random(13);
    const base = { Effect: 'Allow', Action: 'profile:GetDomain', Resource: '*' };
    const slots: Array<[string, (v: string) => object]> = [
      ['Version', (v) => ({ Version: v, Statement: [base] })],
      ['Sid', (v) => ({ Statement: [{ ...base, Sid: v }] })],
      ['Effect', (v) => ({ Statement: [{ ...base, Effect: v }] })],
      ['Action', (v) => ({ Statement: [{ ...base, Action: v }] })],
      ['an action name', (v) => ({ Statement: [{ ...base, Action: `profile:${v}` }] })],
      ['NotAction', (v) => ({ Statement: [{ Effect: 'Allow', NotAction: [v, 'profile:Get*'], Resource: '*' }] })],
      ['Resource', (v) => ({ Statement: [{ ...base, Resource: v }] })],
      ['an ARN resource part', (v) => ({ Statement: [{ ...base, Resource: `arn:aws:profile:us-east-1:111122223333:domains/${v}` }] })],
      ['an ARN region', (v) => ({ Statement: [{ ...base, Resource: `arn:aws:profile:${v}:111122223333:domains/x` }] })],
      ['NotResource', (v) => ({ Statement: [{ Effect: 'Allow', Action: 'profile:GetDomain', NotResource: `arn:${v}` }] })],
      ['Principal', (v) => ({ Statement: [{ Effect: 'Allow', Principal: { AWS: v }, Action: 'sts:AssumeRole' }] })],
      ['a condition operator', (v) => ({ Statement: [{ ...base, Condition: { [v]: { 'aws:SourceIp': '10.0.0.0/8' } } }] })],
      ['a condition key', (v) => ({ Statement: [{ ...base, Condition: { StringLike: { [v]: 'x' } } }] })],
      [
        'condition values of every type',
        (v) => ({
          Statement: [
            {
              ...base,
              Condition: {
                StringLike: { 'aws:ResourceTag/team': v },
                ArnLike: { 'aws:SourceArn': v },
                IpAddress: { 'aws:SourceIp': v },
                DateLessThan: { 'aws:CurrentTime': v },
                NumericLessThan: { 'aws:MultiFactorAuthAge': v },
                Bool: { 'aws:SecureTransport': v },
              },
            },
          ],
        }),
      ],
    ];
    for (const run of ['${', '*', '?', ':']) {
      const value = run.repeat(Math.ceil(50_000 / run.length));
      for (const [slot, make] of slots) {
        for (const format of ['json', 'yaml'] as const) {
          const text = format === 'json' ? toJson(make(value)) : toYaml(make(value));
          const { findings } = analyse(text, format);
          const where = `${JSON.stringify(run)} in ${slot} [${format}]`;
          assert.ok(findings.length <= 12, `${where}: ${findings.length} findings`);
          for (const finding of findings) assert.ok(finding.message.length <= 1000, `${where}: ${finding.ruleId} message of ${finding.message.length}`);
          exercise(text, format, next, 3);
        }
      }
    }
  });

  test('hostile YAML inside the part read by hand: read by hand, every answer bounded', () => {
    const next = random(19);
    const nested = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(2 * i)}k${i}:`).join('\n');
    const shapes: Array<[string, string, (findings: readonly { ruleId: string }[]) => boolean]> = [
      // Each empty value once looked for a comment up to the end of the text: quadratic.
      ['50,000 empty values', Array.from({ length: 50_000 }, (_, i) => `k${i}:`).join('\n'), (f) => f.length === 0],
      // Blocks that end together each looked at the comment lines after them.
      [
        '30,000 comment lines after 90 nested blocks',
        `${nested(90)} x\n${Array.from({ length: 30_000 }, (_, i) => `${' '.repeat(i % 200)}# c`).join('\n')}\nlast: 1\n`,
        (f) => f.length === 0,
      ],
      [
        'a flow list of 20,000 unknown actions',
        `Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: [${Array.from({ length: 20_000 }, (_, i) => `profile:Get${i}`).join(', ')}]\n    Resource: "*"\n`,
        // One finding per entry, and the policy's size.
        (f) => f.length === 20_001 && f.filter((x) => x.ruleId === 'action-unknown').length === 20_000,
      ],
      ['20,000 block scalars', Array.from({ length: 20_000 }, (_, i) => `k${i}: |\n  line\n\n   deeper\n`).join(''), (f) => f.length === 0],
    ];
    for (const [name, text, bounded] of shapes) {
      assert.ok(readBlockYaml(text), `${name}: read by hand`);
      const { findings } = analyse(text, 'yaml');
      assert.ok(bounded(findings), `${name}: ${findings.length} findings, ${JSON.stringify(findings.slice(0, 2))}`);
      exercise(text, 'yaml', next, 3);
    }
  });

  test('many documents in one YAML file: every one read, answers bounded', () => {
    const next = random(17);
    const policy = 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomian\n    Resource: "*"\n';
    const policies = Array.from({ length: 3_000 }, () => `---\n${policy}`).join('');
    const analysis = analyse(policies, 'yaml');
    assert.equal(analysis.document.policies.length, 3_000);
    assert.deepEqual(new Set(analysis.findings.map((f) => f.ruleId)), new Set(['action-unknown']));
    assert.equal(analysis.findings.length, 3_000);
    assert.equal(symbols(analysis).length, 3_000);
    exercise(policies, 'yaml', next, 6);
    // Empty documents by the ten thousand: nothing to say.
    const empty = '---\n'.repeat(50_000);
    assert.deepEqual(analyse(empty, 'yaml').findings, []);
    exercise(empty, 'yaml', next, 4);
  });

  test('a 1 MiB string, surrogate pairs, lone surrogates, CRLF and a BOM', () => {
    const next = random(5);
    const huge = 'x'.repeat(1024 * 1024);
    const texts = [
      `{"Version": "2012-10-17", "Statement": {"Sid": "${huge}", "Effect": "Allow", "Action": "profile:Get*", "Resource": "*"}}`,
      `Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: "profile:${huge}"\n    Resource: "*"\n`,
      '\uFEFF{\r\n"Version": "2012-10-17",\r\n"Statement": [{"Sid": "😀\uD800", "Effect": "Allow", "Action": "profile:Get😀", "Resource": "arn:aws:profile:*:*:domains/😀"}]\r\n}',
      '\uFEFFVersion: "2012-10-17"\r\nStatement:\r\n  - Effect: Allow\r\n    Action: profile:\uD83D\r\n    Resource: "*"\r\n',
    ];
    for (const [i, text] of texts.entries()) exercise(text, i % 2 === 0 ? 'json' : 'yaml', next, 6);
  });

  test('the library rejects bad input with a clear error, never a crash', () => {
    const next = random(9);
    for (let i = 0; i < 200; i++) {
      const text = mutate(readRepoFile('examples/contact-centre-agent.json'), next);
      try {
        apiSimulate(text, REQUEST);
      } catch (error) {
        assert.equal((error as Error).name, 'Error');
        assert.match((error as Error).message, /policy|YAML|JSON|document/i);
      }
    }
  });
});
