// The document model on the same cases in JSON and YAML: which policies are found, of which kind,
// with which statements and values, and exact ranges for every key and value.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { policyAt, type PolicyDocument } from '../../server/src/model/document';
import { parseText } from '../../server/src/service';
import { elementValues } from '../../server/src/model/policy';
import { scalarText, type ValueNode } from '../../server/src/model/tree';
import { analyse } from '../../server/src/service';
import { LineIndex } from '../../server/src/model/lines';
import { FORMATS, readRepoFile, type TextFormat as DocumentFormat } from '../helpers';

interface ExpectedPolicy {
  kind: string;
  label: string;
  statements: number;
}

interface ModelCase {
  name: string;
  files: Record<DocumentFormat, string[]>;
  policies: ExpectedPolicy[];
  /** Action values of every statement, in order; opaque values show as their intrinsic name. */
  actions?: string[][];
  resources?: string[][];
}

const fixture = (name: string) => ['test', 'fixtures', 'model', name];

const CASES: ModelCase[] = [
  {
    name: 'standalone identity policy (comments, flow and block styles, quoted and plain scalars)',
    files: { json: fixture('standalone-identity.json'), yaml: fixture('standalone-identity.yaml') },
    policies: [{ kind: 'identity', label: 'Policy', statements: 2 }],
    actions: [['profile:GetDomain', 'profile:ListDomains'], ['profile:DeleteDomain']],
    resources: [['*'], ['arn:aws:profile:us-east-1:111122223333:domains/retail']],
  },
  {
    name: 'standalone trust policy with a single statement object',
    files: { json: fixture('standalone-trust.json'), yaml: fixture('standalone-trust.yaml') },
    policies: [{ kind: 'trust', label: 'Policy', statements: 1 }],
    actions: [['sts:AssumeRole']],
  },
  {
    name: 'CloudFormation template, short form (YAML tags) and long form (Fn:: objects)',
    files: { json: ['examples', 'cloudformation-roles.json'], yaml: ['examples', 'cloudformation-roles.yaml'] },
    policies: [
      { kind: 'trust', label: 'ProfileAdministratorRole › AssumeRolePolicyDocument', statements: 1 },
      { kind: 'identity', label: 'ProfileAdministratorPolicy › PolicyDocument', statements: 2 },
      { kind: 'trust', label: 'AnalystRole › AssumeRolePolicyDocument', statements: 1 },
      { kind: 'identity', label: 'AnalystRole › ReadCustomerProfiles', statements: 2 },
      { kind: 'trust', label: 'IntegrationWorkflowRole › AssumeRolePolicyDocument', statements: 1 },
      { kind: 'identity', label: 'IntegrationWorkflowRole › PutIntegrationObjects', statements: 1 },
    ],
    actions: [
      ['sts:AssumeRole'],
      ['profile:Get*', 'profile:List*', 'profile:Put*', 'profile:Update*', 'profile:Create*'],
      ['profile:Delete*'],
      ['sts:AssumeRole'],
      ['profile:SearchProfiles', 'profile:BatchGetProfile', 'profile:GetMatches', 'profile:ListProfileObjects'],
      ['profile:ListDomains'],
      ['sts:AssumeRole'],
      ['profile:PutProfileObject', 'profile:CreateProfile', 'profile:UpdateProfile'],
    ],
    resources: [[], ['Fn::Sub', 'Fn::Sub'], ['Fn::Sub'], [], ['Fn::Sub', 'Fn::Sub'], ['*'], [], ['Fn::GetAtt', 'Fn::Join']],
  },
  {
    name: 'SAM function policies and an S3 bucket policy',
    files: { json: fixture('sam-template.json'), yaml: fixture('sam-template.yaml') },
    policies: [
      { kind: 'identity', label: 'SyncFunction › Policies[2]', statements: 1 },
      { kind: 'resource', label: 'BucketPolicy › PolicyDocument', statements: 1 },
    ],
    actions: [['profile:PutProfileObject'], ['s3:*']],
    resources: [['Fn::Sub'], ['Fn::Sub']],
  },
  {
    name: 'a file that is not a policy',
    files: { json: fixture('not-a-policy.json'), yaml: fixture('not-a-policy.yaml') },
    policies: [],
  },
];

