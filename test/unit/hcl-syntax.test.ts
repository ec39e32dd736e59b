// The HCL parser: exact trees for the Terraform that holds policies, exact offsets (UTF-16, CRLF),
// recovery from half-typed text, nesting limits, and a fixed-seed fuzz.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { random } from '../../bench/generate';
import { literalSourceOffset, type HclLiteral } from '../../server/src/formats/hcl-ast';
import { parseHcl } from '../../server/src/formats/hcl-parser';
import { MAX_NESTING_DEPTH } from '../../server/src/model/problems';
import { sketch } from '../hcl-sketch';
import { readRepoFile } from '../helpers';

function read(text: string): { tree: string; problems: string[] } {
  const { body, problems } = parseHcl(text);
  return {
    tree: sketch(text, body),
    problems: problems.map((p) => `${p.code} ${p.start}-${p.end} ${JSON.stringify(text.slice(p.start, p.end))}: ${p.message}`),
  };
}

const lines = (...rows: string[]) => rows.join('\n');

describe('HCL syntax: trees', () => {
  test('the representative Terraform fixture reads into the exact tree, without a problem', () => {
    const text = readRepoFile('test', 'fixtures', 'terraform', 'policies.tf');
    const { tree, problems } = read(text);
    assert.deepEqual(problems, []);
    assert.equal(tree, readRepoFile('test', 'fixtures', 'terraform', 'policies.tree.txt').trimEnd());
  });

  test('templates: escapes decoded, $${ and %%{ kept as text, interpolations and directives as parts', () => {
    const { tree, problems } = read('x = "a\\n\\"b\\\\ $${aws:username} %%{if} ${var.y}%{ for k in v }z%{ endfor }"\n');
    assert.deepEqual(problems, []);
    assert.equal(
      tree,
      lines(
        'attribute 0-74 x =2',
        '  template 4-74',
        '    literal 5-38 "a\\n\\"b\\\\ ${aws:username} %{if} " runs 0:5 1:6 2:8 3:10 4:11 5:13 6:14 8:17 22:31 24:34 28:38',
        '    interpolation 38-46',
        '      get-attr 40-45 .y',
        '        variable 40-43 "var"',
        '    directive 46-61 for',
        '    literal 61-62 "z"',
        '    directive 62-73 endfor',
      ),
    );
  });

  test('heredocs: <<EOF keeps its text, <<-EOT removes the common indentation; offsets map through it', () => {
    const text = 'a = <<EOF\n  {"x": 1}\n  EOF\nb = <<-EOT\n    {\n      "y": "$${z}"\n\n    }\n    EOT\n';
    const { tree, problems } = read(text);
    assert.deepEqual(problems, []);
    assert.equal(
      tree,
      lines(
        'attribute 0-26 a =2',
        '  heredoc 4-26 <<EOF body 10-21',
        '    literal 10-21 "  {\\"x\\": 1}\\n"',
        'attribute 27-77 b =29',
        '  heredoc 31-77 <<-EOT body 38-70',
        '    literal 42-70 "{\\n  \\"y\\": \\"${z}\\"\\n\\n}\\n" runs 0:42 2:48 10:56 12:59 17:68 19:70',
      ),
    );
    const literal = heredocLiteral(text, 1);
    // Every character but the decoded `${` sits where the mapping says; the end maps to the body's end.
    for (let i = 0; i < literal.value.length; i++) {
      if (i === 10 || i === 11) continue;
      assert.equal(text[literalSourceOffset(literal, i)], literal.value[i], `index ${i}`);
    }
    assert.equal(literalSourceOffset(literal, 10), 56);
    assert.equal(literalSourceOffset(literal, literal.value.length), 70);
  });

  test('the data source: nested statement and condition blocks', () => {
    const { tree } = read('data "aws_iam_policy_document" "d" {\n  statement {\n    effect = "Deny"\n    condition {\n      test = "Bool"\n    }\n  }\n}\n');
    assert.equal(
      tree,
      lines(
        'block 0-118 data "aws_iam_policy_document"@5-30 "d"@31-34 {35 }117',
        '  block 39-116 statement {49 }115',
        '    attribute 55-70 effect =62',
        '      template 64-70',
        '        literal 65-69 "Deny"',
        '    block 75-112 condition {85 }111',
        '      attribute 93-106 test =98',
        '        template 100-106',
        '          literal 101-105 "Bool"',
      ),
    );
  });

  test('UTF-16 offsets with characters outside the BMP, and CRLF line ends', () => {
    const text =
      'data "aws_iam_policy_document" "d" {\r\n  statement {\r\n    sid = "é😀\\u00e9\\U0001F600"\r\n    actions = ["profile:Get*"] # 😀\r\n  }\r\n}\r\n';
    const { tree, problems } = read(text);
    assert.deepEqual(problems, []);
    assert.equal(
      tree,
      lines(
        'block 0-129 data "aws_iam_policy_document"@5-30 "d"@31-34 {35 }128',
        '  block 40-126 statement {50 }125',
        '    attribute 57-84 sid =61',
        '      template 63-84',
        '        literal 64-83 "é😀é😀" runs 0:64 3:67 4:73 6:83',
        '    attribute 90-116 actions =98',
        '      tuple 100-116 commas -',
        '        template 101-115',
        '          literal 102-114 "profile:Get*"',
      ),
    );
    assert.equal(text.slice(102, 114), 'profile:Get*');
    const heredoc = 'p = <<-EOT\r\n\t  {"Sid": "😀"}\r\n\t  ${x}\r\n\tEOT\r\n';
    assert.equal(
      read(heredoc).tree,
      lines(
        'attribute 0-43 p =2',
        '  heredoc 4-43 <<-EOT body 12-39',
        '    literal 15-33 "{\\"Sid\\": \\"😀\\"}\\r\\n" runs 0:15 15:33',
        '    interpolation 33-37',
        '      variable 35-36 "x"',
        '    literal 37-39 "\\r\\n"',
      ),
    );
  });
});

