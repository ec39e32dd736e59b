// Completions over LSP, accepted as an editor accepts them (the item's edit, its additional edits, tab
// stops at their defaults), and the whole resulting document compared: starting a policy from nothing,
// an ARN part typed over, a key on the line under a YAML list dash, a JSON key after a value with no comma,
// and snippets in the file's own indentation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ClientCapabilities } from 'vscode-languageserver-protocol';
import type { CompletionList } from 'vscode-languageserver-types';
import { LineIndex } from '../../server/src/model/lines';
import { applyCompletion, expandSnippet, withCursor } from '../cursor';
import { TestClient } from './lsp-client';

interface EditCase {
  readonly name: string;
  readonly language: 'json' | 'yaml' | 'terraform';
  /** The document, `‸` at the cursor. */
  readonly marked: string;
  readonly accept: string;
  readonly expected: string;
}

const POLICY_JSON = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Statement",
      "Effect": "Allow",
      "Action": ["profile:GetDomain"],
      "Resource": ["*"]
    }
  ]
}`;

const POLICY_YAML = `Version: "2012-10-17"
Statement:
  - Sid: Statement
    Effect: Allow
    Action:
      - profile:GetDomain
    Resource:
      - "*"`;

const POLICY_TERRAFORM = `data "aws_iam_policy_document" "profiles" {
  version = "2012-10-17"
  statement {
    sid = "Statement"
    effect = "Allow"
    actions = ["profile:GetDomain"]
    resources = ["*"]
  }
}`;

const CASES: readonly EditCase[] = [
  { name: 'an empty JSON document: a whole policy', language: 'json', marked: '‸', accept: 'IAM policy', expected: POLICY_JSON },
  { name: 'an empty YAML document: a whole policy', language: 'yaml', marked: '‸', accept: 'IAM policy', expected: POLICY_YAML },
  {
    name: 'an empty YAML document: a CloudFormation managed policy',
    language: 'yaml',
    marked: '‸',
    accept: 'CloudFormation: managed policy',
    expected: `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ProfilesPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Sid: Statement
            Effect: Allow
            Action:
              - profile:GetDomain
            Resource:
              - "*"`,
  },
  {
    name: 'an empty Terraform file: a policy document data source',
    language: 'terraform',
    marked: '‸',
    accept: 'Terraform: policy document',
    expected: POLICY_TERRAFORM,
  },
  {
    name: 'a Terraform file with only a comment: a managed policy',
    language: 'terraform',
    marked: '# IAM\n‸',
    accept: 'Terraform: managed policy',
    expected: `# IAM