function shown(node: ValueNode): string {
  return node.kind === 'opaque' ? node.name : (scalarText(node) ?? node.kind);
}

/** Every key and scalar's range holds exactly its source text. */
function checkRanges(document: PolicyDocument): number {
  let checked = 0;
  const stack: ValueNode[] = [...document.roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const source = document.text.slice(node.start, node.end);
    if (node.kind === 'object') {
      for (const property of node.properties) {
        const key = document.text.slice(property.key.start, property.key.end);
        assert.equal(unquoteSource(key), property.key.value, `key range ${property.key.start}-${property.key.end}`);
        assert.ok(property.start <= property.key.start && property.end >= property.key.end);
        if (property.value) stack.push(property.value);
        checked++;
      }
    } else if (node.kind === 'array') stack.push(...node.items);
    else if (node.kind === 'opaque') {
      if (node.argument) stack.push(node.argument);
    } else if (node.kind === 'string' && !source.startsWith('>') && !source.startsWith('|')) {
      assert.equal(unquoteSource(source), node.value, `string range ${node.start}-${node.end}`);
      checked++;
    } else if (node.kind === 'number' || node.kind === 'boolean') {
      assert.equal(source, scalarText(node));
      checked++;
    }
  }
  return checked;
}

function unquoteSource(source: string): string {
  if (source.startsWith('"')) return JSON.parse(source) as string;
  if (source.startsWith("'")) return source.slice(1, -1).replace(/''/g, "'");
  return source;
}

