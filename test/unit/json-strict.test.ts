// Strict JSON is read by hand (formats/json-strict.ts) and everything else by jsonc-parser's visitor
// (formats/json-reader.ts): where the hand reader answers, its tree must be the visitor's, node for node,
// ranges, commas, colons, parents and problems included; where the text is anything but strict JSON, it
// must step aside.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { generatePolicy, generateTemplate, random } from '../../bench/generate';
import { parseJson, parseJsonc } from '../../server/src/formats/json-reader';
import { readStrictJson } from '../../server/src/formats/json-strict';
import { MAX_NESTING_DEPTH } from '../../server/src/model/problems';
import { repoRoot } from '../helpers';

function jsonFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

const samples = [
  ...[join(repoRoot, 'examples'), join(repoRoot, 'test', 'fixtures')].flatMap(jsonFiles).map((file) => readFileSync(file, 'utf8')),
  generatePolicy(),
  generatePolicy(20_000, 3),
  generateTemplate(64 * 1024).json,
  JSON.stringify(JSON.parse(generateTemplate(64 * 1024).json)),
];

/** JSON.parse is the judge of strict JSON: the hand reader answers exactly where it accepts the text. */
function acceptedByJsonParse(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Both readers on one text: the hand reader answers exactly when the text is strict JSON, and then with
 * the visitor's tree; parseJson gives the visitor's tree either way. Says whether the text was strict.
 */
function assertSameTree(text: string): boolean {
  const strict = readStrictJson(text);
  const label = JSON.stringify(text.slice(0, 120));
  assert.equal(strict !== undefined, acceptedByJsonParse(text), label);
  assert.deepEqual(parseJson(text), parseJsonc(text), label);
  return strict !== undefined;
}

describe('strict JSON read by hand', () => {
  test('the repository’s JSON files and generated policies: the same tree as the visitor’s', () => {
    // Two fixtures have comments, which only the visitor reads.
    assert.equal(samples.filter(assertSameTree).length, samples.length - 2);
  });

  test('escapes, numbers, literals, intrinsics and a duplicate key: the same tree and problems', () => {
    const cases = [
      '"a\\u00e9\\n\\"\\\\\\/"',
      '"\\ud83d\\ude00 \u2028 é"',
      '[0, -0, 1e5, 1E-2, -0.5e+3, 12345678901234567890]',
      '[true, false, null, [], {}, [[]], {"a": {}}]',
      '{"Ref": "Role"}',
      '{"Fn::If": ["c", {"Effect": "Allow"}, {"Ref": "AWS::NoValue"}]}',
      '{"Action": "a", "Action": "b"}',
      ' \t\r\n{ "a" : [ 1 , 2 ] } \n',
    ];
    for (const text of cases) assert.ok(assertSameTree(text), text);
    assert.equal(readStrictJson('{"a": 1, "a": 2}')!.problems[0]!.code, 'duplicate-key');
  });

  test('anything but strict JSON is left to the visitor, which reports it', () => {
    const loose = [
      '',
      '   ',
      '\ufeff{}',
      '{"a": 1} // note',
      '/* c */ {}',
      '[1,]',
      '{"a": 1,}',
      '{"a" 1}',
      '{a: 1}',
      '[01]',
      '[1.]',
      '[-]',
      '[.5]',
      '[truex]',
      '["a\tb"]',
      '["a\\x"]',
      '["\\u12"]',
      '"open',
      '{"a": 1}x',
      '[1 2]',
      '{"a": 1\u00a0}',
      '[' + '['.repeat(MAX_NESTING_DEPTH) + ']'.repeat(MAX_NESTING_DEPTH + 1),
    ];
    for (const text of loose) {
      assert.equal(readStrictJson(text), undefined, JSON.stringify(text.slice(0, 40)));
      assert.deepEqual(parseJson(text), parseJsonc(text));
    }
    // Past the nesting limit JSON.parse still reads it; the limit's finding is the visitor's to give.
    assert.equal(parseJson(loose.at(-1)!).problems[0]!.code, 'nesting-too-deep');
  });

  test('edited samples, a few characters added or cut: either the same tree or the visitor’s turn', () => {
    const next = random(5);
    const pieces = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '1', '-', '.', 'e', 'true', 'null', 'x', '\u00a0', '/', '\t', '0', 'E+', '\\u00e9'];
    let strict = 0;
    let loose = 0;
    for (const sample of samples.slice(0, 40)) {
      for (let round = 0; round < 40; round++) {
        let text = sample;
        for (let edit = 0; edit < 1 + Math.floor(next() * 3); edit++) {
          const at = Math.floor(next() * (text.length + 1));
          text =
            next() < 0.5
              ? text.slice(0, at) + pieces[Math.floor(next() * pieces.length)]! + text.slice(at)
              : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
        }
        if (assertSameTree(text)) strict++;
        else loose++;
      }
    }
    // Both paths are exercised: edits inside strings keep the text strict, most others do not.
    assert.ok(strict > 100 && loose > 100, `${strict} strict, ${loose} loose`);
  });
});