resource "aws_iam_policy" "profiles" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid = "Statement"
        Effect = "Allow"
        Action = ["profile:GetDomain"]
        Resource = ["*"]
      },
    ]
  })
}`,
  },
  { name: 'inside {} with no policy yet: Version', language: 'json', marked: '{‸}', accept: 'Version', expected: '{"Version": "2012-10-17"}' },
  {
    name: 'a key half typed in a root with no policy yet',
    language: 'json',
    marked: '{\n  "Sta‸\n}',
    accept: 'Statement',
    expected: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [""],\n      "Resource": [""]\n    }\n  ]\n}',
  },
  { name: 'the first word of a YAML document', language: 'yaml', marked: 'Ver‸', accept: 'Version', expected: 'Version: "2012-10-17"' },
  {
    name: 'an ARN part typed over: only the part changes',
    language: 'json',
    marked:
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "arn:aw‸:profile:us-east-1:111122223333:domains/retail"}]}',
    accept: 'aws',
    expected:
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "arn:aws:profile:us-east-1:111122223333:domains/retail"}]}',
  },
  {
    name: 'an ARN region typed over in YAML: only the region changes',
    language: 'yaml',
    marked:
      'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: arn:aws:profile:eu-we‸:111122223333:domains/retail\n',
    accept: 'eu-west-2',
    expected:
      'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n    Resource: arn:aws:profile:eu-west-2:111122223333:domains/retail\n',
  },
  {
    name: 'YAML: a key on the line under the dash lands at the item keys',
    language: 'yaml',
    marked: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n  ‸\n',
    accept: 'Action',
    expected: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action:\n      - \n',
  },
  {
    name: 'YAML: a key typed under the dash lands at the item keys',
    language: 'yaml',
    marked: 'Version: "2012-10-17"\nStatement:\n  - Sid: ReadProfiles\n  Eff‸\n',
    accept: 'Effect',
    expected: 'Version: "2012-10-17"\nStatement:\n  - Sid: ReadProfiles\n    Effect: Allow\n',
  },
  {
    name: 'YAML template: under an empty PolicyDocument, the whole policy at the column below the key',
    language: 'yaml',
    marked: 'Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        ‸\n',
    accept: 'New policy',
    expected:
      'Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Sid: Statement\n            Effect: Allow\n            Action:\n              - profile:GetDomain\n            Resource:\n              - "*"\n',
  },
  {
    name: 'JSON: a key after a value with no comma puts the comma after the value',
    language: 'json',
    marked: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow"\n      ‸\n    }\n  ]\n}',
    accept: 'Action',
    expected: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [""]\n    }\n  ]\n}',
  },
  {
    name: 'JSON indented by four: a new statement in the same layout',
    language: 'json',
    marked: '{\n    "Version": "2012-10-17",\n    "Statement": [\n        ‸\n    ]\n}',
    accept: 'New statement',
    expected:
      '{\n    "Version": "2012-10-17",\n    "Statement": [\n        {\n            "Sid": "Statement",\n            "Effect": "Allow",\n            "Action": ["profile:GetDomain"],\n            "Resource": ["*"]\n        }\n    ]\n}',
  },
  // Action values: the cached lists, answered as they are to a client that takes one range per list.
  {
    name: 'JSON: an action in a closed string, only what is between the quotes replaced',
    language: 'json',
    marked: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetD‸", "Resource": "*"}]}',
    accept: 'profile:GetDomain',
    expected: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}]}',
  },
  {
    name: 'JSON: an action typed without quotes gets them',
    language: 'json',
    marked: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": profile:GetD‸}]}',
    accept: 'profile:GetDomain',
    expected: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain"}]}',
  },
  {
    name: 'JSON: a key typed without quotes is replaced by the key written whole',
    language: 'json',
    marked: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*",\n  Cond‸\n}]}',
    accept: 'Condition',
    expected:
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*",\n  "Condition": {\n    "": {\n      "": ""\n    }\n  }\n}]}',
  },
  {
    name: 'JSON: a key being typed after a value with no comma puts the comma after the value',
    language: 'json',
    marked: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"\n  "Cond‸\n}]}',
    accept: 'Condition',
    expected:
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*",\n  "Condition": {\n    "": {\n      "": ""\n    }\n  }\n}]}',
  },
  {
    name: 'YAML: a plain action, a service prefix found by its name',
    language: 'yaml',
    marked: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: GetDom‸\n',
    accept: 'profile:GetDomain',
    expected: 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:GetDomain\n',
  },
  {
    name: 'Terraform data source: an action in its list',
    language: 'terraform',
    marked: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["profile:Del‸"]\n    resources = ["*"]\n  }\n}\n',
    accept: 'profile:DeleteDomain',
    expected: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["profile:DeleteDomain"]\n    resources = ["*"]\n  }\n}\n',
  },
];

/** What VS Code's client declares: one edit range for a whole list, among other item defaults. */
const ITEM_DEFAULTS: ClientCapabilities = {
  textDocument: { completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } } },
};

for (const [clientName, capabilities] of [
  ['a client that takes one edit range per list (VS Code)', ITEM_DEFAULTS],
  ['a client that needs an edit on each item (Neovim 0.7)', {}],
] as const) {
  describe(`completion edits over LSP, applied and compared whole: ${clientName}`, () => {
    let client: TestClient;
    before(async () => {
      client = new TestClient();
      await client.initialize(undefined, capabilities);
    });
    after(async () => client.stop());

    CASES.forEach((edit, i) => {
      test(`${edit.name} [${edit.language}]`, async () => {
        const { text, offset } = withCursor(edit.marked);
        const uri = `file:///work/edit-${i}.${edit.language === 'terraform' ? 'tf' : edit.language}`;
        await client.open(uri, edit.language, text);
        const position = new LineIndex(text).positionAt(offset);
        const list = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;
        const item = list.items.find((candidate) => candidate.label === edit.accept);
        assert.ok(item, `no "${edit.accept}" among ${JSON.stringify(list.items.map((candidate) => candidate.label))}`);
        if (capabilities !== ITEM_DEFAULTS) assert.ok(!list.itemDefaults && list.items.every((each) => each.textEdit), 'an edit on every item');
        else if (edit.accept.startsWith('profile:')) assert.ok(list.itemDefaults?.editRange && !item.textEdit, "the list's range, no edit of its own");
        assert.equal(applyCompletion(text, item, list), edit.expected);
      });
    });
  });
}