describe('document model', () => {
  for (const modelCase of CASES) {
    for (const format of FORMATS) {
      test(`${modelCase.name} [${format}]`, () => {
        const text = readRepoFile(...modelCase.files[format]);
        const document = parseText(text, format);
        assert.deepEqual(
          document.policies.map((p) => ({ kind: p.kind, label: p.label, statements: p.statements.length })),
          modelCase.policies,
        );
        const statements = document.policies.flatMap((p) => p.statements);
        if (modelCase.actions)
          assert.deepEqual(
            statements.map((s) => elementValues(s, 'Action').map(shown)),
            modelCase.actions,
          );
        if (modelCase.resources)
          assert.deepEqual(
            statements.map((s) => elementValues(s, 'Resource').map(shown)),
            modelCase.resources,
          );
        assert.ok(checkRanges(document) > 5);
      });
    }
  }

  test('the block scalar value is read as its content', () => {
    const document = parseText(readRepoFile(...fixture('standalone-identity.yaml')), 'yaml');
    const action = elementValues(document.policies[0]!.statements[1]!, 'Action')[0]!;
    assert.equal(scalarText(action), 'profile:DeleteDomain');
  });

  test('a file with no policy gets no diagnostics, even with syntax errors and duplicate keys', () => {
    for (const format of FORMATS) {
      const text = readRepoFile(...fixture(`not-a-policy.${format}`));
      assert.ok(parseText(text, format).problems.length > 0, 'the fixture does have problems');
      assert.deepEqual(analyse(text, format).findings, []);
    }
  });

  test('YAML multi-document streams are searched document by document', () => {
    const text = 'kind: ConfigMap\n---\nVersion: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: "*"\n';
    assert.equal(parseText(text, 'yaml').policies.length, 1);
  });

  test('an unclosed JSON document still yields its policy and statements', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:Get';
    const document = parseText(text, 'json');
    assert.equal(document.policies.length, 1);
    assert.equal(document.policies[0]!.statements.length, 1);
    assert.ok(document.problems.some((p) => p.code === 'syntax-error'));
  });

  test('a JSON value typed without its quotes reads as the word it is, with one problem', () => {
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [profile:Get*, "profile:ListDomains", *], "Resource": arn:aws:profile:*:*:domains/a}]}';
    const document = parseText(text, 'json');
    const statement = document.policies[0]!.statements[0]!;
    assert.deepEqual(elementValues(statement, 'Action').map(shown), ['profile:Get*', 'profile:ListDomains', '*']);
    assert.deepEqual(elementValues(statement, 'Resource').map(shown), ['arn:aws:profile:*:*:domains/a']);
    const words = ['profile:Get*', '*', 'arn:aws:profile:*:*:domains/a'];
    assert.deepEqual(
      document.problems.map((p) => [p.code, text.slice(p.start, p.end), p.message]),
      words.map((word) => ['syntax-error', word, 'A string in JSON is written in double quotes.']),
    );
    // A word where a key belongs is a key with no value yet (one typed in part), and the statement keeps its other keys.
    const keyText = '{"Statement": [{"Effect": "Allow",\n Cond, "Action": "profile:GetDomain"}]}';
    const key = parseText(keyText, 'json');
    const statement2 = key.policies[0]!.statements[0]!;
    assert.deepEqual(
      statement2.node.properties.map((p) => [p.key.value, p.key.quote ?? null, p.value === undefined]),
      [
        ['Effect', '"', false],
        ['Cond', null, true],
        ['Action', '"', false],
      ],
    );
    assert.deepEqual(
      key.problems.map((p) => [keyText.slice(p.start, p.end), p.message]),
      [['Cond', 'A property name in JSON is written in double quotes.']],
    );
  });

  test('a key typed above the next entry, with no colon yet, keeps that entry in the tree', () => {
    // The visitor skips the rest of an entry after a key with no colon: "Action" vanished, and rules said
    // the statement had none, while the user was still typing the key above it.
    for (const typed of ['"Si"', 'Si']) {
      const text = `{"Version": "2012-10-17", "Statement": [{\n      "Effect": "Allow",\n      ${typed}\n      "Action": "profile:GetDomain",\n      "Resource": "*"\n    }]}`;
      const document = parseText(text, 'json');
      const statement = document.policies[0]!.statements[0]!;
      assert.deepEqual(
        statement.node.properties.map((p) => [p.key.value, p.value === undefined, p.colon === undefined]),
        [
          ['Effect', false, false],
          ['Si', true, true],
          ['Action', false, false],
          ['Resource', false, false],
        ],
        typed,
      );
      // No comma after the key in the text, none in the tree: a completion adds it.
      assert.equal(statement.node.commas?.filter((c) => text[c] === ',').length, statement.node.commas?.length);
      assert.deepEqual(
        document.problems.map((p) => [text.slice(p.start, p.end), p.message]),
        [typed === 'Si' ? ['Si', 'A property name in JSON is written in double quotes.'] : ['"Si"', 'Expected ":" after the property name.']],
        typed,
      );
    }
  });

  test('a key and its value with no colon between them: the value is not read as another key', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{\n      "Effect"   "Allow",\n      "Action": "profile:GetDomain",\n      "Resource": "*"\n    }]}';
    const statement = parseText(text, 'json').policies[0]!.statements[0]!;
    assert.deepEqual(
      statement.node.properties.map((p) => p.key.value),
      ['Effect', 'Action', 'Resource'],
    );
  });

  test('very deep nesting is reported, not a crash', () => {
    for (const format of FORMATS) {
      const deep = '['.repeat(10_000) + ']'.repeat(10_000);
      const document = parseText(deep, format);
      assert.equal(document.policies.length, 0);
      assert.ok(document.problems[0]?.message.includes('nested too deeply'));
    }
  });

  test('CRLF line ends and a byte-order mark keep positions exact', () => {
    const text = '\uFEFF{\r\n  "Version": "2012-10-17",\r\n  "Statement": [{"Effect": "Allow", "Action": "profile:GetDomian", "Resource": "*"}]\r\n}\r\n';
    const { document, findings } = analyse(text, 'json');
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['action-unknown'],
    );
    const line = text.split('\r\n')[2]!;
    assert.deepEqual(document.lines.positionAt(findings[0]!.start), { line: 2, character: line.indexOf('"profile:GetDomian"') });
  });
});