describe('HCL syntax: half-typed text', () => {
  test('an unfinished resource ends at the next top-level block: the one after it reads whole', () => {
    const { tree, problems } = read(
      'resource "a" "one" {\n  policy = jsonencode({\n    Statement = [{ Action = ["profile:Ge\n}\n\nresource "a" "two" {\n  policy = jsonencode({ Version = "2012-10-17" })\n}\n',
    );
    assert.equal(
      tree,
      lines(
        'block 0-89 resource "a"@9-12 "one"@13-18 {19 }?',
        '  attribute 23-87 policy =30',
        '    call 32-87 jsonencode (open)',
        '      object 43-87 (open) commas - newlines -',
        '        item 49-87 =59',
        '          variable 49-58 "Statement"',
        '          tuple 61-87 (open) commas -',
        '            object 62-87 commas - newlines -',
        '              item 64-85 =71',
        '                variable 64-70 "Action"',
        '                tuple 73-85 (open) commas -',
        '                  template 74-85 (open)',
        '                    literal 75-85 "profile:Ge"',
        'block 89-161 resource "a"@98-101 "two"@102-107 {108 }160',
        '  attribute 112-159 policy =119',
        '    call 121-159 jsonencode',
        '      object 132-158 commas - newlines -',
        '        item 134-156 =142',
        '          variable 134-141 "Version"',
        '          template 144-156',
        '            literal 145-155 "2012-10-17"',
      ),
    );
    assert.deepEqual(problems, [
      'syntax-error 19-20 "{": Expected "}" to close the "resource" block.',
      'syntax-error 42-43 "(": Expected ")" to close the arguments of "jsonencode".',
      'syntax-error 43-44 "{": Expected "}" to close the object.',
      'syntax-error 61-62 "[": Expected "]" to close the list.',
      'syntax-error 73-74 "[": Expected "]" to close the list.',
      'syntax-error 74-75 "\\"": Unterminated string: a quoted string ends on the line it starts (use a heredoc for several lines).',
    ]);
  });

  test('a name with "=" and nothing after it: a missing value where the value goes', () => {
    const { tree, problems } = read('locals {\n  name =\n  other = 1\n}\n');
    assert.equal(
      tree,
      lines('block 0-31 locals {7 }30', '  attribute 11-17 name =16', '    missing 17-17 ""', '  attribute 20-29 other =26', '    number 28-29 "1"'),
    );
    assert.deepEqual(problems, ['syntax-error 16-17 "=": Expected a value for "name".']);
  });

  test('a name typed alone on its line (a key being written) is an attribute without "="', () => {
    const { tree, problems } = read('data "aws_iam_policy_document" "d" {\n  statement {\n    act\n  }\n');
    assert.equal(
      tree,
      lines(
        'block 0-63 data "aws_iam_policy_document"@5-30 "d"@31-34 {35 }?',
        '  block 39-62 statement {49 }61',
        '    attribute 55-58 act (no =)',
        '      missing 58-58 ""',
      ),
    );
    assert.deepEqual(problems, [
      'syntax-error 35-36 "{": Expected "}" to close the "data" block.',
      'syntax-error 55-58 "act": Expected "=" after "act", or a block.',
    ]);
  });

  test('stray tokens become error nodes; the parser goes on at the next line, and a stray "}" is reported', () => {
    const { tree, problems } = read('locals {\n  ) x = 1\n  y = 2\n}\n}\n');
    assert.equal(tree, lines('block 0-28 locals {7 }27', '  error 11-18 ") x = 1"', '  attribute 21-26 y =23', '    number 25-26 "2"', 'error 29-30 "}"'));
    assert.deepEqual(problems, [
      'syntax-error 11-12 ")": Expected an argument name or a block here.',
      'syntax-error 29-30 "}": Unexpected "}": no block is open here.',
    ]);
  });

  test('an unterminated heredoc ends before the next top-level block', () => {
    const { tree, problems } = read('x = <<EOF\n{"a": 1}\ndata "x" "y" {\n}\n');
    assert.equal(
      tree,
      lines(
        'attribute 0-19 x =2',
        '  heredoc 4-19 <<EOF body 10-19 (open)',
        '    literal 10-19 "{\\"a\\": 1}\\n"',
        'block 19-35 data "x"@24-27 "y"@28-31 {32 }34',
      ),
    );
    assert.deepEqual(problems, ['syntax-error 4-9 "<<EOF": Unterminated heredoc: no line holds only its closing marker "EOF".']);
  });

  test('missing separators and bad escapes are reported, and the values around them kept', () => {
    const { tree, problems } = read('x = ["a" "b", ]\ny = { a = 1 b = 2 }\nz = "\\q"\n');
    assert.equal(
      tree,
      lines(
        'attribute 0-15 x =2',
        '  tuple 4-15 commas 12',
        '    template 5-8',
        '      literal 6-7 "a"',
        '    template 9-12',
        '      literal 10-11 "b"',
        'attribute 16-35 y =18',
        '  object 20-35 commas - newlines -',
        '    item 22-27 =24',
        '      variable 22-23 "a"',
        '      number 26-27 "1"',
        '    item 28-33 =30',
        '      variable 28-29 "b"',
        '      number 32-33 "2"',
        'attribute 36-44 z =38',
        '  template 40-44',
        '    literal 41-43 "\\\\q"',
      ),
    );
    assert.deepEqual(problems, [
      'syntax-error 9-10 "\\"": Expected "," between the items of the list.',
      'syntax-error 28-29 "b": Expected a comma or a line break between the items of the object.',
      'syntax-error 41-43 "\\\\q": Invalid escape "\\q": HCL strings take \\n, \\r, \\t, \\", \\\\, \\uXXXX and \\UXXXXXXXX.',
    ]);
  });

  test('an interpolation left open ends its string at the closing quote or the line end', () => {
    const { tree, problems } = read('x = "arn:${var.x"\ny = "${\nz = 1\n');
    assert.equal(
      tree,
      lines(
        'attribute 0-17 x =2',
        '  template 4-17',
        '    literal 5-9 "arn:"',
        '    interpolation 9-16 (open)',
        '      get-attr 11-16 .x',
        '        variable 11-14 "var"',
        'attribute 18-25 y =20',
        '  template 22-25 (open)',
        '    interpolation 23-25 (open)',
        '      missing 25-25 ""',
        'attribute 26-31 z =28',
        '  number 30-31 "1"',
      ),
    );
    assert.equal(problems.length, 4); // x's open ${; y's unterminated string, open ${ and missing value
  });

  test('an interpolation left open reads nothing after its line: no "}" there closes it, no string there is read twice', () => {
    // Each line's string opens a sequence with an open bracket; read past its line, each would read the
    // next lines' strings again (20 lines gave 4 million problems). Each line gets its own four.
    for (const opener of ['${f(', '${[', '${{']) {
      const { problems } = read(`locals {\n${Array.from({ length: 20 }, () => `  a = "${opener}\n`).join('')}}\n`);
      assert.ok(problems.length <= 4 * 20, `${opener}: ${problems.length} problems`);
    }
    // Typing a Resource in a jsonencode statement: the "}" of the next line is the statement's.
    const typing = 'policy = jsonencode({\n  Statement = [{\n    Resource = "${aws_s3_bucket.b.arn\n  }]\n})\n';
    assert.deepEqual(read(typing).problems, [
      'syntax-error 54-55 "\\"": Unterminated string: a quoted string ends on the line it starts (use a heredoc for several lines).',
      'syntax-error 55-57 "${": Expected "}" to close the interpolation.',
    ]);
  });
});
/** The literal of the n-th attribute's heredoc. */
function heredocLiteral(text: string, n: number): HclLiteral {
  const attribute = parseHcl(text).body.items[n]!;
  assert.equal(attribute.kind, 'attribute');
  const value = attribute.kind === 'attribute' ? attribute.value : undefined;
  assert.equal(value?.kind, 'heredoc');
  const literal = value?.kind === 'heredoc' ? value.parts[0] : undefined;
  assert.equal(literal?.kind, 'literal');
  return literal as HclLiteral;
}

describe('HCL syntax: limits', () => {
  test('nesting deeper than the limit is reported where it is hit, without running out of stack', () => {
    // [opener, closer, where the first construct past the limit starts]: the attribute's value is level 1,
    // so the 501st opener; in an object the key of the 500th object is already the 501st expression.
    for (const [open, close, at] of [
      ['[', ']', 4 + MAX_NESTING_DEPTH],
      ['{ a = ', '}', 4 + (MAX_NESTING_DEPTH - 1) * 6 + 2],
      ['(', ')', 4 + MAX_NESTING_DEPTH],
      ['f(', ')', 4 + MAX_NESTING_DEPTH * 2],
      ['"${', '}"', 4 + MAX_NESTING_DEPTH * 3],
    ] as const) {
      const depth = 100_000;
      const text = `x = ${open.repeat(depth)}1${close.repeat(depth)}\ny = 2\n`;
      const { body, problems } = parseHcl(text);
      const deep = problems.filter((p) => p.code === 'nesting-too-deep');
      assert.deepEqual(
        deep.map((p) => p.start),
        [at],
        open,
      );
      // What follows the deep value still reads.
      const last = body.items[body.items.length - 1]!;
      assert.equal(last.kind === 'attribute' ? last.name.name : last.kind, 'y', open);
    }
    const blocks = `${'b {\n'.repeat(5000)}${'}\n'.repeat(5000)}`;
    assert.equal(parseHcl(blocks).problems.filter((p) => p.code === 'nesting-too-deep').length, 1);
  });

  test('long chains of operators, conditionals and references read without deep recursion', () => {
    const n = 50_000;
    for (const text of [`x = ${'!'.repeat(n)}true\n`, `x = ${'1 + '.repeat(n)}1\n`, `x = a${'.b'.repeat(n)}\n`, `x = ${'a ? b : '.repeat(n)}c\n`]) {
      assert.doesNotThrow(() => parseHcl(text));
    }
  });
});

describe('HCL syntax: fuzz', () => {
  const seeds = [readRepoFile('test', 'fixtures', 'terraform', 'policies.tf')];
  const pieces = [
    '{',
    '}',
    '[',
    ']',
    '(',
    ')',
    '"',
    '${',
    '%{',
    '$${',
    '<<EOF\n',
    '<<-EOT\n',
    'EOF\n',
    '\n',
    '\r\n',
    '=',
    ':',
    ',',
    '#',
    '/*',
    '*/',
    '\\',
    '~',
    '?',
    '.',
    '*',
    '😀',
    '\uD800',
    'resource "x" "y" {\n',
  ];

  test('mutated Terraform never throws, and every node lies inside the text', () => {
    const next = random(14);
    for (let round = 0; round < 400; round++) {
      let text = seeds[0]!;
      const edits = 1 + Math.floor(next() * 6);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * (text.length + 1));
        const choice = next();
        if (choice < 0.4) text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)]! + text.slice(at);
        else if (choice < 0.7) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
        else text = text.slice(0, at);
      }
      const { body, problems } = parseHcl(text);
      let nodes = 0;
      walk(body, (node) => {
        nodes++;
        assert.ok(node.start >= 0 && node.start <= node.end && node.end <= text.length, `${JSON.stringify(node)} in ${JSON.stringify(text)}`);
      });
      assert.ok(nodes <= 4 * text.length + 10);
      assert.ok(problems.length <= text.length + 1);
      for (const p of problems) assert.ok(p.start >= 0 && p.start < p.end && p.end <= text.length + 1, JSON.stringify(p));
    }
  });
});

/** Every object with a range in the tree. */
function walk(node: unknown, visit: (node: { start: number; end: number }) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  const record = node as Record<string, unknown>;
  if (typeof record.start === 'number' && typeof record.end === 'number') visit(record as { start: number; end: number });
  for (const [key, value] of Object.entries(record)) if (key !== 'runs') walk(value, visit);
}