describe('completion over LSP: new policies', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  test('a closing quote typed opens no list; the same position asked for by the user does', async () => {
    const { text, offset } = withCursor('data "aws_iam_policy_document" "d" {\n  statement {\n    sid = "Second"‸\n  }\n}\n');
    const uri = 'file:///work/trigger.tf';
    await client.open(uri, 'terraform', text);
    const position = new LineIndex(text).positionAt(offset);
    const ask = async (context: object) =>
      ((await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position, context })) as CompletionList).items.length;
    assert.equal(await ask({ triggerKind: 2, triggerCharacter: '"' }), 0);
    assert.ok((await ask({ triggerKind: 1 })) > 0);
  });

  test('"New policy": every kind in every format is a clean document once its tab stops take their defaults', async () => {
    const POLICY = { json: POLICY_JSON, yaml: POLICY_YAML, terraform: POLICY_TERRAFORM };
    for (const kind of ['policy', 'managed-policy', 'role'] as const) {
      for (const format of ['json', 'yaml', 'terraform'] as const) {
        const result = (await client.connection.sendRequest('profilePolicy/newPolicy', { kind, format })) as { languageId: string; snippet: string };
        assert.equal(result.languageId, format);
        const text = expandSnippet(result.snippet);
        const uri = `file:///work/new-${kind}.${format}`;
        const published = await client.open(uri, format, text);
        assert.deepEqual(published.diagnostics, [], `${kind} ${format}:\n${text}`);
        if (kind === 'policy') assert.equal(text, POLICY[format]);
      }
    }
    await assert.rejects(
      client.connection.sendRequest('profilePolicy/newPolicy', { kind: 'scp', format: 'json' }),
      /kind must be "policy", "managed-policy" or "role"/,
    );
  });
});

describe('completion over LSP: the client commands a client names at initialize', () => {
  const condition =
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*", "Condition": {"‸": {"": ""}}}]}';
  const operatorCommand = async (initializationOptions: unknown): Promise<string | undefined> => {
    const client = new TestClient();
    await client.initialize(initializationOptions);
    try {
      const { text, offset } = withCursor(condition);
      await client.open('file:///work/condition.json', 'json', text);
      const list = (await client.connection.sendRequest('textDocument/completion', {
        textDocument: { uri: 'file:///work/condition.json' },
        position: new LineIndex(text).positionAt(offset),
      })) as CompletionList;
      return list.items.find((item) => item.label === 'StringEquals')?.command?.command;
    } finally {
      await client.stop();
    }
  };

  test('an operator in the Condition snippet carries profilePolicy.suggestAtNextStop only for a client that has it (VS Code), never for others', async () => {
    assert.equal(await operatorCommand({ commands: ['profilePolicy.suggestAtNextStop'] }), 'profilePolicy.suggestAtNextStop');
    assert.equal(await operatorCommand(undefined), undefined);
    assert.equal(await operatorCommand({ commands: 'profilePolicy.suggestAtNextStop' }), undefined);
  });
});