describe('the policy at an offset', () => {
  /** What policyAt answers, by looking at every policy: the innermost spanning the offset, the later listed of equal starts. */
  const scanned = (document: PolicyDocument, offset: number) => {
    let best: PolicyDocument['policies'][number] | undefined;
    for (const policy of document.policies) {
      if (offset >= policy.node.start && offset <= policy.node.end && (!best || policy.node.start >= best.node.start)) best = policy;
    }
    return best;
  };

  test('nested, touching, equal starts, gaps and an unsorted list: the same answer as looking at every policy', () => {
    const spans = [
      [50, 90],
      [0, 10],
      [10, 20],
      [55, 60],
      [55, 70],
      [58, 59],
      [30, 40],
      [100, 200],
      [120, 130],
      [125, 126],
    ];
    const document = { policies: spans.map(([start, end]) => ({ node: { start, end } })) } as unknown as PolicyDocument;
    for (let offset = 0; offset <= 210; offset++) assert.equal(policyAt(document, offset), scanned(document, offset), `offset ${offset}`);
    assert.equal(policyAt(document, 58), document.policies[5]);
    assert.equal(policyAt(document, 61), document.policies[4]);
    assert.equal(policyAt(document, 45), undefined);
  });

  test('every offset of the Terraform and CloudFormation examples', () => {
    for (const [file, format] of [
      ['examples/profiles.tf', 'terraform'],
      ['examples/cloudformation-roles.yaml', 'yaml'],
      ['examples/cloudformation-roles.json', 'json'],
    ] as const) {
      const document = parseText(readRepoFile(file), format);
      assert.ok(document.policies.length > 2, file);
      for (let offset = 0; offset <= document.text.length; offset++)
        assert.equal(policyAt(document, offset), scanned(document, offset), `${file} at ${offset}`);
    }
  });
});

describe('line index', () => {
  test('made from the index of the text before an edit: the same line starts as a search, after random edits of line ends', () => {
    const pieces = ['\n', '\r', '\r\n', 'a', 'bc', '', '\n\n', '\r\r\n'];
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const lines = (index: LineIndex, text: string) =>
      Array.from({ length: index.lineCount }, (_, line) => index.offsetAt({ line, character: 0 })).join(',') + `|${text.length}`;
    let text = 'ab\r\ncd\n\ref\r\n';
    let index = new LineIndex(text);
    index.positionAt(0);
    for (let i = 0; i < 3000; i++) {
      const start = Math.floor(next() * (text.length + 1));
      const oldEnd = Math.min(text.length, start + Math.floor(next() * 3));
      const inserted = pieces[Math.floor(next() * pieces.length)]!;
      const after = text.slice(0, start) + inserted + text.slice(oldEnd);
      const edited = LineIndex.afterEdit(index, after, start, oldEnd, start + inserted.length);
      assert.equal(lines(edited, after), lines(new LineIndex(after), after), `${JSON.stringify(text)} → ${JSON.stringify(after)}`);
      [text, index] = after.length > 200 ? ['x\r\ny', new LineIndex('x\r\ny')] : [after, edited];
      index.positionAt(0);
    }
  });

  test('positions and offsets with \\n, \\r\\n and a lone \\r, as LSP counts them', () => {
    const cases: Array<[string, Array<[number, number, number]>]> = [
      [
        'ab\ncd\n\ne',
        [
          [0, 0, 0],
          [2, 0, 2],
          [3, 1, 0],
          [5, 1, 2],
          [6, 2, 0],
          [7, 3, 0],
          [8, 3, 1],
        ],
      ],
      [
        'ab\r\ncd\r\n',
        [
          [2, 0, 2],
          [4, 1, 0],
          [6, 1, 2],
          [8, 2, 0],
        ],
      ],
      [
        'a\rb\r\nc\nd',
        [
          [1, 0, 1],
          [2, 1, 0],
          [5, 2, 0],
          [7, 3, 0],
        ],
      ],
      ['', [[0, 0, 0]]],
    ];
    for (const [text, expected] of cases) {
      const lines = new LineIndex(text);
      for (const [offset, line, character] of expected) {
        assert.deepEqual(lines.positionAt(offset), { line, character }, `${JSON.stringify(text)} @${offset}`);
        assert.equal(lines.offsetAt({ line, character }), offset, `${JSON.stringify(text)} ${line}:${character}`);
      }
    }
    assert.equal(new LineIndex('a\nb\r\nc').lineCount, 3);
  });
});
