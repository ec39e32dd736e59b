// Reusing an unchanged policy's findings must never change the answer: after any edit, the analysis
// built on the previous version equals a fresh one, finding for finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { random } from '../../bench/generate';
import { analyse } from '../../server/src/service';
import { readRepoFile } from '../helpers';

test('analysis reusing the previous version equals a fresh analysis, edit after edit', () => {
  const next = random(42);
  for (const [file, format] of [
    ['examples/mistakes.yaml', 'yaml'],
    ['examples/cloudformation-roles.json', 'json'],
    ['examples/mistakes.json', 'json'],
  ] as const) {
    let text = readRepoFile(file);
    let previous = analyse(text, format);
    for (let i = 0; i < 60; i++) {
      const at = Math.floor(next() * text.length);
      const edit = ['x', '', '\n', 'profile:Get*', '"', 'Deny'][Math.floor(next() * 6)]!;
      text = text.slice(0, at) + edit + text.slice(at + (next() < 0.5 ? 1 : 0));
      const reused = analyse(text, format, undefined, undefined, previous);
      const fresh = analyse(text, format);
      assert.deepEqual(reused.findings, fresh.findings, `after edit ${i} of ${file}`);
      previous = reused;
    }
  }
});

test('an unchanged policy keeps its findings without a new run', () => {
  const text = readRepoFile('examples/mistakes.yaml');
  const first = analyse(text, 'yaml');
  // Shift everything down by one line: every policy is unchanged, only moved.
  const second = analyse(`# moved\n${text}`, 'yaml', undefined, undefined, first);
  assert.deepEqual(
    second.findings.map((f) => [f.ruleId, f.start - 8]),
    first.findings.map((f) => [f.ruleId, f.start]),
  );
  const firstEntries = [...first.byPolicy!.values()];
  const secondEntries = [...second.byPolicy!.values()];
  assert.equal(secondEntries[0]!.start, firstEntries[0]!.start + 8);
});
