// Fixed-seed fuzzing: mutated and truncated policies and templates, random bytes, absurd nesting, huge
// strings, surrogates, CRLF and BOMs. No exception may escape any feature, at any position, and every
// answer stays bounded.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { random } from '../../bench/generate';
import type { FormatId as DocumentFormat } from '../../server/src/formats/registry';
import { analyse, completion, diagnostics, hoverAt, lenses, quickFixes, simulate, symbols, target } from '../../server/src/service';
import { simulate as apiSimulate } from '../../server/src/api';
import { readRepoFile } from '../helpers';

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

  test('10,000-deep nesting in every shape', () => {
    const next = random(3);
    const shapes = [
      '['.repeat(10_000) + ']'.repeat(10_000),
      '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
      '['.repeat(10_000),
      `{"Version": "2012-10-17", "Statement": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
      Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}- `).join('\n'),
      Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
    ];
    for (const text of shapes) {
      exercise(text, 'json', next, 4);
      exercise(text, 'yaml', next, 4);
    }
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
